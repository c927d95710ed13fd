package io.lws.core;

import java.util.Locale;

/**
 * A URI split into the parts a connection needs: {@code lws_parse_uri}, returning a value instead of writing NULs into
 * the input and filling out-pointers. Unlike the C function, the path keeps its leading {@code /}.
 *
 * @param scheme the scheme in lower case ({@code http}, {@code https}, {@code ws}, {@code wss}), or "" when absent
 * @param host the host (IPv6 literals without brackets)
 * @param port the port: explicit, or the scheme's default (80 for http/ws, 443 for https/wss, else 80)
 * @param path the path with query, starting with {@code /}
 */
public record LwsUri(String scheme, String host, int port, String path) {

	/**
	 * {@code lws_parse_uri}: parses {@code [scheme://]host[:port][/path]}.
	 * @param uri the text
	 * @return the parts
	 * @throws IllegalArgumentException when the host is missing or the port is not a number from 1 to 65535
	 */
	public static LwsUri parse(String uri) {
		String rest = uri.trim();
		String scheme = "";
		int sep = rest.indexOf("://");
		if (sep >= 0) {
			scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
			rest = rest.substring(sep + 3);
		}
		int slash = rest.indexOf('/');
		String authority = (slash >= 0) ? rest.substring(0, slash) : rest;
		String path = (slash >= 0) ? rest.substring(slash) : "/";
		String host;
		String portText = null;
		if (authority.startsWith("[")) {
			int end = authority.indexOf(']');
			if (end < 0) {
				throw new IllegalArgumentException("Unclosed IPv6 literal in '" + uri + "'");
			}
			host = authority.substring(1, end);
			if (authority.length() > end + 1 && authority.charAt(end + 1) == ':') {
				portText = authority.substring(end + 2);
			}
		}
		else {
			int colon = authority.lastIndexOf(':');
			host = (colon >= 0) ? authority.substring(0, colon) : authority;
			portText = (colon >= 0) ? authority.substring(colon + 1) : null;
		}
		if (host.isEmpty()) {
			throw new IllegalArgumentException("No host in '" + uri + "'");
		}
		int port = defaultPort(scheme);
		if (portText != null) {
			try {
				port = Integer.parseInt(portText);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Bad port '" + portText + "' in '" + uri + "'");
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("Port " + port + " out of range in '" + uri + "'");
			}
		}
		return new LwsUri(scheme, host, port, path);
	}

	private static int defaultPort(String scheme) {
		return switch (scheme) {
			case "https", "wss" -> 443;
			default -> 80;
		};
	}

}
