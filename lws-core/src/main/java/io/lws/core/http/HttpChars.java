package io.lws.core.http;

/**
 * Character classes of RFC 9110 section 5.6.2 and RFC 9112, tested on single bytes so the parse path never
 * decodes text; libwebsockets does the same checks inline in {@code lws_parse()}. Shared by the request parser and
 * the form parser ({@code io.lws.core.spa}); not meant for applications.
 */
public final class HttpChars {

	static final byte CR = '\r';

	static final byte LF = '\n';

	static final byte SP = ' ';

	static final byte HTAB = '\t';

	/** tchar: the bytes a token (method, header name, coding) may hold, indexed by unsigned byte. */
	private static final boolean[] TCHAR = new boolean[256];

	static {
		for (int c = '0'; c <= '9'; c++) {
			TCHAR[c] = true;
		}
		for (int c = 'a'; c <= 'z'; c++) {
			TCHAR[c] = true;
			TCHAR[c - 32] = true;
		}
		for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
			TCHAR[c] = true;
		}
	}

	private HttpChars() {
	}

	/** Whether a byte is a tchar (RFC 9110 section 5.6.2). */
	static boolean isTchar(byte b) {
		return TCHAR[b & 0xFF];
	}

		/**
	 * Whether {@code s} is a non-empty token (RFC 9110 section 5.6.2), as a method or header name must be.
	 * @param s the text
	 * @return {@code true} for a token
	 */
	public static boolean isToken(String s) {
		if (s == null || s.isEmpty()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch > 0x7E || !isTchar((byte) ch)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether {@code s} holds a space, a control character or a non-ASCII character: what cannot go into a
	 * request target unencoded.
	 * @param s the text
	 * @return {@code true} when such a character is present
	 */
	public static boolean hasControlOrSpace(String s) {
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch <= 0x20 || ch >= 0x7F) {
				return true;
			}
		}
		return false;
	}

/**
	 * Whether a byte is optional whitespace, OWS (RFC 9110 section 5.6.3).
	 * @param b the byte
	 * @return whether it is SP or HTAB
	 */
	public static boolean isOws(byte b) {
		return b == SP || b == HTAB;
	}

	/**
	 * Whether a byte is a control character other than HTAB: never allowed in a field value.
	 * @param b the byte
	 * @return whether it is a control character
	 */
	public static boolean isControl(byte b) {
		return (b >= 0 && b < 0x20 && b != HTAB) || b == 0x7F;
	}

	/**
	 * The value of a hexadecimal digit.
	 * @param b the byte
	 * @return 0-15, or -1 when the byte is not a hexadecimal digit
	 */
	public static int hexValue(byte b) {
		if (b >= '0' && b <= '9') {
			return b - '0';
		}
		if (b >= 'a' && b <= 'f') {
			return b - 'a' + 10;
		}
		if (b >= 'A' && b <= 'F') {
			return b - 'A' + 10;
		}
		return -1;
	}

	/**
	 * Decodes the {@code %XX} escape at {@code data[i]} (which holds {@code '%'}).
	 * @param data the bytes
	 * @param i the index of the {@code '%'}
	 * @param to the end of the valid bytes
	 * @return the decoded byte value, or -1 when the escape is cut short or not hexadecimal
	 */
	static int percentDecoded(byte[] data, int i, int to) {
		if (i + 2 >= to) {
			return -1;
		}
		int hi = hexValue(data[i + 1]);
		int lo = hexValue(data[i + 2]);
		return (hi < 0 || lo < 0) ? -1 : (hi << 4) | lo;
	}

	/** A byte in ASCII lower case; other bytes unchanged. */
	static int lower(byte b) {
		return (b >= 'A' && b <= 'Z') ? b + 32 : b;
	}

	/** Whether {@code data[off, off + len)} equals an ASCII string, ignoring ASCII case. */
	static boolean equalsIgnoreCase(byte[] data, int off, int len, String ascii) {
		if (len != ascii.length()) {
			return false;
		}
		for (int i = 0; i < len; i++) {
			char c = ascii.charAt(i);
			int expected = (c >= 'A' && c <= 'Z') ? c + 32 : c;
			if (lower(data[off + i]) != expected) {
				return false;
			}
		}
		return true;
	}

}
