package io.lws.core.tls;

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OpenSSL cipher lists and curve names in JSSE terms. */
class OpenSslNamesTest {

	static final SSLEngine ENGINE;

	static {
		try {
			ENGINE = SSLContext.getDefault().createSSLEngine();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> suites(String list) {
		return List.of(OpenSslNames.cipherSuites(list, ENGINE.getSupportedCipherSuites(),
				ENGINE.getEnabledCipherSuites()));
	}

	@Test
	void namesTranslateBothWays() {
		assertThat(OpenSslNames.openSslName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
			.isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
		assertThat(OpenSslNames.openSslName("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"))
			.isEqualTo("ECDHE-ECDSA-CHACHA20-POLY1305");
		assertThat(OpenSslNames.openSslName("TLS_RSA_WITH_AES_128_CBC_SHA")).isEqualTo("AES128-SHA");
		assertThat(OpenSslNames.openSslName("TLS_DHE_RSA_WITH_AES_256_CBC_SHA256")).isEqualTo("DHE-RSA-AES256-SHA256");
		assertThat(OpenSslNames.openSslName("TLS_AES_128_GCM_SHA256")).isEqualTo("TLS_AES_128_GCM_SHA256");
	}

	@Test
	void explicitNamesKeepTheirOrderAndTls13StaysOn() {
		List<String> s = suites("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256");
		assertThat(s).startsWith("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
		assertThat(s).contains("TLS_AES_128_GCM_SHA256").doesNotContain("TLS_RSA_WITH_AES_128_CBC_SHA");
	}

	@Test
	void keywordsCombineAndExclude() {
		List<String> s = suites("HIGH:!aNULL:!kRSA:!SHA1");
		assertThat(s).isNotEmpty().noneMatch((x) -> x.startsWith("TLS_RSA_") || x.endsWith("_SHA"));
		assertThat(suites("ECDHE+AESGCM")).allMatch((x) -> (x.startsWith("TLS_ECDHE_") && x.contains("GCM"))
				|| !x.contains("_WITH_"));
		List<String> moved = suites("ECDHE:+CHACHA20");
		assertThat(moved.get(moved.indexOf("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256") + 1)).isNotNull();
		assertThat(suites("DEFAULT")).isEqualTo(List.of(ENGINE.getEnabledCipherSuites()).stream()
			.filter((x) -> !x.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV")).toList());
		assertThat(suites("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
			.startsWith("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
	}

	@Test
	void unknownElementsAndEmptyResultsAreRefused() {
		assertThatThrownBy(() -> suites("RC4-MD5:BOGUS")).isInstanceOf(TlsConfigException.class)
			.hasMessageContaining("'RC4-MD5' is not an OpenSSL cipher name");
		assertThatThrownBy(() -> suites("aNULL")).hasMessageContaining("selects no cipher suite");
	}

	@Test
	void curvesMapToNamedGroups() {
		assertThat(OpenSslNames.namedGroup("prime256v1")).isEqualTo("secp256r1");
		assertThat(OpenSslNames.namedGroup("X25519")).isEqualTo("x25519");
		assertThat(OpenSslNames.namedGroup("secp384r1")).isEqualTo("secp384r1");
		assertThatThrownBy(() -> OpenSslNames.namedGroup("sect163k1")).isInstanceOf(TlsConfigException.class)
			.hasMessageContaining("ecdh_curve: 'sect163k1'");
	}

}
