package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.ClientConnectInfo;
import io.lws.core.HeaderToken;
import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.RawServer;
import io.lws.core.support.TestServer;

/**
 * Our HTTP client: response framing (length, chunked, until close, none), request bodies, response heads, keep-alive
 * with {@code lws_client_reset}, and the headers a protocol adds.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientHttpTest {

	/**
	 * A server protocol: {@code /hello} and {@code /again} answer text, {@code /echo} answers the request body, others
	 * 404.
	 */
	static final class Site implements LwsProtocolHandler<ByteArrayOutputStream> {

		final AtomicInteger connections = new AtomicInteger();

		/** "METHOD uri" per request, with the X-Added header when sent. */
		final List<String> requests = new CopyOnWriteArrayList<>();

		volatile String connectionHeader;

		@Override
		public ByteArrayOutputStream newSession(Lws wsi) {
			return new ByteArrayOutputStream();
		}

		@Override
		public int onFilterNetworkConnection(Lws wsi) {
			this.connections.incrementAndGet();
			return 0;
		}

		@Override
		public int onHttp(Lws wsi, ByteArrayOutputStream body, String uri) {
			String added = wsi.hdrCustom("x-added");
			this.requests.add(wsi.httpMethod() + " " + uri + ((added != null) ? " x-added=" + added : ""));
			body.reset();
			return switch (uri) {
				case "/hello" -> answer(wsi, "hello world");
				case "/again" -> answer(wsi, "again");
				case "/echo" -> 0;
				default -> wsi.returnHttpStatus(404, null) == 0 && !wsi.httpTransactionCompleted() ? 0 : -1;
			};
		}

		@Override
		public int onHttpBody(Lws wsi, ByteArrayOutputStream body, ByteBuffer in) {
			byte[] b = new byte[in.remaining()];
			in.get(b);
			body.writeBytes(b);
			return 0;
		}

		@Override
		public int onHttpBodyCompletion(Lws wsi, ByteArrayOutputStream body) {
			return answer(wsi, "got:" + body.toString(StandardCharsets.UTF_8));
		}

		private int answer(Lws wsi, String text) {
			byte[] b = text.getBytes(StandardCharsets.UTF_8);
			HttpHeaders h = HttpHeaders.status(200).contentType("text/plain").contentLength(b.length).add("X-Site",
					"yes");
			if (this.connectionHeader != null) {
				h.add(HeaderToken.CONNECTION, this.connectionHeader);
			}
			wsi.write(h.toByteBuffer(wsi), WriteProtocol.HTTP_HEADERS);
			wsi.write(ByteBuffer.wrap(b), WriteProtocol.HTTP_FINAL);
			return wsi.httpTransactionCompleted() ? -1 : 0;
		}

	}

	private static ClientConnectInfo.Builder get(int port, String path) {
		return ClientConnectInfo.forUri("http://127.0.0.1:" + port + path);
	}

	@Test
	void getWithContentLengthGivesStatusHeadersBodyThenCompletionAndClose() throws Exception {
		Site site = new Site();
		try (TestServer server = TestServer.start((v) -> v.protocols(LwsProtocol.of("http", site)));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			List<String> seenAtEstablished = new CopyOnWriteArrayList<>();
			rec.onHttpEstablished = (wsi) -> {
				seenAtEstablished.add(wsi.hdrCopy(HeaderToken.HTTP_CONTENT_TYPE));
				seenAtEstablished.add(wsi.hdrCustom("x-site"));
				seenAtEstablished.add(String.valueOf(wsi.hdrCopy(HeaderToken.HTTP_CONTENT_LENGTH)));
				seenAtEstablished.add(wsi.httpVersion());
			};
			Lws wsi = rec.connect(get(server.port(), "/hello").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:hello world");
			assertThat(rec.next()).isEqualTo("http-closed");
			assertThat(seenAtEstablished).containsExactly("text/plain", "yes", "11", "HTTP/1.1");
			assertThat(wsi.isClient()).isTrue();
			assertThat(wsi.isWebSocket()).isFalse();
			rec.assertQuiet(200);
			rec.awaitConnections(0);
			server.awaitConnections(0);
			assertThat(site.requests).containsExactly("GET /hello");
		}
	}

	@Test
	void notFoundIsAnHttpResponseNotAConnectionError() throws Exception {
		Site site = new Site();
		try (TestServer server = TestServer.start((v) -> v.protocols(LwsProtocol.of("http", site)));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(get(server.port(), "/missing").build());
			assertThat(rec.next()).isEqualTo("http:404");
			assertThat(rec.next()).startsWith("completed:");
			assertThat(rec.next()).isEqualTo("http-closed");
		}
	}

	@Test
	void chunkedBodyIsDecodedAcrossPieces() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
			RawServer.send(s, "5\r\nhello\r\n");
			Thread.sleep(50);
			RawServer.send(s, "1;ext=1\r\n \r\n6\r\nworld!\r\n");
			Thread.sleep(50);
			RawServer.send(s, "0\r\nTrailer: x\r\n\r\n");
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:hello world!");
			assertThat(rec.next()).isEqualTo("http-closed");
			assertThat(rec.bodyPieces.get()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void brokenChunkedFramingClosesWithoutCompletion() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n");
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("http-closed");
			rec.assertQuiet(200);
			rec.awaitConnections(0);
		}
	}

	@Test
	void bodyWithoutLengthEndsWhenTheServerCloses() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nfirst ");
			Thread.sleep(50);
			RawServer.send(s, "second");
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.onCompleted = (wsi) -> wsi.httpTransactionCompletedClient() ? -1 : 0;
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:first second");
			assertThat(rec.next()).isEqualTo("http-closed");
			rec.awaitConnections(0);
		}
	}

	@Test
	void truncatedLengthBodyClosesWithoutCompletion() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("http-closed");
			rec.assertQuiet(200);
		}
	}

	@Test
	void headAndNoContentAndNotModifiedHaveNoBody() throws Exception {
		for (String[] c : new String[][] { { "HEAD", "200 OK\r\nContent-Length: 5" }, { "GET", "204 No Content" },
				{ "GET", "304 Not Modified\r\nContent-Length: 5" } }) {
			try (RawServer server = new RawServer((s) -> {
				RawServer.readHeadOf(s.getInputStream());
				// no body follows, and the server keeps the connection open: the client must not wait for one
				RawServer.send(s, "HTTP/1.1 " + c[1] + "\r\n\r\n");
				RawServer.drain(s);
			}); ClientRecorder rec = new ClientRecorder().start("client")) {
				rec.connect(get(server.port(), "/").method(c[0]).build());
				assertThat(rec.next()).isEqualTo("http:" + c[1].substring(0, 3));
				assertThat(rec.next()).isEqualTo("completed:");
				assertThat(rec.next()).isEqualTo("http-closed");
			}
		}
	}

	@Test
	void postBodyWrittenThroughClientHttpWriteableReachesTheServer() throws Exception {
		Site site = new Site();
		try (TestServer server = TestServer.start((v) -> v.protocols(LwsProtocol.of("http", site)));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			String[] parts = { "first part, ", "second part" };
			int[] next = { 0 };
			rec.onAppendHeaders = (wsi, h) -> {
				h.add(HeaderToken.HTTP_CONTENT_LENGTH, String.valueOf(parts[0].length() + parts[1].length()));
				h.add(HeaderToken.HTTP_CONTENT_TYPE, "text/plain");
				wsi.clientHttpBodyPending(true);
				wsi.callbackOnWritable();
				return 0;
			};
			rec.onWriteable = (wsi) -> {
				int i = next[0]++;
				wsi.write(ByteBuffer.wrap(parts[i].getBytes(StandardCharsets.UTF_8)),
						(i == parts.length - 1) ? WriteProtocol.HTTP_FINAL : WriteProtocol.HTTP);
				if (i < parts.length - 1) {
					wsi.callbackOnWritable();
				}
			};
			rec.connect(get(server.port(), "/echo").method("POST").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:got:first part, second part");
			assertThat(rec.next()).isEqualTo("http-closed");
			assertThat(site.requests).containsExactly("POST /echo");
		}
	}

	@Test
	void writingABodyWithoutDeclaringItPendingIsRefused() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			List<String> thrown = new CopyOnWriteArrayList<>();
			rec.onAppendHeaders = (wsi, h) -> {
				wsi.callbackOnWritable();
				return 0;
			};
			rec.onWriteable = (wsi) -> {
				try {
					wsi.write(ByteBuffer.wrap(new byte[] { 1 }), WriteProtocol.HTTP);
				}
				catch (IllegalStateException ex) {
					thrown.add(ex.getMessage());
				}
			};
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/").method("POST")
				.build());
			long end = System.currentTimeMillis() + 5000;
			while (thrown.isEmpty() && System.currentTimeMillis() < end) {
				Thread.sleep(10);
			}
			assertThat(thrown).singleElement().asString().contains("clientHttpBodyPending(true)");
		}
	}

	@Test
	void keptConnectionIsReusedByClientResetForASecondRequest() throws Exception {
		Site site = new Site();
		try (TestServer server = TestServer.start((v) -> v.protocols(LwsProtocol.of("http", site)));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			AtomicInteger done = new AtomicInteger();
			int port = server.port();
			rec.onCompleted = (wsi) -> {
				if (wsi.httpTransactionCompletedClient()) {
					return -1;
				}
				if (done.incrementAndGet() == 1) {
					wsi.clientReset(0, "127.0.0.1", port, "/again", null);
				}
				return 0;
			};
			rec.connect(get(port, "/hello").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:hello world");
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:again");
			// the second transaction is kept too, idle until closed
			rec.assertQuiet(200);
			assertThat(site.connections.get()).isEqualTo(1);
			assertThat(site.requests).containsExactly("GET /hello", "GET /again");
			rec.context().destroy();
			assertThat(rec.await("http-closed")).isEqualTo("http-closed");
		}
	}

	@Test
	void connectionCloseFromTheServerIsNotKept() throws Exception {
		Site site = new Site();
		site.connectionHeader = "close";
		try (TestServer server = TestServer.start((v) -> v.protocols(LwsProtocol.of("http", site)));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			List<Boolean> mustClose = new CopyOnWriteArrayList<>();
			rec.onCompleted = (wsi) -> {
				mustClose.add(wsi.httpTransactionCompletedClient());
				return 0;
			};
			rec.connect(get(server.port(), "/hello").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:hello world");
			assertThat(rec.next()).isEqualTo("http-closed");
			assertThat(mustClose).containsExactly(true);
		}
	}

	@Test
	void http10ResponseIsNotKept() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			List<String> seen = new CopyOnWriteArrayList<>();
			rec.onHttpEstablished = (wsi) -> seen.add(wsi.httpVersion());
			rec.onCompleted = (wsi) -> {
				seen.add("mustClose=" + wsi.httpTransactionCompletedClient());
				return 0;
			};
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:ok");
			assertThat(rec.next()).isEqualTo("http-closed");
			assertThat(seen).containsExactly("HTTP/1.0", "mustClose=true");
		}
	}

	@Test
	void appendedHeadersArriveAtTheServerWithinTheBound() throws Exception {
		Site site = new Site();
		try (TestServer server = TestServer.start((c) -> c.maxHttpHeaderData(1024),
				(v) -> v.protocols(LwsProtocol.of("http", site)));
				ClientRecorder rec = new ClientRecorder().start("client", (v) -> {
				})) {
			List<String> seen = new CopyOnWriteArrayList<>();
			rec.onAppendHeaders = (wsi, h) -> {
				int room = h.remaining();
				// the whole head must fit in max_http_header_data (4096 by default): the request line and the
				// engine's own headers take the rest
				seen.add("bounded=" + (room > 3500 && room < 4096));
				seen.add("added=" + h.add("X-Added", "one"));
				seen.add("shrunk=" + (room - h.remaining()));
				seen.add("tooBig=" + h.add("X-Big", "x".repeat(h.remaining())));
				seen.add("unchanged=" + (room - h.remaining()));
				return 0;
			};
			rec.connect(get(server.port(), "/hello").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(seen).containsExactly("bounded=true", "added=true", "shrunk=" + "X-Added: one\r\n".length(),
					"tooBig=false", "unchanged=" + "X-Added: one\r\n".length());
			assertThat(site.requests).containsExactly("GET /hello x-added=one");
		}
	}

	@Test
	void appendHeaderCallbackReturningNonZeroFailsTheConnection() throws Exception {
		try (RawServer server = new RawServer((s) -> RawServer.drain(s));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.onAppendHeaders = (wsi, h) -> -1;
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("error:the request was refused by CLIENT_APPEND_HANDSHAKE_HEADER");
			rec.assertQuiet(200);
			rec.awaitConnections(0);
		}
	}

	/** A raw server answering {@code body} with {@code type}, written a few bytes at a time with flushes. */
	private static RawServer trickling(String type, String body, boolean chunked) throws Exception {
		return new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n"
					+ (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length()) + "\r\n\r\n");
			for (int i = 0; i < body.length(); i += 3) {
				String piece = body.substring(i, Math.min(body.length(), i + 3));
				RawServer.send(s, chunked ? Integer.toHexString(piece.length()) + "\r\n" + piece + "\r\n" : piece);
				Thread.sleep(15);
			}
			if (chunked) {
				RawServer.send(s, "0\r\n\r\n");
			}
			RawServer.drain(s);
		});
	}

	private static final String PAGE = "<a href=\"http://inner:81/a\">x</a><img src=\"http://inner:81/b.png\">"
			+ "http://inner:8http://inner:81/";

	private static final String REWRITTEN = "<a href=\"/outer/a\">x</a><img src=\"/outer/b.png\">"
			+ "http://inner:8/outer/";

	@Test
	void uriReplaceRewritesHtmlBodiesEvenWhenAMatchSpansReads() throws Exception {
		for (boolean chunked : new boolean[] { false, true }) {
			try (RawServer server = trickling("text/html; charset=utf-8", PAGE, chunked);
					ClientRecorder rec = new ClientRecorder().start("client")) {
				rec.connect(get(server.port(), "/").uriReplace("http://inner:81/", "/outer/").build());
				assertThat(rec.next()).isEqualTo("http:200");
				assertThat(rec.next()).isEqualTo("completed:" + REWRITTEN);
				assertThat(rec.bodyPieces.get()).isGreaterThan(1);
			}
		}
	}

	@Test
	void uriReplaceLeavesOtherContentTypesAlone() throws Exception {
		for (String type : new String[] { "text/plain", "application/json", "text/htmlx" }) {
			try (RawServer server = trickling(type, PAGE, false);
					ClientRecorder rec = new ClientRecorder().start("client")) {
				rec.connect(get(server.port(), "/").uriReplace("http://inner:81/", "/outer/").build());
				assertThat(rec.next()).isEqualTo("http:200");
				assertThat(rec.next()).as(type).isEqualTo("completed:" + PAGE);
			}
		}
	}

	@Test
	void uriReplaceFlushesAPartialMatchAtTheEndOfTheBody() throws Exception {
		try (RawServer server = trickling("TEXT/HTML", "end http://inner:8", false);
				ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(get(server.port(), "/").uriReplace("http://inner:81/", "/outer/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:end http://inner:8");
		}
	}

	@Test
	void interimResponsesAreSkipped() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"
					+ "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:ok");
		}
	}

	@Test
	void aStalledBodyTimesOutAndCloses() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfive!");
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client", (v) -> v.timeoutSecs(1))) {
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("http-closed");
			rec.awaitConnections(0);
		}
	}

	@Test
	void anIdleKeptConnectionClosesAfterTheKeepaliveTimeout() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client", (v) -> v.keepaliveTimeout(1))) {
			rec.onCompleted = (wsi) -> wsi.httpTransactionCompletedClient() ? -1 : 0;
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:ok");
			assertThat(rec.next()).isEqualTo("http-closed");
			assertThat(server.connections()).isEqualTo(1);
		}
	}

	@Test
	void bytesFromTheServerOnAnIdleKeptConnectionCloseIt() throws Exception {
		try (RawServer server = new RawServer((s) -> {
			RawServer.readHeadOf(s.getInputStream());
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
			Thread.sleep(200);
			RawServer.send(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nunasked");
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.onCompleted = (wsi) -> wsi.httpTransactionCompletedClient() ? -1 : 0;
			rec.connect(get(server.port(), "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:ok");
			assertThat(rec.next()).isEqualTo("http-closed");
			rec.awaitConnections(0);
		}
	}

}
