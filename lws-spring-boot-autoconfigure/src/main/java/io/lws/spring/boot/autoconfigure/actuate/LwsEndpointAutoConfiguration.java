package io.lws.spring.boot.autoconfigure.actuate;

import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.protocol.LwsProtocolRegistry;
import io.lws.spring.boot.autoconfigure.server.LwsServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code lws} actuator endpoint: a read-only view of the
 * running context ({@code struct lws_context}). Available when exposed, e.g.
 * {@code management.endpoints.web.exposure.include=health,lws}.
 */
@AutoConfiguration(after = LwsAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, LwsServer.class })
@ConditionalOnBean(LwsServer.class)
public final class LwsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnMissingBean
	LwsEndpoint lwsEndpoint(LwsServer lwsServer, ObjectProvider<LwsProtocolRegistry> protocols) {
		return new LwsEndpoint(new LwsStateReader(lwsServer, protocols.getIfAvailable()));
	}

}
