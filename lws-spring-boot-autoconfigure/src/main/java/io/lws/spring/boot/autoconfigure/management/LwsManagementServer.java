package io.lws.spring.boot.autoconfigure.management;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsProtocol;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.spring.boot.autoconfigure.LwsServerInitializedEvent;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.lws.spring.boot.autoconfigure.server.LwsServerLifecycle;
import io.lws.spring.boot.autoconfigure.server.ServerDefinition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The management server: a second, small lws context (one service thread, {@value #HEADER_POOL} header buffers, one
 * vhost called {@value #VHOST}) serving actuator's web endpoints. It has its own context so that a saturated header
 * pool or busy service threads on the main server never hide the health and metrics that would explain them. Starts
 * and stops with the application context, in Boot's web server phase.
 */
public class LwsManagementServer implements SmartLifecycle {

	/** The name of the management server and of its one vhost. */
	public static final String VHOST = "management";

	/** Header buffers of the management context. */
	static final int HEADER_POOL = 4;

	private static final Logger logger = LoggerFactory.getLogger(LwsManagementServer.class);

	private final LwsServer server;

	private final ApplicationEventPublisher publisher;

	private final String basePath;

	private volatile @Nullable ExecutorService executor;

	/**
	 * A management server.
	 * @param dispatcher answers requests
	 * @param port the port ({@code management.server.port} or {@code lws.management.port})
	 * @param iface the interface or address, or {@code null} for all
	 * @param serverString the {@code server:} header, or {@code null}
	 * @param publisher where to publish {@link LwsServerInitializedEvent}
	 */
	LwsManagementServer(EndpointDispatcher dispatcher, int port, @Nullable String iface, @Nullable String serverString,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.basePath = dispatcher.basePath();
		this.server = new LwsServer(VHOST, () -> definition(dispatcher, port, iface, serverString));
	}

	private ServerDefinition definition(EndpointDispatcher dispatcher, int port, @Nullable String iface,
			@Nullable String serverString) {
		ManagementProtocolHandler handler = new ManagementProtocolHandler(dispatcher, this.executor);
		ContextCreationInfo context = ContextCreationInfo.builder()
			.countThreads(1)
			.maxHttpHeaderPool(HEADER_POOL)
			.serverString(serverString)
			.options(ServerOption.EXPLICIT_VHOSTS)
			.build();
		VhostCreationInfo vhost = VhostCreationInfo.builder(VHOST)
			.port(port)
			.iface(iface)
			.protocols(LwsProtocol.of(ManagementProtocolHandler.NAME, handler))
			.build();
		return new ServerDefinition(context, List.of(vhost));
	}

	/**
	 * The underlying server.
	 * @return the server, named {@value #VHOST}
	 */
	public LwsServer server() {
		return this.server;
	}

	/** Creates the management context and publishes {@link LwsServerInitializedEvent}. */
	@Override
	public void start() {
		this.executor = Executors.newFixedThreadPool(2, new NamedThreads());
		try {
			this.server.start();
		}
		catch (RuntimeException ex) {
			this.executor.shutdownNow();
			throw ex;
		}
		logger.info("lws management server serves actuator endpoints on port {} under '{}'", this.server.port(),
				this.basePath.isEmpty() ? "/" : this.basePath);
		this.publisher.publishEvent(new LwsServerInitializedEvent(this.server));
	}

	/** Destroys the management context ({@code lws_context_destroy}) and its worker threads. */
	@Override
	public void stop() {
		this.server.stop();
		ExecutorService ex = this.executor;
		if (ex != null) {
			ex.shutdownNow();
		}
	}

	/** Whether the management context runs. */
	@Override
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/** Boot's web server start/stop phase. */
	@Override
	public int getPhase() {
		return LwsServerLifecycle.START_STOP_PHASE;
	}

	private static final class NamedThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable r) {
			Thread t = new Thread(r, "lws-management-" + this.count.incrementAndGet());
			t.setDaemon(true);
			return t;
		}

	}

}
