package io.lws.spring.boot.autoconfigure.server;

import io.lws.spring.boot.autoconfigure.LwsProperties;
import io.lws.spring.boot.autoconfigure.config.LwsServerDefinitionFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.boot.test.http.server.LocalTestWebServer.BaseUriDetails;
import org.springframework.boot.test.http.server.LocalTestWebServer.Scheme;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Tells Spring Boot's test HTTP clients where the lws server listens, as Boot's own providers do for a servlet or
 * reactive web server: with it, {@code @AutoConfigureTestRestTemplate}'s {@code TestRestTemplate} (and any client
 * that asks {@link LocalTestWebServer}) sends relative URIs to the server of a {@code @SpringBootTest}. No
 * libwebsockets counterpart. Registered in {@code META-INF/spring.factories}; only loaded when {@code
 * spring-boot-test} is on the class path.
 * <p>
 * It answers for applications whose web server is lws. An application that also runs a servlet or reactive web
 * server is left to Boot's provider. The port is {@code lws_get_vhost_listen_port} of the first vhost that listens
 * on TCP ({@link LwsServer#port()}), read at each request, so {@code lws.vhosts.<name>.port=0} works. The scheme is
 * decided when the client is built, before the server starts, from that vhost's properties: https when it has a
 * certificate, a key store or an SSL bundle.
 */
final class LwsLocalTestWebServerProvider implements LocalTestWebServer.Provider {

	private static final String WEB_SERVER_CONTEXT =
			"org.springframework.boot.web.server.context.WebServerApplicationContext";

	private final ApplicationContext context;

	LwsLocalTestWebServerProvider(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public @Nullable LocalTestWebServer getLocalTestWebServer() {
		if (hasWebServer(this.context)) {
			return null;
		}
		LwsServer server = this.context.getBeanProvider(LwsServer.class).getIfUnique();
		if (server == null) {
			return null;
		}
		LwsProperties properties = this.context.getBeanProvider(LwsProperties.class).getIfUnique();
		boolean tls = properties != null && LwsServerDefinitionFactory.firstTcpListenerServesTls(properties);
		return LocalTestWebServer.of(tls ? Scheme.HTTPS : Scheme.HTTP, () -> new BaseUriDetails(port(server), ""));
	}

	private static int port(LwsServer server) {
		int port = server.port();
		if (port <= 0) {
			throw new IllegalStateException("The lws server is not listening on a TCP port (running: "
					+ server.isRunning() + "), so a test client has no URI to send to");
		}
		return port;
	}

	private static boolean hasWebServer(ApplicationContext context) {
		ClassLoader classLoader = context.getClassLoader();
		if (!ClassUtils.isPresent(WEB_SERVER_CONTEXT, classLoader)) {
			return false;
		}
		return ClassUtils.resolveClassName(WEB_SERVER_CONTEXT, classLoader).isInstance(context);
	}

}
