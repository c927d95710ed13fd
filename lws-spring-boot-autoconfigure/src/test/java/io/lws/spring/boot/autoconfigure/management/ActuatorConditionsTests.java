package io.lws.spring.boot.autoconfigure.management;

import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.actuate.LwsEndpoint;
import io.lws.spring.boot.autoconfigure.actuate.LwsEndpointAutoConfiguration;
import io.lws.spring.boot.autoconfigure.actuate.LwsHealthContributorAutoConfiguration;
import io.lws.spring.boot.autoconfigure.actuate.LwsHealthIndicator;
import io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationException;
import io.lws.spring.boot.autoconfigure.server.LwsPortInfoApplicationContextInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and back-off of the endpoint, health and management server auto-configurations.
 */
class ActuatorConditionsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LwsAutoConfiguration.class, EndpointAutoConfiguration.class,
				JacksonEndpointAutoConfiguration.class, LwsEndpointAutoConfiguration.class,
				LwsHealthContributorAutoConfiguration.class, LwsManagementAutoConfiguration.class))
		.withInitializer(new LwsPortInfoApplicationContextInitializer())
		.withPropertyValues("lws.vhosts.default.port=0", "lws.management.port=0");

	@Test
	void endpointOnlyWhenExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(LwsEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=lws")
			.run((context) -> assertThat(context).hasSingleBean(LwsEndpoint.class));
	}

	@Test
	void healthIndicatorIsUpAndCanBeSwitchedOff() {
		this.runner.run((context) -> assertThat(context.getBean(LwsHealthIndicator.class).health().getStatus())
			.isEqualTo(Status.UP));
		this.runner.withPropertyValues("management.health.lws.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LwsHealthIndicator.class));
	}

	@Test
	void healthIsDownOnceTheServerStopped() {
		this.runner.run((context) -> {
			context.getBean(io.lws.spring.boot.autoconfigure.server.LwsServer.class).stop();
			assertThat(context.getBean(LwsHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void managementServerStartsInANonWebApplication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LwsManagementServer.class);
			assertThat(context.getBean(LwsManagementServer.class).isRunning()).isTrue();
			assertThat(context.getEnvironment().getProperty("local.lws.management.port", Integer.class)).isPositive();
		});
	}

	@Test
	void managementServerStepsAsideInAServletWebApplication() {
		// Spring MVC or WebFlux serve the actuator endpoints there already; lws itself still runs
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LwsAutoConfiguration.class, EndpointAutoConfiguration.class,
					JacksonEndpointAutoConfiguration.class, LwsManagementAutoConfiguration.class))
			.withInitializer(new LwsPortInfoApplicationContextInitializer())
			.withPropertyValues("lws.vhosts.default.port=0", "lws.management.port=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(LwsManagementServer.class);
				assertThat(context).hasSingleBean(io.lws.spring.boot.autoconfigure.server.LwsServer.class);
			});
	}

	@Test
	void managementServerCanBeSwitchedOff() {
		this.runner.withPropertyValues("lws.management.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LwsManagementServer.class));
		this.runner.withPropertyValues("lws.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LwsManagementServer.class));
	}

	@Test
	void managementServerPortPrefersManagementServerPort() throws Exception {
		int port = io.lws.spring.boot.autoconfigure.LwsAutoConfigurationTests.freePort();
		this.runner.withPropertyValues("management.server.port=" + port)
			.run((context) -> assertThat(context.getBean(LwsManagementServer.class).server().port()).isEqualTo(port));
	}

	@Test
	void managementPortMustDifferFromTheVhostPorts() {
		this.runner.withPropertyValues("lws.vhosts.default.port=7999", "lws.management.port=7999")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidLwsConfigurationException.class)
				.hasMessage("lws.management.port: port 7999 is also the port of vhost 'default'"));
	}

}
