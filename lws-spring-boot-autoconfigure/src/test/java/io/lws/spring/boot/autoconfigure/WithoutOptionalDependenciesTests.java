package io.lws.spring.boot.autoconfigure;

import io.lws.spring.boot.autoconfigure.actuate.LwsEndpointAutoConfiguration;
import io.lws.spring.boot.autoconfigure.actuate.LwsHealthContributorAutoConfiguration;
import io.lws.spring.boot.autoconfigure.management.LwsManagementAutoConfiguration;
import io.lws.spring.boot.autoconfigure.metrics.LwsMetricsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter without Micrometer, actuator or health on the class path: the server still starts and serves.
 */
class WithoutOptionalDependenciesTests {

	@Test
	void startsWithoutMicrometerActuatorOrHealth() {
		new ApplicationContextRunner()
			.withClassLoader(new FilteredClassLoader("io.micrometer", "org.springframework.boot.actuate",
					"org.springframework.boot.health", "tools.jackson"))
			.withConfiguration(AutoConfigurations.of(LwsAutoConfiguration.class, LwsMetricsAutoConfiguration.class,
					LwsEndpointAutoConfiguration.class, LwsHealthContributorAutoConfiguration.class,
					LwsManagementAutoConfiguration.class))
			.withUserConfiguration(EchoProtocol.class)
			.withPropertyValues("lws.vhosts.default.port=0")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(LwsServer.class);
				assertThat(context).doesNotHaveBean("lwsMetricsRecorder")
					.doesNotHaveBean("lwsEndpoint")
					.doesNotHaveBean("lwsHealthIndicator")
					.doesNotHaveBean("lwsManagementServer");
				int port = context.getBean(LwsServer.class).port();
				try (WsClient client = new WsClient(port, "echo")) {
					assertThat(client.echo("still works")).isEqualTo("still works");
				}
			});
	}

}
