package io.lws.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import io.lws.core.ext.LwsExtension;
import io.lws.core.mount.Mount;
import io.lws.core.tls.ClientSslInfo;
import io.lws.core.tls.KeyStoreFile;
import io.lws.core.tls.TlsServerContext;

/**
 * What a vhost is made of: the vhost half of libwebsockets' {@code struct lws_context_creation_info} (the members its
 * documentation marks {@code VHOST:}). Immutable; build with {@link #builder(String)} and pass to
 * {@link LwsContext#createVhost(VhostCreationInfo)} ({@code lws_create_vhost}) or to
 * {@link ContextCreationInfo.Builder#vhost(VhostCreationInfo)} for the implicit vhost.
 */
public final class VhostCreationInfo {

	/** {@code CONTEXT_PORT_NO_LISTEN}: the vhost listens on no port (a client-only vhost). */
	public static final int PORT_NO_LISTEN = -1;

	/** Default seconds for network round trips (handshakes, close acknowledgement, request body): 5, as lws 4.x. */
	public static final int DEFAULT_TIMEOUT_SECS = 5;

	/** Default seconds an idle keep-alive connection is kept: 5, as lws 4.x. */
	public static final int DEFAULT_KEEPALIVE_TIMEOUT = 5;

	private final String name;

	private final int port;

	private final String iface;

	private final List<LwsProtocol<?>> protocols;

	private final Set<ServerOption> options;

	private final Map<String, Map<String, String>> pvo;

	private final List<Mount> mounts;

	private final int keepaliveTimeout;

	private final int timeoutSecs;

	private final String logFilepath;

	private final String httpProxyAddress;

	private final int httpProxyPort;

	private final long maxMessageSize;

	private final int pingPongInterval;

	private final List<LwsExtension<?>> extensions;
	// ---- TLS ----

	private final String sslCertFilepath;

	private final String sslPrivateKeyFilepath;

	private final String sslPrivateKeyPassword;

	private final String sslCaFilepath;

	private final String sslCipherList;

	private final String ecdhCurve;

	private final KeyStoreFile sslKeyStore;

	private final String sslKeyAlias;

	private final KeyStoreFile sslTrustStore;

	private final KeyManager[] sslKeyManagers;

	private final TrustManager[] sslTrustManagers;

	private final List<String> sslProtocols;

	private final ClientSslInfo clientSsl;

	private final List<String> alpn;

	private VhostCreationInfo(Builder b) {
		this.name = b.name;
		this.port = b.port;
		this.iface = b.iface;
		this.protocols = List.copyOf(b.protocols);
		this.options = Collections.unmodifiableSet(EnumSet.copyOf(b.options));
		Map<String, Map<String, String>> p = new LinkedHashMap<>();
		b.pvo.forEach((k, v) -> p.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
		this.pvo = Collections.unmodifiableMap(p);
		this.mounts = List.copyOf(b.mounts);
		this.keepaliveTimeout = b.keepaliveTimeout;
		this.timeoutSecs = b.timeoutSecs;
		this.logFilepath = b.logFilepath;
		this.httpProxyAddress = b.httpProxyAddress;
		this.httpProxyPort = b.httpProxyPort;
		this.maxMessageSize = b.maxMessageSize;
		this.pingPongInterval = b.pingPongInterval;
		this.extensions = List.copyOf(b.extensions);
		this.sslCertFilepath = b.sslCertFilepath;
		this.sslPrivateKeyFilepath = b.sslPrivateKeyFilepath;
		this.sslPrivateKeyPassword = b.sslPrivateKeyPassword;
		this.sslCaFilepath = b.sslCaFilepath;
		this.sslCipherList = b.sslCipherList;
		this.ecdhCurve = b.ecdhCurve;
		this.sslKeyStore = b.sslKeyStore;
		this.sslKeyAlias = b.sslKeyAlias;
		this.sslTrustStore = b.sslTrustStore;
		this.sslKeyManagers = (b.sslKeyManagers != null) ? b.sslKeyManagers.clone() : null;
		this.sslTrustManagers = (b.sslTrustManagers != null) ? b.sslTrustManagers.clone() : null;
		this.sslProtocols = List.copyOf(b.sslProtocols);
		this.clientSsl = b.clientSsl;
		this.alpn = List.copyOf(b.alpn);
	}

	/**
	 * Starts a vhost definition.
	 * @param name {@code vhost_name}: matched against the request's Host header (without port) to choose among the
	 * vhosts sharing a listen port
	 * @return a builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/** {@code vhost_name}. */
	public String name() {
		return this.name;
	}

	/** {@code port}: the TCP port; 0 picks a free one; {@link #PORT_NO_LISTEN} listens on none. */
	public int port() {
		return this.port;
	}

	/**
	 * {@code iface}: {@code null} for all interfaces, an interface name ({@code lo}) or an IP address; with
	 * {@link ServerOption#UNIX_SOCK}, the path of a UNIX domain socket.
	 */
	public String iface() {
		return this.iface;
	}

	/** {@code protocols}: in order; the first also gets the HTTP callbacks. */
	public List<LwsProtocol<?>> protocols() {
		return this.protocols;
	}

	/** {@code options}: the vhost's {@code LWS_SERVER_OPTION_*} bits. */
	public Set<ServerOption> options() {
		return this.options;
	}

	/** {@code pvo}: per-vhost options by protocol name, readable with {@link LwsVhost#protocolOptions(String)}. */
	public Map<String, Map<String, String>> pvo() {
		return this.pvo;
	}

	/** {@code mounts}: where URL paths are served from. */
	public List<Mount> mounts() {
		return this.mounts;
	}

	/** {@code keepalive_timeout}: seconds an idle HTTP/1.1 connection is kept. */
	public int keepaliveTimeout() {
		return this.keepaliveTimeout;
	}

	/** {@code timeout_secs}: seconds allowed for network round trips. */
	public int timeoutSecs() {
		return this.timeoutSecs;
	}

	/** {@code log_filepath}: a file the vhost's log lines are appended to, or {@code null}. */
	public String logFilepath() {
		return this.logFilepath;
	}

	/**
	 * {@code http_proxy_address}: the HTTP proxy of this vhost's client connections, {@code [user:password@]host}
	 * (with {@link #httpProxyPort()}) or {@code host:port}; {@code null} to use the {@code http_proxy} environment
	 * variable, as libwebsockets does.
	 */
	public String httpProxyAddress() {
		return this.httpProxyAddress;
	}

	/** {@code http_proxy_port}: the proxy's port when {@link #httpProxyAddress()} has none; 0 otherwise. */
	public int httpProxyPort() {
		return this.httpProxyPort;
	}

	/**
	 * The largest WebSocket message accepted where the engine assembles a whole message (1009 beyond it); 0 for no
	 * limit. Streamed delivery in {@code rx_buffer_size} pieces needs no limit.
	 */
	public long maxMessageSize() {
		return this.maxMessageSize;
	}

	/**
	 * {@code ws_ping_pong_interval} (lws 2.1+): seconds of WebSocket silence after which the server pings, dropping
	 * the peer if no pong comes back within {@link #timeoutSecs()}; 0 disables.
	 */
	public int pingPongInterval() {
		return this.pingPongInterval;
	}

	/**
	 * {@code extensions}: the WebSocket extensions this vhost negotiates, in order of preference (a client's order
	 * of offers decides first). Empty: none.
	 */
	public List<LwsExtension<?>> extensions() {
		return this.extensions;
	}

	/**
	 * Whether the vhost serves TLS: it has a certificate ({@link #sslCertFilepath()}), a key store or key managers.
	 * Vhosts sharing a port must all agree.
	 */
	public boolean isTls() {
		return this.sslCertFilepath != null || this.sslKeyStore != null || this.sslKeyManagers != null;
	}

	/**
	 * {@code ssl_cert_filepath}: the server certificate chain, PEM, leaf first. Without a private key file,
	 * {@code OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY} asks the first protocol for the key.
	 */
	public String sslCertFilepath() {
		return this.sslCertFilepath;
	}

	/** {@code ssl_private_key_filepath}: PEM, PKCS#8 (encrypted or not), PKCS#1 RSA or SEC1 EC. */
	public String sslPrivateKeyFilepath() {
		return this.sslPrivateKeyFilepath;
	}

	/** The password of an encrypted private key (or of the key in {@link #sslKeyStore()}); null for none. */
	public String sslPrivateKeyPassword() {
		return this.sslPrivateKeyPassword;
	}

	/**
	 * {@code ssl_ca_filepath}: PEM CA certificates that issue client certificates, used with
	 * {@link ServerOption#REQUIRE_VALID_OPENSSL_CLIENT_CERT}.
	 */
	public String sslCaFilepath() {
		return this.sslCaFilepath;
	}

	/** {@code ssl_cipher_list}: an OpenSSL cipher list (or JSSE suite names); null for the JDK defaults. */
	public String sslCipherList() {
		return this.sslCipherList;
	}

	/** {@code ecdh_curve}: an OpenSSL curve name such as {@code prime256v1}; null for the JDK defaults. */
	public String ecdhCurve() {
		return this.ecdhCurve;
	}

	/** A key store holding the server key and chain, instead of PEM files. */
	public KeyStoreFile sslKeyStore() {
		return this.sslKeyStore;
	}

	/** Which key of {@link #sslKeyStore()} to serve; null lets JSSE choose. */
	public String sslKeyAlias() {
		return this.sslKeyAlias;
	}

	/** A trust store of client-certificate CAs, besides or instead of {@link #sslCaFilepath()}. */
	public KeyStoreFile sslTrustStore() {
		return this.sslTrustStore;
	}

	/** Ready key managers (a Spring SSL bundle's, say), instead of files; null when unset. */
	public KeyManager[] sslKeyManagers() {
		return (this.sslKeyManagers != null) ? this.sslKeyManagers.clone() : null;
	}

	/** Ready trust managers for client certificates; null when unset. */
	public TrustManager[] sslTrustManagers() {
		return (this.sslTrustManagers != null) ? this.sslTrustManagers.clone() : null;
	}

	/** TLS protocols to enable; empty means TLS 1.3 and 1.2. */
	public List<String> sslProtocols() {
		return this.sslProtocols;
	}

	/**
	 * The TLS material of the vhost's client connections ({@code client_ssl_ca_filepath},
	 * {@code client_ssl_cert_filepath}, ... as {@code lws_init_vhost_client_ssl} reads them); null for the JVM's CAs
	 * and no client certificate.
	 */
	public ClientSslInfo clientSsl() {
		return this.clientSsl;
	}

	/** ALPN protocols the server accepts, in preference order: {@code http/1.1} by default. */
	public List<String> alpn() {
		return this.alpn;
	}

	/** Whether {@code option} is set. */
	public boolean has(ServerOption option) {
		return this.options.contains(option);
	}

	@Override
	public String toString() {
		return "VhostCreationInfo[" + this.name + ", port=" + this.port + ", iface=" + this.iface + "]";
	}

	/** Builds a {@link VhostCreationInfo}. */
	public static final class Builder {

		private final String name;

		private int port = 7681;

		private String iface;

		private final List<LwsProtocol<?>> protocols = new ArrayList<>();

		private final Set<ServerOption> options = EnumSet.noneOf(ServerOption.class);

		private final Map<String, Map<String, String>> pvo = new LinkedHashMap<>();

		private final List<Mount> mounts = new ArrayList<>();

		private int keepaliveTimeout = DEFAULT_KEEPALIVE_TIMEOUT;

		private int timeoutSecs = DEFAULT_TIMEOUT_SECS;

		private String logFilepath;

		private String httpProxyAddress;

		private int httpProxyPort;

		private long maxMessageSize;

		private int pingPongInterval;

		private final List<LwsExtension<?>> extensions = new ArrayList<>();
		private String sslCertFilepath;

		private String sslPrivateKeyFilepath;

		private String sslPrivateKeyPassword;

		private String sslCaFilepath;

		private String sslCipherList;

		private String ecdhCurve;

		private KeyStoreFile sslKeyStore;

		private String sslKeyAlias;

		private KeyStoreFile sslTrustStore;

		private KeyManager[] sslKeyManagers;

		private TrustManager[] sslTrustManagers;

		private List<String> sslProtocols = List.of();

		private ClientSslInfo clientSsl;

		private List<String> alpn = TlsServerContext.DEFAULT_ALPN;

		private Builder(String name) {
			Objects.requireNonNull(name, "name");
			if (name.isBlank()) {
				throw new IllegalArgumentException("A vhost name must not be blank");
			}
			this.name = name;
		}

		/** {@code port}; default 7681, 0 for any free port, {@link #PORT_NO_LISTEN} for none. */
		public Builder port(int port) {
			if (port < PORT_NO_LISTEN || port > 65535) {
				throw new IllegalArgumentException("port must be -1 (no listen) or 0-65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/** {@code iface}. */
		public Builder iface(String iface) {
			this.iface = iface;
			return this;
		}

		/** Adds {@code protocols} in order. */
		public Builder protocols(LwsProtocol<?>... protocols) {
			return protocols(List.of(protocols));
		}

		/** Adds {@code protocols} in order. */
		public Builder protocols(List<? extends LwsProtocol<?>> protocols) {
			for (LwsProtocol<?> p : protocols) {
				for (LwsProtocol<?> existing : this.protocols) {
					if (existing.name().equals(p.name())) {
						throw new IllegalArgumentException(
								"Protocol '" + p.name() + "' is listed twice on vhost '" + this.name + "'");
					}
				}
				this.protocols.add(p);
			}
			return this;
		}

		/** Sets {@code options}. */
		public Builder options(ServerOption... options) {
			this.options.addAll(List.of(options));
			return this;
		}

		/** Sets {@code options}. */
		public Builder options(Set<ServerOption> options) {
			this.options.addAll(options);
			return this;
		}

		/** Adds one per-vhost protocol option ({@code pvo}). */
		public Builder pvo(String protocol, String name, String value) {
			this.pvo.computeIfAbsent(protocol, (k) -> new LinkedHashMap<>()).put(name, value);
			return this;
		}

		/** Adds per-vhost options for {@code protocol}. */
		public Builder pvo(String protocol, Map<String, String> options) {
			this.pvo.computeIfAbsent(protocol, (k) -> new LinkedHashMap<>()).putAll(options);
			return this;
		}

		/** Adds {@code mounts}. */
		public Builder mounts(Mount... mounts) {
			this.mounts.addAll(List.of(mounts));
			return this;
		}

		/** Adds {@code mounts}. */
		public Builder mounts(List<Mount> mounts) {
			this.mounts.addAll(mounts);
			return this;
		}

		/** {@code keepalive_timeout} in seconds; 0 means the default (5). */
		public Builder keepaliveTimeout(int secs) {
			this.keepaliveTimeout = positiveOrDefault("keepaliveTimeout", secs, DEFAULT_KEEPALIVE_TIMEOUT);
			return this;
		}

		/** {@code timeout_secs}; 0 means the default (5). */
		public Builder timeoutSecs(int secs) {
			this.timeoutSecs = positiveOrDefault("timeoutSecs", secs, DEFAULT_TIMEOUT_SECS);
			return this;
		}

		/** {@code log_filepath}. */
		public Builder logFilepath(String path) {
			this.logFilepath = path;
			return this;
		}

		/** {@code http_proxy_address} and {@code http_proxy_port} (0 when the address carries the port). */
		public Builder httpProxy(String address, int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("httpProxyPort " + port + " is not from 0 to 65535");
			}
			this.httpProxyAddress = address;
			this.httpProxyPort = port;
			return this;
		}

		/** The largest assembled WebSocket message; 0 for no limit. */
		public Builder maxMessageSize(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("maxMessageSize must be 0 (no limit) or more, not " + bytes);
			}
			this.maxMessageSize = bytes;
			return this;
		}

		/** {@code ws_ping_pong_interval} in seconds; 0 disables. */
		public Builder pingPongInterval(int secs) {
			if (secs < 0) {
				throw new IllegalArgumentException("pingPongInterval must be 0 (off) or more, not " + secs);
			}
			this.pingPongInterval = secs;
			return this;
		}

		/** Adds WebSocket {@code extensions} (such as {@code PerMessageDeflate}); one name may appear once. */
		public Builder extensions(LwsExtension<?>... extensions) {
			return extensions(List.of(extensions));
		}

		/** Adds WebSocket {@code extensions}; one name may appear once. */
		public Builder extensions(List<? extends LwsExtension<?>> extensions) {
			for (LwsExtension<?> e : extensions) {
				for (LwsExtension<?> existing : this.extensions) {
					if (existing.name().equals(e.name())) {
						throw new IllegalArgumentException(
								"Extension '" + e.name() + "' is listed twice on vhost '" + this.name + "'");
					}
				}
				this.extensions.add(e);
			}
			return this;
		}

		/** {@code ssl_cert_filepath}. */
		public Builder sslCertFilepath(String path) {
			this.sslCertFilepath = path;
			return this;
		}

		/** {@code ssl_private_key_filepath}. */
		public Builder sslPrivateKeyFilepath(String path) {
			this.sslPrivateKeyFilepath = path;
			return this;
		}

		/** The private key's password. */
		public Builder sslPrivateKeyPassword(String password) {
			this.sslPrivateKeyPassword = password;
			return this;
		}

		/** {@code ssl_ca_filepath}. */
		public Builder sslCaFilepath(String path) {
			this.sslCaFilepath = path;
			return this;
		}

		/** {@code ssl_cipher_list}. */
		public Builder sslCipherList(String list) {
			this.sslCipherList = list;
			return this;
		}

		/** {@code ecdh_curve}. */
		public Builder ecdhCurve(String curve) {
			this.ecdhCurve = curve;
			return this;
		}

		/** The server key and chain from a key store, optionally one {@code alias} of it (null for any). */
		public Builder sslKeyStore(KeyStoreFile store, String alias) {
			this.sslKeyStore = store;
			this.sslKeyAlias = alias;
			return this;
		}

		/** Client-certificate CAs from a trust store. */
		public Builder sslTrustStore(KeyStoreFile store) {
			this.sslTrustStore = store;
			return this;
		}

		/** Ready key managers for the server certificate. */
		public Builder sslKeyManagers(KeyManager... managers) {
			this.sslKeyManagers = (managers != null) ? managers.clone() : null;
			return this;
		}

		/** Ready trust managers for client certificates. */
		public Builder sslTrustManagers(TrustManager... managers) {
			this.sslTrustManagers = (managers != null) ? managers.clone() : null;
			return this;
		}

		/** TLS protocols to enable ({@code TLSv1.3}, {@code TLSv1.2}). */
		public Builder sslProtocols(List<String> protocols) {
			this.sslProtocols = List.copyOf(protocols);
			return this;
		}

		/** The TLS material of client connections made through this vhost ({@link VhostCreationInfo#clientSsl()}). */
		public Builder clientSsl(ClientSslInfo clientSsl) {
			this.clientSsl = clientSsl;
			return this;
		}

		/** ALPN protocols accepted. */
		public Builder alpn(List<String> protocols) {
			this.alpn = List.copyOf(protocols);
			return this;
		}

		/** Builds the immutable info. */
		public VhostCreationInfo build() {
			if (this.options.contains(ServerOption.UNIX_SOCK) && (this.iface == null || this.iface.isBlank())) {
				throw new IllegalArgumentException(
						"Vhost '" + this.name + "' has UNIX_SOCK but no iface: set iface to the socket's path");
			}
			if (this.sslPrivateKeyFilepath != null && this.sslCertFilepath == null) {
				throw new IllegalArgumentException("Vhost '" + this.name + "' has ssl_private_key_filepath but no "
						+ "ssl_cert_filepath: set the certificate too");
			}
			return new VhostCreationInfo(this);
		}

		private static int positiveOrDefault(String what, int secs, int dflt) {
			if (secs < 0) {
				throw new IllegalArgumentException(what + " must be 0 (default) or more, not " + secs);
			}
			return (secs == 0) ? dflt : secs;
		}

	}

}
