package io.lws.core.ws;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

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
			byte[] expected = bytes.clone();
			for (int i = from; i < to; i++) {
				int keyByte = (int) ((offsetInFrame + i - from) & 3);
				expected[i] ^= (byte) (key >>> (24 - 8 * keyByte));
			}
			byte[] actual = new byte[size];
			buffer.get(0, actual);
			assertThat(actual).as("%s: %d..%d of %d, offset %d", kind, from, to, size, offsetInFrame)
				.isEqualTo(expected);
			assertThat(buffer.position()).isZero();
			assertThat(buffer.limit()).isEqualTo(size);
		}
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
