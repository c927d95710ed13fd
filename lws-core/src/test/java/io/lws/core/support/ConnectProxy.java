package io.lws.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP {@code CONNECT} proxy for tests: records each request head, then relays to the named target, or
 * answers a fixed refusal status, or never answers at all.
 */
public final class ConnectProxy implements AutoCloseable {

	/** {@link #refuseWith} value: relay normally. */
	public static final int RELAY = 0;

	/** {@link #refuseWith} value: read the request and say nothing. */
	public static final int SILENT = -1;

	/** The CONNECT request heads received, in order. */
	public final List<String> requests = new CopyOnWriteArrayList<>();

	private final int refuseWith;

	private final RawServer server;

	private ConnectProxy(int refuseWith) throws IOException {
		this.refuseWith = refuseWith;
		this.server = new RawServer(this::serve);
	}

	/** A proxy that opens every tunnel asked for. */
	public static ConnectProxy relaying() throws IOException {
		return new ConnectProxy(RELAY);
	}

	/** A proxy that answers every CONNECT with {@code status} (e.g. 403, 407) and closes. */
	public static ConnectProxy refusing(int status) throws IOException {
		return new ConnectProxy(status);
	}

	/** A proxy that reads the CONNECT and never answers. */
	public static ConnectProxy silent() throws IOException {
		return new ConnectProxy(SILENT);
	}

	public int port() {
		return this.server.port();
	}

	/** How many connections reached the proxy. */
	public int connections() {
		return this.server.connections();
	}

	private void serve(Socket client) throws Exception {
		String head = RawServer.readHeadOf(client.getInputStream());
		this.requests.add(head);
		if (this.refuseWith == SILENT) {
			RawServer.drain(client);
			return;
		}
		if (this.refuseWith != RELAY) {
			RawServer.send(client, "HTTP/1.1 " + this.refuseWith + " Refused\r\nContent-Length: 0\r\n\r\n");
			return;
		}
		String[] line = head.substring(0, head.indexOf('\r')).split(" ");
		if (!"CONNECT".equals(line[0])) {
			RawServer.send(client, "HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n");
			return;
		}
		int colon = line[1].lastIndexOf(':');
		String host = line[1].substring(0, colon).replace("[", "").replace("]", "");
		try (Socket target = new Socket()) {
			target.connect(new InetSocketAddress(host, Integer.parseInt(line[1].substring(colon + 1))), 5000);
			RawServer.send(client, "HTTP/1.1 200 Connection established\r\n\r\n");
			Thread up = new Thread(() -> pump(client, target), "proxy-up");
			up.setDaemon(true);
			up.start();
			pump(target, client);
			up.join(5000);
		}
	}

	/** Copies {@code from} to {@code to} until {@code from} ends, then half-closes {@code to}. */
	private static void pump(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buf = new byte[8192];
			int n;
			while ((n = in.read(buf)) >= 0) {
				out.write(buf, 0, n);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// one side went away: the other follows when its socket closes
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
