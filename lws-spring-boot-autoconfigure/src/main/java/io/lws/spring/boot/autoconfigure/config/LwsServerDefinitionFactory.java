package io.lws.spring.boot.autoconfigure.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsProtocol;
import io.lws.core.VhostCreationInfo;
import io.lws.core.metrics.MetricsRecorder;
import io.lws.spring.boot.autoconfigure.LwsContextCustomizer;
import io.lws.spring.boot.autoconfigure.LwsProperties;
import io.lws.spring.boot.autoconfigure.LwsVhostCustomizer;
import io.lws.spring.boot.autoconfigure.protocol.LwsProtocolRegistry;
import io.lws.spring.boot.autoconfigure.protocol.ProtocolDefinition;
import io.lws.spring.boot.autoconfigure.server.ServerDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundles;

/**
 * Computes the lws server's {@link ServerDefinition} from {@code lws.*}, the protocol beans and the customizers: what
 * a libwebsockets program does by filling {@code struct lws_context_creation_info} before {@code lws_create_context}
 * and once per {@code lws_create_vhost}. Every problem is reported as an {@link InvalidLwsConfigurationException}
 * naming the key.
 */
public class LwsServerDefinitionFactory {

	/** The vhost created when {@code lws.vhosts} is empty. */
	public static final String DEFAULT_VHOST = "default";

	private final LwsProperties properties;

	private final LwsProtocolRegistry protocols;

	private final List<LwsContextCustomizer> contextCustomizers;

	private final List<LwsVhostCustomizer> vhostCustomizers;

	private final MetricsRecorder metricsRecorder;

	private final ClassLoader classLoader;

	private final @Nullable SslBundles sslBundles;

	/**
	 * A factory.
	 * @param properties the {@code lws.*} properties
	 * @param protocols the protocols the application offers
	 * @param contextCustomizers applied in order to the context info
	 * @param vhostCustomizers applied in order to each vhost info
	 * @param metricsRecorder where the engine reports measurements
	 * @param classLoader where {@code classpath:} mounts are looked up
	 */
	public LwsServerDefinitionFactory(LwsProperties properties, LwsProtocolRegistry protocols,
			List<LwsContextCustomizer> contextCustomizers, List<LwsVhostCustomizer> vhostCustomizers,
			MetricsRecorder metricsRecorder, ClassLoader classLoader) {
		this(properties, protocols, contextCustomizers, vhostCustomizers, metricsRecorder, classLoader, null);
	}

	/**
	 * A factory that can resolve {@code lws.vhosts.<name>.ssl.bundle}.
	 * @param properties the {@code lws.*} properties
	 * @param protocols the protocols the application offers
	 * @param contextCustomizers applied in order to the context info
	 * @param vhostCustomizers applied in order to each vhost info
	 * @param metricsRecorder where the engine reports measurements
	 * @param classLoader where {@code classpath:} mounts are looked up
	 * @param sslBundles the application's SSL bundles, or null
	 */
	public LwsServerDefinitionFactory(LwsProperties properties, LwsProtocolRegistry protocols,
			List<LwsContextCustomizer> contextCustomizers, List<LwsVhostCustomizer> vhostCustomizers,
			MetricsRecorder metricsRecorder, ClassLoader classLoader, @Nullable SslBundles sslBundles) {
		this.sslBundles = sslBundles;
		this.properties = properties;
		this.protocols = protocols;
		this.contextCustomizers = List.copyOf(contextCustomizers);
		this.vhostCustomizers = List.copyOf(vhostCustomizers);
		this.metricsRecorder = metricsRecorder;
		this.classLoader = classLoader;
	}

	/**
	 * The configured vhosts, or one {@value #DEFAULT_VHOST} vhost with default settings when none is configured.
	 * @param properties the properties
	 * @return vhost properties by name, in order
	 */
	public static Map<String, LwsProperties.Vhost> vhosts(LwsProperties properties) {
		if (!properties.getVhosts().isEmpty()) {
			return properties.getVhosts();
		}
		Map<String, LwsProperties.Vhost> single = new LinkedHashMap<>();
		single.put(DEFAULT_VHOST, new LwsProperties.Vhost());
		return single;
	}

	/**
	 * Whether the vhost that {@link io.lws.spring.boot.autoconfigure.server.LwsServer#port()} names once the server
	 * runs serves TLS, judged from the properties before it starts: the first vhost that listens on a TCP port (not
	 * {@code -1}, not a UNIX socket) and has a certificate, a key store or an SSL bundle. Vhost customizers are not
	 * applied.
	 * @param properties the properties
	 * @return true when that vhost serves TLS; false when it is plain or no vhost listens on TCP
	 */
	public static boolean firstTcpListenerServesTls(LwsProperties properties) {
		for (LwsProperties.Vhost vhost : vhosts(properties).values()) {
			if (vhost.getPort() != VhostCreationInfo.PORT_NO_LISTEN && !VhostInfoMapper.listensOnUnixSocket(vhost)) {
				return SslMapper.servesTls(vhost.getSsl());
			}
		}
		return false;
	}

	/**
	 * Checks what can be checked without the protocol beans: the context settings and every vhost's settings.
	 * Called when the server bean is created, so bad properties fail fast.
	 * @throws InvalidLwsConfigurationException naming the first bad key
	 */
	public void validateProperties() {
		ContextInfoMapper.map(this.properties);
		List<VhostCreationInfo> infos = new ArrayList<>();
		for (Map.Entry<String, LwsProperties.Vhost> entry : vhosts(this.properties).entrySet()) {
			VhostCreationInfo info = build(entry.getKey(),
					VhostInfoMapper.map(entry.getKey(), entry.getValue(), null, this.classLoader, this.sslBundles));
			checkTls(entry.getKey(), info);
			infos.add(info);
		}
		ListenerClashCheck.check(infos);
	}

	/**
	 * Keeps vhosts that use {@code ssl.bundle} in step with their bundle: when Spring Boot reloads a bundle (its
	 * {@code reload-on-update}), the vhost's key material is replaced for new connections.
	 * @param context the running context, or null while the server is stopped
	 */
	public void watchSslBundles(java.util.function.Supplier<io.lws.core.@Nullable LwsContext> context) {
		if (this.sslBundles == null) {
			return;
		}
		for (Map.Entry<String, LwsProperties.Vhost> entry : vhosts(this.properties).entrySet()) {
			String bundle = entry.getValue().getSsl().getBundle();
			if (bundle == null || bundle.isBlank()) {
				continue;
			}
			String vhost = entry.getKey();
			this.sslBundles.addBundleUpdateHandler(bundle, (updated) -> {
				io.lws.core.LwsContext ctx = context.get();
				io.lws.core.LwsVhost v = (ctx != null) ? ctx.vhost(vhost) : null;
				if (v != null) {
					v.updateSslManagers(SslMapper.keyManagers(updated), SslMapper.trustManagers(updated));
				}
			});
		}
	}

	/**
	 * Computes the definition: resolves each vhost's protocols, maps every setting and applies the customizers.
	 * @return the definition to start
	 * @throws InvalidLwsConfigurationException naming the first bad key
	 */
	public ServerDefinition create() {
		ContextCreationInfo.Builder context = ContextInfoMapper.map(this.properties);
		context.metricsRecorder(this.metricsRecorder);
		this.contextCustomizers.forEach((c) -> c.customize(context));
		Map<String, LwsProperties.Vhost> vhosts = vhosts(this.properties);
		checkProtocolVhosts(vhosts.keySet());
		List<VhostCreationInfo> infos = new ArrayList<>();
		for (Map.Entry<String, LwsProperties.Vhost> entry : vhosts.entrySet()) {
			String name = entry.getKey();
			List<LwsProtocol<?>> vhostProtocols = protocolsFor(name, entry.getValue());
			VhostCreationInfo.Builder builder = VhostInfoMapper.map(name, entry.getValue(), vhostProtocols,
					this.classLoader, this.sslBundles);
			this.vhostCustomizers.forEach((c) -> c.customize(name, builder));
			infos.add(build(name, builder));
		}
		ListenerClashCheck.check(infos);
		try {
			return new ServerDefinition(context.build(), infos);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLwsConfigurationException("lws", ex.getMessage(), "Fix the context settings.");
		}
	}

	private List<LwsProtocol<?>> protocolsFor(String vhost, LwsProperties.Vhost properties) {
		List<LwsProtocol<?>> result = new ArrayList<>();
		List<String> names = properties.getProtocols();
		if (names.isEmpty()) {
			for (ProtocolDefinition definition : this.protocols.defaultsFor(vhost)) {
				result.add(definition.create(vhost));
			}
			return result;
		}
		Map<String, ProtocolDefinition> known = this.protocols.definitions();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String key = "lws.vhosts." + vhost + ".protocols[" + i + "]";
			ProtocolDefinition definition = known.get(name);
			if (definition == null) {
				throw new InvalidLwsConfigurationException(key, "no protocol is called '" + name
						+ "' (known protocols: " + known.keySet() + ")",
						"Declare an @LwsProtocol(name = \"" + name + "\") bean or fix the name.");
			}
			if (!seen.add(name)) {
				throw new InvalidLwsConfigurationException(key, "protocol '" + name + "' is listed twice",
						"List each protocol once.");
			}
			result.add(definition.create(vhost));
		}
		return result;
	}

	private void checkProtocolVhosts(Set<String> vhostNames) {
		for (ProtocolDefinition definition : this.protocols.definitions().values()) {
			for (String vhost : definition.vhosts()) {
				if (!vhostNames.contains(vhost)) {
					throw new InvalidLwsConfigurationException(
							"@LwsProtocol(name = \"" + definition.name() + "\").vhosts",
							"names vhost '" + vhost + "', which is not configured (vhosts: " + vhostNames + ")",
							"Add lws.vhosts." + vhost + " or fix the name.");
				}
			}
		}
	}

	/** Loads the TLS material now, when it is all in files, so that a bad file fails with its property's name. */
	private static void checkTls(String name, VhostCreationInfo info) {
		boolean complete = (info.sslCertFilepath() != null && info.sslPrivateKeyFilepath() != null)
				|| info.sslKeyStore() != null || info.sslKeyManagers() != null;
		boolean trustComplete = !info.has(io.lws.core.ServerOption.REQUIRE_VALID_OPENSSL_CLIENT_CERT)
				|| info.sslCaFilepath() != null || info.sslTrustStore() != null || info.sslTrustManagers() != null;
		if (!info.isTls() || !complete || !trustComplete) {
			return;
		}
		try {
			io.lws.core.tls.TlsServerContext.create(info, (reason, setup) -> 0, null);
		}
		catch (io.lws.core.tls.TlsConfigException ex) {
			throw new InvalidLwsConfigurationException("lws.vhosts." + name + ".ssl", ex.getMessage(),
					"Fix the vhost's TLS settings.");
		}
	}

	private static VhostCreationInfo build(String name, VhostCreationInfo.Builder builder) {
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLwsConfigurationException("lws.vhosts." + name, ex.getMessage(),
					"Fix the vhost's settings.");
		}
	}

}
