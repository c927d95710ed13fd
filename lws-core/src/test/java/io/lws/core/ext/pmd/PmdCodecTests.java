package io.lws.core.ext.pmd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

import io.lws.core.CloseStatus;
import io.lws.core.ext.ActiveExtension;
import io.lws.core.ws.Opcode;
import io.lws.core.ws.WebSocketProtocolException;

import static io.lws.core.ext.pmd.PmdLink.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** permessage-deflate's compression and decompression paths, end to end between two ends without sockets. */
class PmdCodecTests {

	static byte[] text(int size, long seed) {
		String[] words = { "lws", "vhost", "protocol", "websocket", "deflate", "{\"peer\":", "\"time\":", "1795534926",
				"é", "→", "😀", "\n" };
		Random r = new Random(seed);
		StringBuilder s = new StringBuilder();
		while (s.length() < size) {
			s.append(words[r.nextInt(words.length)]).append(' ');
		}
		byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
		// cut to size at a code point boundary
		int n = Math.min(size, b.length);
		while (n > 0 && n < b.length && (b[n] & 0xC0) == 0x80) {
			n--;
		}
		return java.util.Arrays.copyOf(b, n);
	}

	@Test
	void aLargeMessageIsDeliveredInPiecesOfAtMostTheRxBufferSizeWithOneFirstAndOneLast() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create(), PerMessageDeflate.create(), 1000, 0);
		byte[] message = text(100_000, 1);
		List<PmdLink.Frame> frames = PmdLink.send(link.client, message, false);
		assertThat(PmdLink.wire(frames).length).isLessThan(message.length / 2);
		PmdLink.Received r = PmdLink.receive(link.server, frames, 1000);
		assertThat(r.bytes()).isEqualTo(message);
		// each piece of compressed input gives what it inflates to at once: pieces are full only while input lasts
		assertThat(r.pieceSizes()).allMatch((n) -> n <= 1000);
		assertThat(r.pieceSizes()).contains(1000);
		assertThat(r.firstFlags()).isEqualTo(1);
		assertThat(r.lastFlags()).isEqualTo(1);
		assertThat(r.binary()).isFalse();
	}

	@Test
	void anInflatedSizeThatIsAMultipleOfThePieceSizeEndsWithAFullPieceNotAnEmptyOne() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create(), PerMessageDeflate.create(), 4096, 0);
		byte[] message = new byte[4096 * 3];
		PmdLink.Received r = PmdLink.receive(link.server, PmdLink.send(link.client, message, true), 4096);
		assertThat(r.pieceSizes()).containsExactly(4096, 4096, 4096);
		assertThat(r.binary()).isTrue();
	}

	@Test
	void compressedFramesAreAtMostTxBufSize() throws Exception {
		PerMessageDeflate config = PerMessageDeflate.builder().txBufSize(512).build();
		PmdLink link = PmdLink.of(config);
		byte[] random = new byte[20_000];
		new Random(2).nextBytes(random);
		List<PmdLink.Frame> frames = PmdLink.send(link.server, random, true, 7000, 7001, 15000);
		assertThat(frames.size()).isGreaterThan(20_000 / 516);
		assertThat(frames).allMatch((f) -> f.payload().length <= 512 + 4);
		assertThat(frames.get(0).rsv1()).isTrue();
		assertThat(frames.get(0).op()).isEqualTo(Opcode.BINARY);
		assertThat(frames.subList(1, frames.size())).allMatch((f) -> !f.rsv1() && f.op() == Opcode.CONTINUATION);
		assertThat(frames.subList(0, frames.size() - 1)).noneMatch(PmdLink.Frame::fin);
		assertThat(frames.get(frames.size() - 1).fin()).isTrue();
		assertThat(PmdLink.receive(link.client, frames, 4096).bytes()).isEqualTo(random);
	}

	@Test
	void dataThatDoesNotCompressRoundTripsWithLittleOverhead() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create());
		byte[] random = new byte[1 << 20];
		new Random(3).nextBytes(random);
		List<PmdLink.Frame> frames = PmdLink.send(link.server, random, true);
		int wire = PmdLink.wire(frames).length;
		assertThat(wire).isLessThan(random.length + random.length / 100 + 16);
		assertThat(PmdLink.receive(link.client, frames, 4096).bytes()).isEqualTo(random);
	}

	@Test
	void aCompressionBombFailsWith1009AfterAtMostOnePieceOverTheLimit() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create(), PerMessageDeflate.create(), 4096, 65536);
		List<PmdLink.Frame> bomb = PmdLink.send(link.client, new byte[50 << 20], true);
		assertThat(PmdLink.wire(bomb).length).isLessThan(1 << 20);
		List<byte[]> pieces = new ArrayList<>();
		assertThatThrownBy(() -> PmdLink.receive(link.server, bomb, 4096, pieces))
			.isInstanceOfSatisfying(WebSocketProtocolException.class,
					(ex) -> assertThat(ex.closeCode()).isEqualTo(CloseStatus.MESSAGE_TOO_LARGE.code()))
			.hasMessage("The message grows past the limit of 65536 bytes once decompressed.");
		assertThat(pieces.stream().mapToInt((p) -> p.length).sum()).isLessThanOrEqualTo(65536);
	}

	@Test
	void aMessageJustAtTheLimitIsAccepted() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create(), PerMessageDeflate.create(), 4096, 65536);
		byte[] message = text(65536, 4);
		assertThat(message).hasSize(65536);
		assertThat(PmdLink.receive(link.server, PmdLink.send(link.client, message, false), 4096).bytes())
			.isEqualTo(message);
	}

	@Test
	void dataThatIsNotDeflateFailsWith1007() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create());
		// BTYPE 11 is reserved
		List<PmdLink.Frame> junk = List.of(new PmdLink.Frame(Opcode.BINARY, true, true, bytes(0xff, 0xff, 0xff)));
		assertThatThrownBy(() -> PmdLink.receive(link.server, junk, 4096))
			.isInstanceOfSatisfying(WebSocketProtocolException.class,
					(ex) -> assertThat(ex.closeCode()).isEqualTo(CloseStatus.INVALID_PAYLOAD.code()))
			.hasMessage("The compressed message is not valid DEFLATE data.");
	}

	@Test
	void afterABlockWithBfinalTheRestOfTheMessageIsANewStreamNotDropped() throws Exception {
		// a sender that flushes each fragment with a BFINAL block (RFC 7692 section 7.2.3.4 allows it)
		byte[] first = finished("first ".getBytes(StandardCharsets.US_ASCII));
		byte[] second = finished("second".getBytes(StandardCharsets.US_ASCII));
		PmdLink link = PmdLink.of(PerMessageDeflate.create());
		List<PmdLink.Frame> fragments = List.of(new PmdLink.Frame(Opcode.TEXT, false, true, first),
				new PmdLink.Frame(Opcode.CONTINUATION, true, false, second));
		assertThat(new String(PmdLink.receive(link.server, fragments, 4096).bytes(), StandardCharsets.US_ASCII))
			.isEqualTo("first second");
		// both streams in one frame
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		assertThat(new String(PmdLink.receive(link.server, List.of(new PmdLink.Frame(Opcode.TEXT, true, true, both)),
				4096).bytes(), StandardCharsets.US_ASCII)).isEqualTo("first second");
		// junk after the final block is not DEFLATE: refused, not silently dropped
		byte[] junk = new byte[first.length + 3];
		System.arraycopy(first, 0, junk, 0, first.length);
		junk[first.length] = (byte) 0xff;
		junk[first.length + 1] = (byte) 0xff;
		junk[first.length + 2] = (byte) 0xff;
		PmdLink other = PmdLink.of(PerMessageDeflate.create());
		assertThatThrownBy(() -> PmdLink.receive(other.server, List.of(new PmdLink.Frame(Opcode.BINARY, true, true,
				junk)), 4096))
			.isInstanceOfSatisfying(WebSocketProtocolException.class,
					(ex) -> assertThat(ex.closeCode()).isEqualTo(CloseStatus.INVALID_PAYLOAD.code()));
	}

	/** {@code data} as a whole raw DEFLATE stream, its last block with BFINAL. */
	private static byte[] finished(byte[] data) {
		Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		d.setInput(data);
		d.finish();
		byte[] out = new byte[data.length + 64];
		int n = d.deflate(out);
		d.end();
		return Arrays.copyOf(out, n);
	}

	@Test
	void decompressedTextMustBeUtf8ButBinaryNeedNot() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create());
		byte[] notUtf8 = bytes('a', 'b', 0xC3, 0x28, 'c');
		List<PmdLink.Frame> asText = PmdLink.send(link.client, notUtf8, false);
		assertThatThrownBy(() -> PmdLink.receive(link.server, asText, 4096))
			.isInstanceOfSatisfying(WebSocketProtocolException.class,
					(ex) -> assertThat(ex.closeCode()).isEqualTo(CloseStatus.INVALID_PAYLOAD.code()));
		PmdLink other = PmdLink.of(PerMessageDeflate.create());
		byte[] truncated = bytes('a', 0xE2, 0x82);
		assertThatThrownBy(() -> PmdLink.receive(other.server, PmdLink.send(other.client, truncated, false), 4096))
			.hasMessage("The text message ends inside a UTF-8 sequence.");
		PmdLink third = PmdLink.of(PerMessageDeflate.create());
		assertThat(PmdLink.receive(third.server, PmdLink.send(third.client, notUtf8, true), 4096).bytes())
			.isEqualTo(notUtf8);
	}

	@Test
	void compressedPayloadSplitAtEveryPointDecodesTheSame() throws Exception {
		byte[] message = text(3000, 5);
		PmdLink link = PmdLink.of(PerMessageDeflate.builder().clientNoContextTakeover(true).build());
		byte[] wire = PmdLink.wire(PmdLink.send(link.client, message, false));
		for (int cut = 0; cut <= wire.length; cut++) {
			List<PmdLink.Frame> frames = List.of(
					new PmdLink.Frame(Opcode.TEXT, false, true, java.util.Arrays.copyOfRange(wire, 0, cut)),
					new PmdLink.Frame(Opcode.CONTINUATION, true, false,
							java.util.Arrays.copyOfRange(wire, cut, wire.length)));
			assertThat(PmdLink.receive(link.server, frames, 700).bytes()).as("cut at %d", cut).isEqualTo(message);
		}
		for (int piece = 1; piece < 40; piece++) {
			List<PmdLink.Frame> frames = List.of(new PmdLink.Frame(Opcode.TEXT, true, true, wire));
			assertThat(PmdLink.receive(link.server, frames, piece).bytes()).isEqualTo(message);
		}
	}

	@Test
	void aPauseInsideAPieceResumesWhereItStoppedEvenWhenTheInputBufferIsReused() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.create(), PerMessageDeflate.create(), 256, 0);
		byte[] message = text(20_000, 6);
		byte[] wire = PmdLink.wire(PmdLink.send(link.client, message, false));
		ByteBuffer input = ByteBuffer.wrap(wire.clone());
		java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
		int[] calls = new int[1];
		ActiveExtension.PieceSink pausing = (out, binary, first, last) -> {
			byte[] copy = new byte[out.remaining()];
			out.get(copy);
			got.writeBytes(copy);
			return ++calls[0] % 2 == 0;
		};
		boolean go = link.server.receive(input, false, true, true, true, pausing);
		assertThat(go).isFalse();
		assertThat(link.server.hasPendingReceive()).isTrue();
		// what a connection does with its read buffer once the piece was taken: it reuses it
		java.util.Arrays.fill(input.array(), (byte) 0x55);
		while (link.server.hasPendingReceive()) {
			link.server.resumeReceive(pausing);
		}
		assertThat(link.server.hasPendingReceive()).isFalse();
		assertThat(got.toByteArray()).isEqualTo(message);
		assertThat(calls[0]).isGreaterThan(20_000 / 256);
	}

	@Test
	void rxBufSizeMakesPiecesSmallerThanTheProtocolsAndOptionsChangePerConnection() throws Exception {
		PmdLink link = PmdLink.of(PerMessageDeflate.builder().rxBufSize(300).build(), PerMessageDeflate.create(), 4096,
				0);
		byte[] message = text(5000, 7);
		PmdLink.Received r = PmdLink.receive(link.server, PmdLink.send(link.client, message, false), 4096);
		assertThat(r.pieceSizes()).allMatch((n) -> n <= 300);
		assertThat(link.server.setOption("rx_buf_size", "1000")).isZero();
		assertThat(link.server.setOption("compression_level", "9")).isZero();
		assertThat(link.server.setOption("tx_buf_size", "128")).isZero();
		assertThat(link.server.setOption("compression_level", "10")).isEqualTo(-1);
		assertThat(link.server.setOption("rx_buf_size", "10")).isEqualTo(-1);
		assertThat(link.server.setOption("mem_level", "8")).isEqualTo(-1);
		r = PmdLink.receive(link.server, PmdLink.send(link.client, message, false), 4096);
		assertThat(r.bytes()).isEqualTo(message);
		assertThat(r.pieceSizes().get(0)).isEqualTo(1000);
		List<PmdLink.Frame> frames = PmdLink.send(link.server, message, false);
		assertThat(frames).allMatch((f) -> f.payload().length <= 128);
		assertThat(PmdLink.receive(link.client, frames, 4096).bytes()).isEqualTo(message);
	}

	@Test
	void withoutContextTakeoverAnIdleConnectionHoldsNoCompressorAndWithItKeepsOne() throws Exception {
		PmdLink pooled = PmdLink.of(PerMessageDeflate.builder()
			.serverNoContextTakeover(true)
			.clientNoContextTakeover(true)
			.build());
		PmdLink kept = PmdLink.of(PerMessageDeflate.create());
		for (PmdLink link : List.of(pooled, kept)) {
			byte[] message = text(10_000, 8);
			for (int i = 0; i < 3; i++) {
				assertThat(PmdLink.receive(link.client, PmdLink.send(link.server, message, false), 4096).bytes())
					.isEqualTo(message);
				assertThat(PmdLink.receive(link.server, PmdLink.send(link.client, message, false), 4096).bytes())
					.isEqualTo(message);
			}
		}
		assertThat(pooled.server.session().toString()).contains("inflater=none, deflater=none");
		assertThat(kept.server.session().toString()).contains("inflater=held, deflater=held");
		kept.server.destroy();
		assertThat(kept.server.session().toString()).contains("inflater=none, deflater=none, released");
		// with context takeover a repeated message costs almost nothing (random bytes: no match but the last copy)
		byte[] message = new byte[10_000];
		new Random(9).nextBytes(message);
		int first = PmdLink.wire(PmdLink.send(kept.client, message, false)).length;
		int second = PmdLink.wire(PmdLink.send(kept.client, message, false)).length;
		assertThat(second).isLessThan(first / 10);
		int pooledFirst = PmdLink.wire(PmdLink.send(pooled.client, message, false)).length;
		int pooledSecond = PmdLink.wire(PmdLink.send(pooled.client, message, false)).length;
		assertThat(pooledSecond).isEqualTo(pooledFirst);
	}

}
