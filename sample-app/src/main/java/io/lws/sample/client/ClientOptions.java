package io.lws.sample.client;

import java.util.ArrayList;
import java.util.List;

import io.lws.core.ClientConnectInfo;
import io.lws.core.log.LogLevel;

/**
 * The client mode's command line: {@code --client URL [--once] [--echo] [--multi-test] [--nomirror] [--justmirror]
 * [--longlived] [--post] [--form NAME=VALUE]... [--insecure|-k] [--timeout SECS] [-d BITS]}, with the C test client's
 * short forms. Options take their value as the next argument or after {@code =}. Combinations that contradict each
 * other are refused, as is a WebSocket option with an HTTP URL and the reverse.
 * @param url the target: {@code ws://}, {@code wss://}, {@code http://} or {@code https://}
 * @param once WebSocket only: stop after one round (each connection has done its part once: a number on every
 * dumb-increment connection, the mirror's own first circle back)
 * @param echo WebSocket only: the mirror echo test instead of the usual connections; it ends by itself
 * @param multiTest WebSocket only: three dumb-increment connections and no mirror, as the C client opens
 * @param noMirror WebSocket only: no mirror connection
 * @param justMirror WebSocket only: no dumb-increment connection, only the mirror
 * @param longLived WebSocket only: accepted for the C client's sake and changes nothing, since the mirror connection
 * has no lifetime to extend: it stays open until the run ends
 * @param post HTTP only: send a form POST instead of a GET
 * @param form the form's fields as {@code NAME=VALUE}, not yet encoded; the C test client's form when none is given
 * @param insecure accept a self-signed certificate whatever name it carries (the C test client's {@code --ssl})
 * @param timeoutSecs how long a bounded run ({@code --once} or HTTP) may take before it fails
 * @param logBits the {@code LLL_*} bits of the engine's log, which goes to stderr (the C client's {@code -d})
 */
record ClientOptions(String url, boolean once, boolean echo, boolean multiTest, boolean noMirror, boolean justMirror,
		boolean longLived, boolean post, List<String> form, boolean insecure, int timeoutSecs, int logBits) {

	/** The form {@code libwebsockets-test-client --post} sends. */
	static final List<String> TEST_CLIENT_FORM = List.of("text=hello", "send=Send the form");

	static final String USAGE = "Usage: java -jar lws-sample-app.jar --client ws[s]://HOST:PORT[/PATH] [--once] "
			+ "[--multi-test|-m] [--nomirror|-n | --justmirror|-j] [--longlived|-l]\n"
			+ "       java -jar lws-sample-app.jar --client ws[s]://HOST:PORT[/PATH] --echo|-e\n"
			+ "       java -jar lws-sample-app.jar --client http[s]://HOST:PORT/PATH [--post [--form NAME=VALUE]...]\n"
			+ "Options: --insecure|-k (accept a self-signed certificate), --timeout SECS (default 30, for --once, "
			+ "--echo and http), -d BITS (engine log bits to stderr, e.g. 15)";

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
		boolean echo = false;
		boolean multi = false;
		boolean noMirror = false;
		boolean justMirror = false;
		boolean longLived = false;
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
				case "--echo", "-e" -> echo = true;
				case "--multi-test", "-m" -> multi = true;
				case "--nomirror", "-n" -> noMirror = true;
				case "--justmirror", "-j" -> justMirror = true;
				case "--longlived", "-l" -> longLived = true;
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
		List<String> fields = form.isEmpty() ? TEST_CLIENT_FORM : List.copyOf(form);
		ClientOptions o = new ClientOptions(url, once, echo, multi, noMirror, justMirror, longLived,
				post || !form.isEmpty(), fields, insecure, timeout, bits);
		o.check();
		return o;
	}

	private void check() {
		ClientConnectInfo info = connectInfo();
		String webSocketOnly = webSocketOption();
		if (info.isHttp() && webSocketOnly != null) {
			throw new IllegalArgumentException(webSocketOnly + " is for ws:// and wss:// URLs"
					+ (this.once ? "; an HTTP request runs once anyway" : ""));
		}
		if (!info.isHttp() && this.post) {
			throw new IllegalArgumentException("--post and --form are for http:// and https:// URLs");
		}
		if (this.echo && this.once) {
			throw new IllegalArgumentException("--echo ends by itself when everything has come back; --once does not "
					+ "apply");
		}
		if (this.echo && (this.multiTest || this.noMirror || this.justMirror || this.longLived)) {
			throw new IllegalArgumentException("--echo opens only its own mirror connection: it takes no --multi-test, "
					+ "--nomirror, --justmirror or --longlived");
		}
		if (this.noMirror && this.justMirror) {
			throw new IllegalArgumentException("--nomirror and --justmirror exclude each other");
		}
		if (this.justMirror && this.multiTest) {
			throw new IllegalArgumentException("--multi-test opens three dumb-increment connections and --justmirror "
					+ "none");
		}
		if (this.longLived && (this.noMirror || this.multiTest || this.once)) {
			throw new IllegalArgumentException("--longlived is about a mirror connection that stays open, which "
					+ (this.once ? "--once closes after one round"
							: (this.noMirror ? "--nomirror" : "--multi-test") + " does not open"));
		}
	}

	/** The first WebSocket-only option given, or {@code null}. */
	private String webSocketOption() {
		String[] names = { "--once", "--echo", "--multi-test", "--nomirror", "--justmirror", "--longlived" };
		boolean[] given = { this.once, this.echo, this.multiTest, this.noMirror, this.justMirror, this.longLived };
		for (int i = 0; i < names.length; i++) {
			if (given[i]) {
				return names[i];
			}
		}
		return null;
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
