package io.lws.spring.boot.autoconfigure.metrics;

import java.util.function.ToDoubleFunction;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.docs.MeterDocumentation;
import org.jspecify.annotations.Nullable;

import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.CODE;
import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.INITIATOR;
import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.PROTOCOL;
import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.REASON;
import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.RESULT;
import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.STATUS;
import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.THREAD;
import static io.lws.spring.boot.autoconfigure.metrics.LwsMeterTags.VHOST;

/**
 * Every lws meter: its name, type, base unit, description and tag keys, in one place. The recorder
 * ({@link MicrometerMetricsRecorder}) and the gauges ({@link LwsMetricsBinder}) build their meters from these
 * constants, and {@code docs/metrics.md}'s table is checked against them. Names start with {@code lws.}; units are
 * base units (bytes, seconds). The counterparts in libwebsockets are named in each description: the engine's
 * {@code MetricsRecorder} calls, {@code LwsVhost.connectionCount()}, {@code max_http_header_pool} and
 * {@code count_threads}.
 */
public enum LwsMeters implements MeterDocumentation {

	/** Open connections of a vhost ({@code LwsVhost.connectionCount()}). */
	CONNECTIONS_ACTIVE("lws.connections.active", Meter.Type.GAUGE, BaseUnits.CONNECTIONS, "Open connections", VHOST),

	/** Connections accepted or adopted by a vhost. */
	CONNECTIONS_OPENED("lws.connections.opened", Meter.Type.COUNTER, BaseUnits.CONNECTIONS, "Connections accepted",
			VHOST),

	/**
	 * Connections refused by a vhost, by reason: {@code limit} ({@code fd_limit_per_thread} reached) or
	 * {@code filtered} ({@code LWS_CALLBACK_FILTER_NETWORK_CONNECTION}).
	 */
	CONNECTIONS_REJECTED("lws.connections.rejected", Meter.Type.COUNTER, BaseUnits.CONNECTIONS, "Connections refused",
			VHOST, REASON),

	/** Connections of a vhost closed. */
	CONNECTIONS_CLOSED("lws.connections.closed", Meter.Type.COUNTER, BaseUnits.CONNECTIONS, "Connections closed",
			VHOST),

	/** Connection lifetimes, recorded at close. */
	CONNECTIONS_DURATION("lws.connections.duration", Meter.Type.TIMER, "seconds", "Connection lifetimes", VHOST),

	/** Header buffers in all ({@code max_http_header_pool}). */
	HEADER_POOL_MAX("lws.http.header.pool.max", Meter.Type.GAUGE, null, "HTTP header buffers in all"),

	/** Header buffers held by connections. */
	HEADER_POOL_ACTIVE("lws.http.header.pool.active", Meter.Type.GAUGE, null,
			"HTTP header buffers held by connections"),

	/** Free header buffers. */
	HEADER_POOL_IDLE("lws.http.header.pool.idle", Meter.Type.GAUGE, null, "Free HTTP header buffers"),

	/** Connections waiting for a header buffer. */
	HEADER_POOL_PENDING("lws.http.header.pool.pending", Meter.Type.GAUGE, BaseUnits.CONNECTIONS,
			"Connections waiting for an HTTP header buffer"),

	/** How long connections waited for a header buffer. */
	HEADER_POOL_ACQUIRE("lws.http.header.pool.acquire", Meter.Type.TIMER, "seconds",
			"Time connections waited for an HTTP header buffer"),

	/** How long connections held a header buffer. */
	HEADER_POOL_USAGE("lws.http.header.pool.usage", Meter.Type.TIMER, "seconds",
			"Time connections held an HTTP header buffer"),

	/** Bytes read from sockets. */
	BYTES_RECEIVED("lws.bytes.received", Meter.Type.COUNTER, BaseUnits.BYTES, "Bytes read from sockets"),

	/** Bytes written to sockets. */
	BYTES_SENT("lws.bytes.sent", Meter.Type.COUNTER, BaseUnits.BYTES, "Bytes written to sockets"),

	/** Whole WebSocket messages received, by protocol. */
	MESSAGES_RECEIVED("lws.ws.messages.received", Meter.Type.COUNTER, BaseUnits.MESSAGES,
			"WebSocket messages received", PROTOCOL),

	/** Whole WebSocket messages sent, by protocol. */
	MESSAGES_SENT("lws.ws.messages.sent", Meter.Type.COUNTER, BaseUnits.MESSAGES, "WebSocket messages sent",
			PROTOCOL),

	/** WebSocket handshakes, server and client, by result. */
	HANDSHAKES("lws.ws.handshakes", Meter.Type.COUNTER, BaseUnits.EVENTS, "WebSocket handshakes", VHOST, RESULT),

	/** TLS handshakes on TLS ports, by result. */
	TLS_HANDSHAKES("lws.tls.handshakes", Meter.Type.COUNTER, BaseUnits.EVENTS, "TLS handshakes", VHOST, RESULT),

	/** WebSocket closes, each once, by bucketed close code and initiator. */
	CLOSES("lws.ws.closes", Meter.Type.COUNTER, BaseUnits.EVENTS, "WebSocket closes", PROTOCOL, CODE, INITIATOR),

	/** Writeable callbacks requested ({@code lws_callback_on_writable}). */
	WRITABLE_REQUESTS("lws.writable.requests", Meter.Type.COUNTER, BaseUnits.EVENTS,
			"Writeable callbacks requested (lws_callback_on_writable)"),

	/** Pending timeouts ({@code lws_set_timeout}) that closed a connection, by reason. */
	TIMEOUTS("lws.timeouts", Meter.Type.COUNTER, BaseUnits.EVENTS, "Pending timeouts that closed a connection",
			REASON),

	/** HTTP responses the engine generated itself (mounts, errors), by status. */
	HTTP_RESPONSES("lws.http.responses", Meter.Type.COUNTER, BaseUnits.EVENTS, "HTTP responses generated by lws",
			VHOST, STATUS),

	/** Service threads ({@code count_threads}). */
	SERVICE_THREADS("lws.service.threads", Meter.Type.GAUGE, BaseUnits.THREADS, "Service threads"),

	/** Service threads whose loop is alive. */
	SERVICE_THREADS_ALIVE("lws.service.threads.alive", Meter.Type.GAUGE, BaseUnits.THREADS,
			"Service threads whose loop is alive"),

	/** Open connections of one service thread (its {@code fds_count}). */
	SERVICE_CONNECTIONS("lws.service.connections", Meter.Type.GAUGE, BaseUnits.CONNECTIONS,
			"Open connections of a service thread", THREAD),

	/** Tasks posted to one service thread and not yet run. */
	SERVICE_TASKS_PENDING("lws.service.tasks.pending", Meter.Type.GAUGE, BaseUnits.TASKS,
			"Tasks waiting for a service thread", THREAD),

	/** How long a task posted to one service thread waited before it ran (a probe, once per interval). */
	SERVICE_LOOP_LAG("lws.service.loop.lag", Meter.Type.TIMER, "seconds",
			"Time a task posted to a service thread waited to run", THREAD);

	private final String name;

	private final Meter.Type type;

	private final @Nullable String baseUnit;

	private final String description;

	private final KeyName[] keyNames;

	LwsMeters(String name, Meter.Type type, @Nullable String baseUnit, String description, KeyName... keyNames) {
		this.name = name;
		this.type = type;
		this.baseUnit = baseUnit;
		this.description = description;
		this.keyNames = keyNames;
	}

	/** The meter's name, e.g. {@code lws.connections.active}. */
	@Override
	public String getName() {
		return this.name;
	}

	/** Gauge, counter (a {@code Counter} or a {@code FunctionCounter}) or timer. */
	@Override
	public Meter.Type getType() {
		return this.type;
	}

	/** The base unit; {@code seconds} for timers, whose unit the registry decides; {@code null} for none. */
	@Override
	public @Nullable String getBaseUnit() {
		return this.baseUnit;
	}

	/** The tag keys the meter carries (besides any common tags a user adds). */
	@Override
	public KeyName[] getKeyNames() {
		return this.keyNames.clone();
	}

	/** The description registered with the meter. */
	public String getDescription() {
		return this.description;
	}

	/**
	 * {@code common} and this meter's own tags: its tag keys ({@link #getKeyNames()}), in order, with {@code values}.
	 * @param common tags every lws meter carries (none by default)
	 * @param values one value per tag key
	 * @return the meter's tags
	 */
	Tags tags(Tags common, String... values) {
		if (values.length != this.keyNames.length) {
			throw new IllegalArgumentException(this.name + " has " + this.keyNames.length + " tags, not "
					+ values.length);
		}
		Tags tags = common;
		for (int i = 0; i < values.length; i++) {
			tags = tags.and(this.keyNames[i].asString(), values[i]);
		}
		return tags;
	}

	/** A counter builder with this meter's name, description and unit. */
	Counter.Builder counter() {
		return Counter.builder(this.name).description(this.description).baseUnit(this.baseUnit);
	}

	/** A function counter builder over {@code obj} with this meter's name, description and unit. */
	<T> FunctionCounter.Builder<T> functionCounter(T obj, ToDoubleFunction<T> count) {
		return FunctionCounter.builder(this.name, obj, count).description(this.description).baseUnit(this.baseUnit);
	}

	/** A gauge builder over {@code obj} with this meter's name, description and unit. */
	<T> Gauge.Builder<T> gauge(T obj, ToDoubleFunction<T> value) {
		return Gauge.builder(this.name, obj, value).description(this.description).baseUnit(this.baseUnit);
	}

	/** A timer builder with this meter's name and description (a timer's unit is the registry's). */
	Timer.Builder timer() {
		return Timer.builder(this.name).description(this.description);
	}

}
