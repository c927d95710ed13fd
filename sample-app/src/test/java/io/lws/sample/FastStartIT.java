package io.lws.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started the fast way ({@code scripts/fast-start.sh}: extracted, Spring AOT mode, class archive),
 * as a user would: bean definitions generated at build time must give the same app as the reflective start, so the
 * test page, every sample protocol (python3-websockets and libwebsockets' own test client) and actuator on the
 * management port are checked. Runs after {@code package} (failsafe), when the jar and its AOT classes exist.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FastStartIT {

	private static final Pattern STARTED = Pattern.compile("lws started on \\S+:(\\d+) \\(vhost '(\\w+)'\\)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Process app;

	private Path dir;

	private Path log;

	@AfterEach
	void stop() throws Exception {
		if (this.app != null) {
			this.app.destroy();
			if (!this.app.waitFor(20, TimeUnit.SECONDS)) {
				this.app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (this.dir != null) {
			try (var files = Files.walk(this.dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	@Test
	void startsInAotModeFromTheClassArchiveAndServesPagesProtocolsAndActuator() throws Exception {
		Path dir = Files.createTempDirectory("lws-fast-start");
		this.dir = dir;
		this.log = dir.resolve("app.log");
		ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "scripts", "fast-start.sh").toString(),
				"--jar", Path.of("target", "lws-sample-app.jar").toString(), "--dir", dir.resolve("app").toString(),
				"--lws.vhosts.default.port=0", "--management.server.port=0")
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		// -Xshare:on: a JVM that cannot map the archive fails instead of quietly starting without it
		builder.environment().put("JAVA_OPTS", "-Xshare:on");
		this.app = builder.start();
		String started = awaitStarted();
		assertThat(started).contains("Starting AOT-processed SampleApplication");
		int port = port(started, "default");
		int management = port(started, "management");
		assertThat(dir.resolve("app")).isDirectoryContaining((p) -> p.getFileName().toString().startsWith("app."));

		HttpResponse<String> page = get(port, "/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html").contains("dumb-increment-protocol");

		Peers.requirePythonWebsockets();
		Path script = Peers.resource("interop/sample_clients.py");
		Peers.Result clients = Peers.run(List.of(Peers.PYTHON, script.toString(), "ws://127.0.0.1:" + port), 90);
		assertThat(clients.output()).as(clients.output()).contains("OK");
		assertThat(clients.exitCode()).isZero();
		LwsTestClientRun.runAndCheck(port, false);

		HttpResponse<String> health = get(management, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(get(management, "/actuator/metrics").body()).contains("lws.connections.active");
		assertThat(Files.readString(this.log).lines())
			.noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "));
	}

	private String awaitStarted() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
		while (System.nanoTime() < deadline) {
			String out = Files.readString(this.log);
			if (out.contains("Started SampleApplication")) {
				return out;
			}
			assertThat(this.app.isAlive()).as("the app exited before it started:%n%s", out).isTrue();
			Thread.sleep(100);
		}
		throw new AssertionError("the app did not start in 150 s:\n" + Files.readString(this.log));
	}

	private static int port(String log, String vhost) {
		Matcher m = STARTED.matcher(log);
		while (m.find()) {
			if (m.group(2).equals(vhost)) {
				return Integer.parseInt(m.group(1));
			}
		}
		throw new AssertionError("no 'lws started' line for vhost " + vhost + " in:\n" + log);
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
