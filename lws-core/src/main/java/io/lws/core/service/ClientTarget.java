package io.lws.core.service;

import io.lws.core.ClientConnectInfo;
import io.lws.core.LwsUri;

/**
 * Where a redirect sends a client: the {@code Location} of a 3xx read with {@code lws_parse_uri}, resolved against
 * the current target when relative (RFC 9110 section 10.2.2 allows a relative reference).
 *
 * @param ssl the {@code ssl_connection} for the new target
 * @param address the server's address
 * @param port its port
 * @param path the request target
 */
record ClientTarget(int ssl, String address, int port, String path) {

	/**
	 * Resolves {@code location} against {@code current}.
	 * @throws IllegalArgumentException when the location cannot be parsed or has an unknown scheme
	 */
	static ClientTarget resolve(ClientConnectInfo current, String location) {
		String loc = location.trim();
		if (loc.contains("://")) {
			LwsUri u = LwsUri.parse(loc);
			int ssl = switch (u.scheme()) {
				case "https", "wss" -> (current.sslConnection() != 0) ? current.sslConnection()
						: ClientConnectInfo.USE_SSL;
				case "http", "ws" -> {
					if (current.ssl()) {
						// as libwebsockets: a redirect may not take a TLS connection to plain text
						throw new IllegalArgumentException("a redirect from TLS to plain " + u.scheme() + " is refused");
					}
					yield 0;
				}
				default -> throw new IllegalArgumentException("scheme '" + u.scheme() + "' cannot be followed");
			};
			return new ClientTarget(ssl, u.host(), u.port(), u.path());
		}
		if (loc.startsWith("//")) {
			return resolve(current, (current.ssl() ? "https:" : "http:") + loc);
		}
		String path;
		if (loc.startsWith("/")) {
			path = loc;
		}
		else {
			String base = current.path();
			int q = base.indexOf('?');
			if (q >= 0) {
				base = base.substring(0, q);
			}
			path = base.substring(0, base.lastIndexOf('/') + 1) + loc;
		}
		return new ClientTarget(current.sslConnection(), current.address(), current.port(), path);
	}

}
