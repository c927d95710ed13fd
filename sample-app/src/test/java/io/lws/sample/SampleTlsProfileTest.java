package io.lws.sample;

import java.util.concurrent.TimeUnit;

import io.lws.core.support.HttpResponse;
import io.lws.core.support.RawClient;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --spring.profiles.active=tls}: https and wss with a certificate generated at start-up, http redirected. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleTlsProfileTest {

	@Test
	void tlsProfileServesHttpsWithAGeneratedCertificateAndRedirectsPlainHttp() throws Exception {
		SpringApplication app = new SpringApplication(SampleApplication.class);
		app.setAdditionalProfiles("tls");
		try (ConfigurableApplicationContext ctx = app.run("--lws.vhosts.default.port=0",
				"--lws.vhosts.default.iface=127.0.0.1", "--lws.management.port=0")) {
			int port = ctx.getBean(LwsServer.class).port();
			String cert = ctx.getEnvironment().getProperty("lws.vhosts.default.ssl.certificate");
			assertThat(cert).endsWith("localhost-cert.pem");
			javax.net.ssl.SSLContext trust = io.lws.core.support.Tls.clientContext(
					io.lws.core.tls.PemFiles.certificates(java.nio.file.Path.of(cert)), null);
			try (RawClient c = new RawClient(io.lws.core.support.Tls.connect(trust, port, "localhost", null))) {
				c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
				HttpResponse r = c.readResponse();
				assertThat(r.status()).isEqualTo(200);
				assertThat(r.bodyText()).contains("<html");
			}
			try (RawClient c = new RawClient(port)) {
				c.send("GET /test.html HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n");
				HttpResponse r = c.readResponse();
				assertThat(r.status()).isEqualTo(301);
				assertThat(r.header("location")).isEqualTo("https://localhost:" + port + "/test.html");
			}
		}
	}

}
