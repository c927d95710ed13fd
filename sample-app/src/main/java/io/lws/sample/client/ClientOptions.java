package io.lws.sample.client;

import java.util.ArrayList;
import java.util.List;

import io.lws.core.ClientConnectInfo;
import io.lws.core.log.LogLevel;

/**
 * The client mode's command line: {@code --client URL [--once] [--post] [--form NAME=VALUE]... [--insecure|-k]
 * [--timeout SECS] [-d BITS]}. Options take their value as the next argument or after {@code =}.
 * @param url the target: {@code ws://}, {@code wss://}, {@code http://} or {@code https://}
 * @param once WebSocket only: stop after one round (an increment and the first circle back from the mirror)
 * @param post HTTP only: send a form POST instead of a GET
 * @param form the form's fields as {@code NAME=VALUE}, not yet encoded; the C test client's form when none is given
 * @param insecure accept a self-signed certificate whatever name it carries (the C test client's {@code --ssl})
 * @param timeoutSecs how long a bounded run ({@code --once} or HTTP) may take before it fails
 * @param logBits the {@code LLL_*} bits of the engine's log, which goes to stderr (the C client's {@code -d})
 */
record ClientOptions(String url, boolean once, boolean post, List<String> form, boolean insecure, int timeoutSecs,
		int logBits) {

	/** The form {@code libwebsockets-test-client --post} sends. */
	static final List<String> TEST_CLIENT_FORM = List.of("text=hello", "send=Send the form");

	static final String USAGE = "Usage: java -jar lws-sample-app.jar --client ws[s]://HOST:PORT[/PATH] [--once]\n"
			+ "       java -jar lws-sample-app.jar --client http[s]://HOST:PORT/PATH [--post [--form NAME=VALUE]...]\n"
			+ "Options: --insecure|-k (accept a self-signed certificate), --timeout SECS (default 30, for --once and "
			+ "http), -d BITS (engine log bits to stderr, e.g. 15)";

	/** Whether {@code args} ask for client mode at all. */
	static boolean requested(String[] args) {
		for (String a : args) {
			if (a.equals("--client") || a.startsWith("--client=")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parses the arguments.
	 * @throws IllegalArgumentException with a one-sentence reason for anything not understood
	 */
	static ClientOptions parse(String[] args) {
		String url = null;
		boolean once = false;
		boolean post = false;
		boolean insecure = false;
		int timeout = 30;
		int bits = LogLevel.ERR.bit() | LogLevel.WARN.bit();
		List<String> form = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			int eq = arg.indexOf('=');
			boolean inlineValue = arg.startsWith("--") && eq > 0;
			String name = inlineValue ? arg.substring(0, eq) : arg;
			String inline = inlineValue ? arg.substring(eq + 1) : null;
			switch (name) {
				case "--client" -> url = (inline != null) ? inline : value(args, ++i, name);
				case "--once", "-O" -> once = true;
				case "--post", "-o" -> post = true;
				case "--insecure", "-k" -> insecure = true;
				case "--form" -> form.add(field((inline != null) ? inline : value(args, ++i, name)));
				case "--timeout" -> timeout = number((inline != null) ? inline : value(args, ++i, name), name, 1);
				case "-d", "--debug" -> bits = number((inline != null) ? inline : value(args, ++i, name), name, 0);
				default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
			}
		}
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("--client needs a URL");
		}
		ClientOptions o = new ClientOptions(url, once, post || !form.isEmpty(),
				form.isEmpty() ? TEST_CLIENT_FORM : List.copyOf(form), insecure, timeout, bits);
		o.check();
		return o;
	}

	private void check() {
		ClientConnectInfo info = connectInfo();
		if (info.isHttp() && this.once) {
			throw new IllegalArgumentException("--once is for ws:// and wss:// URLs; an HTTP request runs once anyway");
		}
		if (!info.isHttp() && this.post) {
			throw new IllegalArgumentException("--post and --form are for http:// and https:// URLs");
		}
	}

	/**
	 * The target as {@code lws_client_connect_info}: TLS for {@code wss}/{@code https} ({@code ssl_connection} 1, or
	 * with {@code --insecure} self-signed allowed and the name not checked, as {@code ssl_connection} 2 was in lws v2).
	 * @throws IllegalArgumentException when the URL cannot be parsed or has another scheme
	 */
	ClientConnectInfo connectInfo() {
		ClientConnectInfo.Builder b = ClientConnectInfo.forUri(this.url);
		ClientConnectInfo plain = b.build();
		if (plain.ssl() && this.insecure) {
			b.sslConnection(ClientConnectInfo.USE_SSL | ClientConnectInfo.ALLOW_SELFSIGNED
					| ClientConnectInfo.SKIP_SERVER_CERT_HOSTNAME_CHECK);
		}
		if (plain.isHttp() && this.post) {
			b.method("POST");
		}
		return b.build();
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

	private static String field(String nameValue) {
		if (nameValue.indexOf('=') <= 0) {
			throw new IllegalArgumentException("--form takes NAME=VALUE, not '" + nameValue + "'");
		}
		return nameValue;
	}

	private static int number(String text, String option, int min) {
		try {
			int n = Integer.parseInt(text.trim());
			if (n >= min) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " takes a number of at least " + min + ", not '" + text + "'");
	}

}
