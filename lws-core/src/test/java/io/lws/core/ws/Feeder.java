package io.lws.core.ws;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.lws.core.ws.RecordingListener.Data;
import io.lws.core.ws.RecordingListener.Event;
import io.lws.core.ws.RecordingListener.Failure;

/**
 * Feeds a byte stream to a fresh {@link WsReceiver} in chunks, the way reads from a socket would arrive, and returns
 * what the listener saw, ending with a {@link Failure} if {@code receive} threw.
 * <p>
 * Each chunk is copied into a fresh buffer (the receiver unmasks in place) at an offset of 3, so that code assuming
 * position 0 or limit equal to capacity fails. When the listener pauses, the unread bytes are carried over and put in
 * front of the next chunk, as a connection would do with its read buffer.
 */
final class Feeder {

	private final WsReceiverConfig config;

	private boolean direct;

	private Predicate<Data> pause = (data) -> false;

	private Feeder(WsReceiverConfig config) {
		this.config = config;
	}

	static Feeder with(WsReceiverConfig config) {
		return new Feeder(config);
	}

	/** Puts chunks in direct buffers rather than heap buffers. */
	Feeder direct(boolean direct) {
		this.direct = direct;
		return this;
	}

	/** Pauses the receiver at the data pieces the predicate picks. */
	Feeder pauseWhen(Predicate<Data> pause) {
		this.pause = pause;
		return this;
	}

	List<Event> whole(byte[] stream) {
		return split(stream, new int[0]);
	}

	List<Event> byteByByte(byte[] stream) {
		return split(stream, IntStream.range(1, stream.length).toArray());
	}

	List<Event> randomChunks(byte[] stream, long seed, int maxChunk) {
		Random random = new Random(seed);
		IntStream.Builder points = IntStream.builder();
		for (int at = 1 + random.nextInt(maxChunk); at < stream.length; at += 1 + random.nextInt(maxChunk)) {
			points.add(at);
		}
		return split(stream, points.build().toArray());
	}

	/** Feeds the stream cut at the given increasing offsets. */
	List<Event> split(byte[] stream, int[] cuts) {
		WsReceiver receiver = new WsReceiver(this.config);
		RecordingListener listener = new RecordingListener().pauseWhen(this.pause);
		byte[] carried = new byte[0];
		try {
			int from = 0;
			for (int i = 0; i <= cuts.length; i++) {
				int to = (i < cuts.length) ? cuts[i] : stream.length;
				carried = feed(receiver, listener, carried, stream, from, to);
				from = to;
			}
			// Resume after pauses until everything carried over is read.
			for (int guard = 0; carried.length > 0; guard++) {
				if (guard > stream.length + 10) {
					throw new AssertionError("The receiver makes no progress: " + receiver);
				}
				carried = feed(receiver, listener, carried, stream, 0, 0);
			}
		}
		catch (WebSocketProtocolException ex) {
			listener.record(new Failure(ex.closeCode(), ex.reason()));
		}
		return listener.events();
	}

	private byte[] feed(WsReceiver receiver, RecordingListener listener, byte[] carried, byte[] stream, int from,
			int to)
			throws WebSocketProtocolException {
		int length = carried.length + (to - from);
		ByteBuffer in = this.direct ? ByteBuffer.allocateDirect(length + 6) : ByteBuffer.allocate(length + 6);
		in.position(3);
		in.put(carried).put(stream, from, to - from);
		in.limit(3 + length).position(3);
		int events = listener.events().size();
		receiver.receive(in, listener);
		if (in.hasRemaining() && !pausedSince(listener, events)) {
			throw new AssertionError("receive() left bytes without a pause: " + receiver);
		}
		byte[] rest = new byte[in.remaining()];
		in.get(rest);
		return rest;
	}

	private boolean pausedSince(RecordingListener listener, int events) {
		List<Event> all = listener.events();
		return all.size() > events && all.get(all.size() - 1) instanceof Data data && this.pause.test(data);
	}

}
