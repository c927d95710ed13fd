package io.lws.core.ws;

/**
 * The layout of a frame header (RFC 6455 section 5.2) and the sizes that follow from it.
 *
 * <pre>
 * byte 0      FIN | RSV1 | RSV2 | RSV3 | opcode (4 bits)
 * byte 1      MASK | length (7 bits): 0-125 is the payload length itself,
 *                                     126: a 16-bit length follows,
 *                                     127: a 64-bit length follows, its top bit 0
 * 0, 2 or 8   extended length, network byte order, never longer than needed
 * 0 or 4      masking key, present exactly when MASK is set (client to server)
 *             payload
 * </pre>
 */
public final class FrameHeader {

	/** Byte 0: this is the last frame of its message. */
	public static final int FIN = 0x80;

	/** Byte 0: reserved bit 1; with permessage-deflate, "this message is compressed" (RFC 7692 section 6). */
	public static final int RSV1 = 0x40;

	/** Byte 0: reserved bit 2, for extensions; none defined. */
	public static final int RSV2 = 0x20;

	/** Byte 0: reserved bit 3, for extensions; none defined. */
	public static final int RSV3 = 0x10;

	/** Byte 0: the opcode nibble. */
	public static final int OPCODE_BITS = 0x0F;

	/** Byte 1: a masking key follows the length. */
	public static final int MASK = 0x80;

	/** Byte 1: the 7-bit length field. */
	public static final int LENGTH_BITS = 0x7F;

	/** The 7-bit length value meaning "a 16-bit length follows". */
	public static final int LENGTH_16 = 126;

	/** The 7-bit length value meaning "a 64-bit length follows". */
	public static final int LENGTH_64 = 127;

	/** The largest payload length that fits the 7-bit field. */
	public static final int MAX_7BIT_LENGTH = 125;

	/** The largest payload length that fits the 16-bit field. */
	public static final int MAX_16BIT_LENGTH = 0xFFFF;

	/** The largest header: 2 bytes, an 8-byte length and a 4-byte masking key. */
	public static final int MAX_HEADER_SIZE = 14;

	/** The largest payload of a control frame (section 5.5). */
	public static final int MAX_CONTROL_PAYLOAD = 125;

	/** The largest close reason: a control payload less the 2-byte close code (section 5.5.1). */
	public static final int MAX_CLOSE_REASON = MAX_CONTROL_PAYLOAD - 2;

	private FrameHeader() {
	}

	/**
	 * The size of the header for a payload.
	 * @param payloadLength the payload length, 0 to {@link Long#MAX_VALUE}
	 * @param masked whether the frame carries a masking key
	 * @return 2 to {@link #MAX_HEADER_SIZE}
	 */
	public static int size(long payloadLength, boolean masked) {
		int size = 2 + extendedLengthSize(payloadLength);
		return masked ? size + 4 : size;
	}

	/** The bytes of extended length the fewest-bytes rule gives a payload length: 0, 2 or 8. */
	static int extendedLengthSize(long payloadLength) {
		if (payloadLength <= MAX_7BIT_LENGTH) {
			return 0;
		}
		return (payloadLength <= MAX_16BIT_LENGTH) ? 2 : 8;
	}

}
