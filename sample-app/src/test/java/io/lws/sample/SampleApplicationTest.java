package io.lws.sample;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.lws.core.support.WsTestClient;
import io.lws.core.support.WsTestClient.Frame;
import io.lws.sample.protocols.DumbIncrementProtocol;
import io.lws.sample.protocols.EchoProtocol;
import io.lws.sample.protocols.MirrorProtocol;
import io.lws.sample.protocols.StatusProtocol;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole sample application as shipped (its application.yml, on free ports): the test page, every protocol over a
 * real WebSocket, the {@code /formtest} POST demo and actuator health on the management port.
 */
@SpringBootTest(classes = SampleApplication.class,
		properties = { "lws.vhosts.default.port=0", "lws.management.port=0" })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleApplicationTest {

	private static final String BOUNDARY = "----lws-sample-test-boundary";

	// HTTP/1.1 only: lws answers HTTP/1.1, and an h2c upgrade attempt would only add noise
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalLwsPort
	int port;

	@Value("${local.lws.management.port}")
	int managementPort;

	@Test
	void servesTheTestPageAndItsScriptAndStylesheet() throws Exception {
		HttpResponse<String> page = get(this.port, "/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("content-type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("<canvas id=\"mirror-canvas\"").contains("src=\"app.js\"");
		// the page as a mirror member: the query is the page's, the file is still index.html
		assertThat(get(this.port, "/?mirror=room").body()).isEqualTo(page.body());
		HttpResponse<String> script = get(this.port, "/app.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("content-type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/javascript"));
		HttpResponse<String> style = get(this.port, "/style.css");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("content-type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/css"));
		assertThat(get(this.port, "/no-such-file.html").statusCode()).isEqualTo(404);
	}

	@Test
	void dumbIncrementCountsFromZeroAndResets() throws Exception {
		try (WsTestClient c = WsTestClient.connect(this.port, "/", DumbIncrementProtocol.NAME)) {
			assertThat(c.handshake().header("sec-websocket-protocol")).isEqualTo(DumbIncrementProtocol.NAME);
			assertThat(c.readFrame().text()).isEqualTo("0");
			assertThat(c.readFrame().text()).isEqualTo("1");
			assertThat(c.readFrame().text()).isEqualTo("2");
			c.sendText("reset\n");
			int n;
			do {
				n = Integer.parseInt(c.readFrame().text());
			}
			while (n > 1);
			assertThat(n).isBetween(0, 1);
		}
	}

	@Test
	void dumbIncrementClosesWith1001SeeyaWhenAsked() throws Exception {
		try (WsTestClient c = WsTestClient.connect(this.port, "/", DumbIncrementProtocol.NAME)) {
			c.sendText("closeme\n");
			Frame f;
			do {
				f = c.readFrame();
			}
			while (f.opcode() != 8);
			assertThat(f.closeCode()).isEqualTo(1001);
			assertThat(f.closeReason()).isEqualTo("seeya");
		}
	}

	@Test
	void mirrorRelaysToEveryMemberOfTheInstanceTheSenderIncluded() throws Exception {
		try (WsTestClient a = WsTestClient.connect(this.port, "/?mirror=app-test", MirrorProtocol.NAME);
				WsTestClient b = WsTestClient.connect(this.port, "/?mirror=app-test", MirrorProtocol.NAME)) {
			// both members must be in the instance before the message: late joiners get no backlog
			Thread.sleep(100);
			a.sendText("d #ff0000 1 2 3 4;");
			assertThat(a.readMessage().text()).isEqualTo("d #ff0000 1 2 3 4;");
			assertThat(b.readMessage().text()).isEqualTo("d #ff0000 1 2 3 4;");
		}
	}

	@Test
	void statusSendsItsJsonToAStatusClient() throws Exception {
		try (WsTestClient c = WsTestClient.connect(this.port, "/", StatusProtocol.NAME)) {
			String json = c.readMessage().text();
			assertThat(json).startsWith("{\"version\":\"")
				.contains("\"wss_over_h2\":\"0\"")
				.contains("\"hostname\":\"")
				.contains("\"wsi\":\"1\"")
				.contains("\"peer\":\"127.0.0.1\"")
				.containsPattern("\"time\":\"\\d+\"")
				.endsWith("]}");
		}
	}

	@Test
	void echoReturnsTheMessage() throws Exception {
		try (WsTestClient c = WsTestClient.connect(this.port, "/", EchoProtocol.NAME)) {
			assertThat(c.sendText("hello from the app test").readMessage().text()).isEqualTo("hello from the app test");
		}
	}

	@Test
	void urlencodedFormAnswersTheTableOfFields() throws Exception {
		HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(uri(this.port, "/formtest"))
			.header("content-type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("text=hello+world%21&send=Send+the+form"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("content-type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		assertThat(r.body()).contains("<table id=\"results\">")
			.contains("<tr><td><b>text</b></td><td>12</td><td>hello world!</td></tr>")
			.contains("<tr><td><b>send</b></td><td>13</td><td>Send the form</td></tr>")
			.contains("<tr><td><b>file</b></td><td>0</td><td>NULL</td></tr>")
			.contains("<b>filename:</b> , <b>length</b> 0");
	}

	@Test
	void multipartFormAnswersTheFieldsAndTheFileLength() throws Exception {
		byte[] file = new byte[54_321];
		Arrays.fill(file, (byte) 'x');
		HttpResponse<String> r = postMultipart("notes.txt", file);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("<table id=\"results\">")
			.contains("<tr><td><b>text</b></td><td>11</td><td>with a file</td></tr>")
			.contains("<tr><td><b>upload</b></td><td>6</td><td>Upload</td></tr>")
			.contains("<b>filename:</b> notes.txt, <b>length</b> 54321");
	}

	@Test
	void aFileOverTheLimitIsRefusedWith413(CapturedOutput output) throws Exception {
		// one byte over: the whole body is already sent when the server refuses it, so the answer can be read
		HttpResponse<String> r = postMultipart("big.bin", new byte[100_001]);
		assertThat(r.statusCode()).isEqualTo(413);
		// the rest of the body and its completion still arrive after the refusal; the protocol must ignore them
		Thread.sleep(200);
		assertThat(output.getOut()).doesNotContain("threw from");
	}

	@Test
	void getOnTheFormIsRefusedWith405() throws Exception {
		HttpResponse<String> r = get(this.port, "/formtest");
		assertThat(r.statusCode()).isEqualTo(405);
		assertThat(r.headers().firstValue("allow")).hasValue("POST, PUT");
	}

	@Test
	void actuatorHealthIsUpOnTheManagementPort() throws Exception {
		assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
		HttpResponse<String> r = get(this.managementPort, "/actuator/health");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).startsWith("{").contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> postMultipart(String fileName, byte[] file) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(part("text", null, "with a file".getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(part("file", fileName, file));
		body.writeBytes(part("upload", null, "Upload".getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return this.http.send(HttpRequest.newBuilder(uri(this.port, "/formtest"))
			.header("content-type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] part(String name, String fileName, byte[] content) {
		StringBuilder head = new StringBuilder().append("--").append(BOUNDARY).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(name).append('"');
		if (fileName != null) {
			head.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
		}
		head.append("\r\n\r\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(port, path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
