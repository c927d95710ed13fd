package io.lws.core.ext;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the value of {@code Sec-WebSocket-Extensions} (RFC 6455 section 9.1):
 *
 * <pre>
 * extension-list  = 1#extension
 * extension       = extension-token *( ";" extension-param )
 * extension-param = token [ "=" ( token | quoted-string ) ]
 * </pre>
 *
 * with optional whitespace around the separators, empty list elements ignored (RFC 7230 section 7), and a quoted
 * value unescaped and then required to be a token, as section 9.1 says. Several header lines are one list joined
 * with commas.
 */
public final class ExtensionHeader {

	private ExtensionHeader() {
	}

	/**
	 * Parses a header value into its elements, in order.
	 * @param value the header value (several header lines joined with {@code ,}); {@code null} or blank gives an
	 * empty list
	 * @return the elements
	 * @throws IllegalArgumentException with a one-sentence reason if the value breaks the grammar
	 */
	public static List<ExtensionOffer> parse(String value) {
		List<ExtensionOffer> offers = new ArrayList<>();
		if (value == null) {
			return offers;
		}
		Cursor c = new Cursor(value);
		while (true) {
			c.skipSpace();
			if (c.atEnd()) {
				return offers;
			}
			if (c.peek() == ',') {
				// an empty list element
				c.pos++;
				continue;
			}
			String name = c.token("an extension name");
			List<ExtensionParameter> params = new ArrayList<>();
			c.skipSpace();
			while (!c.atEnd() && c.peek() == ';') {
				c.pos++;
				c.skipSpace();
				String pname = c.token("a parameter name after ';'");
				String pvalue = null;
				c.skipSpace();
				if (!c.atEnd() && c.peek() == '=') {
					c.pos++;
					c.skipSpace();
					pvalue = (!c.atEnd() && c.peek() == '"') ? c.quotedToken() : c.token("a value after '='");
					c.skipSpace();
				}
				params.add(new ExtensionParameter(pname, pvalue));
			}
			offers.add(new ExtensionOffer(name, params));
			if (c.atEnd()) {
				return offers;
			}
			if (c.peek() != ',') {
				throw new IllegalArgumentException("Sec-WebSocket-Extensions has '" + c.peek() + "' at position "
						+ c.pos + " where ',' or ';' was expected");
			}
			c.pos++;
		}
	}

	/** Writes elements as a header value: {@code a; p=1, b}. */
	public static String format(List<ExtensionOffer> elements) {
		StringBuilder s = new StringBuilder();
		for (ExtensionOffer e : elements) {
			if (s.length() > 0) {
				s.append(", ");
			}
			s.append(e);
		}
		return s.toString();
	}

	/** Whether {@code s} is a non-empty HTTP token (RFC 7230 section 3.2.6). */
	public static boolean isToken(String s) {
		if (s == null || s.isEmpty()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (!isTokenChar(s.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	static boolean isTokenChar(char c) {
		return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
	}

	/** A position in the header value. */
	private static final class Cursor {

		final String s;

		int pos;

		Cursor(String s) {
			this.s = s;
		}

		boolean atEnd() {
			return this.pos >= this.s.length();
		}

		char peek() {
			return this.s.charAt(this.pos);
		}

		void skipSpace() {
			while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
				this.pos++;
			}
		}

		String token(String what) {
			int start = this.pos;
			while (!atEnd() && isTokenChar(peek())) {
				this.pos++;
			}
			if (start == this.pos) {
				throw new IllegalArgumentException("Sec-WebSocket-Extensions has no " + what + " at position " + start);
			}
			return this.s.substring(start, this.pos);
		}

		String quotedToken() {
			int start = this.pos;
			this.pos++;
			StringBuilder v = new StringBuilder();
			while (true) {
				if (atEnd()) {
					throw new IllegalArgumentException(
							"Sec-WebSocket-Extensions has a quoted value at position " + start + " that never ends");
				}
				char c = this.s.charAt(this.pos++);
				if (c == '"') {
					break;
				}
				if (c == '\\') {
					if (atEnd()) {
						throw new IllegalArgumentException("Sec-WebSocket-Extensions ends inside a quoted value");
					}
					c = this.s.charAt(this.pos++);
				}
				v.append(c);
			}
			String value = v.toString();
			if (!isToken(value)) {
				throw new IllegalArgumentException("Sec-WebSocket-Extensions has a quoted value at position " + start
						+ " that is not a token once unquoted (RFC 6455 section 9.1)");
			}
			return value;
		}

	}

}
