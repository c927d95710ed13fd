/**
 * A bounded ring with one head and many tails: libwebsockets' {@code lws_ring}, the broadcast buffer behind protocols
 * such as {@code lws-mirror-protocol}.
 */
package io.lws.core.ring;
