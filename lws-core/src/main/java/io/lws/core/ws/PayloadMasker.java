package io.lws.core.ws;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Applies a masking key to payload bytes in place (RFC 6455 section 5.3). Masking and unmasking are the same XOR, so
 * both the client writer and the server receiver use this.
 */
final class PayloadMasker {

	private PayloadMasker() {
	}

	/**
	 * XORs bytes at absolute indexes {@code from} to {@code to} with the masking key, without moving the buffer's
	 * position or limit.
	 * @param buffer the bytes, writable
	 * @param from the first index
	 * @param to the index after the last
	 * @param maskKey the 4 key bytes, the first one sent in the high 8 bits
	 * @param offsetInFrame the offset in the frame's payload of the byte at {@code from}, which picks the key byte
	 */
	static void mask(ByteBuffer buffer, int from, int to, int maskKey, long offsetInFrame) {
		if (maskKey == 0) {
			// A zero key is legal and leaves the bytes as they are.
			return;
		}
		// Rotate so that the key's first (high) byte is the one for the byte at 'from'.
		int key = Integer.rotateLeft(maskKey, 8 * (int) (offsetInFrame & 3));
		long wideKey = ((key & 0xFFFFFFFFL) << 32) | (key & 0xFFFFFFFFL);
		if (buffer.order() == ByteOrder.LITTLE_ENDIAN) {
			wideKey = Long.reverseBytes(wideKey);
		}
		int i = from;
		// Eight bytes at a time: the key repeats every 4 bytes, so a step of 8 keeps it aligned.
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			buffer.putLong(i, buffer.getLong(i) ^ wideKey);
		}
		for (int k = 0; i < to; i++, k++) {
			buffer.put(i, (byte) (buffer.get(i) ^ (key >>> (24 - 8 * (k & 3)))));
		}
	}

}
