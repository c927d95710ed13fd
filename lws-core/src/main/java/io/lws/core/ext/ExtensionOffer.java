package io.lws.core.ext;

import java.util.List;
import java.util.Objects;

/**
 * One element of a {@code Sec-WebSocket-Extensions} header: an extension name and its parameters, in order. In a
 * client's header each element is one offer (a client may offer the same extension several times with different
 * parameters, preferred first); in a server's, each is an accepted extension with its response parameters.
 *
 * @param name the extension token, e.g. {@code permessage-deflate}
 * @param parameters its parameters in the order written
 */
public record ExtensionOffer(String name, List<ExtensionParameter> parameters) {

	/**
	 * Checks that {@code name} is a token and copies {@code parameters}.
	 * @param name the extension token
	 * @param parameters its parameters in the order written
	 */
	public ExtensionOffer {
		Objects.requireNonNull(name, "name");
		if (!ExtensionHeader.isToken(name)) {
			throw new IllegalArgumentException("Extension name '" + name + "' is not a token");
		}
		parameters = List.copyOf(parameters);
	}

	/** An element with the given parameters. */
	public static ExtensionOffer of(String name, ExtensionParameter... parameters) {
		return new ExtensionOffer(name, List.of(parameters));
	}

	/** The first parameter called {@code parameterName}, or {@code null}. */
	public ExtensionParameter parameter(String parameterName) {
		for (ExtensionParameter p : this.parameters) {
			if (p.name().equals(parameterName)) {
				return p;
			}
		}
		return null;
	}

	/** As written in a header: {@code name; p1; p2=v}. */
	@Override
	public String toString() {
		StringBuilder s = new StringBuilder(this.name);
		for (ExtensionParameter p : this.parameters) {
			s.append("; ").append(p);
		}
		return s.toString();
	}

}
