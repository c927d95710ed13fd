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
 * test page and {@code /formtest} POST demo). Also shows that client mode starts no Spring application.
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
