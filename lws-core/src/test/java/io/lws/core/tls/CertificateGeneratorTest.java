package io.lws.core.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;

/** Certificates made at start-up, written where a vhost can read them and gone when the JVM is. */
class CertificateGeneratorTest {

	@Test
	void temporaryPemFilesHoldTheChainAndAnOwnerOnlyKey() throws Exception {
		CertificateGenerator.Issued issued = CertificateGenerator.localhost();
		CertificateGenerator.TemporaryPem pem = issued.writeTemporaryPem("unit");
		assertThat(pem.folder().getFileName().toString()).startsWith("lws-unit-");
		assertThat(pem.certificateFile().getFileName()).hasToString("unit-cert.pem");
		assertThat(pem.keyFile().getFileName()).hasToString("unit-key.pem");
		assertThat(PemFiles.certificates(pem.certificateFile())).containsExactly(issued.certificate());
		assertThat(PemFiles.privateKey(pem.keyFile(), null).getEncoded()).isEqualTo(issued.privateKey().getEncoded());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem.keyFile()))).isEqualTo("rw-------");
	}

	@Test
	void temporaryPemFilesAndTheirFolderAreDeletedWhenTheJvmExits(@TempDir Path tmp) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Peers.Result r = Peers.run(List.of(java, "-Djava.io.tmpdir=" + tmp, "-cp",
				System.getProperty("java.class.path"), WriteAndExit.class.getName()), 60);
		assertThat(r.exitCode()).as(r.output()).isZero();
		assertThat(r.output()).contains("lws-exit-");
		try (Stream<Path> left = Files.list(tmp)) {
			// the folder used to stay behind, empty: deleteOnExit had been asked for it before its files
			assertThat(left).isEmpty();
		}
	}

	/** The child JVM: writes a certificate the way the sample app's {@code tls} profile does, then exits. */
	static final class WriteAndExit {

		public static void main(String[] args) throws Exception {
			System.out.println(CertificateGenerator.localhost().writeTemporaryPem("exit").folder());
		}

	}

}
