package io.lws.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.lws.core.ext.LwsExtension;
import io.lws.core.http.HttpChars;

/**
 * Where and how to connect: libwebsockets' {@code struct lws_client_connect_info}, passed to
 * {@link LwsContext#clientConnect(ClientConnectInfo)} ({@code lws_client_connect_via_info}). Immutable; build with
 * {@link #builder()} or {@link #forUri(String)}.
 * <p>
 * Without a {@link Builder#method(String) method} the connection is a WebSocket client ({@code ws://} or
 * {@code wss://}); with one it is a plain HTTP client request ({@code GET}, {@code POST}, {@code HEAD}, ...).
 */
public final class ClientConnectInfo {

	/** {@code LCCSCF_USE_SSL}: connect with TLS, checking the server's certificate and name. */
	public static final int USE_SSL = 1;

	/**
	 * {@code LCCSCF_ALLOW_SELFSIGNED}: TLS, accepting a self-signed server certificate (v2's
	 * {@code ssl_connection = 2}).
	 */
	public static final int ALLOW_SELFSIGNED = 2;

	/** {@code LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK}: TLS without checking that the certificate names the host. */
	public static final int SKIP_SERVER_CERT_HOSTNAME_CHECK = 4;

	/** {@code LCCSCF_ALLOW_INSECURE}: TLS accepting any certificate at all. */
	public static final int ALLOW_INSECURE = 16;

	private final String address;

	private final int port;

	private final int sslConnection;

	private final String path;

	private final String host;

	private final String origin;

	private final String protocol;

	private final int ietfVersionOrMinusOne;

	private final Object userdata;

	private final List<LwsExtension<?>> clientExtensions;

	private final String method;

	private final Lws parentWsi;

	private final String uriReplaceFrom;

	private final String uriReplaceTo;

	private final LwsVhost vhost;

	private final String localProtocolName;

	private ClientConnectInfo(Builder b) {
		this.address = b.address;
		this.port = b.port;
		this.sslConnection = b.sslConnection;
		this.path = b.path;
		this.host = (b.host != null) ? b.host : defaultHost(b.address, b.port, b.sslConnection != 0);
		this.origin = b.origin;
		this.protocol = b.protocol;
		this.ietfVersionOrMinusOne = b.ietfVersionOrMinusOne;
		this.userdata = b.userdata;
		this.clientExtensions = List.copyOf(b.clientExtensions);
		this.method = b.method;
		this.parentWsi = b.parentWsi;
		this.uriReplaceFrom = b.uriReplaceFrom;
		this.uriReplaceTo = b.uriReplaceTo;
		this.vhost = b.vhost;
		this.localProtocolName = b.localProtocolName;
	}

	private static String defaultHost(String address, int port, boolean ssl) {
		String h = (address.indexOf(':') >= 0) ? "[" + address + "]" : address;
		return (port == (ssl ? 443 : 80)) ? h : h + ":" + port;
	}

	/** A builder with lws' defaults: port 80, plain, path {@code /}, latest WebSocket version, no extensions. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder filled from a URI by {@link LwsUri#parse} ({@code lws_parse_uri}): {@code ws}, {@code wss},
	 * {@code http} or {@code https}; {@code wss}/{@code https} set {@link #USE_SSL}, {@code http}/{@code https}
	 * set the method to {@code GET}.
	 * @param uri e.g. {@code ws://localhost:7681/} or {@code https://example.com/index.html}
	 * @throws IllegalArgumentException when the URI has no host, a bad port or another scheme
	 */
	public static Builder forUri(String uri) {
		LwsUri u = LwsUri.parse(uri);
		Builder b = builder().address(u.host()).port(u.port()).path(u.path());
		switch (u.scheme()) {
			case "ws", "" -> {
			}
			case "wss" -> b.sslConnection(USE_SSL);
			case "http" -> b.method("GET");
			case "https" -> b.sslConnection(USE_SSL).method("GET");
			default -> throw new IllegalArgumentException("Scheme '" + u.scheme() + "' is not ws, wss, http or https");
		}
		return b;
	}

	/** {@code address}: the server's name or IP address. */
	public String address() {
		return this.address;
	}

	/** {@code port}: the server's port. */
	public int port() {
		return this.port;
	}

	/** {@code ssl_connection}: 0 for plain; otherwise TLS, with the {@code LCCSCF_*} bits of this class. */
	public int sslConnection() {
		return this.sslConnection;
	}

	/** Whether the connection uses TLS ({@code ssl_connection} non-zero). */
	public boolean ssl() {
		return this.sslConnection != 0;
	}

	/** {@code path}: the request target, e.g. {@code /} or {@code /chat?room=1}. */
	public String path() {
		return this.path;
	}

	/** {@code host}: the Host header (and the TLS SNI and certificate name); defaults to the address and port. */
	public String host() {
		return this.host;
	}

	/**
	 * {@code origin}: the Origin header, or {@code null} to send none; as in libwebsockets, {@code http://} is put in
	 * front unless the value already has a scheme.
	 */
	public String origin() {
		return this.origin;
	}

	/** {@code protocol}: the comma-separated subprotocols to ask for, or {@code null} for none. */
	public String protocol() {
		return this.protocol;
	}

	/** {@code ietf_version_or_minus_one}: -1 (or 0) for the latest, which is 13, the only one spoken. */
	public int ietfVersionOrMinusOne() {
		return this.ietfVersionOrMinusOne;
	}

	/** {@code userdata}: the session object to use instead of the protocol's {@code newSession}, or {@code null}. */
	public Object userdata() {
		return this.userdata;
	}

	/** {@code client_exts}: the extensions to offer, in order of preference; empty for none. */
	public List<LwsExtension<?>> clientExtensions() {
		return this.clientExtensions;
	}

	/** {@code method}: an HTTP method for a plain HTTP request, or {@code null} for a WebSocket upgrade. */
	public String method() {
		return this.method;
	}

	/** Whether this is a plain HTTP client request rather than a WebSocket. */
	public boolean isHttp() {
		return this.method != null;
	}

	/** {@code parent_wsi}: the connection responsible for this one (closed after its children), or {@code null}. */
	public Lws parentWsi() {
		return this.parentWsi;
	}

	/** {@code uri_replace_from}: text to replace in {@code text/html} responses, or {@code null}. */
	public String uriReplaceFrom() {
		return this.uriReplaceFrom;
	}

	/** {@code uri_replace_to}: what replaces {@link #uriReplaceFrom()}. */
	public String uriReplaceTo() {
		return this.uriReplaceTo;
	}

	/** {@code vhost}: the vhost whose protocols, TLS client context and proxy are used; {@code null} for the first. */
	public LwsVhost vhost() {
		return this.vhost;
	}

	/**
	 * {@code local_protocol_name} (lws 3.x on): the vhost protocol that gets this connection's callbacks until the
	 * server answers; {@code null} for the first protocol in {@link #protocol()} that the vhost has, else its first.
	 */
	public String localProtocolName() {
		return this.localProtocolName;
	}

	/** A builder starting from these values. */
	public Builder toBuilder() {
		Builder b = builder().address(this.address).port(this.port).sslConnection(this.sslConnection).path(this.path)
			.origin(this.origin).protocol(this.protocol).ietfVersionOrMinusOne(this.ietfVersionOrMinusOne)
			.userdata(this.userdata).clientExtensions(this.clientExtensions).method(this.method)
			.parentWsi(this.parentWsi).uriReplace(this.uriReplaceFrom, this.uriReplaceTo).vhost(this.vhost)
			.localProtocolName(this.localProtocolName);
		b.host = this.host;
		return b;
	}

	@Override
	public String toString() {
		return (isHttp() ? this.method + " " + (ssl() ? "https" : "http") : (ssl() ? "wss" : "ws")) + "://"
				+ this.host + this.path;
	}

	/** Builds a {@link ClientConnectInfo}. */
	public static final class Builder {

		private String address;

		private int port = 80;

		private int sslConnection;

		private String path = "/";

		private String host;

		private String origin;

		private String protocol;

		private int ietfVersionOrMinusOne = -1;

		private Object userdata;

		private List<LwsExtension<?>> clientExtensions = List.of();

		private String method;

		private Lws parentWsi;

		private String uriReplaceFrom;

		private String uriReplaceTo;

		private LwsVhost vhost;

		private String localProtocolName;

		private Builder() {
		}

		/** {@code address}: the server's name or IP address (IPv6 without brackets). */
		public Builder address(String address) {
			this.address = address;
			return this;
		}

		/** {@code port}: 1 to 65535. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** {@code ssl_connection}: 0, or {@link #USE_SSL} and the other {@code LCCSCF_*} bits of this class. */
		public Builder sslConnection(int sslConnection) {
			this.sslConnection = sslConnection;
			return this;
		}

		/** {@code path}: must start with {@code /}. */
		public Builder path(String path) {
			this.path = path;
			return this;
		}

		/** {@code host}: the Host header; {@code null} for the address (and the port when not the default). */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/** {@code origin}: the Origin header, or {@code null}. */
		public Builder origin(String origin) {
			this.origin = origin;
			return this;
		}

		/** {@code protocol}: comma-separated subprotocol names, or {@code null}. */
		public Builder protocol(String protocol) {
			this.protocol = protocol;
			return this;
		}

		/** {@code ietf_version_or_minus_one}: -1, 0 or 13. */
		public Builder ietfVersionOrMinusOne(int version) {
			this.ietfVersionOrMinusOne = version;
			return this;
		}

		/** {@code userdata}: the session object for the bound protocol, instead of its {@code newSession}. */
		public Builder userdata(Object userdata) {
			this.userdata = userdata;
			return this;
		}

		/** {@code client_exts}: extensions to offer. */
		public Builder clientExtensions(List<? extends LwsExtension<?>> extensions) {
			this.clientExtensions = List.copyOf(extensions);
			return this;
		}

		/**
		 * {@code method}: {@code GET}, {@code POST}, {@code HEAD}, ... for an HTTP request; {@code null} for WebSocket.
		 */
		public Builder method(String method) {
			this.method = method;
			return this;
		}

		/** {@code parent_wsi}: the connection this one belongs to; it is closed before its parent. */
		public Builder parentWsi(Lws parent) {
			this.parentWsi = parent;
			return this;
		}

		/** {@code uri_replace_from} and {@code uri_replace_to}: rewrite text in {@code text/html} responses. */
		public Builder uriReplace(String from, String to) {
			this.uriReplaceFrom = from;
			this.uriReplaceTo = to;
			return this;
		}

		/** {@code vhost}: the vhost to connect through; {@code null} for the context's first. */
		public Builder vhost(LwsVhost vhost) {
			this.vhost = vhost;
			return this;
		}

		/** {@code local_protocol_name}: the vhost protocol bound until the server answers. */
		public Builder localProtocolName(String name) {
			this.localProtocolName = name;
			return this;
		}

		/**
		 * Checks and builds.
		 * @throws IllegalArgumentException naming the first member that is missing or out of range
		 */
		public ClientConnectInfo build() {
			if (this.address == null || this.address.isBlank()) {
				throw new IllegalArgumentException("ClientConnectInfo needs an address");
			}
			if (this.port < 1 || this.port > 65535) {
				throw new IllegalArgumentException("Port " + this.port + " is not from 1 to 65535");
			}
			Objects.requireNonNull(this.path, "path");
			if (!this.path.startsWith("/") || HttpChars.hasControlOrSpace(this.path)) {
				throw new IllegalArgumentException("The path must start with '/' and hold no spaces or control "
						+ "characters: '" + this.path + "'");
			}
			if (this.method != null && !HttpChars.isToken(this.method)) {
				throw new IllegalArgumentException("'" + this.method + "' is not an HTTP method");
			}
			if (this.ietfVersionOrMinusOne != -1 && this.ietfVersionOrMinusOne != 0
					&& this.ietfVersionOrMinusOne != 13) {
				throw new IllegalArgumentException("WebSocket version " + this.ietfVersionOrMinusOne
						+ " is not spoken: use -1 (latest, 13)");
			}
			if ((this.uriReplaceFrom == null) != (this.uriReplaceTo == null)
					|| (this.uriReplaceFrom != null && this.uriReplaceFrom.isEmpty())) {
				throw new IllegalArgumentException("uri_replace_from and uri_replace_to go together, from non-empty");
			}
			for (String s : new String[] { this.host, this.origin, this.protocol }) {
				if (s != null && (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0)) {
					throw new IllegalArgumentException("A header value holds a line break: '" + s + "'");
				}
			}
			if (this.method != null) {
				this.method = this.method.toUpperCase(Locale.ROOT);
			}
			return new ClientConnectInfo(this);
		}

	}

}
