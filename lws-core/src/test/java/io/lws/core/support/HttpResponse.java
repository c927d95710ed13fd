package io.lws.core.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An HTTP response as read by {@link RawClient}. */
public record HttpResponse(String version, int status, Map<String, String> headers, byte[] body) {

	static HttpResponse parseHead(String head) {
		String[] lines = head.split("\r\n");
		String[] statusLine = lines[0].split(" ", 3);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		return new HttpResponse(statusLine[0], Integer.parseInt(statusLine[1]), headers, new byte[0]);
	}

	HttpResponse withBody(byte[] b) {
		return new HttpResponse(this.version, this.status, this.headers, b);
	}

	public String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	public long contentLength() {
		String v = header("content-length");
		return (v != null) ? Long.parseLong(v) : 0;
	}

	boolean noBody() {
		return this.status == 304 || this.status == 204 || this.status < 200;
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
