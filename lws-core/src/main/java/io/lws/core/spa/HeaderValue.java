package io.lws.core.spa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header value of the shape {@code main; name=value; name="quoted value"}, as {@code Content-Type}
 * (RFC 9110 section 8.3.1) and {@code Content-Disposition} (RFC 6266 section 4.1, RFC 7578 section 4.2) share it.
 * <p>
 * The main value is lower-cased and must be a token, or two tokens joined by {@code /}. Parameter names are tokens,
 * lower-cased, and may not repeat: two {@code boundary} or two {@code filename} parameters would leave the reader
 * and the sender disagreeing on which counts. Values are tokens or quoted strings. In a quoted string a backslash
 * escapes only {@code "} and {@code \}; before anything else it is kept, because browsers do not escape backslashes
 * in file names (HTML's form encoding percent-encodes only {@code "}, CR and LF) and a Windows path must survive.
 * Percent-escapes are not decoded for the same reason: a browser leaves a literal {@code %} as it is.
 * @param main the value before the first {@code ;}, lower case
 * @param parameters the parameters by lower-case name, in the order sent
 */
record HeaderValue(String main, Map<String, String> parameters) {

	/**
	 * Parses a header value.
	 * @param text the value, without the header name
	 * @return the parsed value
	 * @throws IllegalArgumentException with one sentence naming the fault, if the value is malformed
	 */
	static HeaderValue parse(String text) {
		Cursor cursor = new Cursor(text);
		cursor.skipOws();
		String main = cursor.token(true).toLowerCase(Locale.ROOT);
		if (main.isEmpty()) {
			throw new IllegalArgumentException("The header value does not start with a token.");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		while (true) {
			cursor.skipOws();
			if (cursor.atEnd()) {
				return new HeaderValue(main, Collections.unmodifiableMap(parameters));
			}
			cursor.expect(';');
			cursor.skipOws();
			if (cursor.atEnd()) {
				// A trailing ';' is sent by some clients and harms nothing.
				continue;
			}
			String name = cursor.token(false).toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				throw new IllegalArgumentException("A header parameter has no name.");
			}
			cursor.skipOws();
			cursor.expect('=');
			cursor.skipOws();
			String value = cursor.peek('"') ? cursor.quoted() : cursor.token(false);
			if (parameters.putIfAbsent(name, value) != null) {
				throw new IllegalArgumentException("The header parameter \"" + name + "\" is repeated.");
			}
		}
	}

	/** Reads a header value left to right. */
	private static final class Cursor {

		private final String text;

		private int pos;

		Cursor(String text) {
			this.text = text;
		}

		boolean atEnd() {
			return this.pos == this.text.length();
		}

		boolean peek(char c) {
			return !atEnd() && this.text.charAt(this.pos) == c;
		}

		void skipOws() {
			while (peek(' ') || peek('\t')) {
				this.pos++;
			}
		}

		void expect(char c) {
			if (!peek(c)) {
				throw new IllegalArgumentException("The header value has " + found() + " where '" + c
						+ "' was expected.");
			}
			this.pos++;
		}

		/** A run of token characters, possibly empty; with {@code slash}, one {@code /} may join two tokens. */
		String token(boolean slash) {
			int start = this.pos;
			boolean slashSeen = false;
			while (!atEnd()) {
				char c = this.text.charAt(this.pos);
				if (slash && c == '/' && !slashSeen) {
					slashSeen = true;
				}
				else if (!FormChars.isTchar(c)) {
					break;
				}
				this.pos++;
			}
			return this.text.substring(start, this.pos);
		}

		/** A quoted string without its quotes, with {@code \"} and {@code \\} unescaped. */
		String quoted() {
			this.pos++;
			StringBuilder value = new StringBuilder();
			while (!atEnd()) {
				char c = this.text.charAt(this.pos++);
				if (c == '"') {
					return value.toString();
				}
				if (c == '\\' && (peek('"') || peek('\\'))) {
					c = this.text.charAt(this.pos++);
				}
				value.append(c);
			}
			throw new IllegalArgumentException("A quoted string in the header value is not closed.");
		}

		private String found() {
			return atEnd() ? "nothing" : "'" + this.text.charAt(this.pos) + "'";
		}

	}

}
