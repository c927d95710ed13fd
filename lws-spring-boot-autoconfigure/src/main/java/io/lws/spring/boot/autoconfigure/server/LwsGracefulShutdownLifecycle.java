package io.lws.spring.boot.autoconfigure.server;

import org.springframework.context.SmartLifecycle;

/**
 * Shuts an {@link LwsServer} down gracefully before it is destroyed, in Boot's graceful-shutdown phase: listeners
 * close, HTTP transactions finish, WebSockets get close 1001 (going away) and complete their close handshakes. The
 * wait is bounded by {@code spring.lifecycle.timeout-per-shutdown-phase}; after it {@link LwsServerLifecycle}
 * destroys what is left. libwebsockets has no graceful shutdown of its own; this is ours over
 * {@code LwsContext.shutdownGracefully()}.
 */
public class LwsGracefulShutdownLifecycle implements SmartLifecycle {

	/** The phase graceful shutdown runs in: Boot's graceful-shutdown phase, before the servers stop. */
	public static final int GRACEFUL_SHUTDOWN_PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	private final LwsServer server;

	private volatile boolean running;

	/**
	 * A graceful shutdown for {@code server}.
	 * @param server the server
	 */
	public LwsGracefulShutdownLifecycle(LwsServer server) {
		this.server = server;
	}

	/** Marks the lifecycle running, so that it is stopped (the server itself is started elsewhere). */
	@Override
	public void start() {
		this.running = true;
	}

	/** Not supported: graceful shutdown is asynchronous. */
	@Override
	public void stop() {
		throw new UnsupportedOperationException("Stop must not be invoked directly");
	}

	/** Starts the graceful shutdown and calls {@code callback} once no connection is left. */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		this.server.shutdownGracefully().whenComplete((ok, ex) -> callback.run());
	}

	/** Whether the lifecycle has been started and not stopped. */
	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** {@link #GRACEFUL_SHUTDOWN_PHASE}. */
	@Override
	public int getPhase() {
		return GRACEFUL_SHUTDOWN_PHASE;
	}

	/** Not pauseable: a graceful shutdown cannot be undone. */
	@Override
	public boolean isPauseable() {
		return false;
	}

}
