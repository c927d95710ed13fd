package io.lws.spring.boot.autoconfigure.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidLwsConfigurationException} in Boot's start-up failure report: which {@code lws.*} key
 * (the libwebsockets creation-info member behind it) is wrong, and the fix.
 */
public class InvalidLwsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLwsConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidLwsConfigurationException cause) {
		return new FailureAnalysis("Invalid lws configuration: " + cause.getKey() + ": " + sentence(cause.getReason()),
				cause.getAction(), cause);
	}

	/** The reason with one full stop: it may end with an engine message that has its own, or be missing. */
	static String sentence(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			return "no reason given.";
		}
		return (reason.endsWith(".") || reason.endsWith("?") || reason.endsWith("!")) ? reason : reason + ".";
	}

}
