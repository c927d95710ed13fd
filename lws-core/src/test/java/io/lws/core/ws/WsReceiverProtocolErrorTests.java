package io.lws.core.ws;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

import io.lws.core.CloseStatus;
import io.lws.core.ws.RecordingListener.Close;
import io.lws.core.ws.RecordingListener.Event;
import io.lws.core.ws.RecordingListener.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.lws.core.ws.TestFrames.client;
import static io.lws.core.ws.TestFrames.closePayload;
import static io.lws.core.ws.TestFrames.concat;
import static io.lws.core.ws.TestFrames.frame;
import static io.lws.core.ws.TestFrames.utf8;
import static io.lws.core.ws.Utf8ValidatorTests.hex;
import static io.lws.core.ws.WsReceiverTests.CLIENT;
import static io.lws.core.ws.WsReceiverTests.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/** Tests that {@link WsReceiver} fails each protocol violation with the right close code, as early as it can. */
class WsReceiverProtocolErrorTests {

	private static final byte[] NONE = new byte[0];

	@ParameterizedTest
	@ValueSource(ints = { 3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF })
	void refusesReservedOpcodes(int opcode) {
		assertFailsAt(SERVER, frame(0x80 | opcode, NONE, true, 1), 0, 1002, "Opcode " + opcode + " is reserved.");
		// Also in the middle of a fragmented message.
		byte[] stream = concat(client(false, Opcode.TEXT, utf8("a")), frame(0x80 | opcode, NONE, true, 1));
		assertFailsAt(SERVER, stream, 7, 1002, "Opcode " + opcode + " is reserved.");
	}

	@Test
	void refusesReservedBitsWithoutAnExtension() {
		String rsv1 = "Reserved bit RSV1 is set but no extension was negotiated.";
		String rsv23 = "Reserved bit RSV2 or RSV3 is set but no extension defines it.";
		assertFailsAt(SERVER, frame(0xC1, utf8("a"), true, 1), 0, 1002, rsv1);
		assertFailsAt(SERVER, frame(0xC2, utf8("a"), true, 1), 0, 1002, rsv1);
		assertFailsAt(SERVER, frame(0xA1, utf8("a"), true, 1), 0, 1002, rsv23);
		assertFailsAt(SERVER, frame(0x91, utf8("a"), true, 1), 0, 1002, rsv23);
		assertFailsAt(SERVER, frame(0xF1, utf8("a"), true, 1), 0, 1002, rsv23);
		assertFailsAt(SERVER, frame(0xC9, NONE, true, 1), 0, 1002, rsv1);
		assertFailsAt(CLIENT, frame(0xB2, NONE, false, 0), 0, 1002, rsv23);
	}

	@Test
	void allowsRsv1OnlyOnTheFirstFrameOfADataMessageWhenAnExtensionAllowsIt() throws Exception {
		WsReceiverConfig deflate = SERVER.toBuilder().allowRsv1(true).build();
		RecordingListener listener = WsReceiverTests.receive(deflate,
				concat(frame(0xC1, hex("01"), true, 5), frame(0xC2, hex("02"), true, 6)));
		listener.assertData(hex("01"), false, true, true, 0, true);
		listener.assertData(hex("02"), true, true, true, 0, true);
		listener.assertExhausted();
		assertFailsAt(deflate, concat(frame(0x41, hex("01"), true, 5), frame(0xC0, hex("01"), true, 5)), 7, 1002,
				"RSV1 may only be set on the first frame of a message.");
		assertFailsAt(deflate, frame(0xC9, NONE, true, 1), 0, 1002, "RSV1 must not be set on a control frame.");
		assertFailsAt(deflate, frame(0xE1, NONE, true, 1), 0, 1002,
				"Reserved bit RSV2 or RSV3 is set but no extension defines it.");
	}

	@Test
	void refusesFragmentedControlFrames() {
		for (Opcode op : new Opcode[] { Opcode.CLOSE, Opcode.PING, Opcode.PONG }) {
			assertFailsAt(SERVER, frame(op.code(), NONE, true, 1), 0, 1002, "A control frame must not be fragmented.");
		}
	}

	@Test
	void refusesControlPayloadsOver125Bytes() {
		String reason = "A control frame payload must not exceed 125 bytes.";
		assertFailsAt(SERVER, client(true, Opcode.PING, new byte[126]), 1, 1002, reason);
		assertFailsAt(SERVER, client(true, Opcode.PONG, new byte[65536]), 1, 1002, reason);
		assertFailsAt(CLIENT, TestFrames.server(true, Opcode.CLOSE, closePayload(1000, new byte[124])), 1, 1002,
				reason);
	}

	@Test
	void acceptsControlPayloadsOf125Bytes() throws Exception {
		byte[] reason = utf8("r".repeat(123));
		RecordingListener listener = WsReceiverTests.receive(SERVER,
				concat(client(true, Opcode.PING, new byte[125]),
						client(true, Opcode.CLOSE, closePayload(1000, reason))));
		listener.assertPing(new byte[125]);
		listener.assertClose(1000, "r".repeat(123));
		listener.assertExhausted();
	}

	@Test
	void refusesACloseOfOneByte() {
		assertFailsAt(SERVER, client(true, Opcode.CLOSE, hex("03")), 1, 1002,
				"A close frame payload cannot be 1 byte long.");
	}

	@Test
	void refusesAContinuationWithNoMessage() {
		String reason = "A continuation frame arrived with no message to continue.";
		assertFailsAt(SERVER, client(true, Opcode.CONTINUATION, utf8("a")), 0, 1002, reason);
		assertFailsAt(SERVER, client(false, Opcode.CONTINUATION, utf8("a")), 0, 1002, reason);
		byte[] message = client(true, Opcode.TEXT, utf8("done"));
		assertFailsAt(SERVER, concat(message, client(true, Opcode.CONTINUATION, utf8("a"))), message.length, 1002,
				reason);
	}

	@Test
	void refusesANewMessageInsideAFragmentedOne() {
		String reason = "A new message began before the fragmented one was finished.";
		byte[] start = client(false, Opcode.TEXT, utf8("a"));
		assertFailsAt(SERVER, concat(start, client(true, Opcode.TEXT, utf8("b"))), start.length, 1002, reason);
		assertFailsAt(SERVER, concat(start, client(true, Opcode.PING, NONE), client(false, Opcode.BINARY, NONE)),
				start.length + 6, 1002, reason);
	}

	@Test
	void refusesMaskingTheWrongWayForTheRole() {
		assertFailsAt(SERVER, TestFrames.server(true, Opcode.TEXT, utf8("a")), 1, 1002,
				"A frame from a client must be masked.");
		assertFailsAt(SERVER, TestFrames.server(true, Opcode.PING, NONE), 1, 1002,
				"A frame from a client must be masked.");
		assertFailsAt(CLIENT, client(true, Opcode.TEXT, utf8("a")), 1, 1002,
				"A frame from a server must not be masked.");
	}

	@Test
	void refusesA64BitLengthWithTheTopBitSet() {
		String reason = "A 64-bit payload length must have its most significant bit clear.";
		assertFailsAt(SERVER, hex("82 FF 80 00 00 00 00 00 00 00 01 02 03 04"), 2, 1002, reason);
		assertFailsAt(CLIENT, hex("82 7F FF FF FF FF FF FF FF FF"), 2, 1002, reason);
	}

	@Test
	void refusesLengthsNotInTheFewestBytes() {
		String reason = "The payload length is not encoded in the fewest bytes.";
		assertFailsAt(CLIENT, hex("82 7E 00 7D"), 3, 1002, reason);
		assertFailsAt(CLIENT, hex("82 7E 00 00"), 3, 1002, reason);
		assertFailsAt(CLIENT, hex("82 7F 00 00 00 00 00 00 FF FF"), 9, 1002, reason);
		assertFailsAt(CLIENT, hex("82 7F 00 00 00 00 00 00 00 05"), 9, 1002, reason);
	}

	@Test
	void classifiesEveryCloseCode() {
		int accepted = 0;
		for (int code = 0; code <= 5000; code++) {
			List<Event> events = Feeder.with(SERVER).whole(client(true, Opcode.CLOSE, closePayload(code, utf8("ok"))));
			if (CloseStatus.isReceivable(code)) {
				assertThat(events).as("code %d", code).containsExactly(new Close(code, "6f6b"));
				accepted++;
			}
			else {
				assertThat(events).as("code %d", code)
					.containsExactly(new Failure(1002, "Close code " + code + " is not allowed in a close frame."));
			}
		}
		// 1000-1003, 1007-1014 and 3000-4999.
		assertThat(accepted).isEqualTo(4 + 8 + 2000);
		for (int code : new int[] { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999 }) {
			assertThat(Feeder.with(SERVER).whole(client(true, Opcode.CLOSE, closePayload(code, NONE))))
				.containsExactly(new Close(code, ""));
		}
		for (int code : new int[] { 0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535 }) {
			assertFailsAt(SERVER, client(true, Opcode.CLOSE, closePayload(code, NONE)), 7, 1002,
					"Close code " + code + " is not allowed in a close frame.");
		}
	}

	@Test
	void reportsAnEmptyCloseAs1005() {
		assertThat(Feeder.with(SERVER).whole(client(true, Opcode.CLOSE, NONE))).containsExactly(new Close(1005, ""));
	}

	@Test
	void refusesACloseReasonThatIsNotUtf8() {
		byte[] reason = hex("CE BA E1 BD B9 CF 83 CE BC CE B5 ED A0 80 65 64 69 74 65 64");
		byte[] frame = client(true, Opcode.CLOSE, closePayload(1000, reason));
		assertFailsAt(SERVER, frame, frame.length - 1, 1007, "The close reason is not valid UTF-8.");
		assertFailsAt(SERVER, client(true, Opcode.CLOSE, closePayload(1000, hex("E2 82"))), 9, 1007,
				"The close reason is not valid UTF-8.");
		WsReceiverConfig unchecked = SERVER.toBuilder().validateUtf8(false).build();
		assertThat(Feeder.with(unchecked).whole(frame))
			.containsExactly(new Close(1000, HexFormat.of().formatHex(reason)));
	}

	@Test
	void refusesAMessageOverTheSizeLimitAtTheHeaderThatAnnouncesIt() throws Exception {
		WsReceiverConfig limited = SERVER.toBuilder().maxMessageSize(10).build();
		String reason = "The message is larger than the limit of 10 bytes.";
		assertFailsAt(limited, client(true, Opcode.BINARY, new byte[11]), 1, 1009, reason);
		assertFailsAt(limited, client(true, Opcode.TEXT, new byte[1000]), 3, 1009, reason);
		byte[] six = client(false, Opcode.TEXT, utf8("123456"));
		byte[] ping = client(true, Opcode.PING, new byte[100]);
		assertFailsAt(limited, concat(six, ping, client(true, Opcode.CONTINUATION, utf8("12345"))),
				six.length + ping.length + 1, 1009, reason);
		// Exactly at the limit, split by a control frame that does not count; then the count starts again.
		RecordingListener listener = WsReceiverTests.receive(limited, concat(six, ping,
				client(true, Opcode.CONTINUATION, utf8("1234")), client(true, Opcode.BINARY, new byte[10])));
		listener.assertText("123456", true, false, 0, false);
		listener.assertPing(new byte[100]);
		listener.assertText("1234", false, true, 0, true);
		listener.assertData(new byte[10], true, true, true, 0, true);
		listener.assertExhausted();
	}

	@Test
	void rethrowsAProtocolErrorFromTheListenerAndStaysFailed() {
		WsReceiver receiver = new WsReceiver(SERVER);
		WsReceiverListener listener = new RecordingListener() {
			@Override
			public boolean onData(ByteBuffer piece, boolean binary, boolean first, boolean last, long remaining,
					boolean frameFin) {
				throw new UncheckedProtocolError();
			}
		};
		assertThatExceptionOfType(UncheckedProtocolError.class)
			.isThrownBy(() -> receiver.receive(ByteBuffer.wrap(client(true, Opcode.TEXT, utf8("x"))), listener));
		assertThat(receiver.isFailed()).isTrue();
		WsReceiverListener throwing = new WsReceiverListener() {
			@Override
			public boolean onData(ByteBuffer piece, boolean binary, boolean first, boolean last, long remaining,
					boolean frameFin) {
				return true;
			}

			@Override
			public void onPing(ByteBuffer payload) {
			}

			@Override
			public void onPong(ByteBuffer payload) throws WebSocketProtocolException {
				throw new WebSocketProtocolException(1008, "No pongs here.");
			}

			@Override
			public void onClose(int code, ByteBuffer reasonUtf8) {
			}
		};
		WsReceiver other = new WsReceiver(SERVER);
		assertThatExceptionOfType(WebSocketProtocolException.class)
			.isThrownBy(() -> other.receive(ByteBuffer.wrap(client(true, Opcode.PONG, NONE)), throwing))
			.satisfies((ex) -> assertThat(ex.closeCode()).isEqualTo(1008));
		assertThat(other.isFailed()).isTrue();
	}

	/** A runtime exception of the test's own, to tell it from anything the receiver could throw. */
	private static final class UncheckedProtocolError extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	/**
	 * Checks that feeding the stream byte by byte fails exactly when byte {@code index} is fed, with this code and
	 * reason, and that feeding it whole fails the same way.
	 */
	static void assertFailsAt(WsReceiverConfig config, byte[] stream, int index, int code, String reason) {
		WsReceiver receiver = new WsReceiver(config);
		RecordingListener listener = new RecordingListener();
		byte[] copy = stream.clone();
		for (int i = 0; i < copy.length; i++) {
			try {
				receiver.receive(ByteBuffer.wrap(copy, i, 1), listener);
			}
			catch (WebSocketProtocolException ex) {
				assertThat(i).as("index of the failing byte").isEqualTo(index);
				assertThat(ex.closeCode()).isEqualTo(code);
				assertThat(ex.reason()).isEqualTo(reason);
				assertThat(Feeder.with(config).whole(stream)).last().isEqualTo(new Failure(code, reason));
				return;
			}
		}
		fail("No failure: " + listener.events());
	}

}
