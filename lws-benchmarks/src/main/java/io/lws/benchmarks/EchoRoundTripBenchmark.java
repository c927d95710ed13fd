package io.lws.benchmarks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

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
import io.lws.core.metrics.MetricsRecorder;
import io.lws.core.protocols.EchoHandler;
import io.lws.core.tls.CertificateGenerator;
import io.lws.core.ws.FrameHeader;
import io.lws.core.ws.FrameWriter;
import io.lws.core.ws.Opcode;
import io.lws.spring.boot.autoconfigure.metrics.MicrometerMetricsRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Measures the whole engine end to end: round trips per second of a 64-byte masked text message between one
 * blocking client socket and an {@link LwsContext} running an echo protocol, over TCP on 127.0.0.1. One operation
 * is: the client writes the frame, the service thread wakes from its selector, reads, parses, calls the protocol,
 * which writes the echo, and the client reads the whole echoed frame back. Only one message is ever in flight, so
 * this is a latency benchmark in throughput form (the score's inverse is the round-trip time), dominated by the
 * two wake-ups and four system calls of each trip rather than by the codec.
 * <p>
 * {@code recorder} shows what metrics cost on that hot path: {@code none} is the default
 * {@link MetricsRecorder#NONE}; {@code counting} is a {@link CountingRecorder}, which adds to a
 * {@code LongAdder} on every call the engine makes (per trip: bytes in, bytes out, a message in, a message out).
 * <p>
 * {@code transport} compares plain TCP with TLS: {@code tls} serves the same echo from a vhost with a certificate
 * generated at setup, and the client is a JDK {@code SSLSocket} (TLS 1.3, the JDK's default suite) trusting that
 * certificate. Each trip then also encrypts and decrypts one record each way on both sides.
 * <p>
 * The client and its handshake are written here on purpose, not taken from the engine: the benchmark must not
 * depend on the code it measures to talk to it. The client reuses one frame with one masking key, which a real
 * client must not do (RFC 6455 section 10.3) but which changes nothing for the server's work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EchoRoundTripBenchmark {

	/** Bytes of text per message. */
	static final int MESSAGE_SIZE = 64;

	/** The fixed GUID of the handshake (RFC 6455 section 1.3). */
	/** How long setup waits for the handshake before it gives up. */
	private static final int SETUP_TIMEOUT_MS = 10_000;

	/** {@code none}: no metrics; {@code counting}: a {@link CountingRecorder}. */
	@Param({ "none", "counting", "micrometer" })
	public String recorder;

	/** {@code plain}: TCP; {@code tls}: TLS over TCP. */
	@Param({ "plain", "tls" })
	public String transport;

	private LwsContext context;

	private CountingRecorder counting;

	private Socket socket;

	private OutputStream out;

	private DataInputStream in;

	/** The client's frame: a masked text message, ready to send. */
	private byte[] request;

	/** Where the echoed frame is read: an unmasked header of 2 bytes and the payload. */
	private final byte[] response = new byte[2 + MESSAGE_SIZE];

	/** Starts the server, connects and does the handshake; once per trial, so none of it is measured. */
	@Setup(Level.Trial)
	public void start() throws IOException {
		MetricsRecorder metrics = switch (this.recorder) {
			case "none" -> MetricsRecorder.NONE;
			case "counting" -> this.counting = new CountingRecorder();
			// the recorder the starter binds, on a registry that keeps every meter in memory
			case "micrometer" -> new MicrometerMetricsRecorder(new SimpleMeterRegistry());
			default -> throw new IllegalArgumentException("Unknown recorder " + this.recorder);
		};
		VhostCreationInfo.Builder vhost = VhostCreationInfo.builder("default")
			.iface("127.0.0.1")
			.port(0)
			.protocols(LwsProtocol.of("echo", new EchoHandler()));
		CertificateGenerator.Issued cert = null;
		boolean tls = switch (this.transport) {
			case "plain" -> false;
			case "tls" -> true;
			default -> throw new IllegalArgumentException("Unknown transport " + this.transport);
		};
		if (tls) {
			cert = CertificateGenerator.localhost();
			CertificateGenerator.TemporaryPem pem = cert.writeTemporaryPem("bench");
			vhost.sslCertFilepath(pem.certificateFile().toString())
				.sslPrivateKeyFilepath(pem.keyFile().toString());
		}
		this.context = LwsContext.create(
				ContextCreationInfo.builder().vhost(vhost.build()).metricsRecorder(metrics).build());
		int port = this.context.vhosts().get(0).listenPort();

		Socket plain = new Socket();
		// Without it Nagle's algorithm would hold each small frame back, waiting for the previous one's ACK.
		plain.setTcpNoDelay(true);
		plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SETUP_TIMEOUT_MS);
		plain.setSoTimeout(SETUP_TIMEOUT_MS);
		this.socket = tls ? tlsClient(plain, port, cert) : plain;
		this.out = this.socket.getOutputStream();
		this.in = new DataInputStream(this.socket.getInputStream());
		ClientHandshake.upgrade(this.out, this.in, port, null);
		this.request = maskedTextFrame(MESSAGE_SIZE);

		// One trip before measuring: fails setup, not the first iteration, if the echo does not work.
		roundTrip();
		for (int i = 0; i < MESSAGE_SIZE; i++) {
			if (this.response[2 + i] != (byte) ('a' + i % 26)) {
				throw new IOException("The echo differs from the message at byte " + i);
			}
		}
	}

	/** Sends one message and reads its echo. */
	@Benchmark
	public byte roundTrip() throws IOException {
		this.out.write(this.request);
		this.in.readFully(this.response);
		if (this.response[0] != (byte) (FrameHeader.FIN | Opcode.TEXT.code()) || this.response[1] != MESSAGE_SIZE) {
			throw new IOException("Unexpected frame header " + (this.response[0] & 0xFF) + " "
					+ (this.response[1] & 0xFF));
		}
		return this.response[2 + MESSAGE_SIZE - 1];
	}

	/** Closes the client and destroys the context; fails the trial if the counting recorder was never called. */
	@TearDown(Level.Trial)
	public void stop() throws IOException {
		TrialResources.close(this.socket, this.context);
		// Checked rather than printed: this runs inside the last iteration's window of -prof gc, and printing
		// from a forked JMH VM allocates enough to show in its per-operation figure.
		if (this.counting != null && this.counting.messagesIn() == 0) {
			throw new IllegalStateException("The engine never called the recorder: " + this.counting);
		}
	}

	/** Wraps {@code plain} in a JDK TLS client that trusts only {@code cert}, and completes the handshake. */
	private static Socket tlsClient(Socket plain, int port, CertificateGenerator.Issued cert) throws IOException {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("server", cert.certificate());
			TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			tmf.init(trust);
			SSLContext ctx = SSLContext.getInstance("TLS");
			ctx.init(null, tmf.getTrustManagers(), null);
			SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, "localhost", port, true);
			s.startHandshake();
			return s;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IOException("Cannot set up the TLS client: " + ex.getMessage(), ex);
		}
	}


	/** A final text frame of {@code size} letters, masked with a random nonzero key. */
	private static byte[] maskedTextFrame(int size) {
		int key = ThreadLocalRandom.current().nextInt() | 1;
		ByteBuffer frame = ByteBuffer.allocate(FrameHeader.size(size, true) + size);
		FrameWriter.writeHeader(frame, true, false, Opcode.TEXT, size, key, true);
		ByteBuffer payload = frame.slice();
		for (int i = 0; i < size; i++) {
			payload.put((byte) ('a' + i % 26));
		}
		FrameWriter.mask(payload.flip(), key, 0);
		return frame.array();
	}

}
