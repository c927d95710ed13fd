package io.lws.core.ws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.lws.core.ws.RecordingListener.Close;
import io.lws.core.ws.RecordingListener.Data;
import io.lws.core.ws.RecordingListener.Event;
import io.lws.core.ws.RecordingListener.Ping;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: what {@link FrameWriter} writes (masked by a client, unmasked by a server), {@link WsReceiver}
 * reads back, whatever the messages, their fragmentation, the piece size and the cuts in the input.
 */
class WsReceiverRoundTripTests {

	/** A message to send, with the sizes of its fragments and whether a ping goes after each fragment. */
	record Message(boolean binary, byte[] payload, List<Integer> fragmentSizes, List<Boolean> pingAfter) {
	}

	@Provide
	Arbitrary<Message> messages() {
		// Code points of every length in UTF-8, never a surrogate; text may be empty.
		Arbitrary<Integer> codePoint = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7F),
				Arbitraries.integers().between(0x80, 0xD7FF), Arbitraries.integers().between(0xE000, 0x10FFFF));
		Arbitrary<String> text = codePoint.list().ofMaxSize(300).map((points) -> {
			StringBuilder s = new StringBuilder();
			points.forEach(s::appendCodePoint);
			return s.toString();
		});
		Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
		Arbitrary<Boolean> isBinary = Arbitraries.of(true, false);
		return Combinators.combine(isBinary, text, binary, Arbitraries.integers().between(0, 400).list().ofMaxSize(5),
				Arbitraries.of(true, false).list().ofSize(6))
			.as((b, t, bytes, sizes, pings) -> new Message(b, b ? bytes : TestFrames.utf8(t), sizes, pings));
	}

	@Property(tries = 300)
	void readsBackWhatTheWriterWrote(@ForAll @Size(max = 5) List<@From("messages") Message> messages,
			@ForAll boolean fromClient, @ForAll @IntRange(min = 1, max = 700) int rxBufferSize,
			@ForAll @IntRange(min = 1, max = 2000) int maxChunk, @ForAll long seed) {
		Random random = new Random(seed);
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		for (Message message : messages) {
			int offset = 0;
			for (int i = 0; i <= message.fragmentSizes().size(); i++) {
				boolean last = i == message.fragmentSizes().size();
				int size = last ? message.payload().length - offset
						: Math.min(message.fragmentSizes().get(i), message.payload().length - offset);
				Opcode op = (i > 0) ? Opcode.CONTINUATION : message.binary() ? Opcode.BINARY : Opcode.TEXT;
				writeFrame(wire, last, op, message.payload(), offset, size, fromClient, random);
				offset += size;
				if (message.pingAfter().get(i)) {
					byte[] ping = { (byte) i };
					writeFrame(wire, true, Opcode.PING, ping, 0, 1, fromClient, random);
				}
			}
		}
		writeFrame(wire, true, Opcode.CLOSE, FrameWriter.closePayload(1000, "done").array(), 0, 6, fromClient, random);

		WsReceiverConfig config = WsReceiverConfig.builder().server(fromClient).rxBufferSize(rxBufferSize).build();
		List<Event> events = Feeder.with(config).direct(random.nextBoolean()).randomChunks(wire.toByteArray(), seed,
				maxChunk);

		int messageIndex = 0;
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		boolean expectFirst = true;
		List<Integer> pings = new ArrayList<>();
		List<Integer> expectedPings = new ArrayList<>();
		for (Message message : messages) {
			for (int i = 0; i < message.pingAfter().size() && i <= message.fragmentSizes().size(); i++) {
				if (message.pingAfter().get(i)) {
					expectedPings.add(i);
				}
			}
		}
		for (int e = 0; e < events.size(); e++) {
			Event event = events.get(e);
			if (event instanceof Data data) {
				Message message = messages.get(messageIndex);
				assertThat(data.binary()).isEqualTo(message.binary());
				assertThat(data.first()).isEqualTo(expectFirst);
				assertThat(data.bytes().length).isLessThanOrEqualTo(rxBufferSize);
				if (data.bytes().length == 0) {
					// Only an empty final frame gives an empty piece.
					assertThat(data.last()).isTrue();
				}
				received.writeBytes(data.bytes());
				expectFirst = false;
				if (data.last()) {
					assertThat(received.toByteArray()).isEqualTo(message.payload());
					received.reset();
					expectFirst = true;
					messageIndex++;
				}
			}
			else if (event instanceof Ping ping) {
				pings.add(Integer.parseInt(ping.hex(), 16));
			}
			else {
				assertThat(event).isEqualTo(new Close(1000, "646f6e65"));
				assertThat(e).isEqualTo(events.size() - 1);
			}
		}
		assertThat(messageIndex).isEqualTo(messages.size());
		assertThat(pings).isEqualTo(expectedPings);
	}

	private static void writeFrame(ByteArrayOutputStream wire, boolean fin, Opcode op, byte[] payload, int offset,
			int length, boolean masked, Random random) {
		int key = masked ? random.nextInt() : 0;
		ByteBuffer frame = ByteBuffer.allocate(FrameHeader.MAX_HEADER_SIZE + length);
		FrameWriter.writeHeader(frame, fin, false, op, length, key, masked);
		int payloadStart = frame.position();
		frame.put(payload, offset, length);
		if (masked) {
			// Masked in two parts, as a client writing a payload in two pieces would.
			int half = length / 2;
			FrameWriter.mask(frame.duplicate().position(payloadStart).limit(payloadStart + half), key, 0);
			FrameWriter.mask(frame.duplicate().position(payloadStart + half).limit(payloadStart + length), key, half);
		}
		wire.write(frame.array(), 0, frame.position());
	}

}
