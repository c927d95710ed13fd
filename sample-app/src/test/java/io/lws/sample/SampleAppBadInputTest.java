package io.lws.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import io.lws.core.LwsVhost;
import io.lws.core.support.RawClient;
import io.lws.core.support.WsTestClient;
import io.lws.sample.protocols.DumbIncrementProtocol;
import io.lws.sample.protocols.EchoProtocol;
import io.lws.sample.protocols.MirrorProtocol;
import io.lws.sample.protocols.PostDemoProtocol;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;
import io.lws.spring.boot.autoconfigure.server.LwsServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input against the whole sample app: each answered by the engine's rules, the app staying healthy. */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SampleAppBadInputTest {

	@LocalLwsPort
	int port;

	@Value("${local.lws.management.port}")
	int managementPort;

	@Autowired
	LwsServer server;

	@Autowired
	PostDemoProtocol postDemo;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@AfterEach
	void stillHealthy() throws Exception {
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		try (WsTestClient c = WsTestClient.connect(this.port, "/", EchoProtocol.NAME)) {
			assertThat(c.sendText("still here").readMessage().text()).isEqualTo("still here");
		}
	}

	@Test
	void anUnknownSubprotocolIsRefusedWith400() {
		assertThatThrownBy(() -> WsTestClient.connect(this.port, "/", "no-such-protocol")).hasMessageContaining("400");
	}

	@Test
	void oversizedAndInvalidFramesCloseOnlyTheirConnection() throws Exception {
		for (String protocol : List.of(DumbIncrementProtocol.NAME, MirrorProtocol.NAME, EchoProtocol.NAME)) {
			try (WsTestClient c = WsTestClient.connect(this.port, "/", protocol)) {
				// a frame header announcing more than the vhost's maximum message size
				c.sendRaw(new byte[] { (byte) 0x82, (byte) 0xFF, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4 });
				assertThat(c.readCloseCode()).as(protocol).isEqualTo(1009);
			}
			try (WsTestClient c = WsTestClient.connect(this.port, "/", protocol)) {
				c.sendRaw(WsTestClient.frame(true, 0, 9, new byte[126], true));
				assertThat(c.readCloseCode()).as(protocol).isEqualTo(1002);
			}
		}
	}

	/** Two form posts found by fuzzing, each with the start of a next request behind it; the client then hangs up. */
	@Test
	void formsTheDemoCannotUseAreAnsweredAndLeaveNoConnectionBehind() throws Exception {
		String badPartHead = "POST /formtest HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XX\r\n"
				+ "Content-Length: 80\r\n\r\n--XX\r\nConContent-Length: -1\r\ntent-Dispos\u00a6TBdition: form-data; "
				+ "name=\"text\"\r\n\r\nhi\r\n--XX--\r\n";
		String noLength = "POST /formtest HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
				+ "GET /ne";
		// the multipart parser refuses the part head; the post without a length is an empty form, answered
		assertThat(answerThenHangUp(badPartHead)).isEqualTo(400);
		assertThat(answerThenHangUp(noLength)).isEqualTo(200);
		LwsVhost vhost = this.server.context().vhost("default");
		long end = System.currentTimeMillis() + 5000;
		while (vhost.connectionCount() > 0 && System.currentTimeMillis() < end) {
			Thread.sleep(10);
		}
		assertThat(vhost.connectionCount()).as("connections left on " + vhost.name()).isZero();
	}

	@Test
	void aFormRefusedAfterAFinishedFileLeavesNoUploadBehind() throws Exception {
		String body = "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n"
				+ "--XX\r\na part head without a colon\r\n\r\nx\r\n--XX--\r\n";
		assertThat(answerThenHangUp("POST /formtest HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: multipart/form-data; boundary=XX"
				+ "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)).isEqualTo(400);
		try (var files = Files.list(this.postDemo.uploadDirectory())) {
			assertThat(files.map(Path::getFileName)).isEmpty();
		}
	}

	private int answerThenHangUp(String request) throws IOException {
		try (RawClient c = new RawClient(this.port)) {
			return c.send(request.getBytes(StandardCharsets.ISO_8859_1)).readResponse().status();
		}
	}

	@Test
	void aFloodOfConnectsIsServedOrQueuedAndNothingLeaks() throws Exception {
		List<RawClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < 300; i++) {
				clients.add(new RawClient(this.port));
			}
			for (RawClient c : clients) {
				c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
			}
			for (RawClient c : clients) {
				assertThat(c.readResponse().status()).isEqualTo(200);
			}
		}
		finally {
			for (RawClient c : clients) {
				c.close();
			}
		}
	}

	@Test
	void halfSentRequestsHoldingEveryHeaderBufferDoNotStopTheRest() throws IOException {
		List<RawClient> holders = new ArrayList<>();
		try {
			// as many half-sent requests as the pool has buffers (32 by default): the next connection waits first in
			// line
			for (int i = 0; i < 32; i++) {
				holders.add(new RawClient(this.port).send("GET / HTTP/1.1\r\n"));
			}
			try (RawClient late = new RawClient(this.port)) {
				late.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
				holders.get(0).send("Host: x\r\n\r\n");
				holders.get(0).readResponse();
				holders.remove(0).close();
				assertThat(late.readResponse().status()).isEqualTo(200);
			}
		}
		finally {
			for (RawClient c : holders) {
				c.close();
			}
		}
	}

}
