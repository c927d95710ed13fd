package io.lws.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs libwebsockets' own C test client ({@code libwebsockets-test-client}, Debian package
 * {@code libwebsockets-test-server}) against a port for a few seconds and checks what it printed: both of its
 * connections established, dumb-increment numbers counting up from 0 without a gap, and no error line.
 */
public final class LwsTestClientRun {

	/** Where Debian installs the client. */
	public static final String CLIENT = "/usr/bin/libwebsockets-test-client";

	private LwsTestClientRun() {
	}

	/**
	 * Runs the client for about 4 s and checks its output.
	 * @param port the server's port
	 * @param tls whether to connect with {@code --ssl -k} (self-signed certificate accepted)
	 * @return the number of increments the client received
	 */
	public static int runAndCheck(int port, boolean tls) throws IOException, InterruptedException {
		Peers.requireExecutable(CLIENT);
		Path log = Files.createTempFile("lws-test-client", ".log");
		List<String> command = new ArrayList<>(List.of(CLIENT, "127.0.0.1", "--port=" + port, "-d", "15"));
		if (tls) {
			command.addAll(List.of("--ssl", "-k"));
		}
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			p.waitFor(4, TimeUnit.SECONDS);
		}
		finally {
			p.destroy();
			if (!p.waitFor(5, TimeUnit.SECONDS)) {
				p.destroyForcibly();
			}
		}
		String out = Files.readString(log);
		Files.deleteIfExists(log);
		assertThat(out).contains("dumb: LWS_CALLBACK_CLIENT_ESTABLISHED")
			.contains("mirror: LWS_CALLBACK_CLIENT_ESTABLISHED");
		Matcher m = Pattern.compile("rx \\d+ '(\\d+)'").matcher(out);
		int increments = 0;
		while (m.find()) {
			assertThat(Integer.parseInt(m.group(1))).isEqualTo(increments);
			increments++;
		}
		assertThat(increments).as(out.length() > 4000 ? out.substring(0, 4000) : out).isGreaterThan(40);
		assertThat(out.lines()).noneMatch((line) -> line.contains("] E: "));
		return increments;
	}

	/**
	 * Runs the client's {@code --echo} test to its end (it exits by itself): 1024 TEXT messages of 12,288
	 * pseudo-random bytes, which are not UTF-8, to {@code lws-mirror-protocol}, and a comparison of the bytes that come
	 * back with those sent ("Everything received: errs 0" when they all came back in order).
	 * @param port the server's port
	 * @return what the client printed
	 */
	public static String echoTest(int port) throws IOException {
		Peers.requireExecutable(CLIENT);
		return Peers.run(List.of(CLIENT, "127.0.0.1", "--port=" + port, "--echo"), 30).output();
	}

}
