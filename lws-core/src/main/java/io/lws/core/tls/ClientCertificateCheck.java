package io.lws.core.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A client certificate being verified: {@code in} of {@code OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION}, the JSSE
 * counterpart of OpenSSL's {@code X509_STORE_CTX} and {@code preverify_ok}.
 * <p>
 * As in libwebsockets, returning non-zero from the callback refuses the certificate. Unlike libwebsockets (where the
 * default return of 0 accepts any certificate, even one from an unknown CA), returning 0 here keeps the verdict of
 * the chain check: a certificate the vhost's trust material refused stays refused unless the callback calls
 * {@link #acceptDespiteFailure()}.
 */
public final class ClientCertificateCheck {

	private final X509Certificate[] chain;

	private final CertificateException failure;

	private boolean acceptDespiteFailure;

	ClientCertificateCheck(X509Certificate[] chain, CertificateException failure) {
		this.chain = chain.clone();
		this.failure = failure;
	}

	/** The client's chain, its own certificate first. */
	public X509Certificate[] chain() {
		return this.chain.clone();
	}

	/** {@code preverify_ok}: whether the chain verified against the vhost's trust material. */
	public boolean preverifyOk() {
		return this.failure == null;
	}

	/** Why the chain did not verify, or null. */
	public String failure() {
		return (this.failure != null) ? this.failure.getMessage() : null;
	}

	/** Accepts the certificate although the chain did not verify (as returning 0 in libwebsockets does). */
	public void acceptDespiteFailure() {
		this.acceptDespiteFailure = true;
	}

	boolean acceptedDespiteFailure() {
		return this.acceptDespiteFailure;
	}

	CertificateException failureException() {
		return this.failure;
	}

}
