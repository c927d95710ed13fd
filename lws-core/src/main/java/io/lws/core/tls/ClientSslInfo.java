package io.lws.core.tls;

import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

/**
 * A vhost's client TLS material: the members of {@code struct lws_context_creation_info} that
 * {@code lws_init_vhost_client_ssl} reads ({@code ssl_ca_filepath}, {@code ssl_cert_filepath},
 * {@code ssl_private_key_filepath}, {@code ssl_private_key_password}, {@code ssl_cipher_list},
 * {@code provided_client_ssl_ctx}, {@code LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS}), as lws 3.x names them
 * {@code client_ssl_*}. Given at vhost creation ({@code VhostCreationInfo.Builder#clientSsl}) or afterwards
 * ({@code LwsVhost#initVhostClientSsl}). Immutable; files are read when the vhost takes the material, and a problem
 * with them is reported then.
 */
public final class ClientSslInfo {

	private final List<String> caFilepaths;

	private final String certFilepath;

	private final String privateKeyFilepath;

	private final String privateKeyPassword;

	private final String cipherList;

	private final boolean disableOsCaCerts;

	private final SSLContext providedContext;

	private ClientSslInfo(Builder b) {
		this.caFilepaths = List.copyOf(b.caFilepaths);
		this.certFilepath = b.certFilepath;
		this.privateKeyFilepath = b.privateKeyFilepath;
		this.privateKeyPassword = b.privateKeyPassword;
		this.cipherList = b.cipherList;
		this.disableOsCaCerts = b.disableOsCaCerts;
		this.providedContext = b.providedContext;
	}

	/** Starts an empty description (the JVM's CAs, no client certificate). */
	public static Builder builder() {
		return new Builder();
	}

	/** {@code ssl_ca_filepath}: PEM files of CAs (or self-signed server certificates) to trust; empty for none. */
	public List<String> caFilepaths() {
		return this.caFilepaths;
	}

	/** {@code ssl_cert_filepath}: the client certificate chain to present, PEM, leaf first; null for none. */
	public String certFilepath() {
		return this.certFilepath;
	}

	/** {@code ssl_private_key_filepath}: the client certificate's key, PEM (PKCS#8, PKCS#1 RSA or SEC1 EC). */
	public String privateKeyFilepath() {
		return this.privateKeyFilepath;
	}

	/** {@code ssl_private_key_password}: the password of an encrypted key; null for none. */
	public String privateKeyPassword() {
		return this.privateKeyPassword;
	}

	/** {@code ssl_cipher_list}: an OpenSSL cipher list (or JSSE suite names); null for the JDK defaults. */
	public String cipherList() {
		return this.cipherList;
	}

	/** {@code LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS}: trust only {@link #caFilepaths()}, not the JVM's CAs. */
	public boolean disableOsCaCerts() {
		return this.disableOsCaCerts;
	}

	/**
	 * {@code provided_client_ssl_ctx}: a ready context used as is (its key and trust managers, its protocols); the
	 * other members are then ignored, and {@code OPENSSL_PERFORM_SERVER_CERT_VERIFICATION} is not called because the
	 * context's own trust managers decide. Null to build one from the other members.
	 */
	public SSLContext providedContext() {
		return this.providedContext;
	}

	@Override
	public String toString() {
		return "ClientSslInfo[ca=" + this.caFilepaths + ", cert=" + this.certFilepath
				+ (this.disableOsCaCerts ? ", no OS CAs" : "") + ((this.providedContext != null) ? ", provided" : "")
				+ "]";
	}

	/** Builds a {@link ClientSslInfo}. */
	public static final class Builder {

		private final List<String> caFilepaths = new ArrayList<>();

		private String certFilepath;

		private String privateKeyFilepath;

		private String privateKeyPassword;

		private String cipherList;

		private boolean disableOsCaCerts;

		private SSLContext providedContext;

		private Builder() {
		}

		/** {@code ssl_ca_filepath}: adds a PEM file of trusted CAs (several certificates may be in one file). */
		public Builder caFilepath(String path) {
			this.caFilepaths.add(path);
			return this;
		}

		/** {@code ssl_cert_filepath}: the client certificate chain, PEM. */
		public Builder certFilepath(String path) {
			this.certFilepath = path;
			return this;
		}

		/** {@code ssl_private_key_filepath}: the client certificate's key, PEM. */
		public Builder privateKeyFilepath(String path) {
			this.privateKeyFilepath = path;
			return this;
		}

		/** {@code ssl_private_key_password}: the password of an encrypted key. */
		public Builder privateKeyPassword(String password) {
			this.privateKeyPassword = password;
			return this;
		}

		/** {@code ssl_cipher_list}: OpenSSL syntax ({@code ECDHE+AESGCM:!aNULL}) or JSSE suite names. */
		public Builder cipherList(String list) {
			this.cipherList = list;
			return this;
		}

		/** {@code LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS}: trust only the CA files given here. */
		public Builder disableOsCaCerts(boolean disable) {
			this.disableOsCaCerts = disable;
			return this;
		}

		/** {@code provided_client_ssl_ctx}: a ready context to use as is. */
		public Builder providedContext(SSLContext context) {
			this.providedContext = context;
			return this;
		}

		/**
		 * Checks and builds.
		 * @throws IllegalArgumentException when a certificate is given without its key or the other way round
		 */
		public ClientSslInfo build() {
			if ((this.certFilepath == null) != (this.privateKeyFilepath == null)) {
				throw new IllegalArgumentException("A client certificate needs both ssl_cert_filepath and "
						+ "ssl_private_key_filepath (got " + ((this.certFilepath != null) ? "only the certificate"
								: "only the key") + ")");
			}
			for (String ca : this.caFilepaths) {
				if (ca == null || ca.isBlank()) {
					throw new IllegalArgumentException("ssl_ca_filepath must name a file");
				}
			}
			return new ClientSslInfo(this);
		}

	}

}
