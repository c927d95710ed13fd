package io.lws.core.spa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.lws.core.spa.FileEvents.UploadedFile;
import io.lws.core.spa.FormFeeder.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Random forms, encoded both ways, read back in random pieces. */
class FormRoundTripProperties {

	private static final List<String> NAMES = List.of("a", "b", "é", "a b");

	/** The boundary holds a 'Q', which no generated content does, so content never contains it. */
	private static final String BOUNDARY = "--Q-boundary";

	/** Content full of what could confuse the parsers: separators, escapes, dashes, line ends, UTF-8. */
	private static final char[] ALPHABET = "ab&=+%-\r\n é€".toCharArray();

	/** One field of a form: a file when fileName is not null. */
	record Field(String name, String value, String fileName) {
	}

	@Provide
	Arbitrary<List<Field>> fields() {
		Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.of("x", "unwanted"));
		Arbitrary<String> values = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(40);
		Arbitrary<String> fileNames = Arbitraries.oneOf(Arbitraries.just(null),
				Arbitraries.of("f.txt", "d\u00e9j\u00e0 vu"));
		return Combinators.combine(names, values, fileNames).as(Field::new).list().ofMaxSize(8);
	}

	@Property(tries = 300)
	void multipartFormsReadBackInAnyPieces(@ForAll("fields") List<Field> fields,
			@ForAll @IntRange(min = 1, max = 64) int maxPiece, @ForAll long seed) {
		StringBuilder body = new StringBuilder("preamble\r\n");
		for (Field field : fields) {
			body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"");
			body.append(field.name()).append('"');
			if (field.fileName() != null) {
				body.append("; filename=\"").append(field.fileName()).append("\"\r\nContent-Type: text/plain");
			}
			body.append("\r\n\r\n").append(field.value()).append("\r\n");
		}
		body.append("--").append(BOUNDARY).append("--\r\nepilogue");
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		Outcome outcome = FormFeeder.feed(config(), "multipart/form-data; boundary=" + BOUNDARY, bytes,
				FormFeeder.randomPieces(new Random(seed), bytes.length, maxPiece));

		assertThat(outcome.status()).isZero();
		assertThat(outcome.values()).isEqualTo(expectedValues(fields, true));
		List<UploadedFile> files = new ArrayList<>();
		for (Field field : fields) {
			if (field.fileName() != null) {
				String latin1 = new String(field.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
				files.add(new UploadedFile(field.name(), field.fileName(), latin1, FileUploadState.FINAL_CONTENT));
			}
		}
		assertThat(outcome.files()).isEqualTo(files);
	}

	@Property(tries = 300)
	void urlencodedFormsReadBackInAnyPieces(@ForAll("fields") List<Field> fields,
			@ForAll @IntRange(min = 1, max = 64) int maxPiece, @ForAll long seed) {
		List<String> pairs = new ArrayList<>();
		for (Field field : fields) {
			pairs.add(encode(field.name()) + "=" + encode(field.value()));
		}
		byte[] bytes = String.join("&", pairs).getBytes(StandardCharsets.US_ASCII);
		Outcome outcome = FormFeeder.feed(config(), FormFeeder.URLENCODED, bytes,
				FormFeeder.randomPieces(new Random(seed), bytes.length, maxPiece));
		assertThat(outcome.status()).isZero();
		assertThat(outcome.values()).isEqualTo(expectedValues(fields, false));
		assertThat(outcome.files()).isEmpty();
	}

	private static SpaConfig config() {
		return SpaConfig.builder().paramNames(NAMES).maxValueLength(25).maxStorage(60).build();
	}

	/** What the store should hold: first occurrence of each wanted name, within 25 bytes each and 60 in all. */
	private static Map<String, String> expectedValues(List<Field> fields, boolean multipart) {
		Map<String, String> values = new LinkedHashMap<>();
		int left = 60;
		for (Field field : fields) {
			boolean isFile = multipart && field.fileName() != null;
			if (isFile || !NAMES.contains(field.name()) || values.containsKey(field.name())) {
				continue;
			}
			String kept = cut(field.value(), Math.min(25, left));
			left -= kept.getBytes(StandardCharsets.UTF_8).length;
			values.put(field.name(), kept);
		}
		// The store reports values in configuration order.
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String name : NAMES) {
			if (values.containsKey(name)) {
				ordered.put(name, values.get(name));
			}
		}
		return ordered;
	}

	/** The longest prefix of whole characters that fits in {@code max} UTF-8 bytes. */
	private static String cut(String value, int max) {
		int bytes = 0;
		int end = 0;
		while (end < value.length()) {
			int length = String.valueOf(value.charAt(end)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + length > max) {
				break;
			}
			bytes += length;
			end++;
		}
		return value.substring(0, end);
	}

	/** Form encoding as a browser does it, with hex digits in either case to exercise both. */
	private static String encode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			if (b == ' ') {
				out.write('+');
			}
			else if ((b >= 'a' && b <= 'z') || b == '-') {
				out.write(b);
			}
			else {
				byte[] escape = String.format((b & 1) == 0 ? "%%%02X" : "%%%02x", b & 0xFF)
					.getBytes(StandardCharsets.US_ASCII);
				out.write(escape, 0, escape.length);
			}
		}
		return out.toString(StandardCharsets.US_ASCII);
	}

}
