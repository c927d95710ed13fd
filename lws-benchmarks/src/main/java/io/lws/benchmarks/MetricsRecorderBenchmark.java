package io.lws.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.lws.core.metrics.MetricsRecorder;
import io.lws.spring.boot.autoconfigure.metrics.MicrometerMetricsRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Measures the calls the engine makes into a {@link MetricsRecorder} alone, without a socket, so that what a
 * recorder does per call shows at all (in {@link EchoRoundTripBenchmark} it is lost in a round trip's system calls).
 * <ul>
 * <li>{@link #webSocketLife}: the calls one WebSocket connection of the harness's handshake storm causes, in the
 * engine's order: {@code connectionOpened}, {@code handshake("success")}, {@code webSocketClosed(1000, "remote")},
 * {@code connectionClosed}.</li>
 * <li>{@link #message}: one echoed message, {@code messageIn} and {@code messageOut}.</li>
 * <li>{@link #httpResponse}: one file answer, {@code httpResponse(200)}.</li>
 * </ul>
 * {@code recorder} = {@code counting} ({@link CountingRecorder}: a {@code LongAdder} per call, tags dropped; the
 * floor) or {@code micrometer} (the starter's {@link MicrometerMetricsRecorder} on a {@link SimpleMeterRegistry}, the
 * recorder the sample app runs with). Every meter is resolved in {@link #setUp()}, so with {@code -prof gc} the
 * figures show what the calls allocate once their meters exist: nothing, for both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MetricsRecorderBenchmark {

	/** The vhost's name; a field, as in the engine, so the JIT cannot fold it. */
	private String vhost = "default";

	/** The protocol's name. */
	private String protocol = "echo";

	/** {@code counting} or {@code micrometer}. */
	@Param({ "counting", "micrometer" })
	String recorder;

	private MetricsRecorder metrics;

	/** Creates the recorder and resolves every meter the benchmarks use. */
	@Setup
	public void setUp() {
		this.metrics = switch (this.recorder) {
			case "counting" -> new CountingRecorder();
			case "micrometer" -> new MicrometerMetricsRecorder(new SimpleMeterRegistry());
			default -> throw new IllegalArgumentException("recorder " + this.recorder);
		};
		webSocketLife();
		message();
		httpResponse();
	}

	/** One WebSocket connection's open, handshake, close and lifetime. */
	@Benchmark
	public void webSocketLife() {
		this.metrics.connectionOpened(this.vhost);
		this.metrics.handshake(this.vhost, "success");
		this.metrics.webSocketClosed(this.protocol, 1000, "remote");
		this.metrics.connectionClosed(this.vhost, 45_000);
	}

	/** One echoed message: received and sent. */
	@Benchmark
	public void message() {
		this.metrics.messageIn(this.protocol);
		this.metrics.messageOut(this.protocol);
	}

	/** One HTTP response. */
	@Benchmark
	public void httpResponse() {
		this.metrics.httpResponse(this.vhost, 200);
	}

}
