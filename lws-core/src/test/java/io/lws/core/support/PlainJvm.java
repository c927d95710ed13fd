package io.lws.core.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a JVM of its own with the tests' class path and none of their JVM options, so
 * without {@code --add-opens java.base/sun.nio.ch}: what an application that has not opened the JDK meets.
 */
public final class PlainJvm {

	/** The outcome: the exit value and everything the JVM printed. */
	public record Run(int exitValue, String output) {
	}

	private PlainJvm() {
	}

	/** Runs {@code main} and waits at most 30 s for it; its output goes through a file in {@code dir}. */
	public static Run run(Class<?> main, Path dir) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// output to a file, so a JVM that hangs fails the bounded wait instead of blocking a read of its pipe
		Path log = Files.createTempFile(dir, main.getSimpleName(), ".log");
		Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				throw new AssertionError(main.getSimpleName() + " did not end within 30 s: "
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
		}
		finally {
			p.destroyForcibly();
		}
		return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

}
