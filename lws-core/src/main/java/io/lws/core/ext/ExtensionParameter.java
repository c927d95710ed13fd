package io.lws.core.ext;

import java.util.Objects;

/**
 * One parameter of an extension in a {@code Sec-WebSocket-Extensions} element (RFC 6455 section 9.1): a token with an
 * optional value, already unquoted.
 *
 * @param name the parameter name, as sent (compared exactly: RFC 7692 names are lower case)
 * @param value the value without quotes, or {@code null} when the parameter has none
 */
public record ExtensionParameter(String name, String value) {

	/**
	 * Checks that {@code name} is a token, and {@code value} too when there is one.
	 * @param name the parameter name, as sent
	 * @param value the value without quotes, or {@code null} when the parameter has none
	 */
	public ExtensionParameter {
		Objects.requireNonNull(name, "name");
		if (!ExtensionHeader.isToken(name)) {
			throw new IllegalArgumentException("Extension parameter name '" + name + "' is not a token");
		}
		if (value != null && !ExtensionHeader.isToken(value)) {
			throw new IllegalArgumentException("Extension parameter value '" + value + "' is not a token");
		}
	}

	/** A parameter without a value. */
	public static ExtensionParameter of(String name) {
		return new ExtensionParameter(name, null);
	}

	/** A parameter with a value. */
	public static ExtensionParameter of(String name, String value) {
		return new ExtensionParameter(name, value);
	}

	/** Whether the parameter has a value. */
	public boolean hasValue() {
		return this.value != null;
	}

	/** As written in a header: {@code name} or {@code name=value}. */
	@Override
	public String toString() {
		return (this.value != null) ? this.name + "=" + this.value : this.name;
	}

}
