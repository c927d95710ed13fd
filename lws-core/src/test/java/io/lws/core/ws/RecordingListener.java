package io.lws.core.ws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link WsReceiverListener} that records what it is told, for tests to check one event at a time and finish with
 * {@link #assertExhausted()}. It can pause the receiver by answering {@code false} to chosen data pieces.
 */
class RecordingListener implements WsReceiverListener {

	/** Something the receiver delivered. */
	sealed interface Event permits Data, Ping, Pong, Close, Failure {
	}

	/** A data piece; the payload in hex so that events compare by content. */
	record Data(String hex, boolean binary, boolean first, boolean last, long remainingInFrame, boolean frameFin)
			implements Event {

		byte[] bytes() {
			return HexFormat.of().parseHex(this.hex);
		}

	}

	/** A ping, its payload in hex. */
	record Ping(String hex) implements Event {
	}

	/** A pong, its payload in hex. */
	record Pong(String hex) implements Event {
	}

	/** A close, its reason in hex. */
	record Close(int code, String reasonHex) implements Event {
	}

	/** Not from the listener: the exception {@code receive} threw, recorded by the test drivers. */
	record Failure(int closeCode, String reason) implements Event {
	}

	private final List<Event> all = new ArrayList<>();

	private final Deque<Event> unchecked = new ArrayDeque<>();

	private Predicate<Data> pause = (data) -> false;

	/** Answers {@code false} (pause) to the data pieces the predicate picks. */
	RecordingListener pauseWhen(Predicate<Data> pause) {
		this.pause = pause;
		return this;
	}

	@Override
	public boolean onData(ByteBuffer piece, boolean binary, boolean firstPieceOfMessage, boolean lastPieceOfMessage,
			long remainingInFrame, boolean frameFin) {
		Data data = new Data(hex(piece), binary, firstPieceOfMessage, lastPieceOfMessage, remainingInFrame, frameFin);
		record(data);
		return !this.pause.test(data);
	}

	@Override
	public void onPing(ByteBuffer payload) {
		record(new Ping(hex(payload)));
	}

	@Override
	public void onPong(ByteBuffer payload) {
		record(new Pong(hex(payload)));
	}

	@Override
	public void onClose(int code, ByteBuffer reasonUtf8) {
		record(new Close(code, hex(reasonUtf8)));
	}

	void record(Event event) {
		this.all.add(event);
		this.unchecked.add(event);
	}

	/** Every event so far, checked or not. */
	List<Event> events() {
		return List.copyOf(this.all);
	}

	/** The next unchecked event, which must exist. */
	Event next() {
		assertThat(this.unchecked).as("events left").isNotEmpty();
		return this.unchecked.removeFirst();
	}

	/** Checks the next event is a data piece with this text and these flags. */
	Data assertText(String text, boolean first, boolean last, long remaining, boolean frameFin) {
		return assertData(text.getBytes(StandardCharsets.UTF_8), false, first, last, remaining, frameFin);
	}

	/** Checks the next event is a data piece with these bytes and flags. */
	Data assertData(byte[] bytes, boolean binary, boolean first, boolean last, long remaining, boolean frameFin) {
		Event event = next();
		assertThat(event)
			.isEqualTo(new Data(HexFormat.of().formatHex(bytes), binary, first, last, remaining, frameFin));
		return (Data) event;
	}

	/** Checks the next event is a ping with this payload. */
	void assertPing(byte[] payload) {
		assertThat(next()).isEqualTo(new Ping(HexFormat.of().formatHex(payload)));
	}

	/** Checks the next event is a pong with this payload. */
	void assertPong(byte[] payload) {
		assertThat(next()).isEqualTo(new Pong(HexFormat.of().formatHex(payload)));
	}

	/** Checks the next event is a close with this code and reason. */
	void assertClose(int code, String reason) {
		assertThat(next()).isEqualTo(new Close(code,
				HexFormat.of().formatHex(reason.getBytes(StandardCharsets.UTF_8))));
	}

	/** Takes all the unchecked data pieces up to the next other event and joins their bytes. */
	byte[] drainData() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (!this.unchecked.isEmpty() && this.unchecked.peekFirst() instanceof Data data) {
			this.unchecked.removeFirst();
			out.writeBytes(data.bytes());
		}
		return out.toByteArray();
	}

	/** Checks every event has been checked. */
	void assertExhausted() {
		assertThat(this.unchecked).as("unchecked events").isEmpty();
	}

	private static String hex(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		// Read through a duplicate: the listener may move the piece's position, but need not.
		buffer.duplicate().get(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
