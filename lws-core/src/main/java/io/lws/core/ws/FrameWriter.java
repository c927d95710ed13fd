package io.lws.core.ws;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

import io.lws.core.CloseStatus;

/**
 * Encodes what goes on the wire ahead of and inside frames: headers (RFC 6455 section 5.2), masking (section 5.3) and
 * close payloads (section 5.5.1). The payload itself is the caller's; nothing here copies it.
 * <p>
 * All methods but {@link #closePayload(int, String)} write into a buffer the caller passes and allocate nothing.
 */
public final class FrameWriter {

	private FrameWriter() {
	}

	/**
	 * Writes a frame header at the buffer's position and moves the position past it.
	 * @param dst where to write; needs {@link FrameHeader#size(long, boolean)} bytes remaining (at most
	 * {@link FrameHeader#MAX_HEADER_SIZE})
	 * @param fin whether this is the last frame of its message (always {@code true} for control frames)
	 * @param rsv1 the RSV1 bit, set only by a negotiated extension on the first frame of a data message
	 * @param op the opcode
	 * @param payloadLength the payload length, at least 0 (at most 125 for control frames)
	 * @param maskKeyOrZeroIfUnmasked the masking key, its first byte in the high 8 bits; ignored unless
	 * {@code masked}. A client must pick a fresh unpredictable key for every frame (section 10.3)
	 * @param masked whether to set MASK and write the key: {@code true} for a client, {@code false} for a server
	 * @return the number of bytes written, 2 to 14
	 * @throws IllegalArgumentException if the frame would break section 5: a fragmented or oversized control frame,
	 * RSV1 on a control or continuation frame, or a negative length
	 * @throws BufferOverflowException if {@code dst} has too little room; nothing is written then
	 */
	public static int writeHeader(ByteBuffer dst, boolean fin, boolean rsv1, Opcode op, long payloadLength,
			int maskKeyOrZeroIfUnmasked, boolean masked) {
		Objects.requireNonNull(op, "op");
		if (payloadLength < 0) {
			throw new IllegalArgumentException("Payload length must not be negative");
		}
		if (op.isControl() && (!fin || payloadLength > FrameHeader.MAX_CONTROL_PAYLOAD)) {
			throw new IllegalArgumentException("A control frame must be final and carry at most 125 bytes");
		}
		if (rsv1 && (op.isControl() || op == Opcode.CONTINUATION)) {
			throw new IllegalArgumentException("RSV1 may be set only on the first frame of a data message");
		}
		int size = FrameHeader.size(payloadLength, masked);
		if (dst.remaining() < size) {
			throw new BufferOverflowException();
		}
		int first = op.code();
		if (fin) {
			first |= FrameHeader.FIN;
		}
		if (rsv1) {
			first |= FrameHeader.RSV1;
		}
		dst.put((byte) first);
		int maskBit = masked ? FrameHeader.MASK : 0;
		switch (FrameHeader.extendedLengthSize(payloadLength)) {
			case 0 -> dst.put((byte) (maskBit | (int) payloadLength));
			case 2 -> {
				dst.put((byte) (maskBit | FrameHeader.LENGTH_16));
				putBigEndian(dst, payloadLength, 2);
			}
			default -> {
				dst.put((byte) (maskBit | FrameHeader.LENGTH_64));
				putBigEndian(dst, payloadLength, 8);
			}
		}
		if (masked) {
			putBigEndian(dst, maskKeyOrZeroIfUnmasked, 4);
		}
		return size;
	}

	/**
	 * Masks (or unmasks: it is the same operation) the bytes between the buffer's position and limit in place,
	 * without moving the position. A client calls this on each payload before sending it; a payload sent in several
	 * writes is masked piece by piece with the offset of each piece.
	 * @param payload the payload bytes, writable
	 * @param maskKey the key written in the frame header, its first byte in the high 8 bits
	 * @param offsetInFrame the offset in the frame's payload of the byte at the buffer's position
	 */
	public static void mask(ByteBuffer payload, int maskKey, long offsetInFrame) {
		PayloadMasker.mask(payload, payload.position(), payload.limit(), maskKey, offsetInFrame);
	}

	/**
	 * Masks a whole frame payload that sits at absolute indexes {@code from} to {@code to} of {@code buffer}, without
	 * moving its position or limit: what a client does to the copy of a payload it has just queued.
	 * @param buffer the bytes, writable
	 * @param from the index of the payload's first byte
	 * @param to the index after its last
	 * @param maskKey the key written in the frame header, its first byte in the high 8 bits
	 */
	public static void mask(ByteBuffer buffer, int from, int to, int maskKey) {
		PayloadMasker.mask(buffer, from, to, maskKey, 0);
	}

	/**
	 * A new buffer holding a close frame payload: the code in network order and the reason in UTF-8, cut to at most
	 * 123 bytes at a code point boundary. The buffer's position is 0 and its limit the payload's end.
	 * @param code a close code that {@link CloseStatus#isSendable(int)} accepts
	 * @param reason the reason, or {@code null} for none
	 * @throws IllegalArgumentException if the code may not be sent
	 * @see #writeClosePayload(ByteBuffer, int, String)
	 */
	public static ByteBuffer closePayload(int code, String reason) {
		checkSendable(code);
		ByteBuffer payload = ByteBuffer.allocate(2 + utf8(reason, FrameHeader.MAX_CLOSE_REASON, null));
		writeClosePayload(payload, code, reason);
		return payload.flip();
	}

	/**
	 * Writes a close frame payload at the buffer's position, as {@link #closePayload(int, String)} builds it, and
	 * moves the position past it. Allocates nothing.
	 * @param dst where to write; 125 bytes are always enough
	 * @param code a close code that {@link CloseStatus#isSendable(int)} accepts
	 * @param reason the reason, or {@code null} for none; cut to at most 123 bytes of UTF-8 at a code point boundary,
	 * an unpaired surrogate written as {@code ?} so that the peer gets valid UTF-8
	 * @return the number of bytes written, 2 to 125
	 * @throws IllegalArgumentException if the code may not be sent
	 * @throws BufferOverflowException if {@code dst} has too little room; nothing is written then
	 */
	public static int writeClosePayload(ByteBuffer dst, int code, String reason) {
		checkSendable(code);
		int size = 2 + utf8(reason, FrameHeader.MAX_CLOSE_REASON, null);
		if (dst.remaining() < size) {
			throw new BufferOverflowException();
		}
		putBigEndian(dst, code, 2);
		utf8(reason, FrameHeader.MAX_CLOSE_REASON, dst);
		return size;
	}

	private static void checkSendable(int code) {
		if (!CloseStatus.isSendable(code)) {
			throw new IllegalArgumentException("Close code " + code + " may not be sent");
		}
	}

	private static void putBigEndian(ByteBuffer dst, long value, int bytes) {
		// Byte by byte, so the result does not depend on the buffer's byte order.
		for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
			dst.put((byte) (value >>> shift));
		}
	}

	/**
	 * Measures, and writes when {@code dst} is not {@code null}, the longest prefix of whole code points of
	 * {@code text} that fits {@code maxBytes} of UTF-8.
	 * @return the number of bytes
	 */
	private static int utf8(String text, int maxBytes, ByteBuffer dst) {
		if (text == null) {
			return 0;
		}
		int bytes = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int codePoint = c;
			int chars = 1;
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				codePoint = Character.toCodePoint(c, text.charAt(i + 1));
				chars = 2;
			}
			else if (Character.isSurrogate(c)) {
				codePoint = '?';
			}
			int length = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (bytes + length > maxBytes) {
				break;
			}
			if (dst != null) {
				putUtf8(dst, codePoint, length);
			}
			bytes += length;
			i += chars;
		}
		return bytes;
	}

	private static void putUtf8(ByteBuffer dst, int codePoint, int length) {
		switch (length) {
			case 1 -> dst.put((byte) codePoint);
			case 2 -> {
				dst.put((byte) (0xC0 | (codePoint >>> 6)));
				dst.put((byte) (0x80 | (codePoint & 0x3F)));
			}
			case 3 -> {
				dst.put((byte) (0xE0 | (codePoint >>> 12)));
				dst.put((byte) (0x80 | ((codePoint >>> 6) & 0x3F)));
				dst.put((byte) (0x80 | (codePoint & 0x3F)));
			}
			default -> {
				dst.put((byte) (0xF0 | (codePoint >>> 18)));
				dst.put((byte) (0x80 | ((codePoint >>> 12) & 0x3F)));
				dst.put((byte) (0x80 | ((codePoint >>> 6) & 0x3F)));
				dst.put((byte) (0x80 | (codePoint & 0x3F)));
			}
		}
	}

}
