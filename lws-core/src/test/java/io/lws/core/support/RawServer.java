package io.lws.core.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking server on 127.0.0.1 and a free port that runs a script per accepted connection on its own thread: for
 * client tests that need a server saying exactly what they want (broken heads, bodies in pieces, silence).
 */
public final class RawServer implements AutoCloseable {

	/** What to do with one accepted connection; the socket is closed after it returns. */
	@FunctionalInterface
	public interface Script {

		void run(Socket s) throws Exception;

	}

	private final ServerSocket listen;

	private final Script script;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	/** Request heads read with {@link #readHead}, in order. */
	public final List<String> heads = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	public RawServer(Script script) throws IOException {
		this.listen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.script = script;
		this.acceptor = new Thread(this::acceptLoop, "raw-server-" + this.listen.getLocalPort());
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	public int port() {
		return this.listen.getLocalPort();
	}

	/** How many connections were accepted. */
	public int connections() {
		return this.connections.get();
	}

	private void acceptLoop() {
		while (!this.listen.isClosed()) {
			Socket s;
			try {
				s = this.listen.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.connections.incrementAndGet();
			this.accepted.add(s);
			Thread t = new Thread(() -> {
				try (s) {
					s.setSoTimeout(10_000);
					this.script.run(s);
				}
				catch (Exception ex) {
					// the test decides what a broken connection means
				}
			}, "raw-conn");
			t.setDaemon(true);
			t.start();
		}
	}

	/** Reads a request head (through the blank line) and records it. */
	public String readHead(InputStream in) throws IOException {
		String head = readHeadOf(in);
		this.heads.add(head);
		return head;
	}

	/** Reads an HTTP head through its blank line, byte by byte so nothing after it is consumed. */
	public static String readHeadOf(InputStream in) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		int state = 0;
		while (state < 4) {
			int ch = in.read();
			if (ch < 0) {
				throw new IOException("closed in the head after: " + b.toString(StandardCharsets.ISO_8859_1));
			}
			b.write(ch);
			state = ((ch == '\r' && (state == 0 || state == 2)) || (ch == '\n' && (state == 1 || state == 3)))
					? state + 1 : ((ch == '\r') ? 1 : 0);
		}
		return b.toString(StandardCharsets.ISO_8859_1);
	}

	/** Writes text and flushes. */
	public static void send(Socket s, String text) throws IOException {
		OutputStream out = s.getOutputStream();
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/** Blocks until the peer closes (or the read times out). */
	public static void drain(Socket s) {
		try {
			InputStream in = s.getInputStream();
			while (in.read() >= 0) {
				// discard
			}
		}
		catch (IOException ex) {
			// closed or timed out
		}
	}

	@Override
	public void close() throws IOException {
		this.listen.close();
		for (Socket s : this.accepted) {
			s.close();
		}
		try {
			this.acceptor.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
