package io.lws.core.ws;

/**
 * The frame opcodes of RFC 6455 section 5.2 (registry in section 11.8). Opcodes 0x3-0x7 and 0xB-0xF are reserved
 * and have no constant: {@link #of(int)} returns {@code null} for them.
 */
public enum Opcode {

	/** 0x0: the next fragment of a message started by a TEXT or BINARY frame. */
	CONTINUATION(0x0),
	/** 0x1: the first frame of a text message (UTF-8 payload). */
	TEXT(0x1),
	/** 0x2: the first frame of a binary message. */
	BINARY(0x2),
	/** 0x8: close (section 5.5.1); payload is empty or a 2-byte code and a UTF-8 reason. */
	CLOSE(0x8),
	/** 0x9: ping (section 5.5.2); the peer answers with a pong carrying the same payload. */
	PING(0x9),
	/** 0xA: pong (section 5.5.3); an answer to a ping, or an unsolicited heartbeat. */
	PONG(0xA);

	/** Indexed by the 4-bit opcode; {@code null} where the opcode is reserved. */
	private static final Opcode[] BY_CODE = new Opcode[16];

	static {
		for (Opcode opcode : values()) {
			BY_CODE[opcode.code] = opcode;
		}
	}

	private final int code;

	Opcode(int code) {
		this.code = code;
	}

	/** The 4-bit value that goes in the low nibble of a frame's first byte. */
	public int code() {
		return this.code;
	}

	/** Whether this is a control frame opcode (the high bit of the nibble set, section 5.5). */
	public boolean isControl() {
		return (this.code & 0x8) != 0;
	}

	/**
	 * The opcode for a 4-bit value.
	 * @param code the opcode nibble
	 * @return the opcode, or {@code null} when {@code code} is reserved or outside 0-15
	 */
	public static Opcode of(int code) {
		return (code >= 0 && code < BY_CODE.length) ? BY_CODE[code] : null;
	}

}
