package io.lws.core.spa;

/**
 * The {@code Content-Disposition} of a multipart/form-data part (RFC 7578 section 4.2): its field name, and the
 * file name when the part is a file. libwebsockets reads the same two parameters, into {@code content_disp} and
 * {@code content_disp_filename}.
 * <p>
 * A part is a file part when {@code filename} is present and not empty. Browsers send {@code filename=""} with an
 * empty body for a file input left empty; such a part is an ordinary field, as in libwebsockets, so no file event
 * is raised for a file that was never chosen. {@code filename*} (RFC 5987) is ignored: RFC 7578 section 4.2 says
 * senders must not use it.
 * @param name the {@code name} parameter
 * @param fileName the {@code filename} parameter, {@code null} when absent
 */
record ContentDisposition(String name, String fileName) {

	static final String NOT_FORM_DATA = "A part's Content-Disposition is not form-data.";

	static final String NO_NAME = "A part's Content-Disposition has no name.";

	/**
	 * Reads a {@code Content-Disposition} header value.
	 * @throws SpaException (400) when it is malformed, not {@code form-data}, or names no field
	 */
	static ContentDisposition parse(String value) throws SpaException {
		HeaderValue header;
		try {
			header = HeaderValue.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw SpaException.badRequest("A part's Content-Disposition is malformed.");
		}
		if (!header.main().equals("form-data")) {
			throw SpaException.badRequest(NOT_FORM_DATA);
		}
		String name = header.parameters().get("name");
		if (name == null) {
			throw SpaException.badRequest(NO_NAME);
		}
		return new ContentDisposition(name, header.parameters().get("filename"));
	}

	/** Whether the part is a file to stream to the listener rather than a value. */
	boolean isFile() {
		return this.fileName != null && !this.fileName.isEmpty();
	}

}
