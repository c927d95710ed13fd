package io.lws.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * What a vhost's TLS context is being built from, handed to the first protocol as {@code in} of
 * {@code OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY} (a certificate was configured without a key: supply it here) and
 * {@code OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS} (add trust for client certificates). libwebsockets hands OpenSSL's
 * {@code SSL_CTX}; this is its JSSE counterpart. Valid only during the callback.
 */
public final class TlsServerSetup {

	private final String vhostName;

	private final List<X509Certificate> certificateChain;

	private PrivateKey privateKey;

	private KeyManager[] keyManagers;

	private final List<X509Certificate> trusted = new ArrayList<>();

	private TrustManager[] trustManagers;

	TlsServerSetup(String vhostName, List<X509Certificate> certificateChain) {
		this.vhostName = vhostName;
		this.certificateChain = (certificateChain != null) ? List.copyOf(certificateChain) : List.of();
	}

	/** The vhost being set up. */
	public String vhostName() {
		return this.vhostName;
	}

	/** The server certificate chain read from {@code ssl_cert_filepath}; empty when there is none. */
	public List<X509Certificate> certificateChain() {
		return this.certificateChain;
	}

	/** Sets the private key of the certificate chain (for {@code OPENSSL_CONTEXT_REQUIRES_PRIVATE_KEY}). */
	public void privateKey(PrivateKey key) {
		this.privateKey = key;
	}

	/** Replaces the key material altogether (a hardware token's key managers, for instance). */
	public void keyManagers(KeyManager... managers) {
		this.keyManagers = managers.clone();
	}

	/** Trusts {@code certificates} as issuers of client certificates. */
	public void trust(X509Certificate... certificates) {
		Collections.addAll(this.trusted, certificates);
	}

	/** Replaces the trust material for client certificates altogether. */
	public void trustManagers(TrustManager... managers) {
		this.trustManagers = managers.clone();
	}

	PrivateKey privateKey() {
		return this.privateKey;
	}

	KeyManager[] keyManagers() {
		return this.keyManagers;
	}

	List<X509Certificate> trusted() {
		return this.trusted;
	}

	TrustManager[] trustManagers() {
		return this.trustManagers;
	}

}
