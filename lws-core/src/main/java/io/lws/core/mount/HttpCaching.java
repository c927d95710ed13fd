package io.lws.core.mount;

/**
 * Validators and freshness for served files: the {@code etag}, {@code if-none-match} and {@code cache-control} rules
 * of libwebsockets 4.x {@code lws_http_serve()} and {@code lws_serve_http_file()}.
 * <p>
 * The flow the engine follows, as libwebsockets does: compute {@link #etag(long, long)} from the opened file; if
 * {@link #ifNoneMatchHits(String, String)} says the client already has it, answer {@code 304 Not Modified} with
 * {@code etag} and {@code cache-control} and no body; otherwise send the file with both headers.
 */
public final class HttpCaching {

	private HttpCaching() {
	}

	/**
	 * The {@code etag} header value of a file: the upper-case hex of its size and of its modification time in whole
	 * seconds, each at least eight digits, as libwebsockets prints them ({@code "%08llX%08lX"} of {@code st_size} and
	 * {@code st_mtime}), for example {@code "00001C255FC6800A"}. Unlike libwebsockets we put it in double quotes, as
	 * RFC 9110 section 8.8.3 requires of an entity tag; {@link #ifNoneMatchHits(String, String)} accepts clients
	 * that echo it either way.
	 * @param size the file size in bytes
	 * @param lastModifiedMillis the modification time in milliseconds since the epoch
	 * @return the quoted strong entity tag
	 */
	public static String etag(long size, long lastModifiedMillis) {
		// by hand rather than String.format("\"%08X%08X\""): every file answer computes it, and the Formatter
		// parsed its pattern each time (a tenth of a small file's service time in a profile)
		StringBuilder sb = new StringBuilder(34).append('"');
		appendHex8(sb, size);
		appendHex8(sb, Math.floorDiv(lastModifiedMillis, 1000L));
		return sb.append('"').toString();
	}

	/** Upper-case hex of {@code v} (two's complement when negative), at least 8 digits, as {@code %08X}. */
	private static void appendHex8(StringBuilder sb, long v) {
		String hex = Long.toHexString(v);
		for (int i = hex.length(); i < 8; i++) {
			sb.append('0');
		}
		for (int i = 0; i < hex.length(); i++) {
			sb.append(Character.toUpperCase(hex.charAt(i)));
		}
	}

	/**
	 * Whether an {@code if-none-match} header names the current entity tag, so the answer is
	 * {@code 304 Not Modified}. libwebsockets compares the whole header with its tag; we follow RFC 9110 section
	 * 13.1.2: the header is {@code *} or a comma-separated list, compared weakly (a {@code W/} prefix on either side is
	 * ignored). Unquoted tags, as libwebsockets sends them, are accepted too.
	 * @param ifNoneMatch the header value, or {@code null} when absent
	 * @param etag the current tag, as {@link #etag(long, long)} made it
	 * @return {@code true} if the client's copy is current
	 */
	public static boolean ifNoneMatchHits(String ifNoneMatch, String etag) {
		return listMatches(ifNoneMatch, etag, false);
	}

	/**
	 * Whether an {@code if-match} header rules the request out, so the answer is {@code 412 Precondition Failed}
	 * (RFC 9110 section 13.1.1; libwebsockets does not evaluate it): the header is present and is neither {@code *}
	 * nor a list naming the current tag by strong comparison (a {@code W/} tag never matches).
	 * @param ifMatch the header value, or {@code null} when absent
	 * @param etag the current tag, as {@link #etag(long, long)} made it
	 * @return {@code true} if the precondition fails
	 */
	public static boolean ifMatchFails(String ifMatch, String etag) {
		return ifMatch != null && !listMatches(ifMatch, etag, true);
	}

	/** Whether {@code header} is {@code *} or lists {@code etag}; with {@code strong}, weak tags are skipped. */
	private static boolean listMatches(String header, String etag, boolean strong) {
		if (header == null || etag == null) {
			return false;
		}
		String current = opaque(etag);
		int length = header.length();
		int i = 0;
		while (i < length) {
			char c = header.charAt(i);
			if (c == ' ' || c == '\t' || c == ',') {
				i++;
				continue;
			}
			boolean weak = header.startsWith("W/", i);
			if (weak) {
				i += 2;
			}
			String tag;
			if (i < length && header.charAt(i) == '"') {
				// Commas are legal inside a quoted tag, so a quoted tag ends only at its closing quote.
				int close = header.indexOf('"', i + 1);
				if (close < 0) {
					return false;
				}
				tag = header.substring(i + 1, close);
				i = close + 1;
			}
			else {
				int start = i;
				while (i < length && ",\t ".indexOf(header.charAt(i)) < 0) {
					i++;
				}
				tag = header.substring(start, i);
				if ("*".equals(tag)) {
					return true;
				}
			}
			if (tag.equals(current) && !(strong && weak)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The {@code cache-control} header value for files of {@code mount}, libwebsockets 4.x's rule: when
	 * {@link Mount#cacheMaxAge()} is above 0 and {@link Mount#cacheReusable()} is set,
	 * {@code [must-revalidate, ]private|public, max-age=N} ({@code must-revalidate} iff
	 * {@link Mount#cacheRevalidate()}, {@code public} iff {@link Mount#cacheIntermediaries()}); otherwise
	 * {@code no-store}.
	 * @param mount the mount serving the file
	 * @return the header value
	 */
	public static String cacheControl(Mount mount) {
		if (mount.cacheMaxAge() <= 0 || !mount.cacheReusable()) {
			return "no-store";
		}
		return (mount.cacheRevalidate() ? "must-revalidate, " : "")
				+ (mount.cacheIntermediaries() ? "public" : "private") + ", max-age=" + mount.cacheMaxAge();
	}

	private static String opaque(String tag) {
		String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
		if (opaque.length() >= 2 && opaque.startsWith("\"") && opaque.endsWith("\"")) {
			opaque = opaque.substring(1, opaque.length() - 1);
		}
		return opaque;
	}

}
