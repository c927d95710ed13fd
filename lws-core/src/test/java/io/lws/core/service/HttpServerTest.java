package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.HeaderToken;
import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.core.support.ShrinkingDownload;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpServerTest {

	@TempDir
	Path dir;

	Path www;

	@BeforeEach
	void files() throws IOException {
		this.www = Files.createDirectories(this.dir.resolve("www"));
		Files.writeString(this.www.resolve("index.html"), "<h1>hello</h1>");
		Files.writeString(this.www.resolve("style.css"), "body{}");
		Files.write(this.www.resolve("data.bin"), new byte[] { 1, 2, 3 });
		Files.createDirectories(this.www.resolve("sub"));
		Files.writeString(this.www.resolve("sub/index.html"), "sub index");
		Files.writeString(this.dir.resolve("secret.txt"), "SECRET");
	}

	private Mount fileMount() {
		return Mount.builder("/", MountOrigin.FILE, this.www.toString()).build();
	}

	private static String get(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
	}

	@Test
	void filesUpToTheSmallFileSizeAndAboveItComeWholeWithTheirHeaders() throws Exception {
		// up to SMALL_FILE the body goes out with the head; above it, after the head by transferTo
		byte[] small = new byte[HttpServerRole.SMALL_FILE];
		byte[] large = new byte[HttpServerRole.SMALL_FILE + 1];
		for (int i = 0; i < large.length; i++) {
			large[i] = (byte) (i * 31);
		}
		System.arraycopy(large, 0, small, 0, small.length);
		Files.write(this.www.resolve("small.bin"), small);
		Files.write(this.www.resolve("large.bin"), large);
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			for (String name : new String[] { "small.bin", "large.bin", "small.bin" }) {
				HttpResponse r = c.send(get("/" + name)).readResponse();
				assertThat(r.status()).isEqualTo(200);
				assertThat(r.body()).isEqualTo(name.startsWith("small") ? small : large);
				assertThat(r.header("etag")).matches("\"[0-9A-F]{16}\"");
				assertThat(r.header("cache-control")).isEqualTo("no-store");
			}
			HttpResponse head = c.send("HEAD /small.bin HTTP/1.1\r\nHost: x\r\n\r\n").readHeadResponse();
			assertThat(head.contentLength()).isEqualTo(small.length);
			assertThat(c.send(get("/index.html")).readResponse().bodyText()).isEqualTo("<h1>hello</h1>");
		}
	}

	@Test
	void servesFilesFromAFileMountWithTypesEtagAndCacheControl() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			HttpResponse r = c.send(get("/style.css")).readResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.header("content-type")).startsWith("text/css");
			assertThat(r.bodyText()).isEqualTo("body{}");
			assertThat(r.header("etag")).isNotBlank();
			assertThat(r.header("cache-control")).isEqualTo("no-store");
			assertThat(r.header("server")).isEqualTo("libwebsockets");

			HttpResponse again = c.send("GET /style.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + r.header("etag")
					+ "\r\n\r\n").readResponse();
			assertThat(again.status()).isEqualTo(304);
			assertThat(again.header("etag")).isEqualTo(r.header("etag"));
		}
	}

	@Test
	void servesDefaultDocumentsAndRedirectsDirectoriesWithoutSlash() throws Exception {
		Mount m = Mount.builder("/app", MountOrigin.FILE, this.www.toString()).build();
		try (TestServer s = TestServer.start((v) -> v.mounts(m)); RawClient c = s.client()) {
			assertThat(c.send(get("/app/")).readResponse().bodyText()).isEqualTo("<h1>hello</h1>");
			HttpResponse redirect = c.send(get("/app")).readResponse();
			assertThat(redirect.status()).isEqualTo(301);
			assertThat(redirect.header("location")).isEqualTo("http://localhost/app/");
			assertThat(c.send(get("/app/sub/")).readResponse().bodyText()).isEqualTo("sub index");
		}
	}

	@Test
	void unknownExtensionsAreOctetStreamAndMissingFilesAre404() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			Files.writeString(this.www.resolve("archive.zzz"), "z");
			assertThat(c.send(get("/archive.zzz")).readResponse().header("content-type"))
				.isEqualTo("application/octet-stream");
			assertThat(c.send(get("/nothing.html")).readResponse().status()).isEqualTo(404);
		}
	}

	@Test
	void redirectMountsAnswer301() throws Exception {
		Mount m = Mount.builder("/old", MountOrigin.REDIR_HTTPS, "example.org/new").build();
		try (TestServer s = TestServer.start((v) -> v.mounts(m)); RawClient c = s.client()) {
			HttpResponse r = c.send(get("/old/x")).readResponse();
			assertThat(r.status()).isEqualTo(301);
			assertThat(r.header("location")).isEqualTo("https://example.org/new");
		}
	}

	@Test
	void headRequestsGetHeadersOnly() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			HttpResponse r = c.send("HEAD /index.html HTTP/1.1\r\nHost: x\r\n\r\n").readHeadResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.contentLength()).isEqualTo(14);
			// the next response follows at once: no body bytes were sent for HEAD
			assertThat(c.send(get("/style.css")).readResponse().bodyText()).isEqualTo("body{}");
		}
	}

	@Test
	void keepAliveAndPipelinedRequestsAreAnsweredInOrder() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			c.send(get("/index.html") + get("/style.css") + get("/data.bin"));
			assertThat(c.readResponse().bodyText()).isEqualTo("<h1>hello</h1>");
			assertThat(c.readResponse().bodyText()).isEqualTo("body{}");
			assertThat(c.readResponse().body()).containsExactly(1, 2, 3);
			assertThat(c.send(get("/style.css")).readResponse().status()).isEqualTo(200);
		}
	}

	@Test
	void manyPipelinedRequestsAreAnsweredAsTheClientReadsNotQueuedAllAtOnce() throws Exception {
		// 3,000 requests for a 10 KB file in one go are 30 MB of answers: far over the 16 MB a connection may queue,
		// so the server must read the next request only as the answers drain (as libwebsockets does)
		byte[] file = new byte[10 * 1024];
		Files.write(this.www.resolve("app.js"), file);
		int n = 3000;
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			Thread writer = new Thread(() -> {
				try {
					c.send(get("/app.js").repeat(n));
				}
				catch (IOException ex) {
					// the reader's assertions say what went wrong
				}
			});
			writer.start();
			// a slow start: the answers back up in the socket before the client reads any
			Thread.sleep(500);
			for (int i = 0; i < n; i++) {
				HttpResponse r = c.readResponse();
				assertThat(r.status()).as("response %d", i).isEqualTo(200);
				assertThat(r.body()).as("response %d", i).hasSize(file.length);
			}
			writer.join(5000);
			assertThat(c.send(get("/style.css")).readResponse().bodyText()).isEqualTo("body{}");
		}
	}

	@Test
	void ifMatchIsEvaluatedBeforeServingAFile() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			String etag = c.send(get("/style.css")).readResponse().header("etag");
			assertThat(c.send("GET /style.css HTTP/1.1\r\nHost: x\r\nIf-Match: \"zz\"\r\n\r\n").readResponse().status())
				.isEqualTo(412);
			HttpResponse ok = c.send("GET /style.css HTTP/1.1\r\nHost: x\r\nIf-Match: " + etag + "\r\n\r\n")
				.readResponse();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(ok.bodyText()).isEqualTo("body{}");
		}
	}

	@Test
	void anErrorAnswerToHeadHasNoContent() throws Exception {
		String[][] cases = { { "HEAD /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "400" }, { "HEAD / HTTP/1.1\r\n\r\n", "400" },
				{ "HEAD / HTTP/1.1\r\nHost: a b\r\n\r\n", "400" }, { "HEAD / HTTP/2.0\r\nHost: x\r\n\r\n", "505" },
				{ "HEAD /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "414" } };
		for (String[] bad : cases) {
			try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
				HttpResponse r = c.send(bad[0]).readHeadResponse();
				assertThat(r.status()).as(bad[1]).isEqualTo(Integer.parseInt(bad[1]));
				assertThat(c.read()).as("no content after the head of a %s", bad[1]).isEqualTo(-1);
			}
		}
	}

	@Test
	void framingAndHostErrorsGetTheirStatus() throws Exception {
		String[][] cases = { { "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\nContent-Length: 9\r\n\r\n", "400" },
				{ "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "501" },
				{ "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", "400" },
				{ "GET / HTTP/1.1\r\nHost: <x>\r\n\r\n", "400" } };
		for (String[] bad : cases) {
			try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
				assertThat(c.send(bad[0]).readResponse().status()).as(bad[0]).isEqualTo(Integer.parseInt(bad[1]));
				assertThat(c.closedByServer()).isTrue();
			}
		}
	}

	@Test
	void theAnswerSaysWhetherTheConnectionStays() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount()))) {
			try (RawClient c = s.client()) {
				HttpResponse r = c.send("GET /style.css HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
				// an HTTP/1.0 client keeps the connection only when told so
				assertThat(r.header("connection")).isEqualTo("keep-alive");
				assertThat(c.send("GET /style.css HTTP/1.0\r\n\r\n").readResponse().header("connection")).isNull();
				assertThat(c.closedByServer()).isTrue();
			}
			try (RawClient c = s.client()) {
				assertThat(c.send(get("/style.css")).readResponse().header("connection")).isNull();
				HttpResponse r = c.send("GET /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
					.readResponse();
				assertThat(r.header("connection")).isEqualTo("close");
				assertThat(c.closedByServer()).isTrue();
			}
		}
	}

	@Test
	void http10ClosesAfterTheResponse() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			HttpResponse r = c.send("GET /style.css HTTP/1.0\r\n\r\n").readResponse();
			assertThat(r.version()).isEqualTo("HTTP/1.0");
			assertThat(c.closedByServer()).isTrue();
		}
	}

	@Test
	void largeFilesAreSentWhole() throws Exception {
		byte[] big = new byte[5 * 1024 * 1024 + 17];
		for (int i = 0; i < big.length; i++) {
			big[i] = (byte) (i * 31);
		}
		Files.write(this.www.resolve("big.bin"), big);
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			HttpResponse r = c.send(get("/big.bin")).readResponse();
			assertThat(r.body()).isEqualTo(big);
			assertThat(c.send(get("/style.css")).readResponse().status()).isEqualTo(200);
		}
	}

	@Test
	void aLargeFileTruncatedWhileItIsSentEndsThatResponseAndNothingElse() throws Exception {
		// sent from a memory mapping: the pages past the new end are gone, the write fails, the JVM carries on
		Path big = this.www.resolve("big.bin");
		Files.write(big, new byte[32 * 1024 * 1024]);
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount()))) {
			long total = ShrinkingDownload.run(s.port(), get("/big.bin"), big, 1000, 30_000);
			assertThat(total).isLessThan(32L * 1024 * 1024);
			try (RawClient c = s.client()) {
				HttpResponse r = c.send(get("/big.bin")).readResponse();
				assertThat(r.status()).isEqualTo(200);
				assertThat(r.body()).hasSize(1000);
				assertThat(c.send(get("/style.css")).readResponse().bodyText()).isEqualTo("body{}");
			}
		}
	}

	@Test
	void pathTraversalNeverLeavesTheMount() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount()))) {
			for (String p : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e%2fsecret.txt", "/..%2fsecret.txt",
					"/sub/../../secret.txt", "/%252e%252e/secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
					"/sub/..%5c..%5csecret.txt", "/.%2e/secret.txt")) {
				try (RawClient c = s.client()) {
					HttpResponse r = c.send(get(p)).readResponse();
					assertThat(r.status()).as(p).isIn(400, 403, 404);
					assertThat(r.bodyText()).as(p).doesNotContain("SECRET");
				}
			}
			try (RawClient c = s.client()) {
				c.send("GET /secret%00.txt HTTP/1.1\r\nHost: x\r\n\r\n");
				assertThat(c.readResponse().status()).isEqualTo(400);
			}
		}
	}

	@Test
	void symlinksOutOfTheMountAreRefused() throws Exception {
		Files.createSymbolicLink(this.www.resolve("leak.txt"), this.dir.resolve("secret.txt"));
		Files.createSymbolicLink(this.www.resolve("inside.css"), this.www.resolve("style.css"));
		try (TestServer s = TestServer.start((v) -> v.mounts(fileMount())); RawClient c = s.client()) {
			HttpResponse r = c.send(get("/leak.txt")).readResponse();
			assertThat(r.status()).isEqualTo(404);
			assertThat(r.bodyText()).doesNotContain("SECRET");
			assertThat(c.send(get("/inside.css")).readResponse().bodyText()).isEqualTo("body{}");
		}
	}

	@Test
	void requestsNoMountServesGoToTheFirstProtocolsHttpCallback() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		LwsProtocol<Object> p = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				seen.add(uri + "?" + wsi.urlArg("a") + "|" + wsi.hdrCopy(HeaderToken.HTTP_USER_AGENT));
				byte[] body = ("you asked for " + uri).getBytes(StandardCharsets.UTF_8);
				wsi.write(HttpHeaders.status(200).contentType("text/plain").contentLength(body.length)
					.toByteBuffer(wsi), WriteProtocol.HTTP_HEADERS);
				wsi.write(ByteBuffer.wrap(body), WriteProtocol.HTTP_FINAL);
				return wsi.httpTransactionCompleted() ? -1 : 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			HttpResponse r = c.send("GET /dyn/x?a=1&b=2 HTTP/1.1\r\nHost: x\r\nUser-Agent: t/1\r\n\r\n").readResponse();
			assertThat(r.bodyText()).isEqualTo("you asked for /dyn/x");
			assertThat(seen).containsExactly("/dyn/x?1|t/1");
			assertThat(c.send(get("/again")).readResponse().bodyText()).isEqualTo("you asked for /again");
		}
	}

	@Test
	void theDefaultHttpCallbackAnswers404() throws Exception {
		try (TestServer s = TestServer.start((v) -> {
		}); RawClient c = s.client()) {
			assertThat(c.send(get("/")).readResponse().status()).isEqualTo(404);
		}
	}

	@Test
	void callbackMountsGetTheRemainderAndTheBody() throws Exception {
		StringBuilder body = new StringBuilder();
		LwsProtocol<StringBuilder> post = LwsProtocol.of("post", new LwsProtocolHandler<StringBuilder>() {
			@Override
			public StringBuilder newSession(Lws wsi) {
				return new StringBuilder();
			}

			@Override
			public int onHttp(Lws wsi, StringBuilder s, String uri) {
				s.append("uri=").append(uri).append(';');
				return 0;
			}

			@Override
			public int onHttpBody(Lws wsi, StringBuilder s, ByteBuffer in) {
				s.append(StandardCharsets.UTF_8.decode(in));
				return 0;
			}

			@Override
			public int onHttpBodyCompletion(Lws wsi, StringBuilder s) {
				body.append(s);
				return wsi.returnHttpStatus(200, "got it");
			}
		});
		Mount m = Mount.builder("/form", MountOrigin.CALLBACK, "post").build();
		try (TestServer s = TestServer.start((v) -> v.protocols(LwsProtocol.of("http", new LwsProtocolHandler<>() {
		}), post).mounts(m)); RawClient c = s.client()) {
			HttpResponse r = c.send("POST /form/x HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
				.readResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(body.toString()).isEqualTo("uri=/x;hello world");
			body.setLength(0);
			r = c.send("POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
				.readResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(body.toString()).isEqualTo("uri=;hello world");
		}
	}

	@Test
	void expect100ContinueGetsAnInterimAnswerBeforeTheBody() throws Exception {
		LwsProtocol<StringBuilder> p = LwsProtocol.of("form", new LwsProtocolHandler<StringBuilder>() {
			@Override
			public StringBuilder newSession(Lws wsi) {
				return new StringBuilder();
			}

			@Override
			public int onHttp(Lws wsi, StringBuilder s, String uri) {
				return uri.equals("/refused") ? wsi.returnHttpStatus(403, null) : 0;
			}

			@Override
			public int onHttpBody(Lws wsi, StringBuilder s, ByteBuffer in) {
				s.append(StandardCharsets.UTF_8.decode(in));
				return 0;
			}

			@Override
			public int onHttpBodyCompletion(Lws wsi, StringBuilder s) {
				return wsi.returnHttpStatus(200, s.toString());
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			c.send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
			assertThat(c.readHeadResponse().status()).isEqualTo(100);
			HttpResponse r = c.send("hello").readResponse();
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.bodyText()).contains("hello");
			// refused before the body: no 100, just the answer
			c.send("POST /refused HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
			assertThat(c.readResponse().status()).isEqualTo(403);
		}
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			c.send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: teapot\r\n\r\n");
			assertThat(c.readResponse().status()).isEqualTo(417);
		}
	}

	@Test
	void aBodyLeftUnreadIsDiscardedBeforeTheNextRequest() throws Exception {
		try (TestServer s = TestServer.start((v) -> {
		}); RawClient c = s.client()) {
			c.send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789" + get("/y"));
			assertThat(c.readResponse().status()).isEqualTo(404);
			assertThat(c.readResponse().status()).isEqualTo(404);
		}
	}

	@Test
	void badRequestsGetClearStatusesAndClose() throws Exception {
		try (TestServer s = TestServer.start((c) -> c.maxHttpHeaderData(1024), (v) -> v.mounts(fileMount()))) {
			expectErrorAndClose(s, "GET /" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
			expectErrorAndClose(s, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(2000) + "\r\n\r\n", 431);
			expectErrorAndClose(s, "GET / HTTP/1.1\r\n\r\n", 400);
			expectErrorAndClose(s, "BREW / HTTP/1.1\r\nHost: x\r\n\r\n", 501);
			expectErrorAndClose(s, "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505);
			expectErrorAndClose(s,
					"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
			expectErrorAndClose(s, "GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400);
			// other connections are unaffected
			try (RawClient c = s.client()) {
				assertThat(c.send(get("/style.css")).readResponse().status()).isEqualTo(200);
			}
		}
	}

	@Test
	void badChunkSizesAre400WhileTheBodyIsAwaited() throws Exception {
		LwsProtocol<Object> waitsForBody = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				return 0;
			}

			@Override
			public int onHttpBodyCompletion(Lws wsi, Object session) {
				return wsi.returnHttpStatus(200, null);
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(waitsForBody))) {
			expectErrorAndClose(s, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n", 400);
			expectErrorAndClose(s,
					"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n", 400);
			try (RawClient c = s.client()) {
				c.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
				assertThat(c.readResponse().status()).isEqualTo(200);
			}
		}
	}

	private static void expectErrorAndClose(TestServer s, String request, int status) throws IOException {
		try (RawClient c = s.client()) {
			HttpResponse r = c.send(request).readResponse();
			assertThat(r.status()).as(request.substring(0, Math.min(40, request.length()))).isEqualTo(status);
			assertThat(c.closedByServer()).isTrue();
		}
	}

	@Test
	void aClientSendingOneBytePerSecondIsDroppedByTheHeaderTimeout() throws Exception {
		try (TestServer s = TestServer.start((c) -> c.timeoutSecsAhIdle(2), (v) -> v.mounts(fileMount()));
				RawClient c = s.client()) {
			long start = System.nanoTime();
			String req = get("/index.html");
			boolean closed = false;
			for (int i = 0; i < req.length() && !closed; i++) {
				try {
					c.send(req.substring(i, i + 1));
				}
				catch (IOException ex) {
					closed = true;
				}
				Thread.sleep(500);
				if (s.context().connectionCount() == 0) {
					closed = true;
				}
			}
			assertThat(closed).isTrue();
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1500L, 4500L);
		}
	}

	@Test
	void aClientThatNeverReadsIsDroppedWhenItsOutputStalls() throws Exception {
		Files.write(this.www.resolve("huge.bin"), new byte[64 * 1024 * 1024]);
		try (TestServer s = TestServer.start((c) -> c.txStallTimeoutSecs(1), (v) -> v.mounts(fileMount()));
				RawClient c = s.client()) {
			c.socket().setReceiveBufferSize(4096);
			c.send(get("/huge.bin"));
			s.awaitConnections(1);
			Thread.sleep(500);
			// the client reads nothing; the server must give up within a few seconds
			long end = System.currentTimeMillis() + 8000;
			while (s.context().connectionCount() > 0 && System.currentTimeMillis() < end) {
				Thread.sleep(100);
			}
			assertThat(s.context().connectionCount()).isZero();
		}
	}

	@Test
	void idleKeepAliveConnectionsAreClosedAfterKeepaliveTimeout() throws Exception {
		try (TestServer s = TestServer.start((v) -> v.keepaliveTimeout(1).mounts(fileMount()));
				RawClient c = s.client()) {
			assertThat(c.send(get("/style.css")).readResponse().status()).isEqualTo(200);
			long start = System.nanoTime();
			assertThat(c.closedByServer()).isTrue();
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(500L, 3500L);
		}
	}

	@Test
	void aFilterThatAnswersItselfGetsOnlyItsOwnAnswerOnTheWire() throws Exception {
		// A filter may answer (401 with a challenge, say) and then refuse; the engine must not add its own 403.
		LwsProtocol<Object> p = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onFilterHttpConnection(Lws wsi, Object session, String uri) {
				wsi.returnHttpStatus(401, "log in first");
				return 1;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p).mounts(fileMount())); RawClient c = s.client()) {
			HttpResponse r = c.send(get("/style.css")).readResponse();
			assertThat(r.status()).isEqualTo(401);
			assertThat(r.bodyText()).contains("log in first");
			assertThat(c.read()).as("nothing after the 401 but the close").isEqualTo(-1);
		}
	}

	@Test
	void filterCallbacksCanRefuseConnectionsAndRequests() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onFilterHttpConnection(Lws wsi, Object session, String uri) {
				return uri.startsWith("/private") ? 1 : 0;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p).mounts(fileMount())); RawClient c = s.client()) {
			assertThat(c.send(get("/private/x")).readResponse().status()).isEqualTo(403);
		}
		LwsProtocol<Object> refuseAll = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onFilterNetworkConnection(Lws wsi) {
				return 1;
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(refuseAll)); RawClient c = s.client()) {
			c.send(get("/"));
			assertThat(c.closedByServer()).isTrue();
		}
	}

	@Test
	void aCallbackThatThrowsClosesOnlyItsConnection() throws Exception {
		LwsProtocol<Object> p = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				if (uri.equals("/boom")) {
					throw new IllegalStateException("boom");
				}
				return wsi.returnHttpStatus(200, null);
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient a = s.client();
				RawClient b = s.client()) {
			a.send(get("/boom"));
			assertThat(a.closedByServer()).isTrue();
			assertThat(b.send(get("/fine")).readResponse().status()).isEqualTo(200);
		}
	}

	@Test
	void connectionApisFailFastOffTheServiceThread() throws Exception {
		Lws[] captured = new Lws[1];
		LwsProtocol<Object> p = LwsProtocol.of("http", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				captured[0] = wsi;
				return wsi.returnHttpStatus(200, null);
			}
		});
		try (TestServer s = TestServer.start((v) -> v.protocols(p)); RawClient c = s.client()) {
			c.send(get("/")).readResponse();
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> captured[0].write("x", WriteProtocol.HTTP))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("service thread");
			// the thread-safe wake-up does not throw
			captured[0].callbackOnWritable();
		}
	}

}
