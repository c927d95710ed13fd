package io.lws.core;

import java.util.Locale;

/**
 * A URI split into the parts a connection needs: {@code lws_parse_uri}, returning a value instead of writing NULs into
 * the input and filling out-pointers. Unlike the C function, the path keeps its leading {@code /}.
 *
 * @param scheme the scheme in lower case ({@code http}, {@code https}, {@code ws}, {@code wss}), or "" when absent
 * @param host the host (IPv6 literals without brackets)
 * @param port the port: explicit, or the scheme's default (80 for http/ws, 443 for https/wss, else 80)
 * @param path the path with query (never the fragment), starting with {@code /}
 */
public record LwsUri(String scheme, String host, int port, String path) {

	/**
	 * {@code lws_parse_uri}: parses {@code [scheme://]host[:port][/path][?query][#fragment]}. The host is an IPv6
	 * literal only in brackets; the scheme is lower-cased, the host kept as written; {@code ://} later in the text
	 * (in a query, say) is not taken for a scheme.
	 * @param uri the text
	 * @return the parts
	 * @throws IllegalArgumentException when the host is missing, an IPv6 literal is unbracketed or unclosed, or the
	 *         port is not a number from 1 to 65535
	 */
	public static LwsUri parse(String uri) {
		String rest = uri.trim();
		String scheme = "";
		int sep = schemeEnd(rest);
		if (sep >= 0) {
			scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
			rest = rest.substring(sep + 3);
		}
		int authorityEnd = 0;
		while (authorityEnd < rest.length() && "/?#".indexOf(rest.charAt(authorityEnd)) < 0) {
			authorityEnd++;
		}
		String authority = rest.substring(0, authorityEnd);
		String path = rest.substring(authorityEnd);
		int hash = path.indexOf('#');
		if (hash >= 0) {
			// a fragment is never sent to a server
			path = path.substring(0, hash);
		}
		if (!path.startsWith("/")) {
			path = "/" + path;
		}
		String host;
		String portText = null;
		if (authority.startsWith("[")) {
			int end = authority.indexOf(']');
			if (end < 0) {
				throw new IllegalArgumentException("Unclosed IPv6 literal in '" + uri + "'");
			}
			host = authority.substring(1, end);
			if (authority.length() > end + 1) {
				if (authority.charAt(end + 1) != ':') {
					throw new IllegalArgumentException("Unexpected text after the IPv6 literal in '" + uri + "'");
				}
				portText = authority.substring(end + 2);
			}
		}
		else {
			int colon = authority.indexOf(':');
			if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
				throw new IllegalArgumentException("An IPv6 address must be in brackets, as in [::1]:80; got '" + uri
						+ "'");
			}
			host = (colon >= 0) ? authority.substring(0, colon) : authority;
			portText = (colon >= 0) ? authority.substring(colon + 1) : null;
		}
		if (host.isEmpty()) {
			throw new IllegalArgumentException("No host in '" + uri + "'");
		}
		int port = (portText != null) ? port(portText, uri) : defaultPort(scheme);
		return new LwsUri(scheme, host, port, path);
	}

	/** Where {@code ://} ends a scheme (RFC 3986: a letter, then letters, digits, {@code + - .}), or -1. */
	private static int schemeEnd(String text) {
		int sep = text.indexOf("://");
		if (sep <= 0 || !Character.isLetter(text.charAt(0))) {
			return -1;
		}
		for (int i = 1; i < sep; i++) {
			char ch = text.charAt(i);
			if (!(ch < 0x80 && (Character.isLetterOrDigit(ch) || ch == '+' || ch == '-' || ch == '.'))) {
				return -1;
			}
		}
		return sep;
	}

	private static int port(String text, String uri) {
		if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch((ch) -> ch >= '0' && ch <= '9')) {
			throw new IllegalArgumentException("Bad port '" + text + "' in '" + uri + "'");
		}
		int port = Integer.parseInt(text);
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Port " + port + " out of range in '" + uri + "'");
		}
		return port;
	}

	/**
	 * Whether a host is an IP address rather than a name: an IPv6 literal (it has a colon) or dotted digits. A client
	 * resolves no such host and sends it no SNI name.
	 * @param host a host as {@link #parse} gives it (IPv6 without brackets)
	 * @return {@code true} for an IP literal
	 */
	public static boolean isIpLiteral(String host) {
		if (host.indexOf(':') >= 0) {
			return true;
		}
		for (int i = 0; i < host.length(); i++) {
			char ch = host.charAt(i);
			if (ch != '.' && (ch < '0' || ch > '9')) {
				return false;
			}
		}
		return !host.isEmpty();
	}

	private static int defaultPort(String scheme) {
		return switch (scheme) {
			case "https", "wss" -> 443;
			default -> 80;
		};
	}

}
