package io.lws.core.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A peer's certificate chain being verified, with the JDK's verdict: the JSSE counterpart of OpenSSL's
 * {@code X509_STORE_CTX} and {@code preverify_ok} that the verification callbacks get.
 * <p>
 * As in libwebsockets, returning non-zero from the callback refuses the certificate, and returning 0 keeps the
 * verdict of the chain check: a chain the trust material refused stays refused unless the callback calls
 * {@link #acceptDespiteFailure()} (what clearing the error with {@code X509_STORE_CTX_set_error(ctx, X509_V_OK)} does
 * in OpenSSL).
 */
public abstract sealed class CertificateCheck permits ClientCertificateCheck, ServerCertificateCheck {

	private final X509Certificate[] chain;

	private final CertificateException failure;

	private boolean acceptDespiteFailure;

	CertificateCheck(X509Certificate[] chain, CertificateException failure) {
		this.chain = chain.clone();
		this.failure = failure;
	}

	/** The peer's chain, its own certificate first. */
	public X509Certificate[] chain() {
		return this.chain.clone();
	}

	/** {@code preverify_ok}: whether the chain verified against the trust material. */
	public boolean preverifyOk() {
		return this.failure == null;
	}

	/** Why the chain did not verify, in one sentence, or null. */
	public String failure() {
		return (this.failure != null) ? this.failure.getMessage() : null;
	}

	/** Accepts the certificate although the chain did not verify. */
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
