package io.lws.core.spa;

/**
 * Character classes for form bodies and their headers, tested on single bytes or chars: the token characters of
 * RFC 9110 section 5.6.2, the boundary characters of RFC 2046 section 5.1.1, and hexadecimal digits. The http
 * package has its own copy for request heads; this one stays private to the form parser so the two can evolve apart.
 */
final class FormChars {

	static final byte CR = '\r';

	static final byte LF = '\n';

	static final byte SP = ' ';

	static final byte HTAB = '\t';

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	/** bchars of RFC 2046 minus the space, which is allowed only inside a boundary. */
	private static final String BOUNDARY_SYMBOLS = "'()+_,-./:=?";

	private FormChars() {
	}

	/** Whether a char is a tchar (RFC 9110 section 5.6.2). */
	static boolean isTchar(char c) {
		return isAlnum(c) || TOKEN_SYMBOLS.indexOf(c) >= 0;
	}

	/** Whether a char may appear in a multipart boundary (RFC 2046 section 5.1.1 bchars, space included). */
	static boolean isBoundaryChar(char c) {
		return isAlnum(c) || c == ' ' || BOUNDARY_SYMBOLS.indexOf(c) >= 0;
	}

	private static boolean isAlnum(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
