package io.lws.core.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A server certificate being verified by a client connection: {@code in} of
 * {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION}, with the name the certificate had to carry. The verdict includes
 * the host name check unless the connection skips it ({@code LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK}); see
 * {@link CertificateCheck} for what the callback's return does.
 */
public final class ServerCertificateCheck extends CertificateCheck {

	private final String host;

	ServerCertificateCheck(X509Certificate[] chain, CertificateException failure, String host) {
		super(chain, failure);
		this.host = host;
	}

	/** The server name the connection asked for (its SNI and the name checked), or null when unknown. */
	public String host() {
		return this.host;
	}

}
