package io.lws.core.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer that runs beside a test (a server no one here wrote: a python3-websockets script, Debian's
 * {@code libwebsockets-test-server}), with its combined output collected so the test can wait for a line or a
 * listening port and show everything it printed when an assertion fails. {@link #close()} stops it.
 */
public final class PeerProcess implements AutoCloseable {

	private final Process process;

	private final StringBuilder output = new StringBuilder();

	private PeerProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::collect, "peer-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts {@code command}, merging its stderr into its stdout. */
	public static PeerProcess start(List<String> command) throws IOException {
		return new PeerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/** A port nothing listens on now (free for a peer that cannot pick its own, or for a refused connect). */
	public static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void collect() {
		try (BufferedReader r = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				synchronized (this.output) {
					this.output.append(line).append('\n');
					this.output.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	/** The peer's process id (the command's own when it {@code exec}s). */
	public long pid() {
		return this.process.pid();
	}

	/** Everything the peer printed so far. */
	public String output() {
		synchronized (this.output) {
			return this.output.toString();
		}
	}

	/**
	 * Waits for a line the peer prints that matches {@code regex}.
	 * @return the match, whose groups the caller may read
	 * @throws AssertionError with the output so far when no line matches within {@code timeoutSecs}
	 */
	public Matcher awaitLine(String regex, int timeoutSecs) throws InterruptedException {
		Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSecs);
		synchronized (this.output) {
			while (true) {
				Matcher m = p.matcher(this.output);
				if (m.find()) {
					return m;
				}
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					throw new AssertionError("the peer printed no line matching '" + regex + "' within "
							+ timeoutSecs + " s; it printed:\n" + this.output);
				}
				this.output.wait(Math.min(left, 200));
			}
		}
	}

	/**
	 * Waits until the peer accepts connections on {@code port} of 127.0.0.1.
	 * @throws AssertionError with the output so far when it does not within {@code timeoutSecs}, or exits
	 */
	public void awaitPort(int port, int timeoutSecs) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSecs);
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress("127.0.0.1", port), 500);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new AssertionError("the peer did not listen on port " + port + " within " + timeoutSecs
				+ " s; it printed:\n" + output());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
	}

}
