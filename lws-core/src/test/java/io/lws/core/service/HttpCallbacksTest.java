package io.lws.core.service;

import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lws.core.CallbackReason;
import io.lws.core.HeaderToken;
import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.PeerAddresses;
import io.lws.core.PollArgs;
import io.lws.core.ServerOption;
import io.lws.core.WriteProtocol;
import io.lws.core.log.LogLevel;
import io.lws.core.log.LwsLog;
import io.lws.core.mount.FileHandle;
import io.lws.core.mount.FileOps;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.core.support.ShrinkingDownload;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP callback reasons, in the order libwebsockets gives them, and the connection helpers around them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpCallbacksTest {

	/** Records every reason it sees (with the poll events for the poll reasons). */
	static final class Recorder implements LwsProtocolHandler<Object> {

		final List<String> reasons = new CopyOnWriteArrayList<>();

		@Override
		public int callback(Lws wsi, CallbackReason reason, Object session, Object in) {
			if (in instanceof PollArgs p) {
				this.reasons.add(reason + "(" + p.events() + ")");
			}
			else if (reason != CallbackReason.PROTOCOL_INIT && reason != CallbackReason.PROTOCOL_DESTROY) {
				this.reasons.add(reason.name());
			}
			if (reason == CallbackReason.HTTP) {
				return wsi.returnHttpStatus(200, "recorded");
			}
			return 0;
		}

	}

	@Test
	void reasonsArriveInLibwebsocketsOrderIncludingThePollReasons() throws Exception {
		Recorder rec = new Recorder();
		try (TestServer s = TestServer.start((c) -> c.externalPoll(true),
				(v) -> v.protocols(LwsProtocol.of("rec", rec)))) {
			try (RawClient c = s.client()) {
				assertThat(c.send("GET / HTTP/1.0\r\n\r\n").readResponse().bodyText()).contains("recorded");
				assertThat(c.closedByServer()).isTrue();
			}
			s.awaitConnections(0);
			Thread.sleep(50);
			int in = PollArgs.POLLIN;
			assertThat(rec.reasons).containsExactly("ADD_POLL_FD(0)", "WSI_CREATE", "FILTER_NETWORK_CONNECTION",
					"SERVER_NEW_CLIENT_INSTANTIATED", "CHANGE_MODE_POLL_FD(" + in + ")",
					"HTTP_BIND_PROTOCOL", "FILTER_HTTP_CONNECTION", "HTTP",
					// after the answer: reading stops, then resumes to drain what the peer still sends before closing
					"CHANGE_MODE_POLL_FD(0)", "CHANGE_MODE_POLL_FD(" + in + ")", "CLOSED_HTTP",
					"HTTP_DROP_PROTOCOL", "DEL_POLL_FD(" + in + ")", "WSI_DESTROY");
		}
	}

	@Test
	void everyTransactionBindsItsProtocolAndDropsItOnceAndClosedHttpGetsTheSessionItClosesIn() throws Exception {
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		class Binding implements LwsProtocolHandler<String> {

			private final String name;

			Binding(String name) {
				this.name = name;
			}

			@Override
			public String newSession(Lws wsi) {
				return this.name + " " + wsi.httpMethod();
			}

			@Override
			public int onHttpBindProtocol(Lws wsi, String s) {
				events.add("bind " + s);
				return "refuse GET".equals(s) ? 1 : 0;
			}

			@Override
			public int onHttp(Lws wsi, String s, String uri) {
				return "GET".equals(wsi.httpMethod()) ? wsi.returnHttpStatus(200, null) : 0;
			}

			@Override
			public int onHttpBodyCompletion(Lws wsi, String s) {
				return wsi.returnHttpStatus(200, null);
			}

			@Override
			public int onClosedHttp(Lws wsi, String s) {
				events.add("closed " + s);
				return 0;
			}

			@Override
			public int onHttpDropProtocol(Lws wsi, String s) {
				events.add("drop " + s);
				return 0;
			}

		}
		Mount app = Mount.builder("/app", MountOrigin.CALLBACK, "app").build();
		Mount refuse = Mount.builder("/refuse", MountOrigin.CALLBACK, "refuse").build();
		try (TestServer s = TestServer.start((v) -> v.protocols(LwsProtocol.of("first", new Binding("first")),
				LwsProtocol.of("app", new Binding("app")), LwsProtocol.of("refuse", new Binding("refuse")))
			.mounts(app, refuse))) {
			try (RawClient c = s.client()) {
				// two kept-alive transactions, to the first protocol and to a callback mount's: each dropped as it ends
				assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
				assertThat(c.send("GET /app HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
				assertThat(List.of(next(events), next(events), next(events), next(events)))
					.containsExactly("bind first GET", "drop first GET", "bind app GET", "drop app GET");
				// a body cut short by the close: CLOSED_HTTP, then the drop
				c.send("POST /app HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf");
				assertThat(next(events)).isEqualTo("bind app POST");
			}
			assertThat(List.of(next(events), next(events))).containsExactly("closed app POST", "drop app POST");
			try (RawClient c = s.client()) {
				assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
			}
			// closed idle between transactions: CLOSED_HTTP to the first protocol, with no session
			assertThat(List.of(next(events), next(events), next(events)))
				.containsExactly("bind first GET", "drop first GET", "closed null");
			try (RawClient c = s.client()) {
				// a refused bind closes the connection unanswered and is owed no drop
				assertThat(c.send("GET /refuse HTTP/1.1\r\nHost: x\r\n\r\n").closedByServer()).isTrue();
			}
			assertThat(next(events)).isEqualTo("bind refuse GET");
			assertThat(next(events)).isEqualTo("closed refuse GET");
			assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
		}
	}

	private static String next(BlockingQueue<String> events) throws InterruptedException {
		String e = events.poll(5, TimeUnit.SECONDS);
		assertThat(e).as("the next callback").isNotNull();
		return e;
	}

	@Test
	void aLargeDynamicResponseStreamsThroughHttpWriteable() throws Exception {
		int total = 8 * 1024 * 1024;
		List<Integer> writeables = new CopyOnWriteArrayList<>();
		LwsProtocol<int[]> p = LwsProtocol.of("stream", new LwsProtocolHandler<int[]>() {
			@Override
			public int[] newSession(Lws wsi) {
				return new int[1];
			}

			@Override
			public int onHttp(Lws wsi, int[] sent, String uri) {
				wsi.write(HttpHeaders.status(200).contentType("application/octet-stream").contentLength(total)
					.toByteBuffer(wsi), WriteProtocol.HTTP_HEADERS);
				wsi.callbackOnWritable();
				return 0;
			}

			@Override
			public int onHttpWriteable(Lws wsi, int[] sent) {
				writeables.add(sent[0]);
				byte[] chunk = new byte[16 * 1024];
				while (sent[0] < total && !wsi.partialBuffered()) {
					Arrays.fill(chunk, (byte) (sent[0] / chunk.length));
					int n = Math.min(chunk.length, total - sent[0]);
					wsi.write(ByteBuffer.wrap(chunk, 0, n), (sent[0] + n == total) ? WriteProtocol.HTTP_FINAL
							: WriteProtocol.HTTP);
					sent[0] += n;
				}
				if (sent[0] < total) {
					wsi.callbackOnWritable();
					return 0;
				}
				return wsi.httpTransactionCompleted() ? -1 : 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			c.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
			// not reading for a moment fills the socket: the writer must stop and wait for a writeable callback
			Thread.sleep(300);
			HttpResponse r = c.readResponse();
			assertThat(r.body()).hasSize(total);
			assertThat(r.body()[total - 1]).isEqualTo((byte) ((total - 1) / (16 * 1024)));
			// the writer stopped when partialBuffered() said so (the socket was full) and went on in later callbacks,
			// rather than buffering all 8 MiB at once
			assertThat(writeables.size()).isGreaterThan(1);
			assertThat(c.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().body()).hasSize(total);
		}
	}

	@Test
	void serveHttpFileSendsTheFileThenFileCompletion(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("report.txt"), "file body");
		List<String> seen = new CopyOnWriteArrayList<>();
		LwsProtocol<Object> p = LwsProtocol.of("files", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				String path = uri.equals("/missing") ? dir.resolve("nope").toString() : file.toString();
				return wsi.serveHttpFile(path, "text/plain", "x-extra: 1\r\n");
			}

			@Override
			public int onHttpFileCompletion(Lws wsi, Object s) {
				seen.add("completion");
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			HttpResponse r = c.send("GET /f HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
			assertThat(r.bodyText()).isEqualTo("file body");
			assertThat(r.header("content-type")).isEqualTo("text/plain");
			assertThat(r.header("x-extra")).isEqualTo("1");
			assertThat(r.header("cache-control")).isEqualTo("no-store");
			// the next answer on the connection comes after the first transaction's completion callback
			assertThat(c.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(404);
			assertThat(seen).containsExactly("completion");
		}
	}

	@Test
	void aFileStartedByACallbackKeepsTheRequestHeadersUntilItsCompletion(@TempDir Path dir) throws Exception {
		// unlike a file mount's answer (HeaderPoolIntegrationTest), the callback that served the file may still ask
		Path file = Files.write(dir.resolve("big.bin"), new byte[1024 * 1024]);
		// the completion callback runs after the last byte is written, so maybe after the client has read it
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		LwsProtocol<Object> p = LwsProtocol.of("files", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				return wsi.serveHttpFile(file.toString(), "application/octet-stream", null);
			}

			@Override
			public int onHttpFileCompletion(Lws wsi, Object s) {
				seen.add(String.valueOf(wsi.hdrCopy(HeaderToken.HOST)));
				return 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			assertThat(c.send("GET /f HTTP/1.1\r\nHost: files.example\r\n\r\n").readResponse().body())
				.hasSize(1024 * 1024);
			assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("files.example");
			assertThat(c.send("GET /f HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
			assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("x");
			assertThat(seen).as("completions beyond one per file").isEmpty();
		}
	}

	@Test
	void aFileSentWithTransferToThatShrinksEndsThatResponseAtOnce(@TempDir Path dir) throws Exception {
		Path big = Files.write(dir.resolve("big.bin"), new byte[32 * 1024 * 1024]);
		Files.writeString(dir.resolve("small.txt"), "small");
		// file handles without a mapping: the body goes out with transferTo (sendfile)
		FileOps unmapped = (path) -> new UnmappedFile(FileChannel.open(dir.resolve(path)));
		LwsProtocol<Object> p = LwsProtocol.of("files", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				return wsi.serveHttpFile(unmapped, uri.substring(1), "application/octet-stream", null);
			}
		});
		// a stall timeout far longer than the test: only noticing the shrunken file ends the response in time
		try (TestServer s = TestServer.start((c) -> c.txStallTimeoutSecs(120), (v) -> v.protocols(p))) {
			long total = ShrinkingDownload.run(s.port(), "GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n", big, 1000, 10_000);
			assertThat(total).isLessThan(32L * 1024 * 1024);
			try (RawClient c = s.client()) {
				assertThat(c.send("GET /small.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText())
					.isEqualTo("small");
			}
		}
	}

	/** A file handle with no mapping, as a {@link FileOps} of the application's might give. */
	private record UnmappedFile(FileChannel channel) implements FileHandle {

		UnmappedFile {
			Objects.requireNonNull(channel);
		}

		@Override
		public long size() {
			try {
				return this.channel.size();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		@Override
		public long lastModifiedMillis() {
			return 0;
		}

		@Override
		public int read(ByteBuffer dst, long position) throws java.io.IOException {
			return this.channel.read(dst, position);
		}

		@Override
		public FileChannel fileChannel() {
			return this.channel;
		}

		@Override
		public void close() throws java.io.IOException {
			this.channel.close();
		}

	}

	@Test
	void unknownTypesCanBeRefusedWith415AsLibwebsockets4Does(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("a.zzz"), "z");
		Mount m = Mount.builder("/", MountOrigin.FILE, dir.toString()).build();
		try (TestServer s = TestServer.start((v) -> v.mounts(m).options(ServerOption.REFUSE_UNKNOWN_MIME_TYPES));
				RawClient c = s.client()) {
			assertThat(c.send("GET /a.zzz HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(415);
		}
	}

	@Test
	void aBodyLongerThanDeclaredIsReadAsTheNextRequestAndRefused() throws Exception {
		try (TestServer s = TestServer.start((v) -> {
		}); RawClient c = s.client()) {
			c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcdefgh\r\n\r\n");
			assertThat(c.readResponse().status()).isEqualTo(404);
			assertThat(c.readResponse().status()).isEqualTo(400);
			assertThat(c.closedByServer()).isTrue();
		}
	}

	/**
	 * A form handler that records its body callbacks: answers a GET with 200 ("next"), a completed body with 200
	 * ("form done"), and, if {@code refuse}, any body with 413 from its first {@code HTTP_BODY} callback, the way a
	 * form handler answers a form it cannot parse.
	 */
	static LwsProtocol<Object> recordingForm(List<String> seen, boolean refuse) {
		return LwsProtocol.of("form", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				return "GET".equals(wsi.httpMethod()) ? wsi.returnHttpStatus(200, "next") : 0;
			}

			@Override
			public int onHttpBody(Lws wsi, Object s, ByteBuffer in) {
				seen.add("body " + in.remaining());
				return refuse ? wsi.returnHttpStatus(413, null) : 0;
			}

			@Override
			public int onHttpBodyCompletion(Lws wsi, Object s) {
				seen.add("completion");
				return wsi.returnHttpStatus(200, "form done");
			}
		});
	}

	@Test
	void noBodyCallbacksFollowAnAnswerThatClosesTheConnection() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		try (TestServer s = TestServer.start((v) -> v.protocols(recordingForm(seen, true))); RawClient c = s.client()) {
			c.send("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
			assertThat(c.readResponse().status()).isEqualTo(413);
			assertThat(c.closedByServer()).isTrue();
			assertThat(seen).containsExactly("body 3");
		}
	}

	/** A refused body ending in the read that also brings the next request: by length, and chunked with more after. */
	@ParameterizedTest
	@ValueSource(strings = { "Content-Length: 3\r\n\r\nabc",
			"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n" })
	void anAnswerDuringTheBodyDropsTheRestOfItAndTheKeptAliveConnectionServesTheNextRequest(String framingAndBody)
			throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		try (TestServer s = TestServer.start((v) -> v.protocols(recordingForm(seen, true))); RawClient c = s.client()) {
			c.send("POST / HTTP/1.1\r\nHost: x\r\n" + framingAndBody + "GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(c.readResponse().status()).isEqualTo(413);
			assertThat(c.readResponse().bodyText()).contains("next");
			assertThat(c.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
			// the application answered during the body: it gets no more of it, and no completion
			assertThat(seen).containsExactly("body 3");
		}
	}

	@Test
	void anAnswerInTheBodysLastPieceStillNoticesThePeerHangingUp() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		try (TestServer s = TestServer.start((v) -> v.protocols(recordingForm(seen, true)))) {
			try (RawClient c = s.client()) {
				// the start of a next request follows the body: it must not be left unread, nor the connection open
				c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /ne");
				assertThat(c.readResponse().status()).isEqualTo(413);
			}
			s.awaitConnections(0);
			assertThat(s.context().headerPoolStats().inUse()).isZero();
		}
	}

	@Test
	void aPostWithNeitherALengthNorChunkingHasAnEmptyBodyThatCompletesAtOnce() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		try (TestServer s = TestServer.start((v) -> v.protocols(recordingForm(seen, false)));
				RawClient c = s.client()) {
			// RFC 9112 6.3: what follows the head is the next request, not a body
			c.send("POST / HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(c.readResponse().bodyText()).contains("form done");
			assertThat(c.readResponse().bodyText()).contains("next");
			assertThat(seen).containsExactly("completion");
		}
	}

	@Test
	void aPeerStillSendingWhenWeCloseReadsOurAnswerNotAReset() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("early", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				return wsi.returnHttpStatus(413, null);
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			c.send("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 50000000\r\n\r\n");
			Thread writer = new Thread(() -> {
				byte[] chunk = new byte[64 * 1024];
				try {
					for (int i = 0; i < 40; i++) {
						c.send(chunk);
					}
				}
				catch (java.io.IOException ex) {
					// the server stops reading after its linger: expected
				}
			});
			writer.setDaemon(true);
			writer.start();
			assertThat(c.readResponse().status()).isEqualTo(413);
			writer.join(10_000);
			s.awaitConnections(0);
		}
	}

	@Test
	void peerAddressesSocketOptionsAndHeadersAreAvailable() throws Exception {
		List<Object> seen = new CopyOnWriteArrayList<>();
		LwsProtocol<Object> p = LwsProtocol.of("peer", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object s, String uri) {
				PeerAddresses a = wsi.getPeerAddresses();
				seen.add(wsi.getPeerSimple());
				seen.add(a.ip());
				try {
					seen.add(((SocketChannel) wsi.getSocketFd()).getOption(StandardSocketOptions.SO_KEEPALIVE));
				}
				catch (java.io.IOException ex) {
					seen.add(ex);
				}
				ByteBuffer small = ByteBuffer.allocate(3);
				seen.add(wsi.hdrCopy(small, HeaderToken.HTTP_USER_AGENT));
				seen.add(wsi.hdrTotalLength(HeaderToken.HTTP_COOKIE));
				seen.add(wsi.hdrCopy(HeaderToken.HTTP_COOKIE));
				seen.add(wsi.hdrFragmentLength(HeaderToken.HTTP_COOKIE, 1));
				seen.add(wsi.hdrCustom("x-custom"));
				return wsi.returnHttpStatus(200, null);
			}
		});
		try (TestServer s = TestServer.start((c) -> c.tcpKeepalive(30, 3, 5), (v) -> v.protocols(p));
				RawClient c = s.client()) {
			c.send("GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: longer-than-three\r\nCookie: a=1\r\nCookie: b=22\r\n"
					+ "X-Custom: yes\r\n\r\n").readResponse();
			assertThat(seen).containsExactly("127.0.0.1", "127.0.0.1", true, -1, 8, "a=1;b=22", 4, "yes");
		}
	}

	@Test
	void logLinesGoToTheEmitterAndTheVhostLogFile(@TempDir Path dir) throws Exception {
		List<String> lines = new CopyOnWriteArrayList<>();
		int old = LwsLog.logLevel();
		LwsLog.setLogLevel(LogLevel.ERR.bit() | LogLevel.WARN.bit() | LogLevel.NOTICE.bit(),
				(level, line) -> lines.add(level.letter() + " " + line));
		Path log = dir.resolve("vhost.log");
		try (TestServer s = TestServer.start((v) -> v.logFilepath(log.toString()))) {
			assertThat(lines).anyMatch((l) -> l.startsWith("N lws started on"));
			assertThat(Files.readString(log, StandardCharsets.UTF_8)).matches(
					"(?s)\\[\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{4}\\] N: lws started on .*");
		}
		finally {
			LwsLog.setLogLevel(old, null);
		}
		assertThat(LwsLog.timestamp(LogLevel.WARN))
			.matches("\\[\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{4}\\] W: ");
	}

}
