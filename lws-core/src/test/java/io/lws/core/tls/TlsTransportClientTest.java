package io.lws.core.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TlsTransport} in client mode, as the client role will use it, against the TLS server: verification of the
 * chain and of the host name, the {@code ssl_connection} relaxations, {@code lws_is_ssl}, and close_notify.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTransportClientTest {

	static TestServer server;

	@BeforeAll
	static void start() {
		server = TestServer.startTls((v) -> v.protocols(LwsProtocol.of("hello", new LwsProtocolHandler<>() {
			@Override
			public int onHttp(Lws wsi, Object session, String uri) {
				return wsi.returnHttpStatus(200, "hello " + wsi.isSsl());
			}
		})));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	/** Connects a blocking channel and runs the handshake to its end. */
	static TlsTransport connect(TlsClientContext ctx, String host) throws IOException {
		SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()));
		TlsTransport t = new TlsTransport(ch, ctx.newEngine(host, server.port()), TlsBuffers.forDefaults(),
				Runnable::run, Runnable::run, null, ctx.sslLevel(), null);
		try {
			t.beginHandshake();
			ByteBuffer app = ByteBuffer.allocate(t.minReadBuffer());
			while (!t.isReady()) {
				if (t.read(app) < 0) {
					throw new EOFException("closed during the handshake");
				}
			}
		}
		catch (IOException ex) {
			t.close();
			throw ex;
		}
		return t;
	}

	static String get(TlsTransport t) throws IOException {
		t.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
			.getBytes(StandardCharsets.US_ASCII)));
		assertThat(t.flush()).isTrue();
		StringBuilder sb = new StringBuilder();
		ByteBuffer app = ByteBuffer.allocate(t.minReadBuffer());
		int n;
		while ((n = t.read(app)) >= 0) {
			if (n > 0) {
				app.flip();
				sb.append(StandardCharsets.UTF_8.decode(app));
				app.clear();
			}
		}
		return sb.toString();
	}

	@Test
	void verifiedConnectionSpeaksHttpAndEndsWithCloseNotify() throws IOException {
		TlsClientContext ctx = TlsClientContext.builder().trust(List.of(server.tls().certificate())).build();
		TlsTransport t = connect(ctx, "localhost");
		assertThat(t.isSsl()).isEqualTo(1);
		assertThat(t.engine().getApplicationProtocol()).isEqualTo("http/1.1");
		assertThat(t.supportsTransferTo()).isFalse();
		// the server closes after the response: read returns -1 after its close_notify, no truncation error
		assertThat(get(t)).startsWith("HTTP/1.1 200 OK").contains("hello 1");
		t.close();
	}

	@Test
	void hostNameIsChecked() {
		TlsClientContext ctx = TlsClientContext.builder().trust(List.of(server.tls().certificate())).build();
		assertThatThrownBy(() -> connect(ctx, "wrong.example")).isInstanceOf(SSLHandshakeException.class);
	}

	@Test
	void unknownCertificateIsRefusedUnlessSelfSignedIsAllowed() throws IOException {
		TlsClientContext strict = TlsClientContext.builder().build();
		assertThatThrownBy(() -> connect(strict, "localhost")).isInstanceOf(SSLHandshakeException.class);
		TlsClientContext selfSigned = TlsClientContext.builder().options(TlsClientOption.ALLOW_SELFSIGNED).build();
		TlsTransport t = connect(selfSigned, "localhost");
		assertThat(t.isSsl()).isEqualTo(2);
		assertThat(get(t)).contains("hello 1");
		t.close();
		// a self-signed certificate must still carry the host's name unless that check is skipped too
		assertThatThrownBy(() -> connect(selfSigned, "wrong.example")).isInstanceOf(SSLHandshakeException.class);
		TlsClientContext anyName = TlsClientContext.builder()
			.options(TlsClientOption.ALLOW_SELFSIGNED, TlsClientOption.SKIP_SERVER_CERT_HOSTNAME_CHECK)
			.build();
		connect(anyName, "wrong.example").close();
		connect(TlsClientContext.builder().options(TlsClientOption.ALLOW_INSECURE).build(), "wrong.example").close();
	}

	@Test
	void osCaCertsCanBeDisabled() {
		TlsClientContext none = TlsClientContext.builder().disableOsCaCerts(true).build();
		assertThatThrownBy(() -> connect(none, "localhost")).isInstanceOf(SSLHandshakeException.class);
	}

	@Test
	void clientCloseSendsCloseNotifyAndTheServerLetsGo() throws Exception {
		TlsClientContext ctx = TlsClientContext.builder().trust(List.of(server.tls().certificate())).build();
		TlsTransport t = connect(ctx, "localhost");
		server.awaitConnections(1);
		t.close();
		assertThat(t.read(ByteBuffer.allocate(t.minReadBuffer()))).isEqualTo(-1);
		server.awaitConnections(0);
	}

}
