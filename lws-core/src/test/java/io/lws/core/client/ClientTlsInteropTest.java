package io.lws.core.client;

import static io.lws.core.client.ClientHarness.loopback;
import static io.lws.core.client.ClientHarness.wss;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.ClientConnectInfo;
import io.lws.core.WriteProtocol;
import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.Peers;
import io.lws.core.support.TestServer;
import io.lws.core.support.Tls;
import io.lws.core.tls.ClientSslInfo;

/**
 * Our client over TLS against servers: HTTPS from our TLS server (also reached by a redirect from plain HTTP), and
 * wss to Debian's {@code libwebsockets-test-server --ssl}, the C library we re-implement.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientTlsInteropTest {

	private static final String LWS_TEST_SERVER = "/usr/bin/libwebsockets-test-server";

	private static ClientSslInfo trusting(Tls.Material m) {
		return ClientSslInfo.builder().caFilepath(m.certFile().toString()).build();
	}

	@Test
	void httpsGetFromOurTlsServerAndARedirectFromHttpToHttps(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("index.html"), "<p>over TLS</p>");
		Mount files = Mount.builder("/", MountOrigin.FILE, dir.toString()).build();
		try (TestServer tls = TestServer.startTls((v) -> v.mounts(files));
				ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(tls.tls())))) {
			client.connect(ClientConnectInfo.forUri("https://127.0.0.1:" + tls.port() + "/index.html").build());
			assertThat(client.rec.next()).isEqualTo("http:200");
			assertThat(client.rec.next()).isEqualTo("completed:<p>over TLS</p>");

			Mount toTls = Mount.builder("/old", MountOrigin.REDIR_HTTPS, "127.0.0.1:" + tls.port() + "/index.html")
				.build();
			try (TestServer plain = TestServer.start((v) -> v.mounts(toTls))) {
				client.connect(ClientConnectInfo.forUri("http://127.0.0.1:" + plain.port() + "/old").build());
				assertThat(client.rec.await("redirect:"))
					.isEqualTo("redirect:https://127.0.0.1:" + tls.port() + "/index.html");
				assertThat(client.rec.await("http:")).isEqualTo("http:200");
				assertThat(client.rec.next()).isEqualTo("completed:<p>over TLS</p>");
			}
		}
	}

	/** Starts {@code libwebsockets-test-server --ssl} with {@code m} on a free port; returns the port. */
	private static int startLwsTestServer(Tls.Material m, List<Process> started) throws Exception {
		int port;
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = s.getLocalPort();
		}
		Process p = new ProcessBuilder(LWS_TEST_SERVER, "--port=" + port, "-s", "-C", m.certFile().toString(), "-K",
				m.keyFile().toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		started.add(p);
		long end = System.currentTimeMillis() + 10_000;
		while (true) {
			try (Socket probe = new Socket()) {
				probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
				return port;
			}
			catch (IOException ex) {
				if (System.currentTimeMillis() > end || !p.isAlive()) {
					throw new AssertionError("libwebsockets-test-server did not start on port " + port, ex);
				}
				Thread.sleep(50);
			}
		}
	}

	@Test
	void wssToLibwebsocketsTestServer() throws Exception {
		Peers.requireExecutable(LWS_TEST_SERVER);
		// the package's own 1024-bit key is refused by OpenSSL 3: give it a generated one
		Tls.Material m = Tls.write(loopback().keyType("RSA").generate(), "lws-test-server");
		List<Process> started = new java.util.ArrayList<>();
		try (ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(m)))) {
			int port = startLwsTestServer(m, started);

			client.connect(wss(port, ClientConnectInfo.USE_SSL).protocol("dumb-increment-protocol").build());
			assertThat(client.rec.next()).isEqualTo("established:echo");
			int first = Integer.parseInt(client.rec.next().substring("receive:".length()));
			assertThat(client.rec.next()).isEqualTo("receive:" + (first + 1));
			assertThat(client.rec.next()).isEqualTo("receive:" + (first + 2));

			ClientHarness mirror = client;
			mirror.rec.events.clear();
			mirror.rec.onEstablished = (wsi) -> wsi.write("hello mirror", WriteProtocol.TEXT);
			mirror.connect(wss(port, ClientConnectInfo.USE_SSL).protocol("lws-mirror-protocol")
				.clientExtensions(List.of(PerMessageDeflate.create()))
				.build());
			// Debian's test server is built without extensions: it declines the offer, and the connection goes on
			// without one
			assertThat(mirror.rec.await("established:")).isEqualTo("established:echo");
			assertThat(mirror.rec.await("receive:hello")).isEqualTo("receive:hello mirror");
		}
		finally {
			for (Process p : started) {
				p.destroy();
				if (!p.waitFor(5, TimeUnit.SECONDS)) {
					p.destroyForcibly();
				}
			}
		}
	}

}
