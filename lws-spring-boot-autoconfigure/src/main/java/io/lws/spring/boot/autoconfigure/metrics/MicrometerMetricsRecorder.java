package io.lws.spring.boot.autoconfigure.metrics;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.lws.core.metrics.MetricsRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * The engine's {@link MetricsRecorder} SPI written to Micrometer under the {@code lws.*} meters of
 * {@link LwsMeters}. Cheap on the hot path by construction: bytes and messages go to {@link LongAdder}s read by
 * {@link FunctionCounter}s only when the registry publishes; per-tag meters are resolved once per tag value (vhost,
 * protocol, result, reason, code) and then found by that value, with a {@link ConcurrentHashMap#get} per tag (or an
 * array index, for HTTP statuses and close codes); no key is built per call, so once a meter exists nothing allocates
 * per byte, per message, per connection or per response. Tag values are bounded: configured vhost and protocol names,
 * engine enums, bucketed close codes.
 */
public class MicrometerMetricsRecorder implements MetricsRecorder {

	private final MeterRegistry registry;

	private final Tags commonTags;

	private final LongAdder bytesIn = new LongAdder();

	private final LongAdder bytesOut = new LongAdder();

	private final LongAdder writableRequests = new LongAdder();

	private final Timer headerWait;

	private final Timer headerHeld;

	private final ConcurrentMap<String, VhostMeters> vhosts = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, LongAdder> messagesIn = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, LongAdder> messagesOut = new ConcurrentHashMap<>();

	/** {@code lws.ws.closes} by protocol, then by bucketed close code ({@link CloseCodeTag#bucket}). */
	private final ConcurrentMap<String, CountersByLastTag[]> closes = new ConcurrentHashMap<>();

	private final CountersByLastTag timeouts;

	/**
	 * A recorder registering its meters in {@code registry}.
	 * @param registry where meters go
	 */
	public MicrometerMetricsRecorder(MeterRegistry registry) {
		this(registry, Tags.empty());
	}

	/**
	 * A recorder registering its meters in {@code registry}, each with {@code tags} besides its own.
	 * @param registry where meters go
	 * @param tags tags added to every meter, e.g. an application or instance name
	 */
	public MicrometerMetricsRecorder(MeterRegistry registry, Iterable<Tag> tags) {
		this.registry = registry;
		this.commonTags = Tags.of(tags);
		LwsMeters.BYTES_RECEIVED.functionCounter(this.bytesIn, LongAdder::doubleValue)
			.tags(this.commonTags)
			.register(registry);
		LwsMeters.BYTES_SENT.functionCounter(this.bytesOut, LongAdder::doubleValue)
			.tags(this.commonTags)
			.register(registry);
		LwsMeters.WRITABLE_REQUESTS.functionCounter(this.writableRequests, LongAdder::doubleValue)
			.tags(this.commonTags)
			.register(registry);
		this.headerWait = LwsMeters.HEADER_POOL_ACQUIRE.timer().tags(this.commonTags).register(registry);
		this.headerHeld = LwsMeters.HEADER_POOL_USAGE.timer().tags(this.commonTags).register(registry);
		this.timeouts = new CountersByLastTag(registry, this.commonTags, LwsMeters.TIMEOUTS);
	}

	/** Counts an accepted connection on {@code vhost}. */
	@Override
	public void connectionOpened(String vhost) {
		vhost(vhost).opened.increment();
	}

	/** Counts a connection {@code vhost} refused, by reason. */
	@Override
	public void connectionRejected(String vhost, String reason) {
		vhost(vhost).rejected.get(reason).increment();
	}

	/**
	 * Records the lifetime of a connection closed on {@code vhost}, then counts it: whoever sees the count (a test,
	 * a scrape between the two) sees its lifetime too.
	 */
	@Override
	public void connectionClosed(String vhost, long durationNanos) {
		VhostMeters meters = vhost(vhost);
		meters.duration.record(durationNanos, TimeUnit.NANOSECONDS);
		meters.closed.increment();
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
		adder(this.messagesIn, LwsMeters.MESSAGES_RECEIVED, protocol).increment();
	}

	/** Counts a whole WebSocket message sent on {@code protocol}. */
	@Override
	public void messageOut(String protocol) {
		adder(this.messagesOut, LwsMeters.MESSAGES_SENT, protocol).increment();
	}

	/** Counts a WebSocket handshake by its result. */
	@Override
	public void handshake(String vhost, String result) {
		vhost(vhost).handshakes.get(result).increment();
	}

	/** Counts a TLS handshake by its result. */
	@Override
	public void tlsHandshake(String vhost, String result) {
		vhost(vhost).tlsHandshakes.get(result).increment();
	}

	/** Counts a WebSocket close by bucketed code and initiator. */
	@Override
	public void webSocketClosed(String protocol, int code, String initiator) {
		String name = orNone(protocol);
		CountersByLastTag[] byCode = this.closes.get(name);
		if (byCode == null) {
			byCode = this.closes.computeIfAbsent(name, this::closeCounters);
		}
		byCode[CloseCodeTag.bucket(code)].get(initiator).increment();
	}

	/** Counts a pending timeout that closed a connection. */
	@Override
	public void timeout(String reason) {
		this.timeouts.get(reason).increment();
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

	/** Records how long a header buffer was held. */
	@Override
	public void headerHeld(long nanos) {
		this.headerHeld.record(nanos, TimeUnit.NANOSECONDS);
	}

	/** Counts an HTTP response the engine generated, by status. */
	@Override
	public void httpResponse(String vhost, int status) {
		// every file answer comes here: the vhost's counters by status are resolved once, not by a key built per call
		VhostMeters meters = vhost(vhost);
		int slot = (status >= 100 && status <= 599) ? status - 100 : VhostMeters.OTHER_STATUS;
		Counter c = meters.responses.get(slot);
		if (c == null) {
			c = meters.statuses.get((slot == VhostMeters.OTHER_STATUS) ? "other" : Integer.toString(status));
			meters.responses.set(slot, c);
		}
		c.increment();
	}

	private VhostMeters vhost(@Nullable String vhost) {
		String name = orNone(vhost);
		VhostMeters meters = this.vhosts.get(name);
		return (meters != null) ? meters : this.vhosts.computeIfAbsent(name,
				(n) -> new VhostMeters(this.registry, this.commonTags, n));
	}

	private LongAdder adder(ConcurrentMap<String, LongAdder> adders, LwsMeters meter, @Nullable String protocol) {
		String name = orNone(protocol);
		LongAdder adder = adders.get(name);
		if (adder != null) {
			return adder;
		}
		return adders.computeIfAbsent(name, (n) -> {
			LongAdder created = new LongAdder();
			meter.functionCounter(created, LongAdder::doubleValue)
				.tags(meter.tags(this.commonTags, n))
				.register(this.registry);
			return created;
		});
	}

	/** A tag value as given, or {@code none} for a null vhost, protocol, result, reason or initiator. */
	private static String orNone(@Nullable String value) {
		return (value != null) ? value : "none";
	}

	/** The close counters of one protocol, one set per close code bucket, each counting by initiator. */
	private CountersByLastTag[] closeCounters(String protocol) {
		CountersByLastTag[] byCode = new CountersByLastTag[CloseCodeTag.BUCKETS];
		for (int bucket = 0; bucket < byCode.length; bucket++) {
			byCode[bucket] = new CountersByLastTag(this.registry, this.commonTags, LwsMeters.CLOSES, protocol,
					CloseCodeTag.name(bucket));
		}
		return byCode;
	}

	/**
	 * The counters of one meter whose tags but the last are fixed, one per value of the last, each registered on
	 * first use and then found by that value alone; a null value counts as {@code none}.
	 */
	private static final class CountersByLastTag {

		private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

		private final Function<String, Counter> register;

		CountersByLastTag(MeterRegistry registry, Tags common, LwsMeters meter, String... fixed) {
			this.register = (last) -> {
				String[] values = Arrays.copyOf(fixed, fixed.length + 1);
				values[fixed.length] = last;
				return meter.counter().tags(meter.tags(common, values)).register(registry);
			};
		}

		Counter get(@Nullable String last) {
			String value = orNone(last);
			Counter counter = this.counters.get(value);
			return (counter != null) ? counter : this.counters.computeIfAbsent(value, this.register);
		}

	}

	/** The meters of one vhost, resolved once, or once per tag value. */
	private static final class VhostMeters {

		final Counter opened;

		final Counter closed;

		final Timer duration;

		/** Where a status outside 100-599 is counted in {@link #responses}. */
		static final int OTHER_STATUS = 500;

		/** The HTTP response counters by status - 100, made on first use. */
		final AtomicReferenceArray<@Nullable Counter> responses = new AtomicReferenceArray<>(OTHER_STATUS + 1);

		/** The HTTP response counters by status tag, where {@link #responses} finds them the first time. */
		final CountersByLastTag statuses;

		final CountersByLastTag rejected;

		final CountersByLastTag handshakes;

		final CountersByLastTag tlsHandshakes;

		VhostMeters(MeterRegistry registry, Tags common, String vhost) {
			this.opened = LwsMeters.CONNECTIONS_OPENED.counter()
				.tags(LwsMeters.CONNECTIONS_OPENED.tags(common, vhost))
				.register(registry);
			this.closed = LwsMeters.CONNECTIONS_CLOSED.counter()
				.tags(LwsMeters.CONNECTIONS_CLOSED.tags(common, vhost))
				.register(registry);
			this.duration = LwsMeters.CONNECTIONS_DURATION.timer()
				.tags(LwsMeters.CONNECTIONS_DURATION.tags(common, vhost))
				.register(registry);
			this.statuses = new CountersByLastTag(registry, common, LwsMeters.HTTP_RESPONSES, vhost);
			this.rejected = new CountersByLastTag(registry, common, LwsMeters.CONNECTIONS_REJECTED, vhost);
			this.handshakes = new CountersByLastTag(registry, common, LwsMeters.HANDSHAKES, vhost);
			this.tlsHandshakes = new CountersByLastTag(registry, common, LwsMeters.TLS_HANDSHAKES, vhost);
		}

	}

}
