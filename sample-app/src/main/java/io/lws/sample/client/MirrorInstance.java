package io.lws.sample.client;

import java.util.random.RandomGenerator;

/**
 * The mirror instance of the echo test. The mirror relays every message to every member of an instance, so another
 * member (a browser on the test page, another client) would mix its messages into the echoed bytes; the test
 * therefore joins an instance of its own, {@code ?mirror=echo-XXXXXXXX}, unless the URL names one (then the caller
 * chose, and answers for its other members). The C test client uses the URL as given, the default instance for
 * {@code ws://host:port}.
 */
final class MirrorInstance {

	/** The URL argument that chooses the instance ({@code lws_get_urlarg_by_name(wsi, "mirror", ...)}). */
	static final String ARG = "mirror";

	private MirrorInstance() {
	}

	/** {@code path} with an instance of its own added to its query, or unchanged when it names an instance. */
	static String ownUnlessNamed(String path, RandomGenerator random) {
		int q = path.indexOf('?');
		if (q >= 0) {
			for (String arg : path.substring(q + 1).split("&")) {
				if (arg.equals(ARG) || arg.startsWith(ARG + "=")) {
					return path;
				}
			}
		}
		// short: libwebsockets' mirror takes names of up to 29 characters
		String name = String.format("echo-%08x", random.nextInt());
		return path + ((q < 0) ? "?" : (path.endsWith("?") || path.endsWith("&")) ? "" : "&") + ARG + "=" + name;
	}

}
