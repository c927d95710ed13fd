package io.lws.spring.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lws.core.HeaderToken;
import io.lws.core.ServerOption;
import io.lws.core.mount.MountOrigin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Configuration properties under {@code lws}: libwebsockets' {@code struct lws_context_creation_info}, its context
 * members directly under {@code lws} and its vhost members under {@code lws.vhosts.<name>} (one entry per
 * {@code lws_create_vhost} call). {@code docs/configuration.md} lists every key with the C field it maps to.
 * <p>
 * A key under {@code lws} that no property here binds fails start-up naming the key: a misspelt
 * {@code ssl.certificate} must not leave a vhost serving plain HTTP without a word.
 */
@ConfigurationProperties(prefix = "lws", ignoreUnknownFields = false)
public class LwsProperties {

	/**
	 * Whether to start the lws server at all.
	 */
	private boolean enabled = true;

	/**
	 * How the server stops with the application: graceful waits for HTTP transactions and WebSocket close handshakes
	 * (bounded by spring.lifecycle.timeout-per-shutdown-phase), immediate closes everything at once.
	 */
	private Shutdown shutdown = Shutdown.GRACEFUL;

	/**
	 * Number of service threads, each with its own selector (count_threads). 0 means one per available processor.
	 */
	private int serviceThreads = 1;

	/**
	 * Most connections one service thread takes (fd_limit_per_thread). 0 means no limit of lws's own.
	 */
	private int connectionLimitPerThread = 0;

	/**
	 * Threads that run TLS handshake work (key exchange, signatures, certificate checks) off the service threads. 0
	 * means one per available processor. Started only when a vhost serves TLS.
	 */
	private int tlsTaskThreads = 0;

	/**
	 * Value of the server response header (server_string). Empty sends no server header.
	 */
	private String serverString = "libwebsockets";

	/**
	 * Size of each service thread's read buffer (pt_serv_buf_size). One per service thread, never per connection:
	 * 256KB (libwebsockets' default is 4096) lets large messages and uploads arrive in few reads, about a third of
	 * those 64KB takes.
	 */
	@DataSizeUnit(DataUnit.BYTES)
	private DataSize serviceBufferSize = DataSize.ofKilobytes(256);

	/**
	 * Most bytes a connection may have waiting to be sent before a write fails and the connection closes.
	 */
	@DataSizeUnit(DataUnit.BYTES)
	private DataSize txBufferLimit = DataSize.ofMegabytes(16);

	/**
	 * How long a connection may have output pending without the peer reading any of it before it is dropped.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration txStallTimeout = Duration.ofSeconds(20);

	/**
	 * Linux's TCP_NOTSENT_LOWAT for sockets that stream a file: such a socket counts as writable only while less than
	 * this waits unsent in the kernel, so large downloads are written as the client drains them (on loopback,
	 * 128KB served 10 MiB files about 1.5 times faster, and 32KB a fifth faster again). 0 keeps the system's
	 * net.ipv4.tcp_notsent_lowat. Needs the JVM option --add-opens java.base/sun.nio.ch=ALL-UNNAMED (or Add-Opens:
	 * java.base/sun.nio.ch in the jar's manifest); without it a warning is logged once and the system's value
	 * applies.
	 */
	@DataSizeUnit(DataUnit.BYTES)
	private DataSize tcpNotsentLowat = DataSize.ofBytes(0);

	/**
	 * Context options (LWS_SERVER_OPTION_* bits that apply to the whole context): skip-server-canonical-name,
	 * do-ssl-global-init. A vhost option here fails start-up.
	 */
	private Set<ServerOption> options = EnumSet.noneOf(ServerOption.class);

	/**
	 * Longest value accepted per request header token (token_limits), keyed by token name such as host or cookie.
	 * Longer values are refused with 431 (414 for the URI).
	 */
	private Map<HeaderToken, DataSize> tokenLimits = new LinkedHashMap<>();

	private final HeaderPool headerPool = new HeaderPool();

	private final TcpKeepalive tcpKeepalive = new TcpKeepalive();

	private final Management management = new Management();

	private final Metrics metrics = new Metrics();

	/**
	 * Virtual hosts by name (one lws_create_vhost each), in the order given. When none is configured, one vhost
	 * called default listens on port 7681.
	 */
	private Map<String, Vhost> vhosts = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public void setShutdown(Shutdown shutdown) {
		this.shutdown = shutdown;
	}

	public int getServiceThreads() {
		return this.serviceThreads;
	}

	public void setServiceThreads(int serviceThreads) {
		this.serviceThreads = serviceThreads;
	}

	public int getTlsTaskThreads() {
		return this.tlsTaskThreads;
	}

	public void setTlsTaskThreads(int tlsTaskThreads) {
		this.tlsTaskThreads = tlsTaskThreads;
	}

	public int getConnectionLimitPerThread() {
		return this.connectionLimitPerThread;
	}

	public void setConnectionLimitPerThread(int connectionLimitPerThread) {
		this.connectionLimitPerThread = connectionLimitPerThread;
	}

	public String getServerString() {
		return this.serverString;
	}

	public void setServerString(String serverString) {
		this.serverString = serverString;
	}

	public DataSize getServiceBufferSize() {
		return this.serviceBufferSize;
	}

	public void setServiceBufferSize(DataSize serviceBufferSize) {
		this.serviceBufferSize = serviceBufferSize;
	}

	public DataSize getTxBufferLimit() {
		return this.txBufferLimit;
	}

	public void setTxBufferLimit(DataSize txBufferLimit) {
		this.txBufferLimit = txBufferLimit;
	}

	public DataSize getTcpNotsentLowat() {
		return this.tcpNotsentLowat;
	}

	public void setTcpNotsentLowat(DataSize tcpNotsentLowat) {
		this.tcpNotsentLowat = tcpNotsentLowat;
	}

	public Duration getTxStallTimeout() {
		return this.txStallTimeout;
	}

	public void setTxStallTimeout(Duration txStallTimeout) {
		this.txStallTimeout = txStallTimeout;
	}

	public Set<ServerOption> getOptions() {
		return this.options;
	}

	public void setOptions(Set<ServerOption> options) {
		this.options = options;
	}

	public Map<HeaderToken, DataSize> getTokenLimits() {
		return this.tokenLimits;
	}

	public void setTokenLimits(Map<HeaderToken, DataSize> tokenLimits) {
		this.tokenLimits = tokenLimits;
	}

	public HeaderPool getHeaderPool() {
		return this.headerPool;
	}

	public TcpKeepalive getTcpKeepalive() {
		return this.tcpKeepalive;
	}

	public Management getManagement() {
		return this.management;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Map<String, Vhost> getVhosts() {
		return this.vhosts;
	}

	public void setVhosts(Map<String, Vhost> vhosts) {
		this.vhosts = vhosts;
	}

	/**
	 * How the server stops: libwebsockets has only {@code lws_context_destroy} (immediate); graceful is ours.
	 */
	public enum Shutdown {

		/** Stop accepting, let HTTP transactions finish, close WebSockets with 1001 and wait for their acks. */
		GRACEFUL,

		/** Close every connection at once ({@code lws_context_destroy}). */
		IMMEDIATE

	}

	/**
	 * The HTTP header buffer pool ("ah pool"): {@code max_http_header_pool}, {@code max_http_header_data} and
	 * {@code timeout_secs_ah_idle}.
	 */
	public static class HeaderPool {

		/**
		 * Number of HTTP header buffers in all, shared between the service threads (max_http_header_pool).
		 * Connections that find none free wait without reading.
		 */
		private int size = 32;

		/**
		 * Size of one header buffer: the largest request head accepted (max_http_header_data).
		 */
		@DataSizeUnit(DataUnit.BYTES)
		private DataSize dataSize = DataSize.ofBytes(4096);

		/**
		 * How long a connection may take to deliver its request head, or wait for a header buffer
		 * (timeout_secs_ah_idle).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration idleTimeout = Duration.ofSeconds(10);

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		public DataSize getDataSize() {
			return this.dataSize;
		}

		public void setDataSize(DataSize dataSize) {
			this.dataSize = dataSize;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

	}

	/**
	 * TCP keepalive probes on accepted sockets: {@code ka_time}, {@code ka_probes} and {@code ka_interval}.
	 */
	public static class TcpKeepalive {

		/**
		 * Idle time before the first TCP keepalive probe (ka_time). 0 disables TCP keepalive.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration time = Duration.ZERO;

		/**
		 * Unanswered probes before the connection is dropped (ka_probes).
		 */
		private int probes = 0;

		/**
		 * Time between probes (ka_interval).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration interval = Duration.ZERO;

		public Duration getTime() {
			return this.time;
		}

		public void setTime(Duration time) {
			this.time = time;
		}

		public int getProbes() {
			return this.probes;
		}

		public void setProbes(int probes) {
			this.probes = probes;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	/**
	 * The management server: actuator's web endpoints served by a small lws context of their own, for applications
	 * without a servlet or reactive web server. It has no libwebsockets counterpart.
	 */
	public static class Management {

		/**
		 * Whether to serve actuator's web endpoints from lws when the application has no web server of its own.
		 */
		private boolean enabled = true;

		/**
		 * Port of the management server; management.server.port wins when it is set. 0 picks a free port.
		 */
		private int port = 9681;

		/**
		 * Network interface or address the management server listens on (iface). Unset means all interfaces.
		 */
		private @Nullable String iface;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getIface() {
			return this.iface;
		}

		public void setIface(@Nullable String iface) {
			this.iface = iface;
		}

	}

	/**
	 * Settings of the lws meters in Micrometer that the engine does not see. They have no libwebsockets counterpart.
	 */
	public static class Metrics {

		/**
		 * How often a probe task is handed to each service thread to time how long new work waits for it
		 * (lws.service.loop.lag). 0 turns the probe off.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration loopLagInterval = Duration.ofSeconds(1);

		public Duration getLoopLagInterval() {
			return this.loopLagInterval;
		}

		public void setLoopLagInterval(Duration loopLagInterval) {
			this.loopLagInterval = loopLagInterval;
		}

	}

	/**
	 * One vhost: the {@code VHOST:} members of {@code struct lws_context_creation_info}.
	 */
	public static class Vhost {

		/**
		 * TCP port to listen on (port). 0 picks a free port, -1 listens on none.
		 */
		private int port = 7681;

		/**
		 * Network interface name or address to listen on (iface). Unset means all interfaces.
		 */
		private @Nullable String iface;

		/**
		 * Path of a UNIX domain socket to listen on instead of TCP (iface with LWS_SERVER_OPTION_UNIX_SOCK).
		 */
		private @Nullable String unixSocket;

		/**
		 * How long an idle HTTP keep-alive connection is kept (keepalive_timeout).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration keepaliveTimeout = Duration.ofSeconds(5);

		/**
		 * Time allowed for network round trips: handshakes, close acknowledgements, request bodies (timeout_secs).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Largest WebSocket message accepted where lws assembles whole messages; 0 means no limit.
		 */
		@DataSizeUnit(DataUnit.BYTES)
		private DataSize maxMessageSize = DataSize.ofBytes(0);

		/**
		 * WebSocket silence after which the server pings (ws_ping_pong_interval); 0 disables.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration pingPongInterval = Duration.ZERO;

		/**
		 * File the vhost's log lines are appended to, as well as logged (log_filepath).
		 */
		private @Nullable String logFile;

		/**
		 * HTTP proxy for the vhost's client connections, [user:password@]host:port (http_proxy_address); unset uses
		 * the http_proxy environment variable.
		 */
		private @Nullable String httpProxy;

		/**
		 * Vhost options (LWS_SERVER_OPTION_* bits that apply to one vhost). A context option here fails start-up.
		 */
		private Set<ServerOption> options = EnumSet.noneOf(ServerOption.class);

		/**
		 * Protocol names in order (protocols); the first also gets the HTTP callbacks. http-only names lws's built-in
		 * protocol that serves mounts and answers 404. Unset means every protocol bean meant for this vhost.
		 */
		private List<String> protocols = new ArrayList<>();

		/**
		 * Per-vhost protocol options (pvo): protocol name to option name to value.
		 */
		private Map<String, Map<String, String>> pvo = new LinkedHashMap<>();

		/**
		 * WebSocket extensions with their options (extensions): extension name to option name to value. lws provides
		 * permessage-deflate; an entry is on unless its enabled option is false.
		 */
		private Map<String, Map<String, String>> extensions = new LinkedHashMap<>();

		/**
		 * Where URL paths are served from (mounts), in order.
		 */
		private List<Mount> mounts = new ArrayList<>();

		/**
		 * TLS for this vhost (the ssl_* members).
		 */
		private final Ssl ssl = new Ssl();

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getIface() {
			return this.iface;
		}

		public void setIface(@Nullable String iface) {
			this.iface = iface;
		}

		public @Nullable String getUnixSocket() {
			return this.unixSocket;
		}

		public void setUnixSocket(@Nullable String unixSocket) {
			this.unixSocket = unixSocket;
		}

		public Duration getKeepaliveTimeout() {
			return this.keepaliveTimeout;
		}

		public void setKeepaliveTimeout(Duration keepaliveTimeout) {
			this.keepaliveTimeout = keepaliveTimeout;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public Duration getPingPongInterval() {
			return this.pingPongInterval;
		}

		public void setPingPongInterval(Duration pingPongInterval) {
			this.pingPongInterval = pingPongInterval;
		}

		public @Nullable String getLogFile() {
			return this.logFile;
		}

		public void setLogFile(@Nullable String logFile) {
			this.logFile = logFile;
		}

		public @Nullable String getHttpProxy() {
			return this.httpProxy;
		}

		public void setHttpProxy(@Nullable String httpProxy) {
			this.httpProxy = httpProxy;
		}

		public Set<ServerOption> getOptions() {
			return this.options;
		}

		public void setOptions(Set<ServerOption> options) {
			this.options = options;
		}

		public List<String> getProtocols() {
			return this.protocols;
		}

		public void setProtocols(List<String> protocols) {
			this.protocols = protocols;
		}

		public Map<String, Map<String, String>> getPvo() {
			return this.pvo;
		}

		public void setPvo(Map<String, Map<String, String>> pvo) {
			this.pvo = pvo;
		}

		public Map<String, Map<String, String>> getExtensions() {
			return this.extensions;
		}

		public void setExtensions(Map<String, Map<String, String>> extensions) {
			this.extensions = extensions;
		}

		public List<Mount> getMounts() {
			return this.mounts;
		}

		public void setMounts(List<Mount> mounts) {
			this.mounts = mounts;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

	}

	/**
	 * A vhost's TLS: libwebsockets' {@code ssl_*} members, or a Spring Boot SSL bundle. The vhost serves TLS when a
	 * bundle, a certificate or a key store is set.
	 */
	public static class Ssl {

		/**
		 * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) holding the server key and certificate, and the
		 * client-certificate trust. Reloads when the bundle does. Cannot be combined with the file settings.
		 */
		private @Nullable String bundle;

		/**
		 * PEM file with the server certificate chain, leaf first (ssl_cert_filepath).
		 */
		private @Nullable String certificate;

		/**
		 * PEM file with the private key: PKCS#8, encrypted PKCS#8, PKCS#1 RSA or SEC1 EC (ssl_private_key_filepath).
		 */
		private @Nullable String privateKey;

		/**
		 * Password of an encrypted private key, or of the key in the key store.
		 */
		private @Nullable String keyPassword;

		/**
		 * PEM file with the CA certificates that issue client certificates (ssl_ca_filepath), used with the
		 * require-valid-openssl-client-cert option.
		 */
		private @Nullable String ca;

		/**
		 * Cipher suites in OpenSSL syntax, such as ECDHE+AESGCM:!aNULL, or JSSE names (ssl_cipher_list). Governs TLS
		 * 1.2; unset means the JDK defaults.
		 */
		private @Nullable String cipherList;

		/**
		 * Key exchange curve in OpenSSL naming, such as prime256v1 or X25519 (ecdh_curve). Unset means the JDK
		 * defaults.
		 */
		private @Nullable String ecdhCurve;

		/**
		 * Key store file with the server key and chain, instead of PEM files.
		 */
		private @Nullable String keyStore;

		/**
		 * Type of the key store: PKCS12 or JKS.
		 */
		private String keyStoreType = "PKCS12";

		/**
		 * Password of the key store.
		 */
		private @Nullable String keyStorePassword;

		/**
		 * Alias of the key to serve from the key store. Unset lets JSSE choose.
		 */
		private @Nullable String keyAlias;

		/**
		 * Trust store file with client-certificate CAs, besides or instead of ca.
		 */
		private @Nullable String trustStore;

		/**
		 * Type of the trust store: PKCS12 or JKS.
		 */
		private String trustStoreType = "PKCS12";

		/**
		 * Password of the trust store.
		 */
		private @Nullable String trustStorePassword;

		/**
		 * TLS protocols to enable: TLSv1.3, TLSv1.2. Unset means both.
		 */
		private List<String> protocols = new ArrayList<>();

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public @Nullable String getCertificate() {
			return this.certificate;
		}

		public void setCertificate(@Nullable String certificate) {
			this.certificate = certificate;
		}

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable String getKeyPassword() {
			return this.keyPassword;
		}

		public void setKeyPassword(@Nullable String keyPassword) {
			this.keyPassword = keyPassword;
		}

		public @Nullable String getCa() {
			return this.ca;
		}

		public void setCa(@Nullable String ca) {
			this.ca = ca;
		}

		public @Nullable String getCipherList() {
			return this.cipherList;
		}

		public void setCipherList(@Nullable String cipherList) {
			this.cipherList = cipherList;
		}

		public @Nullable String getEcdhCurve() {
			return this.ecdhCurve;
		}

		public void setEcdhCurve(@Nullable String ecdhCurve) {
			this.ecdhCurve = ecdhCurve;
		}

		public @Nullable String getKeyStore() {
			return this.keyStore;
		}

		public void setKeyStore(@Nullable String keyStore) {
			this.keyStore = keyStore;
		}

		public String getKeyStoreType() {
			return this.keyStoreType;
		}

		public void setKeyStoreType(String keyStoreType) {
			this.keyStoreType = keyStoreType;
		}

		public @Nullable String getKeyStorePassword() {
			return this.keyStorePassword;
		}

		public void setKeyStorePassword(@Nullable String keyStorePassword) {
			this.keyStorePassword = keyStorePassword;
		}

		public @Nullable String getKeyAlias() {
			return this.keyAlias;
		}

		public void setKeyAlias(@Nullable String keyAlias) {
			this.keyAlias = keyAlias;
		}

		public @Nullable String getTrustStore() {
			return this.trustStore;
		}

		public void setTrustStore(@Nullable String trustStore) {
			this.trustStore = trustStore;
		}

		public String getTrustStoreType() {
			return this.trustStoreType;
		}

		public void setTrustStoreType(String trustStoreType) {
			this.trustStoreType = trustStoreType;
		}

		public @Nullable String getTrustStorePassword() {
			return this.trustStorePassword;
		}

		public void setTrustStorePassword(@Nullable String trustStorePassword) {
			this.trustStorePassword = trustStorePassword;
		}

		public List<String> getProtocols() {
			return this.protocols;
		}

		public void setProtocols(List<String> protocols) {
			this.protocols = protocols;
		}

	}

	/**
	 * One mount: libwebsockets' {@code struct lws_http_mount}.
	 */
	public static class Mount {

		/**
		 * Path prefix this mount serves, starting with / (mountpoint).
		 */
		private @Nullable String mountpoint;

		/**
		 * What serves the mount (origin): a directory, a classpath: location, a redirect target without its scheme,
		 * or a protocol name.
		 */
		private @Nullable String origin;

		/**
		 * How requests are handled (origin_protocol): file, callback, redir-http or redir-https.
		 */
		private MountOrigin originProtocol = MountOrigin.FILE;

		/**
		 * File served for a directory (def).
		 */
		private String defaultDocument = io.lws.core.mount.Mount.DEFAULT_DOCUMENT;

		/**
		 * How long clients may cache files from this mount (cache_max_age); 0 means no caching.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration cacheMaxAge = Duration.ZERO;

		/**
		 * Whether clients may reuse cached files at all (cache_reusable).
		 */
		private boolean cacheReusable;

		/**
		 * Whether clients must revalidate once the max-age passes (cache_revalidate).
		 */
		private boolean cacheRevalidate;

		/**
		 * Whether shared caches may keep files (cache_intermediaries).
		 */
		private boolean cacheIntermediaries;

		/**
		 * Extra file types (extra_mimetypes): file suffix such as md, or * for the fallback, to content type.
		 */
		private Map<String, String> extraMimeTypes = new LinkedHashMap<>();

		/**
		 * Whether files of unknown type are refused with 415 instead of served as application/octet-stream.
		 */
		private boolean refuseUnknownMimeTypes;

		/**
		 * Whether symbolic links leading outside the mount's directory are followed.
		 */
		private boolean followSymlinksOutside;

		/**
		 * Per-mount options (cgienv): handed to a callback mount's protocol.
		 */
		private Map<String, String> cgiEnv = new LinkedHashMap<>();

		public @Nullable String getMountpoint() {
			return this.mountpoint;
		}

		public void setMountpoint(@Nullable String mountpoint) {
			this.mountpoint = mountpoint;
		}

		public @Nullable String getOrigin() {
			return this.origin;
		}

		public void setOrigin(@Nullable String origin) {
			this.origin = origin;
		}

		public MountOrigin getOriginProtocol() {
			return this.originProtocol;
		}

		public void setOriginProtocol(MountOrigin originProtocol) {
			this.originProtocol = originProtocol;
		}

		/**
		 * The default document, bound from the key {@code default} (libwebsockets' {@code def}).
		 * @return the file name
		 */
		public String getDefault() {
			return this.defaultDocument;
		}

		/**
		 * Sets the default document from the key {@code default}.
		 * @param defaultDocument a file name relative to the directory served
		 */
		public void setDefault(String defaultDocument) {
			this.defaultDocument = defaultDocument;
		}

		public Duration getCacheMaxAge() {
			return this.cacheMaxAge;
		}

		public void setCacheMaxAge(Duration cacheMaxAge) {
			this.cacheMaxAge = cacheMaxAge;
		}

		public boolean isCacheReusable() {
			return this.cacheReusable;
		}

		public void setCacheReusable(boolean cacheReusable) {
			this.cacheReusable = cacheReusable;
		}

		public boolean isCacheRevalidate() {
			return this.cacheRevalidate;
		}

		public void setCacheRevalidate(boolean cacheRevalidate) {
			this.cacheRevalidate = cacheRevalidate;
		}

		public boolean isCacheIntermediaries() {
			return this.cacheIntermediaries;
		}

		public void setCacheIntermediaries(boolean cacheIntermediaries) {
			this.cacheIntermediaries = cacheIntermediaries;
		}

		public Map<String, String> getExtraMimeTypes() {
			return this.extraMimeTypes;
		}

		public void setExtraMimeTypes(Map<String, String> extraMimeTypes) {
			this.extraMimeTypes = extraMimeTypes;
		}

		public boolean isRefuseUnknownMimeTypes() {
			return this.refuseUnknownMimeTypes;
		}

		public void setRefuseUnknownMimeTypes(boolean refuseUnknownMimeTypes) {
			this.refuseUnknownMimeTypes = refuseUnknownMimeTypes;
		}

		public boolean isFollowSymlinksOutside() {
			return this.followSymlinksOutside;
		}

		public void setFollowSymlinksOutside(boolean followSymlinksOutside) {
			this.followSymlinksOutside = followSymlinksOutside;
		}

		public Map<String, String> getCgiEnv() {
			return this.cgiEnv;
		}

		public void setCgiEnv(Map<String, String> cgiEnv) {
			this.cgiEnv = cgiEnv;
		}

	}

}
