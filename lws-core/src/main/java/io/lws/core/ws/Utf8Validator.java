package io.lws.core.ws;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629 section 4; RFC 6455 sections 5.6 and 8.1) as they arrive, with
 * the state carried from one call to the next so a code point may be split across reads and fragments.
 * <p>
 * The check is a deterministic finite automaton over the table of well-formed byte sequences (Unicode, table 3-7):
 * overlong forms, the surrogates U+D800-U+DFFF, code points above U+10FFFF and the bytes C0, C1 and F5-FF are
 * refused at the first byte that makes the sequence impossible to complete, not at the end of the message. Once
 * refused, the validator stays refused until {@link #reset()}.
 * <p>
 * Allocation-free; not thread-safe (one instance per connection).
 */
public final class Utf8Validator {

	// States, multiplied by 256 so that state + byte indexes the transition table directly.

	/** Between code points: the bytes so far are complete, valid UTF-8. */
	private static final int ACCEPT = 0;

	/** Refused; a sink. */
	private static final int REJECT = 1 << 8;

	/** One more continuation byte 80-BF ends the code point. */
	private static final int NEED_1 = 2 << 8;

	/** Two more continuation bytes 80-BF end the code point. */
	private static final int NEED_2 = 3 << 8;

	/** Three more continuation bytes 80-BF end the code point (lead byte F1-F3). */
	private static final int NEED_3 = 4 << 8;

	/** After E0: the next byte must be A0-BF, or the form is overlong. */
	private static final int AFTER_E0 = 5 << 8;

	/** After ED: the next byte must be 80-9F, or the code point is a surrogate. */
	private static final int AFTER_ED = 6 << 8;

	/** After F0: the next byte must be 90-BF, or the form is overlong. */
	private static final int AFTER_F0 = 7 << 8;

	/** After F4: the next byte must be 80-8F, or the code point is above U+10FFFF. */
	private static final int AFTER_F4 = 8 << 8;

	private static final int STATE_COUNT = 9;

	/** Next state, indexed by current state (already times 256) plus the byte; every unset entry is REJECT. */
	private static final short[] NEXT = new short[STATE_COUNT << 8];

	/** The high bit of each of 8 bytes: a long with none of them set holds 8 ASCII bytes. */
	private static final long NON_ASCII_BITS = 0x8080808080808080L;

	static {
		Arrays.fill(NEXT, (short) REJECT);
		// Lead bytes, one row of table 3-7 each.
		allow(ACCEPT, 0x00, 0x7F, ACCEPT);
		allow(ACCEPT, 0xC2, 0xDF, NEED_1);
		allow(ACCEPT, 0xE0, 0xE0, AFTER_E0);
		allow(ACCEPT, 0xE1, 0xEC, NEED_2);
		allow(ACCEPT, 0xED, 0xED, AFTER_ED);
		allow(ACCEPT, 0xEE, 0xEF, NEED_2);
		allow(ACCEPT, 0xF0, 0xF0, AFTER_F0);
		allow(ACCEPT, 0xF1, 0xF3, NEED_3);
		allow(ACCEPT, 0xF4, 0xF4, AFTER_F4);
		// The second byte, narrowed after the lead bytes whose plain range would admit invalid code points.
		allow(AFTER_E0, 0xA0, 0xBF, NEED_1);
		allow(AFTER_ED, 0x80, 0x9F, NEED_1);
		allow(AFTER_F0, 0x90, 0xBF, NEED_2);
		allow(AFTER_F4, 0x80, 0x8F, NEED_2);
		// Plain continuation bytes.
		allow(NEED_3, 0x80, 0xBF, NEED_2);
		allow(NEED_2, 0x80, 0xBF, NEED_1);
		allow(NEED_1, 0x80, 0xBF, ACCEPT);
	}

	private static void allow(int from, int firstByte, int lastByte, int to) {
		for (int b = firstByte; b <= lastByte; b++) {
			NEXT[from + b] = (short) to;
		}
	}

	/** One of the state constants; carried across {@link #update} calls. */
	private int state = ACCEPT;

	/**
	 * Feeds the bytes between the buffer's position and limit, without moving either.
	 * @param bytes the next bytes of the text
	 * @return {@code false} as soon as the bytes fed since the last {@link #reset()} cannot be valid UTF-8, whatever
	 * follows; {@code true} while they are valid or a valid prefix
	 */
	public boolean update(ByteBuffer bytes) {
		return update(bytes, bytes.position(), bytes.limit());
	}

	/**
	 * Feeds the bytes at absolute indexes {@code from} (inclusive) to {@code to} (exclusive), without moving the
	 * buffer's position or limit.
	 */
	boolean update(ByteBuffer bytes, int from, int to) {
		if (this.state != REJECT) {
			this.state = run(this.state, bytes, from, to);
		}
		return this.state != REJECT;
	}

	/** Whether no code point is pending: the bytes so far are complete UTF-8 (and not refused). */
	public boolean isComplete() {
		return this.state == ACCEPT;
	}

	/** Whether the bytes fed since the last {@link #reset()} were refused. */
	public boolean isFailed() {
		return this.state == REJECT;
	}

	/** Forgets everything fed so far, to start a new text. */
	public void reset() {
		this.state = ACCEPT;
	}

	/**
	 * Whether the bytes between the buffer's position and limit are, on their own, complete and valid UTF-8. Does
	 * not move the position and allocates nothing.
	 */
	public static boolean isValid(ByteBuffer bytes) {
		return isValid(bytes, bytes.position(), bytes.limit());
	}

	/** Whether the bytes at absolute indexes {@code from} to {@code to} are complete, valid UTF-8. */
	static boolean isValid(ByteBuffer bytes, int from, int to) {
		return run(ACCEPT, bytes, from, to) == ACCEPT;
	}

	private static int run(int state, ByteBuffer bytes, int from, int to) {
		int i = from;
		while (i < to) {
			if (state == ACCEPT) {
				// Most text is ASCII: between code points, step over 8 ASCII bytes at a time.
				while (i + Long.BYTES <= to && (bytes.getLong(i) & NON_ASCII_BITS) == 0) {
					i += Long.BYTES;
				}
				if (i == to) {
					break;
				}
			}
			state = NEXT[state + (bytes.get(i) & 0xFF)];
			if (state == REJECT) {
				return REJECT;
			}
			i++;
		}
		return state;
	}

	@Override
	public String toString() {
		String name = switch (this.state) {
			case ACCEPT -> "complete";
			case REJECT -> "failed";
			default -> "inside a code point";
		};
		return "Utf8Validator[" + name + "]";
	}

}
