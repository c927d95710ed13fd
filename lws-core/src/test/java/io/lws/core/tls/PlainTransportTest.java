package io.lws.core.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plain transport's reads and writes on a real loopback socket, through {@code recv}/{@code send} (the build opens
 * {@code java.base/sun.nio.ch} to the tests, as the sample app's manifest does) and through the channel: the same
 * answers either way, buffer positions included.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlainTransportTest {

	private ServerSocketChannel server;

	private SocketChannel ours;

	private SocketChannel peer;

	@BeforeEach
	void connect() throws IOException {
		this.server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
		this.peer = SocketChannel.open(this.server.getLocalAddress());
		this.ours = this.server.accept();
		this.ours.configureBlocking(false);
	}

	@AfterEach
	void close() throws IOException {
		this.peer.close();
		this.ours.close();
		this.server.close();
	}

	@Test
	void theSocketCallsAreAvailableWhereTheJdkIsOpenedToUs() {
		assertThat(SocketSyscalls.AVAILABLE).as("recv/send through sun.nio.ch.DatagramDispatcher").isTrue();
		assertThat(SocketSyscalls.fd(this.ours)).isNotNull();
	}

	@Test
	void aReadFillsFromThePositionAndSaysZeroWhenNothingWaits() throws Exception {
		PlainTransport t = new PlainTransport(this.ours);
		ByteBuffer direct = ByteBuffer.allocateDirect(32);
		direct.position(3);
		assertThat(t.read(direct)).isZero();
		assertThat(direct.position()).isEqualTo(3);
		this.peer.write(ascii("hello"));
		assertThat(readSome(t, direct)).isEqualTo(5);
		assertThat(direct.position()).isEqualTo(8);
		direct.flip().position(3);
		assertThat(StandardCharsets.US_ASCII.decode(direct).toString()).isEqualTo("hello");
		// a heap buffer goes through the channel, with the same result
		ByteBuffer heap = ByteBuffer.allocate(16);
		this.peer.write(ascii("world"));
		assertThat(readSome(t, heap)).isEqualTo(5);
		assertThat(new String(heap.array(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("world");
		// no room, no read
		ByteBuffer full = ByteBuffer.allocateDirect(4);
		full.position(4);
		assertThat(t.read(full)).isZero();
	}

	@Test
	void theEndOfTheStreamIsMinusOne() throws Exception {
		PlainTransport t = new PlainTransport(this.ours);
		this.peer.close();
		ByteBuffer direct = ByteBuffer.allocateDirect(8);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		int n;
		while ((n = t.read(direct)) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(n).isEqualTo(-1);
	}

	@Test
	void writesOfEveryKindOfBufferDeliverEveryByteInOrder() throws Exception {
		PlainTransport t = new PlainTransport(this.ours);
		byte[] data = new byte[300_000];
		new Random(7).nextBytes(data);
		int kinds = 4;
		CompletableFuture<byte[]> received = CompletableFuture
			.supplyAsync(() -> readAll(this.peer, kinds * data.length));
		// a heap buffer larger than the send scratch, from a non-zero position, then the same bytes from a direct one
		ByteBuffer heap = ByteBuffer.allocate(data.length + 10);
		heap.position(10);
		heap.put(data).flip().position(10);
		writeAll(t, heap);
		ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
		direct.put(data).flip();
		writeAll(t, direct);
		// read-only views have no accessible array, heap or not (a served file's mapping is a read-only direct one)
		writeAll(t, ByteBuffer.wrap(data).asReadOnlyBuffer());
		writeAll(t, direct.flip().asReadOnlyBuffer());
		byte[] got = received.get(20, TimeUnit.SECONDS);
		assertThat(got).hasSize(kinds * data.length);
		for (int k = 0; k < kinds; k++) {
			for (int i = 0; i < data.length; i++) {
				if (got[k * data.length + i] != data[i]) {
					throw new AssertionError("byte " + i + " of buffer " + k + " differs");
				}
			}
		}
	}

	@Test
	void aWriteToAResetPeerFails() throws Exception {
		PlainTransport t = new PlainTransport(this.ours);
		this.peer.setOption(StandardSocketOptions.SO_LINGER, 0);
		this.peer.close();
		Thread.sleep(50);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			for (int i = 0; i < 100; i++) {
				t.write(ascii("x"));
				Thread.sleep(5);
			}
		});
	}

	@Test
	void aBlockingReadIsEndedByACloseFromAnotherThread() throws Exception {
		// blocking sockets keep the channel's reads: a raw recv could not be woken by the close
		this.ours.configureBlocking(true);
		PlainTransport t = new PlainTransport(this.ours);
		CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
			try {
				t.read(ByteBuffer.allocateDirect(8));
				return null;
			}
			catch (IOException ex) {
				return ex;
			}
		});
		Thread.sleep(100);
		this.ours.close();
		assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(AsynchronousCloseException.class);
	}

	private static int readSome(PlainTransport t, ByteBuffer dst) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		int n;
		while ((n = t.read(dst)) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		return n;
	}

	private static void writeAll(PlainTransport t, ByteBuffer src) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (src.hasRemaining() && System.nanoTime() < deadline) {
			if (t.write(src) == 0) {
				Thread.sleep(1);
			}
		}
		assertThat(src.hasRemaining()).isFalse();
	}

	private static byte[] readAll(SocketChannel ch, int size) {
		ByteBuffer all = ByteBuffer.allocate(size);
		try {
			while (all.hasRemaining() && ch.read(all) >= 0) {
				// blocking reads until every byte is in
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return all.array();
	}

	private static ByteBuffer ascii(String s) {
		return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
	}

}
