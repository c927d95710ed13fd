package io.lws.spring.boot.autoconfigure.management;

import java.util.List;
import java.util.Map;

import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.LwsProperties;
import io.lws.spring.boot.autoconfigure.config.InvalidLwsConfigurationException;
import io.lws.spring.boot.autoconfigure.config.LwsServerDefinitionFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.IncludeExcludeEndpointFilter;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.OperationFilter;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.ParameterValueMapper;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMapper;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the lws management server: actuator's exposed web
 * endpoints (health, metrics, lws, info, ...) served from lws itself, for applications that have no servlet or
 * reactive web server (Boot's own web endpoint support needs one). Listens on {@code management.server.port} when
 * set, else {@code lws.management.port}; the base path is {@code management.endpoints.web.base-path}. Switched off
 * by {@code lws.management.enabled=false}, and steps aside in web applications.
 */
@AutoConfiguration(after = { LwsAutoConfiguration.class, EndpointAutoConfiguration.class },
		afterName = {
					"org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
				"org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration" })
@ConditionalOnClass({ WebEndpointDiscoverer.class, WebEndpointProperties.class, JsonMapper.class })
@ConditionalOnNotWebApplication
@ConditionalOnBooleanProperty(name = "lws.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "lws.management.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ LwsProperties.class, WebEndpointProperties.class })
public final class LwsManagementAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(WebEndpointsSupplier.class)
	WebEndpointDiscoverer lwsWebEndpointDiscoverer(ApplicationContext applicationContext,
			ParameterValueMapper parameterValueMapper, WebEndpointProperties properties,
			ObjectProvider<OperationInvokerAdvisor> invokerAdvisors, EndpointAccessResolver accessResolver) {
		Map<String, String> pathMapping = properties.getPathMapping();
		PathMapper pathMapper = (endpointId) -> pathMapping.get(endpointId.toString());
		IncludeExcludeEndpointFilter<ExposableWebEndpoint> exposure = new IncludeExcludeEndpointFilter<>(
				ExposableWebEndpoint.class, properties.getExposure().getInclude(),
				properties.getExposure().getExclude(), EndpointExposure.WEB.getDefaultIncludes());
		OperationFilter<WebOperation> access = OperationFilter.byAccess(accessResolver);
		return new WebEndpointDiscoverer(applicationContext, parameterValueMapper, EndpointMediaTypes.DEFAULT,
				List.of(pathMapper), null, invokerAdvisors.orderedStream().toList(),
				List.of(exposure), List.of(access));
	}

	@Bean
	@ConditionalOnMissingBean
	LwsManagementServer lwsManagementServer(LwsProperties lws, WebEndpointProperties web,
			WebEndpointsSupplier endpoints, ObjectProvider<EndpointJsonMapper> endpointJsonMapper,
			Environment environment, ApplicationContext applicationContext) {
		int port = port(lws, environment);
		JsonMapper json = endpointJsonMapper.getIfAvailable(() -> () -> JsonMapper.builder().build()).get();
		EndpointDispatcher dispatcher = new EndpointDispatcher(endpoints, web.getBasePath(), json);
		String server = lws.getServerString();
		return new LwsManagementServer(dispatcher, port, lws.getManagement().getIface(),
				(server == null || server.isEmpty()) ? null : server, applicationContext);
	}

	private static int port(LwsProperties lws, Environment environment) {
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		String key = (managementPort != null) ? "management.server.port" : "lws.management.port";
		int port = (managementPort != null) ? managementPort : lws.getManagement().getPort();
		if (port < 0 || port > 65535) {
			throw new InvalidLwsConfigurationException(key, "must be 0 (any free port) or 1-65535, not " + port,
					"Fix the management port.");
		}
		if (port > 0) {
			LwsServerDefinitionFactory.vhosts(lws).forEach((name, vhost) -> {
				if (vhost.getPort() == port && vhost.getUnixSocket() == null) {
					throw new InvalidLwsConfigurationException(key, "port " + port + " is also the port of vhost '"
							+ name + "'", "Give the management server a port of its own.");
				}
			});
		}
		return port;
	}

}
