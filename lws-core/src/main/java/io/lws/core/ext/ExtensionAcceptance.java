package io.lws.core.ext;

import java.util.List;
import java.util.Objects;

/**
 * A server extension's answer to an offer it accepts: the per-connection state it made and the parameters of its
 * response element.
 *
 * @param <S> the extension's per-connection state type
 * @param session the per-connection state (libwebsockets' per-extension {@code user} allocation)
 * @param response the parameters to send back after the extension's name, in order
 */
public record ExtensionAcceptance<S>(S session, List<ExtensionParameter> response) {

	/**
	 * Checks that there is a session and copies {@code response}.
	 * @param session the per-connection state
	 * @param response the parameters to send back after the extension's name, in order
	 */
	public ExtensionAcceptance {
		Objects.requireNonNull(session, "session");
		response = List.copyOf(response);
	}

}
