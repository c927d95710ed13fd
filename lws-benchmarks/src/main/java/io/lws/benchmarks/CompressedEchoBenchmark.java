package io.lws.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.lws.core.ContextCreationInfo;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.VhostCreationInfo;
import io.lws.core.ext.pmd.PerMessageDeflate;
import io.lws.core.protocols.EchoHandler;
import io.lws.core.ws.FrameHeader;
import io.lws.core.ws.FrameWriter;
import io.lws.core.ws.Opcode;

/**
 * Measures permessage-deflate end to end: compressed text messages of {@code size} bytes echoed by an
 * {@link LwsContext} running the echo protocol with {@link PerMessageDeflate}, over TCP on 127.0.0.1, one message in
 * flight. One operation is: the client writes one compressed, masked message; the server inflates it into
 * {@code rx_buffer_size} (4096) pieces, gives each to the echo protocol, which writes it back as a fragment that the
 * server compresses into frames; the client reads frames up to the one with FIN.
 * <p>
 * {@code takeover}: {@code true} negotiates plain {@code permessage-deflate} (each end keeps its compressor and
 * decompressor for the connection's life); {@code false} offers {@code server_no_context_takeover} and
 * {@code client_no_context_takeover} (both reset after every message, borrowing from the service thread's pool).
 * <p>
 * The client does as little as it can, so that the server's work dominates: it compresses the message once in setup
 * (a message compressed on its own is valid under either mode) and masks it once, and it reads the echo's frames
 * without inflating them (setup inflates one echo and checks it). The text is made of a few hundred distinct words
 * drawn at random, which deflate shrinks to about a third.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class CompressedEchoBenchmark {

	private static final int SETUP_TIMEOUT_MS = 10_000;

	/** Bytes of text per message. */
	@Param({ "64", "4096", "1048576" })
	public int size;

	/** Whether context takeover is negotiated (see the class comment). */
	@Param({ "true", "false" })
	public boolean takeover;

	private LwsContext context;

	private Socket socket;

	private OutputStream out;

	private DataInputStream in;

	private byte[] message;

	/** The client's message: one masked text frame with RSV1. */
	private byte[] request;

	/** Where echoed payloads are read; its contents are not used. */
	private final byte[] sink = new byte[64 * 1024];

	@Setup(Level.Trial)
	public void start() throws IOException {
		VhostCreationInfo vhost = VhostCreationInfo.builder("default")
			.iface("127.0.0.1")
			.port(0)
			.protocols(LwsProtocol.of("echo", new EchoHandler()))
			.extensions(PerMessageDeflate.create())
			.build();
		this.context = LwsContext.create(ContextCreationInfo.builder().vhost(vhost).build());
		int port = this.context.vhosts().get(0).listenPort();
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SETUP_TIMEOUT_MS);
		this.socket.setSoTimeout(SETUP_TIMEOUT_MS);
		this.out = this.socket.getOutputStream();
		this.in = new DataInputStream(this.socket.getInputStream());
		String offer = this.takeover ? "permessage-deflate"
				: "permessage-deflate; server_no_context_takeover; client_no_context_takeover";
		String answer = ClientHandshake.upgrade(this.out, this.in, port, offer);
		if (!answer.equals(offer)) {
			throw new IOException("The server answered '" + answer + "' to '" + offer + "'");
		}
		this.message = text(this.size);
		this.request = compressedFrame(this.message);
		// one trip, inflated and compared, before measuring
		this.out.write(this.request);
		byte[] echo = readEcho(true);
		if (!Arrays.equals(echo, this.message)) {
			throw new IOException("The echo differs from the message");
		}
	}

	/** Sends one compressed message and reads its compressed echo. */
	@Benchmark
	public int roundTrip() throws IOException {
		this.out.write(this.request);
		return readEcho(false).length;
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		TrialResources.close(this.socket, this.context);
	}

	private static final byte[] NONE = new byte[0];

	/**
	 * Reads frames up to the end of a data message; with {@code inflate}, returns the message inflated (setup only),
	 * otherwise an empty array, allocating nothing.
	 */
	private byte[] readEcho(boolean inflate) throws IOException {
		ByteArrayOutputStream compressed = inflate ? new ByteArrayOutputStream() : null;
		boolean fin;
		boolean first = true;
		do {
			int b0 = this.in.readUnsignedByte();
			int b1 = this.in.readUnsignedByte();
			fin = (b0 & FrameHeader.FIN) != 0;
			if (first && (b0 & FrameHeader.RSV1) == 0) {
				throw new IOException("The echo is not compressed");
			}
			first = false;
			long length = b1 & 0x7F;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			while (length > 0) {
				int n = (int) Math.min(length, this.sink.length);
				this.in.readFully(this.sink, 0, n);
				if (compressed != null) {
					compressed.write(this.sink, 0, n);
				}
				length -= n;
			}
		}
		while (!fin);
		return inflate ? inflate(compressed.toByteArray()) : NONE;
	}

	private static byte[] inflate(byte[] compressed) throws IOException {
		Inflater inflater = new Inflater(true);
		// RFC 7692 7.2.2: append 00 00 ff ff, then inflate
		byte[] all = Arrays.copyOf(compressed, compressed.length + 4);
		all[all.length - 2] = (byte) 0xFF;
		all[all.length - 1] = (byte) 0xFF;
		inflater.setInput(all);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buf = new byte[65536];
		try {
			int n;
			while ((n = inflater.inflate(buf)) > 0 || !(inflater.needsInput() || inflater.finished())) {
				out.write(buf, 0, n);
			}
		}
		catch (DataFormatException ex) {
			throw new IOException("The echo does not inflate", ex);
		}
		finally {
			inflater.end();
		}
		return out.toByteArray();
	}

	/** A final masked text frame with RSV1 holding {@code message} compressed on its own (RFC 7692 7.2.1). */
	private static byte[] compressedFrame(byte[] message) {
		Deflater deflater = new Deflater(1, true);
		deflater.setInput(message);
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] buf = new byte[65536];
		int n;
		do {
			n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
			compressed.write(buf, 0, n);
		}
		while (n == buf.length || !deflater.needsInput());
		deflater.end();
		byte[] payload = compressed.toByteArray();
		payload = Arrays.copyOf(payload, payload.length - 4);
		int key = ThreadLocalRandom.current().nextInt() | 1;
		ByteBuffer frame = ByteBuffer.allocate(FrameHeader.size(payload.length, true) + payload.length);
		FrameWriter.writeHeader(frame, true, true, Opcode.TEXT, payload.length, key, true);
		ByteBuffer body = frame.slice();
		body.put(payload);
		FrameWriter.mask(body.flip(), key, 0);
		return frame.array();
	}

	/** Text of {@code size} ASCII bytes: words drawn from a vocabulary of 512, always the same for a size. */
	static byte[] text(int size) {
		Random random = new Random(size);
		String[] words = new String[512];
		for (int i = 0; i < words.length; i++) {
			char[] w = new char[3 + random.nextInt(8)];
			for (int j = 0; j < w.length; j++) {
				w[j] = (char) ('a' + random.nextInt(26));
			}
			words[i] = new String(w);
		}
		StringBuilder s = new StringBuilder(size + 16);
		while (s.length() < size) {
			s.append(words[random.nextInt(words.length)]).append(' ');
		}
		return s.substring(0, size).getBytes(StandardCharsets.US_ASCII);
	}


}
