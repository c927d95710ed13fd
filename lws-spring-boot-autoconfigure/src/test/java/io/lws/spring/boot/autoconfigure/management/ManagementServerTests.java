package io.lws.spring.boot.autoconfigure.management;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.lws.spring.boot.autoconfigure.EchoProtocol;
import io.lws.spring.boot.autoconfigure.LocalLwsPort;
import io.lws.spring.boot.autoconfigure.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application without a web server: actuator answers from the lws management server, with the right
 * numbers while WebSockets are open and while the main server's header pool is saturated.
 */
@SpringBootTest(classes = ManagementServerTests.App.class,
		properties = { "spring.main.web-application-type=none", "lws.vhosts.default.port=0",
				"lws.vhosts.default.protocols=http-only,echo", "lws.header-pool.size=2", "lws.management.port=0",
				"management.endpoints.web.exposure.include=health,lws,metrics",
				"management.endpoint.health.show-details=always" })
class ManagementServerTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalLwsPort
	int port;

	@Value("${local.lws.management.port}")
	int managementPort;

	@Test
	void actuatorAnswersWithTheRightNumbers() throws Exception {
		try (WsClient client = new WsClient(this.port, "echo")) {
			assertThat(client.echo("hello")).isEqualTo("hello");
			JsonNode lws = get("/actuator/lws", 200);
			assertThat(lws.get("running").asBoolean()).isTrue();
			JsonNode vhost = lws.get("vhosts").get(0);
			assertThat(vhost.get("name").asString()).isEqualTo("default");
			assertThat(vhost.get("port").asInt()).isEqualTo(this.port);
			assertThat(vhost.get("connections").asInt()).isEqualTo(1);
			assertThat(vhost.get("tls").asBoolean()).isFalse();
			assertThat(vhost.get("extensions").isArray()).isTrue();
			assertThat(vhost.get("protocols").get(1).get("name").asString()).isEqualTo("echo");
			assertThat(vhost.get("protocols").get(1).get("webSocketSessions").asInt()).isEqualTo(1);
			assertThat(lws.get("headerPool").get("size").asInt()).isEqualTo(2);
			assertThat(lws.get("serviceThreads").get(0).get("alive").asBoolean()).isTrue();
			assertThat(lws.get("serviceThreads").get(0).get("connections").asInt()).isEqualTo(1);
			assertThat(lws.get("serviceThreads").get(0).get("pendingTasks").asInt()).isNotNegative();
			assertThat(get("/actuator/lws/default", 200).get("connections").asInt()).isEqualTo(1);
			get("/actuator/lws/nope", 404);
			JsonNode health = get("/actuator/health", 200);
			assertThat(health.get("status").asString()).isEqualTo("UP");
			assertThat(health.get("components").get("lws").get("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void actuatorAnswersWhileTheHeaderPoolIsSaturated() throws Exception {
		List<Socket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				Socket socket = new Socket("127.0.0.1", this.port);
				OutputStream out = socket.getOutputStream();
				out.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				sockets.add(socket);
			}
			JsonNode lws = await("/actuator/lws", (n) -> n.get("headerPool").get("waiting").asInt() == 1);
			assertThat(lws.get("headerPool").get("inUse").asInt()).isEqualTo(2);
			assertThat(lws.get("headerPool").get("idle").asInt()).isZero();
			assertThat(lws.get("vhosts").get(0).get("connections").asInt()).isEqualTo(3);
			JsonNode health = get("/actuator/health", 200);
			assertThat(health.get("components").get("lws").get("details").get("headerPool").get("waiting").asInt())
				.isEqualTo(1);
			JsonNode pending = get("/actuator/metrics/lws.http.header.pool.pending", 200);
			assertThat(pending.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
		}
		finally {
			for (Socket socket : sockets) {
				socket.close();
			}
		}
	}

	@Test
	void unknownPathsAnswer404AndTheBasePathListsLinks() throws Exception {
		get("/nothing/here", 404);
		get("/actuator/nothing", 404);
		assertThat(get("/actuator", 200).get("_links").has("lws")).isTrue();
		HttpResponse<String> post = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/lws"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(405);
	}

	private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		JsonNode node = get(path, 200);
		while (!condition.test(node) && System.nanoTime() < deadline) {
			Thread.sleep(20);
			node = get(path, 200);
		}
		assertThat(condition.test(node)).as(node.toString()).isTrue();
		return node;
	}

	private JsonNode get(String path, int status) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path))
					.timeout(java.time.Duration.ofSeconds(5))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EchoProtocol.class)
	static class App {

	}

}
