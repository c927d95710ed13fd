package io.lws.core.ws;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Masking against RFC 6455 section 5.3's byte-by-byte definition, for every kind of buffer the engine masks. */
class PayloadMaskerTest {

	@ParameterizedTest
	@ValueSource(strings = { "heap", "heap-slice", "heap-little-endian", "direct", "direct-little-endian",
			"direct-reused" })
	void masksLikeTheRfcsDefinitionWhateverTheBufferKindOffsetsAndLength(String kind) {
		Random random = new Random(kind.hashCode());
		for (int round = 0; round < 2000; round++) {
			int size = random.nextInt(300);
			int from = random.nextInt(size + 1);
			int to = from + random.nextInt(size - from + 1);
			int key = random.nextInt();
			long offsetInFrame = random.nextInt(1 << 20);
			byte[] bytes = new byte[size];
			random.nextBytes(bytes);
			ByteBuffer buffer = buffer(kind, bytes);
			PayloadMasker.mask(buffer, from, to, key, offsetInFrame);
			byte[] expected = byRfcDefinition(bytes, from, to, key, offsetInFrame);
			byte[] actual = new byte[size];
			buffer.get(0, actual);
			assertThat(actual).as("%s: %d..%d of %d, offset %d", kind, from, to, size, offsetInFrame)
				.isEqualTo(expected);
			assertThat(buffer.position()).isZero();
			assertThat(buffer.limit()).isEqualTo(size);
		}
	}

	@Test
	void masksDirectPayloadsLongerThanTheScratchArrayAcrossItsChunks() {
		Random random = new Random(7);
		byte[] bytes = new byte[70_000];
		random.nextBytes(bytes);
		for (int from : new int[] { 0, 3, 4095, 4097 }) {
			int to = bytes.length - from / 2;
			int key = random.nextInt() | 1;
			ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(0, bytes);
			PayloadMasker.mask(buffer, from, to, key, 1);
			byte[] actual = new byte[bytes.length];
			buffer.get(0, actual);
			assertThat(actual).as("from %d to %d", from, to).isEqualTo(byRfcDefinition(bytes, from, to, key, 1));
		}
	}

	/**
	 * A client masks what it sends in whichever pooled output buffer the frame went into, so consecutive frames
	 * alternate between buffers: masking must allocate nothing for that either (it once made new views of a buffer
	 * each time the buffer changed).
	 */
	@Test
	void allocatesNothingWhenMaskingAlternatingDirectBuffers() {
		ByteBuffer[] buffers = { ByteBuffer.allocateDirect(65536), ByteBuffer.allocateDirect(65536),
				ByteBuffer.allocateDirect(65536) };
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		for (int warm = 0; warm < 20_000; warm++) {
			PayloadMasker.mask(buffers[warm % 3], warm & 7, 4096, 0x12345678, 0);
		}
		long before = threads.getThreadAllocatedBytes(thread);
		for (int i = 0; i < 3_000; i++) {
			PayloadMasker.mask(buffers[i % 3], i & 7, 4096, 0x12345678, 0);
		}
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		// a few bytes of slack for the measurement itself, far below one object per call
		assertThat(allocated).isLessThan(1024);
	}

	private static byte[] byRfcDefinition(byte[] bytes, int from, int to, int key, long offsetInFrame) {
		byte[] expected = bytes.clone();
		for (int i = from; i < to; i++) {
			int keyByte = (int) ((offsetInFrame + i - from) & 3);
			expected[i] ^= (byte) (key >>> (24 - 8 * keyByte));
		}
		return expected;
	}

	/** One buffer masked again and again at every alignment, as a service thread's read buffer is. */
	private final ByteBuffer reused = ByteBuffer.allocateDirect(512);

	private ByteBuffer buffer(String kind, byte[] bytes) {
		switch (kind) {
			case "direct-reused":
				return this.reused.clear().put(0, bytes).limit(bytes.length);
			case "heap":
				return ByteBuffer.wrap(bytes.clone());
			case "heap-slice": {
				// a buffer whose array starts before its first byte
				byte[] larger = new byte[bytes.length + 5];
				System.arraycopy(bytes, 0, larger, 5, bytes.length);
				return ByteBuffer.wrap(larger).position(5).slice();
			}
			case "heap-little-endian":
				return ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
			default:
				ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
				direct.put(0, bytes);
				return kind.endsWith("little-endian") ? direct.order(ByteOrder.LITTLE_ENDIAN) : direct;
		}
	}

}
