package io.lws.core.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PEM certificates and every private key format libwebsockets users hand over, some made by openssl itself. */
class PemFilesTest {

	static final String OPENSSL = "/usr/bin/openssl";

	@Test
	void readsGeneratedChainAndPkcs8Key(@TempDir Path dir) throws Exception {
		CertificateGenerator.Issued ca = CertificateGenerator.forName("CA").ca(true).keyType("RSA").generate();
		CertificateGenerator.Issued leaf = CertificateGenerator.forName("leaf").dnsName("leaf").signedBy(ca).generate();
		leaf.writePem(dir.resolve("c.pem"), dir.resolve("k.pem"));
		assertThat(PemFiles.certificates(dir.resolve("c.pem"))).hasSize(2);
		assertThat(PemFiles.privateKey(dir.resolve("k.pem"), null).getEncoded())
			.isEqualTo(leaf.privateKey().getEncoded());
	}

	@Test
	void readsOpensslPkcs1Sec1AndEncryptedPkcs8Keys(@TempDir Path dir) throws Exception {
		Peers.requireExecutable(OPENSSL);
		run(dir, OPENSSL, "genrsa", "-traditional", "-out", "rsa1.pem", "2048");
		run(dir, OPENSSL, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.pem");
		run(dir, OPENSSL, "pkcs8", "-topk8", "-in", "ec.pem", "-out", "enc.pem", "-v2", "aes-256-cbc", "-passout",
				"pass:secret");
		run(dir, OPENSSL, "rsa", "-in", "rsa1.pem", "-aes128", "-traditional", "-passout", "pass:x", "-out",
				"legacy.pem");
		assertThat(Files.readString(dir.resolve("rsa1.pem"))).contains("BEGIN RSA PRIVATE KEY");
		assertThat(Files.readString(dir.resolve("ec.pem"))).contains("BEGIN EC PRIVATE KEY");
		PrivateKey rsa = PemFiles.privateKey(dir.resolve("rsa1.pem"), null);
		assertThat(rsa.getAlgorithm()).isEqualTo("RSA");
		PrivateKey ec = PemFiles.privateKey(dir.resolve("ec.pem"), null);
		assertThat(ec.getAlgorithm()).isEqualTo("EC");
		PrivateKey decrypted = PemFiles.privateKey(dir.resolve("enc.pem"), "secret".toCharArray());
		assertThat(((java.security.interfaces.ECPrivateKey) decrypted).getS())
			.isEqualTo(((java.security.interfaces.ECPrivateKey) ec).getS());
		assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("enc.pem"), "wrong".toCharArray()))
			.isInstanceOf(TlsConfigException.class).hasMessageContaining("cannot decrypt");
		assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("enc.pem"), null))
			.hasMessageContaining("no password was given");
		assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("legacy.pem"), "x".toCharArray()))
			.hasMessageContaining("openssl pkcs8 -topk8");
	}

	@Test
	void filesWithoutWhatIsWantedSaySo(@TempDir Path dir) throws Exception {
		Path f = dir.resolve("empty.pem");
		Files.writeString(f, "nothing here\n");
		assertThatThrownBy(() -> PemFiles.certificates(f)).hasMessageContaining("holds no PEM certificate");
		assertThatThrownBy(() -> PemFiles.privateKey(f, null)).hasMessageContaining("holds no PEM private key");
		assertThatThrownBy(() -> PemFiles.certificates(dir.resolve("none.pem"))).hasMessageContaining("Cannot read");
	}

	static void run(Path dir, String... cmd) throws Exception {
		Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor()).as(out).isZero();
	}

}
