package io.lws.core.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A raw WebSocket client for conformance tests: it writes frames exactly as told (masked or not, any opcode, bits
 * and split points) and reads the server's frames one by one.
 */
public final class WsTestClient implements AutoCloseable {

	private final RawClient raw;

	private HttpResponse handshake;

	private WsTestClient(RawClient raw) {
		this.raw = raw;
	}

	/** Connects and completes a handshake for {@code protocol} (null for none) at {@code path}. */
	public static WsTestClient connect(int port, String path, String protocol) throws IOException {
		return connect(port, path, protocol, null);
	}

	/** Connects and completes a handshake offering {@code extensions} ({@code Sec-WebSocket-Extensions}, or null). */
	public static WsTestClient connect(int port, String path, String protocol, String extensions) throws IOException {
		return connect(new RawClient(port), path, protocol, extensions);
	}

	/** Completes a handshake on a connected client (plain or TLS). */
	public static WsTestClient connect(RawClient raw, String path, String protocol) throws IOException {
		return connect(raw, path, protocol, null);
	}

	/** Completes a handshake offering {@code extensions} on a connected client (plain or TLS). */
	public static WsTestClient connect(RawClient raw, String path, String protocol, String extensions)
			throws IOException {
		WsTestClient c = new WsTestClient(raw);
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		StringBuilder req = new StringBuilder();
		req.append("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n")
			.append("Connection: Upgrade\r\nSec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce))
			.append("\r\nSec-WebSocket-Version: 13\r\n");
		if (protocol != null) {
			req.append("Sec-WebSocket-Protocol: ").append(protocol).append("\r\n");
		}
		if (extensions != null) {
			req.append("Sec-WebSocket-Extensions: ").append(extensions).append("\r\n");
		}
		req.append("\r\n");
		c.raw.send(req.toString());
		c.handshake = c.raw.readHeadResponse();
		if (c.handshake.status() != 101) {
			throw new IOException("Handshake answered " + c.handshake.status());
		}
		return c;
	}

	public HttpResponse handshake() {
		return this.handshake;
	}

	public RawClient raw() {
		return this.raw;
	}

	/** Builds one frame, masked with a random key when {@code masked}. */
	public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
		byte[] key = null;
		if (masked) {
			key = new byte[4];
			ThreadLocalRandom.current().nextBytes(key);
		}
		return frame(fin, rsv, opcode, payload, key);
	}

	/** Builds one frame, masked with {@code key} (4 bytes), or unmasked when it is null. */
	public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, byte[] key) {
		boolean masked = key != null;
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.write((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0xF));
		int maskBit = masked ? 0x80 : 0;
		long len = payload.length;
		if (len < 126) {
			b.write(maskBit | (int) len);
		}
		else if (len < 65536) {
			b.write(maskBit | 126);
			b.write((int) (len >> 8));
			b.write((int) len);
		}
		else {
			b.write(maskBit | 127);
			for (int i = 7; i >= 0; i--) {
				b.write((int) (len >> (8 * i)));
			}
		}
		if (masked) {
			b.write(key, 0, 4);
		}
		for (int i = 0; i < payload.length; i++) {
			b.write(payload[i] ^ (masked ? key[i & 3] : 0));
		}
		return b.toByteArray();
	}

	public WsTestClient sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
		this.raw.send(frame(fin, 0, opcode, payload, true));
		return this;
	}

	public WsTestClient sendText(String text) throws IOException {
		return sendFrame(true, 1, text.getBytes(StandardCharsets.UTF_8));
	}

	public WsTestClient sendBinary(byte[] data) throws IOException {
		return sendFrame(true, 2, data);
	}

	public WsTestClient sendRaw(byte[] bytes) throws IOException {
		this.raw.send(bytes);
		return this;
	}

	/** Sends bytes one at a time. */
	public WsTestClient sendSlowly(byte[] bytes) throws IOException {
		for (byte x : bytes) {
			this.raw.send(new byte[] { x });
		}
		return this;
	}

	public WsTestClient sendClose(int code, String reason) throws IOException {
		byte[] r = reason.getBytes(StandardCharsets.UTF_8);
		ByteBuffer p = ByteBuffer.allocate(2 + r.length);
		p.putShort((short) code).put(r);
		return sendFrame(true, 8, p.array());
	}

	/** Reads the next frame from the server (which must not mask). */
	public Frame readFrame() throws IOException {
		int b0 = this.raw.read();
		int b1 = this.raw.read();
		if (b0 < 0 || b1 < 0) {
			throw new IOException("Connection closed while reading a frame");
		}
		if ((b1 & 0x80) != 0) {
			throw new IOException("The server masked a frame");
		}
		long len = b1 & 0x7F;
		if (len == 126) {
			byte[] l = this.raw.readExactly(2);
			len = ((l[0] & 0xFF) << 8) | (l[1] & 0xFF);
		}
		else if (len == 127) {
			byte[] l = this.raw.readExactly(8);
			len = ByteBuffer.wrap(l).getLong();
		}
		byte[] payload = this.raw.readExactly((int) len);
		return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0xF, payload);
	}

	/** Reads frames until a whole data message has arrived; returns its opcode and payload. */
	public Frame readMessage() throws IOException {
		Frame f = readFrame();
		while (f.opcode() >= 8) {
			f = readFrame();
		}
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.write(f.payload(), 0, f.payload().length);
		int opcode = f.opcode();
		while (!f.fin()) {
			f = readFrame();
			if (f.opcode() >= 8) {
				continue;
			}
			all.write(f.payload(), 0, f.payload().length);
		}
		return new Frame(true, 0, opcode, all.toByteArray());
	}

	/** Reads until the server's close frame and returns its code (1005 when empty). */
	public int readCloseCode() throws IOException {
		while (true) {
			Frame f = readFrame();
			if (f.opcode() == 8) {
				return (f.payload().length >= 2) ? ((f.payload()[0] & 0xFF) << 8) | (f.payload()[1] & 0xFF) : 1005;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.raw.close();
	}

	/** One frame as received. */
	public record Frame(boolean fin, int rsv, int opcode, byte[] payload) {

		public String text() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

		public int closeCode() {
			return (this.payload.length >= 2) ? ((this.payload[0] & 0xFF) << 8) | (this.payload[1] & 0xFF) : 1005;
		}

		public String closeReason() {
			return (this.payload.length > 2)
					? new String(this.payload, 2, this.payload.length - 2, StandardCharsets.UTF_8) : "";
		}

	}

}
