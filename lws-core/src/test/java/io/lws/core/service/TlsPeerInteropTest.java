package io.lws.core.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.Peers;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The TLS server against clients no one here wrote: curl, openssl s_client and python3-websockets over wss. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsPeerInteropTest {

	static final String OPENSSL = "/usr/bin/openssl";

	@Test
	void curlFetchesFilesOverHttpsVerifyingTheCertificate(@TempDir Path dir) throws Exception {
		Peers.requireExecutable("/usr/bin/curl");
		Files.writeString(dir.resolve("index.html"), "<p>curl over tls</p>");
		Files.write(dir.resolve("big.bin"), new byte[3 * 1024 * 1024 + 5]);
		Mount m = Mount.builder("/", MountOrigin.FILE, dir.toString()).build();
		try (TestServer s = TestServer.startTls((v) -> v.mounts(m))) {
			String base = "https://localhost:" + s.port();
			String ca = s.tls().certFile().toString();
			Peers.Result r = Peers.run(List.of("/usr/bin/curl", "-sS", "-i", "--cacert", ca, base + "/", base
					+ "/index.html"), 30);
			assertThat(r.exitCode()).as(r.output()).isZero();
			assertThat(r.output()).contains("HTTP/1.1 200 OK").contains("<p>curl over tls</p>");
			assertThat(r.output().split("HTTP/1.1 200 OK", -1)).hasSize(3);
			for (String version : List.of("--tlsv1.2", "--tlsv1.3")) {
				r = Peers.run(List.of("/usr/bin/curl", "-sS", "--cacert", ca, version, "--tls-max",
						version.substring(6), "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{http_version}",
						base + "/big.bin"), 30);
				assertThat(r.output()).as(version).isEqualTo("200 3145733 1.1");
			}
			// without the CA, curl refuses the self-signed certificate
			r = Peers.run(List.of("/usr/bin/curl", "-sS", "-o", "/dev/null", base + "/"), 30);
			assertThat(r.exitCode()).isNotZero();
		}
	}

	@Test
	void opensslSClientNegotiatesTls13AndTls12WithSniAndAlpn() throws Exception {
		Peers.requireExecutable(OPENSSL);
		try (TestServer s = TestServer.startTls((v) -> v.protocols(EchoProtocol.create(4096)))) {
			for (String version : List.of("-tls1_3", "-tls1_2")) {
				Process p = new ProcessBuilder(OPENSSL, "s_client", "-connect", "127.0.0.1:" + s.port(), "-servername",
						"localhost", "-alpn", "http/1.1", "-CAfile", s.tls().certFile().toString(), version, "-ign_eof")
					.redirectErrorStream(true)
					.start();
				p.getOutputStream().write("GET /nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				p.getOutputStream().close();
				assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
				String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				assertThat(out).as(out).contains("Verify return code: 0 (ok)")
					.contains("ALPN protocol: http/1.1")
					.contains("HTTP/1.1 404")
					.contains(version.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2");
			}
		}
	}

	@Test
	void python3WebsocketsEchoesOverWss() throws Exception {
		Peers.requirePythonWebsockets();
		try (TestServer s = TestServer.startTls((v) -> v.protocols(EchoProtocol.create(4096)))) {
			Path script = Peers.resource("interop/ws_echo_client.py");
			Peers.Result r = Peers.run(List.of(Peers.PYTHON, script.toString(), "wss://localhost:" + s.port() + "/",
					s.tls().certFile().toString()), 90);
			assertThat(r.output()).as(r.output()).contains("OK");
			assertThat(r.exitCode()).isZero();
		}
	}

}
