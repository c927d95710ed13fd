package io.lws.core.ws;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.lws.core.support.IgnoringWsListener;
import io.lws.core.ws.RecordingListener.Data;
import io.lws.core.ws.RecordingListener.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static io.lws.core.ws.TestFrames.concat;
import static io.lws.core.ws.TestFrames.counting;
import static io.lws.core.ws.TestFrames.utf8;
import static io.lws.core.ws.Utf8ValidatorTests.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Tests for how {@link WsReceiver} delivers valid streams. */
class WsReceiverTests {

	static final WsReceiverConfig SERVER = WsReceiverConfig.builder().server(true).build();

	static final WsReceiverConfig CLIENT = WsReceiverConfig.builder().server(false).build();

	@Test
	void rfc6455Section57SingleFrameUnmaskedText() throws Exception {
		RecordingListener listener = receive(CLIENT, hex("81 05 48 65 6C 6C 6F"));
		listener.assertText("Hello", true, true, 0, true);
		listener.assertExhausted();
	}

	@Test
	void rfc6455Section57SingleFrameMaskedText() throws Exception {
		RecordingListener listener = receive(SERVER, hex("81 85 37 FA 21 3D 7F 9F 4D 51 58"));
		listener.assertText("Hello", true, true, 0, true);
		listener.assertExhausted();
	}

	@Test
	void rfc6455Section57FragmentedUnmaskedText() throws Exception {
		RecordingListener listener = receive(CLIENT, hex("01 03 48 65 6C 80 02 6C 6F"));
		listener.assertText("Hel", true, false, 0, false);
		listener.assertText("lo", false, true, 0, true);
		listener.assertExhausted();
	}

	@Test
	void rfc6455Section57UnmaskedPingAndMaskedPong() throws Exception {
		RecordingListener ping = receive(CLIENT, hex("89 05 48 65 6C 6C 6F"));
		ping.assertPing(utf8("Hello"));
		ping.assertExhausted();
		RecordingListener pong = receive(SERVER, hex("8A 85 37 FA 21 3D 7F 9F 4D 51 58"));
		pong.assertPong(utf8("Hello"));
		pong.assertExhausted();
	}

	@Test
	void rfc6455Section57BinaryWith16BitLength() throws Exception {
		byte[] payload = counting(256);
		RecordingListener listener = receive(CLIENT, concat(hex("82 7E 01 00"), payload));
		listener.assertData(payload, true, true, true, 0, true);
		listener.assertExhausted();
		WsReceiverConfig small = CLIENT.toBuilder().rxBufferSize(100).build();
		listener = receive(small, concat(hex("82 7E 01 00"), payload));
		listener.assertData(slice(payload, 0, 100), true, true, false, 156, true);
		listener.assertData(slice(payload, 100, 200), true, false, false, 56, true);
		listener.assertData(slice(payload, 200, 256), true, false, true, 0, true);
		listener.assertExhausted();
	}

	@Test
	void rfc6455Section57BinaryWith64BitLength() throws Exception {
		byte[] payload = counting(65536);
		byte[] frame = concat(hex("82 7F 00 00 00 00 00 01 00 00"), payload);
		RecordingListener listener = receive(CLIENT.toBuilder().rxBufferSize(65536).build(), frame);
		listener.assertData(payload, true, true, true, 0, true);
		listener.assertExhausted();
		listener = receive(CLIENT, frame);
		for (int i = 0; i < 16; i++) {
			listener.assertData(slice(payload, i * 4096, (i + 1) * 4096), true, i == 0, i == 15, 65536 - (i + 1) * 4096,
					true);
		}
		listener.assertExhausted();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 125, 126, 127, 65535, 65536 })
	void deliversEveryFrameSizeInPiecesOfRxBufferSize(int size) {
		byte[] payload = counting(size);
		for (boolean server : new boolean[] { true, false }) {
			for (int rxBufferSize : new int[] { 4096, 1000, 125 }) {
				WsReceiverConfig config = WsReceiverConfig.builder().server(server).rxBufferSize(rxBufferSize).build();
				byte[] frame = TestFrames.to(server, true, Opcode.BINARY, payload);
				List<Event> whole = Feeder.with(config).whole(frame);
				assertPieces(whole, payload, rxBufferSize);
				assertThat(Feeder.with(config).direct(true).randomChunks(frame, size, 3000)).isEqualTo(whole);
				if (size <= 1000) {
					assertThat(Feeder.with(config).byteByByte(frame)).isEqualTo(whole);
				}
			}
		}
	}

	private static void assertPieces(List<Event> events, byte[] payload, int rxBufferSize) {
		int expectedPieces = Math.max(1, (payload.length + rxBufferSize - 1) / rxBufferSize);
		assertThat(events).hasSize(expectedPieces);
		int offset = 0;
		for (int i = 0; i < expectedPieces; i++) {
			int end = Math.min(offset + rxBufferSize, payload.length);
			String hex = HexFormat.of().formatHex(slice(payload, offset, end));
			assertThat(events.get(i))
				.isEqualTo(new Data(hex, true, i == 0, i == expectedPieces - 1, payload.length - end, true));
			offset = end;
		}
	}

	@Test
	void streamsA16MibMessageInPiecesOfRxBufferSize() throws Exception {
		int size = 16 * 1024 * 1024;
		byte[] payload = new byte[size];
		for (int i = 0; i < size; i++) {
			payload[i] = (byte) (i * 31 + (i >>> 12));
		}
		byte[] frame = TestFrames.client(true, Opcode.BINARY, payload);
		WsReceiverConfig config = SERVER.toBuilder().maxMessageSize(size).build();
		WsReceiver receiver = new WsReceiver(config);
		CheckingListener listener = new CheckingListener(payload, 4096);
		// Reads of 64 KiB do not line up with the 14-byte header, so pieces also come through the split buffer.
		for (int at = 0; at < frame.length; at += 65536) {
			ByteBuffer read = ByteBuffer.wrap(frame, at, Math.min(65536, frame.length - at));
			receiver.receive(read, listener);
			assertThat(read.hasRemaining()).isFalse();
		}
		assertThat(listener.pieces).isEqualTo(size / 4096);
		assertThat(listener.offset).isEqualTo(size);
		assertThat(listener.ended).isTrue();
	}

	@Test
	void streamsA16MibMessageOf16Fragments() throws Exception {
		int size = 16 * 1024 * 1024;
		int fragment = 1024 * 1024;
		byte[] payload = counting(size);
		List<byte[]> frames = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			frames.add(TestFrames.client(i == 15, (i == 0) ? Opcode.BINARY : Opcode.CONTINUATION,
					slice(payload, i * fragment, (i + 1) * fragment)));
		}
		byte[] stream = concat(frames.toArray(new byte[0][]));
		WsReceiver receiver = new WsReceiver(SERVER.toBuilder().rxBufferSize(65536).build());
		CheckingListener listener = new CheckingListener(payload, 65536);
		listener.fragment = fragment;
		for (int at = 0; at < stream.length; at += 100_000) {
			receiver.receive(ByteBuffer.wrap(stream, at, Math.min(100_000, stream.length - at)), listener);
		}
		assertThat(listener.pieces).isEqualTo(256);
		assertThat(listener.ended).isTrue();
	}

	/** Checks pieces of one big binary message as they come, without keeping them. */
	private static final class CheckingListener implements WsReceiverListener {

		private final byte[] payload;

		private final int pieceSize;

		/** The frame size when the message is fragmented; the whole message otherwise. */
		int fragment;

		int offset;

		int pieces;

		boolean ended;

		CheckingListener(byte[] payload, int pieceSize) {
			this.payload = payload;
			this.pieceSize = pieceSize;
			this.fragment = payload.length;
		}

		@Override
		public boolean onData(ByteBuffer piece, boolean binary, boolean first, boolean last, long remainingInFrame,
				boolean frameFin) {
			assertThat(piece.remaining()).isEqualTo(this.pieceSize);
			for (int i = piece.position(); i < piece.limit(); i++) {
				if (piece.get(i) != this.payload[this.offset++]) {
					throw new AssertionError("Wrong byte at " + (this.offset - 1));
				}
			}
			assertThat(binary).isTrue();
			assertThat(first).isEqualTo(this.pieces == 0);
			assertThat(last).isEqualTo(this.offset == this.payload.length);
			long frameEnd = ((this.offset + this.fragment - 1L) / this.fragment) * this.fragment;
			assertThat(remainingInFrame).isEqualTo(frameEnd - this.offset);
			assertThat(frameFin).isEqualTo(frameEnd == this.payload.length);
			this.pieces++;
			this.ended = last;
			return true;
		}

		@Override
		public void onPing(ByteBuffer payload) {
			throw new AssertionError("ping");
		}

		@Override
		public void onPong(ByteBuffer payload) {
			throw new AssertionError("pong");
		}

		@Override
		public void onClose(int code, ByteBuffer reasonUtf8) {
			throw new AssertionError("close");
		}

	}

	@Test
	void deliversAnEmptyFinalFrameAndSkipsAnEmptyNonFinalOne() throws Exception {
		RecordingListener listener = receive(SERVER,
				concat(TestFrames.client(false, Opcode.TEXT, new byte[0]),
						TestFrames.client(false, Opcode.CONTINUATION, utf8("a")),
						TestFrames.client(false, Opcode.CONTINUATION, new byte[0]),
						TestFrames.client(true, Opcode.CONTINUATION, new byte[0]),
						TestFrames.client(true, Opcode.BINARY, new byte[0])));
		listener.assertText("a", true, false, 0, false);
		listener.assertText("", false, true, 0, true);
		listener.assertData(new byte[0], true, true, true, 0, true);
		listener.assertExhausted();
	}

	@Test
	void deliversControlFramesBetweenFragmentsInWireOrder() throws Exception {
		byte[] stream = concat(TestFrames.client(false, Opcode.TEXT, utf8("Hel")),
				TestFrames.client(true, Opcode.PING, utf8("p1")),
				TestFrames.client(false, Opcode.CONTINUATION, hex("6C E2 82")),
				TestFrames.client(true, Opcode.PONG, utf8("")),
				TestFrames.client(true, Opcode.PING, new byte[0]),
				TestFrames.client(true, Opcode.CONTINUATION, hex("AC 6F")),
				TestFrames.client(true, Opcode.CLOSE, TestFrames.closePayload(1000, utf8("bye"))));
		for (List<Event> events : List.of(Feeder.with(SERVER).whole(stream), Feeder.with(SERVER).byteByByte(stream))) {
			RecordingListener listener = new RecordingListener();
			events.forEach(listener::record);
			listener.assertText("Hel", true, false, 0, false);
			listener.assertPing(utf8("p1"));
			// The euro sign is split across fragments, with control frames between its bytes.
			listener.assertData(hex("6C E2 82"), false, false, false, 0, false);
			listener.assertPong(new byte[0]);
			listener.assertPing(new byte[0]);
			listener.assertData(hex("AC 6F"), false, false, true, 0, true);
			listener.assertClose(1000, "bye");
			listener.assertExhausted();
		}
	}

	@Test
	void deliversWholeFramesAsViewsOfTheInputAndSplitFramesFromItsOwnBuffer() throws Exception {
		byte[] frame = TestFrames.client(true, Opcode.BINARY, counting(10));
		List<Boolean> sameBuffer = new ArrayList<>();
		ByteBuffer[] input = new ByteBuffer[1];
		WsReceiverListener listener = new RecordingListener() {
			@Override
			public boolean onData(ByteBuffer piece, boolean binary, boolean first, boolean last, long remaining,
					boolean frameFin) {
				sameBuffer.add(piece == input[0]);
				boolean more = super.onData(piece, binary, first, last, remaining, frameFin);
				// Reading the piece moves its position; the receiver must not mind.
				piece.position(piece.limit());
				return more;
			}
		};
		WsReceiver receiver = new WsReceiver(SERVER);
		input[0] = ByteBuffer.wrap(frame.clone());
		receiver.receive(input[0], listener);
		assertThat(input[0].position()).isEqualTo(frame.length);
		assertThat(input[0].limit()).isEqualTo(frame.length);
		input[0] = ByteBuffer.wrap(frame.clone(), 0, 9);
		receiver.receive(input[0], listener);
		input[0] = ByteBuffer.wrap(frame.clone(), 9, frame.length - 9);
		receiver.receive(input[0], listener);
		assertThat(sameBuffer).containsExactly(true, false);
	}

	@Test
	void pausesWhenTheListenerSaysSoAndLeavesTheRestInTheInput() throws Exception {
		byte[] one = TestFrames.client(true, Opcode.TEXT, utf8("one"));
		byte[] stream = concat(one, TestFrames.client(true, Opcode.TEXT, utf8("two")),
				TestFrames.client(true, Opcode.PING, utf8("p")));
		WsReceiver receiver = new WsReceiver(SERVER);
		RecordingListener listener = new RecordingListener().pauseWhen((data) -> data.hex().equals("6f6e65"));
		ByteBuffer in = ByteBuffer.wrap(stream);
		receiver.receive(in, listener);
		assertThat(in.position()).isEqualTo(one.length);
		listener.assertText("one", true, true, 0, true);
		listener.assertExhausted();
		receiver.receive(in, listener);
		assertThat(in.hasRemaining()).isFalse();
		listener.assertText("two", true, true, 0, true);
		listener.assertPing(utf8("p"));
		listener.assertExhausted();
	}

	@Test
	void pausesInsideAFrameBetweenPieces() throws Exception {
		byte[] frame = TestFrames.client(true, Opcode.BINARY, counting(10));
		WsReceiver receiver = new WsReceiver(SERVER.toBuilder().rxBufferSize(4).build());
		RecordingListener listener = new RecordingListener().pauseWhen((data) -> true);
		ByteBuffer in = ByteBuffer.wrap(frame);
		receiver.receive(in, listener);
		assertThat(in.position()).isEqualTo(6 + 4);
		assertThat(receiver.toString()).contains("state=DATA_PAYLOAD").contains("remaining=6");
		receiver.receive(in, listener);
		assertThat(in.position()).isEqualTo(6 + 8);
		receiver.receive(in, listener);
		assertThat(in.hasRemaining()).isFalse();
		listener.assertData(slice(counting(10), 0, 4), true, true, false, 6, true);
		listener.assertData(slice(counting(10), 4, 8), true, false, false, 2, true);
		listener.assertData(slice(counting(10), 8, 10), true, false, true, 0, true);
		listener.assertExhausted();
	}

	@Test
	void pausesOnAPieceAssembledFromTwoReads() throws Exception {
		byte[] first = TestFrames.client(true, Opcode.TEXT, utf8("split"));
		byte[] second = TestFrames.client(true, Opcode.TEXT, utf8("next"));
		WsReceiver receiver = new WsReceiver(SERVER);
		RecordingListener listener = new RecordingListener().pauseWhen((data) -> true);
		receiver.receive(ByteBuffer.wrap(first, 0, 8), listener);
		listener.assertExhausted();
		ByteBuffer in = ByteBuffer.wrap(concat(slice(first, 8, first.length), second));
		receiver.receive(in, listener);
		assertThat(in.position()).isEqualTo(first.length - 8);
		listener.assertText("split", true, true, 0, true);
		receiver.receive(in, listener);
		listener.assertText("next", true, true, 0, true);
		assertThat(in.hasRemaining()).isFalse();
		listener.assertExhausted();
	}

	@Test
	void pausesOnAnEmptyFinalFrame() throws Exception {
		byte[] stream = concat(TestFrames.client(true, Opcode.BINARY, new byte[0]),
				TestFrames.client(true, Opcode.PONG, new byte[0]));
		WsReceiver receiver = new WsReceiver(SERVER);
		RecordingListener listener = new RecordingListener().pauseWhen((data) -> true);
		ByteBuffer in = ByteBuffer.wrap(stream);
		receiver.receive(in, listener);
		assertThat(in.position()).isEqualTo(6);
		listener.assertData(new byte[0], true, true, true, 0, true);
		receiver.receive(in, listener);
		listener.assertPong(new byte[0]);
		listener.assertExhausted();
	}

	@Test
	void ignoresEverythingAfterAClose() throws Exception {
		byte[] stream = concat(TestFrames.client(true, Opcode.CLOSE, new byte[0]), hex("FF FF FF 00"),
				TestFrames.client(true, Opcode.TEXT, utf8("late")));
		WsReceiver receiver = new WsReceiver(SERVER);
		RecordingListener listener = new RecordingListener();
		ByteBuffer in = ByteBuffer.wrap(stream);
		receiver.receive(in, listener);
		assertThat(in.hasRemaining()).isFalse();
		assertThat(receiver.isClosed()).isTrue();
		assertThat(receiver.toString()).contains("state=CLOSED");
		receiver.receive(ByteBuffer.wrap(hex("81")), listener);
		listener.assertClose(1005, "");
		listener.assertExhausted();
	}

	@Test
	void ignoresEverythingAfterAFailure() throws Exception {
		WsReceiver receiver = new WsReceiver(SERVER);
		RecordingListener listener = new RecordingListener();
		assertThatExceptionOfType(WebSocketProtocolException.class)
			.isThrownBy(() -> receiver.receive(ByteBuffer.wrap(hex("83 80 00 00 00 00")), listener));
		assertThat(receiver.isFailed()).isTrue();
		ByteBuffer more = ByteBuffer.wrap(TestFrames.client(true, Opcode.TEXT, utf8("x")));
		receiver.receive(more, listener);
		assertThat(more.hasRemaining()).isFalse();
		assertThat(receiver.toString()).contains("state=FAILED");
		listener.assertExhausted();
	}

	@Test
	void aListenerExceptionFailsTheReceiver() {
		WsReceiver receiver = new WsReceiver(SERVER);
		WsReceiverListener listener = new RecordingListener() {
			@Override
			public void onPing(ByteBuffer payload) {
				throw new IllegalStateException("boom");
			}
		};
		ByteBuffer in = ByteBuffer.wrap(TestFrames.client(true, Opcode.PING, utf8("x")));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> receiver.receive(in, listener));
		assertThat(receiver.isFailed()).isTrue();
		assertThat(in.limit()).isEqualTo(in.capacity());
	}

	@Test
	void tellsWhetherAMessageIsInProgressAndHadRsv1() throws Exception {
		WsReceiver receiver = new WsReceiver(SERVER.toBuilder().allowRsv1(true).build());
		boolean[] rsv1 = new boolean[2];
		RecordingListener listener = new RecordingListener() {
			@Override
			public boolean onData(ByteBuffer piece, boolean binary, boolean first, boolean last, long remaining,
					boolean frameFin) {
				rsv1[first ? 0 : 1] = receiver.isMessageRsv1();
				return super.onData(piece, binary, first, last, remaining, frameFin);
			}
		};
		receiver.receive(ByteBuffer.wrap(TestFrames.frame(0x41, hex("FF"), true, 7)), listener);
		assertThat(receiver.isMessageInProgress()).isTrue();
		receiver.receive(ByteBuffer.wrap(TestFrames.client(true, Opcode.CONTINUATION, hex("FE"))), listener);
		assertThat(receiver.isMessageInProgress()).isFalse();
		assertThat(rsv1).containsExactly(true, true);
		// Compressed text is not UTF-8 on the wire: it was delivered unchecked.
		listener.assertData(hex("FF"), false, true, false, 0, false);
		listener.assertData(hex("FE"), false, false, true, 0, true);
		receiver.receive(ByteBuffer.wrap(TestFrames.client(true, Opcode.TEXT, utf8("plain"))), listener);
		assertThat(receiver.isMessageRsv1()).isFalse();
	}

	@Test
	void printsItsState() throws Exception {
		WsReceiver receiver = new WsReceiver(SERVER);
		assertThat(receiver)
			.hasToString("WsReceiver[state=FIRST_BYTE, message=none, buffered=0+0, config=" + SERVER + "]");
		receiver.receive(ByteBuffer.wrap(hex("01 FE")), new RecordingListener());
		assertThat(receiver.toString()).startsWith("WsReceiver[state=EXTENDED_LENGTH, frame=TEXT masked");
		receiver.receive(ByteBuffer.wrap(hex("01 00 00 00 00 00 41 42")), new RecordingListener());
		assertThat(receiver.toString()).contains("state=DATA_PAYLOAD")
			.contains("frame=TEXT masked length=256 remaining=254")
			.contains("message=text size=256 utf8=complete")
			.contains("buffered=2+0");
	}

	@Test
	void allocatesNothingPerFrameOnceWarm() throws Exception {
		// Binary frames masked with a real key, and text and pings masked with a zero key, so that feeding the same
		// bytes again (unmasking them in place once more) keeps every frame valid.
		List<byte[]> frames = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			frames.add(TestFrames.frame(0x82, counting(i * 7), true, 0x0BADF00D));
			frames.add(TestFrames.frame(0x01, utf8("fragmented κόσμε "), true, 0));
			frames.add(TestFrames.frame(0x89, utf8("ping"), true, 0));
			frames.add(TestFrames.frame(0x80, utf8("end"), true, 0));
			frames.add(TestFrames.frame(0x82, counting(300), true, 0x0BADF00D));
		}
		byte[] stream = concat(frames.toArray(new byte[0][]));
		ByteBuffer whole = ByteBuffer.wrap(stream);
		List<ByteBuffer> reads = new ArrayList<>();
		for (int at = 0; at < stream.length; at += 37) {
			reads.add(ByteBuffer.wrap(stream).slice(at, Math.min(37, stream.length - at)));
		}
		WsReceiver receiver = new WsReceiver(SERVER.toBuilder().rxBufferSize(128).build());
		WsReceiverListener listener = IgnoringWsListener.INSTANCE;
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		long before = 0;
		for (int round = 0; round < 600; round++) {
			if (round == 500) {
				before = threads.getThreadAllocatedBytes(thread);
			}
			whole.clear();
			receiver.receive(whole, listener);
			// Indexed, because an iterator would be the test's own allocation.
			for (int i = 0; i < reads.size(); i++) {
				ByteBuffer read = reads.get(i);
				read.clear();
				receiver.receive(read, listener);
			}
		}
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(receiver.isFailed()).isFalse();
		// 100 rounds of 2 x 250 frames: a single allocation per frame would be over 1 MB.
		assertThat(allocated).isLessThan(1024);
	}

	static RecordingListener receive(WsReceiverConfig config, byte[] stream) throws WebSocketProtocolException {
		RecordingListener listener = new RecordingListener();
		ByteBuffer in = ByteBuffer.wrap(stream.clone());
		new WsReceiver(config).receive(in, listener);
		assertThat(in.hasRemaining()).isFalse();
		return listener;
	}

	static byte[] slice(byte[] bytes, int from, int to) {
		return Arrays.copyOfRange(bytes, from, to);
	}

}
