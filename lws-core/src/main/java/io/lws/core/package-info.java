/**
 * The public API of lws-core: libwebsockets' context ({@link io.lws.core.LwsContext}, {@code lws_create_context}),
 * vhosts ({@link io.lws.core.LwsVhost}), connections ({@link io.lws.core.Lws}, {@code struct lws}), protocols and
 * their callbacks ({@link io.lws.core.LwsProtocol}, {@link io.lws.core.LwsProtocolHandler}), the creation infos, and
 * the enums of {@code libwebsockets.h} with their C numbers (callback reasons, write protocols, pending timeouts, close
 * codes, header tokens, server options). See {@code docs/api-map.md} for the C-to-Java map.
 */
package io.lws.core;
