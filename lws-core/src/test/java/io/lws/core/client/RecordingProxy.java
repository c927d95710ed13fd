package io.lws.core.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on loopback between one client and a server that keeps a copy of what the client sent, so a test can
 * look at the bytes on the wire (frame bits, compressed sizes).
 */
final class RecordingProxy implements AutoCloseable {

	private final ServerSocket listen;

	private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();

	private final List<Socket> sockets = new ArrayList<>();

	RecordingProxy(int targetPort) throws IOException {
		this.listen = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
		Thread t = new Thread(() -> {
			try {
				Socket client = this.listen.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				synchronized (this.sockets) {
					this.sockets.add(client);
					this.sockets.add(server);
				}
				pump(client.getInputStream(), server.getOutputStream(), true);
				pump(server.getInputStream(), client.getOutputStream(), false);
			}
			catch (IOException ex) {
				// closed by the test
			}
		}, "recording-proxy");
		t.setDaemon(true);
		t.start();
	}

	int port() {
		return this.listen.getLocalPort();
	}

	/** What the client sent so far. */
	byte[] fromClient() {
		synchronized (this.fromClient) {
			return this.fromClient.toByteArray();
		}
	}

	private void pump(InputStream in, OutputStream out, boolean record) {
		Thread t = new Thread(() -> {
			byte[] buf = new byte[16384];
			try {
				int n;
				while ((n = in.read(buf)) >= 0) {
					if (record) {
						synchronized (this.fromClient) {
							this.fromClient.write(buf, 0, n);
						}
					}
					out.write(buf, 0, n);
					out.flush();
				}
				out.close();
			}
			catch (IOException ex) {
				// one side went away
			}
		}, "recording-proxy-pump");
		t.setDaemon(true);
		t.start();
	}

	@Override
	public void close() throws IOException {
		this.listen.close();
		synchronized (this.sockets) {
			for (Socket s : this.sockets) {
				s.close();
			}
		}
	}

}
