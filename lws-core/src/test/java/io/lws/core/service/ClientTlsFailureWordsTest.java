package io.lws.core.service;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of a client's TLS failure ({@code CLIENT_CONNECTION_ERROR}'s text) are the same whichever JDK made the
 * exception: JDK 24 and later put the alert's name in brackets before the message.
 */
class ClientTlsFailureWordsTest {

	@Test
	void aLocalVerdictReadsAsOurVerifierWroteItOnEveryJdk() {
		String reason = "the server's certificate 'CN=localhost' is self-signed and not trusted";
		assertThat(ClientRole.describeTls(new SSLHandshakeException(reason))).isEqualTo(reason);
		assertThat(ClientRole.describeTls(new SSLHandshakeException("(certificate_unknown) " + reason)))
			.isEqualTo(reason);
	}

	@Test
	void theServersAlertIsNamedWithTheHintOnEveryJdk() {
		String expected = "the server refused the handshake with the alert 'certificate_required': it may want a "
				+ "client certificate it trusts (initVhostClientSsl)";
		assertThat(ClientRole.describeTls(new SSLHandshakeException("Received fatal alert: certificate_required")))
			.isEqualTo(expected);
		assertThat(ClientRole.describeTls(
				new SSLHandshakeException("(certificate_required) Received fatal alert: certificate_required")))
			.isEqualTo(expected);
		assertThat(ClientRole.describeTls(
				new SSLHandshakeException("(handshake_failure) Received fatal alert: handshake_failure")))
			.isEqualTo("the server refused the handshake with the alert 'handshake_failure'");
	}

	@Test
	void otherBracketsAndNoMessageAreLeftAlone() {
		assertThat(ClientRole.describeTls(new SSLHandshakeException("(Not an alert) text")))
			.isEqualTo("(Not an alert) text");
		assertThat(ClientRole.describeTls(new SSLHandshakeException("()  x"))).isEqualTo("()  x");
		assertThat(ClientRole.describeTls(new SSLHandshakeException(null))).isEqualTo("SSLHandshakeException");
	}

}
