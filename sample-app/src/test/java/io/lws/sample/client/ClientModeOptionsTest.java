package io.lws.sample.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.lws.core.ClientConnectInfo;
import io.lws.core.LwsProtocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The C test client's WebSocket options, without a server: which connections each command line opens
 * ({@link WebSocketPlan}), the combinations refused with exit status 2, and the echo test's mirror instance.
 */
class ClientModeOptionsTest {

	private static final String URL = "ws://127.0.0.1:7681";

	@Test
	void eachOptionOpensTheConnectionsItSays() {
		assertThat(plan()).containsExactly("dumb-increment-protocol /", "lws-mirror-protocol /");
		assertThat(plan("--multi-test")).containsExactly("dumb-increment-protocol /", "dumb-increment-protocol /",
				"dumb-increment-protocol /");
		assertThat(plan("-m", "-n")).isEqualTo(plan("-m"));
		assertThat(plan("--nomirror")).containsExactly("dumb-increment-protocol /");
		assertThat(plan("--justmirror")).containsExactly("lws-mirror-protocol /");
		assertThat(plan("--echo")).singleElement()
			.asString()
			.matches("lws-mirror-protocol /\\?mirror=echo-[0-9a-f]{8}");
	}

	@Test
	void longlivedIsAcceptedAndChangesNothing() {
		assertThat(ClientOptions.parse(new String[] { "--client", URL, "--longlived" }).longLived()).isTrue();
		assertThat(plan("-l")).isEqualTo(plan());
		assertThat(plan("-l", "-j")).isEqualTo(plan("-j"));
	}

	@Test
	void theEchoProtocolTakesTextAsSentAndThePlainOnesValidateIt() {
		WebSocketPlan echo = WebSocketPlan.of(options("--echo"), target(), run(), new SplittableRandom(1));
		assertThat(echo.protocols()).singleElement().satisfies((p) -> {
			assertThat(p.validatesUtf8()).isFalse();
			assertThat(p.wholeMessageLimit()).isZero();
		});
		WebSocketPlan plain = WebSocketPlan.of(options(), target(), run(), new SplittableRandom(1));
		assertThat(plain.protocols()).extracting(LwsProtocol::validatesUtf8).containsOnly(true);
		assertThat(plain.protocols()).extracting(LwsProtocol::wholeMessageLimit)
			.containsOnly(WebSocketClientProtocol.MAX_MESSAGE);
	}

	@Test
	void combinationsThatMakeNoSenseExitTwoSayingWhy() throws Exception {
		String http = "http://127.0.0.1:7681/";
		// the reason expected, then the command line after --client
		String[][] bad = { { "--echo ends by itself", URL, "--echo", "--once" },
				{ "--echo opens only its own mirror connection", URL, "-e", "-m" },
				{ "--echo opens only its own mirror connection", URL, "-e", "--nomirror" },
				{ "--echo opens only its own mirror connection", URL, "--justmirror", "--echo" },
				{ "--echo opens only its own mirror connection", URL, "-e", "-l" },
				{ "--nomirror and --justmirror exclude each other", URL, "-n", "-j" },
				{ "--multi-test opens three dumb-increment connections and --justmirror none", URL, "-j", "-m" },
				{ "which --nomirror does not open", URL, "--longlived", "--nomirror" },
				{ "which --multi-test does not open", URL, "-l", "-m" },
				{ "which --once closes after one round", URL, "-l", "-O" },
				{ "--echo is for ws:// and wss:// URLs", http, "--echo" },
				{ "--multi-test is for ws:// and wss:// URLs", http, "-m" },
				{ "--nomirror is for ws:// and wss:// URLs", http, "-n" },
				{ "--justmirror is for ws:// and wss:// URLs", http, "--justmirror" },
				{ "--longlived is for ws:// and wss:// URLs", http, "-l" },
				{ "--once is for ws:// and wss:// URLs; an HTTP request runs once anyway", http, "--once", "-e" } };
		for (String[] line : bad) {
			String[] args = new String[line.length];
			args[0] = "--client";
			System.arraycopy(line, 1, args, 1, line.length - 1);
			ClientModeRun r = ClientModeRun.inJvm(args);
			assertThat(r.exitCode()).as(r.all()).isEqualTo(ClientMode.USAGE);
			assertThat(r.err()).as(r.all())
				.startsWith("lws-sample-app --client: ")
				.contains(line[0])
				.contains("Usage: ");
			assertThat(r.out()).isEmpty();
		}
	}

	@Test
	void theEchoJoinsAMirrorInstanceOfItsOwnUnlessTheUrlNamesOne() {
		SplittableRandom random = new SplittableRandom(7);
		assertThat(MirrorInstance.ownUnlessNamed("/", random)).matches("/\\?mirror=echo-[0-9a-f]{8}");
		assertThat(MirrorInstance.ownUnlessNamed("/x?a=1", random)).matches("/x\\?a=1&mirror=echo-[0-9a-f]{8}");
		assertThat(MirrorInstance.ownUnlessNamed("/x?", random)).matches("/x\\?mirror=echo-[0-9a-f]{8}");
		assertThat(MirrorInstance.ownUnlessNamed("/?mirror=mine", random)).isEqualTo("/?mirror=mine");
		assertThat(MirrorInstance.ownUnlessNamed("/?a=1&mirror=", random)).isEqualTo("/?a=1&mirror=");
		assertThat(MirrorInstance.ownUnlessNamed("/?mirrors=1", random)).matches("/\\?mirrors=1&mirror=echo-.*");
		assertThat(MirrorInstance.ownUnlessNamed("/", random)).isNotEqualTo(MirrorInstance.ownUnlessNamed("/", random));
	}

	/** The connections {@code --client URL options} opens, as {@code PROTOCOL PATH}. */
	private static List<String> plan(String... options) {
		return WebSocketPlan.of(options(options), target(), run(), new SplittableRandom(1))
			.connections()
			.stream()
			.map((c) -> c.protocol() + " " + c.path())
			.toList();
	}

	private static ClientOptions options(String... options) {
		String[] args = new String[options.length + 2];
		args[0] = "--client";
		args[1] = URL;
		System.arraycopy(options, 0, args, 2, options.length);
		return ClientOptions.parse(args);
	}

	private static ClientConnectInfo target() {
		return options().connectInfo();
	}

	private static WebSocketRun run() {
		return new WebSocketRun(new Outcome(), new PrintStream(new ByteArrayOutputStream(), true,
				StandardCharsets.UTF_8), false);
	}

}
