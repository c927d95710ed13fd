package io.lws.spring.boot.autoconfigure.server;

import io.lws.spring.boot.autoconfigure.LwsServerInitializedEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Starts an {@link LwsServer} once every bean exists and destroys it when the application context closes: the
 * place of libwebsockets' {@code lws_create_context} and {@code lws_context_destroy} in a Spring application. Runs in
 * the phase Boot gives its embedded web servers, and publishes an {@link LwsServerInitializedEvent} after the start.
 */
public class LwsServerLifecycle implements SmartLifecycle {

	/** The phase servers start in and stop in last: Boot's web server start/stop phase. */
	public static final int START_STOP_PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private final LwsServer server;

	private final ApplicationEventPublisher publisher;

	/**
	 * A lifecycle for {@code server}.
	 * @param server the server to start and stop
	 * @param publisher where to publish the {@link LwsServerInitializedEvent}
	 */
	public LwsServerLifecycle(LwsServer server, ApplicationEventPublisher publisher) {
		this.server = server;
		this.publisher = publisher;
	}

	/** Starts the server ({@code lws_create_context}) and publishes {@link LwsServerInitializedEvent}. */
	@Override
	public void start() {
		this.server.start();
		this.publisher.publishEvent(new LwsServerInitializedEvent(this.server));
	}

	/** Destroys the server ({@code lws_context_destroy}). */
	@Override
	public void stop() {
		this.server.stop();
	}

	/** Whether the server runs. */
	@Override
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/** {@link #START_STOP_PHASE}. */
	@Override
	public int getPhase() {
		return START_STOP_PHASE;
	}

}
