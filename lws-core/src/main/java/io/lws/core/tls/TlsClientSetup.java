package io.lws.core.tls;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * What a vhost's client TLS is being built from, handed to the first protocol as {@code in} of
 * {@code OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS}: add CAs to trust when checking servers, or replace the trust or key
 * material altogether. libwebsockets hands the client's OpenSSL {@code SSL_CTX}; this is its JSSE counterpart, as
 * {@link TlsServerSetup} is for the server hooks. Called once per material (the first TLS client connection of the
 * vhost, and again after {@code initVhostClientSsl}), on a service thread. Valid only during the callback.
 */
public final class TlsClientSetup {

	private final String vhostName;

	private final List<X509Certificate> trusted = new ArrayList<>();

	private TrustManager[] trustManagers;

	private KeyManager[] keyManagers;

	TlsClientSetup(String vhostName) {
		this.vhostName = vhostName;
	}

	/** The vhost whose client TLS is being set up. */
	public String vhostName() {
		return this.vhostName;
	}

	/** Trusts {@code certificates} (CAs, or self-signed server certificates) besides the configured ones. */
	public void trust(X509Certificate... certificates) {
		Collections.addAll(this.trusted, certificates);
	}

	/**
	 * Replaces the trust material for servers altogether (the {@code ssl_connection} bits still relax it, and
	 * {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION} still has its say).
	 */
	public void trustManagers(TrustManager... managers) {
		this.trustManagers = managers.clone();
	}

	/** The client certificate to present, as key managers (a hardware token's, for instance). */
	public void keyManagers(KeyManager... managers) {
		this.keyManagers = managers.clone();
	}

	List<X509Certificate> trusted() {
		return this.trusted;
	}

	TrustManager[] trustManagers() {
		return this.trustManagers;
	}

	KeyManager[] keyManagers() {
		return this.keyManagers;
	}

}
