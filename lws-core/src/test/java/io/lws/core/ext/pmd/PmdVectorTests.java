package io.lws.core.ext.pmd;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lws.core.ws.Opcode;

import static io.lws.core.ext.pmd.PmdLink.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** The examples of RFC 7692 section 7.2.3, decoded by the receive side and, where zlib gives the same, encoded. */
class PmdVectorTests {

	private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

	/** 7.2.3.1: "Hello" in one compressed block. */
	private static final byte[] ONE_BLOCK = bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);

	private static PmdLink link(boolean noContextTakeover) throws Exception {
		return PmdLink.of(PerMessageDeflate.builder()
			.serverNoContextTakeover(noContextTakeover)
			.clientNoContextTakeover(noContextTakeover)
			.build());
	}

	private static PmdLink.Frame frame(boolean fin, boolean rsv1, Opcode op, byte[] payload) {
		return new PmdLink.Frame(op, fin, rsv1, payload);
	}

	@Test
	void section7231OneCompressedBlockDecodesWholeAndFragmented() throws Exception {
		PmdLink link = link(false);
		assertThat(PmdLink.receive(link.server, List.of(frame(true, true, Opcode.TEXT, ONE_BLOCK)), 4096).bytes())
			.isEqualTo(HELLO);
		// the same bytes in two frames: 0x41 0x03 f2 48 cd, then 0x80 0x04 c9 c9 07 00
		List<PmdLink.Frame> fragmented = List.of(frame(false, true, Opcode.TEXT, bytes(0xf2, 0x48, 0xcd)),
				frame(true, false, Opcode.CONTINUATION, bytes(0xc9, 0xc9, 0x07, 0x00)));
		assertThat(PmdLink.receive(link.server, fragmented, 4096).bytes()).isEqualTo(HELLO);
	}

	@Test
	void section7231HelloEncodesToTheExampleBytes() throws Exception {
		List<PmdLink.Frame> frames = PmdLink.send(link(false).server, HELLO, false);
		assertThat(frames).hasSize(1);
		assertThat(frames.get(0).op()).isEqualTo(Opcode.TEXT);
		assertThat(frames.get(0).rsv1()).isTrue();
		assertThat(frames.get(0).fin()).isTrue();
		assertThat(frames.get(0).payload()).isEqualTo(ONE_BLOCK);
	}

	@Test
	void section7232SharingTheSlidingWindowEncodesAndDecodes() throws Exception {
		PmdLink link = link(false);
		byte[] second = bytes(0xf2, 0x00, 0x11, 0x00, 0x00);
		assertThat(PmdLink.send(link.server, HELLO, false).get(0).payload()).isEqualTo(ONE_BLOCK);
		assertThat(PmdLink.send(link.server, HELLO, false).get(0).payload()).isEqualTo(second);
		assertThat(PmdLink.receive(link.client, List.of(frame(true, true, Opcode.TEXT, ONE_BLOCK)), 4096).bytes())
			.isEqualTo(HELLO);
		assertThat(PmdLink.receive(link.client, List.of(frame(true, true, Opcode.TEXT, second)), 4096).bytes())
			.isEqualTo(HELLO);
	}

	@Test
	void withoutContextTakeoverEveryHelloIsTheFirstOne() throws Exception {
		PmdLink link = link(true);
		assertThat(link.response)
			.isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
		for (int i = 0; i < 3; i++) {
			assertThat(PmdLink.send(link.server, HELLO, false).get(0).payload()).isEqualTo(ONE_BLOCK);
			assertThat(PmdLink.send(link.client, HELLO, false).get(0).payload()).isEqualTo(ONE_BLOCK);
			assertThat(PmdLink.receive(link.server, List.of(frame(true, true, Opcode.TEXT, ONE_BLOCK)), 4096).bytes())
				.isEqualTo(HELLO);
		}
	}

	@Test
	void section7233AStoredBlockDecodes() throws Exception {
		byte[] stored = bytes(0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00);
		assertThat(PmdLink.receive(link(false).server, List.of(frame(true, true, Opcode.TEXT, stored)), 4096).bytes())
			.isEqualTo(HELLO);
	}

	@Test
	void section7234ABlockWithBfinalDecodesAndTheNextMessageStartsAfresh() throws Exception {
		PmdLink link = link(false);
		byte[] bfinal = bytes(0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00);
		assertThat(PmdLink.receive(link.server, List.of(frame(true, true, Opcode.TEXT, bfinal)), 4096).bytes())
			.isEqualTo(HELLO);
		assertThat(PmdLink.receive(link.server, List.of(frame(true, true, Opcode.TEXT, ONE_BLOCK)), 4096).bytes())
			.isEqualTo(HELLO);
	}

	@Test
	void section7235TwoBlocksInOneMessageDecode() throws Exception {
		byte[] two = bytes(0xf2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xca, 0xc9, 0xc9, 0x07, 0x00);
		assertThat(PmdLink.receive(link(false).server, List.of(frame(true, true, Opcode.TEXT, two)), 4096).bytes())
			.isEqualTo(HELLO);
	}

	@Test
	void section7236AnEmptyLastFragmentIsAnEmptyStoredBlock() throws Exception {
		PmdLink link = link(false);
		// "Hello" written without FIN is flushed; the end of the message then has nothing left but an empty block
		List<PmdLink.Frame> frames = PmdLink.send(link.server, HELLO, false, 5);
		assertThat(frames).hasSize(2);
		assertThat(frames.get(0).payload()).isEqualTo(bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00, 0x00,
				0xff, 0xff));
		assertThat(frames.get(1).op()).isEqualTo(Opcode.CONTINUATION);
		assertThat(frames.get(1).rsv1()).isFalse();
		assertThat(frames.get(1).payload()).isEqualTo(bytes(0x00));
		assertThat(PmdLink.receive(link.client, frames, 4096).bytes()).isEqualTo(HELLO);
	}

	@Test
	void anEmptyMessageIsOneZeroByteAndAnEmptyCompressedPayloadDecodesToNothing() throws Exception {
		PmdLink link = link(false);
		List<PmdLink.Frame> frames = PmdLink.send(link.server, new byte[0], true);
		assertThat(frames).hasSize(1);
		assertThat(frames.get(0).op()).isEqualTo(Opcode.BINARY);
		assertThat(frames.get(0).payload()).isEqualTo(bytes(0x00));
		PmdLink.Received r = PmdLink.receive(link.client, frames, 4096);
		assertThat(r.bytes()).isEmpty();
		assertThat(r.firstFlags()).isEqualTo(1);
		assertThat(r.lastFlags()).isEqualTo(1);
		// some peers send nothing at all for an empty message: taken as empty, without touching the window
		r = PmdLink.receive(link.server, List.of(frame(true, true, Opcode.TEXT, new byte[0])), 4096);
		assertThat(r.bytes()).isEmpty();
		assertThat(r.lastFlags()).isEqualTo(1);
		assertThat(PmdLink.receive(link.server, List.of(frame(true, true, Opcode.TEXT, ONE_BLOCK)), 4096).bytes())
			.isEqualTo(HELLO);
	}

}
