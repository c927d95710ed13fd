package io.lws.core.ext.pmd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server asked for {@code server_max_window_bits} below 15 answers it and keeps to it although the JDK's Deflater
 * always has a 32 KiB window: zlib itself, limited to the window the client asked for, inflates every message.
 */
class PmdWindowBitsTest {

	@Test
	void everyWindowFrom8To15IsKeptAsZlibWithThatWindowProves(@TempDir Path dir) throws Exception {
		Peers.requireExecutable(Peers.PYTHON);
		Path script = Peers.resource("interop/inflate_window.py");
		for (int bits = 8; bits <= 15; bits++) {
			PmdLink link = PmdLink.of(PerMessageDeflate.create(),
					PerMessageDeflate.builder().serverMaxWindowBits(bits).build(), 4096, 0);
			// a client content with 15 bits does not offer the parameter, and the server does not answer it
			assertThat(link.response).isEqualTo(
					(bits < 15) ? "permessage-deflate; server_max_window_bits=" + bits : "permessage-deflate");
			Peers.Result r = inflate(script, dir, bits, link);
			assertThat(r.output()).as("bits=%d", bits).contains("OK");
		}
	}

	@Test
	void theCheckWouldCatchAServerThatIgnoredTheWindow(@TempDir Path dir) throws Exception {
		Peers.requireExecutable(Peers.PYTHON);
		Path script = Peers.resource("interop/inflate_window.py");
		// a 15-bit compressor (what the server uses when not asked) read through a 9-bit window
		PmdLink link = PmdLink.of(PerMessageDeflate.create());
		Peers.Result r = inflate(script, dir, 9, link);
		assertThat(r.output()).contains("invalid distance too far back");
	}

	private static Peers.Result inflate(Path script, Path dir, int bits, PmdLink link) throws Exception {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		Random random = new Random(bits);
		byte[] block = new byte[3000];
		random.nextBytes(block);
		ByteArrayOutputStream repeated = new ByteArrayOutputStream();
		for (int i = 0; i < 6; i++) {
			repeated.writeBytes(block);
		}
		for (byte[] message : List.of(repeated.toByteArray(), PmdCodecTests.text(60_000, bits), block, block)) {
			byte[] payload = PmdLink.wire(PmdLink.send(link.server, message, true, message.length / 3));
			wire.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
			wire.writeBytes(payload);
			expected.writeBytes(message);
		}
		Path messages = Files.write(dir.resolve("messages-" + bits), wire.toByteArray());
		Path plain = Files.write(dir.resolve("expected-" + bits), expected.toByteArray());
		return Peers.run(List.of(Peers.PYTHON, script.toString(), Integer.toString(bits), messages.toString(),
				plain.toString()), 60);
	}

}
