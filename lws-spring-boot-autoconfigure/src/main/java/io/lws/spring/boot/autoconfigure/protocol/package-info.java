/**
 * Protocols: libwebsockets' {@code struct lws_protocols} entries found among the application's beans
 * ({@code @LwsProtocol} handlers and plain {@code LwsProtocol} beans), and the choice of protocols per vhost.
 */
@NullMarked
package io.lws.spring.boot.autoconfigure.protocol;

import org.jspecify.annotations.NullMarked;
