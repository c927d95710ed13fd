package io.lws.benchmarks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsContext;
import io.lws.core.VhostCreationInfo;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountOrigin;

/**
 * Measures the HTTP file path end to end: keep-alive GETs of a 1 KiB file from a file mount, one at a time, between
 * one blocking client socket and an {@link LwsContext} on 127.0.0.1; the request the load run's {@code wrk} sends.
 * One operation is: the client writes the request, the service thread reads and parses it, matches the mount,
 * checks the file (kept in memory after the first request, with a {@code stat} per request to see it is unchanged),
 * writes the head and the body in one write, and the client reads the whole response back.
 * <p>
 * Its main use is {@code -prof gc}: the client allocates nothing per operation, so {@code gc.alloc.rate.norm} is
 * what the engine allocates to serve one request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class HttpGetRoundTripBenchmark {

	/** Bytes in the file served. */
	static final int FILE_SIZE = 1024;

	private static final int SETUP_TIMEOUT_MS = 10_000;

	private Path www;

	private LwsContext context;

	private Socket socket;

	private OutputStream out;

	private DataInputStream in;

	private byte[] request;

	/** The whole response (head and body), sized from the first one at setup; every later one is the same. */
	private byte[] response;

	/** Writes the file, starts the server, connects, and reads a first response to learn its length. */
	@Setup(Level.Trial)
	public void start() throws IOException {
		this.www = Files.createTempDirectory("lws-bench-www-");
		byte[] file = new byte[FILE_SIZE];
		ThreadLocalRandom.current().nextBytes(file);
		Files.write(this.www.resolve("1k.bin"), file);
		VhostCreationInfo vhost = VhostCreationInfo.builder("default")
			.iface("127.0.0.1")
			.port(0)
			.mounts(Mount.builder("/", MountOrigin.FILE, this.www.toString()).build())
			.build();
		this.context = LwsContext.create(ContextCreationInfo.builder().vhost(vhost).build());
		int port = this.context.vhosts().get(0).listenPort();
		Socket s = new Socket();
		s.setTcpNoDelay(true);
		s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SETUP_TIMEOUT_MS);
		s.setSoTimeout(SETUP_TIMEOUT_MS);
		this.socket = s;
		this.out = s.getOutputStream();
		this.in = new DataInputStream(s.getInputStream());
		this.request = ("GET /1k.bin HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);

		this.out.write(this.request);
		String head = ClientHandshake.readHead(this.in);
		if (!head.startsWith("HTTP/1.1 200 ")) {
			throw new IOException("Unexpected answer: " + head);
		}
		int length = contentLength(head);
		if (length != FILE_SIZE) {
			throw new IOException("Unexpected content-length " + length + " in " + head);
		}
		this.in.readNBytes(length);
		this.response = new byte[head.length() + length];
		// one sized trip before measuring: fails setup if a second response is not the same length
		getOnce();
	}

	/** Sends one GET and reads its whole response. */
	@Benchmark
	public byte getOnce() throws IOException {
		this.out.write(this.request);
		this.in.readFully(this.response);
		if (this.response[9] != '2' || this.response[10] != '0' || this.response[11] != '0') {
			throw new IOException("Unexpected status line in "
					+ new String(this.response, 0, 32, StandardCharsets.ISO_8859_1));
		}
		return this.response[this.response.length - 1];
	}

	/** Closes the client, destroys the context and removes the file. */
	@TearDown(Level.Trial)
	public void stop() throws IOException {
		try {
			TrialResources.close(this.socket, this.context);
		}
		finally {
			Files.deleteIfExists(this.www.resolve("1k.bin"));
			Files.deleteIfExists(this.www);
		}
	}

	private static int contentLength(String head) throws IOException {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
			}
		}
		throw new IOException("No content-length in " + head);
	}

}
