package io.lws.core.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code tinyproxy} run in the foreground on a free loopback port with a generated configuration: a real
 * HTTP {@code CONNECT} proxy no one here wrote. Stopped (and its files removed) on close.
 */
public final class TinyProxy implements AutoCloseable {

	public static final String EXECUTABLE = "/usr/bin/tinyproxy";

	private final Process process;

	private final Path dir;

	private final int port;

	private TinyProxy(Process process, Path dir, int port) {
		this.process = process;
		this.dir = dir;
		this.port = port;
	}

	/**
	 * Starts tinyproxy allowing 127.0.0.1 to {@code CONNECT} to {@code targetPort} only, with Basic authentication
	 * when {@code user} is not null. Skips the test when tinyproxy is missing (fails it in CI).
	 */
	public static TinyProxy start(int targetPort, String user, String password) throws IOException,
			InterruptedException {
		Peers.requireExecutable(EXECUTABLE);
		Path dir = Files.createTempDirectory("lws-tinyproxy");
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		StringBuilder conf = new StringBuilder();
		conf.append("Port ").append(port).append('\n');
		conf.append("Listen 127.0.0.1\n");
		conf.append("Timeout 30\n");
		conf.append("MaxClients 20\n");
		conf.append("Allow 127.0.0.1\n");
		conf.append("ConnectPort ").append(targetPort).append('\n');
		conf.append("LogLevel Info\n");
		if (user != null) {
			conf.append("BasicAuth ").append(user).append(' ').append(password).append('\n');
		}
		Path file = dir.resolve("tinyproxy.conf");
		Files.writeString(file, conf);
		Process p = new ProcessBuilder(EXECUTABLE, "-d", "-c", file.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("tinyproxy.log").toFile())
			.start();
		TinyProxy proxy = new TinyProxy(p, dir, port);
		proxy.awaitListening();
		return proxy;
	}

	private void awaitListening() throws IOException, InterruptedException {
		long end = System.currentTimeMillis() + 10_000;
		while (true) {
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
				return;
			}
			catch (IOException ex) {
				if (!this.process.isAlive() || System.currentTimeMillis() > end) {
					String log = log();
					close();
					throw new IOException("tinyproxy did not start listening on " + this.port + ":\n" + log, ex);
				}
				Thread.sleep(20);
			}
		}
	}

	public int port() {
		return this.port;
	}

	/** What tinyproxy logged so far (it logs each CONNECT request line). */
	public String log() throws IOException {
		Path log = this.dir.resolve("tinyproxy.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	@Override
	public void close() throws IOException {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (var files = Files.list(this.dir)) {
			for (Path f : files.toList()) {
				Files.deleteIfExists(f);
			}
		}
		Files.deleteIfExists(this.dir);
	}

}
