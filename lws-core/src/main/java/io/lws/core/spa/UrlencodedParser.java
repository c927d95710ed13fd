package io.lws.core.spa;

import java.nio.ByteBuffer;

import io.lws.core.http.HttpChars;

/**
 * Reads an {@code application/x-www-form-urlencoded} body (the WHATWG URL standard's form encoding, as HTML forms
 * send it) into a {@link ValueStore}: libwebsockets' {@code lws_urldecode_s_process()}.
 * <p>
 * Pairs are separated by {@code &}; a pair is {@code name=value} or, with no {@code =}, a name with an empty value;
 * empty pairs are skipped. In names and values {@code +} is a space and {@code %XX} the byte XX, split across
 * pieces of input at any point. A {@code %} not followed by two hexadecimal digits refuses the body, even in a pair
 * that is not kept: a client that cannot encode is better told than half understood. Names are compared as decoded
 * bytes and only kept up to the longest asked-for name, since a longer one cannot match, so nothing here grows with
 * the input.
 */
final class UrlencodedParser implements BodyParser {

	static final String BAD_ESCAPE = "The form body has a '%' that is not followed by two hexadecimal digits.";

	private final ParamNames names;

	private final ValueStore store;

	/** The decoded name of the pair being read, up to one byte more than the longest name asked for. */
	private final byte[] name;

	private int nameLength;

	/** Whether the pair is still in its name, before any {@code =}. */
	private boolean inName = true;

	/** Whether the value being read is kept. */
	private boolean keeping;

	/** How many hex digits of a {@code %} escape are still expected: 0, 1 or 2. */
	private int escapeDigits;

	/** The first digit's value while the second is expected. */
	private int escapeHigh;

	UrlencodedParser(ParamNames names, ValueStore store) {
		this.names = names;
		this.store = store;
		this.name = new byte[names.maxUtf8Length() + 1];
	}

	@Override
	public void process(ByteBuffer body) throws SpaException {
		while (body.hasRemaining()) {
			byte b = body.get();
			if (this.escapeDigits > 0) {
				escapeDigit(b);
			}
			else if (b == '%') {
				this.escapeDigits = 2;
			}
			else if (b == '&') {
				endPair();
			}
			else if (b == '=' && this.inName) {
				startValue();
			}
			else {
				decoded((b == '+') ? FormChars.SP : b);
			}
		}
	}

	private void escapeDigit(byte b) throws SpaException {
		int digit = HttpChars.hexValue(b);
		if (digit < 0) {
			throw SpaException.badRequest(BAD_ESCAPE);
		}
		if (--this.escapeDigits == 1) {
			this.escapeHigh = digit;
		}
		else {
			// A decoded '&', '=' or '+' is data, never a separator: it goes straight to the name or value.
			decoded((byte) ((this.escapeHigh << 4) | digit));
		}
	}

	private void decoded(byte b) {
		if (this.inName) {
			// One byte past the longest name is enough to know this name matches none.
			if (this.nameLength < this.name.length) {
				this.name[this.nameLength++] = b;
			}
		}
		else if (this.keeping) {
			this.store.append(b);
		}
	}

	private void startValue() {
		this.inName = false;
		int index = this.names.indexOf(this.name, this.nameLength);
		this.keeping = index >= 0 && this.store.open(index);
	}

	private void endPair() {
		if (this.inName && this.nameLength > 0) {
			// "name" without '=' is the name with an empty value.
			startValue();
		}
		if (this.keeping) {
			this.store.close();
			this.keeping = false;
		}
		this.inName = true;
		this.nameLength = 0;
	}

	@Override
	public void finish() throws SpaException {
		if (this.escapeDigits > 0) {
			throw SpaException.badRequest(BAD_ESCAPE);
		}
		endPair();
	}

	@Override
	public void abort() {
		// No files in a urlencoded body, so nobody to tell.
	}

	@Override
	public int pendingBytes() {
		return this.nameLength;
	}

}
