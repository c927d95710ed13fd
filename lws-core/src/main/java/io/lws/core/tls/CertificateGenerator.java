package io.lws.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes X.509 v3 certificates with JDK APIs only (RFC 5280), for a server that must speak TLS before anyone gave it a
 * certificate (the sample app's {@code tls} profile) and for tests. Self-signed by default, or signed by an issuer to
 * build a small CA. Not a replacement for a real CA: no revocation, no policy.
 */
public final class CertificateGenerator {

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final String commonName;

	private final List<String> dnsNames = new ArrayList<>();

	private final List<InetAddress> ipAddresses = new ArrayList<>();

	private String keyType = "EC";

	private Duration validity = Duration.ofDays(30);

	private boolean ca;

	private Issued issuer;

	private CertificateGenerator(String commonName) {
		this.commonName = Objects.requireNonNull(commonName, "commonName");
	}

	/** Starts a certificate for {@code CN=commonName}. */
	public static CertificateGenerator forName(String commonName) {
		return new CertificateGenerator(commonName);
	}

	/** A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, valid for 30 days. */
	public static Issued localhost() {
		try {
			return forName("localhost").dnsName("localhost")
				.ipAddress(InetAddress.getByName("127.0.0.1"))
				.ipAddress(InetAddress.getByName("::1"))
				.generate();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Adds a DNS subject alternative name. */
	public CertificateGenerator dnsName(String name) {
		this.dnsNames.add(name);
		return this;
	}

	/** Adds an IP address subject alternative name. */
	public CertificateGenerator ipAddress(InetAddress address) {
		this.ipAddresses.add(address);
		return this;
	}

	/** {@code "EC"} (P-256, the default) or {@code "RSA"} (2048 bits). */
	public CertificateGenerator keyType(String type) {
		if (!type.equals("EC") && !type.equals("RSA")) {
			throw new IllegalArgumentException("key type must be EC or RSA, not " + type);
		}
		this.keyType = type;
		return this;
	}

	/** How long from now the certificate is valid; negative makes an expired one. */
	public CertificateGenerator validity(Duration validity) {
		this.validity = validity;
		return this;
	}

	/** Makes a CA certificate (basic constraints CA:true, key usage keyCertSign). */
	public CertificateGenerator ca(boolean ca) {
		this.ca = ca;
		return this;
	}

	/** Signs with {@code issuer} instead of self-signing. */
	public CertificateGenerator signedBy(Issued issuer) {
		this.issuer = issuer;
		return this;
	}

	/** Generates the key pair and the certificate. */
	public Issued generate() {
		try {
			KeyPairGenerator kpg = KeyPairGenerator.getInstance(this.keyType);
			if (this.keyType.equals("EC")) {
				kpg.initialize(new ECGenParameterSpec("secp256r1"));
			}
			else {
				kpg.initialize(2048);
			}
			KeyPair kp = kpg.generateKeyPair();
			PrivateKey signingKey = (this.issuer != null) ? this.issuer.privateKey() : kp.getPrivate();
			byte[] subject = name(this.commonName);
			byte[] issuerName = (this.issuer != null) ? this.issuer.certificate().getSubjectX500Principal().getEncoded()
					: subject;
			byte[] spki = kp.getPublic().getEncoded();
			byte[] ski = keyId(spki);
			byte[] aki = (this.issuer != null) ? keyId(this.issuer.certificate().getPublicKey().getEncoded()) : ski;
			boolean ecSigner = signingKey.getAlgorithm().equals("EC");
			byte[] sigAlg = ecSigner ? Der.seq(Der.oid("1.2.840.10045.4.3.2"))
					: Der.seq(Der.oid("1.2.840.113549.1.1.11"), Der.tlv(Der.NULL, new byte[0]));
			Instant now = Instant.now();
			Instant from = now.minus(Duration.ofHours(1));
			Instant to = now.plus(this.validity);
			if (to.isBefore(from)) {
				from = to.minus(Duration.ofDays(1));
			}
			byte[] serial = new byte[16];
			new SecureRandom().nextBytes(serial);
			serial[0] &= 0x7F;
			byte[] tbs = Der.seq(Der.tlv(0xA0, Der.integer(BigInteger.TWO)), Der.integer(new BigInteger(serial)),
					sigAlg, issuerName, Der.seq(time(from), time(to)), subject, spki,
					Der.tlv(0xA3, extensions(ski, aki)));
			Signature sig = Signature.getInstance(ecSigner ? "SHA256withECDSA" : "SHA256withRSA");
			sig.initSign(signingKey);
			sig.update(tbs);
			byte[] der = Der.seq(tbs, sigAlg, Der.bitString(sig.sign()));
			X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
			List<X509Certificate> chain = new ArrayList<>();
			chain.add(cert);
			if (this.issuer != null) {
				chain.addAll(this.issuer.chain());
			}
			return new Issued(kp.getPrivate(), List.copyOf(chain));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a certificate: " + ex.getMessage(), ex);
		}
	}

	private byte[] extensions(byte[] ski, byte[] aki) {
		List<byte[]> exts = new ArrayList<>();
		exts.add(extension("2.5.29.19", true,
				this.ca ? Der.seq(Der.tlv(0x01, new byte[] { (byte) 0xFF })) : Der.seq()));
		if (this.ca) {
			// keyCertSign and cRLSign
			exts.add(extension("2.5.29.15", true, Der.tlv(Der.BIT_STRING, new byte[] { 1, 0x06 })));
		}
		exts.add(extension("2.5.29.14", false, Der.tlv(Der.OCTET_STRING, ski)));
		exts.add(extension("2.5.29.35", false, Der.seq(Der.tlv(0x80, aki))));
		if (!this.dnsNames.isEmpty() || !this.ipAddresses.isEmpty()) {
			List<byte[]> names = new ArrayList<>();
			for (String dns : this.dnsNames) {
				names.add(Der.tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
			}
			for (InetAddress ip : this.ipAddresses) {
				names.add(Der.tlv(0x87, ip.getAddress()));
			}
			exts.add(extension("2.5.29.17", false, Der.seq(names.toArray(new byte[0][]))));
		}
		return Der.seq(exts.toArray(new byte[0][]));
	}

	private static byte[] extension(String oid, boolean critical, byte[] value) {
		if (critical) {
			return Der.seq(Der.oid(oid), Der.tlv(0x01, new byte[] { (byte) 0xFF }), Der.tlv(Der.OCTET_STRING, value));
		}
		return Der.seq(Der.oid(oid), Der.tlv(Der.OCTET_STRING, value));
	}

	private static byte[] name(String cn) {
		return Der.seq(Der.set(Der.seq(Der.oid("2.5.4.3"),
				Der.tlv(Der.UTF8_STRING, cn.getBytes(StandardCharsets.UTF_8)))));
	}

	private static byte[] time(Instant t) {
		return Der.tlv(Der.UTC_TIME, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] keyId(byte[] spki) throws GeneralSecurityException {
		byte[] digest = MessageDigest.getInstance("SHA-1").digest(spki);
		byte[] id = new byte[20];
		System.arraycopy(digest, 0, id, 0, 20);
		return id;
	}

	/**
	 * A generated certificate with its private key.
	 * @param privateKey the key of the first certificate of the chain
	 * @param chain the certificate first, then its issuers
	 */
	public record Issued(PrivateKey privateKey, List<X509Certificate> chain) {

		/** The certificate itself. */
		public X509Certificate certificate() {
			return this.chain.get(0);
		}

		/** The chain as PEM. */
		public String certificatePem() {
			StringBuilder sb = new StringBuilder();
			for (X509Certificate c : this.chain) {
				try {
					sb.append(PemFiles.pem("CERTIFICATE", c.getEncoded()));
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return sb.toString();
		}

		/** The private key as unencrypted PKCS#8 PEM. */
		public String privateKeyPem() {
			return PemFiles.pem("PRIVATE KEY", this.privateKey.getEncoded());
		}

		/** Writes the chain and the key as PEM files (the key readable by the owner only where the OS allows). */
		public void writePem(Path certificateFile, Path keyFile) throws IOException {
			Files.writeString(certificateFile, certificatePem(), StandardCharsets.US_ASCII);
			Files.writeString(keyFile, privateKeyPem(), StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(keyFile,
						java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
		}

		/**
		 * Writes the chain and the key as {@code <stem>-cert.pem} and {@code <stem>-key.pem} in a new temporary folder
		 * ({@code lws-<stem>-...} under {@code java.io.tmpdir}), the files and the folder deleted when the JVM exits.
		 * For a certificate made at start-up (the sample app's {@code tls} profile, tests); libwebsockets has no
		 * counterpart, it only reads the files named by {@code ssl_cert_filepath} and {@code ssl_private_key_filepath}.
		 * @param stem the start of the file names
		 * @return where the two files are
		 */
		public TemporaryPem writeTemporaryPem(String stem) throws IOException {
			Path dir = Files.createTempDirectory("lws-" + stem + "-");
			// deleteOnExit deletes in the reverse order of registration: the folder is registered first so that it is
			// deleted last, once empty (registered after its files, it was left behind by every JVM)
			dir.toFile().deleteOnExit();
			TemporaryPem pem = new TemporaryPem(dir.resolve(stem + "-cert.pem"), dir.resolve(stem + "-key.pem"));
			pem.certificateFile().toFile().deleteOnExit();
			pem.keyFile().toFile().deleteOnExit();
			writePem(pem.certificateFile(), pem.keyFile());
			return pem;
		}

		/** An in-memory PKCS#12 key store holding the key and chain under {@code alias}. */
		public KeyStore keyStore(String alias, char[] password) {
			try {
				KeyStore ks = KeyStore.getInstance("PKCS12");
				ks.load(null, null);
				ks.setKeyEntry(alias, this.privateKey, password, this.chain.toArray(new Certificate[0]));
				return ks;
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * PEM files written by {@link Issued#writeTemporaryPem}, deleted when the JVM exits. Files a caller adds to the
	 * same folder must be registered with {@link java.io.File#deleteOnExit()} too, or the folder stays.
	 * @param certificateFile the chain
	 * @param keyFile the private key
	 */
	public record TemporaryPem(Path certificateFile, Path keyFile) {

		/** The folder holding both files. */
		public Path folder() {
			return this.certificateFile.getParent();
		}

	}

}
