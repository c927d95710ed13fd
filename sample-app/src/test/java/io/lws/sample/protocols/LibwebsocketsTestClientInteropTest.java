package io.lws.sample.protocols;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lws.core.support.Peers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libwebsockets' own test client (Debian's libwebsockets-test-server package) against the sample's protocols: both of
 * its connections establish, it receives increments, its mirror circles come back, and the server logs no error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibwebsocketsTestClientInteropTest {

	static final String CLIENT = "/usr/bin/libwebsockets-test-client";

	@Test
	void theCTestClientWorksAgainstTheSampleProtocols() throws Exception {
		run(false);
	}

	/** {@code --ssl -k}: wss with the self-signed certificate accepted, as with libwebsockets-test-server --ssl. */
	@Test
	void theCTestClientWorksOverTls() throws Exception {
		run(true);
	}

	private void run(boolean tls) throws Exception {
		Peers.requireExecutable(CLIENT);
		try (SampleServer s = new SampleServer(1, tls ? io.lws.core.support.Tls.localhost() : null)) {
			Path log = Files.createTempFile("lws-test-client", ".log");
			List<String> command = new java.util.ArrayList<>(List.of(CLIENT, "127.0.0.1", "--port=" + s.port(), "-d",
					"15"));
			if (tls) {
				command.addAll(List.of("--ssl", "-k"));
			}
			Process p = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
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
			int last = -1;
			while (m.find()) {
				int v = Integer.parseInt(m.group(1));
				assertThat(v).isEqualTo(last + 1);
				last = v;
				increments++;
			}
			assertThat(increments).as(out.length() > 4000 ? out.substring(0, 4000) : out).isGreaterThan(40);
			assertThat(s.mirror.messagesRelayed()).isGreaterThan(100);
			assertThat(s.problems).isEmpty();
			assertThat(List.of(out.split("\n"))).noneMatch((line) -> line.contains("] E: "));
		}
	}

}
