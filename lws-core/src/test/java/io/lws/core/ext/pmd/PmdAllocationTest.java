package io.lws.core.ext.pmd;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.lws.core.ext.ActiveExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once warm, compressing and decompressing a message allocates nothing, with or without context takeover: the
 * compressors, decompressors and buffers are reused (per connection, or lent by the thread's pool).
 */
class PmdAllocationTest {

	@Test
	void aMessageCompressedAndDecompressedAllocatesNothingOnceWarm() throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		for (boolean takeover : new boolean[] { true, false }) {
			PerMessageDeflate config = PerMessageDeflate.builder()
				.serverNoContextTakeover(!takeover)
				.clientNoContextTakeover(!takeover)
				.build();
			PmdLink link = PmdLink.of(config);
			byte[] message = PmdCodecTests.text(3000, 1);
			ByteBuffer wire = ByteBuffer.allocate(8192);
			ByteBuffer input = ByteBuffer.wrap(message);
			ActiveExtension.FrameSink toWire = (op, fin, rsv1, payload) -> {
				wire.put(payload);
				return true;
			};
			ActiveExtension.PieceSink drop = (piece, binary, first, last) -> {
				piece.position(piece.limit());
				return true;
			};
			long before = 0;
			int warmup = 20_000;
			int rounds = 5000;
			for (int i = 0; i < warmup + rounds; i++) {
				if (i == warmup) {
					before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
				}
				wire.clear();
				input.clear();
				link.client.send(input, false, true, true, toWire);
				wire.flip();
				link.server.receive(wire, false, true, true, true, drop);
				wire.clear();
				input.clear();
				link.server.send(input, false, true, true, toWire);
			}
			long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
			// one object per message would be at least 16 bytes a message; the rest is the JIT settling
			assertThat((double) allocated / rounds).as("bytes per message, takeover=%s", takeover).isLessThan(8.0);
		}
	}

}
