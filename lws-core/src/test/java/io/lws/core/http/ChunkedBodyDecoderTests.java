package io.lws.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ChunkedBodyDecoderTests {

	/** What decoding produced: the result, the bytes consumed, the body, and the error. */
	record Decoded(ParseResult result, int consumed, String body, String error) {
	}

	/** Decodes {@code bytes} fed as consecutive buffers of the given sizes. */
	private static Decoded decode(ChunkedBodyDecoder decoder, byte[] bytes, int... pieces) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		BodySink sink = (piece) -> {
			assertThat(piece.hasRemaining()).isTrue();
			byte[] data = new byte[piece.remaining()];
			piece.get(data);
			body.write(data, 0, data.length);
		};
		int offset = 0;
		int consumed = 0;
		ParseResult result = ParseResult.NEED_MORE;
		for (int piece : pieces) {
			ByteBuffer in = ByteBuffer.wrap(bytes, offset, piece);
			result = decoder.decode(in, sink);
			assertThat(in.limit()).isEqualTo(offset + piece);
			consumed += in.position() - offset;
			offset += piece;
			if (result != ParseResult.NEED_MORE) {
				break;
			}
		}
		return new Decoded(result, consumed, body.toString(StandardCharsets.UTF_8), decoder.errorReason());
	}

	private static Decoded decode(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return decode(new ChunkedBodyDecoder(8, 16), bytes, bytes.length);
	}

	@Test
	void chunksAreJoined() {
		Decoded decoded = decode("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
		assertThat(decoded).isEqualTo(new Decoded(ParseResult.COMPLETE, 26, "hello world", null));
	}

	@Test
	void positionIsLeftAfterTheFinalCrlf() {
		ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
		ByteBuffer in = ByteBuffer.wrap("3\r\nabc\r\n0\r\n\r\nGET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(decoder.decode(in, (piece) -> piece.position(piece.limit()))).isEqualTo(ParseResult.COMPLETE);
		assertThat(StandardCharsets.US_ASCII.decode(in).toString()).isEqualTo("GET / HTTP/1.1\r\n");
		assertThat(decoder.bodyLength()).isEqualTo(3);
	}

	@Test
	void hexSizesInAnyCaseWithLeadingZeros() {
		assertThat(decode("000A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n").body())
			.isEqualTo("0123456789abcdefghij");
	}

	@Test
	void extensionsAreSkipped() {
		Decoded decoded = decode("5;a=b\r\nhello\r\n1 ; x\r\n!\r\n0;end\r\n\r\n");
		assertThat(decoded.result()).isEqualTo(ParseResult.COMPLETE);
		assertThat(decoded.body()).isEqualTo("hello!");
	}

	@Test
	void extensionAtTheLimitIsAcceptedAndOneMoreIsNot() {
		assertThat(decode("1;abcdefg\r\nx\r\n0\r\n\r\n").result()).isEqualTo(ParseResult.COMPLETE);
		Decoded over = decode("1;abcdefgh\r\nx\r\n0\r\n\r\n");
		assertThat(over.result()).isEqualTo(ParseResult.ERROR);
		assertThat(over.error()).isEqualTo("The chunk extension is too long.");
	}

	@Test
	void trailersAreSkipped() {
		Decoded decoded = decode("2\r\nok\r\n0\r\nX-Sum: 1\r\nY: 2\r\n\r\n");
		assertThat(decoded).isEqualTo(new Decoded(ParseResult.COMPLETE, 28, "ok", null));
	}

	@Test
	void trailerLinesMustBeHeaderFields() {
		String bad = "A trailer line is not a header field (name, colon, value).";
		// a request where a trailer should be would otherwise be swallowed as one
		assertThat(decode("0\r\nGET /x HTTP/1.1\r\n\r\n").error()).isEqualTo(bad);
		assertThat(decode("0\r\nNoColon\r\n\r\n").error()).isEqualTo(bad);
		assertThat(decode("0\r\nX: 1\r\n folded\r\n\r\n").error()).isEqualTo(bad);
		assertThat(decode("0\r\n: empty name\r\n\r\n").error()).isEqualTo(bad);
		assertThat(decode("0\r\nX : space before colon\r\n\r\n").error()).isEqualTo(bad);
		assertThat(decode("0\r\nX: a\u0001b\r\n\r\n").error()).isEqualTo(bad);
		assertThat(decode("0\r\nX:\tok\r\nY:\r\n\r\n").result()).isEqualTo(ParseResult.COMPLETE);
	}

	@Test
	void trailerAtTheLimitIsAcceptedAndOneMoreIsNot() {
		// 16 bytes of trailer lines, CRLFs included
		assertThat(decode("0\r\nX-Trailer: 123\r\n\r\n").result()).isEqualTo(ParseResult.COMPLETE);
		Decoded over = decode("0\r\nX-Trailer: 1234\r\n\r\n");
		assertThat(over.result()).isEqualTo(ParseResult.ERROR);
		assertThat(over.error()).isEqualTo("The trailer section is too long.");
	}

	@Test
	void largestSizeIsAcceptedAndOneMoreDigitOverflows() {
		ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
		ByteBuffer largest = ByteBuffer.wrap("7fffffffffffffff\r\nabc".getBytes(StandardCharsets.US_ASCII));
		assertThat(decoder.decode(largest, (piece) -> {
		})).isEqualTo(ParseResult.NEED_MORE);
		assertThat(decoder.bodyLength()).isEqualTo(3);
		Decoded over = decode("8000000000000000\r\n");
		assertThat(over.result()).isEqualTo(ParseResult.ERROR);
		assertThat(over.error()).isEqualTo("The chunk size does not fit in a long.");
		assertThat(decode("fffffffffffffffff\r\n").error()).isEqualTo("The chunk size does not fit in a long.");
	}

	static List<Arguments> refusedBodies() {
		String badSize = "The chunk size is not a hexadecimal number.";
		String badLineEnd = "A chunk line does not end with CRLF.";
		String noCrlf = "The chunk data is not followed by CRLF.";
		return List.of(arguments("g\r\n", badSize), arguments("\r\n", badSize), arguments("-1\r\n", badSize),
				arguments("0x5\r\n", badSize), arguments("5,\r\n", badSize), arguments(" 5\r\n", badSize),
				arguments("5\n", badLineEnd), arguments("5\rx", badLineEnd), arguments("5;a\n", badLineEnd),
				arguments("5;a\u0001\r\n", "The chunk extension contains a control character."),
				arguments("5\r\nhelloX\r\n", noCrlf), arguments("5\r\nhello\rX", noCrlf),
				arguments("5\r\nhello\n0\r\n\r\n", noCrlf), arguments("0\r\n\n", badLineEnd),
				arguments("0\r\n\rX", badLineEnd), arguments("0\r\nX: 1\n\r\n", badLineEnd),
				arguments("0\r\nX: 1\rX\r\n", badLineEnd));
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@MethodSource("refusedBodies")
	void refusedFramingSaysWhy(String body, String reason) {
		Decoded decoded = decode(body);
		assertThat(decoded.result()).isEqualTo(ParseResult.ERROR);
		assertThat(decoded.error()).isEqualTo(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\nNEXT", "1;ext=1\r\nx\r\n0\r\nT: 1\r\n\r\n",
			"10\r\n0123456789abcdef\r\n0\r\n\r\n", "5\r\nhello\r\n6\r\n worldX", "0\r\nX-Trailer: 1234\r\n\r\n",
			"1;abcdefgh\r\nx\r\n0\r\n\r\n" })
	void everyCuttingDecodesTheSame(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Decoded whole = decode(new ChunkedBodyDecoder(8, 16), bytes, bytes.length);
		for (int[] pieces : HeadFeeder.cuttings(bytes.length, 42)) {
			assertThat(decode(new ChunkedBodyDecoder(8, 16), bytes, pieces)).isEqualTo(whole);
		}
	}

	@Property(tries = 300)
	void anyBodyChunkedAnyWayDecodesToItself(@ForAll @Size(max = 2000) byte[] body, @ForAll long seed) {
		Random random = new Random(seed);
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		int offset = 0;
		while (offset < body.length) {
			int size = 1 + random.nextInt(Math.min(body.length - offset, 300));
			String sizeLine = Integer.toHexString(size) + (random.nextBoolean() ? ";n=v" : "") + "\r\n";
			wire.writeBytes(sizeLine.getBytes(StandardCharsets.US_ASCII));
			wire.write(body, offset, size);
			wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			offset += size;
		}
		wire.writeBytes((random.nextBoolean() ? "0\r\nX-T: 1\r\n\r\n" : "0\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		byte[] bytes = wire.toByteArray();
		ByteArrayOutputStream decoded = new ByteArrayOutputStream();
		ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
		ParseResult result = ParseResult.NEED_MORE;
		int at = 0;
		while (at < bytes.length && result == ParseResult.NEED_MORE) {
			ByteBuffer in = ByteBuffer.wrap(bytes, at, 1 + random.nextInt(Math.min(bytes.length - at, 64)));
			result = decoder.decode(in, (piece) -> decoded.write(piece.array(), piece.arrayOffset() + piece.position(),
					piece.remaining()));
			at = in.position();
		}
		assertThat(result).isEqualTo(ParseResult.COMPLETE);
		assertThat(at).isEqualTo(bytes.length);
		assertThat(decoded.toByteArray()).isEqualTo(body);
		assertThat(decoder.bodyLength()).isEqualTo(body.length);
	}

	@Test
	void piecesAreViewsOfTheInputWithoutCopying() {
		byte[] bytes = "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		List<int[]> views = new ArrayList<>();
		ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
		decoder.decode(ByteBuffer.wrap(bytes), (piece) -> {
			assertThat(piece.array()).isSameAs(bytes);
			views.add(new int[] { piece.position(), piece.limit() });
		});
		assertThat(views).containsExactly(new int[] { 3, 8 });
	}

	@Test
	void sinkThatReadsNothingStillMovesTheInputOn() {
		ByteBuffer in = ByteBuffer.wrap("2\r\nab\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(new ChunkedBodyDecoder().decode(in, (piece) -> {
		})).isEqualTo(ParseResult.COMPLETE);
		assertThat(in.hasRemaining()).isFalse();
	}

	@Test
	void throwingSinkLeavesTheInputLimitAlone() {
		ByteBuffer in = ByteBuffer.wrap("2\r\nab\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThatIllegalStateException().isThrownBy(() -> new ChunkedBodyDecoder().decode(in, (piece) -> {
			throw new IllegalStateException("boom");
		}));
		assertThat(in.limit()).isEqualTo(in.capacity());
		assertThat(in.position()).isEqualTo(5);
	}

	@Test
	void finishedDecoderConsumesNothingUntilReset() {
		ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
		BodySink ignore = (piece) -> {
		};
		decoder.decode(ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), ignore);
		ByteBuffer more = ByteBuffer.wrap("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(decoder.decode(more, ignore)).isEqualTo(ParseResult.COMPLETE);
		assertThat(more.position()).isZero();
		decoder.reset();
		assertThat(decoder.decode(ByteBuffer.wrap("zz".getBytes(StandardCharsets.US_ASCII)), ignore))
			.isEqualTo(ParseResult.ERROR);
		assertThat(decoder.decode(more, ignore)).isEqualTo(ParseResult.ERROR);
		assertThat(more.position()).isZero();
		decoder.reset();
		assertThat(decoder.errorReason()).isNull();
		assertThat(decoder.bodyLength()).isZero();
		assertThat(decoder.decode(more, ignore)).isEqualTo(ParseResult.NEED_MORE);
		assertThat(decoder.bodyLength()).isEqualTo(1);
	}

	@Test
	void toStringShowsTheState() {
		ChunkedBodyDecoder decoder = new ChunkedBodyDecoder();
		decoder.decode(ByteBuffer.wrap("a\r\nabc".getBytes(StandardCharsets.US_ASCII)), (piece) -> {
		});
		assertThat(decoder).hasToString("ChunkedBodyDecoder{state=DATA, remaining=7, body=3}");
	}

	@Test
	void negativeLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ChunkedBodyDecoder(-1, 0))
			.withMessage("The chunk extension and trailer limits must not be negative, got -1 and 0");
	}

}
