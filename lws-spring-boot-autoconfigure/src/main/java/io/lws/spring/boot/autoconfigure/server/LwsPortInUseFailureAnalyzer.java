package io.lws.spring.boot.autoconfigure.server;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link LwsPortInUseException} in Boot's start-up failure report: which vhost could not bind which port
 * ({@code lws_create_vhost} failing to listen), and what to do.
 */
public class LwsPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<LwsPortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LwsPortInUseException cause) {
		boolean management = VhostKeys.isManagement(cause.getServer());
		String prefix = VhostKeys.prefix(cause.getServer(), cause.getVhost());
		String root = rootMessage(cause);
		if (root != null && root.contains("Cannot assign requested address")) {
			// EADDRNOTAVAIL: the port may be free, but the address asked for is not one of this host's
			return new FailureAnalysis("lws vhost '" + cause.getVhost() + "' failed to start: it cannot listen on the "
					+ "address it was given (" + root + ").", "Set " + prefix
							+ ".iface to an address or interface of this host, or leave it unset to listen on all.",
					cause);
		}
		String key = management ? "management.server.port (or lws.management.port when that is not set)"
				: prefix + ".port";
		return new FailureAnalysis(
				"lws vhost '" + cause.getVhost() + "' failed to start: port " + cause.getPort()
						+ " is already in use or cannot be bound (" + root + ").",
				"Identify and stop the process that is listening on port " + cause.getPort() + " or set " + key
						+ " to another port.",
				cause);
	}

	private static @Nullable String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
