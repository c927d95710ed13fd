package io.lws.core.ext;

import java.util.Objects;

/**
 * One parameter an extension understands in a handshake: libwebsockets' {@code struct lws_ext_options}.
 *
 * @param name the parameter name, e.g. {@code server_no_context_takeover}
 * @param type what value it takes
 */
public record ExtensionOption(String name, ExtensionOptionType type) {

	/**
	 * Checks that both components are present.
	 * @param name the parameter name
	 * @param type what value it takes
	 */
	public ExtensionOption {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
	}

}
