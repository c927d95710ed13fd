package io.lws.spring.boot.autoconfigure.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import io.lws.core.VhostCreationInfo;
import io.lws.core.tls.KeyStoreFile;
import io.lws.core.tls.OpenSslNames;
import io.lws.spring.boot.autoconfigure.LwsProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Maps {@code lws.vhosts.<name>.ssl.*} onto the vhost's TLS settings: libwebsockets' {@code ssl_*} files, Java key
 * stores, or a Spring Boot SSL bundle.
 */
final class SslMapper {

	private SslMapper() {
	}

	/**
	 * Whether these settings make the vhost serve TLS ({@link VhostCreationInfo#isTls()}): they name a certificate,
	 * a key store or an SSL bundle.
	 * @param ssl a vhost's TLS properties
	 * @return true for a TLS vhost
	 */
	static boolean servesTls(LwsProperties.Ssl ssl) {
		return hasText(ssl.getBundle()) || hasText(ssl.getCertificate()) || hasText(ssl.getKeyStore());
	}

	/**
	 * Applies the TLS settings of one vhost.
	 * @param key the vhost's property prefix
	 * @param ssl its TLS properties
	 * @param bundles the application's SSL bundles, or null when not known yet (the bundle is then only named)
	 * @param builder the vhost builder
	 */
	static void map(String key, LwsProperties.Ssl ssl, @Nullable SslBundles bundles,
			VhostCreationInfo.Builder builder) {
		String k = key + ".ssl";
		boolean files = hasText(ssl.getCertificate()) || hasText(ssl.getKeyStore());
		if (hasText(ssl.getBundle())) {
			if (files) {
				throw new InvalidLwsConfigurationException(k + ".bundle", "cannot be combined with " + k
						+ ".certificate or " + k + ".key-store", "Use either the SSL bundle or the files.");
			}
			if (bundles != null) {
				applyBundle(k, ssl.getBundle(), bundles, builder);
			}
		}
		else if (hasText(ssl.getCertificate())) {
			if (hasText(ssl.getKeyStore())) {
				throw new InvalidLwsConfigurationException(k + ".key-store", "cannot be combined with " + k
						+ ".certificate", "Use either PEM files or a key store.");
			}
			builder.sslCertFilepath(file(k + ".certificate", ssl.getCertificate()));
			if (hasText(ssl.getPrivateKey())) {
				builder.sslPrivateKeyFilepath(file(k + ".private-key", ssl.getPrivateKey()));
			}
		}
		else if (hasText(ssl.getKeyStore())) {
			builder.sslKeyStore(new KeyStoreFile(Path.of(file(k + ".key-store", ssl.getKeyStore())),
					ssl.getKeyStoreType(), ssl.getKeyStorePassword()), blankToNull(ssl.getKeyAlias()));
		}
		else if (hasText(ssl.getPrivateKey())) {
			throw new InvalidLwsConfigurationException(k + ".private-key", "is set without " + k + ".certificate",
					"Set the certificate chain too.");
		}
		if (hasText(ssl.getKeyPassword())) {
			builder.sslPrivateKeyPassword(ssl.getKeyPassword());
		}
		if (hasText(ssl.getCa())) {
			builder.sslCaFilepath(file(k + ".ca", ssl.getCa()));
		}
		if (hasText(ssl.getTrustStore())) {
			builder.sslTrustStore(new KeyStoreFile(Path.of(file(k + ".trust-store", ssl.getTrustStore())),
					ssl.getTrustStoreType(), ssl.getTrustStorePassword()));
		}
		if (hasText(ssl.getCipherList())) {
			builder.sslCipherList(ssl.getCipherList());
		}
		if (hasText(ssl.getEcdhCurve())) {
			try {
				OpenSslNames.namedGroup(ssl.getEcdhCurve());
			}
			catch (RuntimeException ex) {
				throw new InvalidLwsConfigurationException(k + ".ecdh-curve", ex.getMessage(),
						"Use prime256v1, secp384r1, secp521r1, X25519 or X448.");
			}
			builder.ecdhCurve(ssl.getEcdhCurve());
		}
		if (!ssl.getProtocols().isEmpty()) {
			for (String p : ssl.getProtocols()) {
				if (!p.equals("TLSv1.3") && !p.equals("TLSv1.2")) {
					throw new InvalidLwsConfigurationException(k + ".protocols", "'" + p + "' is not allowed",
							"Use TLSv1.3 and/or TLSv1.2.");
				}
			}
			builder.sslProtocols(ssl.getProtocols());
		}
	}

	private static void applyBundle(String k, String name, SslBundles bundles, VhostCreationInfo.Builder builder) {
		SslBundle bundle;
		try {
			bundle = bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidLwsConfigurationException(k + ".bundle", "names SSL bundle '" + name
					+ "', which is not configured", "Define spring.ssl.bundle.pem." + name + " (or .jks." + name
							+ ") or fix the name.");
		}
		builder.sslKeyManagers(keyManagers(bundle));
		TrustManager[] tm = trustManagers(bundle);
		if (tm != null) {
			builder.sslTrustManagers(tm);
		}
		if (bundle.getOptions().getEnabledProtocols() != null) {
			builder.sslProtocols(List.of(bundle.getOptions().getEnabledProtocols()));
		}
		if (bundle.getOptions().getCiphers() != null) {
			builder.sslCipherList(String.join(":", bundle.getOptions().getCiphers()));
		}
	}

	/** The bundle's key managers. */
	static KeyManager[] keyManagers(SslBundle bundle) {
		return bundle.getManagers().getKeyManagers();
	}

	/** The bundle's trust managers when it has a trust store of its own (else the JDK's CAs would trust clients). */
	static TrustManager @Nullable [] trustManagers(SslBundle bundle) {
		return (bundle.getStores().getTrustStore() != null) ? bundle.getManagers().getTrustManagers() : null;
	}

	private static String file(String key, String path) {
		String p = path.startsWith("file:") ? path.substring(5) : path;
		if (!Files.isReadable(Path.of(p))) {
			throw new InvalidLwsConfigurationException(key, "'" + path + "' is not a readable file",
					"Fix the path (a file system path; class-path resources are not supported for TLS material).");
		}
		return p;
	}

	private static boolean hasText(@Nullable String s) {
		return s != null && !s.isBlank();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return hasText(s) ? s : null;
	}

}
