package io.lws.spring.boot.autoconfigure.config;

import java.net.URL;
import java.util.Set;

import io.lws.core.mount.FileOps;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.spring.boot.autoconfigure.LwsProperties;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@code lws.vhosts.<name>.mounts[i]} onto {@link Mount} ({@code struct lws_http_mount}), checking that a file
 * mount's origin exists and a callback mount's protocol is on the vhost.
 */
final class MountMapper {

	private MountMapper() {
	}

	/**
	 * Makes one mount.
	 * @param key the mount's key, such as {@code lws.vhosts.default.mounts[0]}
	 * @param properties its properties
	 * @param vhostProtocols the names of the vhost's protocols, for callback mounts; {@code null} when not known yet
	 * @param classLoader where {@code classpath:} origins are looked up
	 * @return the mount
	 */
	static Mount map(String key, LwsProperties.Mount properties, @Nullable Set<String> vhostProtocols,
			ClassLoader classLoader) {
		if (properties.getMountpoint() == null) {
			throw new InvalidLwsConfigurationException(key + ".mountpoint", "is required",
					"Set the path the mount serves, such as /.");
		}
		if (properties.getOrigin() == null || properties.getOrigin().isBlank()) {
			throw new InvalidLwsConfigurationException(key + ".origin", "is required",
					"Set what serves the mount, such as classpath:/static/.");
		}
		Mount mount;
		try {
			Mount.Builder builder = Mount.builder(properties.getMountpoint(), properties.getOriginProtocol(),
					properties.getOrigin())
				.defaultDocument(properties.getDefault())
				.cacheMaxAge(Values.seconds(key + ".cache-max-age", properties.getCacheMaxAge(), 0))
				.cacheReusable(properties.isCacheReusable())
				.cacheRevalidate(properties.isCacheRevalidate())
				.cacheIntermediaries(properties.isCacheIntermediaries())
				.extraMimeTypes(properties.getExtraMimeTypes())
				.refuseUnknownMimeTypes(properties.isRefuseUnknownMimeTypes())
				.followSymlinksOutside(properties.isFollowSymlinksOutside())
				.cgiEnv(properties.getCgiEnv());
			mount = builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLwsConfigurationException(key, ex.getMessage(), "Fix the mount's settings.");
		}
		checkOrigin(key, mount, vhostProtocols, classLoader);
		return mount;
	}

	private static void checkOrigin(String key, Mount mount, @Nullable Set<String> protocols, ClassLoader classLoader) {
		MountOrigin kind = mount.originProtocol();
		if (!kind.isServedByEngine()) {
			throw new InvalidLwsConfigurationException(key + ".origin-protocol", kind + " mounts are not supported yet",
					"Use a file, callback, redir-http or redir-https mount.");
		}
		if (kind == MountOrigin.CALLBACK && protocols != null && !protocols.contains(mount.origin())) {
			throw new InvalidLwsConfigurationException(key + ".origin", "callback mount names protocol '"
					+ mount.origin() + "', which this vhost does not have (it has " + protocols + ")",
					"Add the protocol to the vhost's protocols or fix the name.");
		}
		if (kind != MountOrigin.FILE) {
			return;
		}
		String origin = mount.origin();
		if (origin.startsWith("classpath:")) {
			if (!classpathLocationExists(origin.substring("classpath:".length()), mount, classLoader)) {
				throw new InvalidLwsConfigurationException(key + ".origin",
						"class-path location '" + origin + "' does not exist",
						"Create the folder under src/main/resources or fix the origin.");
			}
		}
		try {
			FileOps.forOrigin(origin, classLoader, mount.followSymlinksOutside());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLwsConfigurationException(key + ".origin", "directory '" + origin
					+ "' cannot be served: " + ex.getMessage(), "Create the directory or fix the origin.");
		}
	}

	private static boolean classpathLocationExists(String location, Mount mount, ClassLoader classLoader) {
		String base = location;
		while (base.startsWith("/")) {
			base = base.substring(1);
		}
		if (!base.isEmpty() && !base.endsWith("/")) {
			base = base + "/";
		}
		for (String candidate : new String[] { base, stripSlash(base), base + mount.defaultDocument() }) {
			URL url = classLoader.getResource(candidate);
			if (url != null) {
				return true;
			}
		}
		return false;
	}

	private static String stripSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
