package io.lws.core.ext;

/** What value an extension option takes: libwebsockets' {@code enum lws_ext_options_types}. */
public enum ExtensionOptionType {

	/** {@code EXTARG_NONE}: no value ({@code server_no_context_takeover}). */
	NONE,
	/** {@code EXTARG_DEC}: a decimal value is required ({@code server_max_window_bits=10}). */
	DEC,
	/** {@code EXTARG_OPT_DEC}: a decimal value may be given ({@code client_max_window_bits} or {@code =10}). */
	OPT_DEC;

	/**
	 * Whether {@code value} (null when the parameter had none) fits this type. A decimal is 1 to 9 digits without a
	 * leading zero, as RFC 7692 writes window sizes.
	 */
	public boolean accepts(String value) {
		return switch (this) {
			case NONE -> value == null;
			case DEC -> isDecimal(value);
			case OPT_DEC -> value == null || isDecimal(value);
		};
	}

	private static boolean isDecimal(String value) {
		if (value == null || value.isEmpty() || value.length() > 9 || (value.length() > 1 && value.charAt(0) == '0')) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
