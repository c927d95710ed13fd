package io.lws.spring.boot.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;

import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.EchoProtocol;
import io.lws.spring.boot.autoconfigure.WsClient;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LwsMetricsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LwsAutoConfiguration.class, LwsMetricsAutoConfiguration.class))
		.withUserConfiguration(EchoProtocol.class)
		.withPropertyValues("lws.vhosts.default.port=0");

	@Test
	void noMetricsWithoutARegistry() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(MicrometerMetricsRecorder.class));
	}

	@Test
	void backsOffForAUserRecorder() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("myRecorder", io.lws.core.metrics.MetricsRecorder.class,
					() -> io.lws.core.metrics.MetricsRecorder.NONE)
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerMetricsRecorder.class)
				.hasBean("myRecorder"));
	}

	@Test
	void metersMoveWithTraffic() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(context.getBean(LwsServer.class).context().info().metricsRecorder())
				.isSameAs(context.getBean(MicrometerMetricsRecorder.class));
			int port = context.getBean(LwsServer.class).port();
			assertThat(registry.get(LwsMeterNames.HEADER_POOL_MAX).gauge().value()).isEqualTo(32);
			try (WsClient client = new WsClient(port, "echo")) {
				assertThat(client.echo("one")).isEqualTo("one");
				assertThat(client.echo("two")).isEqualTo("two");
				assertThat(registry.get(LwsMeterNames.CONNECTIONS_ACTIVE).tag("vhost", "default").gauge().value())
					.isEqualTo(1);
			}
			awaitCount(registry, LwsMeterNames.CONNECTIONS_CLOSED, 1);
			assertThat(registry.get(LwsMeterNames.CONNECTIONS_OPENED).tag("vhost", "default").counter().count())
				.isEqualTo(1);
			assertThat(registry.get(LwsMeterNames.CONNECTIONS_DURATION).tag("vhost", "default").timer().count())
				.isEqualTo(1);
			assertThat(registry.get(LwsMeterNames.MESSAGES_RECEIVED).tag("protocol", "echo").functionCounter().count())
				.isEqualTo(2);
			assertThat(registry.get(LwsMeterNames.MESSAGES_SENT).tag("protocol", "echo").functionCounter().count())
				.isEqualTo(2);
			assertThat(registry.get(LwsMeterNames.BYTES_RECEIVED).functionCounter().count()).isPositive();
			assertThat(registry.get(LwsMeterNames.BYTES_SENT).functionCounter().count()).isPositive();
			assertThat(registry.get(LwsMeterNames.HANDSHAKES).tag("vhost", "default").counter().count()).isEqualTo(1);
			assertThat(registry.get(LwsMeterNames.CLOSES).tag("protocol", "echo").counter().count()).isEqualTo(1);
			assertThat(registry.get(LwsMeterNames.SERVICE_THREADS).gauge().value()).isEqualTo(1);
			assertThat(registry.get(LwsMeterNames.SERVICE_THREADS_ALIVE).gauge().value()).isEqualTo(1);
			assertThat(registry.get(LwsMeterNames.CONNECTIONS_ACTIVE).tag("vhost", "default").gauge().value())
				.isZero();
		});
	}

	@Test
	void httpResponsesAreCountedByVhostAndStatus() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerMetricsRecorder recorder = new MicrometerMetricsRecorder(registry);
		recorder.httpResponse("a", 200);
		recorder.httpResponse("a", 200);
		recorder.httpResponse("a", 404);
		recorder.httpResponse("b", 200);
		recorder.httpResponse("a", 99);
		recorder.httpResponse("a", 600);
		assertThat(count(registry, "a", "200")).isEqualTo(2);
		assertThat(count(registry, "a", "404")).isEqualTo(1);
		assertThat(count(registry, "b", "200")).isEqualTo(1);
		assertThat(count(registry, "a", "other")).isEqualTo(2);
	}

	private static double count(MeterRegistry registry, String vhost, String status) {
		return registry.get(LwsMeterNames.HTTP_RESPONSES).tag("vhost", vhost).tag("status", status).counter().count();
	}

	@Test
	void closeCodesAreBucketed() {
		assertThat(CloseCodeTag.of(1001)).isEqualTo("1001");
		assertThat(CloseCodeTag.of(3123)).isEqualTo("3xxx");
		assertThat(CloseCodeTag.of(4999)).isEqualTo("4xxx");
		assertThat(CloseCodeTag.of(1016)).isEqualTo("invalid");
		assertThat(CloseCodeTag.of(65535)).isEqualTo("invalid");
	}

	private static void awaitCount(MeterRegistry registry, String name, double count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			var counter = registry.find(name).counter();
			if (counter != null && counter.count() >= count) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError(name + " did not reach " + count);
	}

}
