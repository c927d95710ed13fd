package io.lws.spring.boot.autoconfigure.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure report's wording for an invalid {@code lws.*} value. */
class InvalidLwsConfigurationFailureAnalyzerTests {

	@Test
	void theDescriptionEndsWithOneFullStopWhateverTheReasonEndsWith() {
		InvalidLwsConfigurationFailureAnalyzer analyzer = new InvalidLwsConfigurationFailureAnalyzer();
		FailureAnalysis plain = analyzer.analyze(new InvalidLwsConfigurationException("lws.x", "is wrong", "Fix it."));
		assertThat(plain.getDescription()).isEqualTo("Invalid lws configuration: lws.x: is wrong.");
		// a reason that ends with an engine message carrying its own full stop
		FailureAnalysis nested = analyzer
			.analyze(new InvalidLwsConfigurationException("lws.x", "cannot be served: no such directory.", "Fix it."));
		assertThat(nested.getDescription())
			.isEqualTo("Invalid lws configuration: lws.x: cannot be served: no such directory.");
	}

}
