package io.lws.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.ClientConnectInfo;
import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsException;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.core.support.ClientRecorder;
import io.lws.core.support.ConnectProxy;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.RawServer;
import io.lws.core.support.TestServer;
import io.lws.core.support.TinyProxy;

/**
 * Client connections through an HTTP {@code CONNECT} proxy: the vhost's {@code http_proxy_address/port},
 * {@code lws_set_proxy} with credentials, the {@code http_proxy} environment variable, proxies that refuse or stay
 * silent, and Debian's tinyproxy as a real peer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientProxyTest {

	private static final String HTTP_SITE_BODY = "through the tunnel";

	private static TestServer echoServer() {
		return TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
	}

	/** A server answering every HTTP request with {@link #HTTP_SITE_BODY}. */
	private static TestServer httpServer() {
		return TestServer.start((v) -> v.protocols(LwsProtocol.of("http", new LwsProtocolHandler<Object>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				byte[] b = HTTP_SITE_BODY.getBytes(StandardCharsets.UTF_8);
				wsi.write(HttpHeaders.status(200).contentLength(b.length).toByteBuffer(wsi),
						WriteProtocol.HTTP_HEADERS);
				wsi.write(ByteBuffer.wrap(b), WriteProtocol.HTTP_FINAL);
				return wsi.httpTransactionCompleted() ? -1 : 0;
			}
		})));
	}

	private static ClientConnectInfo ws(int port) {
		return ClientConnectInfo.builder().address("127.0.0.1").port(port).protocol("echo").build();
	}

	private static void echoesThrough(ClientRecorder rec, int port) throws InterruptedException {
		rec.onEstablished = (wsi) -> wsi.write("via proxy", WriteProtocol.TEXT);
		rec.connect(ws(port));
		assertThat(rec.next()).isEqualTo("established:echo");
		assertThat(rec.next()).isEqualTo("receive:via proxy");
	}

	private static String basic(String credentials) {
		return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void webSocketThroughTheVhostsProxy() throws Exception {
		try (TestServer server = echoServer(); ConnectProxy proxy = ConnectProxy.relaying();
				ClientRecorder rec = new ClientRecorder().start("echo",
						(v) -> v.httpProxy("127.0.0.1", proxy.port()))) {
			echoesThrough(rec, server.port());
			assertThat(proxy.requests).singleElement().asString()
				.startsWith("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1\r\n")
				.contains("Host: 127.0.0.1:" + server.port() + "\r\n")
				.doesNotContain("Proxy-Authorization");
		}
	}

	@Test
	void httpThroughSetProxyWithCredentials() throws Exception {
		try (TestServer server = httpServer(); ConnectProxy proxy = ConnectProxy.relaying();
				ClientRecorder rec = new ClientRecorder().start("client")) {
			rec.context().vhosts().get(0).setProxy("user:pa:ss@127.0.0.1:" + proxy.port());
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/x").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:" + HTTP_SITE_BODY);
			assertThat(proxy.requests).singleElement().asString()
				.contains("Proxy-Authorization: Basic " + basic("user:pa:ss") + "\r\n");
		}
	}

	@Test
	void credentialsInTheVhostsProxyAddress() throws Exception {
		try (TestServer server = echoServer(); ConnectProxy proxy = ConnectProxy.relaying();
				ClientRecorder rec = new ClientRecorder().start("echo",
						(v) -> v.httpProxy("me:pw@127.0.0.1", proxy.port()))) {
			echoesThrough(rec, server.port());
			assertThat(proxy.requests.get(0)).contains("Proxy-Authorization: Basic " + basic("me:pw"));
		}
	}

	@Test
	void clearingTheProxyConnectsDirectly() throws Exception {
		try (TestServer server = echoServer(); ConnectProxy proxy = ConnectProxy.relaying();
				ClientRecorder rec = new ClientRecorder().start("echo",
						(v) -> v.httpProxy("127.0.0.1", proxy.port()))) {
			rec.context().vhosts().get(0).setProxy(null);
			echoesThrough(rec, server.port());
			assertThat(proxy.connections()).isZero();
		}
	}

	@Test
	void badProxySettingsAreRefusedClearly() {
		try (ClientRecorder rec = new ClientRecorder().start("echo")) {
			assertThatThrownBy(() -> rec.context().vhosts().get(0).setProxy("no-port"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("no-port");
		}
		assertThatThrownBy(() -> new ClientRecorder().start("echo", (v) -> v.httpProxy("proxy:x", 0)))
			.isInstanceOf(LwsException.class)
			.hasMessageContaining("http_proxy_address");
		// the port given both in the address and as http_proxy_port
		assertThatThrownBy(() -> new ClientRecorder().start("echo", (v) -> v.httpProxy("proxy:3128", 3128)))
			.isInstanceOf(LwsException.class)
			.hasMessageContaining("one port");
	}

	@Test
	void proxyRefusingTheTunnelIsAConnectionErrorNamingTheStatus() throws Exception {
		for (int status : new int[] { 403, 407 }) {
			try (ConnectProxy proxy = ConnectProxy.refusing(status);
					ClientRecorder rec = new ClientRecorder().start("echo",
							(v) -> v.httpProxy("127.0.0.1", proxy.port()))) {
				rec.connect(ws(9));
				assertThat(rec.next())
					.isEqualTo("error:proxy 127.0.0.1:" + proxy.port() + " refused the tunnel: HTTP " + status);
				rec.assertQuiet(200);
				rec.awaitConnections(0);
			}
		}
	}

	@Test
	void silentProxyTimesOut() throws Exception {
		try (ConnectProxy proxy = ConnectProxy.silent();
				ClientRecorder rec = new ClientRecorder().start("echo", (v) -> v.timeoutSecs(1)
					.httpProxy("127.0.0.1", proxy.port()))) {
			rec.connect(ws(9));
			assertThat(rec.next()).isEqualTo("error:timeout waiting for the proxy's answer");
			rec.assertQuiet(200);
			rec.awaitConnections(0);
		}
	}

	@Test
	void proxyClosingWithoutAnAnswerIsNamedInTheError() throws Exception {
		try (RawServer proxy = new RawServer(
				(s) -> RawServer.readHeadOf(s.getInputStream()));
				ClientRecorder rec = new ClientRecorder().start("echo",
						(v) -> v.httpProxy("127.0.0.1", proxy.port()))) {
			rec.connect(ws(9));
			assertThat(rec.next()).isEqualTo("error:the proxy closed the connection before answering");
			rec.assertQuiet(200);
			rec.awaitConnections(0);
		}
	}

	@Test
	void unreachableProxyIsNamedInTheError() throws Exception {
		int closedPort;
		try (ServerSocket s = new ServerSocket(0)) {
			closedPort = s.getLocalPort();
		}
		try (ClientRecorder rec = new ClientRecorder().start("echo", (v) -> v.httpProxy("127.0.0.1", closedPort))) {
			rec.connect(ws(9));
			assertThat(rec.next()).startsWith("error:connect failed to proxy 127.0.0.1:" + closedPort);
		}
	}

	@Test
	void tinyproxyTunnelsWebSocketAndHttp() throws Exception {
		try (TestServer server = echoServer(); TinyProxy proxy = TinyProxy.start(server.port(), null, null);
				ClientRecorder rec = new ClientRecorder().start("echo",
						(v) -> v.httpProxy("127.0.0.1", proxy.port()))) {
			echoesThrough(rec, server.port());
			assertThat(proxy.log()).contains("CONNECT 127.0.0.1:" + server.port());
		}
		try (TestServer server = httpServer(); TinyProxy proxy = TinyProxy.start(server.port(), null, null);
				ClientRecorder rec = new ClientRecorder().start("client",
						(v) -> v.httpProxy("127.0.0.1", proxy.port()))) {
			rec.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + server.port() + "/").build());
			assertThat(rec.next()).isEqualTo("http:200");
			assertThat(rec.next()).isEqualTo("completed:" + HTTP_SITE_BODY);
		}
	}

	@Test
	void tinyproxyChecksTheBasicCredentials() throws Exception {
		try (TestServer server = echoServer(); TinyProxy proxy = TinyProxy.start(server.port(), "user", "secret");
				ClientRecorder rec = new ClientRecorder().start("echo")) {
			String refused = "error:proxy 127.0.0.1:" + proxy.port() + " refused the tunnel: HTTP ";
			rec.context().vhosts().get(0).setProxy("127.0.0.1:" + proxy.port());
			rec.connect(ws(server.port()));
			assertThat(rec.next()).isEqualTo(refused + "407");
			// tinyproxy answers wrong credentials with 401
			rec.context().vhosts().get(0).setProxy("user:wrong@127.0.0.1:" + proxy.port());
			rec.connect(ws(server.port()));
			assertThat(rec.next()).isEqualTo(refused + "401");
			rec.context().vhosts().get(0).setProxy("user:secret@127.0.0.1:" + proxy.port());
			echoesThrough(rec, server.port());
		}
	}

	@Test
	void tinyproxyRefusesAPortItDoesNotAllow() throws Exception {
		try (TestServer server = echoServer(); TinyProxy proxy = TinyProxy.start(server.port() + 1, null, null);
				ClientRecorder rec = new ClientRecorder().start("echo",
						(v) -> v.httpProxy("127.0.0.1", proxy.port()))) {
			rec.connect(ws(server.port()));
			assertThat(rec.next()).startsWith("error:proxy 127.0.0.1:" + proxy.port() + " refused the tunnel: HTTP 4");
		}
	}

	/** Runs {@link ProxyFromEnvironmentMain} in a child JVM with {@code http_proxy} set, returning its event line. */
	private static String childWithHttpProxy(String httpProxy, int wsPort) throws Exception {
		String java = ProcessHandle.current().info().command().orElse(
				System.getProperty("java.home") + "/bin/java");
		List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				ProxyFromEnvironmentMain.class.getName(), String.valueOf(wsPort)));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("http_proxy", httpProxy);
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return out.lines().filter((l) -> l.startsWith("EVENT ")).findFirst().orElse("no event in: " + out);
	}

	@Test
	void theHttpProxyEnvironmentVariableIsReadAtVhostCreation() throws Exception {
		try (TestServer server = echoServer(); ConnectProxy proxy = ConnectProxy.relaying()) {
			assertThat(childWithHttpProxy("http://u:p@127.0.0.1:" + proxy.port() + "/", server.port()))
				.isEqualTo("EVENT established:echo");
			assertThat(proxy.requests).singleElement().asString()
				.startsWith("CONNECT 127.0.0.1:" + server.port())
				.contains("Proxy-Authorization: Basic " + basic("u:p"));
			// a value that cannot be parsed is ignored (with a warning): the connection goes direct
			assertThat(childWithHttpProxy("not a proxy", server.port())).isEqualTo("EVENT established:echo");
			assertThat(proxy.requests).hasSize(1);
		}
	}

}
