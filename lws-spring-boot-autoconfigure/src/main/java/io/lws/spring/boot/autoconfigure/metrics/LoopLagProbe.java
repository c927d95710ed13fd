package io.lws.spring.boot.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lws.core.LwsContext;
import io.lws.core.service.ContextEngine;
import io.lws.core.service.ServiceThread;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times how long work handed to a service thread waits before the thread runs it ({@code lws.service.loop.lag}):
 * every interval, from a daemon thread of its own, it posts a task to each service thread of the running context and
 * records the time from the post to the run. That is what a callback that blocks its service thread, or a loop too
 * busy to keep up, costs every other connection of the thread. A thread whose probe has not run yet gets no second
 * one, so a stalled loop holds a single probe, recorded with the whole stall when the loop comes back. libwebsockets
 * has no such probe; it is the event-loop lag other servers' metrics report.
 */
final class LoopLagProbe implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LoopLagProbe.class);

	private final Duration interval;

	private final Supplier<@Nullable LwsContext> context;

	/** Each thread's timers by {@code tsi}, one per registry the binder was bound to. */
	private final ConcurrentMap<Integer, List<Timer>> timers = new ConcurrentHashMap<>();

	/** The service threads whose probe is posted and has not run yet, by {@code tsi}. */
	private final ConcurrentMap<Integer, ServiceThread> awaiting = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService scheduler;

	private boolean closed;

	/**
	 * A probe of the contexts {@code context} supplies (the server's current one, {@code null} while it is stopped).
	 * @param interval how often each thread is probed; positive
	 * @param context the context to probe at each tick
	 */
	LoopLagProbe(Duration interval, Supplier<@Nullable LwsContext> context) {
		this.interval = interval;
		this.context = context;
	}

	/** Records thread {@code tsi}'s lag in {@code timer} too, and starts probing if this is the first timer. */
	synchronized void addTimer(int tsi, Timer timer) {
		List<Timer> list = this.timers.computeIfAbsent(tsi, (t) -> new CopyOnWriteArrayList<>());
		if (!list.contains(timer)) {
			list.add(timer);
		}
		if (this.scheduler == null && !this.closed) {
			ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor((r) -> {
				Thread t = new Thread(r, "lws-loop-lag-probe");
				t.setDaemon(true);
				return t;
			});
			long nanos = this.interval.toNanos();
			s.scheduleAtFixedRate(this::tick, 0, nanos, TimeUnit.NANOSECONDS);
			this.scheduler = s;
		}
	}

	/** Posts a probe to each live service thread that has none waiting. */
	void tick() {
		try {
			for (ServiceThread thread : ContextEngine.serviceThreadsOf(this.context.get())) {
				List<Timer> list = this.timers.get(thread.tsi());
				if (list != null && thread.isAlive() && this.awaiting.get(thread.tsi()) != thread) {
					this.awaiting.put(thread.tsi(), thread);
					long posted = System.nanoTime();
					thread.post(() -> ran(thread, list, posted));
				}
			}
		}
		catch (RuntimeException ex) {
			// a failed tick must not cancel the schedule: the next one probes again
			logger.debug("lws loop lag probe failed", ex);
		}
	}

	private void ran(ServiceThread thread, List<Timer> list, long posted) {
		long lag = System.nanoTime() - posted;
		for (Timer timer : list) {
			timer.record(lag, TimeUnit.NANOSECONDS);
		}
		this.awaiting.remove(thread.tsi(), thread);
	}

	/** Stops probing; the probe's thread ends. */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

}
