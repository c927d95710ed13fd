package io.lws.core.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import io.lws.core.CallbackReason;
import io.lws.core.HeaderToken;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.LwsVhost;
import io.lws.core.PeerAddresses;
import io.lws.core.PendingTimeout;
import io.lws.core.WriteProtocol;
import io.lws.core.http.HeaderTable;
import io.lws.core.log.LwsLog;
import io.lws.core.mount.FileOps;
import io.lws.core.tls.PlainTransport;
import io.lws.core.tls.TlsTransport;
import io.lws.core.tls.Transport;

/**
 * One connection ("wsi"): its socket, its output, its timeout and timer, and the role that interprets its bytes
 * (HTTP/1.1 server, then WebSocket after an upgrade). Implements {@link Lws} for the application.
 * <p>
 * Everything here runs on the owning {@link ServiceThread}; the public {@link Lws} methods check that, except
 * {@link #callbackOnWritable()} and {@link #cancelServicePt()}, which hop threads safely.
 * <p>
 * Bytes go through a {@link Transport}: plain, or TLS. On a TLS port the connection first looks at the ClientHello
 * to choose the vhost by SNI (or to find plain HTTP), then runs the handshake under
 * {@code PENDING_TIMEOUT_SSL_ACCEPT} without a header buffer ({@link TlsSetup}); the HTTP role starts only once the
 * transport is ready. Output waits in an {@link OutputQueue} until the end of the service pass, or until the socket
 * takes it.
 */
public final class Connection implements Lws {

	/** Why a connection is closing, for logs and callbacks. */
	enum CloseCause {

		/** The peer closed its side. */
		PEER_CLOSED,
		/** The application asked (non-zero return or a completed transaction that must close). */
		APPLICATION,
		/** Bad input from the peer. */
		PROTOCOL_ERROR,
		/** A pending timeout expired. */
		TIMEOUT,
		/** A socket error. */
		IO_ERROR,
		/** The context is being destroyed. */
		CONTEXT_DESTROY

	}

	final ServiceThread pt;

	/** The socket: accepted or adopted; for a client, opened once the server's address is known (and on a reset). */
	SocketChannel channel;

	final ListenSocket listen;

	/** Plain or TLS; null while the first bytes on a TLS port are being looked at. */
	Transport transport;

	/** Whether the role has been started on a ready transport (at once for plain, after the TLS handshake). */
	boolean transportReadyHandled;

	/** The TLS handshake's state, on connections that may speak TLS; {@code null} on the others. */
	private TlsSetup tls;

	private boolean drainPosted;

	VhostImpl vhost;

	/** The protocol bound now: the vhost's first during HTTP, the negotiated one after upgrade. */
	LwsProtocol<?> protocol;

	Object session;

	private SelectionKey key;

	private int interestOps;

	// ---- role ----

	/** The HTTP server role; {@code null} on a client connection. */
	final HttpServerRole http;

	/** The client role (connect, handshake, HTTP response); {@code null} on a server connection. */
	final ClientRole client;

	/** The WebSocket role once upgraded (either side). */
	WsRole ws;

	/** The connection given as {@code parent_wsi}, or {@code null}. */
	Connection parent;

	/** Client connections opened with this one as their parent; {@code null} until there is one. */
	private java.util.List<Connection> children;

	// ---- output ----

	private final OutputQueue output;

	private boolean blocked;

	long lastWriteProgressNanos;

	private boolean closeAfterFlush;

	/** Whether the socket is corked for its last output ({@link #corkLastOutput()}). */
	private boolean corked;

	/**
	 * After our last bytes went out, the write side is shut and what the peer still sends is read and dropped for a
	 * moment, so the peer sees our answer (a 400, a close frame) instead of a reset caused by its own late bytes.
	 */
	private boolean lingering;

	/**
	 * Set when the peer has said it sends nothing more (a WebSocket server's closing handshake is complete): once the
	 * output is out the connection closes at once, without {@link #lingering}.
	 */
	private boolean closeWithoutLinger;

	private int lingerBytes;

	/** At most this much is read and dropped while lingering. */
	private static final int LINGER_LIMIT = 256 * 1024;

	FileTransfer fileTransfer;

	// ---- input ----

	/** Bytes read but not yet consumed (pipelined requests, frames after a pause); {@code null} when none. */
	ByteBuffer stash;

	private boolean rxFlowEnabled = true;

	boolean readPaused;

	// ---- scheduling flags used by ServiceThread ----

	boolean queuedForWritable;

	boolean queuedForFlush;

	boolean writableRequested;

	private final AtomicBoolean crossThreadWritable = new AtomicBoolean();

	boolean waitingForHeaderTable;

	// ---- timeouts and timers ----

	PendingTimeout timeoutReason = PendingTimeout.NO_PENDING_TIMEOUT;

	long timeoutDeadline;

	boolean timeoutLinked;

	Connection timeoutPrev;

	Connection timeoutNext;

	long timerGeneration;

	/** The service pass ({@link ServiceThread}) that last handled this connection's readiness. */
	long servedInPass = -2;

	// ---- lifecycle ----

	private volatile boolean closed;

	private boolean created;

	private final long openedNanos = System.nanoTime();

	Connection(ServiceThread pt, SocketChannel channel, ListenSocket listen, VhostImpl vhost) {
		this.pt = pt;
		this.channel = channel;
		this.listen = listen;
		this.vhost = vhost;
		this.protocol = vhost.firstProtocol();
		this.output = new OutputQueue(pt);
		this.http = new HttpServerRole(this);
		this.client = null;
	}

	/** A client connection, not yet connected: {@link #openClient()} starts it on its service thread. */
	Connection(ServiceThread pt, VhostImpl vhost, io.lws.core.ClientConnectInfo info) {
		this.pt = pt;
		this.listen = null;
		this.vhost = vhost;
		this.protocol = vhost.firstProtocol();
		this.output = new OutputQueue(pt);
		this.http = null;
		this.client = new ClientRole(this, info);
	}

	/**
	 * Starts a client connection on the service thread: registers it, runs the creation callbacks, binds the
	 * protocol and begins resolving the server's address.
	 */
	void openClient() {
		this.pt.register(this);
		this.vhost.connectionOpened();
		this.created = true;
		this.pt.context.metrics().connectionOpened(this.vhost.name());
		if (this.parent != null && !this.parent.closed) {
			// a closed parent is refused by the client role once the child's session is bound
			if (this.parent.children == null) {
				this.parent.children = new java.util.ArrayList<>(2);
			}
			this.parent.children.add(this);
		}
		if (callFirst(CallbackReason.WSI_CREATE) != 0) {
			closeNow(CloseCause.APPLICATION);
			return;
		}
		this.client.start();
	}

	/**
	 * Registers a freshly opened client socket with the selector, waiting for the connect to finish when it has not
	 * yet.
	 */
	void attachClientSocket(SocketChannel sc, boolean connected) throws IOException {
		this.channel = sc;
		this.interestOps = connected ? 0 : SelectionKey.OP_CONNECT;
		this.key = sc.register(this.pt.selector, this.interestOps, this);
		pollCallback(CallbackReason.ADD_POLL_FD, 0);
	}

	/** The selector says a client socket's connect finished (or failed). */
	void onConnectable() {
		if (this.closed) {
			return;
		}
		setInterest(this.interestOps & ~SelectionKey.OP_CONNECT);
		this.client.onConnectable();
	}

	/** Starts plain transport on a connected client socket. */
	void usePlainTransport() {
		this.transport = new PlainTransport(this.channel);
		this.transportReadyHandled = true;
	}

	/** Starts a TLS client handshake on a connected client socket; {@link TlsSetup} starts the role once it is done. */
	void startClientTls(SSLEngine engine, int sslLevel, ByteBuffer initialInput) throws IOException {
		if (this.tls == null) {
			this.tls = new TlsSetup(this);
		}
		this.tls.startClient(engine, sslLevel, initialInput);
	}

	/**
	 * Drops the socket of a client connection that is being retargeted ({@code lws_client_reset}) without ending the
	 * connection: no close callbacks, the session and protocol stay.
	 */
	void dropClientSocket() {
		boolean registered = (this.key != null);
		if (registered) {
			pollCallback(CallbackReason.DEL_POLL_FD, this.interestOps);
			this.key.cancel();
			this.key = null;
		}
		this.interestOps = 0;
		forgetVerification();
		closeSocket(registered);
		this.transport = null;
		this.channel = null;
		this.transportReadyHandled = false;
		this.output.release();
		if (this.blocked) {
			this.blocked = false;
			this.pt.blockedWriters.remove(this);
		}
		this.stash = null;
		this.readPaused = false;
		this.closeAfterFlush = false;
		this.corked = false;
		this.closeWithoutLinger = false;
	}

	/**
	 * Registers the accepted socket with the service thread and runs the accept-time callbacks. Only on the service
	 * thread.
	 */
	void open(ByteBuffer initialBytes) throws IOException {
		this.channel.configureBlocking(false);
		this.key = this.channel.register(this.pt.selector, 0, this);
		this.pt.register(this);
		this.vhost.connectionOpened();
		this.created = true;
		this.pt.context.metrics().connectionOpened(this.vhost.name());
		pollCallback(CallbackReason.ADD_POLL_FD, 0);
		if (callFirst(CallbackReason.WSI_CREATE) != 0) {
			closeNow(CloseCause.APPLICATION);
			return;
		}
		if (callFirst(CallbackReason.FILTER_NETWORK_CONNECTION) != 0) {
			LwsLog.info("Connection from {} refused by FILTER_NETWORK_CONNECTION", getPeerSimple());
			this.pt.context.metrics().connectionRejected(this.vhost.name(), "filtered");
			closeNow(CloseCause.APPLICATION);
			return;
		}
		callFirst(CallbackReason.SERVER_NEW_CLIENT_INSTANTIATED);
		if (initialBytes != null && initialBytes.hasRemaining()) {
			this.stash = ByteBuffer.allocate(initialBytes.remaining());
			this.stash.put(initialBytes).flip();
		}
		if (this.listen != null && this.listen.isTls()) {
			// the ClientHello (or plain bytes) first; the HTTP role waits for the handshake
			this.tls = new TlsSetup(this);
			setTimeoutInternal(PendingTimeout.SSL_ACCEPT, this.vhost.info().timeoutSecs());
			setReadInterest(true);
			if (this.stash != null) {
				this.tls.sniff();
			}
			return;
		}
		this.transport = new PlainTransport(this.channel);
		this.transportReadyHandled = true;
		this.http.startWaitingForRequest(true);
	}

	// ---- TLS and the vhost ----

	/** Moves the connection to the vhost its TLS handshake chose by SNI. */
	void moveTo(VhostImpl chosen) {
		if (chosen != this.vhost) {
			this.vhost.connectionMovedAway();
			chosen.connectionMovedIn();
			this.vhost = chosen;
			this.protocol = chosen.firstProtocol();
		}
	}

	/** Stops the certificate-check callback finding this connection (its socket is going away). */
	private void forgetVerification() {
		if (this.tls != null) {
			this.tls.forgetVerification();
		}
	}

	/** A read or write failed: the client role decides while it is still HTTP; otherwise the connection closes. */
	void onTransportError(IOException ex) {
		if (this.client != null && this.ws == null) {
			this.client.onTransportError(ex, !this.transport.isReady());
			return;
		}
		if (ex instanceof SSLException) {
			boolean handshaking = !this.transport.isReady();
			LwsLog.info("TLS {} with {} failed: {}", handshaking ? "handshake" : "session", getPeerSimple(),
					ex.getMessage());
			if (handshaking) {
				this.pt.context.metrics().tlsHandshake(this.vhost.name(), "failed");
			}
			closeNow(CloseCause.PROTOCOL_ERROR);
			return;
		}
		LwsLog.debug("Read failed on {}: {}", this, ex.getMessage());
		closeNow(CloseCause.IO_ERROR);
	}

	/**
	 * Chooses the vhost for a request's Host header. Plain: among the vhosts of the port. TLS: the handshake chose the
	 * vhost (and its certificate); a Host naming another vhost of the port is misdirected (null: 421).
	 */
	VhostImpl selectVhostForHost(String host) {
		VhostImpl bySni = (this.tls != null) ? this.tls.chosenVhost() : null;
		if (bySni == null) {
			return this.listen.selectVhost(host);
		}
		VhostImpl named = this.listen.findVhost(host);
		if (named != null && named != bySni) {
			return null;
		}
		return bySni;
	}

	// ---- input path ----

	/** The selector says the socket is readable. */
	void onReadable() {
		if (this.closed) {
			return;
		}
		if (this.transport == null) {
			if (this.tls != null) {
				this.tls.sniffRead();
			}
			return;
		}
		if (this.lingering) {
			drainLinger();
			return;
		}
		if (!this.transport.isReady()) {
			this.tls.advanceHandshake();
			return;
		}
		if (!wantsToRead()) {
			setReadInterest(false);
			return;
		}
		readFromTransport();
	}

	/**
	 * Reads application bytes and feeds them to the role: one socket read, then (TLS) what is left of records already
	 * received, while the role wants more.
	 */
	private void readFromTransport() {
		if (!headerTableReady()) {
			return;
		}
		boolean records = this.transport instanceof TlsTransport;
		ByteBuffer buf = records ? this.pt.tlsBuffers().applicationBuffer() : this.pt.readBuffer;
		for (int round = 0; round < 16; round++) {
			buf.clear();
			int n;
			try {
				n = this.transport.read(buf);
			}
			catch (IOException ex) {
				onTransportError(ex);
				return;
			}
			if (n < 0) {
				onPeerClosed();
				return;
			}
			if (this.transport.pendingOutput() > 0) {
				// a TLS reply (key update, close_notify) the socket did not take
				block();
			}
			if (n == 0) {
				break;
			}
			buf.flip();
			this.pt.traffic.bytesIn(n);
			consume(buf);
			if (this.closed || !records || this.transport == null || !this.transport.hasBufferedInput()
					|| !wantsToRead()
					|| this.stash != null
					|| !headerTableReady()) {
				break;
			}
		}
		if (!this.closed && records && this.transport != null && this.transport.hasBufferedInput() && wantsToRead()) {
			postDrain();
		}
	}

	/** Whether the HTTP server role has the header buffer it needs to read (it may have to wait for one). */
	private boolean headerTableReady() {
		return this.ws != null || this.http == null || this.http.ensureHeaderTable();
	}

	/** Feeds bytes to the current role; keeps what it leaves when it pauses. */
	void consume(ByteBuffer buf) {
		try {
			if (this.ws != null) {
				this.ws.consume(buf);
			}
			else if (this.client != null) {
				this.client.consume(buf);
			}
			else {
				this.http.consume(buf);
			}
		}
		catch (RuntimeException ex) {
			failInternal(ex);
			return;
		}
		if (!this.closed && buf.hasRemaining()) {
			stashRemaining(buf);
		}
	}

	/**
	 * Processes stashed bytes (pipelined requests, frames held back by flow control) now that the role can take them.
	 */
	void drainStash() {
		this.drainPosted = false;
		if (this.transport == null || !this.transport.isReady()) {
			return;
		}
		while (!this.closed && this.stash != null && wantsToRead()) {
			if (!headerTableReady()) {
				return;
			}
			ByteBuffer s = this.stash;
			this.stash = null;
			int before = s.remaining();
			consume(s);
			if (this.stash != null && this.stash.remaining() == before) {
				return;
			}
		}
		if (!this.closed && this.stash == null && this.transport.hasBufferedInput() && wantsToRead()) {
			readFromTransport();
		}
		if (!this.closed) {
			updateReadInterest();
		}
	}

	private void postDrain() {
		if (!this.drainPosted) {
			this.drainPosted = true;
			this.pt.post(this::drainStash);
		}
	}

	private void stashRemaining(ByteBuffer buf) {
		if (this.stash == buf) {
			if (buf.hasRemaining()) {
				return;
			}
			this.stash = null;
			return;
		}
		ByteBuffer s = ByteBuffer.allocate(buf.remaining() + ((this.stash != null) ? this.stash.remaining() : 0));
		s.put(buf);
		if (this.stash != null) {
			s.put(this.stash);
		}
		s.flip();
		this.stash = s;
	}

	private void onPeerClosed() {
		if (this.ws != null) {
			this.ws.onPeerEof();
		}
		else if (this.client != null) {
			this.client.onPeerEof();
		}
		else {
			this.http.onPeerEof();
		}
	}

	/** Whether the role wants bytes now (flow control, a request being answered, a header buffer to wait for). */
	boolean wantsToRead() {
		if (this.lingering) {
			return true;
		}
		if (this.transport == null) {
			// a server's TLS port sniffs the first bytes; a client has nothing to read before it is connected
			return this.client == null && !this.closed;
		}
		if (!this.transport.isReady()) {
			return !this.transport.isBusy();
		}
		if (!this.rxFlowEnabled || this.readPaused || this.waitingForHeaderTable) {
			return false;
		}
		if (this.ws != null) {
			return this.ws.wantsToRead();
		}
		return (this.client != null) ? this.client.wantsToRead() : this.http.wantsToRead();
	}

	/** Re-evaluates read interest after a state change; processes stashed bytes when reading may resume. */
	void updateReadInterest() {
		if (this.key == null) {
			return;
		}
		boolean want = wantsToRead();
		if (want && (this.stash != null || (this.transport != null && this.transport.hasBufferedInput()))) {
			postDrain();
			return;
		}
		setReadInterest(want);
	}

	void setReadInterest(boolean on) {
		int ops = on ? (this.interestOps | SelectionKey.OP_READ) : (this.interestOps & ~SelectionKey.OP_READ);
		setInterest(ops);
	}

	private void setWriteInterest(boolean on) {
		int ops = on ? (this.interestOps | SelectionKey.OP_WRITE) : (this.interestOps & ~SelectionKey.OP_WRITE);
		setInterest(ops);
	}

	private void setInterest(int ops) {
		if (ops == this.interestOps || this.closed || this.key == null || !this.key.isValid()) {
			return;
		}
		int prev = this.interestOps;
		this.interestOps = ops;
		this.key.interestOps(ops);
		pollCallback(CallbackReason.CHANGE_MODE_POLL_FD, prev);
	}

	// ---- output path ----

	/**
	 * Queues raw bytes for sending at the end of this service pass. Returns false (and closes the connection) when the
	 * connection is over its buffering limit.
	 */
	boolean queueOutput(ByteBuffer bytes) {
		return queueOutput(bytes, null);
	}

	/**
	 * Queues two pieces (a frame header and its payload, a head and its body) as one: no array per call, since a
	 * WebSocket write on the hot path comes here with exactly two.
	 * @param first the first bytes
	 * @param second the bytes after them, or {@code null}
	 */
	boolean queueOutput(ByteBuffer first, ByteBuffer second) {
		return queueOutput(first, second, false, 0);
	}

	/**
	 * Queues a frame header and its payload, masking the copy of the payload with {@code maskKey} (a client's frames,
	 * RFC 6455 section 5.3); the caller's buffer is left as it was.
	 */
	boolean queueMaskedOutput(ByteBuffer header, ByteBuffer payload, int maskKey) {
		return queueOutput(header, payload, true, maskKey);
	}

	private boolean queueOutput(ByteBuffer first, ByteBuffer second, boolean mask, int maskKey) {
		if (this.closed) {
			return false;
		}
		int total = first.remaining() + ((second != null) ? second.remaining() : 0);
		if (this.output.wouldGrowLarge(total) && canWriteEarly() && (!writeOut() || this.closed)) {
			return false;
		}
		long pending = this.output.size();
		long limit = this.pt.context.info().txBufferLimit();
		if (pending + total > limit) {
			LwsLog.warn("Closing {}: {} bytes would be waiting to go out, over the limit of {} (the writer ignored "
					+ "partialBuffered())", this, pending + total, limit);
			closeNow(CloseCause.IO_ERROR);
			return false;
		}
		this.output.append(first, second, mask, maskKey, limit);
		if (this.transport != null) {
			this.pt.queueFlush(this);
		}
		return true;
	}

	/**
	 * Whether output that no longer fits the buffer may be written now rather than at the end of the pass: the
	 * connection is ready and not waiting for the socket. Writing then keeps the buffer at its pooled size instead of
	 * growing (and copying) it for every large burst, such as a big message echoed in pieces.
	 */
	private boolean canWriteEarly() {
		return this.transport != null && !this.blocked && this.transportReadyHandled && this.transport.isReady();
	}

	/** Bytes waiting to be sent. */
	int pendingOutput() {
		return this.output.size()
				+ ((this.transport != null) ? this.transport.pendingOutput() : 0);
	}

	/** Writes pending output; then continues a file transfer or finishes a close that waited for the flush. */
	void flush() {
		if (this.closed || this.transport == null) {
			return;
		}
		try {
			if (!this.transport.flush()) {
				block();
				return;
			}
		}
		catch (IOException ex) {
			if (!this.transport.isReady()) {
				onTransportError(ex);
				return;
			}
			LwsLog.debug("Write failed on {}: {}", this, ex.getMessage());
			closeNow(CloseCause.IO_ERROR);
			return;
		}
		if (!this.transportReadyHandled) {
			// handshake output went out (and may have finished the handshake)
			unblock();
			this.tls.handshakeProgress();
			if (this.closed || !this.transport.isReady()) {
				return;
			}
		}
		if (this.closeAfterFlush && !this.corked) {
			corkLastOutput();
		}
		if (!writeOut()) {
			return;
		}
		if (this.output.holdsBuffer() && (this.output.size() > 0 || this.transport.pendingOutput() > 0)) {
			block();
			return;
		}
		this.output.release();
		unblock();
		if (this.fileTransfer != null) {
			this.http.pumpFile();
			return;
		}
		if (this.ws == null && this.client == null && this.http != null && this.http.isIdle()
				&& (this.stash != null || (this.interestOps & SelectionKey.OP_READ) == 0)) {
			// pipelined requests held back while the answers drained (HttpServerRole.wantsToRead) may go on; a
			// connection already reading with nothing stashed needs nothing here
			updateReadInterest();
		}
		if (this.closeAfterFlush) {
			finishClose();
		}
	}

	/**
	 * The output being flushed is the last before a shutdown or close: on a TCP socket, cork it, so the kernel holds
	 * its last partial segment until the FIN and sends the two as one segment. A WebSocket closing handshake then ends
	 * with the server's Close frame (over TLS, its close_notify too, written on close) and its FIN in one segment, as
	 * does a response that ends its connection: one segment fewer per connection (two over TLS) for the server to
	 * send and for the peer to take in.
	 */
	private void corkLastOutput() {
		if (this.fileTransfer == null && this.channel != null && remoteAddress() != null) {
			this.corked = true;
			TcpCork.apply(this.channel);
		}
	}

	/**
	 * Writes what the socket takes of the queued output, keeping the rest. Returns false when the write failed and the
	 * connection was closed.
	 */
	private boolean writeOut() {
		try {
			long written = this.output.writeTo(this.transport);
			if (written > 0) {
				this.lastWriteProgressNanos = System.nanoTime();
				this.pt.traffic.bytesOut(written);
			}
		}
		catch (IOException ex) {
			// closing gives the buffer back
			LwsLog.debug("Write failed on {}: {}", this, ex.getMessage());
			closeNow(CloseCause.IO_ERROR);
			return false;
		}
		return true;
	}

	void block() {
		if (!this.blocked) {
			this.blocked = true;
			this.lastWriteProgressNanos = System.nanoTime();
			this.pt.blockedWriters.add(this);
		}
		setWriteInterest(true);
	}

	private void unblock() {
		if (this.blocked) {
			this.blocked = false;
			this.pt.blockedWriters.remove(this);
		}
		if (!this.writableRequested || this.fileTransfer != null) {
			setWriteInterest(false);
		}
	}

	/** The selector says the socket can take more. */
	void onWritableReady() {
		flush();
		if (!this.closed && !this.blocked && this.writableRequested && this.fileTransfer == null) {
			setWriteInterest(false);
			deliverWritable();
		}
	}

	/** Gives the application the writeable callback it asked for, unless output is still blocked. */
	void deliverWritable() {
		if (!this.writableRequested || this.closed) {
			return;
		}
		if (this.blocked || this.fileTransfer != null) {
			setWriteInterest(true);
			return;
		}
		if (this.ws == null && this.client != null && !this.client.canTakeWritable()) {
			// not connected yet: the callback waits until the request is out
			return;
		}
		this.writableRequested = false;
		int ret;
		if (this.ws != null) {
			ret = this.ws.onWritable();
		}
		else if (this.client != null) {
			ret = this.client.onWritable();
		}
		else {
			ret = this.http.onWritable();
		}
		if (ret != 0) {
			closeFromCallback();
		}
	}

	/** No progress on pending output for too long: the peer is not reading. */
	void onTxStalled() {
		LwsLog.info("Dropping {}: the peer has read none of {} pending bytes for {} s", this, pendingOutput(),
				this.pt.context.info().txStallTimeoutSecs());
		this.pt.context.metrics().timeout("TX_STALL");
		closeNow(CloseCause.TIMEOUT);
	}

	/**
	 * Everything we had to say is out: on a plain TCP connection shut the write side and linger briefly (see
	 * {@link #lingering}); otherwise (TLS, whose close_notify the transport sends, or UNIX sockets), or when the peer
	 * has said it sends nothing more ({@link #closeAfterFlushWithoutLinger()}), close now.
	 */
	private void finishClose() {
		if (this.closed || this.lingering) {
			return;
		}
		if (this.closeWithoutLinger || !(this.transport instanceof PlainTransport) || remoteAddress() == null) {
			closeNow(CloseCause.APPLICATION);
			return;
		}
		try {
			this.channel.shutdownOutput();
		}
		catch (IOException ex) {
			closeNow(CloseCause.IO_ERROR);
			return;
		}
		this.lingering = true;
		this.stash = null;
		setTimeoutInternal(PendingTimeout.CLOSE_SEND, 2);
		setReadInterest(true);
	}

	/** Reads and drops what the peer still sends after our last bytes, until it closes or sends too much. */
	private void drainLinger() {
		ByteBuffer buf = this.pt.readBuffer;
		buf.clear();
		int n;
		try {
			n = this.channel.read(buf);
		}
		catch (IOException ex) {
			closeNow(CloseCause.PEER_CLOSED);
			return;
		}
		if (n < 0) {
			closeNow(CloseCause.PEER_CLOSED);
			return;
		}
		this.lingerBytes += n;
		if (this.lingerBytes > LINGER_LIMIT) {
			closeNow(CloseCause.APPLICATION);
		}
	}

	/**
	 * Closes once pending output is flushed, and then at once rather than lingering: for a WebSocket server whose
	 * closing handshake is complete, which RFC 6455 section 7.1.1 says must close the TCP connection immediately (the
	 * peer has sent its Close frame and sends nothing after it), as libwebsockets does.
	 */
	void closeAfterFlushWithoutLinger() {
		this.closeWithoutLinger = true;
		closeAfterFlush();
	}

	/** Closes once pending output is flushed (bounded by a flush timeout). */
	void closeAfterFlush() {
		if (this.closed) {
			return;
		}
		if (pendingOutput() == 0 && this.fileTransfer == null) {
			this.closeAfterFlush = true;
			finishClose();
			return;
		}
		this.closeAfterFlush = true;
		this.readPaused = true;
		setReadInterest(false);
		setTimeoutInternal(PendingTimeout.FLUSH_STORED_SEND_BEFORE_CLOSE, this.vhost.info().timeoutSecs());
		this.pt.queueFlush(this);
	}

	// ---- closing ----

	/** Graceful shutdown: WebSockets get close 1001, HTTP finishes its transaction and then closes. */
	void goAway() {
		if (this.closed) {
			return;
		}
		if (this.ws != null) {
			this.ws.goAway();
		}
		else if (this.client != null) {
			closeNow(CloseCause.CONTEXT_DESTROY);
		}
		else {
			this.http.goAway();
		}
	}

	/** A callback returned non-zero: close the way the current role does it. */
	void closeFromCallback() {
		if (this.ws != null) {
			this.ws.closeFromApplication();
		}
		else {
			closeAfterFlush();
		}
	}

	/** A bug in the engine or a callback that threw: log it and close this connection only. */
	void failInternal(Throwable ex) {
		LwsLog.err("Closing {} after an unexpected error: {}", this, ex.toString());
		LwsLog.debug("Stack trace", ex);
		closeNow(CloseCause.IO_ERROR);
	}

	/** Closes the socket now and gives the close callbacks. Idempotent. */
	void closeNow(CloseCause cause) {
		if (this.closed) {
			return;
		}
		if (this.children != null) {
			// children go first, as libwebsockets closes them before their parent
			for (Connection child : new java.util.ArrayList<>(this.children)) {
				child.closeNow((cause == CloseCause.CONTEXT_DESTROY) ? cause : CloseCause.APPLICATION);
			}
			this.children = null;
		}
		this.closed = true;
		if (this.parent != null && this.parent.children != null) {
			this.parent.children.remove(this);
		}
		if (this.ws != null) {
			this.ws.onClosed(cause);
		}
		else if (this.client != null) {
			this.client.onClosed(cause);
		}
		else {
			this.http.onClosed(cause);
		}
		if (this.fileTransfer != null) {
			this.fileTransfer.close();
			this.fileTransfer = null;
		}
		if (this.http != null) {
			this.http.releaseHeaderTable();
		}
		this.output.release();
		this.stash = null;
		this.pt.unregister(this);
		if (this.created) {
			this.vhost.connectionClosed();
			pollCallback(CallbackReason.DEL_POLL_FD, this.interestOps);
			callFirst(CallbackReason.WSI_DESTROY);
			// its bytes first: whoever sees the close also sees what the connection carried
			this.pt.traffic.reportTo(this.pt.context.metrics());
			this.pt.context.metrics().connectionClosed(this.vhost.name(), System.nanoTime() - this.openedNanos);
			this.pt.context.checkDrained();
		}
		boolean registered = (this.key != null);
		if (registered) {
			this.key.cancel();
		}
		forgetVerification();
		closeSocket(registered);
		LwsLog.debug("Closed {} ({})", this, cause);
	}

	/**
	 * Closes the socket: through the transport when there is one (TLS says close_notify first, best effort). A plain
	 * socket whose selection key was just cancelled is closed by the service thread after its next select
	 * ({@link ServiceThread#closeAfterSelect}), which spares the syscalls the JDK makes for a registered channel.
	 */
	private void closeSocket(boolean keyCancelled) {
		if (keyCancelled && this.channel != null && (this.transport == null || this.transport instanceof PlainTransport)
				&& this.pt.closeAfterSelect(this.channel)) {
			return;
		}
		if (this.transport != null) {
			this.transport.close();
		}
		else if (this.channel != null) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	/** Whether the connection is closed or closing once its output is flushed: nothing more is read or called. */
	boolean isClosing() {
		return this.closed || this.closeAfterFlush;
	}

	/** Whether the connection has been closed. */
	@Override
	public boolean isClosed() {
		return this.closed;
	}

	// ---- timeouts and timers ----

	void setTimeoutInternal(PendingTimeout reason, int secs) {
		if (reason == PendingTimeout.NO_PENDING_TIMEOUT || secs <= 0) {
			this.timeoutReason = PendingTimeout.NO_PENDING_TIMEOUT;
			this.pt.timeouts.remove(this);
			return;
		}
		armTimeout(reason, ServiceThread.nowSecs() + secs);
	}

	/** Makes {@code reason} pending until {@code deadlineSecs}; the once-a-second check closes the connection then. */
	private void armTimeout(PendingTimeout reason, long deadlineSecs) {
		this.timeoutReason = reason;
		this.timeoutDeadline = deadlineSecs;
		this.pt.timeouts.add(this);
	}

	void onTimeoutExpired() {
		PendingTimeout reason = this.timeoutReason;
		this.pt.timeouts.remove(this);
		this.timeoutReason = PendingTimeout.NO_PENDING_TIMEOUT;
		if (this.lingering) {
			// the peer had its moment to read our last bytes
			closeNow(CloseCause.APPLICATION);
			return;
		}
		if (this.ws != null && this.ws.onTimeout(reason)) {
			return;
		}
		if (this.ws == null && this.client != null) {
			this.pt.context.metrics().timeout(reason.name());
			this.client.onTimeout(reason);
			return;
		}
		LwsLog.info("Timeout {} on {}", reason, this);
		this.pt.context.metrics().timeout(reason.name());
		closeNow(CloseCause.TIMEOUT);
	}

	void onTimer() {
		int ret = callBound(CallbackReason.TIMER, null);
		if (ret != 0) {
			closeFromCallback();
		}
	}

	/** The header pool lent this waiting connection a buffer. */
	void headerTableGranted(HeaderTable table) {
		this.http.headerTableGranted(table);
	}

	// ---- calling back ----

	/** Calls the vhost's first protocol with a connection-level reason. */
	int callFirst(CallbackReason reason) {
		return callFirst(reason, null);
	}

	/** Calls the vhost's first protocol with a connection-level reason and its argument. */
	int callFirst(CallbackReason reason, Object in) {
		LwsProtocol<?> first = this.vhost.firstProtocol();
		if (first == null) {
			return 0;
		}
		return Callbacks.call(this, first, reason, null, in);
	}

	/** Calls the bound protocol with its session. */
	int callBound(CallbackReason reason, Object in) {
		if (this.protocol == null) {
			return 0;
		}
		return Callbacks.call(this, this.protocol, reason, this.session, in);
	}

	private void pollCallback(CallbackReason reason, int prevOps) {
		if (!this.vhost.externalPoll()) {
			return;
		}
		int events = toPollEvents(this.interestOps);
		Callbacks.call(this, this.vhost.firstProtocol(), reason, null,
				new io.lws.core.PollArgs(this.channel, events, toPollEvents(prevOps)));
	}

	private static int toPollEvents(int ops) {
		int e = 0;
		if ((ops & SelectionKey.OP_READ) != 0) {
			e |= io.lws.core.PollArgs.POLLIN;
		}
		if ((ops & SelectionKey.OP_WRITE) != 0) {
			e |= io.lws.core.PollArgs.POLLOUT;
		}
		return e;
	}

	// ---- Lws ----

	void checkThread(String what) {
		if (!this.pt.inThread()) {
			throw new IllegalStateException(what + " was called from thread '" + Thread.currentThread().getName()
					+ "' but connections may only be used on their service thread '" + "lws-service-" + this.pt.tsi
					+ "': call it from a callback, or use callbackOnWritable() / LwsContext.post()");
		}
	}

	@Override
	public LwsContext context() {
		return this.pt.context;
	}

	@Override
	public LwsVhost vhost() {
		return this.vhost;
	}

	@Override
	public LwsProtocol<?> protocol() {
		return this.protocol;
	}

	@Override
	public Object session() {
		return this.session;
	}

	@Override
	public boolean isWebSocket() {
		return this.ws != null;
	}

	@Override
	public int isSsl() {
		return (this.transport != null) ? this.transport.isSsl() : 0;
	}

	@Override
	public SSLSession sslSession() {
		return (this.transport instanceof TlsTransport tls && tls.isReady()) ? tls.session() : null;
	}

	/** Writes {@code frame} now, without blocking, when no loop is left to flush it (context destroy). */
	void writeNowBestEffort(ByteBuffer frame) {
		if (this.transport == null) {
			return;
		}
		try {
			this.transport.write(frame);
		}
		catch (IOException ex) {
			// the peer is gone anyway
		}
	}

	/** The header buffer the hdr* calls read: the request's (server) or the response's (client). */
	private HeaderTable headerTable() {
		if (this.client != null) {
			return this.client.headerTable();
		}
		return this.http.headerTable();
	}

	@Override
	public int hdrTotalLength(HeaderToken h) {
		checkThread("hdrTotalLength");
		HeaderTable t = headerTable();
		return (t != null) ? t.totalLength(h) : 0;
	}

	@Override
	public int hdrFragmentLength(HeaderToken h, int fragIdx) {
		checkThread("hdrFragmentLength");
		HeaderTable t = headerTable();
		return (t != null) ? t.fragmentLength(h, fragIdx) : 0;
	}

	@Override
	public int hdrCopy(ByteBuffer dst, HeaderToken h) {
		checkThread("hdrCopy");
		HeaderTable t = headerTable();
		return (t != null) ? t.copy(h, dst) : -1;
	}

	@Override
	public int hdrCopyFragment(ByteBuffer dst, HeaderToken h, int fragIdx) {
		checkThread("hdrCopyFragment");
		HeaderTable t = headerTable();
		return (t != null) ? t.copyFragment(h, fragIdx, dst) : -1;
	}

	@Override
	public String hdrCopy(HeaderToken h) {
		checkThread("hdrCopy");
		HeaderTable t = headerTable();
		return (t != null) ? t.value(h) : null;
	}

	@Override
	public String hdrFragment(HeaderToken h, int fragIdx) {
		checkThread("hdrFragment");
		HeaderTable t = headerTable();
		return (t != null) ? t.fragment(h, fragIdx) : null;
	}

	@Override
	public String hdrCustom(String name) {
		checkThread("hdrCustom");
		HeaderTable t = headerTable();
		return (t != null) ? t.customHeader(name) : null;
	}

	@Override
	public String urlArg(String name) {
		checkThread("urlArg");
		HeaderTable t = headerTable();
		if (t == null) {
			return null;
		}
		int n = t.fragmentCount(HeaderToken.HTTP_URI_ARGS);
		for (int i = 0; i < n; i++) {
			String arg = t.fragment(HeaderToken.HTTP_URI_ARGS, i);
			if (arg != null && arg.startsWith(name) && arg.length() > name.length()
					&& arg.charAt(name.length()) == '=') {
				return arg.substring(name.length() + 1);
			}
			if (arg != null && arg.equals(name)) {
				return "";
			}
		}
		return null;
	}

	@Override
	public int write(ByteBuffer buf, WriteProtocol wp, boolean fin) {
		checkThread("write");
		if (this.closed) {
			return -1;
		}
		if (wp.isWebSocket()) {
			if (this.ws == null) {
				throw new IllegalStateException("write(" + wp + ") needs a WebSocket connection; this one is HTTP");
			}
			return this.ws.write(buf, wp, fin);
		}
		if (this.ws != null) {
			throw new IllegalStateException("write(" + wp + ") is for HTTP; this connection is a WebSocket");
		}
		if (this.client != null) {
			return this.client.write(buf, wp);
		}
		return this.http.write(buf, wp);
	}

	@Override
	public boolean partialBuffered() {
		checkThread("partialBuffered");
		if (!this.blocked && this.output.size() >= highWater() && this.transport != null
				&& this.transport.isReady()) {
			// the output is only waiting for the flush at the end of this read: before telling the writer to stop
			// (and an echo to pause reading), write now what the socket takes, as lws_write would have
			writeOut();
		}
		return outputBackedUp();
	}

	/**
	 * Whether the output has backed up: the socket refused some of it, or a buffer's worth waits. The HTTP role reads
	 * no further pipelined request until it drains.
	 */
	boolean outputBackedUp() {
		return this.blocked || pendingOutput() >= highWater();
	}

	private int highWater() {
		return Math.max(this.pt.context.info().ptServBufSize(), 64 * 1024);
	}

	@Override
	public void callbackOnWritable() {
		if (this.pt.inThread()) {
			requestWritableOnThread();
			return;
		}
		if (this.crossThreadWritable.compareAndSet(false, true)) {
			this.pt.post(() -> {
				this.crossThreadWritable.set(false);
				requestWritableOnThread();
			});
		}
	}

	void requestWritableOnThread() {
		if (this.closed) {
			return;
		}
		this.pt.traffic.writableRequested();
		this.writableRequested = true;
		if (this.blocked || this.fileTransfer != null) {
			setWriteInterest(true);
		}
		else {
			this.pt.queueWritable(this);
		}
	}

	/** The HTTP server role, for calls that only a server connection can serve. */
	private HttpServerRole serverHttp(String what) {
		if (this.http == null) {
			throw new IllegalStateException(what + " is for server connections; this one is a client");
		}
		return this.http;
	}

	@Override
	public int returnHttpStatus(int code, String html) {
		checkThread("returnHttpStatus");
		return serverHttp("returnHttpStatus").returnHttpStatus(code, html);
	}

	@Override
	public int serveHttpFile(String path, String contentType, String otherHeaders) {
		checkThread("serveHttpFile");
		return serverHttp("serveHttpFile").serveHttpFile(null, path, contentType, otherHeaders);
	}

	@Override
	public int serveHttpFile(FileOps fileOps, String path, String contentType, String otherHeaders) {
		checkThread("serveHttpFile");
		return serverHttp("serveHttpFile").serveHttpFile(fileOps, path, contentType, otherHeaders);
	}

	@Override
	public String httpVersion() {
		if (this.client != null) {
			HeaderTable t = this.client.headerTable();
			return (t != null && t.isHttp10()) ? "HTTP/1.0" : "HTTP/1.1";
		}
		return this.http.isHttp10() ? "HTTP/1.0" : "HTTP/1.1";
	}

	@Override
	public String httpMethod() {
		checkThread("httpMethod");
		return (this.client != null) ? this.client.method() : this.http.methodName();
	}

	@Override
	public boolean isHttpResponseStarted() {
		return this.http != null && this.http.responseStarted();
	}

	@Override
	public boolean httpTransactionCompleted() {
		checkThread("httpTransactionCompleted");
		return serverHttp("httpTransactionCompleted").transactionCompleted();
	}

	// ---- client ----

	@Override
	public boolean isClient() {
		return this.client != null;
	}

	@Override
	public Lws parent() {
		return this.parent;
	}

	@Override
	public java.util.List<Lws> children() {
		checkThread("children");
		return (this.children != null) ? java.util.List.copyOf(this.children) : java.util.List.of();
	}

	@Override
	public int httpClientResponse() {
		checkThread("httpClientResponse");
		return (this.client != null) ? this.client.responseStatus() : 0;
	}

	@Override
	public void clientHttpBodyPending(boolean pending) {
		checkThread("clientHttpBodyPending");
		clientRole("clientHttpBodyPending").bodyPending(pending);
	}

	@Override
	public boolean httpTransactionCompletedClient() {
		checkThread("httpTransactionCompletedClient");
		return clientRole("httpTransactionCompletedClient").transactionCompleted();
	}

	@Override
	public Lws clientReset(int ssl, String address, int port, String path, String host) {
		checkThread("clientReset");
		ClientRole role = clientRole("clientReset");
		if (this.ws != null) {
			throw new IllegalStateException("clientReset only works while the connection is in HTTP, not after the "
					+ "WebSocket upgrade");
		}
		role.reset(ssl, address, port, path, host);
		return this;
	}

	private ClientRole clientRole(String what) {
		if (this.client == null) {
			throw new IllegalStateException(what + " is for client connections; this one was accepted by a server");
		}
		return this.client;
	}

	@Override
	public long remainingPacketPayload() {
		return (this.ws != null) ? this.ws.remainingPacketPayload() : 0;
	}

	@Override
	public boolean frameIsBinary() {
		return this.ws != null && this.ws.frameIsBinary();
	}

	@Override
	public boolean isFirstFragment() {
		return this.ws != null && this.ws.isFirstFragment();
	}

	@Override
	public boolean isFinalFragment() {
		return this.ws != null && this.ws.isFinalFragment();
	}

	@Override
	public void rxFlowControl(boolean enable) {
		checkThread("rxFlowControl");
		rxFlowControlOnThread(enable);
	}

	void rxFlowControlOnThread(boolean enable) {
		if (this.rxFlowEnabled == enable || this.closed) {
			return;
		}
		this.rxFlowEnabled = enable;
		updateReadInterest();
	}

	boolean rxFlowEnabled() {
		return this.rxFlowEnabled;
	}

	@Override
	public void closeReason(int code, String reason) {
		checkThread("closeReason");
		if (this.ws == null) {
			throw new IllegalStateException("closeReason needs a WebSocket connection");
		}
		this.ws.closeReason(code, reason);
	}

	@Override
	public void setTimeout(PendingTimeout reason, int secs) {
		checkThread("setTimeout");
		if (reason == PendingTimeout.NO_PENDING_TIMEOUT || secs > 0) {
			setTimeoutInternal(reason, secs);
			return;
		}
		if (secs == Lws.TO_KILL_SYNC) {
			this.timeoutReason = reason;
			onTimeoutExpired();
			return;
		}
		// 0 or LWS_TO_KILL_ASYNC: as in libwebsockets, due now, so it fires at the next timeout check
		armTimeout(reason, ServiceThread.nowSecs());
	}

	@Override
	public void setTimer(long micros) {
		checkThread("setTimer");
		this.timerGeneration++;
		if (micros >= 0) {
			this.pt.scheduleTimer(this, TimeUnit.MICROSECONDS.toNanos(micros));
		}
	}

	@Override
	public String getPeerSimple() {
		InetSocketAddress a = remoteAddress();
		return (a != null) ? a.getAddress().getHostAddress() : "";
	}

	@Override
	public PeerAddresses getPeerAddresses() {
		InetSocketAddress a = remoteAddress();
		if (a == null) {
			return new PeerAddresses("", "");
		}
		InetAddress addr = a.getAddress();
		return new PeerAddresses(addr.getCanonicalHostName(), addr.getHostAddress());
	}

	@Override
	public InetSocketAddress remoteAddress() {
		if (this.channel == null) {
			return null;
		}
		try {
			SocketAddress a = this.channel.getRemoteAddress();
			return (a instanceof InetSocketAddress inet) ? inet : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public Channel getSocketFd() {
		return this.channel;
	}

	@Override
	public void post(Runnable task) {
		this.pt.post(() -> {
			if (!this.closed) {
				task.run();
			}
		});
	}

	@Override
	public void cancelServicePt() {
		this.pt.cancel();
	}

	@Override
	public int setExtensionOption(String extension, String option, String value) {
		checkThread("setExtensionOption");
		return (this.ws != null) ? this.ws.setExtensionOption(extension, option, value) : -1;
	}

	@Override
	public String negotiatedExtensions() {
		return (this.ws != null && this.ws.extension() != null) ? this.ws.extension().agreed().toString() : null;
	}

	/** The handler of the bound protocol, for the roles. */
	@SuppressWarnings("unchecked")
	LwsProtocolHandler<Object> boundHandler() {
		return (LwsProtocolHandler<Object>) this.protocol.handler();
	}

	@Override
	public String toString() {
		return "wsi[" + getPeerSimple() + ((this.transport instanceof TlsTransport) ? " tls " : " ")
				+ this.vhost.name() + "/"
				+ ((this.protocol != null) ? this.protocol.name() : "-") + ((this.ws != null) ? " ws" : " http")
				+ (this.closed ? " closed" : "") + "]";
	}

}
