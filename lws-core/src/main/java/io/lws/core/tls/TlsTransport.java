package io.lws.core.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * A {@link Transport} that speaks TLS through an {@link SSLEngine}, server or client mode alike.
 * <ul>
 * <li>The handshake runs inside {@link #read} and {@link #flush}: the connection calls them when the socket is
 * readable or writable, and sees {@link #isReady()} turn true when it is done.</li>
 * <li>Delegated tasks (the handshake's expensive steps: key exchange, signing, certificate checks) run on
 * {@code taskExecutor}; meanwhile {@link #isBusy()} is true and the transport does no I/O and does not touch the engine
 * (a running task holds the engine's lock). When they finish,
 * {@code onTaskDone} is run through {@code resumeExecutor} (the service thread) to carry on.</li>
 * <li>Records may arrive split anywhere: a partial record is the only input a connection keeps between reads
 * ({@code netInStash}, sized to what is left). Encrypted bytes the socket did not take are the only output it keeps
 * ({@code netOutPending}). Everything else is in the service thread's {@link TlsBuffers}.</li>
 * <li>TLS 1.2 renegotiation is refused: a second handshake on an established session closes the connection. TLS 1.3
 * post-handshake messages (key update, session tickets) are handled.</li>
 * <li>{@code close_notify} both ways: a received one ends the stream (read returns -1) and is answered; {@link #close}
 * sends one, best effort, without blocking.</li>
 * </ul>
 */
public final class TlsTransport implements Transport {

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

	private static final ByteBuffer[] EMPTY_ARRAY = { EMPTY };

	private final SocketChannel channel;

	private final SSLEngine engine;

	private final TlsBuffers buffers;

	private final Executor taskExecutor;

	private final Executor resumeExecutor;

	private final Runnable onTaskDone;

	private final int sslLevel;

	/** Received bytes of a record not yet complete; null when none. */
	private ByteBuffer netInStash;

	/** Encrypted bytes the socket has not taken yet; null when none. */
	private ByteBuffer netOutPending;

	private boolean handshakeDone;

	private boolean busy;

	private boolean inboundDone;

	/** Whether the first bytes from the peer were looked at (see {@link #checkPeerSpeaksTls}). */
	private boolean peerSpokeTls;

	private boolean closed;

	private volatile Throwable taskFailure;

	/**
	 * A TLS transport.
	 * @param channel the connected socket
	 * @param engine a fresh engine, in server or client mode, its parameters set
	 * @param buffers the service thread's scratch buffers
	 * @param taskExecutor where delegated tasks run (a direct executor runs them in line)
	 * @param resumeExecutor where {@code onTaskDone} runs: the service thread
	 * @param onTaskDone carries on after the tasks (typically: read and flush again)
	 * @param sslLevel what {@link #isSsl()} answers: 1, or 2 for a client that does not check the peer
	 * @param initialInput bytes already received from the socket (a sniffed ClientHello), or null
	 */
	public TlsTransport(SocketChannel channel, SSLEngine engine, TlsBuffers buffers, Executor taskExecutor,
			Executor resumeExecutor, Runnable onTaskDone, int sslLevel, ByteBuffer initialInput) {
		this.channel = channel;
		this.engine = engine;
		this.buffers = buffers;
		this.taskExecutor = taskExecutor;
		this.resumeExecutor = resumeExecutor;
		this.onTaskDone = onTaskDone;
		this.sslLevel = sslLevel;
		buffers.fit(engine.getSession());
		if (initialInput != null && initialInput.hasRemaining()) {
			this.netInStash = ByteBuffer.allocate(initialInput.remaining());
			this.netInStash.put(initialInput).flip();
		}
	}

	/** The engine, for the session, the peer's certificates and the negotiated protocol. */
	public SSLEngine engine() {
		return this.engine;
	}

	/** The TLS session (the handshake session while handshaking). */
	public SSLSession session() {
		return this.engine.getSession();
	}

	/**
	 * Starts the handshake from our side: a client sends its ClientHello. Servers need not call this.
	 * @throws IOException when the socket fails
	 */
	public void beginHandshake() throws IOException {
		this.engine.beginHandshake();
		read(this.buffers.app);
	}

	@Override
	public int read(ByteBuffer dst) throws IOException {
		if (this.closed) {
			return -1;
		}
		if (this.busy) {
			return 0;
		}
		rethrowTaskFailure();
		if (this.inboundDone) {
			return -1;
		}
		ByteBuffer net = this.buffers.netIn;
		net.clear();
		if (this.netInStash != null) {
			net.put(this.netInStash);
			this.netInStash = null;
		}
		net.flip();
		boolean socketRead = false;
		boolean eof = false;
		int produced = 0;
		boolean wasDone = this.handshakeDone;
		try {
			loop: while (true) {
				HandshakeStatus hs = this.engine.getHandshakeStatus();
				if (this.handshakeDone && hs != HandshakeStatus.NOT_HANDSHAKING && isRenegotiation()) {
					throw new SSLException("TLS renegotiation refused");
				}
				switch (hs) {
					case NEED_TASK -> {
						if (startTasks()) {
							break loop;
						}
						continue;
					}
					case NEED_WRAP -> {
						if (!wrapNow(EMPTY_ARRAY) || (this.handshakeDone && !wasDone)) {
							// the socket is full, or the handshake just finished: the connection switches paths
							break loop;
						}
						continue;
					}
					default -> {
						// unwrap below
					}
				}
				if (this.handshakeDone && !dst.hasRemaining()) {
					break;
				}
				SSLEngineResult r = null;
				if (net.hasRemaining()) {
					if (!this.peerSpokeTls) {
						checkPeerSpeaksTls(net);
					}
					r = this.engine.unwrap(net, dst);
				}
				if (r == null || r.getStatus() == Status.BUFFER_UNDERFLOW) {
					if (socketRead || eof) {
						break;
					}
					if (net.limit() == net.capacity() && net.position() == 0) {
						throw new SSLException("A TLS record is larger than " + net.capacity() + " bytes");
					}
					net.compact();
					int n = this.channel.read(net);
					net.flip();
					socketRead = true;
					if (n < 0) {
						eof = true;
						break;
					}
					if (n == 0) {
						break;
					}
					continue;
				}
				produced += r.bytesProduced();
				if (r.getStatus() == Status.CLOSED) {
					// the peer's close_notify: answer it (the engine has closed its outbound side) and end the stream
					this.inboundDone = true;
					wrapNow(EMPTY_ARRAY);
					break;
				}
				if (r.getStatus() == Status.BUFFER_OVERFLOW) {
					if (produced == 0 && dst.position() == 0) {
						throw new SSLException("The read buffer (" + dst.capacity()
								+ " bytes) is smaller than a TLS record");
					}
					break;
				}
				if (r.getHandshakeStatus() == HandshakeStatus.FINISHED && !this.handshakeDone) {
					this.handshakeDone = true;
					// the rest of the input is application data: let the connection switch to its reading path
					break;
				}
			}
		}
		catch (SSLException ex) {
			failed(net);
			throw ex;
		}
		finally {
			if (net.hasRemaining() && this.netInStash == null && !this.closed) {
				this.netInStash = ByteBuffer.allocate(net.remaining());
				this.netInStash.put(net).flip();
			}
		}
		if (this.busy) {
			// a delegated task holds the engine's lock now: touch nothing of it until the task is done
			return produced;
		}
		checkHandshakeDone();
		if (produced > 0) {
			return produced;
		}
		if (this.inboundDone) {
			return -1;
		}
		if (eof) {
			// a TCP close without close_notify: a truncation the application may care about; the stream ends either way
			this.inboundDone = true;
			try {
				this.engine.closeInbound();
			}
			catch (SSLException ex) {
				// "without close_notify": expected here
			}
			return -1;
		}
		return 0;
	}

	/**
	 * A client's first look at what the server sent: a TLS record starts with a content type from 20 to 24. Anything
	 * else (typically a plain HTTP answer to the ClientHello) is named plainly rather than left to the engine's
	 * "unrecognized SSL message". Servers sniff the ClientHello before a transport exists.
	 */
	private void checkPeerSpeaksTls(ByteBuffer net) throws SSLException {
		this.peerSpokeTls = true;
		int type = net.get(net.position()) & 0xFF;
		if (!this.engine.getUseClientMode() || (type >= 20 && type <= 24)) {
			return;
		}
		StringBuilder start = new StringBuilder();
		for (int i = net.position(); i < net.limit() && start.length() < 24; i++) {
			char ch = (char) (net.get(i) & 0xFF);
			if (ch == '\r' || ch == '\n') {
				break;
			}
			start.append((ch >= 0x20 && ch < 0x7F) ? ch : '.');
		}
		throw new SSLException("the server did not answer with TLS (it sent '" + start
				+ "'): is it a plain HTTP or WebSocket port?");
	}

	private boolean isRenegotiation() {
		String protocol = this.engine.getSession().getProtocol();
		return !protocol.startsWith("TLSv1.3") && !protocol.startsWith("DTLS");
	}

	/** Sends the alert the engine has after a failure, best effort, and forgets buffered input. */
	private void failed(ByteBuffer net) {
		net.position(net.limit());
		this.netInStash = null;
		try {
			this.engine.closeOutbound();
			wrapNow(EMPTY_ARRAY);
		}
		catch (IOException | RuntimeException ex) {
			// the alert is a courtesy
		}
	}

	private void checkHandshakeDone() {
		if (!this.handshakeDone && this.engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
				&& !"SSL_NULL_WITH_NULL_NULL".equals(this.engine.getSession().getCipherSuite())) {
			this.handshakeDone = true;
		}
	}

	/** Runs delegated tasks; returns true when they went off-thread (the transport is now busy). */
	private boolean startTasks() {
		Runnable first = this.engine.getDelegatedTask();
		if (first == null) {
			return false;
		}
		this.busy = true;
		Runnable all = () -> {
			try {
				Runnable t = first;
				while (t != null) {
					t.run();
					t = this.engine.getDelegatedTask();
				}
			}
			catch (RuntimeException ex) {
				this.taskFailure = ex;
			}
		};
		try {
			this.taskExecutor.execute(() -> {
				all.run();
				this.resumeExecutor.execute(this::tasksDone);
			});
		}
		catch (RejectedExecutionException ex) {
			// the task pool is saturated: run them here rather than queue without bound
			all.run();
			this.busy = false;
			return false;
		}
		return this.busy;
	}

	private void tasksDone() {
		if (!this.busy) {
			return;
		}
		this.busy = false;
		if (!this.closed && this.onTaskDone != null) {
			this.onTaskDone.run();
		}
	}

	private void rethrowTaskFailure() throws SSLException {
		Throwable f = this.taskFailure;
		if (f != null) {
			this.taskFailure = null;
			throw new SSLException("A TLS handshake task failed: " + f, f);
		}
	}

	/**
	 * Wraps once (handshake messages or an alert when {@code srcs} is empty) and writes the record. Returns false
	 * when the socket did not take all of it.
	 */
	private boolean wrapNow(ByteBuffer[] srcs) throws IOException {
		if (!flushPending()) {
			return false;
		}
		ByteBuffer out = this.buffers.netOut;
		out.clear();
		SSLEngineResult r = this.engine.wrap(srcs, out);
		if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
			this.handshakeDone = true;
		}
		out.flip();
		return writeNet(out);
	}

	private boolean writeNet(ByteBuffer out) throws IOException {
		while (out.hasRemaining()) {
			if (this.channel.write(out) == 0) {
				break;
			}
		}
		if (out.hasRemaining()) {
			this.netOutPending = ByteBuffer.allocate(out.remaining());
			this.netOutPending.put(out).flip();
			return false;
		}
		return true;
	}

	private boolean flushPending() throws IOException {
		ByteBuffer p = this.netOutPending;
		if (p == null) {
			return true;
		}
		while (p.hasRemaining()) {
			if (this.channel.write(p) == 0) {
				return false;
			}
		}
		this.netOutPending = null;
		return true;
	}

	@Override
	public long write(ByteBuffer[] srcs) throws IOException {
		if (this.closed) {
			throw new IOException("The TLS transport is closed");
		}
		if (!this.handshakeDone || this.busy || !flushPending()) {
			return 0;
		}
		long consumed = 0;
		while (remaining(srcs) > 0) {
			ByteBuffer out = this.buffers.netOut;
			out.clear();
			SSLEngineResult r = this.engine.wrap(srcs, out);
			consumed += r.bytesConsumed();
			if (r.getStatus() == Status.CLOSED) {
				throw new IOException("The TLS session is closed");
			}
			out.flip();
			boolean all = writeNet(out);
			if (!all || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
				break;
			}
		}
		return consumed;
	}

	private static long remaining(ByteBuffer[] srcs) {
		long n = 0;
		for (ByteBuffer b : srcs) {
			n += b.remaining();
		}
		return n;
	}

	@Override
	public boolean flush() throws IOException {
		if (this.closed) {
			return true;
		}
		if (!flushPending()) {
			return false;
		}
		if (!this.handshakeDone && !this.busy && this.engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
			// a handshake that stopped on a full socket carries on
			read(this.buffers.app);
		}
		return this.netOutPending == null;
	}

	@Override
	public int pendingOutput() {
		return (this.netOutPending != null) ? this.netOutPending.remaining() : 0;
	}

	@Override
	public boolean hasBufferedInput() {
		// a close_notify read together with application data ends the stream at the next read, which no socket event
		// will ask for (the peer may keep its TCP side open): it counts as input still to be read
		return (this.netInStash != null || this.inboundDone) && !this.busy && !this.closed;
	}

	@Override
	public boolean isReady() {
		return this.handshakeDone;
	}

	@Override
	public boolean isBusy() {
		return this.busy;
	}

	@Override
	public boolean supportsTransferTo() {
		return false;
	}

	@Override
	public int minReadBuffer() {
		return this.buffers.app.capacity();
	}

	@Override
	public int isSsl() {
		return this.sslLevel;
	}

	@Override
	public SocketChannel channel() {
		return this.channel;
	}

	/** Bytes this connection holds in TLS buffers of its own now (partial records in, unsent records out). */
	public int heldBytes() {
		return ((this.netInStash != null) ? this.netInStash.capacity() : 0) + pendingOutput();
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		try {
			if (this.channel.isOpen() && this.channel.isConnected() && !this.busy) {
				this.engine.closeOutbound();
				if (flushPending() && !this.busy) {
					wrapNow(EMPTY_ARRAY);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// close_notify is best effort
		}
		this.closed = true;
		this.netInStash = null;
		this.netOutPending = null;
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public String toString() {
		// never the engine's state here: a delegated task may hold its lock
		return "TlsTransport[" + (this.handshakeDone ? "established" : "handshaking") + (this.busy ? ", busy" : "")
				+ ", held=" + heldBytes() + "]";
	}

}
