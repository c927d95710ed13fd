package io.lws.core.ws;

import java.util.List;
import java.util.stream.Stream;

import io.lws.core.ws.RecordingListener.Event;
import io.lws.core.ws.RecordingListener.Failure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.lws.core.ws.TestFrames.client;
import static io.lws.core.ws.TestFrames.closePayload;
import static io.lws.core.ws.TestFrames.concat;
import static io.lws.core.ws.TestFrames.counting;
import static io.lws.core.ws.TestFrames.utf8;
import static io.lws.core.ws.Utf8ValidatorTests.hex;
import static io.lws.core.ws.WsReceiverTests.CLIENT;
import static io.lws.core.ws.WsReceiverTests.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link WsReceiver} gives the same events however its input is cut: whole, byte by byte, in two pieces at
 * every point, in random chunks, in direct buffers, and with the listener pausing at every piece.
 */
class WsReceiverSplitTests {

	static Stream<Arguments> streams() {
		WsReceiverConfig small = SERVER.toBuilder().rxBufferSize(7).build();
		WsReceiverConfig limited = SERVER.toBuilder().maxMessageSize(20).build();
		return Stream.of(
				Arguments.of("RFC 5.7 unmasked text", CLIENT, hex("81 05 48 65 6C 6C 6F")),
				Arguments.of("RFC 5.7 masked text", SERVER, hex("81 85 37 FA 21 3D 7F 9F 4D 51 58")),
				Arguments.of("RFC 5.7 fragmented text", CLIENT, hex("01 03 48 65 6C 80 02 6C 6F")),
				Arguments.of("RFC 5.7 ping and pong", SERVER,
						concat(hex("89 85 37 FA 21 3D 7F 9F 4D 51 58"), hex("8A 85 37 FA 21 3D 7F 9F 4D 51 58"))),
				Arguments.of("RFC 5.7 256-byte binary", CLIENT, concat(hex("82 7E 01 00"), counting(256))),
				Arguments.of("300-byte binary in 7-byte pieces", small, client(true, Opcode.BINARY, counting(300))),
				Arguments.of("fragmented text with control frames between", small,
						concat(client(false, Opcode.TEXT, utf8("Hello, κόσμε")),
								client(true, Opcode.PING, utf8("ping me")),
								client(false, Opcode.CONTINUATION, new byte[0]),
								client(true, Opcode.PONG, new byte[0]),
								client(true, Opcode.CONTINUATION, utf8(" and €uros")))),
				Arguments.of("messages then a close then garbage", SERVER,
						concat(client(true, Opcode.TEXT, utf8("one")),
								client(true, Opcode.BINARY, new byte[0]),
								client(true, Opcode.TEXT, new byte[0]),
								client(true, Opcode.CLOSE, closePayload(1001, utf8("going"))),
								hex("FF FF FF"))),
				Arguments.of("reserved opcode after a message", SERVER,
						concat(client(true, Opcode.TEXT, utf8("ok")), hex("83 80 00 00 00 00"))),
				Arguments.of("bad UTF-8 mid-message", small, concat(client(false, Opcode.TEXT, utf8("valid text")),
						client(true, Opcode.CONTINUATION, concat(utf8("more"), hex("ED A0 80"), utf8("never"))))),
				Arguments.of("incomplete UTF-8 at the end", small,
						client(true, Opcode.TEXT, concat(utf8("abcdefgh"), hex("F0 9F")))),
				Arguments.of("bad close code", SERVER, client(true, Opcode.CLOSE, closePayload(1005, new byte[0]))),
				Arguments.of("ping of 126 bytes", SERVER, client(true, Opcode.PING, new byte[126])),
				Arguments.of("length of 2^63", CLIENT, hex("82 7F 80 00 00 00 00 00 00 00")),
				Arguments.of("message over the limit", limited, concat(client(false, Opcode.BINARY, new byte[15]),
						client(true, Opcode.PING, new byte[0]), client(true, Opcode.CONTINUATION, new byte[6]))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("streams")
	void givesTheSameEventsHoweverTheInputIsCut(String name, WsReceiverConfig config, byte[] stream) {
		List<Event> whole = Feeder.with(config).whole(stream);
		assertThat(whole).isNotEmpty();
		assertThat(Feeder.with(config).byteByByte(stream)).as("byte by byte").isEqualTo(whole);
		for (int cut = 0; cut <= stream.length; cut++) {
			assertThat(Feeder.with(config).split(stream, new int[] { cut })).as("cut at %d", cut).isEqualTo(whole);
		}
		for (int cut = 0; cut + 3 <= stream.length; cut++) {
			assertThat(Feeder.with(config).split(stream, new int[] { cut, cut + 1, cut + 3 })).as("cuts at %d+1+2", cut)
				.isEqualTo(whole);
		}
		for (long seed = 0; seed < 30; seed++) {
			assertThat(Feeder.with(config).direct(seed % 2 == 0).randomChunks(stream, seed, 20)).as("seed %d", seed)
				.isEqualTo(whole);
		}
		assertThat(Feeder.with(config).pauseWhen((data) -> true).whole(stream)).as("pausing").isEqualTo(whole);
		assertThat(Feeder.with(config).pauseWhen((data) -> true).randomChunks(stream, 7, 10)).as("pausing in chunks")
			.isEqualTo(whole);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("streams")
	void endsInAFailureExactlyWhenTheStreamIsInvalid(String name, WsReceiverConfig config, byte[] stream) {
		List<Event> events = Feeder.with(config).whole(stream);
		boolean invalid = name.startsWith("reserved") || name.startsWith("bad") || name.startsWith("incomplete")
				|| name.startsWith("ping of") || name.startsWith("length") || name.contains("over the limit");
		assertThat(events.get(events.size() - 1) instanceof Failure).isEqualTo(invalid);
	}

}
