package io.lws.spring.boot.autoconfigure.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import io.lws.core.metrics.MetricsRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import org.jspecify.annotations.Nullable;

/**
 * The engine's {@link MetricsRecorder} SPI written to Micrometer under the {@code lws.*} names of
 * {@link LwsMeterNames}. Cheap on the hot path by construction: bytes and messages go to {@link LongAdder}s read by
 * {@link FunctionCounter}s only when the registry publishes; per-tag meters are resolved once per tag value (vhost,
 * protocol, reason, code) and then found with one {@link ConcurrentHashMap#get} lookup; nothing allocates per byte or
 * per message. Tag values are bounded: configured vhost and protocol names, engine enums, bucketed close codes.
 */
public class MicrometerMetricsRecorder implements MetricsRecorder {

	private final MeterRegistry registry;

	private final LongAdder bytesIn = new LongAdder();

	private final LongAdder bytesOut = new LongAdder();

	private final LongAdder writableRequests = new LongAdder();

	private final Timer headerWait;

	private final ConcurrentMap<String, VhostMeters> vhosts = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, LongAdder> messagesIn = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, LongAdder> messagesOut = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Counter> keyed = new ConcurrentHashMap<>();

	/**
	 * A recorder registering its meters in {@code registry}.
	 * @param registry where meters go
	 */
	public MicrometerMetricsRecorder(MeterRegistry registry) {
		this.registry = registry;
		FunctionCounter.builder(LwsMeterNames.BYTES_RECEIVED, this.bytesIn, LongAdder::doubleValue)
			.baseUnit(BaseUnits.BYTES)
			.description("Bytes read from sockets")
			.register(registry);
		FunctionCounter.builder(LwsMeterNames.BYTES_SENT, this.bytesOut, LongAdder::doubleValue)
			.baseUnit(BaseUnits.BYTES)
			.description("Bytes written to sockets")
			.register(registry);
		FunctionCounter.builder(LwsMeterNames.WRITABLE_REQUESTS, this.writableRequests, LongAdder::doubleValue)
			.baseUnit(BaseUnits.EVENTS)
			.description("Writeable callbacks requested (lws_callback_on_writable)")
			.register(registry);
		this.headerWait = Timer.builder(LwsMeterNames.HEADER_POOL_ACQUIRE)
			.description("Time connections waited for an HTTP header buffer")
			.register(registry);
	}

	/** Counts an accepted connection on {@code vhost}. */
	@Override
	public void connectionOpened(String vhost) {
		vhost(vhost).opened.increment();
	}

	/** Counts a closed connection on {@code vhost} and records its lifetime. */
	@Override
	public void connectionClosed(String vhost, long durationNanos) {
		VhostMeters meters = vhost(vhost);
		meters.closed.increment();
		meters.duration.record(durationNanos, TimeUnit.NANOSECONDS);
	}

	/** Adds to {@code lws.bytes.received}. */
	@Override
	public void bytesIn(long bytes) {
		this.bytesIn.add(bytes);
	}

	/** Adds to {@code lws.bytes.sent}. */
	@Override
	public void bytesOut(long bytes) {
		this.bytesOut.add(bytes);
	}

	/** Counts a whole WebSocket message received on {@code protocol}. */
	@Override
	public void messageIn(String protocol) {
		adder(this.messagesIn, LwsMeterNames.MESSAGES_RECEIVED, "WebSocket messages received", protocol).increment();
	}

	/** Counts a whole WebSocket message sent on {@code protocol}. */
	@Override
	public void messageOut(String protocol) {
		adder(this.messagesOut, LwsMeterNames.MESSAGES_SENT, "WebSocket messages sent", protocol).increment();
	}

	/** Counts a WebSocket handshake by its result. */
	@Override
	public void handshake(String vhost, String result) {
		counter(LwsMeterNames.HANDSHAKES, "WebSocket handshakes", "vhost", vhost, "result", result).increment();
	}

	/** Counts a TLS handshake by its result. */
	@Override
	public void tlsHandshake(String vhost, String result) {
		counter(LwsMeterNames.TLS_HANDSHAKES, "TLS handshakes", "vhost", vhost, "result", result).increment();
	}

		/** Counts a WebSocket close by bucketed code and initiator. */
	@Override
	public void webSocketClosed(String protocol, int code, String initiator) {
		counter(LwsMeterNames.CLOSES, "WebSocket closes", "protocol", protocol, "code", CloseCodeTag.of(code),
				"initiator", initiator)
			.increment();
	}

	/** Counts a pending timeout that closed a connection. */
	@Override
	public void timeout(String reason) {
		counter(LwsMeterNames.TIMEOUTS, "Pending timeouts that closed a connection", "reason", reason).increment();
	}

	/** Counts writeable callback requests. */
	@Override
	public void writableRequested(long count) {
		this.writableRequests.add(count);
	}

	/** Records a wait for a header buffer. */
	@Override
	public void headerWait(long nanos) {
		this.headerWait.record(nanos, TimeUnit.NANOSECONDS);
	}

	/** Counts an HTTP response the engine generated, by status. */
	@Override
	public void httpResponse(String vhost, int status) {
		// every file answer comes here: the vhost's counters by status are resolved once, not by a key built per call
		VhostMeters meters = vhost(vhost);
		int slot = (status >= 100 && status <= 599) ? status - 100 : VhostMeters.OTHER_STATUS;
		Counter c = meters.responses.get(slot);
		if (c == null) {
			String tag = (slot == VhostMeters.OTHER_STATUS) ? "other" : Integer.toString(status);
			c = counter(LwsMeterNames.HTTP_RESPONSES, "HTTP responses generated by lws", "vhost", vhost, "status", tag);
			meters.responses.set(slot, c);
		}
		c.increment();
	}

	private VhostMeters vhost(@Nullable String vhost) {
		String name = (vhost != null) ? vhost : "none";
		VhostMeters meters = this.vhosts.get(name);
		return (meters != null) ? meters : this.vhosts.computeIfAbsent(name, (n) -> new VhostMeters(this.registry, n));
	}

	private LongAdder adder(ConcurrentMap<String, LongAdder> adders, String meter, String description,
			@Nullable String protocol) {
		String name = (protocol != null) ? protocol : "none";
		LongAdder adder = adders.get(name);
		if (adder != null) {
			return adder;
		}
		return adders.computeIfAbsent(name, (n) -> {
			LongAdder created = new LongAdder();
			FunctionCounter.builder(meter, created, LongAdder::doubleValue)
				.baseUnit(BaseUnits.MESSAGES)
				.description(description)
				.tags("protocol", n)
				.register(this.registry);
			return created;
		});
	}

	private Counter counter(String meter, String description, @Nullable String... tags) {
		for (int i = 1; i < tags.length; i += 2) {
			if (tags[i] == null) {
				tags[i] = "none";
			}
		}
		String key = meter + '|' + String.join("|", tags);
		Counter counter = this.keyed.get(key);
		if (counter != null) {
			return counter;
		}
		return this.keyed.computeIfAbsent(key, (k) -> Counter.builder(meter)
			.description(description)
			.baseUnit(BaseUnits.EVENTS)
			.tags(Tags.of(tags))
			.register(this.registry));
	}

	/** The meters of one vhost, resolved once. */
	private static final class VhostMeters {

		final Counter opened;

		final Counter closed;

		final Timer duration;

		/** Where a status outside 100-599 is counted in {@link #responses}. */
		static final int OTHER_STATUS = 500;

		/** The HTTP response counters by status - 100, made on first use. */
		final AtomicReferenceArray<@Nullable Counter> responses = new AtomicReferenceArray<>(OTHER_STATUS + 1);

		VhostMeters(MeterRegistry registry, String vhost) {
			this.opened = Counter.builder(LwsMeterNames.CONNECTIONS_OPENED)
				.description("Connections accepted")
				.baseUnit(BaseUnits.CONNECTIONS)
				.tag("vhost", vhost)
				.register(registry);
			this.closed = Counter.builder(LwsMeterNames.CONNECTIONS_CLOSED)
				.description("Connections closed")
				.baseUnit(BaseUnits.CONNECTIONS)
				.tag("vhost", vhost)
				.register(registry);
			this.duration = Timer.builder(LwsMeterNames.CONNECTIONS_DURATION)
				.description("Connection lifetimes")
				.tag("vhost", vhost)
				.register(registry);
		}

	}

}
