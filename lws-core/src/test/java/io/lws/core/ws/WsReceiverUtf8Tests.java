package io.lws.core.ws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import io.lws.core.ws.RecordingListener.Data;
import io.lws.core.ws.RecordingListener.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.lws.core.ws.TestFrames.client;
import static io.lws.core.ws.TestFrames.concat;
import static io.lws.core.ws.TestFrames.utf8;
import static io.lws.core.ws.Utf8ValidatorTests.hex;
import static io.lws.core.ws.WsReceiverTests.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests that {@link WsReceiver} checks text as UTF-8 across pieces and fragments, and fails as soon as the bytes
 * received cannot be UTF-8 (the "fail fast" behaviour of RFC 6455 section 8.1).
 */
class WsReceiverUtf8Tests {

	private static final byte[] PREFIX = utf8("κόσμε-");

	private static final String NOT_UTF8 = "The text message is not valid UTF-8.";

	private static final String PARTIAL = "The text message ends inside a UTF-8 sequence.";

	/** A masked frame header for a payload under 126 bytes: 2 bytes and the key. */
	private static final int HEADER = 6;

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.lws.core.ws.Utf8ValidatorTests#invalidSequences")
	void failsAtTheFirstImpossibleByteWhereverTheMessageIsFragmented(String name, String hex, int failIndex) {
		byte[] text = concat(PREFIX, hex(hex), utf8("-tail"));
		int bad = PREFIX.length + failIndex;
		for (int split = 0; split <= text.length; split++) {
			byte[] stream = concat(client(false, Opcode.TEXT, Arrays.copyOfRange(text, 0, split)),
					client(true, Opcode.CONTINUATION, Arrays.copyOfRange(text, split, text.length)));
			int expectedAt = (bad < split) ? HEADER + bad : HEADER + split + HEADER + (bad - split);
			for (int rxBufferSize : new int[] { 4096, 3 }) {
				WsReceiverConfig config = SERVER.toBuilder().rxBufferSize(rxBufferSize).build();
				byte[] delivered = assertFailsAt(config, stream, expectedAt, NOT_UTF8);
				// Nothing from the bad byte on reached the application.
				assertThat(delivered.length).isLessThanOrEqualTo(bad);
				assertThat(delivered).isEqualTo(Arrays.copyOf(text, delivered.length));
			}
		}
	}

	@Test
	void failsAtTheEndOfTheFinalFragmentWhenACodePointIsIncomplete() {
		byte[] text = concat(PREFIX, hex("E2 82"));
		for (int split = 0; split <= text.length; split++) {
			byte[] stream = concat(client(false, Opcode.TEXT, Arrays.copyOfRange(text, 0, split)),
					client(true, Opcode.CONTINUATION, Arrays.copyOfRange(text, split, text.length)));
			assertFailsAt(SERVER, stream, stream.length - 1, PARTIAL);
		}
		// The final fragment is empty: the failure comes with its header's last byte.
		byte[] stream = concat(client(false, Opcode.TEXT, text), client(false, Opcode.CONTINUATION, new byte[0]),
				client(true, Opcode.PING, new byte[0]), client(true, Opcode.CONTINUATION, new byte[0]));
		assertFailsAt(SERVER, stream, stream.length - 1, PARTIAL);
		assertFailsAt(SERVER, client(true, Opcode.TEXT, hex("F0 9D 84")), 8, PARTIAL);
	}

	@Test
	void acceptsEveryCodePointSplitAtEveryByteAcrossFragments() {
		byte[] text = utf8("a\u00e9\u20ac\ud834\udd1e\u007f\u0800\uffff\udbff\udfffz");
		for (int first = 0; first <= text.length; first++) {
			for (int second = first; second <= text.length; second++) {
				byte[] stream = concat(client(false, Opcode.TEXT, Arrays.copyOfRange(text, 0, first)),
						client(true, Opcode.PING, utf8("between")),
						client(false, Opcode.CONTINUATION, Arrays.copyOfRange(text, first, second)),
						client(true, Opcode.CONTINUATION, Arrays.copyOfRange(text, second, text.length)));
				ByteArrayOutputStream delivered = new ByteArrayOutputStream();
				for (Event event : Feeder.with(SERVER.toBuilder().rxBufferSize(2).build()).byteByByte(stream)) {
					if (event instanceof Data data) {
						delivered.writeBytes(data.bytes());
					}
					else {
						assertThat(event).isInstanceOf(RecordingListener.Ping.class);
					}
				}
				assertThat(delivered.toByteArray()).isEqualTo(text);
			}
		}
	}

	@Test
	void doesNotCheckBinaryMessagesOrTextWhenValidationIsOff() throws Exception {
		byte[] bad = hex("C0 AF ED A0 80 FF");
		WsReceiverTests.receive(SERVER, client(true, Opcode.BINARY, bad)).assertData(bad, true, true, true, 0, true);
		WsReceiverConfig off = SERVER.toBuilder().validateUtf8(false).build();
		WsReceiverTests.receive(off, client(true, Opcode.TEXT, bad)).assertData(bad, false, true, true, 0, true);
		WsReceiverTests.receive(off, client(true, Opcode.TEXT, hex("E2 82")))
			.assertData(hex("E2 82"), false, true, true, 0, true);
	}

	@Test
	void startsEachMessageWithAFreshCheck() throws Exception {
		// The first message is binary and ends mid code point: it must not leak into the text after it.
		RecordingListener listener = WsReceiverTests.receive(SERVER,
				concat(client(true, Opcode.BINARY, hex("E2")), client(true, Opcode.TEXT, utf8("ok"))));
		listener.assertData(hex("E2"), true, true, true, 0, true);
		listener.assertText("ok", true, true, 0, true);
		listener.assertExhausted();
	}

	/**
	 * Feeds byte by byte, checks the 1007 failure comes with byte {@code index}, and returns the text delivered
	 * before it.
	 */
	private static byte[] assertFailsAt(WsReceiverConfig config, byte[] stream, int index, String reason) {
		WsReceiver receiver = new WsReceiver(config);
		RecordingListener listener = new RecordingListener();
		for (int i = 0; i < stream.length; i++) {
			try {
				receiver.receive(ByteBuffer.wrap(stream.clone(), i, 1), listener);
			}
			catch (WebSocketProtocolException ex) {
				assertThat(i).as("index of the failing byte").isEqualTo(index);
				assertThat(ex.closeCode()).isEqualTo(1007);
				assertThat(ex.reason()).isEqualTo(reason);
				return listener.drainData();
			}
		}
		return fail("No failure: " + listener.events());
	}

}
