package io.lws.sample.client;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The echo test ({@code --echo}) against a one-member mirror on a bare lws-core context that relays each message back
 * after the test changed it: unchanged it passes; a byte changed, a byte dropped, a byte added or a message withheld
 * fails it (exit 1, saying where).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientModeEchoTest {

	@Test
	void aFaithfulMirrorPasses() throws Exception {
		ClientModeRun r = echoAgainst((index, message) -> message);
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).containsSubsequence("lws-mirror-protocol: established\n",
				"send completed: 1024 x 12288\n", "Everything received: errs 0\n");
		assertThat(r.err()).isEmpty();
	}

	@Test
	void oneChangedByteFailsSayingWhere() throws Exception {
		ClientModeRun r = echoAgainst((index, message) -> {
			if (index == 700) {
				message[1234] ^= 0x20;
			}
			return message;
		});
		assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
		assertThat(r.err()).containsPattern("failed: lws-mirror-protocol: mismatch at block 700 offset 1234: "
				+ "sent 0x[0-9a-f]{2}, got 0x[0-9a-f]{2}");
		assertThat(r.out()).doesNotContain("Everything received");
	}

	@Test
	void oneDroppedByteFails() throws Exception {
		ClientModeRun r = echoAgainst((index, message) -> (index == 3) ? cut(message, 10) : message);
		assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
		// the bytes after the gap come early: the first that differs from what was sent is at offset 10 or a little on
		assertThat(r.err()).containsPattern("failed: lws-mirror-protocol: mismatch at block 3 offset 1\\d: ");
		assertThat(r.out()).doesNotContain("Everything received");
	}

	@Test
	void anAddedByteFails() throws Exception {
		ClientModeRun r = echoAgainst((index, message) -> (index == 500) ? Arrays.copyOf(message, message.length + 1)
				: message);
		assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
		assertThat(r.err()).containsPattern("failed: lws-mirror-protocol: mismatch at block 501 offset \\d+: ");
	}

	@Test
	void bytesBeyondTheEndInTheSamePieceAreAMismatch() {
		EchoPattern sent = new EchoPattern();
		EchoCheck check = new EchoCheck();
		for (int i = 0; i < EchoPattern.BLOCKS - 1; i++) {
			assertThat(check.accept(ByteBuffer.wrap(sent.nextBlock()))).isNull();
		}
		assertThat(check.complete()).isFalse();
		ByteBuffer last = ByteBuffer.allocate(EchoPattern.BLOCK_SIZE + 2).put(sent.nextBlock()).put(new byte[2]).flip();
		assertThat(check.accept(last)).isEqualTo("2 bytes more than were sent came back");
		assertThat(check.complete()).isFalse();
	}

	@Test
	void aWithheldMessageFailsAtTheTimeout() throws Exception {
		ClientModeRun r = echoAgainst((index, message) -> (index == 1023) ? null : message, "--timeout", "2");
		assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
		assertThat(r.out()).contains("send completed: 1024 x 12288").doesNotContain("Everything received");
		assertThat(r.err()).contains("failed: nothing finished within 2 s");
	}

	/** Runs {@code --echo} against a mirror that relays what {@code tamper} makes of each message (null: nothing). */
	private static ClientModeRun echoAgainst(BiFunction<Integer, byte[], byte[]> tamper, String... options)
			throws Exception {
		LwsProtocol<Queue<byte[]>> mirror = LwsProtocol.builder(MirrorClient.NAME, new TamperingMirror(tamper))
			.wholeMessages(64 * 1024)
			.validateUtf8(false)
			.build();
		try (TestServer server = TestServer.start((v) -> v.protocols(mirror))) {
			String[] args = new String[options.length + 3];
			args[0] = "--client";
			args[1] = "ws://127.0.0.1:" + server.port();
			args[2] = "--echo";
			System.arraycopy(options, 0, args, 3, options.length);
			return ClientModeRun.inJvm(args);
		}
	}

	private static byte[] cut(byte[] message, int at) {
		byte[] shorter = new byte[message.length - 1];
		System.arraycopy(message, 0, shorter, 0, at);
		System.arraycopy(message, at + 1, shorter, at, shorter.length - at);
		return shorter;
	}

	/** A mirror for one member: sends each whole message back, as {@code tamper} changed it, from its own queue. */
	private static final class TamperingMirror implements LwsProtocolHandler<Queue<byte[]>> {

		private final BiFunction<Integer, byte[], byte[]> tamper;

		private int received;

		TamperingMirror(BiFunction<Integer, byte[], byte[]> tamper) {
			this.tamper = tamper;
		}

		@Override
		public Queue<byte[]> newSession(Lws wsi) {
			return new ArrayDeque<>();
		}

		@Override
		public int onReceive(Lws wsi, Queue<byte[]> queue, ByteBuffer in) {
			byte[] message = new byte[in.remaining()];
			in.get(message);
			byte[] back = this.tamper.apply(this.received++, message);
			if (back != null) {
				queue.add(back);
				wsi.callbackOnWritable();
			}
			return 0;
		}

		@Override
		public int onServerWriteable(Lws wsi, Queue<byte[]> queue) {
			byte[] next;
			while (!wsi.partialBuffered() && (next = queue.poll()) != null) {
				if (wsi.write(ByteBuffer.wrap(next), WriteProtocol.TEXT) < 0) {
					return -1;
				}
			}
			if (!queue.isEmpty()) {
				wsi.callbackOnWritable();
			}
			return 0;
		}

	}

}
