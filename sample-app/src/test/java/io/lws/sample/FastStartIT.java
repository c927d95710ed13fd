package io.lws.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started the fast way ({@code scripts/fast-start.sh}: extracted, Spring AOT mode, class archive),
 * as a user would: bean definitions generated at build time must give the same app as the reflective start, so the
 * test page, every sample protocol (python3-websockets and libwebsockets' own test client) and actuator on the
 * management port are checked; and the quickest start ({@code --c1}) from the same archive. Runs after
 * {@code package} (failsafe), when the jar and its AOT classes exist.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FastStartIT {

	private static final Pattern STARTED = Pattern.compile("lws started on \\S+:(\\d+) \\(vhost '(\\w+)'\\)");

	/** The script runs the app on the JDK running this test, whose version decides the archive's kind. */
	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	/** The extracted jar and its class archive, made by the first start and shared by the tests. */
	private static Path dir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Process app;

	private Path log;

	@BeforeAll
	static void createDirectory() throws IOException {
		dir = Files.createTempDirectory("lws-fast-start");
	}

	@AfterAll
	static void deleteDirectory() throws IOException {
		try (var files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

	@AfterEach
	void stop() throws Exception {
		stopApp();
	}

	@Test
	void startsInAotModeFromTheClassArchiveAndServesPagesProtocolsAndActuator() throws Exception {
		String started = start("app.log");
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
		assertNoWarnings();
	}

	@Test
	void startsWithC1OnlyFromTheSameArchiveWithoutRetraining() throws Exception {
		ProcessBuilder preparing = new ProcessBuilder(script("--prepare-only")).redirectErrorStream(true)
			.redirectOutput(dir.resolve("prepare.log").toFile());
		preparing.environment().put("JAVA", JAVA);
		Process prepare = preparing.start();
		if (!prepare.waitFor(150, TimeUnit.SECONDS)) {
			// the training JVM is the script's child
			prepare.descendants().forEach(ProcessHandle::destroyForcibly);
			prepare.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("fast-start.sh --prepare-only took over 150 s:\n"
					+ Files.readString(dir.resolve("prepare.log")));
		}
		assertThat(prepare.exitValue()).as(Files.readString(dir.resolve("prepare.log"))).isZero();

		// the quickest start: C1 only (and one compiler thread on a small machine), from the archive made above
		String started = start("c1.log", "--c1");
		assertThat(started).contains("Starting AOT-processed SampleApplication").doesNotContain("training run");
		assertThat(get(port(started, "default"), "/").statusCode()).isEqualTo(200);
		assertNoWarnings();
	}

	/** Starts the jar through the script, logging to {@code logName}, and returns the log once it has started. */
	private String start(String logName, String... scriptOptions) throws IOException, InterruptedException {
		this.log = dir.resolve(logName);
		List<String> command = script(scriptOptions);
		command.addAll(List.of("--lws.vhosts.default.port=0", "--management.server.port=0"));
		ProcessBuilder builder = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		builder.environment().put("JAVA", JAVA);
		// a JVM that cannot map the archive fails instead of quietly starting without it: -Xshare:on for the class
		// archive of Java 17 to 24, -XX:AOTMode=on for the AOT cache of Java 25 and later (they do not mix)
		builder.environment().put("JAVA_OPTS", (Runtime.version().feature() >= 25) ? "-XX:AOTMode=on" : "-Xshare:on");
		this.app = builder.start();
		return awaitStarted();
	}

	private static List<String> script(String... options) {
		List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "scripts", "fast-start.sh").toString(),
				"--jar", Path.of("target", "lws-sample-app.jar").toString(), "--dir", dir.resolve("app").toString()));
		command.addAll(List.of(options));
		return command;
	}

	/** Also guards the jar's Add-Opens: without it lws.tcp-notsent-lowat would log that it is not applied. */
	private void assertNoWarnings() throws IOException {
		assertThat(Files.readString(this.log).lines())
			.noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "));
	}

	private void stopApp() throws InterruptedException {
		if (this.app != null) {
			this.app.destroy();
			if (!this.app.waitFor(20, TimeUnit.SECONDS)) {
				this.app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			this.app = null;
		}
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
