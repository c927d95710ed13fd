package io.lws.sample.client;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.support.PeerProcess;
import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real command, {@code SampleApplication.main} with {@code --client} in a child JVM, against a server no one here
 * wrote: Debian's {@code libwebsockets-test-server} (its {@code dumb-increment-protocol}, {@code lws-mirror-protocol},
 * test page and {@code /formtest} POST demo). Also shows that client mode starts no Spring application, and that the
 * echo test fails clearly against a server that validates UTF-8.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientModeLwsTestServerTest {

	static final String SERVER = "/usr/bin/libwebsockets-test-server";

	static PeerProcess server;

	static int port;

	@BeforeAll
	static void startServer() throws Exception {
		Peers.requireExecutable(SERVER);
		port = PeerProcess.freePort();
		server = PeerProcess.start(List.of(SERVER, "-p", Integer.toString(port)));
		server.awaitPort(port, 30);
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void onceCountsAndGetsItsCircleBackFromTheCTestServer() throws Exception {
		ClientModeRun r = ClientModeRun.inChildJvm("--client", "ws://127.0.0.1:" + port, "--once");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).contains("dumb-increment-protocol: established", "lws-mirror-protocol: established",
				"dumb-increment-protocol: 0\n")
			.containsPattern(ClientModeTest.CIRCLE_LINE)
			.containsPattern("(?m)^done: \\d+ increments, 1 circles")
			.doesNotContain(":: Spring Boot ::", "Started SampleApplication");
	}

	@Test
	void multiTestCountsOnThreeConnectionsOfTheCTestServer() throws Exception {
		ClientModeRun r = ClientModeRun.inChildJvm("--client", "ws://127.0.0.1:" + port, "-m", "--once");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).contains("dumb-increment-protocol[1]: 0\n", "dumb-increment-protocol[2]: 0\n",
				"dumb-increment-protocol[3]: 0\n")
			.doesNotContain("lws-mirror-protocol")
			.containsPattern("(?m)^done: \\d+ increments, 0 circles");
	}

	/**
	 * The C test server validates UTF-8 (it logs {@code utf8 error}), so the echo test, whose text is not UTF-8, fails
	 * there at once. It queues a 1007 close, but reads on into the rest of the 12 KiB message, fails again and drops
	 * the connection before it has sent the close frame, so the client usually sees the connection end without one.
	 * Its own test client fails there too. A dedicated server, to read its log.
	 */
	@Test
	void echoFailsPromptlyAgainstTheCTestServerWhichValidatesUtf8() throws Exception {
		int echoPort = PeerProcess.freePort();
		// -d 15 adds LLL_INFO, which has its "utf8 error"
		List<String> command = List.of(SERVER, "-p", Integer.toString(echoPort), "-d", "15");
		try (PeerProcess validating = PeerProcess.start(command)) {
			validating.awaitPort(echoPort, 30);
			ClientModeRun r = ClientModeRun.inChildJvm("--client", "ws://127.0.0.1:" + echoPort, "--echo", "--timeout",
					"20");
			assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
			assertThat(r.out()).contains("lws-mirror-protocol: established")
				.doesNotContain("Everything received", "nothing finished")
				.containsPattern("failed: lws-mirror-protocol: the connection closed early "
						+ "\\((no close frame from the server|the server closed it with 1007\\b.*)\\)");
			validating.awaitLine("utf8 error", 5);
		}
	}

	@Test
	void getsTheTestPageAndPostsTheTestClientsForm() throws Exception {
		ClientModeRun r = ClientModeRun.inChildJvm("--client", "http://127.0.0.1:" + port + "/");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).startsWith("HTTP 200\n").contains("<html");

		r = ClientModeRun.inChildJvm("--client", "http://127.0.0.1:" + port + "/formtest", "--post");
		assertThat(r.exitCode()).as(r.all()).isZero();
		assertThat(r.out()).startsWith("HTTP 200\n")
			.contains("<tr><td><b>text</b></td><td>5</td><td>hello</td></tr>")
			.contains("<tr><td><b>send</b></td><td>13</td><td>Send the form</td></tr>");
	}

	@Test
	void theRealCommandExitsOneOnARefusedPort() throws Exception {
		int refused = PeerProcess.freePort();
		ClientModeRun r = ClientModeRun.inChildJvm("--client", "ws://127.0.0.1:" + refused, "--once");
		assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
		assertThat(r.out()).contains("connect failed to 127.0.0.1:" + refused);
	}

}
