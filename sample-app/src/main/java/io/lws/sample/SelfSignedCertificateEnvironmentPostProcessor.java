package io.lws.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.lws.core.tls.CertificateGenerator;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The {@code tls} profile without a certificate of one's own: when the default vhost has no
 * {@code ssl.certificate}, {@code ssl.key-store} or {@code ssl.bundle}, makes a self-signed certificate for
 * {@code localhost} / {@code 127.0.0.1} at start-up (JDK APIs only, no external tool) and points the vhost at it.
 * Browsers and clients must be told to accept it ({@code curl -k}, {@code libwebsockets-test-client --ssl -k}); set
 * {@code lws.vhosts.default.ssl.certificate} and {@code private-key} to serve a real one.
 */
public class SelfSignedCertificateEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String PREFIX = "lws.vhosts.default.ssl.";

	private final Log log;

	public SelfSignedCertificateEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(SelfSignedCertificateEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("tls"))) {
			return;
		}
		for (String key : new String[] { "certificate", "key-store", "bundle" }) {
			String value = environment.getProperty(PREFIX + key);
			if (value != null && !value.isBlank()) {
				return;
			}
		}
		try {
			CertificateGenerator.Issued issued = CertificateGenerator.localhost();
			CertificateGenerator.TemporaryPem pem = issued.writeTemporaryPem("localhost");
			Path cert = pem.certificateFile();
			Path key = pem.keyFile();
			environment.getPropertySources()
				.addFirst(new MapPropertySource("lwsSampleSelfSignedCertificate",
						Map.of(PREFIX + "certificate", cert.toString(), PREFIX + "private-key", key.toString())));
			this.log.info("tls profile: no certificate configured, serving a self-signed one for localhost ("
					+ issued.certificate().getSubjectX500Principal().getName() + ", valid until "
					+ issued.certificate().getNotAfter() + ", " + cert + ")");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the self-signed certificate for the tls profile", ex);
		}
	}

	@Override
	public int getOrder() {
		// after the config files (application-tls.yml) have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
