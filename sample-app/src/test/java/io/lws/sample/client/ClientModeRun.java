package io.lws.sample.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lws.core.support.Peers;

/**
 * Runs the sample app's client mode and keeps what it printed: in this JVM through {@link ClientMode#run}, or as the
 * real command, a child JVM running {@code SampleApplication.main} on the test class path (what
 * {@code java -jar lws-sample-app.jar --client ...} runs), whose exit status comes from {@code System.exit}.
 * @param exitCode the exit status
 * @param out what it printed to stdout
 * @param err what it printed to stderr (the child's stderr is merged into {@code out})
 */
record ClientModeRun(int exitCode, String out, String err) {

	/** Runs client mode in this JVM. */
	static ClientModeRun inJvm(String... args) throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			code = ClientMode.run(args, o, e);
		}
		return new ClientModeRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Runs {@code SampleApplication.main(args)} in a child JVM, for at most 60 s. */
	static ClientModeRun inChildJvm(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "io.lws.sample.SampleApplication"));
		command.addAll(List.of(args));
		Peers.Result r = Peers.run(command, 60);
		return new ClientModeRun(r.exitCode(), r.output(), r.output());
	}

	/** Everything printed, for assertion messages. */
	String all() {
		return "exit " + this.exitCode + "\n--- out:\n" + this.out + "\n--- err:\n" + this.err;
	}

}
