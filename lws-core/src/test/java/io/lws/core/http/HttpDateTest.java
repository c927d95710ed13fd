package io.lws.core.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDateTest {

	@Test
	void theRfcExampleAndEverySecondItsOwnText() {
		// RFC 9110 section 5.6.7's example
		assertThat(new String(HttpDate.at(784111777000L), StandardCharsets.US_ASCII))
			.isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
		assertThat(HttpDate.at(784111777999L)).isSameAs(HttpDate.at(784111777000L));
		assertThat(new String(HttpDate.at(784111778000L), StandardCharsets.US_ASCII))
			.isEqualTo("Sun, 06 Nov 1994 08:49:38 GMT");
		assertThat(HttpDate.now()).hasSize(HttpDate.LENGTH);
	}

}
