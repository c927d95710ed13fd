package io.lws.spring.boot.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.lws.core.tls.CertificateGenerator;
import io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationException;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lws.vhosts.<name>.ssl.*}: PEM files, key stores and Spring Boot SSL bundles, reloaded on change. */
class LwsSslTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LwsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("lws.vhosts.default.port=0", "lws.vhosts.default.iface=127.0.0.1");

	static CertificateGenerator.Issued write(Path dir) throws IOException {
		CertificateGenerator.Issued issued = CertificateGenerator.localhost();
		issued.writePem(dir.resolve("cert.pem"), dir.resolve("key.pem"));
		return issued;
	}

	/** Connects trusting nothing but the certificate the server presents, and returns it with the status line. */
	static X509Certificate served(int port) throws Exception {
		SSLContext ctx = SSLContext.getInstance("TLS");
		X509Certificate[] seen = new X509Certificate[1];
		ctx.init(null, new javax.net.ssl.TrustManager[] { new javax.net.ssl.X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
				seen[0] = chain[0];
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		} }, null);
		Socket plain = new Socket();
		plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, "localhost", port, true)) {
			s.setSoTimeout(5000);
			s.startHandshake();
			s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] head = new byte[12];
			int n = s.getInputStream().readNBytes(head, 0, 12);
			assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 404");
		}
		return seen[0];
	}

	static int port(org.springframework.context.ApplicationContext ctx) {
		return ctx.getBean(LwsServer.class).port();
	}

	@Test
	void pemFilesServeTls(@TempDir Path dir) throws Exception {
		CertificateGenerator.Issued issued = write(dir);
		this.runner
			.withPropertyValues("lws.vhosts.default.ssl.certificate=" + dir.resolve("cert.pem"),
					"lws.vhosts.default.ssl.private-key=" + dir.resolve("key.pem"),
					"lws.vhosts.default.ssl.cipher-list=ECDHE+AESGCM:!aNULL",
					"lws.vhosts.default.ssl.ecdh-curve=prime256v1")
			.run((ctx) -> {
				assertThat(ctx).hasNotFailed();
				assertThat(served(port(ctx))).isEqualTo(issued.certificate());
			});
	}

	@Test
	void aPlainVhostOnATlsVhostsPortFailsNamingIt(@TempDir Path dir) throws Exception {
		write(dir);
		this.runner
			.withPropertyValues("lws.vhosts.default.port=7998",
					"lws.vhosts.default.ssl.certificate=" + dir.resolve("cert.pem"),
					"lws.vhosts.default.ssl.private-key=" + dir.resolve("key.pem"), "lws.vhosts.other.port=7998",
					"lws.vhosts.other.iface=127.0.0.1")
			.run((ctx) -> assertThat(ctx.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessage("lws.vhosts.other.port: vhost 'other' is plain but shares port 7998 with TLS vhost "
						+ "'default'"));
	}

	@Test
	void keyStoreServesTls(@TempDir Path dir) throws Exception {
		CertificateGenerator.Issued issued = CertificateGenerator.localhost();
		KeyStore ks = issued.keyStore("web", "secret".toCharArray());
		try (var out = java.nio.file.Files.newOutputStream(dir.resolve("ks.p12"))) {
			ks.store(out, "secret".toCharArray());
		}
		this.runner
			.withPropertyValues("lws.vhosts.default.ssl.key-store=" + dir.resolve("ks.p12"),
					"lws.vhosts.default.ssl.key-store-password=secret", "lws.vhosts.default.ssl.key-alias=web")
			.run((ctx) -> assertThat(served(port(ctx))).isEqualTo(issued.certificate()));
	}

	@Test
	void sslBundleServesTlsAndReloadsWhenItsFilesChange(@TempDir Path dir) throws Exception {
		CertificateGenerator.Issued first = write(dir);
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.web.keystore.certificate=" + dir.resolve("cert.pem"),
					"spring.ssl.bundle.pem.web.keystore.private-key=" + dir.resolve("key.pem"),
					"spring.ssl.bundle.pem.web.reload-on-update=true",
					"spring.ssl.bundle.watch.file.quiet-period=100ms", "lws.vhosts.default.ssl.bundle=web")
			.run((ctx) -> {
				assertThat(ctx).hasNotFailed();
				int port = port(ctx);
				assertThat(served(port)).isEqualTo(first.certificate());
				CertificateGenerator.Issued second = write(dir);
				long end = System.currentTimeMillis() + 15000;
				X509Certificate now = served(port);
				while (!now.equals(second.certificate()) && System.currentTimeMillis() < end) {
					Thread.sleep(200);
					now = served(port);
				}
				assertThat(now).isEqualTo(second.certificate());
			});
	}

	@Test
	void badTlsSettingsNameTheProperty(@TempDir Path dir) throws Exception {
		write(dir);
		this.runner.withPropertyValues("lws.vhosts.default.ssl.bundle=nope").run((ctx) -> {
			assertThat(ctx).hasFailed();
			assertThat(ctx.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessageContaining("lws.vhosts.default.ssl.bundle")
				.hasMessageContaining("'nope'");
		});
		this.runner
			.withPropertyValues("lws.vhosts.default.ssl.certificate=" + dir.resolve("cert.pem"),
					"lws.vhosts.default.ssl.private-key=" + dir.resolve("key.pem"),
					"lws.vhosts.default.ssl.cipher-list=NOT-A-CIPHER")
			.run((ctx) -> assertThat(ctx.getStartupFailure()).rootCause()
				.hasMessageContaining("lws.vhosts.default.ssl")
				.hasMessageContaining("NOT-A-CIPHER"));
		this.runner.withPropertyValues("lws.vhosts.default.ssl.certificate=" + dir.resolve("missing.pem"))
			.run((ctx) -> assertThat(ctx.getStartupFailure()).rootCause()
				.hasMessageContaining("lws.vhosts.default.ssl.certificate"));
	}

}
