package io.lws.core.ws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds frames byte by byte for tests, on its own rather than with {@link FrameWriter}, so that the receiver is not
 * tested against the writer's reading of the RFC; also builds frames the writer refuses to.
 */
final class TestFrames {

	/** The masking key used when a test does not care which. */
	static final int KEY = 0x37FA213D;

	private TestFrames() {
	}

	/** A frame from a server (unmasked). */
	static byte[] server(boolean fin, Opcode op, byte[] payload) {
		return frame((fin ? 0x80 : 0) | op.code(), payload, false, 0);
	}

	/** A frame from a client (masked with {@link #KEY}). */
	static byte[] client(boolean fin, Opcode op, byte[] payload) {
		return frame((fin ? 0x80 : 0) | op.code(), payload, true, KEY);
	}

	/** A frame for the given role of the peer: masked when it goes to a server. */
	static byte[] to(boolean server, boolean fin, Opcode op, byte[] payload) {
		return server ? client(fin, op, payload) : server(fin, op, payload);
	}

	/** A frame with any first byte (FIN, RSV bits, any opcode nibble), minimal length, masked or not. */
	static byte[] frame(int firstByte, byte[] payload, boolean masked, int key) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(firstByte);
		int maskBit = masked ? 0x80 : 0;
		long length = payload.length;
		if (length <= 125) {
			out.write(maskBit | (int) length);
		}
		else if (length <= 0xFFFF) {
			out.write(maskBit | 126);
			out.write((int) (length >> 8));
			out.write((int) length);
		}
		else {
			out.write(maskBit | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				out.write((int) (length >> shift));
			}
		}
		byte[] keyBytes = { (byte) (key >> 24), (byte) (key >> 16), (byte) (key >> 8), (byte) key };
		if (masked) {
			out.writeBytes(keyBytes);
		}
		for (int i = 0; i < payload.length; i++) {
			out.write(masked ? payload[i] ^ keyBytes[i % 4] : payload[i]);
		}
		return out.toByteArray();
	}

	/** A close payload: the code in network order and the reason bytes. */
	static byte[] closePayload(int code, byte[] reason) {
		byte[] payload = new byte[2 + reason.length];
		payload[0] = (byte) (code >> 8);
		payload[1] = (byte) code;
		System.arraycopy(reason, 0, payload, 2, reason.length);
		return payload;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** Bytes 0, 1, 2, ... 255, 0, 1 ...: a payload in which a misplaced byte shows. */
	static byte[] counting(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

}
