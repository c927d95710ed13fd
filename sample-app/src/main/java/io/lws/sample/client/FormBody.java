package io.lws.sample.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An {@code application/x-www-form-urlencoded} body from {@code NAME=VALUE} fields: each name and value encoded, pairs
 * joined with {@code &}. The C test client's form becomes {@code text=hello&send=Send+the+form}.
 */
final class FormBody {

	/** The media type of the body. */
	static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

	private FormBody() {
	}

	/**
	 * Encodes the fields.
	 * @param fields {@code NAME=VALUE} each, split at the first {@code =}
	 * @return the body bytes (ASCII)
	 */
	static byte[] encode(List<String> fields) {
		return fields.stream().map(FormBody::pair).collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
	}

	private static String pair(String field) {
		int eq = field.indexOf('=');
		return URLEncoder.encode(field.substring(0, eq), StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(field.substring(eq + 1), StandardCharsets.UTF_8);
	}

}
