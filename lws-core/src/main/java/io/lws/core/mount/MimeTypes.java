package io.lws.core.mount;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code content-type} of a served file, from its name: libwebsockets' {@code lws_get_mimetype()}.
 * <p>
 * Order of lookup: the mount's extra types ({@link Mount#extraMimeTypes()}, longest matching suffix first, so
 * {@code .tar.gz} beats {@code .gz}), then the built-in table below by extension, then the mount's {@code *}
 * fallback. All comparisons ignore case. A name whose only dot is its first character ({@code .htaccess}) has no
 * extension.
 * <p>
 * Differences from libwebsockets 4.1.6, on purpose: there {@code *} answers at once when the list reaches it, even
 * for {@code .html}; here it is only the last resort. The built-in table is larger, uses today's registered types
 * ({@code font/woff2}, {@code text/javascript}) and adds {@code charset=utf-8} to text types. What to do with a name
 * nothing matches is the caller's choice, see {@link #contentType(String, Mount)}.
 */
public final class MimeTypes {

	/** The type of bytes nobody has described: what an unknown file is served as unless its mount refuses it. */
	public static final String OCTET_STREAM = "application/octet-stream";

	private static final String UTF8 = "; charset=utf-8";

	/** Extension (lower case, no dot) to type. */
	private static final Map<String, String> BUILT_IN = Map.ofEntries(
			// Documents and code the browser reads as text
			Map.entry("html", "text/html" + UTF8), Map.entry("htm", "text/html" + UTF8),
			Map.entry("css", "text/css" + UTF8), Map.entry("js", "text/javascript" + UTF8),
			Map.entry("mjs", "text/javascript" + UTF8), Map.entry("txt", "text/plain" + UTF8),
			Map.entry("csv", "text/csv" + UTF8), Map.entry("md", "text/markdown" + UTF8),
			Map.entry("xml", "application/xml"),
			// JSON is UTF-8 by definition (RFC 8259), so it takes no charset parameter
			Map.entry("json", "application/json"), Map.entry("map", "application/json"),
			Map.entry("webmanifest", "application/manifest+json"), Map.entry("wasm", "application/wasm"),
			// Images
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("gif", "image/gif"), Map.entry("ico", "image/x-icon"), Map.entry("svg", "image/svg+xml"),
			Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"), Map.entry("bmp", "image/bmp"),
			// Fonts
			Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("woff", "font/woff"),
			Map.entry("woff2", "font/woff2"),
			// Audio and video
			Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("wav", "audio/wav"),
			Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
			// Archives and documents
			Map.entry("gz", "application/gzip"), Map.entry("zip", "application/zip"),
			Map.entry("pdf", "application/pdf"));

	private MimeTypes() {
	}

	/**
	 * The built-in table.
	 * @return extension (lower case, without dot) to {@code content-type}, unmodifiable
	 */
	public static Map<String, String> builtIns() {
		return BUILT_IN;
	}

	/**
	 * The type of a file, or {@code null} if nothing knows it ({@code lws_get_mimetype()}).
	 * @param fileName a file name or a {@code /}-separated path; only the part after the last {@code /} counts
	 * @param extras a mount's extra types: suffix (with or without its dot, any case) or {@code *} to type; may be
	 * empty
	 * @return the {@code content-type}, or {@code null} when unknown
	 */
	public static String lookup(String fileName, Map<String, String> extras) {
		String name = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		String fallback = null;
		String bestSuffix = null;
		String bestType = null;
		for (Map.Entry<String, String> entry : extras.entrySet()) {
			String key = entry.getKey();
			if ("*".equals(key)) {
				fallback = entry.getValue();
				continue;
			}
			String suffix = (key.startsWith(".") ? key : "." + key).toLowerCase(Locale.ROOT);
			// The suffix must leave something before it, so a file named ".md" is not a markdown file.
			if (name.length() > suffix.length() && name.endsWith(suffix)
					&& (bestSuffix == null || suffix.length() > bestSuffix.length())) {
				bestSuffix = suffix;
				bestType = entry.getValue();
			}
		}
		if (bestType != null) {
			return bestType;
		}
		int dot = name.lastIndexOf('.');
		if (dot > 0) {
			String type = BUILT_IN.get(name.substring(dot + 1));
			if (type != null) {
				return type;
			}
		}
		return fallback;
	}

	/**
	 * The type to serve a file of {@code mount} with: {@link #lookup(String, Map)} with the mount's extra types, and
	 * for unknown names {@link #OCTET_STREAM}, or {@code null} when the mount
	 * {@linkplain Mount#refuseUnknownMimeTypes() refuses unknown types}; the engine then answers
	 * {@code 415 Unsupported Media Type} as libwebsockets 4.x does.
	 * @param fileName the file's name or path
	 * @param mount the mount serving it
	 * @return the {@code content-type}, or {@code null} to refuse with 415
	 */
	public static String contentType(String fileName, Mount mount) {
		String type = lookup(fileName, mount.extraMimeTypes());
		if (type == null && !mount.refuseUnknownMimeTypes()) {
			return OCTET_STREAM;
		}
		return type;
	}

}
