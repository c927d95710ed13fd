package io.lws.core.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

import io.lws.core.ClientConnectInfo;
import io.lws.core.LwsUri;
import io.lws.core.http.HttpChars;

/**
 * Where a redirect sends a client: the {@code Location} of a 3xx read with {@code lws_parse_uri}, resolved against
 * the current target when relative (RFC 9110 section 10.2.2 allows a relative reference; RFC 3986 section 5.2 says
 * how it resolves). The fragment is dropped: it is never sent.
 *
 * @param ssl the {@code ssl_connection} for the new target
 * @param address the server's address
 * @param port its port
 * @param path the request target
 */
record ClientTarget(int ssl, String address, int port, String path) {

	private static final Pattern ABSOLUTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

	/**
	 * Resolves {@code location} against {@code current}.
	 * @throws IllegalArgumentException when the location cannot be parsed or has an unknown scheme
	 */
	static ClientTarget resolve(ClientConnectInfo current, String location) {
		String loc = location.trim();
		if (loc.isEmpty()) {
			throw new IllegalArgumentException("the location is empty");
		}
		if (ABSOLUTE.matcher(loc).matches()) {
			LwsUri u = LwsUri.parse(loc);
			int ssl = switch (u.scheme()) {
				case "https", "wss" -> (current.sslConnection() != 0) ? current.sslConnection()
						: ClientConnectInfo.USE_SSL;
				case "http", "ws" -> {
					if (current.ssl()) {
						// as libwebsockets: a redirect may not take a TLS connection to plain text
						throw new IllegalArgumentException("a redirect from TLS to plain " + u.scheme()
								+ " is refused");
					}
					yield 0;
				}
				default -> throw new IllegalArgumentException("scheme '" + u.scheme() + "' cannot be followed");
			};
			return checked(new ClientTarget(ssl, u.host(), u.port(), u.path()));
		}
		if (loc.startsWith("//")) {
			return resolve(current, (current.ssl() ? "https:" : "http:") + loc);
		}
		int hash = loc.indexOf('#');
		if (hash >= 0) {
			loc = loc.substring(0, hash);
		}
		String base = current.path();
		int q = base.indexOf('?');
		String basePath = (q >= 0) ? base.substring(0, q) : base;
		String merged;
		if (loc.isEmpty()) {
			merged = base;
		}
		else if (loc.startsWith("?")) {
			merged = basePath + loc;
		}
		else if (loc.startsWith("/")) {
			merged = loc;
		}
		else {
			merged = basePath.substring(0, basePath.lastIndexOf('/') + 1) + loc;
		}
		return checked(new ClientTarget(current.sslConnection(), current.address(), current.port(),
				withoutDotSegments(merged)));
	}

	/** A request target may not hold spaces or control characters (a server sending them is broken or hostile). */
	private static ClientTarget checked(ClientTarget t) {
		if (HttpChars.hasControlOrSpace(t.path())) {
			throw new IllegalArgumentException("the path holds spaces or control characters");
		}
		return t;
	}

	/** RFC 3986 section 5.2.4 on the path part ({@code ..} never climbs above {@code /}); the query is kept as is. */
	static String withoutDotSegments(String target) {
		int q = target.indexOf('?');
		String path = (q >= 0) ? target.substring(0, q) : target;
		String query = (q >= 0) ? target.substring(q) : "";
		if (!path.contains(".")) {
			return target;
		}
		Deque<String> out = new ArrayDeque<>();
		String[] segments = path.split("/", -1);
		for (int i = 1; i < segments.length; i++) {
			String s = segments[i];
			boolean last = i == segments.length - 1;
			if (s.equals(".") || s.equals("..")) {
				if (s.equals("..") && !out.isEmpty()) {
					out.removeLast();
				}
				if (last) {
					// "a/." and "a/.." name the directory: keep the trailing slash
					out.addLast("");
				}
			}
			else {
				out.addLast(s);
			}
		}
		return "/" + String.join("/", out) + query;
	}

}
