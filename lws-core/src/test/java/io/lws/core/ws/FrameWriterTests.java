package io.lws.core.ws;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static io.lws.core.ws.Utf8ValidatorTests.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests for {@link FrameWriter} and {@link FrameHeader}. */
class FrameWriterTests {

	/** The masking key of the examples in RFC 6455 section 5.7. */
	private static final int RFC_KEY = 0x37FA213D;

	@Test
	void writesTheHeadersOfRfc6455Section57() {
		assertThat(header(true, false, Opcode.TEXT, 5, 0, false)).isEqualTo(hex("81 05"));
		assertThat(header(true, false, Opcode.TEXT, 5, RFC_KEY, true)).isEqualTo(hex("81 85 37 FA 21 3D"));
		assertThat(header(false, false, Opcode.TEXT, 3, 0, false)).isEqualTo(hex("01 03"));
		assertThat(header(true, false, Opcode.CONTINUATION, 2, 0, false)).isEqualTo(hex("80 02"));
		assertThat(header(true, false, Opcode.PING, 5, 0, false)).isEqualTo(hex("89 05"));
		assertThat(header(true, false, Opcode.PONG, 5, RFC_KEY, true)).isEqualTo(hex("8A 85 37 FA 21 3D"));
		assertThat(header(true, false, Opcode.BINARY, 256, 0, false)).isEqualTo(hex("82 7E 01 00"));
		assertThat(header(true, false, Opcode.BINARY, 65536, 0, false))
			.isEqualTo(hex("82 7F 00 00 00 00 00 01 00 00"));
	}

	@Test
	void masksHelloAsRfc6455Section57Does() {
		ByteBuffer payload = ByteBuffer.wrap("Hello".getBytes(StandardCharsets.US_ASCII));
		FrameWriter.mask(payload, RFC_KEY, 0);
		assertThat(payload.array()).isEqualTo(hex("7F 9F 4D 51 58"));
		assertThat(payload.position()).isZero();
		FrameWriter.mask(payload, RFC_KEY, 0);
		assertThat(new String(payload.array(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
	}

	@Test
	void usesTheFewestLengthBytes() {
		assertThat(header(true, false, Opcode.BINARY, 0, 0, false)).isEqualTo(hex("82 00"));
		assertThat(header(true, false, Opcode.BINARY, 125, 0, false)).isEqualTo(hex("82 7D"));
		assertThat(header(true, false, Opcode.BINARY, 126, 0, false)).isEqualTo(hex("82 7E 00 7E"));
		assertThat(header(true, false, Opcode.BINARY, 65535, 0, false)).isEqualTo(hex("82 7E FF FF"));
		assertThat(header(true, false, Opcode.BINARY, Long.MAX_VALUE, 0x01020304, true))
			.isEqualTo(hex("82 FF 7F FF FF FF FF FF FF FF 01 02 03 04"));
		assertThat(FrameHeader.size(0, false)).isEqualTo(2);
		assertThat(FrameHeader.size(125, true)).isEqualTo(6);
		assertThat(FrameHeader.size(126, false)).isEqualTo(4);
		assertThat(FrameHeader.size(65535, true)).isEqualTo(8);
		assertThat(FrameHeader.size(65536, false)).isEqualTo(10);
		assertThat(FrameHeader.size(Long.MAX_VALUE, true)).isEqualTo(FrameHeader.MAX_HEADER_SIZE);
	}

	@Test
	void setsRsv1AndIgnoresTheKeyWhenUnmasked() {
		assertThat(header(false, true, Opcode.TEXT, 1, 0, false)).isEqualTo(hex("41 01"));
		assertThat(header(true, false, Opcode.BINARY, 1, 0x11223344, false)).isEqualTo(hex("82 01"));
	}

	@Test
	void writesNetworkOrderWhateverTheBufferOrder() {
		ByteBuffer dst = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
		FrameWriter.writeHeader(dst, true, false, Opcode.BINARY, 65536, 0x01020304, true);
		assertThat(Arrays.copyOf(dst.array(), dst.position()))
			.isEqualTo(hex("82 FF 00 00 00 00 00 01 00 00 01 02 03 04"));
	}

	@Test
	void refusesFramesThatBreakSection5() {
		ByteBuffer dst = ByteBuffer.allocate(14);
		assertThatIllegalArgumentException().isThrownBy(() -> FrameWriter.writeHeader(dst, false, false, Opcode.PING,
				0, 0, false));
		assertThatIllegalArgumentException().isThrownBy(() -> FrameWriter.writeHeader(dst, true, false, Opcode.CLOSE,
				126, 0, false));
		assertThatIllegalArgumentException().isThrownBy(() -> FrameWriter.writeHeader(dst, true, true, Opcode.PONG, 0,
				0, false));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FrameWriter.writeHeader(dst, true, true, Opcode.CONTINUATION, 0, 0, false));
		assertThatIllegalArgumentException().isThrownBy(() -> FrameWriter.writeHeader(dst, true, false, Opcode.BINARY,
				-1, 0, false));
		assertThat(dst.position()).isZero();
	}

	@Test
	void writesNothingWhenTheHeaderDoesNotFit() {
		ByteBuffer dst = ByteBuffer.allocate(9);
		assertThatExceptionOfType(BufferOverflowException.class)
			.isThrownBy(() -> FrameWriter.writeHeader(dst, true, false, Opcode.BINARY, 65536, 0, false));
		assertThat(dst.position()).isZero();
		assertThat(FrameWriter.writeHeader(dst, true, false, Opcode.BINARY, 65535, 0, true)).isEqualTo(8);
	}

	@Property(tries = 500)
	void masksThePayloadPieceByPieceAsWhole(@ForAll @Size(max = 300) byte[] payload, @ForAll int key,
			@ForAll @IntRange(min = 1, max = 19) int piece, @ForAll boolean direct, @ForAll boolean littleEndian) {
		byte[] expected = new byte[payload.length];
		for (int i = 0; i < payload.length; i++) {
			expected[i] = (byte) (payload[i] ^ (key >>> (24 - 8 * (i % 4))));
		}
		ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(payload.length + 3)
				: ByteBuffer.allocate(payload.length + 3);
		buffer.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		// An offset of 3 in the buffer, so masking never starts on an aligned index.
		buffer.position(3);
		buffer.put(payload);
		for (int offset = 0; offset < payload.length; offset += piece) {
			int end = Math.min(offset + piece, payload.length);
			buffer.limit(3 + end).position(3 + offset);
			FrameWriter.mask(buffer, key, offset);
		}
		byte[] masked = new byte[payload.length];
		buffer.limit(3 + payload.length).position(3);
		buffer.get(masked);
		assertThat(masked).isEqualTo(expected);
	}

	@Test
	void buildsAClosePayload() {
		ByteBuffer payload = FrameWriter.closePayload(1000, "bye");
		assertThat(payload.position()).isZero();
		assertThat(toBytes(payload)).isEqualTo(hex("03 E8 62 79 65"));
		assertThat(toBytes(FrameWriter.closePayload(4999, null))).isEqualTo(hex("13 87"));
		assertThat(toBytes(FrameWriter.closePayload(1011, ""))).isEqualTo(hex("03 F3"));
	}

	@Test
	void refusesCloseCodesThatMayNotBeSent() {
		for (int code : new int[] { 0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535 }) {
			assertThatIllegalArgumentException().as("code %d", code).isThrownBy(() -> FrameWriter.closePayload(code,
					"x"));
		}
	}

	@Test
	void cutsTheReasonAt123BytesOnACodePointBoundary() {
		assertReasonBytes("a".repeat(200), "a".repeat(123));
		assertReasonBytes("a".repeat(123), "a".repeat(123));
		// 2 + 41 * 3 = 125 bytes: the last euro sign does not fit.
		assertReasonBytes("aa" + "€".repeat(41), "aa" + "€".repeat(40));
		// 120 + 4 = 124 bytes: the clef (a surrogate pair) does not fit and is not split.
		assertReasonBytes("a".repeat(120) + "𝄞", "a".repeat(120));
		assertReasonBytes("a".repeat(119) + "𝄞", "a".repeat(119) + "𝄞");
		assertReasonBytes("é".repeat(62), "é".repeat(61));
	}

	@Test
	void writesUnpairedSurrogatesAsQuestionMarks() {
		assertReasonBytes("a\uD800b\uDC00", "a?b?");
		assertThat(Utf8Validator.isValid(FrameWriter.closePayload(1000, "x\uD834").position(2))).isTrue();
	}

	@Test
	void writesAClosePayloadIntoABufferWithoutAllocating() {
		ByteBuffer dst = ByteBuffer.allocate(125);
		dst.put((byte) 0x55);
		assertThat(FrameWriter.writeClosePayload(dst, 1001, "going")).isEqualTo(7);
		assertThat(Arrays.copyOf(dst.array(), dst.position())).isEqualTo(hex("55 03 E9 67 6F 69 6E 67"));
		ByteBuffer small = ByteBuffer.allocate(4);
		assertThatExceptionOfType(BufferOverflowException.class)
			.isThrownBy(() -> FrameWriter.writeClosePayload(small, 1000, "abc"));
		assertThat(small.position()).isZero();
	}

	private static void assertReasonBytes(String reason, String expected) {
		ByteBuffer payload = FrameWriter.closePayload(1000, reason);
		byte[] reasonBytes = Arrays.copyOfRange(toBytes(payload), 2, payload.remaining());
		assertThat(new String(reasonBytes, StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(reasonBytes).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
		assertThat(reasonBytes.length).isLessThanOrEqualTo(FrameHeader.MAX_CLOSE_REASON);
	}

	private static byte[] header(boolean fin, boolean rsv1, Opcode op, long length, int key, boolean masked) {
		ByteBuffer dst = ByteBuffer.allocate(FrameHeader.MAX_HEADER_SIZE);
		int written = FrameWriter.writeHeader(dst, fin, rsv1, op, length, key, masked);
		assertThat(written).isEqualTo(dst.position()).isEqualTo(FrameHeader.size(length, masked));
		return Arrays.copyOf(dst.array(), written);
	}

	private static byte[] toBytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

}
