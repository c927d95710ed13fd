package io.lws.core.client;

import static io.lws.core.client.ClientHarness.loopback;
import static io.lws.core.client.ClientHarness.serveOnce;
import static io.lws.core.client.ClientHarness.wss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.Lws;
import io.lws.core.ServerOption;
import io.lws.core.WriteProtocol;
import io.lws.core.support.EchoProtocol;
import io.lws.core.support.Peers;
import io.lws.core.support.RawServer;
import io.lws.core.support.TestServer;
import io.lws.core.support.Tls;
import io.lws.core.tls.CertificateGenerator;
import io.lws.core.tls.ClientSslInfo;
import io.lws.core.tls.ServerCertificateCheck;
import io.lws.core.tls.TlsClientSetup;
import io.lws.core.tls.TlsConfigException;

/**
 * Our client over TLS against our TLS server: the {@code ssl_connection} modes, {@code initVhostClientSsl} material,
 * {@code provided_client_ssl_ctx}, the verification hooks, and each way a TLS connection can fail, reported as one
 * {@code CLIENT_CONNECTION_ERROR} that says why.
 */
class ClientTlsTest {

	private static final int VERIFIED = ClientConnectInfo.USE_SSL;

	private static TestServer echoServer(Tls.Material m) {
		return TestServer.start((v) -> m.applyTo(v).protocols(EchoProtocol.create(4096)));
	}

	private static ClientSslInfo trusting(Tls.Material m) {
		return ClientSslInfo.builder().caFilepath(m.certFile().toString()).build();
	}

	/** Connects, sends "hi", expects the echo; returns the connection. */
	private static Lws echoes(ClientHarness client, ClientConnectInfo info) throws Exception {
		client.rec.onEstablished = (wsi) -> wsi.write("hi", WriteProtocol.TEXT);
		Lws wsi = client.connect(info);
		assertThat(client.rec.next()).isEqualTo("established:echo");
		assertThat(client.rec.next()).isEqualTo("receive:hi");
		return wsi;
	}

	@Test
	void verifiedModeEchoesWithTheServersCertificateAsCa() throws Exception {
		Tls.Material m = Tls.localhost();
		try (TestServer server = echoServer(m);
				ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(m)))) {
			Lws wsi = echoes(client, wss(server.port(), VERIFIED).build());
			assertThat(wsi.isSsl()).isEqualTo(1);
			assertThat(wsi.sslSession().getPeerCertificates()[0]).isEqualTo(m.certificate());
		}
	}

	@Test
	void selfSignedIsRefusedInMode1AndAcceptedInMode2() throws Exception {
		try (TestServer server = echoServer(Tls.localhost()); ClientHarness client = new ClientHarness()) {
			client.connect(wss(server.port(), 1).build());
			assertThat(client.rec.next()).isEqualTo("error:TLS: the server's certificate 'CN=localhost' is self-signed "
					+ "and not trusted (ssl_connection 2, ALLOW_SELFSIGNED, accepts it)");
			Lws wsi = echoes(client, wss(server.port(), 2).build());
			assertThat(wsi.isSsl()).isEqualTo(2);
		}
	}

	@Test
	void wrongHostIsRefusedUnlessTheNameCheckIsSkipped() throws Exception {
		Tls.Material other = Tls.forName("other.example");
		try (TestServer server = echoServer(other);
				ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(other)))) {
			client.connect(wss(server.port(), VERIFIED).build());
			assertThat(client.rec.next()).isEqualTo("error:TLS: the server's certificate 'CN=other.example' does not "
					+ "name '127.0.0.1' (it names [other.example])");
			Lws wsi = echoes(client,
					wss(server.port(), VERIFIED | ClientConnectInfo.SKIP_SERVER_CERT_HOSTNAME_CHECK).build());
			assertThat(wsi.isSsl()).isEqualTo(2);
			// a self-signed certificate of another host is refused in mode 2 too: only the chain check is relaxed
			client.connect(wss(server.port(), ClientConnectInfo.ALLOW_SELFSIGNED).host("localhost").build());
			assertThat(client.rec.next()).startsWith("error:TLS: the server's certificate 'CN=other.example' does "
					+ "not name 'localhost'");
		}
	}

	@Test
	void expiredCertificateIsRefused() throws Exception {
		Tls.Material expired = Tls.write(loopback().validity(Duration.ofDays(-1)).generate(), "expired");
		try (TestServer server = echoServer(expired);
				ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(expired)))) {
			client.connect(wss(server.port(), VERIFIED).build());
			assertThat(client.rec.next()).startsWith("error:TLS: the server's certificate 'CN=localhost' expired on ");
			// allowing self-signed certificates does not allow expired ones
			client.connect(wss(server.port(), ClientConnectInfo.ALLOW_SELFSIGNED).build());
			assertThat(client.rec.next()).startsWith("error:TLS: the server's certificate 'CN=localhost' expired on ");
		}
	}

	@Test
	void unknownCaIsRefusedAndTheCaFileMakesItKnown() throws Exception {
		CertificateGenerator.Issued ca = CertificateGenerator.forName("Test CA").ca(true).generate();
		Tls.Material caFile = Tls.write(ca, "ca");
		Tls.Material leaf = Tls.write(loopback().signedBy(ca).generate(), "leaf");
		try (TestServer server = echoServer(leaf); ClientHarness client = new ClientHarness()) {
			client.connect(wss(server.port(), VERIFIED).build());
			assertThat(client.rec.next()).isEqualTo("error:TLS: the server's certificate 'CN=localhost' is issued by "
					+ "CN=Test CA, which is not a trusted CA");
			client.context().vhosts().get(0).initVhostClientSsl(trusting(caFile));
			assertThat(echoes(client, wss(server.port(), VERIFIED).build()).isSsl()).isEqualTo(1);
		}
	}

	@Test
	void onlyTheGivenCasAreTrustedWhenOsCasAreDisabled() throws Exception {
		Tls.Material m = Tls.localhost();
		try (TestServer server = echoServer(m); ClientHarness client = new ClientHarness(
				(v) -> v.options(ServerOption.DISABLE_OS_CA_CERTS).clientSsl(trusting(m)))) {
			echoes(client, wss(server.port(), VERIFIED).build());
			client.context().vhosts().get(0).initVhostClientSsl(ClientSslInfo.builder().disableOsCaCerts(true).build());
			client.connect(wss(server.port(), VERIFIED).build());
			assertThat(client.rec.await("error:")).startsWith("error:TLS: the server's certificate 'CN=localhost'");
		}
	}

	@Test
	void plainServerOnThePortIsNamed() throws Exception {
		try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
				ClientHarness client = new ClientHarness()) {
			Thread t = serveOnce(plain, (s) -> {
				s.getInputStream().read(new byte[512]);
				OutputStream out = s.getOutputStream();
				out.write("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				Thread.sleep(500);
			});
			client.connect(wss(plain.getLocalPort(), VERIFIED).build());
			assertThat(client.rec.next()).isEqualTo("error:TLS: the server did not answer with TLS (it sent "
					+ "'HTTP/1.1 400 Bad Request'): is it a plain HTTP or WebSocket port?");
			t.join(5000);
		}
	}

	@Test
	void serverStallingMidHandshakeTimesOut() throws Exception {
		try (ServerSocket stall = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
				ClientHarness client = new ClientHarness((v) -> v.timeoutSecs(1))) {
			// reads the ClientHello and never answers, until the client gives up and closes
			Thread t = serveOnce(stall, (s) -> {
				InputStream in = s.getInputStream();
				while (in.read(new byte[512]) >= 0) {
					// drain
				}
			});
			client.connect(wss(stall.getLocalPort(), VERIFIED).build());
			assertThat(client.rec.next()).isEqualTo("error:TLS: timeout in the handshake");
			t.join(5000);
		}
	}

	@Test
	void serverClosingMidHandshakeIsNamed() throws Exception {
		try (ServerSocket closing = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
				ClientHarness client = new ClientHarness()) {
			Thread t = serveOnce(closing, (s) -> s.getInputStream().read(new byte[512]));
			client.connect(wss(closing.getLocalPort(), VERIFIED).build());
			assertThat(client.rec.next()).isEqualTo("error:TLS: the server closed the connection during the handshake");
			t.join(5000);
		}
	}

	@Test
	void closeNotifyReadTogetherWithPartOfTheAnswerEndsTheConnectionAtOnce() throws Exception {
		SSLContext tls = Tls.serverContext(CertificateGenerator.localhost());
		AtomicReference<Lws> wsi = new AtomicReference<>();
		try (ServerSocket listen = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
				ClientHarness client = new ClientHarness((v) -> v.timeoutSecs(20))) {
			Thread t = serveOnce(listen, (accepted) -> {
				SSLSocket s = Tls.serverSide(tls, accepted);
				RawServer.readHeadOf(s.getInputStream());
				// hold the client's service thread so that both records wait in its socket for one read (the test
				// thread stores the connection when connect returns, which may come after the head was sent)
				while (wsi.get() == null) {
					Thread.sleep(1);
				}
				wsi.get().post(() -> sleep(500));
				Thread.sleep(100);
				RawServer.send(s, "HTTP/1.1 101 Swi");
				// close_notify, the TCP stream left open: no FIN will make the socket readable again
				s.shutdownOutput();
				RawServer.drain(s);
			});
			long start = System.nanoTime();
			wsi.set(client.connect(wss(listen.getLocalPort(),
					ClientConnectInfo.USE_SSL | ClientConnectInfo.ALLOW_SELFSIGNED)
				.build()));
			assertThat(client.rec.next()).isEqualTo("error:the server closed the connection before answering");
			// it waited for its 20-s timeout before
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			t.join(5000);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A CA for client certificates, as PEM. */
	private static final CertificateGenerator.Issued CLIENT_CA = CertificateGenerator.forName("Client CA").ca(true)
		.generate();

	/** A server that requires a client certificate issued by {@link #CLIENT_CA}. */
	private static TestServer requiringClientCertificates(Tls.Material serverCert) {
		Tls.Material clientCaFile = Tls.write(CLIENT_CA, "client-ca");
		return TestServer.start((v) -> serverCert.applyTo(v)
			.options(ServerOption.REQUIRE_VALID_OPENSSL_CLIENT_CERT)
			.sslCaFilepath(clientCaFile.certFile().toString())
			.protocols(EchoProtocol.create(4096)));
	}

	@Test
	void clientCertificateRequiredByTheServer() throws Exception {
		Tls.Material clientCert = Tls.write(CertificateGenerator.forName("client").keyType("RSA").signedBy(CLIENT_CA)
			.generate(), "client");
		Tls.Material serverCert = Tls.localhost();
		try (TestServer server = requiringClientCertificates(serverCert);
				ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(serverCert)))) {
			client.connect(wss(server.port(), VERIFIED).build());
			assertThat(client.rec.next()).startsWith("error:TLS: the server refused the handshake with the alert '")
				.endsWith("': it may want a client certificate it trusts (initVhostClientSsl)");
			client.context().vhosts().get(0).initVhostClientSsl(ClientSslInfo.builder()
				.caFilepath(serverCert.certFile().toString())
				.certFilepath(clientCert.certFile().toString())
				.privateKeyFilepath(clientCert.keyFile().toString())
				.build());
			Lws wsi = echoes(client, wss(server.port(), VERIFIED).build());
			assertThat(wsi.sslSession().getLocalCertificates()[0]).isEqualTo(clientCert.certificate());
		}
	}

	@Test
	void encryptedClientKeyIsReadWithItsPassword() throws Exception {
		Peers.requireExecutable("/usr/bin/openssl");
		Tls.Material clientCert = Tls.write(CertificateGenerator.forName("client").signedBy(CLIENT_CA).generate(),
				"client-ec");
		Path encrypted = clientCert.keyFile().resolveSibling("client-ec-encrypted.pem");
		Peers.Result r = Peers.run(List.of("/usr/bin/openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
				clientCert.keyFile().toString(), "-out", encrypted.toString(), "-passout", "pass:secret"), 30);
		assertThat(r.exitCode()).as(r.output()).isZero();
		encrypted.toFile().deleteOnExit();
		Tls.Material serverCert = Tls.localhost();
		ClientSslInfo.Builder material = ClientSslInfo.builder().caFilepath(serverCert.certFile().toString())
			.certFilepath(clientCert.certFile().toString())
			.privateKeyFilepath(encrypted.toString());
		try (TestServer server = requiringClientCertificates(serverCert);
				ClientHarness client = new ClientHarness(
						(v) -> v.clientSsl(material.privateKeyPassword("secret").build()))) {
			echoes(client, wss(server.port(), VERIFIED).build());
			assertThatThrownBy(() -> client.context().vhosts().get(0)
				.initVhostClientSsl(material.privateKeyPassword("wrong").build()))
				.isInstanceOf(TlsConfigException.class)
				.hasMessageContaining("Vhost 'client': client TLS: ");
		}
	}

	@Test
	void extraVerifyCertsHookAddsTrust() throws Exception {
		Tls.Material m = Tls.localhost();
		try (TestServer server = echoServer(m); ClientHarness client = new ClientHarness()) {
			AtomicReference<String> vhost = new AtomicReference<>();
			client.answers.put(CallbackReason.OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS, (wsi, in) -> {
				TlsClientSetup setup = (TlsClientSetup) in;
				vhost.set(setup.vhostName());
				setup.trust(m.certificate());
				return 0;
			});
			assertThat(echoes(client, wss(server.port(), VERIFIED).build()).isSsl()).isEqualTo(1);
			assertThat(vhost.get()).isEqualTo("client");
		}
	}

	@Test
	void serverCertVerificationCallbackSeesTheVerdictOnTheServiceThreadAndMayOverruleIt() throws Exception {
		Tls.Material m = Tls.localhost();
		try (TestServer server = echoServer(m); ClientHarness client = new ClientHarness()) {
			AtomicReference<String> seen = new AtomicReference<>();
			client.answers.put(CallbackReason.OPENSSL_PERFORM_SERVER_CERT_VERIFICATION, (wsi, in) -> {
				ServerCertificateCheck check = (ServerCertificateCheck) in;
				X509Certificate[] chain = check.chain();
				seen.set(Thread.currentThread().getName() + "|" + (wsi != null) + "|" + check.preverifyOk() + "|"
						+ check.host() + "|" + chain[0].getSubjectX500Principal().getName() + "|" + check.failure());
				if (chain[0].equals(m.certificate())) {
					check.acceptDespiteFailure();
				}
				return 0;
			});
			echoes(client, wss(server.port(), VERIFIED).build());
			assertThat(seen.get()).startsWith("lws-service-").contains("|true|false|127.0.0.1|CN=localhost|")
				.contains("is self-signed and not trusted");

			// returning non-zero refuses even a certificate that verified
			client.answers.put(CallbackReason.OPENSSL_PERFORM_SERVER_CERT_VERIFICATION, (wsi, in) -> 1);
			client.connect(wss(server.port(), 2).build());
			assertThat(client.rec.next()).isEqualTo("error:TLS: the server's certificate 'CN=localhost' was refused "
					+ "by OPENSSL_PERFORM_SERVER_CERT_VERIFICATION");

			// returning 0 without overruling keeps the refusal (new material: no session to resume)
			client.answers.put(CallbackReason.OPENSSL_PERFORM_SERVER_CERT_VERIFICATION, (wsi, in) -> 0);
			client.context().vhosts().get(0).initVhostClientSsl(null);
			client.connect(wss(server.port(), VERIFIED).build());
			assertThat(client.rec.next())
				.startsWith("error:TLS: the server's certificate 'CN=localhost' is self-signed");
		}
	}

	@Test
	void providedContextIsUsedAsIsPerContextAndPerVhost() throws Exception {
		Tls.Material m = Tls.localhost();
		try (TestServer server = echoServer(m);
				ClientHarness client = new ClientHarness((c) -> c.providedClientSslContext(m.clientContext()),
						(v) -> {
						})) {
			assertThat(echoes(client, wss(server.port(), VERIFIED).build()).isSsl()).isEqualTo(1);
			// another server's certificate: the provided context does not trust it
			Tls.Material other = Tls.localhost();
			try (TestServer second = echoServer(other)) {
				client.connect(wss(second.port(), VERIFIED).build());
				assertThat(client.rec.next()).startsWith("error:TLS: ");
				client.context().vhosts().get(0)
					.initVhostClientSsl(ClientSslInfo.builder().providedContext(other.clientContext()).build());
				echoes(client, wss(second.port(), VERIFIED).build());
			}
		}
	}

	@Test
	void providedContextKeepsItsOwnProtocols() throws Exception {
		Tls.Material m = Tls.localhost();
		SSLContext tls12 = SSLContext.getInstance("TLSv1.2");
		tls12.init(null, Tls.trusting(List.of(m.certificate())), null);
		try (TestServer server = echoServer(m); ClientHarness client = new ClientHarness(
				(v) -> v.clientSsl(ClientSslInfo.builder().providedContext(tls12).build()))) {
			assertThat(echoes(client, wss(server.port(), VERIFIED).build()).sslSession().getProtocol())
				.isEqualTo("TLSv1.2");
		}
	}

	@Test
	void badClientMaterialIsRefusedWhenGivenAndTheOldOneStays() throws Exception {
		Tls.Material m = Tls.localhost();
		Tls.Material otherKey = Tls.localhost();
		assertThatThrownBy(() -> new ClientHarness(
				(v) -> v.clientSsl(ClientSslInfo.builder().caFilepath("/no/such/ca.pem").build())))
			.hasMessageContaining("Vhost 'client': client TLS: ")
			.hasMessageContaining("/no/such/ca.pem");
		assertThatThrownBy(() -> ClientSslInfo.builder().certFilepath(m.certFile().toString()).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ssl_private_key_filepath");
		try (TestServer server = echoServer(m);
				ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(m)))) {
			assertThatThrownBy(() -> client.context().vhosts().get(0).initVhostClientSsl(ClientSslInfo.builder()
				.certFilepath(m.certFile().toString())
				.privateKeyFilepath(otherKey.keyFile().toString())
				.build())).isInstanceOf(TlsConfigException.class).hasMessageContaining("does not belong to");
			assertThatThrownBy(() -> client.context().vhosts().get(0)
				.initVhostClientSsl(ClientSslInfo.builder().cipherList("NO-SUCH-CIPHER").build()))
				.isInstanceOf(TlsConfigException.class);
			echoes(client, wss(server.port(), VERIFIED).build());
		}
	}

	@Test
	void cipherListLimitsTheSuitesOffered() throws Exception {
		Tls.Material m = Tls.localhost();
		try (TestServer server = echoServer(m); ClientHarness client = new ClientHarness((v) -> v.clientSsl(
				ClientSslInfo.builder().caFilepath(m.certFile().toString()).cipherList("TLS_AES_128_GCM_SHA256")
					.build()))) {
			Lws wsi = echoes(client, wss(server.port(), VERIFIED).build());
			assertThat(wsi.sslSession().getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
		}
	}

	@Test
	void plainClientConnectionsAreNotSsl() throws Exception {
		try (TestServer server = TestServer.start((v) -> v.protocols(EchoProtocol.create(4096)));
				ClientHarness client = new ClientHarness()) {
			assertThat(echoes(client, wss(server.port(), 0).build()).isSsl()).isZero();
		}
	}

	@Test
	void clientSocketsSendWithoutDelay() throws Exception {
		Tls.Material m = Tls.localhost();
		try (TestServer server = echoServer(m);
				ClientHarness client = new ClientHarness((v) -> v.clientSsl(trusting(m)))) {
			Lws wsi = echoes(client, wss(server.port(), VERIFIED).build());
			// Nagle would hold back the last record of a message until the server's delayed ACK
			assertThat(((SocketChannel) wsi.getSocketFd()).getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
		}
	}

}
