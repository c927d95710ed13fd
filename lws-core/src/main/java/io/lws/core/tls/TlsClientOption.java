package io.lws.core.tls;

/**
 * How a client checks the server it connects to: the TLS bits of libwebsockets' {@code ssl_connection}
 * ({@code LCCSCF_*}); without any, the server's chain must verify and name the host.
 */
public enum TlsClientOption {

	/** {@code LCCSCF_ALLOW_SELFSIGNED}: accept a self-signed server certificate (its name is still checked). */
	ALLOW_SELFSIGNED(2),
	/** {@code LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK}: do not check that the certificate names the host. */
	SKIP_SERVER_CERT_HOSTNAME_CHECK(4),
	/** {@code LCCSCF_ALLOW_INSECURE}: accept any certificate at all. */
	ALLOW_INSECURE(16);

	private final int bits;

	TlsClientOption(int bits) {
		this.bits = bits;
	}

	/** The {@code LCCSCF_*} value. */
	public int bits() {
		return this.bits;
	}

}
