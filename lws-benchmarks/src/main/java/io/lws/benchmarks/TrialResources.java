package io.lws.benchmarks;

import java.io.IOException;
import java.net.Socket;

import io.lws.core.LwsContext;

/** What the end-to-end benchmarks start for a trial and must stop after it, whatever fails first. */
final class TrialResources {

	private TrialResources() {
	}

	/**
	 * Closes the client socket, then destroys the context even if closing failed.
	 * @param socket the benchmark's client, or {@code null} if setup failed before it
	 * @param context the server, or {@code null} if setup failed before it
	 */
	static void close(Socket socket, LwsContext context) throws IOException {
		try {
			if (socket != null) {
				socket.close();
			}
		}
		finally {
			if (context != null) {
				context.destroy();
			}
		}
	}

}
