package io.lws.core.tls;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import io.lws.core.CallbackReason;
import io.lws.core.ServerOption;
import io.lws.core.VhostCreationInfo;
import io.lws.core.log.LwsLog;

/**
 * A vhost's server TLS: the {@link SSLContext} and engine parameters built once from its
 * {@link VhostCreationInfo} ({@code ssl_cert_filepath}, {@code ssl_private_key_filepath}, {@code ssl_ca_filepath},
 * {@code ssl_cipher_list}, {@code ecdh_curve}, key stores, key and trust managers), libwebsockets'
 * {@code lws_context_init_server_ssl}. Every problem is reported at start-up as a {@link TlsConfigException} naming
 * the vhost. Thread-safe: engines are made on service threads.
 */
public final class TlsServerContext {

	/** What the engine offers with ALPN: HTTP/1.1 only (no h2 here). */
	public static final List<String> DEFAULT_ALPN = List.of("http/1.1");

	/** Protocols enabled by default: TLS 1.3 and 1.2; older ones are refused. */
	public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	private static volatile boolean namedGroupsWarned;

	/** Calls a vhost-level TLS callback reason on the vhost's first protocol. */
	@FunctionalInterface
	public interface Hooks {

		/**
		 * Calls {@code reason} on the vhost's first protocol.
		 * @param reason {@code OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY} or {@code OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS}
		 * @param setup what the context is built from, given to the callback as {@code in}
		 * @return what the callback returned
		 */
		int call(CallbackReason reason, TlsServerSetup setup);

	}

	/** Runs {@code OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION} for the connection owning {@code engine}. */
	@FunctionalInterface
	public interface ClientCertVerifier {

		/**
		 * Runs the callback for the connection owning {@code engine}.
		 * @param engine the engine of the connection whose client certificate is being verified
		 * @param check the client's chain and the JDK's verdict, given to the callback as {@code in}
		 * @return non-zero to refuse the certificate; 0 keeps the verdict of the chain check
		 */
		int verify(SSLEngine engine, ClientCertificateCheck check);

	}

	private final String vhostName;

	private final SSLContext context;

	private final SSLParameters parameters;

	private final boolean verifiesClients;

	private TlsServerContext(String vhostName, SSLContext context, SSLParameters parameters, boolean verifiesClients) {
		this.vhostName = vhostName;
		this.context = context;
		this.parameters = parameters;
		this.verifiesClients = verifiesClients;
	}

	/**
	 * Builds a vhost's TLS context.
	 * @param info the vhost; must have TLS settings ({@link VhostCreationInfo#isTls()})
	 * @param hooks calls {@code OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY} and
	 * {@code OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS}
	 * @param verifier calls {@code OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION}
	 * @throws TlsConfigException naming the vhost and what is wrong
	 */
	public static TlsServerContext create(VhostCreationInfo info, Hooks hooks, ClientCertVerifier verifier) {
		return create(info, hooks, verifier, info.sslKeyManagers(), info.sslTrustManagers());
	}

	/**
	 * Builds a vhost's TLS context with other key and trust managers than its info has (a reloaded certificate).
	 */
	public static TlsServerContext create(VhostCreationInfo info, Hooks hooks, ClientCertVerifier verifier,
			KeyManager[] keyManagers, TrustManager[] trustManagers) {
		String v = "Vhost '" + info.name() + "': ";
		try {
			KeyManager[] km = keyManagers(info, hooks, keyManagers);
			boolean verify = info.has(ServerOption.REQUIRE_VALID_OPENSSL_CLIENT_CERT);
			TrustManager[] tm = null;
			if (verify) {
				X509ExtendedTrustManager base = clientTrust(info, hooks, trustManagers);
				tm = new TrustManager[] { new VerifyingTrustManager(base, verifier) };
			}
			SSLContext ctx = SSLContext.getInstance("TLS");
			ctx.init(km, tm, null);
			SSLParameters p = parameters(info, ctx);
			if (verify) {
				if (info.has(ServerOption.PEER_CERT_NOT_REQUIRED)) {
					p.setWantClientAuth(true);
				}
				else {
					p.setNeedClientAuth(true);
				}
			}
			return new TlsServerContext(info.name(), ctx, p, verify);
		}
		catch (TlsConfigException ex) {
			throw (ex.getMessage().startsWith(v)) ? ex : new TlsConfigException(v + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new TlsConfigException(v + "cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private static KeyManager[] keyManagers(VhostCreationInfo info, Hooks hooks, KeyManager[] given)
			throws GeneralSecurityException {
		if (given != null) {
			return given;
		}
		if (info.sslKeyStore() != null) {
			KeyStore ks = info.sslKeyStore().load();
			String pw = (info.sslPrivateKeyPassword() != null) ? info.sslPrivateKeyPassword()
					: info.sslKeyStore().password();
			if (info.sslKeyAlias() != null) {
				if (!ks.isKeyEntry(info.sslKeyAlias())) {
					throw new TlsConfigException("key store '" + info.sslKeyStore().path() + "' has no key called '"
							+ info.sslKeyAlias() + "'");
				}
				KeyStore only = KeyStore.getInstance("PKCS12");
				try {
					only.load(null, null);
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
				char[] kp = (pw != null) ? pw.toCharArray() : new char[0];
				only.setKeyEntry("key", ks.getKey(info.sslKeyAlias(), kp), kp,
						ks.getCertificateChain(info.sslKeyAlias()));
				ks = only;
			}
			KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			try {
				kmf.init(ks, (pw != null) ? pw.toCharArray() : new char[0]);
			}
			catch (java.security.UnrecoverableKeyException ex) {
				throw new TlsConfigException("cannot read the key in '" + info.sslKeyStore().path()
						+ "': wrong key password (ssl_private_key_password)", ex);
			}
			return kmf.getKeyManagers();
		}
		if (info.sslCertFilepath() == null) {
			throw new TlsConfigException("TLS needs a certificate: set ssl_cert_filepath (with "
					+ "ssl_private_key_filepath), a key store, or key managers");
		}
		List<X509Certificate> chain = PemFiles.certificates(Path.of(info.sslCertFilepath()));
		PrivateKey key;
		if (info.sslPrivateKeyFilepath() != null) {
			String pw = info.sslPrivateKeyPassword();
			key = PemFiles.privateKey(Path.of(info.sslPrivateKeyFilepath()), (pw != null) ? pw.toCharArray() : null);
		}
		else {
			TlsServerSetup setup = new TlsServerSetup(info.name(), chain);
			hooks.call(CallbackReason.OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY, setup);
			if (setup.keyManagers() != null) {
				return setup.keyManagers();
			}
			key = setup.privateKey();
			if (key == null) {
				throw new TlsConfigException("ssl_cert_filepath is set but ssl_private_key_filepath is not, and no "
						+ "protocol supplied the key in OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY; set "
						+ "ssl_private_key_filepath");
			}
		}
		checkKeyMatches(chain.get(0), key, info.sslPrivateKeyFilepath(), info.sslCertFilepath());
		return keyManagers(key, chain);
	}

	/** Key managers presenting {@code chain} with its {@code key} (a server's certificate, or a client's). */
	static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
		KeyStore ks = emptyStore();
		char[] pw = "lws".toCharArray();
		ks.setKeyEntry("key", key, pw, chain.toArray(new Certificate[0]));
		KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(ks, pw);
		return kmf.getKeyManagers();
	}

	/**
	 * Checks that {@code key} belongs to {@code cert} by signing with one and verifying with the other.
	 * @throws TlsConfigException naming both files when it does not
	 */
	static void checkKeyMatches(X509Certificate cert, PrivateKey key, String keyFile, String certFile) {
		PublicKey pub = cert.getPublicKey();
		String alg = switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
			default -> null;
		};
		if (alg == null) {
			return;
		}
		try {
			byte[] probe = "lws key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			Signature s = Signature.getInstance(alg);
			s.initSign(key);
			s.update(probe);
			byte[] sig = s.sign();
			Signature v = Signature.getInstance(alg);
			v.initVerify(pub);
			v.update(probe);
			if (v.verify(sig)) {
				return;
			}
		}
		catch (GeneralSecurityException ex) {
			// a key of another type than the certificate's: reported below
		}
		throw new TlsConfigException("the private key '" + keyFile + "' does not belong to the certificate '"
				+ certFile + "' ("
				+ cert.getSubjectX500Principal().getName() + ")");
	}

	private static X509ExtendedTrustManager clientTrust(VhostCreationInfo info, Hooks hooks, TrustManager[] given)
			throws GeneralSecurityException {
		TlsServerSetup setup = new TlsServerSetup(info.name(), null);
		hooks.call(CallbackReason.OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS, setup);
		TrustManager[] managers = (setup.trustManagers() != null) ? setup.trustManagers() : given;
		if (managers == null) {
			KeyStore ks = (info.sslTrustStore() != null) ? info.sslTrustStore().load() : emptyStore();
			int n = 0;
			if (info.sslCaFilepath() != null) {
				for (X509Certificate c : PemFiles.certificates(Path.of(info.sslCaFilepath()))) {
					ks.setCertificateEntry("ca-" + n++, c);
				}
			}
			for (X509Certificate c : setup.trusted()) {
				ks.setCertificateEntry("extra-" + n++, c);
			}
			if (ks.size() == 0) {
				throw new TlsConfigException("REQUIRE_VALID_OPENSSL_CLIENT_CERT needs the CAs that issue client "
						+ "certificates: set ssl_ca_filepath or a trust store, or add them in "
						+ "OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS");
			}
			TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			tmf.init(ks);
			managers = tmf.getTrustManagers();
		}
		return firstX509(managers);
	}

	/** The first X.509 trust manager of {@code managers}, extended if it is not. */
	static X509ExtendedTrustManager firstX509(TrustManager[] managers) {
		for (TrustManager m : managers) {
			if (m instanceof X509ExtendedTrustManager x) {
				return x;
			}
			if (m instanceof X509TrustManager x) {
				return new PlainTrustManagerAdapter(x);
			}
		}
		throw new TlsConfigException("no X.509 trust manager among the trust managers given");
	}

	static KeyStore emptyStore() throws GeneralSecurityException {
		KeyStore ks = KeyStore.getInstance("PKCS12");
		try {
			ks.load(null, null);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return ks;
	}

	private static SSLParameters parameters(VhostCreationInfo info, SSLContext ctx) {
		SSLEngine probe = ctx.createSSLEngine();
		SSLParameters p = ctx.getDefaultSSLParameters();
		List<String> supportedProtocols = Arrays.asList(probe.getSupportedProtocols());
		List<String> protocols = info.sslProtocols().isEmpty() ? DEFAULT_PROTOCOLS : info.sslProtocols();
		for (String proto : protocols) {
			if (!DEFAULT_PROTOCOLS.contains(proto)) {
				throw new TlsConfigException("TLS protocol '" + proto + "' is not allowed: use TLSv1.3 and/or TLSv1.2 "
						+ "(older versions are insecure)");
			}
			if (!supportedProtocols.contains(proto)) {
				throw new TlsConfigException("TLS protocol '" + proto + "' is not supported here (supported: "
						+ supportedProtocols + ")");
			}
		}
		p.setProtocols(protocols.toArray(new String[0]));
		p.setCipherSuites(OpenSslNames.cipherSuites(info.sslCipherList(), probe.getSupportedCipherSuites(),
				probe.getEnabledCipherSuites()));
		p.setUseCipherSuitesOrder(true);
		p.setApplicationProtocols(info.alpn().toArray(new String[0]));
		if (info.ecdhCurve() != null) {
			String group = OpenSslNames.namedGroup(info.ecdhCurve());
			if (!setNamedGroups(p, group) && !namedGroupsWarned) {
				namedGroupsWarned = true;
				LwsLog.notice("ecdh_curve '{}' (JSSE '{}') is checked but this JVM ({}) cannot set key exchange groups "
						+ "per vhost; it uses its defaults or -Djdk.tls.namedGroups", info.ecdhCurve(), group,
						System.getProperty("java.version"));
			}
		}
		return p;
	}

	private static boolean setNamedGroups(SSLParameters p, String group) {
		try {
			// SSLParameters.setNamedGroups arrived in Java 20
			SSLParameters.class.getMethod("setNamedGroups", String[].class).invoke(p, (Object) new String[] { group });
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	/** A new server engine with this vhost's parameters. */
	public SSLEngine newEngine() {
		SSLEngine e = this.context.createSSLEngine();
		e.setUseClientMode(false);
		e.setSSLParameters(this.parameters);
		return e;
	}

	/** Whether client certificates are verified (so the engine's connection must be findable by the verifier). */
	public boolean verifiesClients() {
		return this.verifiesClients;
	}

	/** The enabled cipher suites, for logs and tests. */
	public List<String> cipherSuites() {
		return List.of(this.parameters.getCipherSuites());
	}

	/** The enabled protocols. */
	public List<String> protocols() {
		return List.of(this.parameters.getProtocols());
	}

	@Override
	public String toString() {
		return "TlsServerContext[" + this.vhostName + ", "
				+ String.join("/", this.parameters.getProtocols()).toLowerCase(Locale.ROOT)
				+ (this.verifiesClients ? ", client certificates" : "") + "]";
	}

	/** Verifies the chain, then lets {@code OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION} have its say. */
	private static final class VerifyingTrustManager extends OneSidedTrustManager {

		private final X509ExtendedTrustManager base;

		private final ClientCertVerifier verifier;

		VerifyingTrustManager(X509ExtendedTrustManager base, ClientCertVerifier verifier) {
			super(false);
			this.base = base;
			this.verifier = verifier;
		}

		@Override
		void check(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
			CertificateException failure = null;
			try {
				this.base.checkClientTrusted(chain, authType, engine);
			}
			catch (CertificateException ex) {
				failure = ex;
			}
			ClientCertificateCheck check = new ClientCertificateCheck(chain, failure);
			int r = (this.verifier != null) ? this.verifier.verify(engine, check) : 0;
			if (r != 0) {
				throw new CertificateException(
						"The client certificate was refused by OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION");
			}
			if (failure != null && !check.acceptedDespiteFailure()) {
				throw failure;
			}
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return this.base.getAcceptedIssuers();
		}

	}

	/** Lets a plain {@link X509TrustManager} stand where an extended one is needed. */
	static final class PlainTrustManagerAdapter extends X509ExtendedTrustManager {

		private final X509TrustManager tm;

		PlainTrustManagerAdapter(X509TrustManager tm) {
			this.tm = tm;
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			this.tm.checkClientTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			this.tm.checkServerTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			this.tm.checkClientTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			this.tm.checkServerTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			this.tm.checkClientTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			this.tm.checkServerTrusted(chain, authType);
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return this.tm.getAcceptedIssuers();
		}

	}

}
