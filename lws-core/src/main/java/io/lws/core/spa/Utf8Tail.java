package io.lws.core.spa;

/**
 * Finds where a byte string cut at an arbitrary length stops holding only whole UTF-8 characters, so a truncated
 * value ends on a character rather than in a replacement character.
 */
final class Utf8Tail {

	private Utf8Tail() {
	}

	/**
	 * The length of {@code bytes[0, length)} without an incomplete UTF-8 sequence at its end. Bytes that are not
	 * UTF-8 at all are left alone: only a lead byte announcing more continuation bytes than follow it is cut, with
	 * those continuation bytes.
	 */
	static int completeLength(byte[] bytes, int length) {
		// A sequence is at most 4 bytes, so its lead byte is among the last 4.
		for (int back = 1; back <= Math.min(4, length); back++) {
			int b = bytes[length - back] & 0xFF;
			if ((b & 0xC0) == 0x80) {
				continue;
			}
			int needed = sequenceLength(b);
			return (needed > back) ? length - back : length;
		}
		return length;
	}

	/** The length of the sequence a lead byte starts, 1 for ASCII or a byte that cannot lead. */
	private static int sequenceLength(int lead) {
		if (lead >= 0xF0 && lead <= 0xF4) {
			return 4;
		}
		if (lead >= 0xE0 && lead <= 0xEF) {
			return 3;
		}
		if (lead >= 0xC2 && lead <= 0xDF) {
			return 2;
		}
		return 1;
	}

}
