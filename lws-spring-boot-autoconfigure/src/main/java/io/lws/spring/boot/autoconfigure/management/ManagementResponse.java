package io.lws.spring.boot.autoconfigure.management;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A finished answer of the management server: status, content type and body, ready to write in
 * {@code LWS_CALLBACK_HTTP_WRITEABLE}.
 *
 * @param status the HTTP status
 * @param contentType the content type, or {@code null} for an empty body
 * @param body the body bytes
 */
record ManagementResponse(int status, @Nullable String contentType, byte[] body) {

	/** An answer with a JSON error body {@code {"status":..., "error":...}}. */
	static ManagementResponse error(int status, String message) {
		String json = "{\"status\":" + status + ",\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
				+ "\"}";
		return new ManagementResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

}
