package io.lws.core.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Real peers installed from Debian packages ({@code .ci/run} installs them). Outside CI a missing peer skips the test;
 * in CI ({@code CI=true}) it fails it, so a broken install step cannot hide.
 */
public final class Peers {

	public static final String PYTHON = "/usr/bin/python3";

	private Peers() {
	}

	public static void require(String what, boolean present) {
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new AssertionError(what + " is missing in CI: .ci/run should have installed it");
		}
		Assumptions.assumeTrue(present, what + " is not installed");
	}

	public static void requirePythonWebsockets() {
		boolean ok;
		try {
			ok = run(List.of(PYTHON, "-c", "import websockets"), 30).exitCode() == 0;
		}
		catch (IOException ex) {
			ok = false;
		}
		require("python3-websockets", ok);
	}

	public static void requireExecutable(String path) {
		require(path, Files.isExecutable(Path.of(path)));
	}

	/** Runs a command to completion (bounded), returning its exit code and combined output. */
	public static Result run(List<String> command, int timeoutSecs) throws IOException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			boolean done = p.waitFor(timeoutSecs, TimeUnit.SECONDS);
			if (!done) {
				p.destroyForcibly();
				p.waitFor(5, TimeUnit.SECONDS);
				return new Result(-1, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
						+ "\n[killed after " + timeoutSecs + " s]");
			}
			return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			p.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/** Copies a test resource to a temporary file (for scripts). */
	public static Path resource(String name) throws IOException {
		Path tmp = Files.createTempFile("lws-", "-" + Path.of(name).getFileName());
		try (var in = Peers.class.getResourceAsStream("/" + name)) {
			Files.write(tmp, in.readAllBytes());
		}
		tmp.toFile().deleteOnExit();
		return tmp;
	}

	public record Result(int exitCode, String output) {
	}

}
