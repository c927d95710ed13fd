package io.lws.spring.boot.autoconfigure.server;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link LwsPortInUseException} in Boot's start-up failure report: which vhost could not bind which port
 * ({@code lws_create_vhost} failing to listen), and what to do.
 */
public class LwsPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<LwsPortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LwsPortInUseException cause) {
		String key = "management".equals(cause.getServer()) ? "lws.management.port"
				: "lws.vhosts." + cause.getVhost() + ".port";
		return new FailureAnalysis(
				"lws vhost '" + cause.getVhost() + "' failed to start: port " + cause.getPort()
						+ " is already in use or cannot be bound (" + rootMessage(cause) + ").",
				"Identify and stop the process that is listening on port " + cause.getPort() + " or set " + key
						+ " to another port.",
				cause);
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
