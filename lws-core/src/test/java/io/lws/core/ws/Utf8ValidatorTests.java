package io.lws.core.ws;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Utf8Validator}. */
class Utf8ValidatorTests {

	/** Valid text ahead of each invalid sequence, so the failure is not at index 0 of the input. */
	private static final byte[] PREFIX = "κόσμε-".getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsTheEdgesOfEveryRange() {
		assertValid(""); // nothing is complete UTF-8
		assertValid("00 7F"); // U+0000, U+007F
		assertValid("C2 80 DF BF"); // U+0080, U+07FF
		assertValid("E0 A0 80 EF BF BF"); // U+0800, U+FFFF
		assertValid("ED 9F BF EE 80 80"); // U+D7FF, U+E000: either side of the surrogates
		assertValid("EF BF BD"); // U+FFFD
		assertValid("F0 90 80 80 F4 8F BF BF"); // U+10000, U+10FFFF
		assertValid("F1 80 80 80 F3 BF BF BF"); // U+40000, U+FFFFF
	}

	@Test
	void acceptsRealText() {
		String text = "Hello-µ@ßöäüàá-UTF-8!! κόσμε 𝄞 \u0000 ∀x∈ℝ";
		assertThat(Utf8Validator.isValid(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))).isTrue();
	}

	static Stream<Arguments> invalidSequences() {
		// The bytes, and the index of the first byte at which they can no longer be UTF-8.
		return Stream.of(
				Arguments.of("overlong 2-byte (C0)", "C0 AF", 0),
				Arguments.of("overlong 2-byte (C1)", "C1 BF", 0),
				Arguments.of("overlong 3-byte", "E0 80 AF", 1),
				Arguments.of("overlong 3-byte, largest", "E0 9F BF", 1),
				Arguments.of("overlong 4-byte", "F0 80 80 AF", 1),
				Arguments.of("overlong 4-byte, largest", "F0 8F BF BF", 1),
				Arguments.of("high surrogate U+D800", "ED A0 80", 1),
				Arguments.of("low surrogate U+DFFF", "ED BF BF", 1),
				Arguments.of("surrogate pair", "ED A0 80 ED B0 80", 1),
				Arguments.of("U+110000", "F4 90 80 80", 1),
				Arguments.of("U+13FFFF", "F4 BF BF BF", 1),
				Arguments.of("lead F5", "F5 80 80 80", 0),
				Arguments.of("lead F7", "F7 BF BF BF", 0),
				Arguments.of("lead F8 (5-byte form)", "F8 88 80 80 80", 0),
				Arguments.of("lead FC (6-byte form)", "FC 84 80 80 80 80", 0),
				Arguments.of("byte FE", "FE", 0),
				Arguments.of("byte FF", "FF", 0),
				Arguments.of("bare continuation 80", "80", 0),
				Arguments.of("bare continuation BF", "BF", 0),
				Arguments.of("continuation after a code point", "41 80", 1),
				Arguments.of("extra continuation", "C2 80 80", 2),
				Arguments.of("2-byte truncated by ASCII", "C2 41", 1),
				Arguments.of("3-byte truncated by ASCII", "E1 80 41", 2),
				Arguments.of("4-byte truncated by ASCII", "F1 80 80 41", 3),
				Arguments.of("3-byte truncated by a lead byte", "E1 80 C2 80", 2),
				Arguments.of("4-byte truncated by a lead byte", "F0 90 80 F0 90 80 80", 3));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSequences")
	void refusesAtTheFirstImpossibleByteWhereverTheInputIsSplit(String name, String hex, int failIndex) {
		byte[] bytes = concat(PREFIX, hex(hex));
		int failAt = PREFIX.length + failIndex;
		// Fed whole.
		assertThat(Utf8Validator.isValid(ByteBuffer.wrap(bytes))).isFalse();
		// Fed byte by byte: valid up to the failing byte, refused from it on.
		Utf8Validator validator = new Utf8Validator();
		for (int i = 0; i < bytes.length; i++) {
			boolean ok = validator.update(ByteBuffer.wrap(bytes, i, 1));
			assertThat(ok).as("after byte %d", i).isEqualTo(i < failAt);
		}
		assertThat(validator.isFailed()).isTrue();
		// Split in two at every point: the first part is refused exactly when it holds the failing byte.
		for (int split = 0; split <= bytes.length; split++) {
			validator.reset();
			boolean first = validator.update(ByteBuffer.wrap(bytes, 0, split));
			assertThat(first).as("first %d bytes", split).isEqualTo(split <= failAt);
			assertThat(validator.update(ByteBuffer.wrap(bytes, split, bytes.length - split))).isFalse();
		}
	}

	@Test
	void truncatedAtTheEndIsValidButIncomplete() {
		for (String hex : new String[] { "C2", "E0 A0", "E1", "ED 9F", "F0 90 80", "F4 8F BF", "F3" }) {
			Utf8Validator validator = new Utf8Validator();
			assertThat(validator.update(ByteBuffer.wrap(hex(hex)))).as(hex).isTrue();
			assertThat(validator.isComplete()).as(hex).isFalse();
			assertThat(Utf8Validator.isValid(ByteBuffer.wrap(hex(hex)))).as(hex).isFalse();
		}
	}

	@Test
	void carriesACodePointSplitAcrossCalls() {
		Utf8Validator validator = new Utf8Validator();
		assertThat(validator.update(ByteBuffer.wrap(hex("41 F0 9D")))).isTrue();
		assertThat(validator.isComplete()).isFalse();
		assertThat(validator.update(ByteBuffer.wrap(hex("84")))).isTrue();
		assertThat(validator.update(ByteBuffer.wrap(hex("9E 42")))).isTrue();
		assertThat(validator.isComplete()).isTrue();
	}

	@Test
	void staysFailedUntilReset() {
		Utf8Validator validator = new Utf8Validator();
		assertThat(validator.update(ByteBuffer.wrap(hex("FF")))).isFalse();
		assertThat(validator.update(ByteBuffer.wrap(hex("41")))).isFalse();
		assertThat(validator.isComplete()).isFalse();
		assertThat(validator).hasToString("Utf8Validator[failed]");
		validator.reset();
		assertThat(validator.update(ByteBuffer.wrap(hex("41")))).isTrue();
		assertThat(validator.isComplete()).isTrue();
		assertThat(validator).hasToString("Utf8Validator[complete]");
	}

	@Test
	void doesNotMoveThePositionAndReadsOnlyPositionToLimit() {
		ByteBuffer buffer = ByteBuffer.wrap(hex("FF 41 42 43 FF"));
		buffer.position(1).limit(4);
		Utf8Validator validator = new Utf8Validator();
		assertThat(validator.update(buffer)).isTrue();
		assertThat(buffer.position()).isEqualTo(1);
		assertThat(buffer.limit()).isEqualTo(4);
		assertThat(Utf8Validator.isValid(buffer)).isTrue();
	}

	@Test
	void findsANonAsciiByteAtEveryOffsetOfTheAsciiFastPath() {
		for (boolean direct : new boolean[] { false, true }) {
			for (int at = 0; at < 40; at++) {
				byte[] bytes = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH".getBytes(StandardCharsets.US_ASCII);
				bytes[at] = (byte) 0x80;
				ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()
						: ByteBuffer.wrap(bytes);
				assertThat(Utf8Validator.isValid(buffer)).as("0x80 at %d", at).isFalse();
				bytes[at] = 'x';
				buffer = direct ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip() : ByteBuffer.wrap(bytes);
				assertThat(Utf8Validator.isValid(buffer)).isTrue();
			}
		}
	}

	@Property(tries = 3000)
	void agreesWithTheJdkStrictDecoder(@ForAll @Size(max = 24) byte[] bytes) {
		assertThat(Utf8Validator.isValid(ByteBuffer.wrap(bytes))).isEqualTo(jdkAccepts(bytes));
	}

	@Property(tries = 3000)
	void agreesWithTheJdkOnBytesNearTheBoundaries(@ForAll("boundaryBytes") byte[] bytes) {
		assertThat(Utf8Validator.isValid(ByteBuffer.wrap(bytes))).isEqualTo(jdkAccepts(bytes));
	}

	@Provide
	Arbitrary<byte[]> boundaryBytes() {
		// Bytes that matter to UTF-8 far more often than uniform random bytes would give them.
		int[] interesting = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
				0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF };
		return Arbitraries.integers()
			.between(0, interesting.length - 1)
			.map((i) -> (byte) interesting[i])
			.list()
			.ofMaxSize(12)
			.map((list) -> {
				byte[] out = new byte[list.size()];
				for (int i = 0; i < out.length; i++) {
					out[i] = list.get(i);
				}
				return out;
			});
	}

	@Property(tries = 1000)
	void givesTheSameAnswerHoweverTheInputIsChunked(@ForAll("boundaryBytes") byte[] bytes,
			@ForAll @IntRange(min = 1, max = 5) int chunk) {
		Utf8Validator validator = new Utf8Validator();
		boolean ok = true;
		for (int i = 0; i < bytes.length; i += chunk) {
			ok = validator.update(ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i)));
		}
		assertThat(ok && validator.isComplete()).isEqualTo(jdkAccepts(bytes));
	}

	@Property(tries = 1000)
	void acceptsAnyStringOfValidCodePoints(@ForAll @Size(max = 20) int[] randomCodePoints) {
		StringBuilder text = new StringBuilder();
		for (int random : randomCodePoints) {
			int codePoint = Math.floorMod(random, 0x110000);
			if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
				codePoint -= 0x800;
			}
			text.appendCodePoint(codePoint);
		}
		assertThat(Utf8Validator.isValid(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)))).isTrue();
	}

	private static boolean jdkAccepts(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static void assertValid(String hex) {
		byte[] bytes = hex(hex);
		assertThat(Utf8Validator.isValid(ByteBuffer.wrap(bytes))).as(hex).isTrue();
		Utf8Validator validator = new Utf8Validator();
		for (byte b : bytes) {
			assertThat(validator.update(ByteBuffer.wrap(new byte[] { b }))).as(hex).isTrue();
		}
		assertThat(validator.isComplete()).as(hex).isTrue();
	}

	static byte[] hex(String hex) {
		String[] parts = hex.isBlank() ? new String[0] : hex.trim().split("\\s+");
		byte[] bytes = new byte[parts.length];
		for (int i = 0; i < parts.length; i++) {
			bytes[i] = (byte) Integer.parseInt(parts[i], 16);
		}
		return bytes;
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
