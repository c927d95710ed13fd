package io.lws.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads what libwebsockets' {@code ssl_cert_filepath}, {@code ssl_private_key_filepath} and {@code ssl_ca_filepath}
 * name: PEM certificate chains, and private keys as PKCS#8 ({@code PRIVATE KEY}), password-protected PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) or SEC1 EC ({@code EC PRIVATE KEY}). Errors
 * are {@link TlsConfigException}s that name the file and say what to do.
 */
public final class PemFiles {

	private static final String OID_RSA = "1.2.840.113549.1.1.1";

	private static final String OID_EC = "1.2.840.10045.2.1";

	private PemFiles() {
	}

	/** One {@code -----BEGIN type-----} block: its type, headers and decoded body. */
	record Block(String type, String headers, byte[] der) {
	}

	/**
	 * The certificates in a PEM file, in file order (leaf first for a chain).
	 * @throws TlsConfigException when the file cannot be read or holds no certificate
	 */
	public static List<X509Certificate> certificates(Path file) {
		List<X509Certificate> certs = new ArrayList<>();
		try {
			CertificateFactory cf = CertificateFactory.getInstance("X.509");
			for (Block b : blocks(file)) {
				if (b.type().equals("CERTIFICATE") || b.type().equals("TRUSTED CERTIFICATE")) {
					certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
				}
			}
		}
		catch (CertificateException ex) {
			throw new TlsConfigException("'" + file + "' holds a certificate that cannot be parsed: " + ex.getMessage(),
					ex);
		}
		if (certs.isEmpty()) {
			throw new TlsConfigException("'" + file + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
		}
		return certs;
	}

	/**
	 * The private key in a PEM file.
	 * @param password for an {@code ENCRYPTED PRIVATE KEY}; ignored (may be null) otherwise
	 * @throws TlsConfigException when the file holds no key this reader knows, or the password is wrong or missing
	 */
	public static PrivateKey privateKey(Path file, char[] password) {
		for (Block b : blocks(file)) {
			switch (b.type()) {
				case "PRIVATE KEY":
					return pkcs8(file, b.der());
				case "ENCRYPTED PRIVATE KEY":
					return encryptedPkcs8(file, b.der(), password);
				case "RSA PRIVATE KEY":
					refuseLegacyEncryption(file, b);
					return pkcs8(file, Der.seq(Der.integer(java.math.BigInteger.ZERO),
							Der.seq(Der.oid(OID_RSA), Der.tlv(Der.NULL, new byte[0])),
							Der.tlv(Der.OCTET_STRING, b.der())));
				case "EC PRIVATE KEY":
					refuseLegacyEncryption(file, b);
					return pkcs8(file, ecToPkcs8(file, b.der()));
				default:
					// EC PARAMETERS, certificates and the like: not the key
			}
		}
		throw new TlsConfigException("'" + file + "' holds no PEM private key (PRIVATE KEY, ENCRYPTED PRIVATE KEY, "
				+ "RSA PRIVATE KEY or EC PRIVATE KEY)");
	}

	private static void refuseLegacyEncryption(Path file, Block b) {
		if (b.headers().toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
			throw new TlsConfigException("'" + file + "' is an OpenSSL-encrypted " + b.type()
					+ ", which Java cannot read; convert it to PKCS#8 with 'openssl pkcs8 -topk8 -in "
					+ file.getFileName() + " -out key.pem' (add -nocrypt to leave it unencrypted)");
		}
	}

	private static byte[] ecToPkcs8(Path file, byte[] sec1) {
		try {
			Der.Element root = Der.read(sec1, 0);
			String curve = null;
			for (Der.Element e : root.children()) {
				if (e.tag() == 0xA0) {
					curve = Der.read(sec1, e.start()).oid();
				}
			}
			if (curve == null) {
				throw new TlsConfigException("'" + file + "': the EC PRIVATE KEY does not name its curve; convert it "
						+ "with 'openssl pkcs8 -topk8 -nocrypt'");
			}
			return Der.seq(Der.integer(java.math.BigInteger.ZERO), Der.seq(Der.oid(OID_EC), Der.oid(curve)),
					Der.tlv(Der.OCTET_STRING, sec1));
		}
		catch (IllegalArgumentException ex) {
			throw new TlsConfigException("'" + file + "': the EC PRIVATE KEY is not valid DER: " + ex.getMessage(), ex);
		}
	}

	private static PrivateKey pkcs8(Path file, byte[] der) {
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
		String algorithm = keyAlgorithm(der);
		List<String> tries = (algorithm != null) ? List.of(algorithm) : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS");
		for (String alg : tries) {
			try {
				return KeyFactory.getInstance(alg).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				// try the next
			}
		}
		throw new TlsConfigException("'" + file + "' holds a private key of a type Java cannot load");
	}

	private static String keyAlgorithm(byte[] pkcs8) {
		try {
			Der.Element algId = Der.read(pkcs8, 0).children().get(1);
			String oid = algId.children().get(0).oid();
			return switch (oid) {
				case OID_RSA -> "RSA";
				case OID_EC -> "EC";
				case "1.2.840.113549.1.1.10" -> "RSASSA-PSS";
				case "1.3.101.112" -> "Ed25519";
				case "1.3.101.113" -> "Ed448";
				case "1.2.840.10040.4.1" -> "DSA";
				default -> null;
			};
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static PrivateKey encryptedPkcs8(Path file, byte[] der, char[] password) {
		if (password == null || password.length == 0) {
			throw new TlsConfigException("'" + file + "' holds an encrypted private key but no password was given; set "
					+ "the key password (ssl_private_key_password)");
		}
		try {
			EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
			// for PBES2 the JDK reports "PBES2"; the parameters name the real cipher (e.g. PBEWithHmacSHA256AndAES_256)
			String alg = (info.getAlgParameters() != null) ? info.getAlgParameters().toString() : info.getAlgName();
			SecretKeyFactory skf = SecretKeyFactory.getInstance(alg);
			Cipher cipher = Cipher.getInstance(alg);
			cipher.init(Cipher.DECRYPT_MODE, skf.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
			return pkcs8(file, info.getKeySpec(cipher).getEncoded());
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new TlsConfigException("'" + file + "': cannot decrypt the private key (wrong password, or an "
					+ "encryption Java does not support): " + ex.getMessage(), ex);
		}
	}

	/** The PEM blocks of a file. */
	static List<Block> blocks(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new TlsConfigException("Cannot read '" + file + "': " + ex.getMessage(), ex);
		}
		return blocks(text, file.toString());
	}

	static List<Block> blocks(String text, String source) {
		List<Block> list = new ArrayList<>();
		int p = 0;
		while (true) {
			int begin = text.indexOf("-----BEGIN ", p);
			if (begin < 0) {
				return list;
			}
			int typeEnd = text.indexOf("-----", begin + 11);
			if (typeEnd < 0) {
				throw new TlsConfigException("'" + source + "' has a truncated PEM header");
			}
			String type = text.substring(begin + 11, typeEnd);
			String endMarker = "-----END " + type + "-----";
			int end = text.indexOf(endMarker, typeEnd);
			if (end < 0) {
				throw new TlsConfigException("'" + source + "' has no '" + endMarker + "'");
			}
			String body = text.substring(typeEnd + 5, end);
			StringBuilder headers = new StringBuilder();
			StringBuilder b64 = new StringBuilder();
			for (String line : body.split("\r?\n")) {
				if (line.contains(":")) {
					headers.append(line).append('\n');
				}
				else {
					b64.append(line.trim());
				}
			}
			try {
				list.add(new Block(type, headers.toString(), Base64.getMimeDecoder().decode(b64.toString())));
			}
			catch (IllegalArgumentException ex) {
				throw new TlsConfigException("'" + source + "': the " + type + " block is not valid base64", ex);
			}
			p = end + endMarker.length();
		}
	}

	/** Encodes DER as one PEM block. */
	public static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
