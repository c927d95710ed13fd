package io.lws.core.client;

import java.io.IOException;
import java.net.Socket;
import java.util.Random;

/** {@link ClientFuzzCases} over plain TCP: the server half-closes after its answer. */
class ClientFuzzTest extends ClientFuzzCases {

	@Override
	protected Socket serverSide(Socket accepted) {
		return accepted;
	}

	@Override
	protected void endAnswer(Socket accepted, Socket serverSide, Random r) throws IOException {
		serverSide.shutdownOutput();
	}

	@Override
	protected int sslConnection() {
		return 0;
	}

}
