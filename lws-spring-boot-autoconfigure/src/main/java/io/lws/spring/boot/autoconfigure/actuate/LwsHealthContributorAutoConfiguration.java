package io.lws.spring.boot.autoconfigure.actuate;

import io.lws.spring.boot.autoconfigure.LwsAutoConfiguration;
import io.lws.spring.boot.autoconfigure.protocol.LwsProtocolRegistry;
import io.lws.spring.boot.autoconfigure.server.LwsServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code lws} health indicator: UP while every listen
 * socket is bound and every service thread runs. {@code management.health.lws.enabled=false} switches it off.
 */
@AutoConfiguration(after = LwsAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, LwsServer.class })
@ConditionalOnBean(LwsServer.class)
public final class LwsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnEnabledHealthIndicator("lws")
	@ConditionalOnMissingBean(name = { "lwsHealthIndicator", "lwsHealthContributor" })
	LwsHealthIndicator lwsHealthIndicator(LwsServer lwsServer, ObjectProvider<LwsProtocolRegistry> protocols) {
		return new LwsHealthIndicator(lwsServer, new LwsStateReader(lwsServer, protocols.getIfAvailable()));
	}

}
