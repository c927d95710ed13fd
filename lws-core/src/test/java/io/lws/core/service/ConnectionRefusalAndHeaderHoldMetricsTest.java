package io.lws.core.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.metrics.MetricsRecorder;
import io.lws.core.support.RawClient;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the recorder hears of refused connections ({@code fd_limit_per_thread}, {@code FILTER_NETWORK_CONNECTION})
 * and of how long a connection holds its header buffer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionRefusalAndHeaderHoldMetricsTest {

	/** Keeps what the engine reported. */
	static final class Recorder implements MetricsRecorder {

		final List<String> opened = new CopyOnWriteArrayList<>();

		final List<String> rejected = new CopyOnWriteArrayList<>();

		final List<Long> held = new CopyOnWriteArrayList<>();

		@Override
		public void connectionOpened(String vhost) {
			this.opened.add(vhost);
		}

		@Override
		public void connectionRejected(String vhost, String reason) {
			this.rejected.add(vhost + ":" + reason);
		}

		@Override
		public void headerHeld(long nanos) {
			this.held.add(nanos);
		}

	}

	@Test
	void aConnectionOverTheLimitPerThreadIsClosedUnreadAndCountedAsRejectedNotOpened() throws Exception {
		Recorder recorder = new Recorder();
		try (TestServer server = TestServer.start((c) -> c.metricsRecorder(recorder).fdLimitPerThread(1), (v) -> {
		}); RawClient first = server.client()) {
			assertThat(first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(404);
			try (RawClient second = server.client()) {
				assertThat(second.closedByServer()).isTrue();
			}
			awaitSize(recorder.rejected, 1);
			assertThat(recorder.rejected).containsExactly("default:limit");
			assertThat(recorder.opened).containsExactly("default");
			// the first connection is unaffected
			assertThat(first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(404);
		}
	}

	@Test
	void aConnectionTheFilterRefusesIsCountedAsRejected() throws Exception {
		Recorder recorder = new Recorder();
		LwsProtocol<Object> refuseAll = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onFilterNetworkConnection(Lws wsi) {
				return 1;
			}
		});
		try (TestServer server = TestServer.start((c) -> c.metricsRecorder(recorder), (v) -> v.protocols(refuseAll));
				RawClient c = server.client()) {
			assertThat(c.closedByServer()).isTrue();
			awaitSize(recorder.rejected, 1);
			assertThat(recorder.rejected).containsExactly("default:filtered");
		}
	}

	@Test
	void theHoldLastsFromTheFirstBytesToTheAnswerAndIsReportedOncePerRequest() throws Exception {
		Recorder recorder = new Recorder();
		try (TestServer server = TestServer.start((c) -> c.metricsRecorder(recorder), (v) -> {
		}); RawClient c = server.client()) {
			// the buffer is taken with the first bytes, so a head sent in two parts holds it across the pause
			c.send("GET / HTTP/1.1\r\n");
			Thread.sleep(300);
			assertThat(recorder.held).isEmpty();
			assertThat(c.send("Host: x\r\n\r\n").readResponse().status()).isEqualTo(404);
			awaitSize(recorder.held, 1);
			assertThat(recorder.held.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250))
				.isLessThan(TimeUnit.SECONDS.toNanos(10));
			assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(404);
			awaitSize(recorder.held, 2);
			assertThat(recorder.held.get(1)).isLessThan(TimeUnit.MILLISECONDS.toNanos(250));
		}
	}

	private static void awaitSize(List<?> list, int size) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (list.size() < size && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(list).hasSize(size);
	}

}
