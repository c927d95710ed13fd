package io.lws.sample.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;

import io.lws.core.support.PeerProcess;
import io.lws.core.support.WsTestClient;
import io.lws.sample.SampleApplication;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client mode ({@code --client URL}) against the whole sample app, run in this JVM: the WebSocket round of
 * {@code libwebsockets-test-client} with its connection options, its mirror echo test, an HTTP GET and form POST, and
 * the exit status of failures.
 */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientModeTest {

	/** A circle as the mirror relays it back. */
	static final String CIRCLE_LINE = "(?m)^lws-mirror-protocol: c #[0-9a-f]{6} \\d{1,3} \\d{1,3} \\d{1,2};$";

	@LocalLwsPort
	int port;

	@Test
	void onceGetsIncrementsAndItsOwnCircleBackThenExitsZero() throws Exception {
		ClientModeRun r = ClientModeRun.inJvm("--client", "ws://127.0.0.1:" + this.port, "--once");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).contains("dumb-increment-protocol: established", "lws-mirror-protocol: established",
				"dumb-increment-protocol: 0\n");
		assertThat(r.out()).containsPattern(CIRCLE_LINE).containsPattern("(?m)^done: \\d+ increments, 1 circles");
		assertThat(r.err()).isEmpty();
	}

	@Test
	void multiTestCountsOnThreeConnections() throws Exception {
		ClientModeRun r = ClientModeRun.inJvm("--client", "ws://127.0.0.1:" + this.port, "--multi-test", "--once");
		assertThat(r.exitCode()).as(r.all()).isZero();
		for (int i = 1; i <= 3; i++) {
			assertThat(r.out()).contains("dumb-increment-protocol[" + i + "]: established",
					"dumb-increment-protocol[" + i + "]: 0\n");
		}
		assertThat(r.out())
			.doesNotContain("dumb-increment-protocol: ", "dumb-increment-protocol[4]", "lws-mirror-protocol")
			.containsPattern("(?m)^done: \\d+ increments, 0 circles mirrored back$");
		assertThat(r.err()).isEmpty();
	}

	@Test
	void nomirrorAndJustmirrorOpenOnlyWhatTheySay() throws Exception {
		ClientModeRun r = ClientModeRun.inJvm("--client", "ws://127.0.0.1:" + this.port, "--nomirror", "--once");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).contains("dumb-increment-protocol: established", "dumb-increment-protocol: 0\n")
			.doesNotContain("lws-mirror-protocol")
			.containsPattern("(?m)^done: \\d+ increments, 0 circles mirrored back$");

		r = ClientModeRun.inJvm("--client", "ws://127.0.0.1:" + this.port, "--justmirror", "--once");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).contains("lws-mirror-protocol: established")
			.containsPattern(CIRCLE_LINE)
			.doesNotContain("dumb-increment-protocol")
			.containsPattern("(?m)^done: 0 increments, 1 circles mirrored back$");
	}

	@Test
	void echoGetsEveryByteBackThroughTheSampleMirrorThenExitsZero() throws Exception {
		ClientModeRun r = ClientModeRun.inJvm("--client", "ws://127.0.0.1:" + this.port, "--echo");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).isEqualTo("lws-mirror-protocol: established\nsend completed: 1024 x 12288\n"
				+ "Everything received: errs 0\n");
		assertThat(r.err()).isEmpty();
	}

	@Test
	void echoIsNotDisturbedByAnotherMemberOfTheDefaultMirror() throws Exception {
		AtomicBoolean echoing = new AtomicBoolean(true);
		AtomicInteger drawn = new AtomicInteger();
		try (WsTestClient member = WsTestClient.connect(this.port, "/", MirrorClient.NAME)) {
			Thread drawing = new Thread(() -> {
				try {
					while (echoing.get()) {
						member.sendText(new Circle(0xff0000, 1, 2, 3).message());
						drawn.incrementAndGet();
						Thread.sleep(2);
					}
				}
				catch (IOException | InterruptedException ex) {
					// the test fails on the count below
				}
			}, "mirror-member");
			drawing.start();
			ClientModeRun r;
			try {
				r = ClientModeRun.inJvm("--client", "ws://127.0.0.1:" + this.port, "--echo");
			}
			finally {
				echoing.set(false);
				drawing.join(5000);
			}
			assertThat(r.exitCode()).as(r.all()).isZero();
			assertThat(r.out()).contains("Everything received: errs 0");
			// the member drew in the default instance all along, and saw its own circles back
			assertThat(drawn.get()).isGreaterThan(10);
			assertThat(member.readMessage().text()).isEqualTo("c #ff0000 1 2 3;");
		}
	}

	@Test
	void getPrintsTheStatusAndTheBody() throws Exception {
		ClientModeRun r = ClientModeRun.inJvm("--client", "http://127.0.0.1:" + this.port + "/");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).startsWith("HTTP 200\n").contains("<html");
	}

	@Test
	void postSendsTheTestClientsFormOrTheGivenFieldsUrlencoded() throws Exception {
		ClientModeRun r = ClientModeRun.inJvm("--client", "http://127.0.0.1:" + this.port + "/formtest", "--post");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).startsWith("HTTP 200\n")
			.contains("<tr><td><b>text</b></td><td>5</td><td>hello</td></tr>")
			.contains("<tr><td><b>send</b></td><td>13</td><td>Send the form</td></tr>");

		r = ClientModeRun.inJvm("--client=http://127.0.0.1:" + this.port + "/formtest", "--form", "text=1+1=2 & 100%");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).contains("<td><b>text</b></td><td>12</td>");
	}

	@Test
	void aStatusOtherThan2xxPrintsItAndExitsOne() throws Exception {
		ClientModeRun r = ClientModeRun.inJvm("--client", "http://127.0.0.1:" + this.port + "/no-such-file");
		assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
		assertThat(r.out()).startsWith("HTTP 404\n");
		assertThat(r.err()).contains("failed: the server answered HTTP 404");
	}

	@Test
	void aRefusedConnectionExitsOneSayingWhy() throws Exception {
		int refused = PeerProcess.freePort();
		for (String scheme : new String[] { "ws", "http" }) {
			ClientModeRun r = ClientModeRun.inJvm("--client", scheme + "://127.0.0.1:" + refused, "--timeout", "20");
			assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
			assertThat(r.err()).contains("connect failed to 127.0.0.1:" + refused).containsIgnoringCase("refused");
		}
	}

	@Test
	void aBadCommandLineExitsTwoWithTheUsage() throws Exception {
		String[][] bad = { { "--client" }, { "--client", "ftp://127.0.0.1/" }, { "--client", "ws://h:99999" },
				{ "--client", "ws://h", "--post" }, { "--client", "http://h/", "--once" },
				{ "--client", "ws://h", "--timeout", "soon" }, { "--client", "http://h/", "--form", "novalue" },
				{ "--client", "ws://h", "--frobnicate" } };
		for (String[] args : bad) {
			ClientModeRun r = ClientModeRun.inJvm(args);
			assertThat(r.exitCode()).as(r.all()).isEqualTo(ClientMode.USAGE);
			assertThat(r.err()).startsWith("lws-sample-app --client: ").contains("Usage: ");
			assertThat(r.out()).isEmpty();
		}
	}

}
