package io.lws.spring.boot.autoconfigure.server;

import java.net.BindException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.lws.core.LwsContext;
import io.lws.core.LwsException;
import io.lws.core.LwsVhost;
import io.lws.core.VhostCreationInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An lws server managed by Spring: owns one {@link LwsContext} ({@code struct lws_context}), created with its vhosts
 * by {@link #start()} ({@code lws_create_context} then {@code lws_create_vhost} per vhost) and destroyed by
 * {@link #stop()} ({@code lws_context_destroy}). The definition is only computed at start, so protocol beans may
 * depend on this bean. Thread-safe.
 */
public class LwsServer {

	private static final Logger logger = LoggerFactory.getLogger(LwsServer.class);

	private final String name;

	private final Supplier<ServerDefinition> definition;

	private volatile @Nullable LwsContext context;

	private volatile @Nullable CompletableFuture<Void> gracefulShutdown;

	/**
	 * A server that is not started yet.
	 * @param name its name in logs, events and errors ({@code lws} or {@code management})
	 * @param definition computes the context and vhost infos when the server starts
	 */
	public LwsServer(String name, Supplier<ServerDefinition> definition) {
		this.name = name;
		this.definition = definition;
	}

	/**
	 * The server's name.
	 * @return {@code lws} for the server configured by {@code lws.*}, {@code management} for the management server
	 */
	public String name() {
		return this.name;
	}

	/**
	 * {@code lws_create_context} and {@code lws_create_vhost} for each vhost. Does nothing when already running.
	 * @throws LwsPortInUseException when a vhost cannot bind its port (the context is destroyed again)
	 * @throws LwsVhostStartException when the engine refuses a vhost for another reason (likewise)
	 */
	public synchronized void start() {
		if (this.context != null) {
			return;
		}
		ServerDefinition def = this.definition.get();
		LwsContext ctx = LwsContext.create(def.context());
		try {
			for (VhostCreationInfo vhost : def.vhosts()) {
				createVhost(ctx, vhost);
			}
		}
		catch (RuntimeException ex) {
			ctx.destroy();
			throw ex;
		}
		this.gracefulShutdown = null;
		this.context = ctx;
	}

	private void createVhost(LwsContext ctx, VhostCreationInfo vhost) {
		try {
			ctx.createVhost(vhost);
		}
		catch (LwsException ex) {
			if (isBindFailure(ex)) {
				throw new LwsPortInUseException(this.name, vhost.name(), vhost.port(), ex);
			}
			throw new LwsVhostStartException(this.name, vhost.name(), ex);
		}
	}

	private static boolean isBindFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BindException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Starts a graceful shutdown ({@link LwsContext#shutdownGracefully()}): listeners close, HTTP transactions finish,
	 * WebSockets get close 1001 and complete their close handshakes.
	 * @return a future completed when no connection is left (at once when not running)
	 */
	public synchronized CompletableFuture<Void> shutdownGracefully() {
		LwsContext ctx = this.context;
		if (ctx == null) {
			return CompletableFuture.completedFuture(null);
		}
		if (this.gracefulShutdown == null) {
			logger.info("Commencing graceful shutdown of the {} server: waiting for {} connection(s) to close",
					this.name, ctx.connectionCount());
			this.gracefulShutdown = ctx.shutdownGracefully().whenComplete((ok, ex) -> {
				if (!ctx.isDestroyed()) {
					logger.info("Graceful shutdown of the {} server complete", this.name);
				}
			});
		}
		return this.gracefulShutdown;
	}

	/** {@code lws_context_destroy}: closes whatever is left (WebSockets with 1001) and frees the ports. Idempotent. */
	public synchronized void stop() {
		LwsContext ctx = this.context;
		if (ctx == null) {
			return;
		}
		CompletableFuture<Void> graceful = this.gracefulShutdown;
		if (graceful != null && !graceful.isDone()) {
			logger.info("Graceful shutdown of the {} server aborted with {} connection(s) still open", this.name,
					ctx.connectionCount());
		}
		this.context = null;
		ctx.destroy();
	}

	/**
	 * Whether the context exists and is not destroyed.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public boolean isRunning() {
		LwsContext ctx = this.context;
		return ctx != null && !ctx.isDestroyed();
	}

	/**
	 * The running context.
	 * @return the context, or {@code null} when not running
	 */
	public @Nullable LwsContext context() {
		return this.context;
	}

	/**
	 * {@code lws_get_vhost_listen_port} of the first vhost that listens.
	 * @return the port, or -1 when not running or no vhost listens on a TCP port
	 */
	public int port() {
		LwsContext ctx = this.context;
		if (ctx != null) {
			for (LwsVhost vhost : ctx.vhosts()) {
				if (vhost.listenPort() > 0) {
					return vhost.listenPort();
				}
			}
		}
		return -1;
	}

	@Override
	public String toString() {
		return "LwsServer[" + this.name + ", running=" + isRunning() + "]";
	}

}
