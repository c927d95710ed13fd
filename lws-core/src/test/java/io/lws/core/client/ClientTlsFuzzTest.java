package io.lws.core.client;

import java.io.IOException;
import java.net.Socket;
import java.util.Random;

import javax.net.ssl.SSLContext;

import io.lws.core.ClientConnectInfo;
import io.lws.core.support.Tls;
import io.lws.core.tls.CertificateGenerator;

/**
 * {@link ClientFuzzCases} over TLS (wss and https, a self-signed certificate the client is told to accept). After its
 * answer the server either says close_notify or drops the TCP stream without one (a truncation attack's shape); the
 * client must end its connection the same way in both.
 */
class ClientTlsFuzzTest extends ClientFuzzCases {

	private static final SSLContext SERVER = Tls.serverContext(CertificateGenerator.localhost());

	@Override
	protected Socket serverSide(Socket accepted) throws IOException {
		return Tls.serverSide(SERVER, accepted);
	}

	@Override
	protected void endAnswer(Socket accepted, Socket serverSide, Random r) throws IOException {
		if (r.nextBoolean()) {
			serverSide.shutdownOutput();
		}
		else {
			accepted.shutdownOutput();
		}
	}

	@Override
	protected int sslConnection() {
		return ClientConnectInfo.USE_SSL | ClientConnectInfo.ALLOW_SELFSIGNED;
	}

}
