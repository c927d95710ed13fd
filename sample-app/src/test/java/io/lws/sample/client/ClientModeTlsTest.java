package io.lws.sample.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.support.TestServer;
import io.lws.sample.protocols.DumbIncrementProtocol;
import io.lws.sample.protocols.MirrorProtocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client mode over TLS ({@code wss://}, {@code https://}) against the sample's protocols and a file mount on a server
 * with a self-signed certificate: refused as untrusted by default, accepted with {@code --insecure}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientModeTlsTest {

	private static TestServer server(Path dir) {
		return TestServer.startTls((v) -> v
			.protocols(LwsProtocol.builder("http-only", new LwsProtocolHandler<Object>() {
			}).build(), LwsProtocol.builder(DumbIncrementProtocol.NAME, new DumbIncrementProtocol())
				.rxBufferSize(DumbIncrementProtocol.RX_BUFFER_SIZE)
				.build(),
					LwsProtocol.builder(MirrorProtocol.NAME, new MirrorProtocol())
						.rxBufferSize(MirrorProtocol.RX_BUFFER_SIZE)
						.build())
			.mounts(Mount.builder("/", MountOrigin.FILE, dir.toString()).build()));
	}

	@Test
	void insecureAcceptsTheSelfSignedCertificateForWssAndHttps(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("index.html"), "<p>over tls</p>");
		try (TestServer s = server(dir)) {
			ClientModeRun r = ClientModeRun.inJvm("--client", "wss://127.0.0.1:" + s.port(), "--once", "--insecure");
			assertThat(r.exitCode()).as(r.all()).isZero();
			assertThat(r.out()).contains("dumb-increment-protocol: 0\n").containsPattern(ClientModeTest.CIRCLE_LINE);

			r = ClientModeRun.inJvm("--client", "https://127.0.0.1:" + s.port() + "/index.html", "-k");
			assertThat(r.exitCode()).as(r.all()).isZero();
			assertThat(r.out()).isEqualTo("HTTP 200\n<p>over tls</p>\n");
		}
	}

	@Test
	void withoutInsecureTheSelfSignedCertificateIsAFailure(@TempDir Path dir) throws Exception {
		try (TestServer s = server(dir)) {
			ClientModeRun r = ClientModeRun.inJvm("--client", "https://127.0.0.1:" + s.port() + "/");
			assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
			assertThat(r.err()).contains("failed: TLS: ");
			assertThat(r.out()).isEmpty();
		}
	}

}
