package io.lws.core.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpStatusTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			101 | Switching Protocols
			200 | OK
			304 | Not Modified
			400 | Bad Request
			413 | Content Too Large
			414 | URI Too Long
			431 | Request Header Fields Too Large
			501 | Not Implemented
			505 | HTTP Version Not Supported
			""")
	void registeredCodesHaveTheirPhrase(int code, String phrase) {
		assertThat(HttpStatus.reasonPhrase(code)).isEqualTo(phrase);
	}

	@ParameterizedTest
	@CsvSource({ "0", "99", "306", "418", "599", "1000" })
	void unregisteredCodesHaveAnEmptyPhrase(int code) {
		assertThat(HttpStatus.reasonPhrase(code)).isEmpty();
	}

}
