package io.lws.sample;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test of {@link LibwebsocketsTestPageBrowserTest} again with the sample's {@code tls} profile, as
 * {@code libwebsockets-test-server --ssl -r} serves the page: over https, so the page opens its sockets with wss. The
 * certificate is the one the profile generates at start-up, which the browser is told to accept.
 */
@SpringBootTest(classes = SampleApplication.class, properties = { "lws.vhosts.default.port=0",
		"lws.management.port=0", "resource-path=" + LibwebsocketsTestPageBrowserTest.RESOURCES })
@ActiveProfiles("tls")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibwebsocketsTestPageOverTlsBrowserTest extends LibwebsocketsTestPageBrowserTest {

	@Override
	String origin() {
		return "https://127.0.0.1:" + this.port;
	}

	@Test
	void thePageIsServedOverTlsSoItsSocketsAreWss() {
		open("/");
		assertThat(script("return location.protocol;")).isEqualTo("https:");
		// test.js opens wss:// from an https:// page, and the browser would refuse a plain ws:// socket from it (mixed
		// content): a counter that runs here came over wss
		waitUntil((d) -> number("number") >= 20);
	}

}
