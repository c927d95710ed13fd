package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.ClientConnectInfo;
import io.lws.core.WriteProtocol;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.RawServer;
import io.lws.core.support.TestServer;

/** 3xx answers followed by our client (HTTP and WebSocket), their hop limit, and the callback that may stop them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientRedirectTest {

	/** A raw server answering each request line ("GET /a") with what {@code answers} maps it to. */
	private static RawServer site(Function<String, String> answers) throws Exception {
		return new RawServer((Socket s) -> {
			String head = RawServer.readHeadOf(s.getInputStream());
			String line = head.substring(0, head.indexOf(" HTTP/"));
			RawServer.send(s, answers.apply(line));
			RawServer.drain(s);
		});
	}

	private static String redirect(int code, String location) {
		return "HTTP/1.1 " + code + " Moved\r\nLocation: " + location + "\r\nContent-Length: 5\r\n\r\nmoved";
	}

	private static final String DONE = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone";

	@Test
	void followsAbsoluteAndRelativeRedirectsUpToTheLimit() throws Exception {
		Map<String, Integer> port = new ConcurrentHashMap<>();
		try (RawServer server = site((line) -> switch (line) {
			case "GET /dir/a" -> redirect(301, "http://127.0.0.1:" + port.get("p") + "/dir/b");
			case "GET /dir/b" -> redirect(302, "c");
			case "GET /dir/c" -> redirect(307, "/d?x=1");
			case "GET /d?x=1" -> DONE;
			default -> "HTTP/1.1 500 Unexpected " + line + "\r\nContent-Length: 0\r\n\r\n";
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			port.put("p", server.port());
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/dir/a").build());
			assertThat(rec.next()).isEqualTo("redirect:http://127.0.0.1:" + server.port() + "/dir/b");
			assertThat(rec.next()).isEqualTo("redirect:c");
			assertThat(rec.next()).isEqualTo("redirect:/d?x=1");
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:done");
			assertThat(rec.next()).isEqualTo("http-closed");
			rec.awaitConnections(0);
			assertThat(server.connections()).isEqualTo(4);
		}
	}

	@Test
	void oneHopTooManyFailsNamingTheLimit() throws Exception {
		try (RawServer server = site((line) -> redirect(308, "/again" + line.length()));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/").build());
			for (int i = 0; i < 3; i++) {
				assertThat(rec.next()).startsWith("redirect:/again");
			}
			assertThat(rec.next()).isEqualTo("error:HS: too many redirects (more than 3), the last to /again12");
			rec.assertQuiet(200);
			rec.awaitConnections(0);
		}
	}

	@Test
	void see303TurnsAPostIntoAGetWhile307And308KeepTheMethod() throws Exception {
		for (int code : new int[] { 303, 307, 308 }) {
			try (RawServer server = site((line) -> line.endsWith("/form") ? redirect(code, "/result")
					: "HTTP/1.1 200 OK\r\nContent-Length: " + line.length() + "\r\n\r\n" + line);
					ClientRecorder rec = new ClientRecorder().start("client")) {
				rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/form").method("POST")
					.build());
				assertThat(rec.next()).isEqualTo("redirect:/result");
				assertThat(rec.next()).isEqualTo("http:200");
				assertThat(rec.next()).isEqualTo("completed:" + ((code == 303) ? "GET" : "POST") + " /result");
			}
		}
	}

	@Test
	void redirectCallbackReturningNonZeroStopsIt() throws Exception {
		try (RawServer server = site((line) -> redirect(302, "/elsewhere"));
				ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.onRedirect = (location) -> 1;
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/").build());
			assertThat(rec.next()).isEqualTo("redirect:/elsewhere");
			assertThat(rec.next())
				.isEqualTo("error:HS: the redirect to /elsewhere was refused by CLIENT_HTTP_REDIRECT");
			rec.assertQuiet(200);
			assertThat(server.connections()).isEqualTo(1);
		}
	}

	@Test
	void unusableLocationsFailWithTheReason() throws Exception {
		for (String location : new String[] { "ftp://127.0.0.1/x", "http://:80/", "http://127.0.0.1:99999/",
				"/with space" }) {
			try (RawServer server = site((line) -> redirect(301, location));
					ClientRecorder rec = new ClientRecorder().start("client")) {
				rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/").build());
				assertThat(rec.next()).isEqualTo("redirect:" + location);
				assertThat(rec.next()).startsWith("error:HS: bad redirect location '" + location + "'");
				rec.assertQuiet(200);
				rec.awaitConnections(0);
			}
		}
	}

	@Test
	void aThreeHundredWithoutLocationIsAnOrdinaryResponse() throws Exception {
		try (RawServer server = site((line) -> "HTTP/1.1 302 Found\r\nContent-Length: 2\r\n\r\nno");
				ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/").build());
			assertThat(rec.next()).isEqualTo("http:302");
			assertThat(rec.next()).isEqualTo("completed:no");
		}
	}

	@Test
	void webSocketConnectFollowsARedirectToTheRealServer() throws Exception {
		try (TestServer echo = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				RawServer front = site((line) -> redirect(302, "ws://127.0.0.1:" + echo.port() + "/chat"));
				ClientRecorder rec = new ClientRecorder().start("echo")) {
			rec.onEstablished = (wsi) -> wsi.write("after redirect", WriteProtocol.TEXT);
			rec.connect(ClientConnectInfo.builder().address("127.0.0.1").port(front.port()).path("/old")
				.protocol("echo")
				.build());
			assertThat(rec.next()).isEqualTo("redirect:ws://127.0.0.1:" + echo.port() + "/chat");
			assertThat(rec.next()).isEqualTo("established:echo");
			assertThat(rec.next()).isEqualTo("receive:after redirect");
		}
	}

	@Test
	void aBodyIsSentAgainAfterA307() throws Exception {
		try (RawServer server = new RawServer((Socket s) -> {
			String head = RawServer.readHeadOf(s.getInputStream());
			String lengthLine = head.lines().filter((l) -> l.startsWith("Content-Length:")).findFirst().orElse("0");
			byte[] body = s.getInputStream().readNBytes(Integer.parseInt(lengthLine.replaceAll("\\D", "")));
			String line = head.substring(0, head.indexOf(" HTTP/"));
			String text = line + " " + new String(body, StandardCharsets.UTF_8);
			RawServer.send(s, line.endsWith("/form") ? redirect(307, "/result")
					: "HTTP/1.1 200 OK\r\nContent-Length: " + text.length() + "\r\n\r\n" + text);
			RawServer.drain(s);
		}); ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.onAppendHeaders = (wsi, h) -> {
				h.add("Content-Length", "4");
				wsi.clientHttpBodyPending(true);
				wsi.callbackOnWritable();
				return 0;
			};
			rec.onWriteable = (wsi) -> wsi.write(ByteBuffer.wrap(new byte[] { 'd', 'a', 't', 'a' }),
					WriteProtocol.HTTP_FINAL);
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/form").method("POST")
				.build());
			assertThat(rec.next()).isEqualTo("redirect:/result");
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:POST /result data");
		}
	}

}
