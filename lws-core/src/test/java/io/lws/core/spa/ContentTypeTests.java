package io.lws.core.spa;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentTypeTests {

	private static final SpaConfig CONFIG = SpaConfig.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "application/x-www-form-urlencoded", "Application/X-WWW-Form-URLEncoded",
			"application/x-www-form-urlencoded;charset=UTF-8",
			" application/x-www-form-urlencoded ; charset=\"utf-8\";" })
	void urlencodedForms(String contentType) {
		assertThat(Spa.isFormContentType(contentType)).isTrue();
		assertThat(FormContentType.parse(contentType)).isEqualTo(new FormContentType(false, null));
		assertThat(new Spa(CONFIG, contentType, null).multipart()).isFalse();
	}

	@Test
	void multipartBoundaries() {
		assertThat(FormContentType.parse("multipart/form-data; boundary=----WebKitFormBoundaryABC123").boundary())
			.isEqualTo("----WebKitFormBoundaryABC123");
		assertThat(FormContentType.parse("Multipart/Form-Data;BOUNDARY=\"a b'()+_,-./:=?\"").boundary())
			.isEqualTo("a b'()+_,-./:=?");
		assertThat(FormContentType.parse("multipart/form-data; charset=utf-8; boundary=x").boundary()).isEqualTo("x");
		assertThat(FormContentType.parse("multipart/form-data; boundary=" + "b".repeat(70)).multipart()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "multipart/mixed; boundary=x", "application/json", "multipart/form-data",
			"multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
			"multipart/form-data; boundary=\"a\r\nb\"", "multipart/form-data; boundary=\"a \"",
			"multipart/form-data; boundary=\"a\\\\b\"",
			"multipart/form-data; boundary=x; boundary=y", "multipart/form-data; boundary=\"x",
			"multipart/form-data boundary=x", "multipart/form-data; =x", "", "/",
			"application/x-www-form-urlencoded x" })
	void otherTypesAreNotForms(String contentType) {
		assertThat(Spa.isFormContentType(contentType)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Spa(CONFIG, contentType, null));
	}

	@Test
	void messagesSayWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Spa(CONFIG, null, null))
			.withMessage("The request has no Content-Type, so its body is not a form.");
		assertThat(Spa.isFormContentType(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Spa(CONFIG, "Text/Plain; charset=utf-8", null))
			.withMessage("The Content-Type \"text/plain\" is not a form: expected application/x-www-form-urlencoded"
					+ " or multipart/form-data.");
		assertThatIllegalArgumentException().isThrownBy(() -> new Spa(CONFIG, "multipart/form-data", null))
			.withMessage("The multipart/form-data Content-Type has no boundary parameter.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Spa(CONFIG, "multipart/form-data; boundary=" + "b".repeat(71), null))
			.withMessage("The multipart boundary must have 1 to 70 characters but has 71.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Spa(CONFIG, "multipart/form-data; boundary=\"a\tb\"", null))
			.withMessage("The multipart boundary holds the character U+0009, which RFC 2046 does not allow.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Spa(CONFIG, "multipart/form-data; boundary=\"x", null))
			.withMessage("The Content-Type \"multipart/form-data; boundary=\"x\" is malformed: "
					+ "A quoted string in the header value is not closed.");
	}

	@Test
	void headerValuesKeepBackslashesThatEscapeNothing() {
		HeaderValue value = HeaderValue.parse("form-data; name=\"a\\\"b\"; filename=\"C:\\dir\\f\\\\g.txt\"");
		assertThat(value.main()).isEqualTo("form-data");
		assertThat(value.parameters()).containsExactly(Map.entry("name", "a\"b"),
				Map.entry("filename", "C:\\dir\\f\\g.txt"));
	}

	@Test
	void headerValueParameterNamesIgnoreCaseAndMayNotRepeat() {
		assertThat(HeaderValue.parse("form-data;Name=x ;  FILENAME = \"y;z\" ").parameters())
			.containsExactly(Map.entry("name", "x"), Map.entry("filename", "y;z"));
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderValue.parse("form-data; name=a; NAME=b"))
			.withMessage("The header parameter \"name\" is repeated.");
	}

	@Test
	void contentDispositions() throws Exception {
		assertThat(ContentDisposition.parse("form-data; name=\"text\""))
			.isEqualTo(new ContentDisposition("text", null));
		assertThat(ContentDisposition.parse("form-data; name=\"text\"").isFile()).isFalse();
		assertThat(ContentDisposition.parse("form-data; name=\"f\"; filename=\"\"").isFile()).isFalse();
		assertThat(ContentDisposition.parse("FORM-DATA; name=\"f\"; filename=\"a\"").isFile()).isTrue();
		assertThat(ContentDisposition.parse("form-data; name=\"\"").name()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "attachment; name=\"a\"", "inline", "form-data", "form-data; filename=\"a\"",
			"form-data; name=\"a", "form-data; name=a b", "" })
	void badContentDispositions(String value) {
		assertThatThrownBy(() -> ContentDisposition.parse(value))
			.isInstanceOfSatisfying(SpaException.class, (ex) -> assertThat(ex.httpStatus()).isEqualTo(400));
	}

}
