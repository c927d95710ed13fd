package io.lws.core.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * An HTTP proxy for client connections, as {@code lws_set_proxy} reads it: {@code [http://][user:password@]host:port[/]}
 * (the form of the {@code http_proxy} environment variable too). Client connections of the vhost reach their server
 * through an HTTP {@code CONNECT} tunnel, with {@code Proxy-Authorization: Basic} when credentials are given.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param basicCredentials the base64 of {@code user:password}, or {@code null}
 */
record ProxyAddress(String host, int port, String basicCredentials) {

	/** The environment variable libwebsockets reads when a vhost names no proxy. */
	static final String ENVIRONMENT_VARIABLE = "http_proxy";

	/**
	 * Parses a proxy setting.
	 * @param text e.g. {@code proxy.example:3128} or {@code http://user:pass@10.0.0.1:8080/}
	 * @throws IllegalArgumentException when the host or port is missing or bad
	 */
	static ProxyAddress parse(String text) {
		String rest = text.trim();
		if (rest.toLowerCase(Locale.ROOT).startsWith("http://")) {
			rest = rest.substring("http://".length());
		}
		if (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		String credentials = null;
		int at = rest.lastIndexOf('@');
		if (at == 0) {
			throw new IllegalArgumentException("Empty credentials before '@' in proxy '" + text + "'");
		}
		if (at > 0) {
			credentials = Base64.getEncoder()
				.encodeToString(rest.substring(0, at).getBytes(StandardCharsets.UTF_8));
			rest = rest.substring(at + 1);
		}
		int colon = rest.lastIndexOf(':');
		if (colon <= 0 || rest.indexOf('/') >= 0) {
			throw new IllegalArgumentException("A proxy is host:port, optionally with user:password@ before it; got '"
					+ text + "'");
		}
		int port;
		try {
			port = Integer.parseInt(rest.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			port = -1;
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Bad proxy port in '" + text + "'");
		}
		String host = rest.substring(0, colon);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		else if (host.indexOf(':') >= 0) {
			// "host:3128:3128" (a port given twice) or an unbracketed IPv6 address: either way ambiguous
			throw new IllegalArgumentException("A proxy is host:port with one port (an IPv6 address in brackets); got '"
					+ text + "'");
		}
		return new ProxyAddress(host, port, credentials);
	}

	/** The {@code CONNECT} request that opens a tunnel to {@code host:port}. */
	String connectRequest(String targetHost, int targetPort) {
		String authority = ((targetHost.indexOf(':') >= 0) ? "[" + targetHost + "]" : targetHost) + ":" + targetPort;
		StringBuilder sb = new StringBuilder(128);
		sb.append("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
		if (this.basicCredentials != null) {
			sb.append("Proxy-Authorization: Basic ").append(this.basicCredentials).append("\r\n");
		}
		sb.append("\r\n");
		return sb.toString();
	}

	@Override
	public String toString() {
		return this.host + ":" + this.port + ((this.basicCredentials != null) ? " (with credentials)" : "");
	}

}
