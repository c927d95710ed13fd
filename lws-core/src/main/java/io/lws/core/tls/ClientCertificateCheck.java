package io.lws.core.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A client certificate being verified by a server: {@code in} of {@code OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION}.
 * <p>
 * Unlike libwebsockets (where the default return of 0 accepts any client certificate, even one from an unknown CA),
 * returning 0 here keeps the verdict of the chain check; see {@link CertificateCheck}.
 */
public final class ClientCertificateCheck extends CertificateCheck {

	ClientCertificateCheck(X509Certificate[] chain, CertificateException failure) {
		super(chain, failure);
	}

}
