/**
 * The engine behind the public API: service threads with their selectors, vhosts and listen sockets, connections and
 * their roles (HTTP/1.1 server, WebSocket), the header pool and timeouts.
 * <p>
 * Internal: the types here are public only so the engine's packages can share them; applications use
 * {@link io.lws.core.LwsContext}, {@link io.lws.core.LwsVhost} and {@link io.lws.core.Lws}. Everything a connection
 * owns is touched only on its service thread; cross-thread requests arrive through {@link
 * io.lws.core.service.ServiceThread#post(Runnable)}.
 */
package io.lws.core.service;
