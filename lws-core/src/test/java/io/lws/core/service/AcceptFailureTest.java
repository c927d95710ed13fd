package io.lws.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lws.core.support.PeerProcess;
import io.lws.core.support.RawClient;

/**
 * A server out of file descriptors: {@code accept} fails while connections wait in the backlog, and the listen
 * socket stays ready. The server must not spin on it or log every attempt, and must accept again once descriptors
 * are free. Runs {@link FdLimitedServer} in its own JVM under {@code ulimit -n}, so the test's own JVM keeps its
 * descriptors.
 */
class AcceptFailureTest {

	private static final int FD_LIMIT = 96;

	@Test
	void outOfDescriptorsPausesAcceptingAndResumes() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String command = "ulimit -n " + FD_LIMIT + " && exec '" + java + "' -Xshare:auto -cp '"
				+ System.getProperty("java.class.path") + "' " + FdLimitedServer.class.getName();
		try (PeerProcess server = PeerProcess.start(List.of("bash", "-c", command))) {
			int port = Integer.parseInt(server.awaitLine("^port (\\d+)$", 30).group(1));
			List<Socket> clients = new ArrayList<>();
			try {
				// more connections than the server has descriptors left; the rest wait in its backlog
				for (int i = 0; i < FD_LIMIT + 20; i++) {
					Socket s = new Socket();
					s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
					clients.add(s);
				}
				server.awaitLine("Accept failed", 10);

				long cpuBefore = cpuTicks(server.pid());
				Thread.sleep(1000);
				long cpuTicks = cpuTicks(server.pid()) - cpuBefore;
				assertThat(cpuTicks).as("CPU ticks (1/100 s) the server used in 1 s out of descriptors")
					.isLessThan(30);
				assertThat(server.output()).containsOnlyOnce("Accept failed");
			}
			finally {
				for (Socket s : clients) {
					s.close();
				}
			}
			server.awaitLine("Accepting again", 10);
			try (RawClient client = new RawClient(port)) {
				client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
				assertThat(client.readResponse().status()).isEqualTo(404);
			}
		}
	}

	/** user + system time of a process, in clock ticks. */
	private static long cpuTicks(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]);
	}

}
