package io.lws.spring.boot.autoconfigure;

import java.util.concurrent.TimeUnit;

import io.lws.spring.boot.autoconfigure.server.LwsServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application delivers close 1001 to open WebSockets and finishes well inside the shutdown phase
 * timeout, because the close handshakes complete instead of running the phase out.
 */
class GracefulShutdownTests {

	@Test
	void openWebSocketsGetGoingAwayAndShutdownIsQuick() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("lws.vhosts.default.port=0", "lws.management.enabled=false",
					"spring.lifecycle.timeout-per-shutdown-phase=30s")
			.run();
		int port = context.getEnvironment().getProperty("local.lws.port", Integer.class);
		LwsServer server = context.getBean(LwsServer.class);
		try (WsClient first = new WsClient(port, "echo"); WsClient second = new WsClient(port, "echo")) {
			assertThat(first.echo("a")).isEqualTo("a");
			assertThat(second.echo("b")).isEqualTo("b");
			long start = System.nanoTime();
			context.close();
			long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertThat(first.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
			assertThat(second.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
			assertThat(tookMs).isLessThan(10_000);
			assertThat(server.isRunning()).isFalse();
		}
		finally {
			context.close();
		}
	}

	@Test
	void immediateShutdownAlsoSaysGoingAway() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("lws.vhosts.default.port=0", "lws.management.enabled=false", "lws.shutdown=immediate")
			.run();
		int port = context.getEnvironment().getProperty("local.lws.port", Integer.class);
		try (WsClient client = new WsClient(port, "echo")) {
			context.close();
			assertThat(client.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
		}
		finally {
			context.close();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EchoProtocol.class)
	static class App {

	}

}
