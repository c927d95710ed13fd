package io.lws.core.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A blocking socket client for tests that speak raw HTTP or WebSocket bytes and read exactly what the server sends.
 */
public final class RawClient implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	public RawClient(int port) throws IOException {
		this(plain(port));
	}

	/** Wraps a connected socket (a TLS one, say). */
	public RawClient(Socket connected) throws IOException {
		this.socket = connected;
		this.socket.setSoTimeout(5000);
		this.socket.setTcpNoDelay(true);
		this.in = this.socket.getInputStream();
		this.out = this.socket.getOutputStream();
	}

	private static Socket plain(int port) throws IOException {
		Socket s = new Socket();
		s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		return s;
	}

	public Socket socket() {
		return this.socket;
	}

	public RawClient send(String s) throws IOException {
		return send(s.getBytes(StandardCharsets.ISO_8859_1));
	}

	public RawClient send(byte[] b) throws IOException {
		this.out.write(b);
		this.out.flush();
		return this;
	}

	public void soTimeout(int millis) throws IOException {
		this.socket.setSoTimeout(millis);
	}

	/** Reads one HTTP response (head and a content-length delimited body). */
	public HttpResponse readResponse() throws IOException {
		String head = readHead();
		HttpResponse r = HttpResponse.parseHead(head);
		long len = r.contentLength();
		byte[] body = new byte[0];
		if (len > 0 && !r.noBody()) {
			body = readExactly((int) len);
		}
		return r.withBody(body);
	}

	/** Reads one HTTP response to a HEAD request (no body whatever content-length says). */
	public HttpResponse readHeadResponse() throws IOException {
		return HttpResponse.parseHead(readHead());
	}

	private String readHead() throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		int state = 0;
		while (state < 4) {
			int ch = this.in.read();
			if (ch < 0) {
				throw new IOException("Connection closed after " + b.size() + " bytes of head: " + b);
			}
			b.write(ch);
			state = switch (state) {
				case 0, 2 -> (ch == '\r') ? state + 1 : 0;
				case 1, 3 -> (ch == '\n') ? state + 1 : ((ch == '\r') ? 1 : 0);
				default -> 0;
			};
		}
		return b.toString(StandardCharsets.ISO_8859_1);
	}

	public byte[] readExactly(int n) throws IOException {
		byte[] buf = new byte[n];
		int off = 0;
		while (off < n) {
			int r = this.in.read(buf, off, n - off);
			if (r < 0) {
				throw new IOException("Connection closed after " + off + " of " + n + " bytes");
			}
			off += r;
		}
		return buf;
	}

	public int read() throws IOException {
		return this.in.read();
	}

	/** True when the server closes the connection within the socket timeout (reading and dropping anything else). */
	public boolean closedByServer() throws IOException {
		try {
			byte[] buf = new byte[8192];
			while (true) {
				int r = this.in.read(buf);
				if (r < 0) {
					return true;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// connection reset counts as closed
			return true;
		}
	}

	/** True when nothing arrives within {@code millis} (the connection stays open and silent). */
	public boolean silentFor(int millis) throws IOException {
		int old = this.socket.getSoTimeout();
		this.socket.setSoTimeout(millis);
		try {
			int r = this.in.read();
			if (r >= 0) {
				throw new IOException("Unexpected byte " + r);
			}
			return false;
		}
		catch (SocketTimeoutException ex) {
			return true;
		}
		finally {
			this.socket.setSoTimeout(old);
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
