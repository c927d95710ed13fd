package io.lws.core.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A vhost's client TLS ({@code lws_init_vhost_client_ssl}): its {@link ClientSslInfo} read once (CA files, client
 * certificate and key, cipher list, all checked at once so that a bad file is reported when it is given), the first
 * protocol's {@code OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS} asked once on first use, and a {@link TlsClientContext}
 * per combination of {@code ssl_connection} check bits, made on first use. Replaced whole when the vhost is given new
 * material. Thread-safe.
 */
public final class VhostClientTls {

	/** Calls {@code OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS} on the vhost's first protocol. */
	@FunctionalInterface
	public interface Hook {

		/**
		 * @param setup what the protocol may add to
		 * @return the protocol's return (ignored: there is nothing to refuse)
		 */
		int call(TlsClientSetup setup);

	}

	private final String vhostName;

	private final SSLContext provided;

	private final List<X509Certificate> trusted;

	private final KeyManager[] keyManagers;

	private final String cipherList;

	private final boolean disableOsCaCerts;

	private final Hook hook;

	private final TlsClientContext.ServerCertVerifier verifier;

	/** What the hook added; null until the first context is made. */
	private TlsClientSetup extra;

	private final Map<Integer, TlsClientContext> contexts = new ConcurrentHashMap<>();

	private VhostClientTls(String vhostName, SSLContext provided, List<X509Certificate> trusted,
			KeyManager[] keyManagers, String cipherList, boolean disableOsCaCerts, Hook hook,
			TlsClientContext.ServerCertVerifier verifier) {
		this.vhostName = vhostName;
		this.provided = provided;
		this.trusted = trusted;
		this.keyManagers = keyManagers;
		this.cipherList = cipherList;
		this.disableOsCaCerts = disableOsCaCerts;
		this.hook = hook;
		this.verifier = verifier;
	}

	/**
	 * Reads a vhost's client TLS material.
	 * @param vhostName for messages
	 * @param info the vhost's material, or null for the JVM's CAs and no client certificate
	 * @param contextProvided the context's {@code provided_client_ssl_ctx}, used when {@code info} provides none
	 * @param disableOsCaCerts the vhost has {@code DISABLE_OS_CA_CERTS} (or {@code info} asks for it)
	 * @param hook calls {@code OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS}
	 * @param verifier calls {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION}
	 * @throws TlsConfigException naming the vhost and the file or setting that cannot be used
	 */
	public static VhostClientTls create(String vhostName, ClientSslInfo info, SSLContext contextProvided,
			boolean disableOsCaCerts, Hook hook, TlsClientContext.ServerCertVerifier verifier) {
		String v = "Vhost '" + vhostName + "': client TLS: ";
		SSLContext provided = (info != null && info.providedContext() != null) ? info.providedContext()
				: contextProvided;
		if (info == null || provided != null) {
			return new VhostClientTls(vhostName, provided, List.of(), null, null, disableOsCaCerts, hook, verifier);
		}
		try {
			List<X509Certificate> trusted = new ArrayList<>();
			for (String ca : info.caFilepaths()) {
				trusted.addAll(PemFiles.certificates(Path.of(ca)));
			}
			KeyManager[] km = null;
			if (info.certFilepath() != null) {
				List<X509Certificate> chain = PemFiles.certificates(Path.of(info.certFilepath()));
				String pw = info.privateKeyPassword();
				PrivateKey key = PemFiles.privateKey(Path.of(info.privateKeyFilepath()),
						(pw != null) ? pw.toCharArray() : null);
				TlsServerContext.checkKeyMatches(chain.get(0), key, info.privateKeyFilepath(), info.certFilepath());
				km = TlsServerContext.keyManagers(key, chain);
			}
			if (info.cipherList() != null) {
				SSLEngine probe = SSLContext.getDefault().createSSLEngine();
				OpenSslNames.cipherSuites(info.cipherList(), probe.getSupportedCipherSuites(),
						probe.getEnabledCipherSuites());
			}
			return new VhostClientTls(vhostName, null, List.copyOf(trusted), km, info.cipherList(),
					disableOsCaCerts || info.disableOsCaCerts(), hook, verifier);
		}
		catch (TlsConfigException ex) {
			throw new TlsConfigException(v + ex.getMessage(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new TlsConfigException(v + "this JVM has no default TLS: " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new TlsConfigException(v + "cannot use the client certificate: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The context for an {@code ssl_connection} value: its {@code LCCSCF_ALLOW_SELFSIGNED},
	 * {@code LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK} and {@code LCCSCF_ALLOW_INSECURE} bits choose the checks.
	 * @throws TlsConfigException when the material the hook gave cannot be used
	 */
	public TlsClientContext context(int sslConnection) {
		Set<TlsClientOption> options = EnumSet.noneOf(TlsClientOption.class);
		int bits = 0;
		for (TlsClientOption o : TlsClientOption.values()) {
			if ((sslConnection & o.bits()) != 0) {
				options.add(o);
				bits |= o.bits();
			}
		}
		TlsClientContext made = this.contexts.get(bits);
		if (made == null) {
			// the hook is user code: asked before, not inside, the map's update
			TlsClientSetup setup = (this.provided == null) ? extra() : null;
			made = this.contexts.computeIfAbsent(bits, (b) -> make(options, setup));
		}
		return made;
	}

	private TlsClientContext make(Set<TlsClientOption> options, TlsClientSetup setup) {
		if (this.provided != null) {
			return TlsClientContext.provided(this.provided, options);
		}
		TlsClientContext.Builder b = TlsClientContext.builder().options(options.toArray(new TlsClientOption[0]))
			.trust(this.trusted)
			.trust(setup.trusted())
			.disableOsCaCerts(this.disableOsCaCerts)
			.cipherList(this.cipherList)
			.verifier(this.verifier);
		KeyManager[] km = (setup.keyManagers() != null) ? setup.keyManagers() : this.keyManagers;
		if (km != null) {
			b.keyManagers(km);
		}
		if (setup.trustManagers() != null) {
			b.trustManagers(setup.trustManagers());
		}
		try {
			return b.build();
		}
		catch (TlsConfigException ex) {
			throw new TlsConfigException("Vhost '" + this.vhostName + "': client TLS: " + ex.getMessage(), ex);
		}
	}

	private synchronized TlsClientSetup extra() {
		if (this.extra == null) {
			TlsClientSetup setup = new TlsClientSetup(this.vhostName);
			this.hook.call(setup);
			this.extra = setup;
		}
		return this.extra;
	}

	@Override
	public String toString() {
		return "VhostClientTls[" + this.vhostName + ((this.provided != null) ? ", provided" : "") + ", "
				+ this.trusted.size() + " CAs" + ((this.keyManagers != null) ? ", client certificate" : "")
				+ (this.disableOsCaCerts ? ", no OS CAs" : "") + "]";
	}

}
