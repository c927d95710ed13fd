package io.lws.spring.boot.autoconfigure;

import io.lws.core.LwsContext;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published once an lws server has started: its context exists ({@code lws_create_context} returned) and every vhost
 * listens ({@code lws_create_vhost} bound its port). Published for the lws server and for the management server;
 * {@link LwsServer#name()} tells them apart.
 */
public class LwsServerInitializedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * An event for a server that has just started.
	 * @param server the server
	 */
	public LwsServerInitializedEvent(LwsServer server) {
		super(server);
	}

	/**
	 * The server that started.
	 * @return the server
	 */
	public LwsServer getServer() {
		return (LwsServer) getSource();
	}

	/**
	 * The running context ({@code struct lws_context}).
	 * @return the context, or {@code null} once the server has stopped again
	 */
	public @Nullable LwsContext getContext() {
		return getServer().context();
	}

}
