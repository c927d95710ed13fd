package io.lws.core.service;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.CallbackReason;
import io.lws.core.HeaderPoolStats;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The header pool on real sockets: connections wait without reading, and are served in arrival order. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeaderPoolIntegrationTest {

	private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

	@Test
	void waitingConnectionsAreServedInOrderWhenABufferFrees() throws Exception {
		try (TestServer s = TestServer.start((c) -> c.maxHttpHeaderPool(2).timeoutSecsAhIdle(20), (v) -> {
		})) {
			RawClient holder1 = s.client().send("GET / HTTP/1.1\r\n");
			RawClient holder2 = s.client().send("GET / HTTP/1.1\r\n");
			awaitPool(s, 2, 0);
			RawClient waiter1 = s.client().send(GET);
			awaitPool(s, 2, 1);
			RawClient waiter2 = s.client().send(GET);
			awaitPool(s, 2, 2);
			assertThat(waiter1.silentFor(300)).isTrue();

			// the first holder finishes its request: its buffer goes to waiter1, the oldest waiter
			HttpResponse r = holder1.send("Host: x\r\n\r\n").readResponse();
			assertThat(r.status()).isEqualTo(404);
			assertThat(waiter1.readResponse().status()).isEqualTo(404);
			// waiter1's keep-alive connection is idle again and gave its buffer to waiter2
			assertThat(waiter2.readResponse().status()).isEqualTo(404);
			awaitPool(s, 1, 0);

			holder2.close();
			holder1.close();
			waiter1.close();
			waiter2.close();
			s.awaitConnections(0);
			awaitPool(s, 0, 0);
		}
	}

	@Test
	void connectionsThatSendNothingHoldNoBufferSoOthersAreServed() throws Exception {
		// libwebsockets attaches a buffer at accept, so as many silent sockets as the pool has buffers stop every other
		// client for the idle timeout; here a buffer is taken with the first bytes
		try (TestServer s = TestServer.start((c) -> c.maxHttpHeaderPool(2).timeoutSecsAhIdle(20), (v) -> {
		})) {
			RawClient[] silent = new RawClient[5];
			for (int i = 0; i < silent.length; i++) {
				silent[i] = s.client();
			}
			s.awaitConnections(silent.length);
			awaitPool(s, 0, 0);
			try (RawClient c = s.client()) {
				c.soTimeout(2000);
				assertThat(c.send(GET).readResponse().status()).isEqualTo(404);
			}
			for (RawClient r : silent) {
				r.close();
			}
			s.awaitConnections(0);
			awaitPool(s, 0, 0);
		}
	}

	@Test
	void clientsThatPipelineAndNeverReadHoldNoBufferWhileTheirAnswersWait(@TempDir Path www) throws Exception {
		Files.write(www.resolve("app.js"), new byte[10 * 1024]);
		Mount m = Mount.builder("/", MountOrigin.FILE, www.toString()).build();
		try (TestServer s = TestServer.start((c) -> c.maxHttpHeaderPool(2).timeoutSecsAhIdle(20), (v) -> v.mounts(m))) {
			String pipeline = "GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n".repeat(2000);
			RawClient[] stuck = new RawClient[3];
			for (int i = 0; i < stuck.length; i++) {
				stuck[i] = s.client().send(pipeline);
			}
			s.awaitConnections(stuck.length);
			// their answers back up (nobody reads them); the buffers go back to the pool meanwhile
			awaitPool(s, 0, 0);
			try (RawClient c = s.client()) {
				c.soTimeout(2000);
				assertThat(c.send(GET).readResponse().status()).isEqualTo(404);
			}
			for (RawClient r : stuck) {
				r.close();
			}
			s.awaitConnections(0);
			awaitPool(s, 0, 0);
		}
	}

	/**
	 * The holder is sending a request body a byte at a time: a body keeps its header buffer while its pieces keep
	 * coming (as in libwebsockets), so the waiter's own wait for a buffer ({@code timeoutSecsAhIdle}) is what ends. (A
	 * holder with a partial head would time out first, its buffer would go to the waiter, and the waiter would be
	 * answered instead.)
	 */
	@Test
	void aConnectionWaitingForABufferTimesOut() throws Exception {
		LwsProtocol<Object> taking = LwsProtocol.of("taking", new LwsProtocolHandler<Object>() {
			@Override
			public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
				return 0; // HTTP and its body included: taken, never answered
			}
		});
		try (TestServer s = TestServer.start((c) -> c.maxHttpHeaderPool(1).timeoutSecsAhIdle(2),
				(v) -> v.protocols(taking))) {
			RawClient holder = s.client().send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nb");
			awaitPool(s, 1, 0);
			long start = System.nanoTime();
			RawClient waiter = s.client().send(GET);
			awaitPool(s, 1, 1);
			waiter.soTimeout(200);
			boolean closed = false;
			while (!closed && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8)) {
				holder.send("b");
				closed = waiter.closedByServer();
			}
			assertThat(closed).isTrue();
			// by its 2-second wait, not at once: timeouts count whole seconds and are checked once a second, so a
			// 2-second one ends between 1 and 3 s after it was set; the holder kept the buffer meanwhile
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(800L, 4_500L);
			awaitPool(s, 1, 0);
			holder.close();
			waiter.close();
			s.awaitConnections(0);
			awaitPool(s, 0, 0);
		}
	}

	@Test
	void aDownloadFromAFileMountHoldsNoHeaderBufferWhileItsBodyGoesOut(@TempDir Path www) throws Exception {
		int big = 64 * 1024 * 1024;
		try (RandomAccessFile f = new RandomAccessFile(www.resolve("big.bin").toFile(), "rw")) {
			f.setLength(big);
		}
		Files.writeString(www.resolve("small.txt"), "small");
		Mount files = Mount.builder("/", MountOrigin.FILE, www.toString()).build();
		try (TestServer s = TestServer.start((c) -> c.maxHttpHeaderPool(1).timeoutSecsAhIdle(20),
				(v) -> v.mounts(files))) {
			// a client that asks for a large file and does not read it: its socket fills and the transfer waits
			RawClient downloader = s.client().send("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n");
			HttpResponse head = downloader.readHeadResponse();
			assertThat(head.status()).isEqualTo(200);
			assertThat(head.contentLength()).isEqualTo(big);
			awaitPool(s, 0, 0);
			// the only buffer is free, so another client is answered while the download is stuck
			try (RawClient other = s.client()) {
				HttpResponse r = other.send("GET /small.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
				assertThat(r.status()).isEqualTo(200);
				assertThat(r.bodyText()).isEqualTo("small");
			}
			// the download itself is whole, and its keep-alive connection takes a buffer again for its next request
			downloader.readExactly(big);
			HttpResponse next = downloader.send("GET /small.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(new String(next.body(), StandardCharsets.US_ASCII)).isEqualTo("small");
			downloader.close();
			s.awaitConnections(0);
			awaitPool(s, 0, 0);
		}
	}

	static void awaitPool(TestServer s, int inUse, int waiting) throws InterruptedException {
		long end = System.currentTimeMillis() + 5000;
		HeaderPoolStats st = s.context().headerPoolStats();
		while (st.inUse() != inUse || st.waiting() != waiting) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("pool " + st + ", expected inUse=" + inUse + " waiting=" + waiting);
			}
			Thread.sleep(10);
			st = s.context().headerPoolStats();
		}
	}

}
