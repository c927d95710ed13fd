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
	 * Checks what can be checked without the protocol beans: the context settings and every vhost's settings.
	 * Called when the server bean is created, so bad properties fail fast.
	 * @throws InvalidLwsConfigurationException naming the first bad key
	 */
	public void validateProperties() {
		ContextInfoMapper.map(this.properties);
		List<VhostCreationInfo> infos = new ArrayList<>();
		for (Map.Entry<String, LwsProperties.Vhost> entry : vhosts(this.properties).entrySet()) {
			infos.add(build(entry.getKey(),
					VhostInfoMapper.map(entry.getKey(), entry.getValue(), null, this.classLoader)));
		}
		ListenerClashCheck.check(infos);
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
					this.classLoader);
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
