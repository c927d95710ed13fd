package io.lws.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

/**
 * A Java key store file: the JSSE alternative to libwebsockets' PEM files.
 * @param path the file
 * @param type {@code PKCS12} (the default when null) or {@code JKS}
 * @param password the store password, or null
 */
public record KeyStoreFile(Path path, String type, String password) {

	/**
	 * Checks that there is a path.
	 * @param path the file
	 * @param type {@code PKCS12} (the default when null) or {@code JKS}
	 * @param password the store password, or null
	 */
	public KeyStoreFile {
		Objects.requireNonNull(path, "path");
	}

	/** A PKCS#12 file. */
	public static KeyStoreFile pkcs12(Path path, String password) {
		return new KeyStoreFile(path, "PKCS12", password);
	}

	/** Loads the store. */
	public KeyStore load() {
		String t = (this.type != null && !this.type.isBlank()) ? this.type : "PKCS12";
		try (InputStream in = Files.newInputStream(this.path)) {
			KeyStore ks = KeyStore.getInstance(t);
			ks.load(in, (this.password != null) ? this.password.toCharArray() : null);
			return ks;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new TlsConfigException("Cannot load " + t + " key store '" + this.path + "': " + ex.getMessage()
					+ " (check the path, the type and the password)", ex);
		}
	}

	@Override
	public String toString() {
		return "KeyStoreFile[" + this.path + ", " + this.type + "]";
	}

}
