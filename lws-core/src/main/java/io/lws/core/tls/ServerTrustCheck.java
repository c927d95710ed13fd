package io.lws.core.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client's check of the server's certificate chain: the trust manager chosen for the {@code ssl_connection} bits
 * decides, a refusal is restated as one plain sentence that says why (expired, another host's, self-signed, unknown
 * CA), and then {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION} has its say through the
 * {@link TlsClientContext.ServerCertVerifier}.
 */
final class ServerTrustCheck extends OneSidedTrustManager {

	private final X509ExtendedTrustManager base;

	private final TlsClientContext.ServerCertVerifier verifier;

	private final boolean checkValidity;

	/**
	 * @param base decides whether the chain is trusted
	 * @param verifier the callback, or null
	 * @param checkValidity also refuse a chain with a certificate out of its validity period, even a trusted one:
	 * the JDK does not check the dates of a trust anchor (a self-signed certificate trusted as its own CA), OpenSSL
	 * does
	 */
	ServerTrustCheck(X509ExtendedTrustManager base, TlsClientContext.ServerCertVerifier verifier,
			boolean checkValidity) {
		super(true);
		this.base = base;
		this.verifier = verifier;
		this.checkValidity = checkValidity;
	}

	@Override
	void check(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
		String host = (engine != null) ? engine.getPeerHost() : null;
		CertificateException failure = null;
		try {
			this.base.checkServerTrusted(chain, authType, engine);
			if (this.checkValidity) {
				for (X509Certificate c : chain) {
					c.checkValidity();
				}
			}
		}
		catch (CertificateException ex) {
			failure = explain(ex, chain, authType, host);
		}
		if (this.verifier == null) {
			if (failure != null) {
				throw failure;
			}
			return;
		}
		ServerCertificateCheck check = new ServerCertificateCheck(chain, failure, host);
		if (this.verifier.verify(engine, check) != 0) {
			throw new CertificateException("the server's certificate " + subject(chain[0])
					+ " was refused by OPENSSL_PERFORM_SERVER_CERT_VERIFICATION");
		}
		if (failure != null && !check.acceptedDespiteFailure()) {
			throw failure;
		}
	}

	/** Why the chain was refused, in one sentence (the JDK's own messages name classes, not causes). */
	private CertificateException explain(CertificateException ex, X509Certificate[] chain, String authType,
			String host) {
		X509Certificate leaf = chain[0];
		for (X509Certificate c : chain) {
			try {
				c.checkValidity();
			}
			catch (CertificateExpiredException expired) {
				return new CertificateException("the server's certificate " + subject(c) + " expired on "
						+ c.getNotAfter().toInstant(), ex);
			}
			catch (CertificateNotYetValidException early) {
				return new CertificateException("the server's certificate " + subject(c) + " is not valid before "
						+ c.getNotBefore().toInstant(), ex);
			}
		}
		if (host != null && trustedWithoutName(chain, authType)) {
			return new CertificateException("the server's certificate " + subject(leaf) + " does not name '" + host
					+ "' (it names " + names(leaf) + ")", ex);
		}
		X509Certificate last = chain[chain.length - 1];
		if (chain.length == 1 && selfSigned(last)) {
			return new CertificateException("the server's certificate " + subject(leaf)
					+ " is self-signed and not trusted (ssl_connection 2, ALLOW_SELFSIGNED, accepts it)", ex);
		}
		if (hasCause(ex, CertPathBuilderException.class)) {
			return new CertificateException("the server's certificate " + subject(leaf) + " is issued by "
					+ last.getIssuerX500Principal().getName() + ", which is not a trusted CA", ex);
		}
		return new CertificateException("the server's certificate " + subject(leaf) + " was refused: "
				+ ex.getMessage(), ex);
	}

	private boolean trustedWithoutName(X509Certificate[] chain, String authType) {
		try {
			this.base.checkServerTrusted(chain, authType, (SSLEngine) null);
			return true;
		}
		catch (CertificateException ex) {
			return false;
		}
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static String subject(X509Certificate c) {
		return "'" + c.getSubjectX500Principal().getName() + "'";
	}

	private static List<String> names(X509Certificate c) {
		List<String> names = new ArrayList<>();
		try {
			Collection<List<?>> alt = c.getSubjectAlternativeNames();
			if (alt != null) {
				for (List<?> entry : alt) {
					names.add(String.valueOf(entry.get(1)));
				}
			}
		}
		catch (CertificateParsingException ex) {
			// names stay unknown
		}
		return names;
	}

	/** Whether {@code c} is issued by itself and carries a valid signature by its own key. */
	static boolean selfSigned(X509Certificate c) {
		if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
			return false;
		}
		try {
			c.verify(c.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.base.getAcceptedIssuers();
	}

}
