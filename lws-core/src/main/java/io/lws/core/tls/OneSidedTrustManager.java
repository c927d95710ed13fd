package io.lws.core.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that checks one side only: a client's checks servers, a server's checks clients. The JSSE
 * interface asks for each check in three forms (with an engine, a socket, or neither); here each side's three reduce
 * to one {@link #check} with the engine ({@code null} when there is none), and the other side's are refused.
 */
abstract class OneSidedTrustManager extends X509ExtendedTrustManager {

	private final boolean checksServers;

	/**
	 * @param checksServers true for a client's trust manager (it checks servers), false for a server's
	 */
	OneSidedTrustManager(boolean checksServers) {
		this.checksServers = checksServers;
	}

	/** Checks a certificate chain of the side this trust manager is for. */
	abstract void check(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException;

	@Override
	public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		side(true).check(chain, authType, engine);
	}

	@Override
	public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		side(true).check(chain, authType, null);
	}

	@Override
	public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		side(true).check(chain, authType, null);
	}

	@Override
	public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		side(false).check(chain, authType, engine);
	}

	@Override
	public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		side(false).check(chain, authType, null);
	}

	@Override
	public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		side(false).check(chain, authType, null);
	}

	private OneSidedTrustManager side(boolean servers) throws CertificateException {
		if (servers != this.checksServers) {
			throw new CertificateException(this.checksServers ? "a client's trust manager does not check clients"
					: "a server's trust manager does not check servers");
		}
		return this;
	}

}
