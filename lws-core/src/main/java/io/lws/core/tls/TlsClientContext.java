package io.lws.core.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Client-side TLS for connections this engine opens (wss://, https://): the vhost client context of libwebsockets
 * ({@code lws_init_vhost_client_ssl}) with the {@code ssl_connection} checks of {@link TlsClientOption}. Engines are
 * in client mode, send SNI for host names, offer ALPN and check the server's name (HTTPS endpoint identification)
 * unless told not to. Immutable and thread-safe.
 */
public final class TlsClientContext {

	/** Runs {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION} for the connection owning {@code engine}. */
	@FunctionalInterface
	public interface ServerCertVerifier {

		/**
		 * @param engine the connection's engine, or null when the JDK gave none
		 * @param check the chain and the verdict
		 * @return 0 to keep the verdict (see {@link CertificateCheck}), non-zero to refuse
		 */
		int verify(SSLEngine engine, ServerCertificateCheck check);

	}

	private final SSLContext context;

	private final Set<TlsClientOption> options;

	private final List<String> alpn;

	private final String[] cipherSuites;

	/** Whether the context is the application's own ({@code provided_client_ssl_ctx}): its protocols are kept. */
	private final boolean provided;

	private TlsClientContext(SSLContext context, Set<TlsClientOption> options, List<String> alpn, String[] suites,
			boolean provided) {
		this.context = context;
		this.options = options;
		this.alpn = alpn;
		this.cipherSuites = suites;
		this.provided = provided;
	}

	/** Starts a client context. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A client context around a ready {@link SSLContext} ({@code provided_client_ssl_ctx}), used as is: its trust
	 * managers alone check servers. Engines still send SNI and ALPN and check the host name unless {@code options}
	 * say not to.
	 */
	public static TlsClientContext provided(SSLContext context, Set<TlsClientOption> options) {
		return new TlsClientContext(context, options.isEmpty() ? EnumSet.noneOf(TlsClientOption.class)
				: EnumSet.copyOf(options), TlsServerContext.DEFAULT_ALPN, null, true);
	}

	/**
	 * A client engine for {@code host:port}.
	 * @param host the name the server's certificate must carry (and the SNI name unless it is an IP address)
	 * @param port the port
	 */
	public SSLEngine newEngine(String host, int port) {
		SSLEngine e = this.context.createSSLEngine(host, port);
		e.setUseClientMode(true);
		SSLParameters p = this.context.getDefaultSSLParameters();
		if (!this.provided) {
			p.setProtocols(TlsServerContext.DEFAULT_PROTOCOLS.toArray(new String[0]));
		}
		if (this.cipherSuites != null) {
			p.setCipherSuites(this.cipherSuites);
		}
		if (!this.alpn.isEmpty()) {
			p.setApplicationProtocols(this.alpn.toArray(new String[0]));
		}
		if (!io.lws.core.LwsUri.isIpLiteral(host)) {
			p.setServerNames(List.of(new SNIHostName(host)));
		}
		if (!this.options.contains(TlsClientOption.SKIP_SERVER_CERT_HOSTNAME_CHECK)
				&& !this.options.contains(TlsClientOption.ALLOW_INSECURE)) {
			p.setEndpointIdentificationAlgorithm("HTTPS");
		}
		e.setSSLParameters(p);
		return e;
	}

	/** {@code lws_is_ssl} for connections of this context: 1 when the server is fully checked, 2 otherwise. */
	public int sslLevel() {
		return this.options.isEmpty() ? 1 : 2;
	}

	/** Builds a {@link TlsClientContext}. */
	public static final class Builder {

		private final Set<TlsClientOption> options = EnumSet.noneOf(TlsClientOption.class);

		private final List<X509Certificate> trusted = new ArrayList<>();

		private boolean osCaCerts = true;

		private KeyManager[] keyManagers;

		private List<String> alpn = List.of("http/1.1");

		private String cipherList;

		private TrustManager[] trustManagers;

		private ServerCertVerifier verifier;

		private Builder() {
		}

		/** Adds checks to relax ({@code ssl_connection} bits). */
		public Builder options(TlsClientOption... options) {
			this.options.addAll(List.of(options));
			return this;
		}

		/** Trusts these CAs (or self-signed certificates) besides the JVM's ({@code ssl_ca_filepath}). */
		public Builder trust(List<X509Certificate> certificates) {
			this.trusted.addAll(certificates);
			return this;
		}

		/** {@code LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS}: trust only what {@link #trust} adds. */
		public Builder disableOsCaCerts(boolean disable) {
			this.osCaCerts = !disable;
			return this;
		}

		/** A client certificate to present. */
		public Builder keyManagers(KeyManager... managers) {
			this.keyManagers = managers.clone();
			return this;
		}

		/**
		 * Replaces the trust material for servers (the JVM's CAs and {@link #trust} are then not used); the options
		 * still relax it.
		 */
		public Builder trustManagers(TrustManager... managers) {
			this.trustManagers = (managers != null) ? managers.clone() : null;
			return this;
		}

		/** {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION}: asked about every server chain, with the verdict. */
		public Builder verifier(ServerCertVerifier verifier) {
			this.verifier = verifier;
			return this;
		}

		/** ALPN protocols to offer; empty for none. */
		public Builder alpn(List<String> protocols) {
			this.alpn = List.copyOf(protocols);
			return this;
		}

		/** {@code ssl_cipher_list} in OpenSSL syntax. */
		public Builder cipherList(String list) {
			this.cipherList = list;
			return this;
		}

		/** Builds the context. */
		public TlsClientContext build() {
			try {
				X509ExtendedTrustManager verifying = (this.trustManagers != null)
						? TlsServerContext.firstX509(this.trustManagers) : trustManager();
				X509ExtendedTrustManager tm = verifying;
				if (this.options.contains(TlsClientOption.ALLOW_INSECURE)) {
					tm = new InsecureTrustManager();
				}
				else if (this.options.contains(TlsClientOption.ALLOW_SELFSIGNED)) {
					tm = new SelfSignedTrustManager(verifying);
				}
				SSLContext ctx = SSLContext.getInstance("TLS");
				ctx.init(this.keyManagers, new TrustManager[] { new ServerTrustCheck(tm, this.verifier,
						!this.options.contains(TlsClientOption.ALLOW_INSECURE)) }, null);
				String[] suites = null;
				if (this.cipherList != null) {
					SSLEngine probe = ctx.createSSLEngine();
					suites = OpenSslNames.cipherSuites(this.cipherList, probe.getSupportedCipherSuites(),
							probe.getEnabledCipherSuites());
				}
				return new TlsClientContext(ctx, EnumSet.copyOf(this.options.isEmpty()
						? EnumSet.noneOf(TlsClientOption.class) : this.options), this.alpn, suites, false);
			}
			catch (GeneralSecurityException ex) {
				throw new TlsConfigException("Cannot set up client TLS: " + ex.getMessage(), ex);
			}
		}

		private X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
			KeyStore ks = null;
			if (!this.osCaCerts || !this.trusted.isEmpty()) {
				ks = TlsServerContext.emptyStore();
				if (this.osCaCerts) {
					TrustManagerFactory def = TrustManagerFactory
						.getInstance(TrustManagerFactory.getDefaultAlgorithm());
					def.init((KeyStore) null);
					int i = 0;
					for (TrustManager m : def.getTrustManagers()) {
						if (m instanceof javax.net.ssl.X509TrustManager x) {
							for (X509Certificate c : x.getAcceptedIssuers()) {
								ks.setCertificateEntry("os-" + i++, c);
							}
						}
					}
				}
				int n = 0;
				for (X509Certificate c : this.trusted) {
					ks.setCertificateEntry("trusted-" + n++, c);
				}
			}
			if (ks != null && ks.size() == 0) {
				// nothing trusted at all (DISABLE_OS_CA_CERTS, nothing added): every server is refused, plainly
				return new RefusingTrustManager();
			}
			return defaultTrustManager(ks);
		}

	}

	static X509ExtendedTrustManager defaultTrustManager(KeyStore ks) throws GeneralSecurityException {
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(ks);
		for (TrustManager m : tmf.getTrustManagers()) {
			if (m instanceof X509ExtendedTrustManager x) {
				return x;
			}
		}
		throw new GeneralSecurityException("no X.509 trust manager");
	}

	/**
	 * Verifies as usual; when that fails for a self-signed certificate, trusts that certificate alone and verifies
	 * again, so that the name check still applies.
	 */
	private static final class SelfSignedTrustManager extends OneSidedTrustManager {

		private final X509ExtendedTrustManager base;

		SelfSignedTrustManager(X509ExtendedTrustManager base) {
			super(true);
			this.base = base;
		}

		@Override
		void check(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
			try {
				this.base.checkServerTrusted(chain, authType, engine);
			}
			catch (CertificateException ex) {
				X509Certificate last = chain[chain.length - 1];
				if (!ServerTrustCheck.selfSigned(last)) {
					throw ex;
				}
				try {
					KeyStore ks = TlsServerContext.emptyStore();
					ks.setCertificateEntry("self", last);
					defaultTrustManager(ks).checkServerTrusted(chain, authType, engine);
				}
				catch (GeneralSecurityException inner) {
					if (inner instanceof CertificateException ce) {
						throw ce;
					}
					throw new CertificateException(inner);
				}
			}
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return this.base.getAcceptedIssuers();
		}

	}

	/** Trusts nothing: the client was given no CA at all. */
	private static final class RefusingTrustManager extends OneSidedTrustManager {

		RefusingTrustManager() {
			super(true);
		}

		@Override
		void check(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
			throw new CertificateException("No certificate is trusted: the OS CAs are disabled and none was added");
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

	/** Accepts every server: {@code LCCSCF_ALLOW_INSECURE}. */
	private static final class InsecureTrustManager extends OneSidedTrustManager {

		InsecureTrustManager() {
			super(true);
		}

		@Override
		void check(X509Certificate[] chain, String authType, SSLEngine engine) {
			// every server is accepted: the caller asked for no check at all
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
