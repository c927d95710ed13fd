package io.lws.core.service;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

import io.lws.core.CallbackReason;
import io.lws.core.LwsContext;
import io.lws.core.LwsException;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.LwsVhost;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.log.LogEmitter;
import io.lws.core.log.LwsLog;
import io.lws.core.mount.FileOps;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;
import io.lws.core.mount.MountTable;
import io.lws.core.tls.CertificateCheck;
import io.lws.core.tls.ClientCertificateCheck;
import io.lws.core.tls.ClientSslInfo;
import io.lws.core.tls.TlsClientContext;
import io.lws.core.tls.TlsServerContext;
import io.lws.core.tls.VhostClientTls;

/**
 * A vhost ({@code struct lws_vhost}): its info, protocols, mounts with their file operations, and its listen socket
 * (possibly shared with other vhosts on the same port).
 */
public final class VhostImpl implements LwsVhost {

	/** The protocol a vhost gets when it is given none: serves its mounts and answers 404 to everything else. */
	static final LwsProtocol<Object> HTTP_ONLY = LwsProtocol.of("http-only", new LwsProtocolHandler<>() {
	});

	private final ContextEngine context;

	private final VhostCreationInfo info;

	private final List<LwsProtocol<?>> protocols;

	private final MountTable mountTable;

	private final Map<Mount, FileOps> fileOps = new IdentityHashMap<>();

	private final AtomicInteger connections = new AtomicInteger();

	ListenSocket listen;

	private LogEmitter logFile;

	/** The vhost's server TLS, or null for a plain vhost; replaced whole by {@link #updateSslManagers}. */
	private volatile TlsServerContext tls;

	/**
	 * Connections whose handshake may call a certificate verification callback, by engine: servers verifying client
	 * certificates, and every TLS client connection (server certificates).
	 */
	final Map<SSLEngine, Connection> handshaking = new ConcurrentHashMap<>();

	/** The HTTP proxy client connections go through, or null; {@link #setProxy} replaces it. */
	private volatile ProxyAddress proxy;

	/** The client TLS material and its contexts; replaced whole by {@link #initVhostClientSsl}. */
	private volatile VhostClientTls clientTls;

	VhostImpl(ContextEngine context, VhostCreationInfo info) {
		this.context = context;
		this.info = info;
		this.protocols = info.protocols().isEmpty() ? List.of(HTTP_ONLY) : info.protocols();
		for (Mount m : info.mounts()) {
			validateMount(m);
		}
		this.mountTable = MountTable.of(info.mounts());
		if (info.isTls()) {
			this.tls = TlsServerContext.create(info, this::tlsHook, this::verifyClientCertificate);
		}
		this.proxy = initialProxy(info);
		this.clientTls = newClientTls(info.clientSsl());
		if (info.logFilepath() != null) {
			try {
				this.logFile = LwsLog.fileEmitter(Path.of(info.logFilepath()), null);
			}
			catch (IOException ex) {
				throw new LwsException("Vhost '" + info.name() + "': cannot open log_filepath '" + info.logFilepath()
						+ "' for appending: " + ex.getMessage(), ex);
			}
		}
	}

	private void validateMount(Mount m) {
		MountOrigin o = m.originProtocol();
		if (!o.isServedByEngine()) {
			throw new LwsException("Vhost '" + this.info.name() + "', mount '" + m.mountpoint()
					+ "': origin protocol " + o + " is not supported (file, callback and redirect mounts are)");
		}
		switch (o) {
			case FILE -> {
				try {
					this.fileOps.put(m, FileOps.forOrigin(m.origin(), this.context.classLoader(),
							m.followSymlinksOutside()));
				}
				catch (RuntimeException ex) {
					throw new LwsException("Vhost '" + this.info.name() + "', mount '" + m.mountpoint() + "': origin '"
							+ m.origin() + "' cannot be served: " + ex.getMessage(), ex);
				}
			}
			case CALLBACK -> {
				if (protocol(m.origin()) == null) {
					throw new LwsException("Vhost '" + this.info.name() + "', mount '" + m.mountpoint()
							+ "' is a callback mount for protocol '" + m.origin()
							+ "', which the vhost does not have; add it to the vhost's protocols");
				}
			}
			case REDIR_HTTP, REDIR_HTTPS -> {
				// nothing to prepare
			}
			default -> throw new LwsException("Vhost '" + this.info.name() + "', mount '" + m.mountpoint()
					+ "': origin protocol " + o + " is not supported (file, callback and redirect mounts are)");
		}
	}

	/**
	 * The proxy as {@code lws_create_vhost} sets it: {@code http_proxy_address} (with {@code http_proxy_port}) when
	 * given, else the {@code http_proxy} environment variable.
	 */
	private static ProxyAddress initialProxy(VhostCreationInfo info) {
		String text = info.httpProxyAddress();
		if (text != null && info.httpProxyPort() > 0) {
			text = text + ":" + info.httpProxyPort();
		}
		if (text == null) {
			text = System.getenv(ProxyAddress.ENVIRONMENT_VARIABLE);
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return ProxyAddress.parse(text);
			}
			catch (IllegalArgumentException ex) {
				LwsLog.warn("Ignoring the {} environment variable: {}", ProxyAddress.ENVIRONMENT_VARIABLE,
						ex.getMessage());
				return null;
			}
		}
		try {
			return ProxyAddress.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new LwsException("Vhost '" + info.name() + "': http_proxy_address: " + ex.getMessage(), ex);
		}
	}

	/** The proxy client connections use, or null. */
	ProxyAddress proxy() {
		return this.proxy;
	}

	@Override
	public void setProxy(String proxy) {
		this.proxy = (proxy == null || proxy.isBlank()) ? null : ProxyAddress.parse(proxy);
	}

	private VhostClientTls newClientTls(ClientSslInfo clientSsl) {
		return VhostClientTls.create(name(), clientSsl, this.context.info().providedClientSslContext(),
				this.info.has(ServerOption.DISABLE_OS_CA_CERTS),
				(setup) -> Callbacks.callGeneric(firstProtocol(), CallbackReason.OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS,
						setup),
				(engine, check) -> verifyOnServiceThread(engine,
						CallbackReason.OPENSSL_PERFORM_SERVER_CERT_VERIFICATION, check));
	}

	/** The client TLS context for an {@code ssl_connection} value (its check bits choose it). */
	TlsClientContext clientTls(int sslConnection) {
		return this.clientTls.context(sslConnection);
	}

	@Override
	public void initVhostClientSsl(ClientSslInfo clientSsl) {
		this.clientTls = newClientTls(clientSsl);
		log("lws vhost '{}': client TLS material updated", name());
	}

	/** The server TLS context, or null for a plain vhost. */
	TlsServerContext tls() {
		return this.tls;
	}

	private int tlsHook(CallbackReason reason, io.lws.core.tls.TlsServerSetup setup) {
		return Callbacks.callGeneric(firstProtocol(), reason, setup);
	}

	private int verifyClientCertificate(SSLEngine engine, ClientCertificateCheck check) {
		return verifyOnServiceThread(engine, CallbackReason.OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION, check);
	}

	/**
	 * A certificate verification callback ({@code OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION} on a server,
	 * {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION} on a client) for the connection owning {@code engine}, to the
	 * first protocol. The JDK checks certificates in a delegated task, off the service thread: the callback is run on
	 * the connection's service thread (callbacks always are) while the task waits, bounded by the vhost's timeout; a
	 * connection that closed meanwhile, or a callback that does not run in time, refuses.
	 */
	private int verifyOnServiceThread(SSLEngine engine, CallbackReason reason, CertificateCheck check) {
		Connection c = (engine != null) ? this.handshaking.get(engine) : null;
		if (c == null) {
			return Callbacks.callGeneric(firstProtocol(), reason, check);
		}
		if (c.pt.inThread()) {
			return Callbacks.call(c, firstProtocol(), reason, null, check);
		}
		CompletableFuture<Integer> result = new CompletableFuture<>();
		c.pt.post(() -> result.complete(c.isClosed() ? 1 : Callbacks.call(c, firstProtocol(), reason, null, check)));
		try {
			return result.get(this.info.timeoutSecs(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			return 1;
		}
	}

	@Override
	public void updateSslManagers(KeyManager[] keyManagers, TrustManager[] trustManagers) {
		if (this.tls == null) {
			throw new IllegalStateException("Vhost '" + name() + "' does not serve TLS");
		}
		this.tls = TlsServerContext.create(this.info, this::tlsHook, this::verifyClientCertificate, keyManagers,
				(trustManagers != null) ? trustManagers : this.info.sslTrustManagers());
		log("lws vhost '{}': TLS key material updated", name());
	}

	void initProtocols() {
		for (LwsProtocol<?> p : this.protocols) {
			if (Callbacks.callVhostLevel(p, CallbackReason.PROTOCOL_INIT, this) != 0) {
				throw new LwsException("Vhost '" + this.info.name() + "': protocol '" + p.name()
						+ "' failed its PROTOCOL_INIT (it returned non-zero)");
			}
		}
	}

	void destroyProtocols() {
		for (LwsProtocol<?> p : this.protocols) {
			Callbacks.callVhostLevel(p, CallbackReason.PROTOCOL_DESTROY, this);
		}
	}

	void log(String format, Object... args) {
		LwsLog.notice(format, args);
		if (this.logFile != null) {
			this.logFile.emit(io.lws.core.log.LogLevel.NOTICE,
					org.slf4j.helpers.MessageFormatter.arrayFormat(format, args).getMessage());
		}
	}

	LwsProtocol<?> firstProtocol() {
		return this.protocols.get(0);
	}

	MountTable mountTable() {
		return this.mountTable;
	}

	FileOps fileOps(Mount m) {
		return this.fileOps.get(m);
	}

	boolean externalPoll() {
		return this.context.info().externalPoll();
	}

	void connectionOpened() {
		this.connections.incrementAndGet();
	}

	void connectionClosed() {
		this.connections.decrementAndGet();
	}

	void connectionMovedAway() {
		this.connections.decrementAndGet();
	}

	void connectionMovedIn() {
		this.connections.incrementAndGet();
	}

	@Override
	public String name() {
		return this.info.name();
	}

	@Override
	public LwsContext context() {
		return this.context;
	}

	/**
	 * Whether a connection bound to {@code protocol} on this vhost checks text and close reasons for UTF-8: unless the
	 * vhost has {@code DISABLE_UTF8_VALIDATION} or the protocol opted out.
	 */
	boolean validatesUtf8(LwsProtocol<?> protocol) {
		return protocol.validatesUtf8() && !this.info.has(ServerOption.DISABLE_UTF8_VALIDATION);
	}

	@Override
	public VhostCreationInfo info() {
		return this.info;
	}

	@Override
	public int listenPort() {
		return (this.listen != null) ? this.listen.port() : -1;
	}

	@Override
	public SocketAddress listenAddress() {
		return (this.listen != null) ? this.listen.boundAddress() : null;
	}

	@Override
	public List<LwsProtocol<?>> protocols() {
		return this.protocols;
	}

	@Override
	public LwsProtocol<?> protocol(String name) {
		for (LwsProtocol<?> p : this.protocols) {
			if (p.name().equals(name)) {
				return p;
			}
		}
		return null;
	}

	@Override
	public Map<String, String> protocolOptions(String protocolName) {
		return this.info.pvo().getOrDefault(protocolName, Map.of());
	}

	@Override
	public List<Mount> mounts() {
		return this.info.mounts();
	}

	@Override
	public void callbackOnWritableAllProtocol(LwsProtocol<?> protocol) {
		this.context.forEachConnection((c) -> c.vhost == this && c.protocol == protocol && c.isWebSocket(),
				Connection::requestWritableOnThread);
	}

	@Override
	public void callbackAllProtocol(LwsProtocol<?> protocol, CallbackReason reason) {
		this.context.forEachConnection((c) -> c.vhost == this && c.protocol == protocol,
				(c) -> ContextEngine.callOne(c, reason));
	}

	@Override
	public int connectionCount() {
		return this.connections.get();
	}

	/** The protocols bound by name, for the all-protocol helpers. */
	List<String> protocolNames() {
		List<String> names = new ArrayList<>();
		for (LwsProtocol<?> p : this.protocols) {
			names.add(p.name());
		}
		return names;
	}

	@Override
	public String toString() {
		return "vhost[" + name() + " " + listenAddress() + "]";
	}

}
