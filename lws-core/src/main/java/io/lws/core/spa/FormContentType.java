package io.lws.core.spa;

/**
 * The {@code Content-Type} of a form body: which of the two encodings of HTML forms it is, and the boundary of a
 * multipart one. libwebsockets' {@code lws_spa_create()} makes the same choice by looking for
 * {@code multipart/form-data} and its {@code boundary=}; here the header is parsed properly (RFC 9110 section 8.3,
 * RFC 7578 section 4.1, RFC 2046 section 5.1.1), so a quoted boundary works and a malformed one is refused up front.
 * @param multipart whether the body is {@code multipart/form-data}, rather than
 * {@code application/x-www-form-urlencoded}
 * @param boundary the multipart boundary, without the leading {@code --}; {@code null} for urlencoded
 */
record FormContentType(boolean multipart, String boundary) {

	static final String URLENCODED = "application/x-www-form-urlencoded";

	static final String MULTIPART = "multipart/form-data";

	/** RFC 2046 section 5.1.1: a boundary has 1 to 70 characters. */
	static final int MAX_BOUNDARY_LENGTH = 70;

	/**
	 * Reads a {@code Content-Type} header value.
	 * @param contentType the value as received
	 * @return what it says
	 * @throws IllegalArgumentException with a sentence naming the fault, if it is absent, malformed, not one of the
	 * two form types, or multipart without a valid boundary
	 */
	static FormContentType parse(String contentType) {
		if (contentType == null) {
			throw new IllegalArgumentException("The request has no Content-Type, so its body is not a form.");
		}
		HeaderValue value;
		try {
			value = HeaderValue.parse(contentType);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The Content-Type \"" + contentType + "\" is malformed: "
					+ ex.getMessage(), ex);
		}
		if (value.main().equals(URLENCODED)) {
			// A charset parameter is ignored: browsers send none, and values are read as UTF-8 regardless.
			return new FormContentType(false, null);
		}
		if (!value.main().equals(MULTIPART)) {
			throw new IllegalArgumentException("The Content-Type \"" + value.main() + "\" is not a form: expected "
					+ URLENCODED + " or " + MULTIPART + ".");
		}
		String boundary = value.parameters().get("boundary");
		if (boundary == null) {
			throw new IllegalArgumentException("The multipart/form-data Content-Type has no boundary parameter.");
		}
		checkBoundary(boundary);
		return new FormContentType(true, boundary);
	}

	/**
	 * Whether a {@code Content-Type} header value is one {@link #parse(String)} accepts.
	 * @param contentType the value, or {@code null}
	 * @return {@code true} for urlencoded, or multipart with a valid boundary
	 */
	static boolean isForm(String contentType) {
		try {
			parse(contentType);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Refuses a boundary RFC 2046 does not allow. This matters beyond pedantry: the boundary scanner relies on a
	 * boundary never holding CR or LF.
	 */
	private static void checkBoundary(String boundary) {
		if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
			throw new IllegalArgumentException("The multipart boundary must have 1 to " + MAX_BOUNDARY_LENGTH
					+ " characters but has " + boundary.length() + ".");
		}
		for (int i = 0; i < boundary.length(); i++) {
			if (!FormChars.isBoundaryChar(boundary.charAt(i))) {
				throw new IllegalArgumentException("The multipart boundary holds the character U+"
						+ String.format("%04X", (int) boundary.charAt(i)) + ", which RFC 2046 does not allow.");
			}
		}
		if (boundary.endsWith(" ")) {
			throw new IllegalArgumentException("The multipart boundary ends with a space, which RFC 2046 forbids.");
		}
	}

}
