package io.lws.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.lws.core.ws.FrameHeader;
import io.lws.core.ws.FrameWriter;
import io.lws.core.ws.Opcode;

/**
 * Measures the server's send path without a socket: {@link FrameWriter#writeHeader} for an unmasked binary frame
 * followed by copying the payload behind it into an output buffer, which is what a service thread does before a
 * {@code write()} when the application hands it a message. One operation is one frame.
 * <p>
 * For small frames the header dominates (the checks, the length encoding); for large ones the copy does, so the
 * 65536-byte case is a memory-bandwidth number more than a codec number. The output buffer is reused, as the
 * engine reuses its send buffer, so nothing should be allocated per frame ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameWriteBenchmark {

	/** Payload bytes per frame: tiny, the largest with a 7-bit length, a 16-bit length, a 64-bit length. */
	@Param({ "16", "125", "1024", "65536" })
	public int payloadSize;

	private byte[] payload;

	private ByteBuffer out;

	/** Makes the payload and an output buffer that fits one frame. */
	@Setup(Level.Trial)
	public void setUp() {
		this.payload = new byte[this.payloadSize];
		ThreadLocalRandom.current().nextBytes(this.payload);
		this.out = ByteBuffer.allocate(FrameHeader.size(this.payloadSize, false) + this.payloadSize);
	}

	/** Writes one frame, header and payload, as a server sends it (unmasked). */
	@Benchmark
	public ByteBuffer write() {
		ByteBuffer dst = this.out.clear();
		FrameWriter.writeHeader(dst, true, false, Opcode.BINARY, this.payload.length, 0, false);
		dst.put(this.payload);
		return dst;
	}

}
