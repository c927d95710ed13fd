package io.lws.spring.boot.autoconfigure.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.lws.core.tls.CertificateGenerator;
import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.boot.test.http.server.LocalTestWebServer.Scheme;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Spring Boot's test HTTP clients find the lws server of a test's application through {@link LocalTestWebServer},
 * the way they find a servlet or reactive web server.
 */
class LwsLocalTestWebServerProviderTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LwsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("lws.vhosts.default.port=0", "lws.vhosts.default.mounts[0].mountpoint=/",
				"lws.vhosts.default.mounts[0].origin=classpath:/www/");

	@Test
	void relativeUrisGoToTheLwsServerOnItsActualPort() {
		this.runner.run((context) -> {
			int port = context.getBean(LwsServer.class).port();
			LocalTestWebServer server = LocalTestWebServer.obtain(context);
			assertThat(server.scheme()).isEqualTo(Scheme.HTTP);
			assertThat(server.uri()).isEqualTo("http://localhost:" + port);
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(server.uri("/page.html"))).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).isEqualTo("<p>page</p>\n");
		});
	}

	@Test
	void httpsWhenTheFirstVhostThatListensHasACertificate(@TempDir Path dir) throws Exception {
		CertificateGenerator.localhost().writePem(dir.resolve("cert.pem"), dir.resolve("key.pem"));
		this.runner
			.withPropertyValues("lws.vhosts.client.port=-1", "lws.vhosts.default.port=0",
					"lws.vhosts.default.ssl.certificate=" + dir.resolve("cert.pem"),
					"lws.vhosts.default.ssl.private-key=" + dir.resolve("key.pem"))
			.run((context) -> {
				LocalTestWebServer server = LocalTestWebServer.obtain(context);
				assertThat(server.scheme()).isEqualTo(Scheme.HTTPS);
				assertThat(server.uri()).isEqualTo("https://localhost:" + context.getBean(LwsServer.class).port());
			});
	}

	@Test
	void theUriIsReadAtEachUseAndAStoppedServerHasNone() {
		this.runner.run((context) -> {
			LocalTestWebServer server = LocalTestWebServer.obtain(context);
			context.getBean(LwsServer.class).stop();
			assertThatIllegalStateException().isThrownBy(server::uri).withMessageContaining("not listening");
		});
	}

	@Test
	void noAnswerWithoutAnLwsServer() {
		this.runner.withPropertyValues("lws.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LwsServer.class);
			assertThat(LocalTestWebServer.get(context)).isNull();
		});
	}

	@Test
	void anApplicationWithItsOwnWebServerIsLeftToBootsProvider() {
		try (WebServerContext context = new WebServerContext()) {
			context.registerBean(LwsServer.class, () -> new LwsServer("lws", () -> {
				throw new IllegalStateException("not started in this test");
			}));
			context.refresh();
			assertThat(new LwsLocalTestWebServerProvider(context).getLocalTestWebServer()).isNull();
		}
	}

	/** A context with a servlet or reactive web server, as far as the provider can tell. */
	static class WebServerContext extends GenericApplicationContext implements WebServerApplicationContext {

		@Override
		public WebServer getWebServer() {
			return null;
		}

		@Override
		public String getServerNamespace() {
			return null;
		}

	}

}
