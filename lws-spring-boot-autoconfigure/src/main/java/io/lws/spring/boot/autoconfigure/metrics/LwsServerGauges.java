package io.lws.spring.boot.autoconfigure.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.lws.core.HeaderPoolStats;
import io.lws.core.LwsContext;
import io.lws.core.LwsVhost;
import io.lws.core.service.ContextEngine;
import io.lws.core.service.ServiceThread;
import io.lws.spring.boot.autoconfigure.LwsServerInitializedEvent;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;

/**
 * Gauges over the lws server's live state, read only when the registry publishes: open connections per vhost
 * ({@code LwsVhost.connectionCount()}), the header "ah" pool ({@code max_http_header_pool}: max, active, idle,
 * pending) and the service threads ({@code count_threads}, and how many are alive). Context-wide gauges are
 * registered at once (NaN while the server is stopped); per-vhost gauges when the server has started.
 */
public class LwsServerGauges implements ApplicationListener<LwsServerInitializedEvent> {

	private final MeterRegistry registry;

	private final LwsServer server;

	/**
	 * Registers the context-wide gauges.
	 * @param registry where meters go
	 * @param server the lws server
	 */
	public LwsServerGauges(MeterRegistry registry, LwsServer server) {
		this.registry = registry;
		this.server = server;
		pool(LwsMeterNames.HEADER_POOL_MAX, "HTTP header buffers in all", HeaderPoolStats::size);
		pool(LwsMeterNames.HEADER_POOL_ACTIVE, "HTTP header buffers held by connections", HeaderPoolStats::inUse);
		pool(LwsMeterNames.HEADER_POOL_IDLE, "Free HTTP header buffers", (s) -> s.size() - s.inUse());
		gauge(LwsMeterNames.HEADER_POOL_PENDING, "Connections waiting for an HTTP header buffer",
				BaseUnits.CONNECTIONS, (ctx) -> ctx.headerPoolStats().waiting());
		gauge(LwsMeterNames.SERVICE_THREADS, "Service threads", BaseUnits.THREADS, LwsContext::countThreads);
		gauge(LwsMeterNames.SERVICE_THREADS_ALIVE, "Service threads whose loop is alive", BaseUnits.THREADS,
				LwsServerGauges::aliveThreads);
	}

	/** Registers {@code lws.connections.active} for each vhost of the started lws server. */
	@Override
	public void onApplicationEvent(LwsServerInitializedEvent event) {
		if (event.getServer() != this.server) {
			return;
		}
		for (LwsVhost vhost : event.getContext().vhosts()) {
			String name = vhost.name();
			Gauge.builder(LwsMeterNames.CONNECTIONS_ACTIVE, this.server, (s) -> connections(s, name))
				.description("Open connections")
				.baseUnit(BaseUnits.CONNECTIONS)
				.tag("vhost", name)
				.strongReference(true)
				.register(this.registry);
		}
	}

	private static double connections(LwsServer server, String vhost) {
		LwsContext ctx = server.context();
		LwsVhost v = (ctx != null) ? ctx.vhost(vhost) : null;
		return (v != null) ? v.connectionCount() : Double.NaN;
	}

	private void pool(String name, String description, ToDoubleFunction<HeaderPoolStats> value) {
		gauge(name, description, null, (ctx) -> value.applyAsDouble(ctx.headerPoolStats()));
	}

	private void gauge(String name, String description, @Nullable String unit, ToDoubleFunction<LwsContext> value) {
		Gauge.builder(name, this.server, (s) -> {
			LwsContext ctx = s.context();
			return (ctx != null) ? value.applyAsDouble(ctx) : Double.NaN;
		}).description(description).baseUnit(unit).strongReference(true).register(this.registry);
	}

	static int aliveThreads(LwsContext ctx) {
		if (ctx instanceof ContextEngine engine) {
			List<ServiceThread> threads = engine.serviceThreads();
			int alive = 0;
			for (ServiceThread t : threads) {
				if (t.isAlive()) {
					alive++;
				}
			}
			return alive;
		}
		return ctx.countThreads();
	}

}
