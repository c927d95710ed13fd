package io.lws.spring.boot.autoconfigure.server;

import java.util.HashMap;
import java.util.Map;

import io.lws.core.LwsContext;
import io.lws.core.LwsVhost;
import io.lws.spring.boot.autoconfigure.LwsServerInitializedEvent;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Publishes the ports lws servers actually listen on ({@code lws_get_vhost_listen_port}) as properties, for tests
 * that ask for port 0: {@code local.lws.port} (the first vhost), {@code local.lws.<vhost>.port} for every vhost, and
 * {@code local.lws.management.port} for the management server. They go into the {@code server.ports} property source,
 * like Boot's {@code local.server.port}. Registered in {@code META-INF/spring.factories}.
 */
public class LwsPortInfoApplicationContextInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String PROPERTY_SOURCE_NAME = "server.ports";

	/** Listens for {@link LwsServerInitializedEvent} on {@code applicationContext}. */
	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		applicationContext.addApplicationListener(new Listener(applicationContext));
	}

	private static final class Listener implements ApplicationListener<LwsServerInitializedEvent> {

		private final ConfigurableApplicationContext applicationContext;

		Listener(ConfigurableApplicationContext applicationContext) {
			this.applicationContext = applicationContext;
		}

		@Override
		public void onApplicationEvent(LwsServerInitializedEvent event) {
			LwsServer server = event.getServer();
			LwsContext context = server.context();
			if (context == null) {
				return;
			}
			Map<String, Object> ports = new HashMap<>();
			if ("management".equals(server.name())) {
				ports.put("local.lws.management.port", server.port());
			}
			else {
				ports.put("local.lws.port", server.port());
				for (LwsVhost vhost : context.vhosts()) {
					if (vhost.listenPort() > 0) {
						ports.put("local.lws." + vhost.name() + ".port", vhost.listenPort());
					}
				}
			}
			ApplicationContext target = this.applicationContext;
			while (target instanceof ConfigurableApplicationContext configurable) {
				publish(configurable.getEnvironment(), ports);
				target = target.getParent();
			}
		}

		@SuppressWarnings("unchecked")
		private static void publish(ConfigurableEnvironment environment, Map<String, Object> ports) {
			MutablePropertySources sources = environment.getPropertySources();
			PropertySource<?> source = sources.get(PROPERTY_SOURCE_NAME);
			if (source == null) {
				source = new MapPropertySource(PROPERTY_SOURCE_NAME, new HashMap<>());
				sources.addFirst(source);
			}
			((Map<String, Object>) source.getSource()).putAll(ports);
		}

	}

}
