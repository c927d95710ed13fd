package io.lws.core.service;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.metrics.MetricsRecorder;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes and writeable requests are summed per service pass and reported at its end: the recorder still sees every
 * byte each way, a connection that stays open has its bytes reported without waiting for its close, and a close is
 * reported only after the closing connection's bytes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MetricsRecorderTrafficTest {

	@TempDir
	Path dir;

	/** Sums what the engine reports and what it had reported when the close came. */
	static final class TrafficRecorder implements MetricsRecorder {

		final AtomicLong in = new AtomicLong();

		final AtomicLong out = new AtomicLong();

		final AtomicLong writables = new AtomicLong();

		/** Reports of nothing: a pass with no traffic should not call the recorder at all. */
		final AtomicLong emptyReports = new AtomicLong();

		volatile long inAtClose = -1;

		volatile long outAtClose = -1;

		final CountDownLatch closed = new CountDownLatch(1);

		@Override
		public void bytesIn(long bytes) {
			countIfEmpty(bytes);
			this.in.addAndGet(bytes);
		}

		@Override
		public void bytesOut(long bytes) {
			countIfEmpty(bytes);
			this.out.addAndGet(bytes);
		}

		@Override
		public void writableRequested(long count) {
			countIfEmpty(count);
			this.writables.addAndGet(count);
		}

		private void countIfEmpty(long value) {
			if (value <= 0) {
				this.emptyReports.incrementAndGet();
			}
		}

		@Override
		public void connectionClosed(String vhost, long durationNanos) {
			this.inAtClose = this.in.get();
			this.outAtClose = this.out.get();
			this.closed.countDown();
		}

	}

	@Test
	void everyByteIsReportedWhileTheConnectionIsOpenAndAllOfThemBeforeItsClose() throws Exception {
		Path www = Files.createDirectories(this.dir.resolve("www"));
		// one small file (sent with the head) and one sent after it in pieces
		Files.write(www.resolve("small.txt"), "hello".getBytes(StandardCharsets.US_ASCII));
		Files.write(www.resolve("big.bin"), new byte[300_000]);
		TrafficRecorder recorder = new TrafficRecorder();
		try (TestServer server = TestServer.start((c) -> c.metricsRecorder(recorder),
				(v) -> v.mounts(Mount.builder("/", MountOrigin.FILE, www.toString()).build()))) {
			byte[] first = "GET /small.txt HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
			byte[] second = "GET /big.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII);
			try (Socket socket = new Socket("127.0.0.1", server.port())) {
				socket.setSoTimeout(5000);
				OutputStream os = socket.getOutputStream();
				os.write(first);
				os.flush();
				long receivedFirst = readResponse(socket.getInputStream(), 5);
				// the connection is open and idle: its pass has ended, so its bytes are reported
				awaitValue(recorder.in, first.length);
				awaitValue(recorder.out, receivedFirst);
				assertThat(recorder.closed.getCount()).isOne();

				os.write(second);
				os.flush();
				long received = drain(socket.getInputStream());
				assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(recorder.inAtClose).isEqualTo(first.length + second.length);
				assertThat(recorder.outAtClose).isEqualTo(receivedFirst + received);
				assertThat(received).isGreaterThan(300_000);
			}
		}
	}

	@Test
	void everyWriteableRequestIsReportedBeforeTheClose() throws Exception {
		// a dynamic answer written in CHUNKS pieces, one per writeable callback, each asked for with
		// lws_callback_on_writable
		int chunks = 3;
		AtomicLong requested = new AtomicLong();
		LwsProtocol<int[]> pieces = LwsProtocol.of("pieces", new LwsProtocolHandler<int[]>() {
			@Override
			public int[] newSession(Lws wsi) {
				return new int[1];
			}

			@Override
			public int onHttp(Lws wsi, int[] sent, String uri) {
				wsi.write(HttpHeaders.status(200).contentType("text/plain").contentLength(chunks)
					.toByteBuffer(wsi), WriteProtocol.HTTP_HEADERS);
				requested.incrementAndGet();
				wsi.callbackOnWritable();
				return 0;
			}

			@Override
			public int onHttpWriteable(Lws wsi, int[] sent) {
				sent[0]++;
				boolean last = sent[0] == chunks;
				wsi.write(ByteBuffer.wrap(new byte[] { 'x' }), last ? WriteProtocol.HTTP_FINAL : WriteProtocol.HTTP);
				if (!last) {
					requested.incrementAndGet();
					wsi.callbackOnWritable();
					return 0;
				}
				return wsi.httpTransactionCompleted() ? -1 : 0;
			}
		});
		TrafficRecorder recorder = new TrafficRecorder();
		try (TestServer server = TestServer.start((c) -> c.metricsRecorder(recorder), (v) -> v.protocols(pieces));
				Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			assertThat(drain(socket.getInputStream())).isPositive();
			assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(requested.get()).isEqualTo(chunks);
			assertThat(recorder.writables.get()).isEqualTo(chunks);
			assertThat(recorder.emptyReports.get()).isZero();
		}
	}

	/** Reads one response whose body has {@code bodyLength} bytes; returns how many bytes it had in all. */
	private static long readResponse(InputStream in, int bodyLength) throws java.io.IOException {
		long n = 0;
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			assertThat(b).as("end of stream inside the head").isNotNegative();
			n++;
			matched = (b == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		assertThat(in.readNBytes(bodyLength)).hasSize(bodyLength);
		return n + bodyLength;
	}

	@Test
	void bytesReadInThePassThatClosesAreReportedFirst() throws Exception {
		// half a request, then the end of the stream: closed without an answer, its bytes reported before the close
		TrafficRecorder recorder = new TrafficRecorder();
		try (TestServer server = recordingServer(recorder)) {
			byte[] part = "GET / HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII);
			try (Socket socket = new Socket("127.0.0.1", server.port())) {
				socket.getOutputStream().write(part);
				socket.shutdownOutput();
				assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(recorder.inAtClose).isEqualTo(part.length);
			}
		}
	}

	@Test
	void aRequestAnsweredWithAnErrorAndAClose() throws Exception {
		TrafficRecorder recorder = new TrafficRecorder();
		try (TestServer server = recordingServer(recorder)) {
			byte[] bad = "NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
			try (Socket socket = new Socket("127.0.0.1", server.port())) {
				socket.setSoTimeout(5000);
				socket.getOutputStream().write(bad);
				long received = drain(socket.getInputStream());
				assertThat(received).isPositive();
				assertThat(recorder.closed.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(recorder.inAtClose).isEqualTo(bad.length);
				assertThat(recorder.outAtClose).isEqualTo(received);
			}
		}
	}

	/** A server with no mount, reporting to {@code recorder}. */
	private static TestServer recordingServer(TrafficRecorder recorder) {
		return TestServer.start((c) -> c.metricsRecorder(recorder), (v) -> {
		});
	}

	/** Reads to the end of the stream; returns how many bytes came. */
	private static long drain(InputStream in) throws java.io.IOException {
		return in.transferTo(OutputStream.nullOutputStream());
	}

	private static void awaitValue(AtomicLong value, long expected) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (value.get() != expected && System.nanoTime() < end) {
			Thread.sleep(5);
		}
		assertThat(value.get()).isEqualTo(expected);
	}

}
