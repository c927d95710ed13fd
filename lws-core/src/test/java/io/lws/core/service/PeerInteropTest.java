package io.lws.core.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.Peers;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine against clients no one here wrote: Debian's curl and python3-websockets. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerInteropTest {

	@Test
	void curlFetchesFilesWithKeepAliveHttp10AndHead(@TempDir Path dir) throws Exception {
		Peers.requireExecutable("/usr/bin/curl");
		Files.writeString(dir.resolve("index.html"), "<p>curl works</p>");
		Files.write(dir.resolve("big.bin"), new byte[3 * 1024 * 1024 + 5]);
		Mount m = Mount.builder("/", MountOrigin.FILE, dir.toString()).build();
		try (TestServer s = TestServer.start((v) -> v.mounts(m))) {
			String base = "http://127.0.0.1:" + s.port();
			Peers.Result r = Peers.run(List.of("/usr/bin/curl", "-sS", "-i", base + "/", base + "/index.html"), 30);
			assertThat(r.exitCode()).as(r.output()).isZero();
			assertThat(r.output()).contains("HTTP/1.1 200 OK").contains("<p>curl works</p>");
			assertThat(r.output().split("HTTP/1.1 200 OK", -1)).hasSize(3);

			r = Peers.run(List.of("/usr/bin/curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_download}",
					"--http1.0", base + "/big.bin"), 30);
			assertThat(r.output()).isEqualTo("200 3145733");

			r = Peers.run(List.of("/usr/bin/curl", "-sS", "-I", base + "/index.html"), 30);
			assertThat(r.output()).contains("content-length: 17").contains("etag:");

			r = Peers.run(List.of("/usr/bin/curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
					"--path-as-is", base + "/../../etc/passwd"), 30);
			assertThat(r.output()).isEqualTo("404");
		}
	}

	@Test
	void python3WebsocketsExchangesTextAndBinaryOfAllSizes() throws Exception {
		Peers.requirePythonWebsockets();
		try (TestServer s = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)))) {
			Path script = Peers.resource("interop/ws_echo_client.py");
			Peers.Result r = Peers.run(
					List.of(Peers.PYTHON, script.toString(), "ws://127.0.0.1:" + s.port() + "/"), 90);
			assertThat(r.output()).as(r.output()).contains("OK");
			assertThat(r.exitCode()).isZero();
		}
	}

	@Test
	void python3WebsocketsExchangesCompressedMessagesUnderEveryOffer() throws Exception {
		Peers.requirePythonWebsockets();
		try (TestServer s = TestServer.start(
				(v) -> v.protocols(EchoProtocol.create(4096)).extensions(PerMessageDeflate.create()))) {
			Path script = Peers.resource("interop/ws_pmd_client.py");
			Peers.Result r = Peers.run(
					List.of(Peers.PYTHON, script.toString(), "ws://127.0.0.1:" + s.port() + "/"), 90);
			assertThat(r.output()).as(r.output()).contains("OK");
			assertThat(r.output()).contains("default -> permessage-deflate\n")
				.contains("no-context-takeover -> permessage-deflate; server_no_context_takeover; "
						+ "client_no_context_takeover\n")
				.contains("windows-10-9 -> permessage-deflate; server_max_window_bits=10; client_max_window_bits=9\n")
				.contains("window-8 -> permessage-deflate; server_max_window_bits=8\n");
			assertThat(r.exitCode()).isZero();
		}
	}

}
