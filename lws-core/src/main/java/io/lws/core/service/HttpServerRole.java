package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import io.lws.core.CallbackReason;
import io.lws.core.HeaderToken;
import io.lws.core.HttpHeaders;
import io.lws.core.LwsProtocol;
import io.lws.core.PendingTimeout;
import io.lws.core.ServerOption;
import io.lws.core.WriteProtocol;
import io.lws.core.http.BodySink;
import io.lws.core.http.ChunkedBodyDecoder;
import io.lws.core.http.HeaderTable;
import io.lws.core.http.HttpStatus;
import io.lws.core.http.ParseResult;
import io.lws.core.log.LwsLog;
import io.lws.core.metrics.MetricsRecorder;
import io.lws.core.mount.FileHandle;
import io.lws.core.mount.FileOps;
import io.lws.core.mount.FileResolver;
import io.lws.core.mount.FileSystemFileOps;
import io.lws.core.mount.HttpCaching;
import io.lws.core.mount.MimeTypes;
import io.lws.core.mount.Mount;
import io.lws.core.mount.MountMatch;
import io.lws.core.mount.MountOrigin;
import io.lws.core.mount.ResolvedFile;

/**
 * The HTTP/1.1 server role of a connection: waits for a header buffer, parses the request head into it, chooses the
 * vhost, serves mounts or calls the protocol's HTTP callbacks, delivers the body, and after
 * {@code httpTransactionCompleted} either waits for the next request (keep-alive, pipelining) or closes.
 * <p>
 * The header buffer is held from the first byte of a request until its transaction completes (so headers stay
 * readable in every HTTP callback), and given back to the pool between requests and at upgrade.
 */
final class HttpServerRole {

	private enum State {

		/** No request yet on this connection, or idle between keep-alive requests. */
		IDLE,
		/** Reading a request head. */
		HEADERS,
		/** Delivering the request body. */
		BODY,
		/** The request was dispatched; waiting for the application to complete the transaction. */
		RESPONDING,
		/** The transaction completed before its body was read: reading and dropping the rest. */
		DISCARD_BODY,
		/** Upgraded to another role. */
		UPGRADED

	}

	private static final byte[] CRLF = { '\r', '\n' };

	/**
	 * Files up to this size are read and sent with their head in one write: for them, a separate head write and a
	 * {@code transferTo} cost more than the copy.
	 */
	static final int SMALL_FILE = 16 * 1024;

	private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private final Connection c;

	private State state = State.IDLE;

	private HeaderTable ah;

	/** When the connection began to wait for its header buffer, then when it got it (for the recorder only). */
	private long ahSinceNanos;

	private boolean inConsume;

	// ---- the current transaction ----

	private boolean keepAlive;

	private boolean http10;

	private boolean head;

	private String method;

	private long bodyRemaining;

	private boolean chunked;

	private ChunkedBodyDecoder chunkedDecoder;

	private boolean bodyExpected;

	/** Where the chunked decoder hands each piece of a body (made once, not per read). */
	private final BodySink bodySink = this::deliverBodyPiece;

	private boolean responseStarted;

	private boolean responseNeedsClose;

	private boolean transactionDone;

	/** Whether the transaction's protocol took {@code HTTP_BIND_PROTOCOL}, so that it is owed its drop. */
	private boolean protocolBound;

	HttpServerRole(Connection c) {
		this.c = c;
	}

	// ---- header buffer ----

	HeaderTable headerTable() {
		return this.ah;
	}

	/** Makes sure a header buffer is held before reading a request; false when the connection must wait for one. */
	boolean ensureHeaderTable() {
		if (this.ah != null || this.state == State.UPGRADED) {
			return true;
		}
		HeaderTable t = this.c.pt.headerPool.acquire(this.c);
		if (t == null) {
			this.ahSinceNanos = System.nanoTime();
			LwsLog.debug("{} waits for a header buffer ({} waiting)", this.c, this.c.pt.headerPool.waiting());
			this.c.setTimeoutInternal(PendingTimeout.HOLDING_AH, this.c.pt.context.info().timeoutSecsAhIdle());
			this.c.updateReadInterest();
			this.c.pt.context.headerPoolExhausted();
			return false;
		}
		this.ah = t;
		if (this.c.pt.context.metrics() != MetricsRecorder.NONE) {
			this.ahSinceNanos = System.nanoTime();
		}
		return true;
	}

	void headerTableGranted(HeaderTable t) {
		this.ah = t;
		long now = System.nanoTime();
		this.c.pt.context.metrics().headerWait(now - this.ahSinceNanos);
		this.ahSinceNanos = now;
		this.c.setTimeoutInternal(PendingTimeout.HOLDING_AH, this.c.pt.context.info().timeoutSecsAhIdle());
		this.c.updateReadInterest();
	}

	void releaseHeaderTable() {
		if (this.ah != null) {
			HeaderTable t = this.ah;
			this.ah = null;
			MetricsRecorder metrics = this.c.pt.context.metrics();
			if (metrics != MetricsRecorder.NONE) {
				metrics.headerHeld(System.nanoTime() - this.ahSinceNanos);
			}
			this.c.pt.headerPool.release(t);
		}
	}

	/**
	 * A file mount's answer whose body is still going out gives its header buffer back at once: the engine has
	 * decided everything the request's headers said when it wrote the head, and no callback of the mount's own
	 * answer reads them (its {@code HTTP_FILE_COMPLETION} sees none). Kept until the last byte, it let as many slow
	 * or large downloads as the pool has buffers stop every other HTTP client, left waiting unread: what makes a
	 * libwebsockets server "hang at the Nth client".
	 */
	private void releaseHeaderTableDuringFileBody() {
		if (this.state == State.RESPONDING && this.c.fileTransfer != null) {
			releaseHeaderTable();
		}
	}

	/**
	 * Starts waiting for a request: at accept ({@code first}), or after a keep-alive transaction. A new connection
	 * takes a header buffer only when its first bytes arrive (libwebsockets attaches one at accept): sockets that
	 * connect and send nothing then cannot hold the pool, and every other client with it, for the idle timeout.
	 */
	void startWaitingForRequest(boolean first) {
		this.state = State.IDLE;
		if (first) {
			this.c.setTimeoutInternal(PendingTimeout.HOLDING_AH, this.c.pt.context.info().timeoutSecsAhIdle());
			this.c.updateReadInterest();
			return;
		}
		if (this.c.stash == null) {
			releaseHeaderTable();
			this.c.setTimeoutInternal(PendingTimeout.HTTP_KEEPALIVE_IDLE, this.c.vhost.info().keepaliveTimeout());
		}
		this.c.updateReadInterest();
	}

	/** Between requests: the last transaction is complete and the next has not started. */
	boolean isIdle() {
		return this.state == State.IDLE;
	}

	boolean wantsToRead() {
		return switch (this.state) {
			// between requests, the next pipelined one waits while the answers so far have not drained
			case IDLE -> !this.c.outputBackedUp();
			case HEADERS, BODY, DISCARD_BODY -> true;
			// keep one read's worth of look-ahead so a peer that hangs up is noticed
			case RESPONDING -> this.c.stash == null;
			case UPGRADED -> false;
		};
	}

	// ---- input ----

	void consume(ByteBuffer buf) {
		this.inConsume = true;
		try {
			while (buf.hasRemaining() && !this.c.isClosing()) {
				switch (this.state) {
					case IDLE -> {
						if (this.c.outputBackedUp()) {
							// back-pressure on pipelining (lws parses the next request once the last answer is out):
							// the rest waits, stashed, until the output drains, rather than every answer of a long
							// pipeline being queued at once; meanwhile the header buffer goes back to the pool, so
							// clients that pipeline and never read cannot hold it from everyone else
							releaseHeaderTable();
							return;
						}
						if (!ensureHeaderTable()) {
							return;
						}
						// a buffer kept across a pipelined request still holds the previous one
						this.ah.reset();
						this.state = State.HEADERS;
						this.c.setTimeoutInternal(PendingTimeout.HOLDING_AH,
								this.c.pt.context.info().timeoutSecsAhIdle());
					}
					case HEADERS -> {
						if (!parseHead(buf)) {
							return;
						}
					}
					case BODY, DISCARD_BODY -> readBody(buf);
					case RESPONDING -> {
						return;
					}
					case UPGRADED -> {
						if (this.c.ws != null) {
							this.c.ws.consume(buf);
						}
						return;
					}
				}
			}
		}
		finally {
			this.inConsume = false;
		}
		if (this.state == State.IDLE && !this.c.isClosed() && this.c.stash == null && this.ah != null
				&& !buf.hasRemaining() && this.transactionDone) {
			// the transaction completed during this read and nothing of a next request is here: free the buffer
			startWaitingForRequest(false);
		}
	}

	/** Parses request-head bytes; returns true when the head was complete and dispatched. */
	private boolean parseHead(ByteBuffer buf) {
		ParseResult r = this.ah.parse(buf);
		if (r == ParseResult.NEED_MORE) {
			return false;
		}
		if (r == ParseResult.ERROR) {
			LwsLog.debug("Bad request from {}: {} {}", this.c.getPeerSimple(), this.ah.errorStatus(),
					this.ah.errorReason());
			sendErrorAndClose(this.ah.errorStatus(), this.ah.errorReason());
			return false;
		}
		this.c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		dispatch(buf);
		return true;
	}

	void onPeerEof() {
		if (this.c.fileTransfer != null || this.c.pendingOutput() > 0) {
			this.c.closeAfterFlush();
		}
		else {
			this.c.closeNow(Connection.CloseCause.PEER_CLOSED);
		}
	}

	// ---- dispatch (lws_http_action) ----

	private void dispatch(ByteBuffer buf) {
		HeaderTable t = this.ah;
		this.transactionDone = false;
		this.responseStarted = false;
		this.responseNeedsClose = false;
		this.method = t.methodName();
		this.http10 = t.isHttp10();
		this.head = "HEAD".equals(this.method);
		this.keepAlive = t.keepAlive();
		this.chunked = t.isChunked();
		long cl = t.contentLength();
		this.bodyRemaining = this.chunked ? -1 : Math.max(cl, 0);
		this.bodyExpected = this.chunked || cl > 0;

		// RFC 9112 section 3.2.2: an absolute-form target's authority stands in for the Host header
		String authority = (t.absoluteFormHost() != null) ? t.absoluteFormHost() : t.value(HeaderToken.HOST);
		VhostImpl chosen = this.c.selectVhostForHost(authority);
		if (chosen == null) {
			sendErrorAndClose(421, "This connection's TLS session belongs to another host name; open a new "
					+ "connection for this one.");
			return;
		}
		if (chosen != this.c.vhost) {
			this.c.vhost.connectionMovedAway();
			chosen.connectionMovedIn();
			this.c.vhost = chosen;
		}
		this.c.protocol = this.c.vhost.firstProtocol();
		String path = t.uriPath();

		if (this.c.vhost.info().has(ServerOption.REDIRECT_HTTP_TO_HTTPS) && this.c.isSsl() == 0) {
			// LWS_SERVER_OPTION_REDIRECT_HTTP_TO_HTTPS: plain HTTP on this vhost goes to the same place over TLS;
			// nothing is served in plain text, so a request naming no host to send it to is refused
			if (authority == null || authority.isBlank()) {
				sendErrorAndClose(400, "This port serves plain HTTP only as a redirect to https, which needs a Host.");
				return;
			}
			// the origin-form as sent; an absolute-form target's path and query; / for OPTIONS *
			String rest = redirectTarget(t.rawUri());
			redirect(301, "https://" + authority + rest);
			return;
		}
		MountMatch match = this.c.vhost.mountTable().match(path, this.method);
		if (match != null && match.needsTrailingSlashRedirect()) {
			redirect(301, locationFor(match.trailingSlashLocation()));
			return;
		}
		if (match != null && match.mount().originProtocol().isRedirect()) {
			redirect(301, match.mount().redirectLocation());
			return;
		}
		if (WsHandshake.isUpgradeRequest(t)) {
			this.state = State.UPGRADED;
			// a callback mount names the protocol for upgrades on its path that ask for none (the echo at /echo)
			LwsProtocol<?> mountProtocol = (match != null && match.mount().originProtocol() == MountOrigin.CALLBACK)
					? this.c.vhost.protocol(match.mount().origin()) : null;
			if (!WsHandshake.upgrade(this.c, t, this, mountProtocol)) {
				return;
			}
			// the handshake succeeded: the header buffer goes back to the pool, the rest of buf is frames
			releaseHeaderTable();
			if (buf.hasRemaining()) {
				this.c.ws.consume(buf);
			}
			return;
		}
		String expect = t.value(HeaderToken.HTTP_EXPECT);
		if (expect != null && !"100-continue".equalsIgnoreCase(expect.trim())) {
			sendErrorAndClose(417, "The only expectation served is 100-continue.");
			return;
		}
		if ("CONNECT".equals(this.method)) {
			sendErrorAndClose(501, "CONNECT is not supported by this server.");
			return;
		}

		String uri = path;
		if (match != null && match.mount().originProtocol() == MountOrigin.CALLBACK) {
			LwsProtocol<?> p = this.c.vhost.protocol(match.mount().origin());
			this.c.protocol = p;
			uri = match.remainder();
		}
		this.c.session = newSession();
		this.state = State.RESPONDING;
		if (this.c.callBound(CallbackReason.HTTP_BIND_PROTOCOL, null) != 0) {
			LwsLog.debug("{} refused by HTTP_BIND_PROTOCOL: {}", this.c, path);
			this.c.closeAfterFlush();
			return;
		}
		this.protocolBound = true;
		if (this.c.callBound(CallbackReason.FILTER_HTTP_CONNECTION, path) != 0) {
			LwsLog.debug("{} refused by FILTER_HTTP_CONNECTION: {}", this.c, path);
			refuseFiltered("Forbidden.");
			return;
		}
		if (match != null && match.mount().originProtocol() == MountOrigin.FILE && serveMount(match)) {
			afterDispatch();
			releaseHeaderTableDuringFileBody();
			return;
		}
		int ret = this.c.callBound(CallbackReason.HTTP, uri);
		if (ret != 0) {
			this.c.closeAfterFlush();
			return;
		}
		afterDispatch();
	}

	private Object newSession() {
		try {
			return this.c.boundHandler().newSession(this.c);
		}
		catch (RuntimeException ex) {
			LwsLog.err("Protocol '{}' threw from newSession: {}", this.c.protocol.name(), ex.toString());
			return null;
		}
	}

	/** After the request was handed over: deliver its body next, or wait for the response to complete. */
	private void afterDispatch() {
		if (this.c.isClosed()) {
			return;
		}
		if (this.transactionDone) {
			return;
		}
		if (this.bodyExpected) {
			this.state = State.BODY;
			this.c.setTimeoutInternal(PendingTimeout.HTTP_CONTENT, this.c.vhost.info().timeoutSecs());
			if (!this.responseStarted && !this.http10
					&& "100-continue".equalsIgnoreCase(this.ah.value(HeaderToken.HTTP_EXPECT))) {
				// the request was accepted and its body is wanted: tell a waiting client to send it (RFC 9110 10.1.1)
				this.c.queueOutput(ByteBuffer.wrap(CONTINUE));
			}
		}
		else {
			// No body: Content-Length 0, or neither it nor chunked, which RFC 9112 (6.3) makes an empty body too.
			// libwebsockets completes only an explicit 0 and reads a POST without a length as a body up to 100 MB,
			// until the peer closes; a form handler waiting for the completion then never answered, and any
			// pipelined bytes after the head were held unread with the connection.
			if (!"GET".equals(this.method) && !this.head) {
				if (this.c.callBound(CallbackReason.HTTP_BODY_COMPLETION, null) != 0) {
					this.c.closeAfterFlush();
					return;
				}
			}
			if (!this.transactionDone) {
				this.state = State.RESPONDING;
			}
		}
		this.c.updateReadInterest();
	}

	// ---- request body ----

	private void readBody(ByteBuffer buf) {
		if (this.chunked) {
			if (this.chunkedDecoder == null) {
				this.chunkedDecoder = new ChunkedBodyDecoder();
			}
			ParseResult r = this.chunkedDecoder.decode(buf, this.bodySink);
			if (r == ParseResult.ERROR) {
				LwsLog.debug("Bad chunked body from {}: {}", this.c.getPeerSimple(), this.chunkedDecoder.errorReason());
				if (this.responseStarted) {
					// an answer is already out: the body cannot be framed any more, so just drop the connection
					this.c.closeAfterFlush();
				}
				else {
					sendErrorAndClose(400, this.chunkedDecoder.errorReason());
				}
				return;
			}
			if (r == ParseResult.COMPLETE) {
				this.chunkedDecoder.reset();
				bodyComplete();
			}
			return;
		}
		int n = (int) Math.min(buf.remaining(), this.bodyRemaining);
		ByteBuffer piece = buf.slice(buf.position(), n);
		buf.position(buf.position() + n);
		this.bodyRemaining -= n;
		deliverBodyPiece(piece);
		if (this.bodyRemaining == 0 && !this.c.isClosing()) {
			bodyComplete();
		}
	}

	/**
	 * Hands a piece of the body to the application, unless the body is being discarded. That is decided piece by
	 * piece, not once per read: an application that answers from {@code HTTP_BODY} ({@code lws_return_http_status})
	 * turns the rest of the body, even the rest of this read, into bytes to drop.
	 */
	private void deliverBodyPiece(ByteBuffer piece) {
		if (this.c.isClosing()) {
			// the answer is out and the connection closing: the rest of the body is not the application's concern
			return;
		}
		this.c.setTimeoutInternal(PendingTimeout.HTTP_CONTENT, this.c.vhost.info().timeoutSecs());
		if (this.state == State.DISCARD_BODY || !piece.hasRemaining()) {
			return;
		}
		if (this.c.callBound(CallbackReason.HTTP_BODY, piece) != 0) {
			this.c.closeAfterFlush();
		}
	}

	/**
	 * The body's last byte is in. If the application already answered during the body, the connection goes on to
	 * the next request: no {@code HTTP_BODY_COMPLETION} for a body it refused, and no wait for an answer it gave.
	 */
	private void bodyComplete() {
		this.bodyExpected = false;
		if (this.c.isClosing()) {
			return;
		}
		this.c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		if (this.state == State.DISCARD_BODY) {
			startNextRequest();
			return;
		}
		this.state = State.RESPONDING;
		if (this.c.callBound(CallbackReason.HTTP_BODY_COMPLETION, null) != 0) {
			this.c.closeAfterFlush();
			return;
		}
		this.c.updateReadInterest();
	}

	// ---- writing ----

	int write(ByteBuffer buf, WriteProtocol wp) {
		int len = buf.remaining();
		if (this.state == State.UPGRADED) {
			throw new IllegalStateException("write(" + wp + ") after the connection left HTTP");
		}
		if (wp == WriteProtocol.HTTP_HEADERS) {
			noteResponseHead(buf);
			this.responseStarted = true;
		}
		else if (this.head) {
			// a HEAD response has no body, whatever the application writes
			buf.position(buf.limit());
			return len;
		}
		return this.c.queueOutput(buf) ? len : -1;
	}

	/** Notes from a response head whether the body is delimited, so a keep-alive connection knows to close. */
	private void noteResponseHead(ByteBuffer head) {
		String text = StandardCharsets.ISO_8859_1.decode(head.duplicate()).toString().toLowerCase(Locale.ROOT);
		int status = 200;
		int sp = text.indexOf(' ');
		if (sp > 0 && text.length() >= sp + 4) {
			try {
				status = Integer.parseInt(text.substring(sp + 1, sp + 4));
			}
			catch (NumberFormatException ex) {
				status = 200;
			}
		}
		boolean noBody = this.head || status == 204 || status == 304 || status < 200;
		boolean delimited = text.contains("\ncontent-length:") || text.contains("\ntransfer-encoding: chunked");
		if (!noBody && !delimited) {
			this.responseNeedsClose = true;
		}
		if (text.contains("\nconnection: close")) {
			this.responseNeedsClose = true;
		}
	}

	boolean responseStarted() {
		return this.responseStarted;
	}

	boolean isHttp10() {
		return this.http10;
	}

	String methodName() {
		return this.method;
	}

	int onWritable() {
		return this.c.callBound(CallbackReason.HTTP_WRITEABLE, null);
	}

	// ---- answers made by the engine ----

	int returnHttpStatus(int code, String html) {
		if (this.responseStarted) {
			LwsLog.warn("returnHttpStatus({}) on {} after the response started: closing instead", code, this.c);
			this.c.closeAfterFlush();
			return 1;
		}
		byte[] bytes = errorPage(code, (html != null) ? html : "");
		boolean noBody = code == 204 || code == 304 || code < 200;
		HttpHeaders h = HttpHeaders.status(code);
		if (!noBody) {
			h.contentType("text/html; charset=utf-8").contentLength(bytes.length);
		}
		writeHead(h);
		if (!noBody && !this.head) {
			this.c.queueOutput(ByteBuffer.wrap(bytes));
		}
		this.c.pt.context.metrics().httpResponse(this.c.vhost.name(), code);
		return transactionCompleted() ? 1 : 0;
	}

	private void redirect(int code, String location) {
		this.state = State.RESPONDING;
		writeHead(HttpHeaders.status(code).add("location", location).contentLength(0));
		this.c.pt.context.metrics().httpResponse(this.c.vhost.name(), code);
		if (transactionCompleted()) {
			return;
		}
		afterDispatch();
	}

	private String locationFor(String path) {
		String host = this.ah.value(HeaderToken.HOST);
		return (host != null) ? ((this.c.isSsl() != 0) ? "https://" : "http://") + host + path : path;
	}

	/**
	 * Sends a head the engine made. Every such head delimits its body (content-length, or a status without one), so
	 * unlike an application's head it needs no scan for how the response ends.
	 */
	private boolean writeHead(HttpHeaders h) {
		return writeHead(h, null);
	}

	/** Sends a head the engine made, and with it (in the same write) a whole small body, or {@code null}. */
	private boolean writeHead(HttpHeaders h, ByteBuffer body) {
		if (this.c.vhost.info().has(ServerOption.STS)) {
			h.add("strict-transport-security", "max-age=15768000 ; includeSubDomains");
		}
		if (this.http10 && this.keepAlive && !this.responseNeedsClose) {
			// an HTTP/1.0 client keeps the connection only when the answer says so (RFC 9112 appendix C.2.2)
			h.add("connection", "keep-alive");
		}
		else if (!this.http10 && (!this.keepAlive || this.responseNeedsClose)) {
			// RFC 9112 section 9.6: the connection closes after this answer
			h.add("connection", "close");
		}
		String version = this.http10 ? "HTTP/1.0" : "HTTP/1.1";
		String server = this.c.pt.context.info().serverString();
		// written into the thread's scratch, which queueOutput copies from before it returns
		ByteBuffer b = this.c.pt.headScratch(h.encodedLength(version, server));
		h.writeTo(b, version, server);
		this.responseStarted = true;
		return this.c.queueOutput(b.flip(), body);
	}

	/** The small HTML page of an engine-made answer: the status, then {@code html} (already escaped as needed). */
	private static byte[] errorPage(int code, String html) {
		String title = code + " " + HttpStatus.reasonPhrase(code);
		return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
				+ title + "</h1>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
	}

	/** The path and query of a request target for a redirect to https: {@code /} when it has none ({@code *}). */
	static String redirectTarget(String rawTarget) {
		if (rawTarget == null) {
			return "/";
		}
		if (rawTarget.startsWith("/")) {
			return rawTarget;
		}
		int scheme = rawTarget.indexOf("://");
		int slash = (scheme >= 0) ? rawTarget.indexOf('/', scheme + 3) : -1;
		if (slash >= 0) {
			return rawTarget.substring(slash);
		}
		int query = (scheme >= 0) ? rawTarget.indexOf('?', scheme + 3) : -1;
		return (query >= 0) ? "/" + rawTarget.substring(query) : "/";
	}

	/**
	 * A filter callback ({@code FILTER_HTTP_CONNECTION}, {@code FILTER_PROTOCOL_CONNECTION}) refused the request:
	 * answers 403 and closes, or only closes when the callback answered the request itself (a 401 with its
	 * challenge, say), since a second answer would be read as the answer to the client's next request.
	 */
	void refuseFiltered(String reason) {
		if (this.responseStarted || this.transactionDone) {
			this.state = State.RESPONDING;
			this.c.closeAfterFlush();
			return;
		}
		sendErrorAndClose(403, reason);
	}

	/** Answers a request we cannot serve, and closes: the request's framing can no longer be trusted. */
	void sendErrorAndClose(int code, String reason) {
		this.state = State.RESPONDING;
		byte[] bytes = errorPage(code, escape(reason));
		ByteBuffer b = HttpHeaders.status(code).contentType("text/html; charset=utf-8").contentLength(bytes.length)
			.add("connection", "close")
			.toByteBuffer("HTTP/1.1", this.c.pt.context.info().serverString());
		this.responseStarted = true;
		if (this.head || (this.ah != null && this.ah.isHeadRequest())) {
			// RFC 9110 section 9.3.2: no content in an answer to HEAD, whatever the status
			this.c.queueOutput(b);
		}
		else {
			this.c.queueOutput(b, ByteBuffer.wrap(bytes));
		}
		this.c.pt.context.metrics().httpResponse(this.c.vhost.name(), code);
		this.c.closeAfterFlush();
	}

	// ---- files ----

	/** Serves a file mount; false when the file is not there (the HTTP callback then gets the request). */
	private boolean serveMount(MountMatch match) {
		Mount m = match.mount();
		if (!"GET".equals(this.method) && !this.head) {
			writeHead(HttpHeaders.status(405).add("allow", "GET, HEAD").contentLength(0));
			transactionCompleted();
			return true;
		}
		FileOps ops = this.c.vhost.fileOps(m);
		ResolvedFile file;
		try {
			file = FileResolver.resolve(match, ops);
		}
		catch (IOException ex) {
			LwsLog.warn("Cannot read {} on mount {}: {}", match.remainder(), m.mountpoint(), ex.getMessage());
			returnHttpStatus(500, null);
			return true;
		}
		if (file == null) {
			return false;
		}
		FileHandle fh = file.handle();
		String type = MimeTypes.contentType(file.path(), m);
		if (type == null || (this.c.vhost.info().has(ServerOption.REFUSE_UNKNOWN_MIME_TYPES)
				&& MimeTypes.lookup(file.path(), m.extraMimeTypes()) == null)) {
			closeQuietly(fh);
			returnHttpStatus(415, null);
			return true;
		}
		String etag = fh.etag();
		String cacheControl = m.cacheControl();
		if (HttpCaching.ifMatchFails(this.ah.value(HeaderToken.HTTP_IF_MATCH), etag)) {
			// RFC 9110 section 13.2.2: If-Match is evaluated first
			closeQuietly(fh);
			returnHttpStatus(412, null);
			return true;
		}
		if (HttpCaching.ifNoneMatchHits(this.ah.value(HeaderToken.HTTP_IF_NONE_MATCH), etag)) {
			closeQuietly(fh);
			HttpHeaders h = HttpHeaders.status(304).add("etag", etag).add("cache-control", cacheControl);
			if (!addHeaders(h)) {
				return true;
			}
			writeHead(h);
			this.c.pt.context.metrics().httpResponse(this.c.vhost.name(), 304);
			transactionCompleted();
			return true;
		}
		startFile(fh, HttpHeaders.status(200).contentType(type).contentLength(fh.size()).add("etag", etag)
			.add("cache-control", cacheControl));
		return true;
	}

	int serveHttpFile(FileOps fileOps, String path, String contentType, String otherHeaders) {
		if (this.responseStarted) {
			throw new IllegalStateException("serveHttpFile after the response started");
		}
		FileOps ops = fileOps;
		String rel = path;
		if (ops == null) {
			Path p = Path.of(path).toAbsolutePath().normalize();
			ops = new FileSystemFileOps(p.getRoot(), true);
			rel = p.getRoot().relativize(p).toString();
		}
		FileHandle fh;
		try {
			fh = ops.open(rel);
		}
		catch (IOException ex) {
			fh = null;
		}
		if (fh == null) {
			return returnHttpStatus(404, null);
		}
		String extra = (otherHeaders != null) ? otherHeaders : "";
		if (!extra.toLowerCase(Locale.ROOT).contains("cache-control:")) {
			extra = extra + "cache-control: no-store\r\n";
		}
		HttpHeaders h = HttpHeaders.status(200).contentType(contentType).contentLength(fh.size());
		addHeaderLines(h, extra);
		startFile(fh, h);
		return this.c.isClosed() ? 1 : 0;
	}

	/**
	 * Sends {@code h} (a 200 with the file's length) and the file. A small file is read and goes out in the same
	 * write as the head; a larger one follows the head with {@link FileTransfer}.
	 */
	private void startFile(FileHandle fh, HttpHeaders h) {
		if (!addHeaders(h)) {
			closeQuietly(fh);
			return;
		}
		this.c.pt.context.metrics().httpResponse(this.c.vhost.name(), 200);
		ByteBuffer body = null;
		if (!this.head && fh.size() > 0 && fh.size() <= SMALL_FILE) {
			try {
				body = FileTransfer.readWhole(fh, this.c.pt.fileChunk((int) fh.size()));
			}
			catch (IOException ex) {
				LwsLog.warn("Cannot read {}: {}", fh, ex.getMessage());
				closeQuietly(fh);
				returnHttpStatus(500, null);
				return;
			}
		}
		if (!writeHead(h, body)) {
			closeQuietly(fh);
			return;
		}
		if (this.head || fh.size() == 0 || body != null) {
			closeQuietly(fh);
			fileDone();
			return;
		}
		int lowat = this.c.pt.context.fileNotSentLowat;
		if (lowat > 0 && this.c.channel != null) {
			TcpNotSentLowat.apply(this.c.channel, lowat);
		}
		this.c.fileTransfer = new FileTransfer(fh, this.c.transport.supportsTransferTo());
	}

	/**
	 * {@code LWS_CALLBACK_ADD_HEADERS} on the bound protocol, as libwebsockets' {@code lws_serve_http_file} makes it;
	 * false (the connection closing) when the protocol refused.
	 */
	private boolean addHeaders(HttpHeaders h) {
		if (this.c.callBound(CallbackReason.ADD_HEADERS, h) != 0) {
			this.state = State.RESPONDING;
			this.c.closeAfterFlush();
			return false;
		}
		return true;
	}

	/** Sends more of the file being served; called when the connection's other output has drained. */
	void pumpFile() {
		FileTransfer ft = this.c.fileTransfer;
		// what the socket does not take of a chunk waits in the connection's output: a chunk no larger than the pooled
		// output buffer keeps that rest in a pooled buffer instead of one allocated for it (docs/performance.md, 57)
		int chunk = ServiceThread.LARGE_OUT_BUFFER;
		try {
			for (int i = 0; i < 16 && ft.remaining() > 0; i++) {
				long n = ft.sendSome(this.c, chunk);
				if (n == 0) {
					this.c.block();
					return;
				}
				this.c.lastWriteProgressNanos = System.nanoTime();
				this.c.pt.traffic.bytesOut(n);
				if (this.c.pendingOutput() > 0) {
					// a partly written chunk waits in the output buffer; it is flushed first next time
					this.c.pt.queueFlush(this.c);
					return;
				}
				if (ft.socketFull()) {
					// the socket took part of what it was offered: wait until it drains rather than write again
					this.c.block();
					return;
				}
			}
		}
		catch (IOException ex) {
			LwsLog.debug("File transfer on {} failed: {}", this.c, ex.getMessage());
			this.c.closeNow(Connection.CloseCause.IO_ERROR);
			return;
		}
		if (ft.remaining() > 0) {
			this.c.pt.queueFlush(this.c);
			return;
		}
		ft.close();
		this.c.fileTransfer = null;
		fileDone();
	}

	private void fileDone() {
		if (this.c.callBound(CallbackReason.HTTP_FILE_COMPLETION, null) != 0) {
			this.c.closeAfterFlush();
			return;
		}
		if (!this.transactionDone) {
			transactionCompleted();
		}
	}

	/**
	 * Adds {@code name: value} lines (CRLF or LF separated, as {@code lws_serve_http_file}'s other_headers) to a head.
	 */
	private static void addHeaderLines(HttpHeaders h, String lines) {
		for (String line : lines.split("\r?\n")) {
			if (line.isEmpty()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException("Not a header line: '" + line + "' (expected 'name: value')");
			}
			h.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
		}
	}

	private static void closeQuietly(FileHandle fh) {
		try {
			fh.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

	// ---- end of a transaction ----

	/** {@code lws_http_transaction_completed}: true when the connection must close. */
	boolean transactionCompleted() {
		if (this.state == State.UPGRADED || this.transactionDone) {
			return this.c.isClosed();
		}
		this.transactionDone = true;
		if (!this.keepAlive || this.responseNeedsClose) {
			this.c.closeAfterFlush();
			return true;
		}
		if (this.c.fileTransfer != null) {
			// the file is still going out: the next request waits until it is done
			this.transactionDone = false;
			return false;
		}
		if (this.bodyExpected) {
			this.state = State.DISCARD_BODY;
			this.c.setTimeoutInternal(PendingTimeout.HTTP_CONTENT, this.c.vhost.info().timeoutSecs());
			this.c.updateReadInterest();
			return false;
		}
		startNextRequest();
		return false;
	}

	private void startNextRequest() {
		endSession();
		this.state = State.IDLE;
		this.transactionDone = true;
		if (this.inConsume) {
			// the read in progress carries on with any pipelined request; consume() frees the buffer if none
			return;
		}
		startWaitingForRequest(false);
	}

	private void endSession() {
		dropProtocol();
		this.c.session = null;
		this.c.protocol = this.c.vhost.firstProtocol();
		this.method = null;
	}

	/** Graceful shutdown: close now if between requests, else after the current transaction. */
	void goAway() {
		this.keepAlive = false;
		if (this.state == State.IDLE && (this.ah == null || !this.transactionDone && this.c.stash == null)) {
			this.c.closeAfterFlush();
		}
	}

	/** The connection closed while in HTTP: {@code CLOSED_HTTP} to the bound protocol. */
	void onClosed(Connection.CloseCause cause) {
		if (this.state != State.UPGRADED) {
			this.c.callBound(CallbackReason.CLOSED_HTTP, null);
		}
		dropProtocol();
		this.c.session = null;
	}

	/** {@code HTTP_DROP_PROTOCOL}, once, to a protocol the transaction bound. */
	private void dropProtocol() {
		if (this.protocolBound) {
			this.protocolBound = false;
			this.c.callBound(CallbackReason.HTTP_DROP_PROTOCOL, null);
		}
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	@Override
	public String toString() {
		return "HttpServerRole[" + this.state + ", ah=" + (this.ah != null) + ", keepAlive=" + this.keepAlive + "]";
	}

}
