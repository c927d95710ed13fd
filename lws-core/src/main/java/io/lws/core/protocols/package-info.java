/**
 * Ready-made protocol handlers, as libwebsockets ships protocol plugins: currently an echo protocol.
 */
package io.lws.core.protocols;
