package io.lws.spring.boot.autoconfigure;

import java.util.List;

import io.lws.core.LwsContext;
import io.lws.core.metrics.MetricsRecorder;
import io.lws.spring.boot.autoconfigure.config.LwsServerDefinitionFactory;
import io.lws.spring.boot.autoconfigure.protocol.LwsProtocolRegistry;
import io.lws.spring.boot.autoconfigure.server.LwsGracefulShutdownLifecycle;
import io.lws.spring.boot.autoconfigure.server.LwsServer;
import io.lws.spring.boot.autoconfigure.server.LwsServerLifecycle;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for an lws server: libwebsockets' context and vhosts
 * ({@code lws_create_context}, {@code lws_create_vhost}) built from {@code lws.*}, served by the application's
 * {@link LwsProtocol @LwsProtocol} beans, started once the application context is refreshed and shut down
 * gracefully with it. {@code lws.enabled=false} switches it off.
 */
@AutoConfiguration
@ConditionalOnClass(LwsContext.class)
@ConditionalOnBooleanProperty(name = "lws.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LwsProperties.class)
public final class LwsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LwsProtocolRegistry lwsProtocolRegistry(ListableBeanFactory beanFactory) {
		return new LwsProtocolRegistry(beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	LwsServer lwsServer(LwsProperties properties, LwsProtocolRegistry protocols,
			ObjectProvider<LwsContextCustomizer> contextCustomizers,
			ObjectProvider<LwsVhostCustomizer> vhostCustomizers, ObjectProvider<MetricsRecorder> metricsRecorder,
			ObjectProvider<SslBundles> sslBundles, ResourceLoader resourceLoader) {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		SslBundles bundles = sslBundles.getIfAvailable();
		LwsServerDefinitionFactory checker = new LwsServerDefinitionFactory(properties, protocols, List.of(),
				List.of(), MetricsRecorder.NONE, classLoader, bundles);
		checker.validateProperties();
		LwsServer server = new LwsServer("lws",
				() -> new LwsServerDefinitionFactory(properties, protocols, contextCustomizers.orderedStream().toList(),
						vhostCustomizers.orderedStream().toList(),
						metricsRecorder.getIfUnique(() -> MetricsRecorder.NONE), classLoader, bundles)
					.create());
		checker.watchSslBundles(server::context);
		return server;
	}

	@Bean
	@ConditionalOnMissingBean
	LwsServerLifecycle lwsServerLifecycle(LwsServer lwsServer, ApplicationEventPublisher publisher) {
		return new LwsServerLifecycle(lwsServer, publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "lws.shutdown", havingValue = "graceful", matchIfMissing = true)
	LwsGracefulShutdownLifecycle lwsGracefulShutdownLifecycle(LwsServer lwsServer) {
		return new LwsGracefulShutdownLifecycle(lwsServer);
	}

}
