package io.lws.spring.boot.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import io.lws.core.HeaderPoolStats;
import io.lws.core.LwsContext;
import io.lws.core.LwsVhost;
import io.lws.core.service.ContextEngine;
import io.lws.core.service.ServiceThread;
import io.lws.spring.boot.autoconfigure.LwsServerInitializedEvent;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;

/**
 * Binds the gauges over the lws server's live state, read only when a registry publishes: the header "ah" pool
 * ({@code max_http_header_pool}: max, active, idle, pending), the service threads ({@code count_threads}, how many are
 * alive, and each one's connections and pending tasks), and open connections per vhost
 * ({@code LwsVhost.connectionCount()}); and the timer of each service thread's loop lag, which a probe measures
 * ({@code lws.metrics.loop-lag-interval}). A {@link MeterBinder}: Spring Boot binds it to the application's registry.
 * Context-wide gauges are bound at once (NaN while the server is stopped); per-vhost and per-thread meters once the
 * server has started and its vhosts and threads are known, the way Boot binds Tomcat's and Jetty's meters at start.
 * Closing it stops the probe's thread.
 */
public class LwsMetricsBinder implements MeterBinder, ApplicationListener<LwsServerInitializedEvent>, AutoCloseable {

	/** How often the loop lag probe runs unless told otherwise. */
	public static final Duration DEFAULT_LOOP_LAG_INTERVAL = Duration.ofSeconds(1);

	private final LwsServer server;

	private final Tags tags;

	private final @Nullable LoopLagProbe loopLag;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * A binder for {@code server}'s meters, probing the loop lag every second.
	 * @param server the lws server
	 */
	public LwsMetricsBinder(LwsServer server) {
		this(server, Tags.empty());
	}

	/**
	 * A binder for {@code server}'s meters, each with {@code tags} besides its own, probing the loop lag every
	 * second.
	 * @param server the lws server
	 * @param tags tags added to every meter, e.g. an application or instance name
	 */
	public LwsMetricsBinder(LwsServer server, Iterable<Tag> tags) {
		this(server, tags, DEFAULT_LOOP_LAG_INTERVAL);
	}

	/**
	 * A binder for {@code server}'s meters, each with {@code tags} besides its own.
	 * @param server the lws server
	 * @param tags tags added to every meter, e.g. an application or instance name
	 * @param loopLagInterval how often to probe each service thread's loop lag; zero for no probe (and no
	 * {@code lws.service.loop.lag} timers)
	 * @throws IllegalArgumentException if {@code loopLagInterval} is negative
	 */
	public LwsMetricsBinder(LwsServer server, Iterable<Tag> tags, Duration loopLagInterval) {
		if (loopLagInterval.isNegative()) {
			throw new IllegalArgumentException(
					"loopLagInterval must be zero (off) or positive, not " + loopLagInterval);
		}
		this.server = server;
		this.tags = Tags.of(tags);
		this.loopLag = loopLagInterval.isZero() ? null : new LoopLagProbe(loopLagInterval, server::context);
	}

	/** Binds the context-wide gauges to {@code registry}, and the per-vhost ones if the server is already up. */
	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		pool(registry, LwsMeters.HEADER_POOL_MAX, HeaderPoolStats::size);
		pool(registry, LwsMeters.HEADER_POOL_ACTIVE, HeaderPoolStats::inUse);
		pool(registry, LwsMeters.HEADER_POOL_IDLE, (s) -> s.size() - s.inUse());
		pool(registry, LwsMeters.HEADER_POOL_PENDING, HeaderPoolStats::waiting);
		gauge(registry, LwsMeters.SERVICE_THREADS, LwsContext::countThreads);
		gauge(registry, LwsMeters.SERVICE_THREADS_ALIVE, LwsMetricsBinder::aliveThreads);
		LwsContext ctx = this.server.context();
		if (ctx != null) {
			bindVhosts(registry, ctx);
			bindThreads(registry, ctx);
		}
	}

	/** Binds the meters of each vhost and each service thread of the started lws server, in every bound registry. */
	@Override
	public void onApplicationEvent(LwsServerInitializedEvent event) {
		if (event.getServer() != this.server) {
			return;
		}
		for (MeterRegistry registry : this.registries) {
			bindVhosts(registry, event.getContext());
			bindThreads(registry, event.getContext());
		}
	}

	/** Stops the loop lag probe's thread. */
	@Override
	public void close() {
		if (this.loopLag != null) {
			this.loopLag.close();
		}
	}

	private void bindVhosts(MeterRegistry registry, LwsContext ctx) {
		// registering an existing meter again returns it, so a registry bound before and after the start is fine
		for (LwsVhost vhost : ctx.vhosts()) {
			String name = vhost.name();
			LwsMeters.CONNECTIONS_ACTIVE.gauge(this.server, (s) -> connections(s, name))
				.tags(LwsMeters.CONNECTIONS_ACTIVE.tags(this.tags, name))
				.strongReference(true)
				.register(registry);
		}
	}

	private void bindThreads(MeterRegistry registry, LwsContext ctx) {
		for (ServiceThread thread : ContextEngine.serviceThreadsOf(ctx)) {
			int tsi = thread.tsi();
			String name = "lws-service-" + tsi;
			threadGauge(registry, LwsMeters.SERVICE_CONNECTIONS, tsi, name, ServiceThread::connectionCount);
			threadGauge(registry, LwsMeters.SERVICE_TASKS_PENDING, tsi, name, ServiceThread::pendingTasks);
			if (this.loopLag != null) {
				this.loopLag.addTimer(tsi, LwsMeters.SERVICE_LOOP_LAG.timer()
					.tags(LwsMeters.SERVICE_LOOP_LAG.tags(this.tags, name))
					.register(registry));
			}
		}
	}

	private void threadGauge(MeterRegistry registry, LwsMeters meter, int tsi, String name,
			ToIntFunction<ServiceThread> value) {
		meter.gauge(this.server, (s) -> {
			List<ServiceThread> threads = ContextEngine.serviceThreadsOf(s.context());
			return (tsi < threads.size()) ? value.applyAsInt(threads.get(tsi)) : Double.NaN;
		}).tags(meter.tags(this.tags, name)).strongReference(true).register(registry);
	}

	private static double connections(LwsServer server, String vhost) {
		LwsContext ctx = server.context();
		LwsVhost v = (ctx != null) ? ctx.vhost(vhost) : null;
		return (v != null) ? v.connectionCount() : Double.NaN;
	}

	private void pool(MeterRegistry registry, LwsMeters meter, ToDoubleFunction<HeaderPoolStats> value) {
		gauge(registry, meter, (ctx) -> value.applyAsDouble(ctx.headerPoolStats()));
	}

	private void gauge(MeterRegistry registry, LwsMeters meter, ToDoubleFunction<LwsContext> value) {
		meter.gauge(this.server, (s) -> {
			LwsContext ctx = s.context();
			return (ctx != null) ? value.applyAsDouble(ctx) : Double.NaN;
		}).tags(this.tags).strongReference(true).register(registry);
	}

	static int aliveThreads(LwsContext ctx) {
		if (!(ctx instanceof ContextEngine)) {
			return ctx.countThreads();
		}
		int alive = 0;
		for (ServiceThread t : ContextEngine.serviceThreadsOf(ctx)) {
			if (t.isAlive()) {
				alive++;
			}
		}
		return alive;
	}

}
