package io.lws.spring.boot.autoconfigure.server;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A {@code @SpringBootTest} of an application served by lws gets a {@link WebTestClient} bound to the lws server by
 * {@code @AutoConfigureWebTestClient}, as one served by Netty or Tomcat would. The test sets
 * {@code spring.main.web-application-type=none}, as an application served by lws alone does: with spring-web on the
 * class path Boot's test support would otherwise run it in a mock web context, where lws' management server steps
 * aside.
 */
@SpringBootTest(classes = LwsWebTestClientTests.App.class,
		properties = { "spring.main.web-application-type=none", "lws.vhosts.default.port=0",
				"lws.vhosts.default.mounts[0].mountpoint=/", "lws.vhosts.default.mounts[0].origin=classpath:/www/" })
@AutoConfigureWebTestClient
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LwsWebTestClientTests {

	@Autowired
	WebTestClient client;

	@Test
	void relativeUrisReachTheLwsServer() {
		this.client.get()
			.uri("/page.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.isEqualTo("<p>page</p>\n");
		this.client.get().uri("/missing.html").exchange().expectStatus().isNotFound();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
