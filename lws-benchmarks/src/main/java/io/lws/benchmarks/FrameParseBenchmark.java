package io.lws.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import io.lws.core.ws.FrameHeader;
import io.lws.core.ws.FrameWriter;
import io.lws.core.ws.Opcode;
import io.lws.core.ws.WebSocketProtocolException;
import io.lws.core.ws.WsReceiver;
import io.lws.core.ws.WsReceiverConfig;
import io.lws.core.ws.WsReceiverListener;

/**
 * Measures the server's receive path without a socket: how many masked client frames per second a {@link WsReceiver}
 * turns into listener calls (header state machine, in-place unmasking, delivery of zero-copy views). This is the
 * work a service thread does for every byte a client sends, so it bounds what one thread can take in.
 * <p>
 * One operation is one frame: each call of {@link #parse} feeds one buffer holding {@value #FRAMES} binary frames
 * of {@code payloadSize} bytes, each with its own masking key, and the score is divided by that count. Feeding
 * many frames per call keeps JMH's per-call overhead out of the small-frame numbers.
 * <p>
 * <b>Why no per-invocation setup.</b> The receiver unmasks in place, so the buffer changes under it. But masking
 * is an XOR with the key written in each frame's header, and the header bytes are left alone: parsing the same
 * buffer again unmasks the payload back into its masked form. The buffer thus alternates between two states and
 * every call does exactly the same work. The frames are binary, so no step depends on what the payload bytes are
 * (text would be checked as UTF-8, and the second pass would fail it; that check has its own benchmark,
 * {@link Utf8ValidateBenchmark}). A {@code Level.Invocation} copy from a pristine buffer would have cost about as
 * much as the small-frame parse itself, and JMH's timestamps around it more; restoring the wire bytes once per
 * iteration keeps each iteration starting from what a client really sends, at no cost to the measurement.
 * <p>
 * The receiver uses the default 4096-byte pieces, as a protocol with {@code rx_buffer_size} 0 gets, so a
 * 65536-byte frame is delivered in 16 pieces. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} should be
 * about 0 bytes per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameParseBenchmark {

	/** Frames per buffer, and so operations per call of {@link #parse}. */
	static final int FRAMES = 16;

	/** Payload bytes per frame: tiny, the largest with a 7-bit length, a 16-bit length, a 64-bit length. */
	@Param({ "16", "125", "1024", "65536" })
	public int payloadSize;

	/**
	 * Where the bytes are read into: {@code direct} as the service thread reads them (a direct buffer), {@code heap}
	 * for a heap buffer (masking takes another loop for each).
	 */
	@Param({ "direct", "heap" })
	public String buffer;

	/** The frames as a client sends them; never handed to the receiver. */
	private byte[] pristine;

	/** What the receiver parses (and unmasks in place). */
	private ByteBuffer working;

	private WsReceiver receiver;

	private ConsumingListener listener;

	/** Builds the frames once per trial. */
	@Setup(Level.Trial)
	public void buildFrames(Blackhole blackhole) {
		int frameSize = FrameHeader.size(this.payloadSize, true) + this.payloadSize;
		ByteBuffer wire = ByteBuffer.allocate(FRAMES * frameSize);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		byte[] payload = new byte[this.payloadSize];
		for (int i = 0; i < FRAMES; i++) {
			random.nextBytes(payload);
			// A client picks a fresh key per frame (RFC 6455 section 10.3); never 0, which would skip the XOR.
			int key = random.nextInt() | 1;
			FrameWriter.writeHeader(wire, true, false, Opcode.BINARY, this.payloadSize, key, true);
			ByteBuffer masked = wire.slice(wire.position(), this.payloadSize).put(payload).flip();
			FrameWriter.mask(masked, key, 0);
			wire.position(wire.position() + this.payloadSize);
		}
		this.pristine = wire.array();
		this.working = "direct".equals(this.buffer) ? ByteBuffer.allocateDirect(this.pristine.length)
				: ByteBuffer.allocate(this.pristine.length);
		this.receiver = new WsReceiver(WsReceiverConfig.builder().server(true).build());
		this.listener = new ConsumingListener(blackhole);
	}

	/** Puts the wire bytes back, so each iteration starts from what a client sent (see the class comment). */
	@Setup(Level.Iteration)
	public void restoreFrames() {
		this.working.put(0, this.pristine);
	}

	/** Parses {@value #FRAMES} frames. */
	@Benchmark
	@OperationsPerInvocation(FRAMES)
	public int parse() throws WebSocketProtocolException {
		this.working.clear();
		this.receiver.receive(this.working, this.listener);
		return this.listener.frames;
	}

	/** Consumes each piece the way a protocol callback would at the least: it looks at it. */
	static final class ConsumingListener implements WsReceiverListener {

		private final Blackhole blackhole;

		/** Whole messages seen; returned so the work cannot be dropped. */
		int frames;

		ConsumingListener(Blackhole blackhole) {
			this.blackhole = blackhole;
		}

		@Override
		public boolean onData(ByteBuffer piece, boolean binary, boolean firstPieceOfMessage,
				boolean lastPieceOfMessage, long remainingInFrame, boolean frameFin) {
			this.blackhole.consume(piece);
			this.blackhole.consume(piece.remaining());
			if (lastPieceOfMessage) {
				this.frames++;
			}
			return true;
		}

		@Override
		public void onPing(ByteBuffer payload) {
			this.blackhole.consume(payload);
		}

		@Override
		public void onPong(ByteBuffer payload) {
			this.blackhole.consume(payload);
		}

		@Override
		public void onClose(int code, ByteBuffer reasonUtf8) {
			throw new IllegalStateException("The benchmark input holds no close frame");
		}

	}

}
