package io.lws.spring.boot.autoconfigure.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lws.core.LwsProtocol;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.spring.boot.autoconfigure.LwsProperties;
import io.lws.spring.boot.autoconfigure.protocol.LwsProtocolRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@code lws.vhosts.<name>.*} onto {@link VhostCreationInfo.Builder}: the {@code VHOST:} members of
 * libwebsockets' {@code struct lws_context_creation_info} for one {@code lws_create_vhost}.
 */
final class VhostInfoMapper {

	private VhostInfoMapper() {
	}

	/**
	 * Whether the vhost listens on a UNIX domain socket ({@code LWS_SERVER_OPTION_UNIX_SOCK}) instead of a TCP port.
	 * @param vhost its properties
	 * @return true when {@code unix-socket} is set
	 */
	static boolean listensOnUnixSocket(LwsProperties.Vhost vhost) {
		return vhost.getUnixSocket() != null && !vhost.getUnixSocket().isBlank();
	}

	/**
	 * Fills a builder for one vhost.
	 * @param name the vhost name
	 * @param vhost its properties
	 * @param protocols its protocols, already resolved and ordered; {@code null} to check the settings before the
	 * protocols are known (protocol options and callback mounts are then not checked)
	 * @param classLoader for class-path mounts
	 * @return the builder, ready for customizers
	 */
	static VhostCreationInfo.Builder map(String name, LwsProperties.Vhost vhost,
			@Nullable List<LwsProtocol<?>> protocols, ClassLoader classLoader) {
		return map(name, vhost, protocols, classLoader, null);
	}

	/**
	 * Fills a builder for one vhost.
	 * @param name the vhost name
	 * @param vhost its properties
	 * @param protocols its protocols, or {@code null} to check the settings before the protocols are known
	 * @param classLoader for class-path mounts
	 * @param sslBundles the application's SSL bundles for {@code ssl.bundle}, or null
	 * @return the builder, ready for customizers
	 */
	static VhostCreationInfo.Builder map(String name, LwsProperties.Vhost vhost,
			@Nullable List<LwsProtocol<?>> protocols, ClassLoader classLoader,
			org.springframework.boot.ssl.@Nullable SslBundles sslBundles) {
		String key = "lws.vhosts." + name;
		VhostCreationInfo.Builder builder = VhostCreationInfo.builder(name);
		mapExtensions(key, vhost.getExtensions(), builder);
		if (vhost.getPort() < VhostCreationInfo.PORT_NO_LISTEN || vhost.getPort() > 65535) {
			throw new InvalidLwsConfigurationException(key + ".port", "must be -1 (no listener), 0 (any free port) "
					+ "or 1-65535, not " + vhost.getPort(), "Fix the port.");
		}
		builder.port(vhost.getPort());
		if (listensOnUnixSocket(vhost)) {
			if (vhost.getIface() != null && !vhost.getIface().isBlank()) {
				throw new InvalidLwsConfigurationException(key + ".unix-socket", "cannot be combined with "
						+ key + ".iface", "Set either a UNIX socket path or a network interface, not both.");
			}
			builder.iface(vhost.getUnixSocket()).options(ServerOption.UNIX_SOCK);
		}
		else {
			builder.iface(blankToNull(vhost.getIface()));
		}
		builder.keepaliveTimeout(Values.seconds(key + ".keepalive-timeout", vhost.getKeepaliveTimeout(), 1));
		builder.timeoutSecs(Values.seconds(key + ".timeout", vhost.getTimeout(), 1));
		builder.maxMessageSize(vhost.getMaxMessageSize().toBytes() < 0 ? bad(key + ".max-message-size")
				: vhost.getMaxMessageSize().toBytes());
		builder.pingPongInterval(Values.seconds(key + ".ping-pong-interval", vhost.getPingPongInterval(), 0));
		builder.logFilepath(blankToNull(vhost.getLogFile()));
		builder.httpProxy(blankToNull(vhost.getHttpProxy()), 0);
		for (ServerOption option : vhost.getOptions()) {
			if (option.isContextOption()) {
				throw new InvalidLwsConfigurationException(key + ".options", Values.optionName(option)
						+ " is a context option, which has no effect here", (option == ServerOption.EXPLICIT_VHOSTS)
								? "Remove it: vhosts always come from lws.vhosts." : "Move it to lws.options.");
			}
		}
		builder.options(vhost.getOptions());
		Set<String> protocolNames = null;
		if (protocols != null) {
			builder.protocols(protocols);
			protocolNames = new LinkedHashSet<>();
			for (LwsProtocol<?> p : protocols) {
				protocolNames.add(p.name());
			}
			if (protocolNames.isEmpty()) {
				protocolNames.add(LwsProtocolRegistry.HTTP_ONLY);
			}
		}
		for (Map.Entry<String, Map<String, String>> pvo : vhost.getPvo().entrySet()) {
			if (protocolNames != null && !protocolNames.contains(pvo.getKey())) {
				throw new InvalidLwsConfigurationException(key + ".pvo." + pvo.getKey(), "names protocol '"
						+ pvo.getKey() + "', which this vhost does not have (it has " + protocolNames + ")",
						"Add the protocol to the vhost or remove its options.");
			}
			builder.pvo(pvo.getKey(), pvo.getValue());
		}
		SslMapper.map(key, vhost.getSsl(), sslBundles, builder);
		for (int i = 0; i < vhost.getMounts().size(); i++) {
			builder.mounts(MountMapper.map(key + ".mounts[" + i + "]", vhost.getMounts().get(i), protocolNames,
					classLoader));
		}
		return builder;
	}

	/**
	 * {@code lws.vhosts.<name>.extensions.<extension>.*}: each entry is on unless its {@code enabled} is
	 * {@code false}; the other keys are the extension's options. lws knows permessage-deflate; other extensions are
	 * added in code with an {@code LwsVhostCustomizer}.
	 */
	private static void mapExtensions(String key, Map<String, Map<String, String>> extensions,
			VhostCreationInfo.Builder builder) {
		for (Map.Entry<String, Map<String, String>> e : extensions.entrySet()) {
			String extensionKey = key + ".extensions." + e.getKey();
			Map<String, String> options = new LinkedHashMap<>((e.getValue() != null) ? e.getValue() : Map.of());
			String enabled = options.remove("enabled");
			if (enabled != null && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
				throw new InvalidLwsConfigurationException(extensionKey + ".enabled",
						"must be true or false, not '" + enabled + "'", "Set it to true or false.");
			}
			if ("false".equalsIgnoreCase(enabled)) {
				continue;
			}
			if (!PerMessageDeflate.NAME.equals(e.getKey())) {
				throw new InvalidLwsConfigurationException(extensionKey, "'" + e.getKey()
						+ "' is not an extension lws provides (it provides " + PerMessageDeflate.NAME + ")",
						"Remove it, or add your own LwsExtension to the vhost with an LwsVhostCustomizer bean.");
			}
			try {
				builder.extensions(PerMessageDeflate.fromOptions(options));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidLwsConfigurationException(extensionKey, ex.getMessage(),
						"Fix the option; docs/configuration.md lists the permessage-deflate options and their ranges.");
			}
		}
	}

	private static long bad(String key) {
		throw new InvalidLwsConfigurationException(key, "must not be negative", "Set 0 for no limit.");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
