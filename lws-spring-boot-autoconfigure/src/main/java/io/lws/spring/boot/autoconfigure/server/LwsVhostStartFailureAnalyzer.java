package io.lws.spring.boot.autoconfigure.server;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link LwsVhostStartException} in Boot's start-up failure report. The engine names the libwebsockets
 * field it refused ({@code log_filepath}, {@code http_proxy_address}, {@code iface}); the report names the
 * {@code lws.*} key that sets it.
 */
public class LwsVhostStartFailureAnalyzer extends AbstractFailureAnalyzer<LwsVhostStartException> {

	/** What the engine's message mentions, and the key under the vhost that sets it; the first match wins. */
	private static final String[][] KEYS = { { "log_filepath", "log-file" }, { "http_proxy", "http-proxy" },
			{ "UNIX socket", "unix-socket" }, { "iface", "iface" }, { "interface", "iface" }, { "mount '", "mounts" },
			{ "protocol '", "protocols" }, { "shares ", "port" } };

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LwsVhostStartException cause) {
		String prefix = VhostKeys.prefix(cause.getServer(), cause.getVhost());
		String key = keyFor(prefix, cause.getMessage());
		return new FailureAnalysis("lws vhost '" + cause.getVhost() + "' failed to start: " + cause.getMessage(),
				(key != null) ? "Fix " + key + " (docs/configuration.md describes it)."
						: "Fix the settings under " + prefix + " (docs/configuration.md maps each libwebsockets "
								+ "field named above to its key).",
				cause);
	}

	/** The key the message points at, or null. */
	static @Nullable String keyFor(String prefix, @Nullable String message) {
		if (message == null) {
			return null;
		}
		for (String[] entry : KEYS) {
			if (message.contains(entry[0])) {
				return prefix + "." + entry[1];
			}
		}
		return null;
	}

}
