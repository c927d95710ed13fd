package io.lws.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.lws.core.VhostCreationInfo;
import io.lws.core.tls.CertificateGenerator;

/** Certificates made for a test (never fetched) and JDK TLS clients that trust them. */
public final class Tls {

	private Tls() {
	}

	/**
	 * A certificate and key written as PEM files.
	 * @param issued the certificate and key
	 * @param certFile its chain, PEM
	 * @param keyFile its key, PKCS#8 PEM
	 */
	public record Material(CertificateGenerator.Issued issued, Path certFile, Path keyFile) {

		/** Sets the vhost's {@code ssl_cert_filepath} and {@code ssl_private_key_filepath}. */
		public VhostCreationInfo.Builder applyTo(VhostCreationInfo.Builder b) {
			return b.sslCertFilepath(this.certFile.toString()).sslPrivateKeyFilepath(this.keyFile.toString());
		}

		public X509Certificate certificate() {
			return this.issued.certificate();
		}

		/** A client context trusting this certificate. */
		public SSLContext clientContext() {
			return Tls.clientContext(List.of(certificate()), null);
		}

		/** A connected, handshaken TLS socket to 127.0.0.1:{@code port} sending {@code sni}. */
		public SSLSocket connect(int port, String sni) throws IOException {
			return Tls.connect(clientContext(), port, sni, null);
		}

	}

	/** A self-signed certificate for localhost / 127.0.0.1, as PEM files in a temporary folder. */
	public static Material localhost() {
		return write(CertificateGenerator.localhost(), "localhost");
	}

	/** A self-signed certificate for {@code name}, as PEM files. */
	public static Material forName(String name) {
		return write(CertificateGenerator.forName(name).dnsName(name).generate(), name);
	}

	/** Writes {@code issued} as PEM files in a temporary folder deleted on exit. */
	public static Material write(CertificateGenerator.Issued issued, String stem) {
		try {
			CertificateGenerator.TemporaryPem pem = issued.writeTemporaryPem(stem);
			return new Material(issued, pem.certificateFile(), pem.keyFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A server context presenting {@code issued}, for raw TLS peers written in a test. */
	public static SSLContext serverContext(CertificateGenerator.Issued issued) {
		try {
			char[] pw = "pw".toCharArray();
			KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			kmf.init(issued.keyStore("server", pw), pw);
			SSLContext ctx = SSLContext.getInstance("TLS");
			ctx.init(kmf.getKeyManagers(), null, null);
			return ctx;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The server's side of TLS over {@code accepted}, a socket a raw test server took; without Nagle, so that a small
	 * record written after another (a close_notify after the answer) does not wait up to 40 ms for the peer's ACK.
	 */
	public static SSLSocket serverSide(SSLContext ctx, Socket accepted) throws IOException {
		accepted.setTcpNoDelay(true);
		SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(accepted, null, accepted.getPort(), false);
		tls.setUseClientMode(false);
		return tls;
	}

	/** A client context trusting {@code trusted}, presenting {@code clientCert} (may be null). */
	public static SSLContext clientContext(List<X509Certificate> trusted, CertificateGenerator.Issued clientCert) {
		try {
			javax.net.ssl.KeyManager[] km = null;
			if (clientCert != null) {
				KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				kmf.init(clientCert.keyStore("client", "pw".toCharArray()), "pw".toCharArray());
				// present the certificate whatever CAs the server names (to test refusal of unknown ones)
				javax.net.ssl.X509ExtendedKeyManager base = (javax.net.ssl.X509ExtendedKeyManager) kmf
					.getKeyManagers()[0];
				km = new javax.net.ssl.KeyManager[] { new AlwaysPresent(base) };
			}
			SSLContext ctx = SSLContext.getInstance("TLS");
			ctx.init(km, trusting(trusted), null);
			return ctx;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Trust managers that trust exactly {@code trusted}. */
	public static javax.net.ssl.TrustManager[] trusting(List<X509Certificate> trusted) {
		try {
			KeyStore ts = KeyStore.getInstance("PKCS12");
			ts.load(null, null);
			int i = 0;
			for (X509Certificate c : trusted) {
				ts.setCertificateEntry("t" + i++, c);
			}
			TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			tmf.init(ts);
			return tmf.getTrustManagers();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Connects and completes the handshake.
	 * @param sni the server name to send, or null for none
	 * @param protocols TLS protocols to enable, or null for the defaults
	 */
	public static SSLSocket connect(SSLContext ctx, int port, String sni, String[] protocols) throws IOException {
		Socket plain = new Socket();
		plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		plain.setSoTimeout(5000);
		SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
		SSLParameters p = s.getSSLParameters();
		p.setServerNames((sni != null) ? List.of(new SNIHostName(sni)) : List.of());
		p.setApplicationProtocols(new String[] { "http/1.1" });
		if (protocols != null) {
			p.setProtocols(protocols);
		}
		s.setSSLParameters(p);
		s.startHandshake();
		return s;
	}

	/** A client key manager that always offers its one certificate. */
	static final class AlwaysPresent extends javax.net.ssl.X509ExtendedKeyManager {

		private final javax.net.ssl.X509ExtendedKeyManager base;

		AlwaysPresent(javax.net.ssl.X509ExtendedKeyManager base) {
			this.base = base;
		}

		@Override
		public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
				javax.net.ssl.SSLEngine engine) {
			return "client";
		}

		@Override
		public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, Socket socket) {
			return "client";
		}

		@Override
		public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
			return new String[] { "client" };
		}

		@Override
		public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
			return null;
		}

		@Override
		public String chooseServerAlias(String keyType, java.security.Principal[] issuers, Socket socket) {
			return null;
		}

		@Override
		public X509Certificate[] getCertificateChain(String alias) {
			return this.base.getCertificateChain(alias);
		}

		@Override
		public java.security.PrivateKey getPrivateKey(String alias) {
			return this.base.getPrivateKey(alias);
		}

	}

}
