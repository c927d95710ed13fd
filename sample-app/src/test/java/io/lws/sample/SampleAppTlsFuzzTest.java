package io.lws.sample;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.lws.core.support.Tls;
import io.lws.core.tls.PemFiles;

/** {@link SampleAppFuzzCases} over TLS: the sample's {@code tls} profile, with the certificate it generates. */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.vhosts.default.iface=127.0.0.1", "lws.management.port=0" })
@ActiveProfiles("tls")
class SampleAppTlsFuzzTest extends SampleAppFuzzCases {

	@Value("${lws.vhosts.default.ssl.certificate}")
	Path certificate;

	private SSLContext trust;

	@Override
	Socket open() throws IOException {
		if (this.trust == null) {
			this.trust = Tls.clientContext(PemFiles.certificates(this.certificate), null);
		}
		Socket s = Tls.connect(this.trust, this.port, "localhost", null);
		s.setSoTimeout(20);
		return s;
	}

}
