package io.lws.core.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.HeaderToken;
import io.lws.core.LwsProtocol;
import io.lws.core.PendingTimeout;
import io.lws.core.WriteProtocol;
import io.lws.core.ext.ActiveExtension;
import io.lws.core.ext.ExtensionNegotiationException;
import io.lws.core.ext.ExtensionNegotiator;
import io.lws.core.http.HeaderTable;
import io.lws.core.http.ParseResult;
import io.lws.core.http.RequestError;
import io.lws.core.http.UriRewriter;
import io.lws.core.log.LwsLog;
import io.lws.core.tls.TlsClientContext;

/**
 * The client role of a connection ({@code lws_client_connect_via_info} and what follows): resolves the server's name
 * off the service thread, connects without blocking, tunnels through an HTTP proxy with {@code CONNECT} when the
 * vhost has one, runs the TLS handshake, sends the request ({@link ClientRequest}), reads the response head, follows
 * redirects, and then either switches the connection to a client {@link WsRole} after checking the server's
 * {@code 101} or delivers an HTTP response body.
 * <p>
 * A connection that never gets established ends with exactly one {@code CLIENT_CONNECTION_ERROR}, whose text says
 * why; an established HTTP client ends with {@code CLOSED_CLIENT_HTTP}, a WebSocket with {@code CLIENT_CLOSED}.
 */
final class ClientRole {

	/** How many redirects a request follows before it fails (libwebsockets allows three). */
	static final int MAX_REDIRECTS = 3;

	private enum State {

		/** Made, not started. */
		NEW,
		/** Looking up the server's (or proxy's) address. */
		RESOLVING,
		/** TCP connect in progress. */
		CONNECTING,
		/** Sent CONNECT to the proxy; reading its answer. */
		PROXY_REPLY,
		/** TLS handshake in progress. */
		TLS_HANDSHAKE,
		/** Request head sent; the application is writing the body. */
		SENDING_BODY,
		/** Request sent; reading the response head. */
		AWAITING_RESPONSE,
		/** Reading an HTTP response body. */
		BODY,
		/** A response is complete; nothing is expected. */
		DONE,
		/** Idle, kept for another request ({@code lws_http_transaction_completed_client}). */
		KEPT

	}

	private final Connection c;

	private ClientConnectInfo info;

	private ProxyAddress proxy;

	private State state = State.NEW;

	/** Increases on every (re)connect, so a late name lookup for an earlier target is ignored. */
	private int attempt;

	private InetAddress[] addresses;

	private int nextAddress;

	private int dialPort;

	private HeaderTable table;

	private ClientRequest request;

	private boolean bodyPending;

	private final ClientResponseBody body = new ClientResponseBody();

	private UriRewriter rewriter;

	private int redirects;

	private int status;

	/** {@code ESTABLISHED_CLIENT_HTTP} was given, so {@code CLOSED_CLIENT_HTTP} is owed. */
	private boolean httpEstablished;

	private boolean errorReported;

	private boolean inCompleted;

	private boolean keepRequested;

	private boolean closeRequested;

	ClientRole(Connection c, ClientConnectInfo info) {
		this.c = c;
		this.info = info;
	}

	// ---- starting and connecting ----

	/** On the service thread, after the creation callbacks: binds the protocol and starts connecting. */
	void start() {
		this.proxy = this.c.vhost.proxy();
		LwsProtocol<?> p = localProtocol();
		if (p == null) {
			fail("no protocol '" + this.info.localProtocolName() + "' on vhost '" + this.c.vhost.name() + "'");
			return;
		}
		if (!bind(p)) {
			return;
		}
		if (this.c.parent != null && this.c.parent.isClosed()) {
			// libwebsockets never starts a child of a closed parent: nothing is dialled
			fail("the parent connection is already closed");
			return;
		}
		dial();
	}

	private LwsProtocol<?> localProtocol() {
		if (this.info.localProtocolName() != null) {
			return this.c.vhost.protocol(this.info.localProtocolName());
		}
		if (this.info.protocol() != null) {
			for (String name : this.info.protocol().split(",")) {
				LwsProtocol<?> p = this.c.vhost.protocol(name.trim());
				if (p != null) {
					return p;
				}
			}
		}
		return this.c.vhost.firstProtocol();
	}

	/** Binds {@code p} and makes its session (the connection's {@code userdata} when one was given). */
	private boolean bind(LwsProtocol<?> p) {
		this.c.protocol = p;
		if (this.info.userdata() != null) {
			this.c.session = this.info.userdata();
			return true;
		}
		try {
			this.c.session = (p != null) ? this.c.boundHandler().newSession(this.c) : null;
			return true;
		}
		catch (RuntimeException ex) {
			LwsLog.err("Protocol '{}' threw from newSession: {}", p.name(), ex.toString());
			this.c.session = null;
			fail("protocol '" + p.name() + "' could not start a session: " + ex);
			return false;
		}
	}

	private int timeoutSecs() {
		return this.c.vhost.info().timeoutSecs();
	}

	private void dial() {
		this.state = State.RESOLVING;
		int thisAttempt = ++this.attempt;
		this.c.setTimeoutInternal(PendingTimeout.AWAITING_CONNECT_RESPONSE, timeoutSecs());
		String host = (this.proxy != null) ? this.proxy.host() : this.info.address();
		this.dialPort = (this.proxy != null) ? this.proxy.port() : this.info.port();
		if (io.lws.core.LwsUri.isIpLiteral(host)) {
			try {
				resolved(thisAttempt, new InetAddress[] { InetAddress.getByName(host) });
			}
			catch (UnknownHostException ex) {
				fail("DNS: bad address '" + host + "'");
			}
			return;
		}
		try {
			this.c.pt.context.resolver().execute(() -> {
				try {
					InetAddress[] all = InetAddress.getAllByName(host);
					this.c.post(() -> resolved(thisAttempt, all));
				}
				catch (UnknownHostException ex) {
					this.c.post(() -> {
						if (thisAttempt == this.attempt) {
							fail("DNS: cannot resolve '" + host + "'");
						}
					});
				}
			});
		}
		catch (RejectedExecutionException ex) {
			fail("DNS: too many name lookups waiting");
		}
	}

	private void resolved(int forAttempt, InetAddress[] all) {
		if (forAttempt != this.attempt || this.state != State.RESOLVING) {
			return;
		}
		this.addresses = all;
		this.nextAddress = 0;
		connectNext();
	}

	private void connectNext() {
		InetSocketAddress target = new InetSocketAddress(this.addresses[this.nextAddress++], this.dialPort);
		this.state = State.CONNECTING;
		SocketChannel sc = null;
		try {
			sc = SocketChannel.open();
			sc.configureBlocking(false);
			boolean done = sc.connect(target);
			this.c.attachClientSocket(sc, done);
			if (done) {
				connected();
			}
		}
		catch (IOException ex) {
			if (sc != null && this.c.channel != sc) {
				try {
					sc.close();
				}
				catch (IOException ignored) {
					// failing anyway
				}
			}
			connectFailed(ex);
		}
	}

	/** The selector reports the connect finished or failed. */
	void onConnectable() {
		try {
			if (!this.c.channel.finishConnect()) {
				return;
			}
		}
		catch (IOException ex) {
			connectFailed(ex);
			return;
		}
		connected();
	}

	private void connectFailed(IOException ex) {
		if (this.addresses != null && this.nextAddress < this.addresses.length) {
			this.c.dropClientSocket();
			connectNext();
			return;
		}
		fail("connect failed to " + dialTarget() + ": " + describe(ex));
	}

	/** What the socket connects to, for error texts: the proxy when there is one. */
	private String dialTarget() {
		return (this.proxy != null) ? "proxy " + this.proxy.host() + ":" + this.proxy.port()
				: this.info.address() + ":" + this.info.port();
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private void connected() {
		LwsLog.debug("{}: connected for {}", this.c, this.info);
		// only now, connected, does the socket show it is TCP and take TCP_NODELAY (and keep-alive); without it a
		// message written as several TLS records waits for the server's delayed ACK (Nagle), 40 ms a message
		this.c.pt.context.configureSocket(this.c.channel, false);
		if (this.proxy != null) {
			this.c.usePlainTransport();
			this.state = State.PROXY_REPLY;
			responseTable().resetForResponse();
			String connect = this.proxy.connectRequest(this.info.address(), this.info.port());
			this.c.queueOutput(ByteBuffer.wrap(connect.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
			this.c.setTimeoutInternal(PendingTimeout.AWAITING_PROXY_RESPONSE, timeoutSecs());
			this.c.updateReadInterest();
			return;
		}
		afterTunnel(null);
	}

	/** TCP (and the proxy's tunnel) is up: TLS next, or the request at once. */
	private void afterTunnel(ByteBuffer leftover) {
		if (!this.info.ssl()) {
			this.c.usePlainTransport();
			sendRequest();
			return;
		}
		this.state = State.TLS_HANDSHAKE;
		this.c.setTimeoutInternal(PendingTimeout.ESTABLISH_WITH_SERVER, timeoutSecs());
		try {
			TlsClientContext tls = this.c.vhost.clientTls(this.info.sslConnection());
			SSLEngine engine = tls.newEngine(tlsHostName(), this.info.port());
			this.c.startClientTls(engine, tls.sslLevel(), leftover);
		}
		catch (IOException | RuntimeException ex) {
			fail("TLS: " + describe(ex));
		}
	}

	/** The name the server's certificate must carry and SNI sends: the Host without its port. */
	private String tlsHostName() {
		String h = this.info.host();
		if (h.startsWith("[")) {
			int end = h.indexOf(']');
			return (end > 0) ? h.substring(1, end) : this.info.address();
		}
		int colon = h.lastIndexOf(':');
		return (colon > 0) ? h.substring(0, colon) : h;
	}

	/** The TLS handshake completed. */
	void onTransportReady() {
		sendRequest();
	}

	/** A socket or TLS error before (or after) the connection was established. */
	void onTransportError(IOException ex, boolean handshaking) {
		if (this.httpEstablished) {
			LwsLog.debug("Read failed on {}: {}", this.c, describe(ex));
			this.c.closeNow(Connection.CloseCause.IO_ERROR);
			return;
		}
		if (ex instanceof SSLException tlsFailure) {
			if (handshaking) {
				this.c.pt.context.metrics().tlsHandshake(this.c.vhost.name(), "failed");
			}
			fail("TLS: " + describeTls(tlsFailure));
			return;
		}
		fail("socket: " + describe(ex));
	}

	/**
	 * A TLS failure in words. The JDK reports the server's alert as "Received fatal alert: NAME"; a certificate alert
	 * from a server usually means it wants a client certificate it trusts (with TLS 1.3 the alert may come only after
	 * the client finished its side of the handshake). Newer JDKs (24 and later) put the alert's name in brackets
	 * before every handshake failure's message, "(certificate_unknown) ..."; it is dropped, so the words are the
	 * same on every JDK and our own verifiers' reasons read as they were written.
	 */
	static String describeTls(SSLException ex) {
		String m = describe(ex);
		if (m.startsWith("(")) {
			int close = m.indexOf(") ");
			if (close > 1 && m.substring(1, close).chars().allMatch((ch) -> ch == '_' || (ch >= 'a' && ch <= 'z'))) {
				m = m.substring(close + 2);
			}
		}
		String prefix = "Received fatal alert: ";
		if (!m.startsWith(prefix)) {
			return m;
		}
		String alert = m.substring(prefix.length());
		return "the server refused the handshake with the alert '" + alert + "'"
				+ (alert.contains("certificate") ? ": it may want a client certificate it trusts (initVhostClientSsl)"
						: "");
	}

	// ---- the request ----

	private HeaderTable responseTable() {
		if (this.table == null) {
			ServiceThread pt = this.c.pt;
			this.table = new HeaderTable(pt.context.info().maxHttpHeaderData(), HeaderTable.DEFAULT_MAX_FRAGMENTS,
					pt.context.info().tokenLimits());
		}
		return this.table;
	}

	private void sendRequest() {
		this.status = 0;
		this.httpEstablished = false;
		this.bodyPending = false;
		try {
			this.request = ClientRequest.compose(this.c, this.info);
		}
		catch (IllegalArgumentException ex) {
			fail(ex.getMessage());
			return;
		}
		if (this.c.isClosed()) {
			return;
		}
		if (this.request == null) {
			fail("the request was refused by CLIENT_APPEND_HANDSHAKE_HEADER");
			return;
		}
		responseTable().resetForResponse();
		this.c.queueOutput(this.request.head);
		if (this.bodyPending) {
			this.state = State.SENDING_BODY;
			this.c.setTimeoutInternal(PendingTimeout.CLIENT_ISSUE_PAYLOAD, Math.max(timeoutSecs(), 30));
		}
		else {
			awaitResponse();
		}
		this.c.updateReadInterest();
		if (this.c.writableRequested) {
			// asked for before the connection was up
			this.c.requestWritableOnThread();
		}
	}

	private void awaitResponse() {
		this.state = State.AWAITING_RESPONSE;
		this.c.setTimeoutInternal(PendingTimeout.AWAITING_SERVER_RESPONSE, timeoutSecs());
	}

	/** {@code lws_client_http_body_pending}. */
	void bodyPending(boolean pending) {
		if (!this.info.isHttp()) {
			throw new IllegalStateException("clientHttpBodyPending is for HTTP client connections, not WebSocket ones");
		}
		this.bodyPending = pending;
		if (!pending && this.state == State.SENDING_BODY) {
			awaitResponse();
		}
	}

	/** Whether a writeable callback can be given now (the request is out). */
	boolean canTakeWritable() {
		return this.state.compareTo(State.SENDING_BODY) >= 0;
	}

	int onWritable() {
		return this.c.callBound(CallbackReason.CLIENT_HTTP_WRITEABLE, null);
	}

	/** {@code lws_write} of request body bytes ({@code LWS_WRITE_HTTP}, the last with {@code LWS_WRITE_HTTP_FINAL}). */
	int write(ByteBuffer buf, WriteProtocol wp) {
		if (wp != WriteProtocol.HTTP && wp != WriteProtocol.HTTP_FINAL) {
			throw new IllegalArgumentException("An HTTP client writes its body with HTTP or HTTP_FINAL, not " + wp);
		}
		if (this.state != State.SENDING_BODY) {
			throw new IllegalStateException("Request body bytes may be written only after clientHttpBodyPending(true) "
					+ "and before the body is complete");
		}
		int len = buf.remaining();
		// queueOutput copies, so the caller's buffer is free at once
		if (!this.c.queueOutput(buf)) {
			return -1;
		}
		this.c.setTimeoutInternal(PendingTimeout.CLIENT_ISSUE_PAYLOAD, Math.max(timeoutSecs(), 30));
		if (wp == WriteProtocol.HTTP_FINAL) {
			bodyPending(false);
		}
		return len;
	}

	// ---- reading ----

	boolean wantsToRead() {
		return switch (this.state) {
			case PROXY_REPLY, SENDING_BODY, AWAITING_RESPONSE, BODY, KEPT -> true;
			default -> false;
		};
	}

	void consume(ByteBuffer buf) {
		while (buf.hasRemaining() && !this.c.isClosed() && this.c.ws == null) {
			switch (this.state) {
				case PROXY_REPLY -> consumeProxyReply(buf);
				case SENDING_BODY, AWAITING_RESPONSE -> consumeHead(buf);
				case BODY -> consumeBody(buf);
				case KEPT, DONE -> {
					LwsLog.info("{}: {} unexpected bytes from the server after its response; closing", this.c,
							buf.remaining());
					buf.position(buf.limit());
					this.c.closeNow(Connection.CloseCause.PROTOCOL_ERROR);
				}
				default -> buf.position(buf.limit());
			}
			if (this.state == State.RESOLVING || this.state == State.CONNECTING) {
				// retargeted (a redirect): whatever else the old server sent does not matter
				buf.position(buf.limit());
			}
		}
	}

	private void consumeProxyReply(ByteBuffer buf) {
		ParseResult r = this.table.parse(buf);
		if (r == ParseResult.NEED_MORE) {
			return;
		}
		if (r == ParseResult.ERROR) {
			fail("proxy: " + headError());
			return;
		}
		int code = this.table.responseStatus();
		if (code / 100 != 2) {
			fail("proxy " + this.proxy.host() + ":" + this.proxy.port() + " refused the tunnel: HTTP " + code);
			return;
		}
		ByteBuffer leftover = null;
		if (buf.hasRemaining()) {
			leftover = ByteBuffer.allocate(buf.remaining());
			leftover.put(buf).flip();
		}
		afterTunnel(leftover);
	}

	private void consumeHead(ByteBuffer buf) {
		ParseResult r = this.table.parse(buf);
		if (r == ParseResult.NEED_MORE) {
			return;
		}
		if (r == ParseResult.ERROR) {
			fail("HS: " + headError());
			return;
		}
		this.status = this.table.responseStatus();
		if (this.status < 200 && this.status != 101) {
			// an interim response (100 Continue): the real one follows
			this.table.resetForResponse();
			return;
		}
		if (isRedirect(this.status) && this.table.has(HeaderToken.HTTP_LOCATION)) {
			redirect(this.table.value(HeaderToken.HTTP_LOCATION));
			buf.position(buf.limit());
			return;
		}
		if (!this.info.isHttp()) {
			upgradeAnswered(buf);
			return;
		}
		httpAnswered();
	}

	/** Why the response head was refused: the table's reasons speak of requests, so a too-large head is said here. */
	private String headError() {
		RequestError e = this.table.error();
		if (e == RequestError.HEADERS_TOO_LARGE || e == RequestError.REQUEST_LINE_TOO_LONG) {
			return "the response head is larger than max_http_header_data ("
					+ this.c.pt.context.info().maxHttpHeaderData() + " bytes)";
		}
		return this.table.errorReason();
	}

	private static boolean isRedirect(int code) {
		return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
	}

	// ---- redirects and lws_client_reset ----

	private void redirect(String location) {
		if (this.redirects >= MAX_REDIRECTS) {
			fail("HS: too many redirects (more than " + MAX_REDIRECTS + "), the last to " + location);
			return;
		}
		this.redirects++;
		if (this.c.callBound(CallbackReason.CLIENT_HTTP_REDIRECT, location) != 0) {
			fail("HS: the redirect to " + location + " was refused by CLIENT_HTTP_REDIRECT");
			return;
		}
		ClientTarget t;
		try {
			t = ClientTarget.resolve(this.info, location);
		}
		catch (IllegalArgumentException ex) {
			fail("HS: bad redirect location '" + location + "': " + ex.getMessage());
			return;
		}
		LwsLog.debug("{}: {} redirect to {}", this.c, this.status, location);
		if (this.status == 303 && this.info.isHttp() && !"HEAD".equals(this.info.method())) {
			this.info = this.info.toBuilder().method("GET").build();
		}
		reset(t.ssl(), t.address(), t.port(), t.path(), null);
	}

	/** {@code lws_client_reset}. */
	void reset(int ssl, String address, int port, String path, String host) {
		ClientConnectInfo next;
		try {
			next = this.info.toBuilder().sslConnection(ssl).address(address).port(port).path(path).host(host).build();
		}
		catch (IllegalArgumentException ex) {
			fail("reset: " + ex.getMessage());
			return;
		}
		boolean reuse = this.state == State.KEPT && next.address().equals(this.info.address())
				&& next.port() == this.info.port() && next.sslConnection() == this.info.sslConnection();
		this.info = next;
		this.httpEstablished = false;
		if (reuse) {
			sendRequest();
			return;
		}
		this.c.dropClientSocket();
		dial();
	}

	// ---- the WebSocket upgrade ----

	private void upgradeAnswered(ByteBuffer buf) {
		HeaderTable t = this.table;
		if (this.status != 101) {
			fail("HS: ws upgrade response not 101 (got " + this.status + ")");
			return;
		}
		if (!t.hasUpgradeToken("websocket")) {
			fail("HS: UPGRADE malformed: the server did not answer Upgrade: websocket");
			return;
		}
		if (!t.hasConnectionToken("upgrade")) {
			fail("HS: CONNECTION malformed: the server did not answer Connection: Upgrade");
			return;
		}
		if (t.fragmentCount(HeaderToken.ACCEPT) != 1
				|| !WsHandshake.acceptFor(this.request.key).equals(t.value(HeaderToken.ACCEPT))) {
			fail("HS: ACCEPT hash wrong");
			return;
		}
		String chosen = t.value(HeaderToken.PROTOCOL);
		if (chosen != null && !chooseProtocol(chosen.trim())) {
			return;
		}
		ActiveExtension active = null;
		if (t.has(HeaderToken.EXTENSIONS)) {
			active = acceptExtension(t.value(HeaderToken.EXTENSIONS));
			if (this.c.isClosed()) {
				return;
			}
		}
		if (this.c.callBound(CallbackReason.CLIENT_FILTER_PRE_ESTABLISH, null) != 0) {
			if (active != null) {
				active.destroy();
			}
			fail("HS: refused by CLIENT_FILTER_PRE_ESTABLISH");
			return;
		}
		if (this.c.isClosed()) {
			return;
		}
		this.state = State.DONE;
		// the response's headers are gone once established, as in libwebsockets
		this.table = null;
		this.c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		this.c.ws = new WsRole(this.c, this.c.protocol, active);
		this.c.pt.context.metrics().handshake(this.c.vhost.name(), "client_success");
		if (this.c.callBound(CallbackReason.CLIENT_ESTABLISHED, null) != 0) {
			this.c.ws.closeFromApplication();
			buf.position(buf.limit());
			return;
		}
		this.c.ws.established();
		if (buf.hasRemaining() && !this.c.isClosed()) {
			this.c.ws.consume(buf);
		}
	}

	/** The server named a subprotocol: it must be one we asked for; bind the vhost's protocol of that name. */
	private boolean chooseProtocol(String chosen) {
		boolean asked = false;
		if (this.info.protocol() != null) {
			for (String name : this.info.protocol().split(",")) {
				asked |= name.trim().equals(chosen);
			}
		}
		if (!asked) {
			fail("HS: the server chose protocol '" + chosen + "', which was not asked for");
			return false;
		}
		LwsProtocol<?> p = this.c.vhost.protocol(chosen);
		if (p != null && p != this.c.protocol) {
			return bind(p);
		}
		return true;
	}

	private ActiveExtension acceptExtension(String header) {
		if (this.request.offered.isEmpty()) {
			fail("HS: EXT: the server accepted an extension that was not offered: " + header);
			return null;
		}
		ExtensionNegotiator.Choice choice;
		try {
			choice = ExtensionNegotiator.clientAccept(this.request.offered, header, this.c,
					this.c.protocol.rxBufferSize());
		}
		catch (ExtensionNegotiationException ex) {
			fail(ex.getMessage());
			return null;
		}
		if (choice == null) {
			return null;
		}
		return new ActiveExtension(choice.extension(), choice.session(), this.c, choice.response(),
				this.c.protocol.rxBufferSize(), this.c.vhost.validatesUtf8(this.c.protocol),
				this.c.vhost.info().maxMessageSize());
	}

	// ---- an HTTP response ----

	private void httpAnswered() {
		this.httpEstablished = true;
		this.c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		this.c.pt.context.metrics().handshake(this.c.vhost.name(), "client_http");
		if (this.c.callBound(CallbackReason.ESTABLISHED_CLIENT_HTTP, null) != 0) {
			this.c.closeNow(Connection.CloseCause.APPLICATION);
			return;
		}
		if (this.c.isClosed()) {
			return;
		}
		this.body.start(this.table, this.info.method());
		this.rewriter = (this.info.uriReplaceFrom() != null && isHtml(this.table.value(HeaderToken.HTTP_CONTENT_TYPE)))
				? new UriRewriter(this.info.uriReplaceFrom(), this.info.uriReplaceTo()) : null;
		this.state = State.BODY;
		if (this.body.isEmpty()) {
			completed();
		}
		else {
			this.c.setTimeoutInternal(PendingTimeout.HTTP_CONTENT, timeoutSecs());
		}
	}

	/** Whether a Content-Type is {@code text/html}, parameters aside: the only type uri_replace rewrites. */
	private static boolean isHtml(String contentType) {
		if (contentType == null) {
			return false;
		}
		int semi = contentType.indexOf(';');
		String media = (semi >= 0) ? contentType.substring(0, semi) : contentType;
		return media.trim().toLowerCase(Locale.ROOT).equals("text/html");
	}

	private void consumeBody(ByteBuffer buf) {
		this.c.setTimeoutInternal(PendingTimeout.HTTP_CONTENT, timeoutSecs());
		if (this.c.callBound(CallbackReason.RECEIVE_CLIENT_HTTP, null) != 0) {
			buf.position(buf.limit());
			this.c.closeNow(Connection.CloseCause.APPLICATION);
			return;
		}
		this.closeRequested = false;
		ParseResult r = this.body.feed(buf, this::bodyPiece);
		if (this.closeRequested || this.c.isClosed()) {
			buf.position(buf.limit());
			this.c.closeNow(Connection.CloseCause.APPLICATION);
			return;
		}
		if (r == ParseResult.ERROR) {
			LwsLog.info("{}: bad chunked response body: {}", this.c, this.body.errorReason());
			buf.position(buf.limit());
			this.c.closeNow(Connection.CloseCause.PROTOCOL_ERROR);
			return;
		}
		if (r == ParseResult.COMPLETE) {
			completed();
		}
	}

	private void bodyPiece(ByteBuffer piece) {
		if (this.closeRequested) {
			return;
		}
		if (this.rewriter != null) {
			this.rewriter.rewrite(piece, this::deliverRead);
		}
		else {
			deliverRead(piece);
		}
	}

	private void deliverRead(ByteBuffer piece) {
		if (!this.closeRequested && this.c.callBound(CallbackReason.RECEIVE_CLIENT_HTTP_READ, piece) != 0) {
			this.closeRequested = true;
		}
	}

	private void completed() {
		if (this.rewriter != null) {
			this.closeRequested = false;
			this.rewriter.finish(this::deliverRead);
			this.rewriter = null;
			if (this.closeRequested) {
				this.c.closeNow(Connection.CloseCause.APPLICATION);
				return;
			}
		}
		this.state = State.DONE;
		this.c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		this.keepRequested = false;
		this.inCompleted = true;
		int ret = this.c.callBound(CallbackReason.COMPLETED_CLIENT_HTTP, null);
		this.inCompleted = false;
		if (this.c.isClosed()) {
			return;
		}
		if (ret != 0 || (this.state == State.DONE && !this.keepRequested)) {
			this.c.closeAfterFlush();
			return;
		}
		if (this.state == State.KEPT) {
			this.c.setTimeoutInternal(PendingTimeout.HTTP_KEEPALIVE_IDLE, this.c.vhost.info().keepaliveTimeout());
		}
	}

	/** {@code lws_http_transaction_completed_client}: true when the connection must close. */
	boolean transactionCompleted() {
		if (this.state != State.DONE && this.state != State.KEPT) {
			return true;
		}
		boolean mustClose = this.table == null || !this.table.keepAlive() || this.body.endsAtClose();
		if (mustClose) {
			return true;
		}
		this.keepRequested = true;
		this.state = State.KEPT;
		if (!this.inCompleted) {
			this.c.setTimeoutInternal(PendingTimeout.HTTP_KEEPALIVE_IDLE, this.c.vhost.info().keepaliveTimeout());
		}
		return false;
	}

	void onPeerEof() {
		if (this.state == State.BODY && this.body.endsAtClose()) {
			completed();
		}
		else if (this.state == State.BODY) {
			LwsLog.info("{}: the server closed before the end of the response body", this.c);
		}
		this.c.closeNow(Connection.CloseCause.PEER_CLOSED);
	}

	void onTimeout(PendingTimeout reason) {
		if (this.httpEstablished || this.state == State.KEPT || this.state == State.DONE) {
			LwsLog.info("Timeout {} on {}", reason, this.c);
			this.c.closeNow(Connection.CloseCause.TIMEOUT);
			return;
		}
		String what = switch (this.state) {
			case RESOLVING -> "timeout resolving " + this.info.address();
			case CONNECTING -> "timeout connecting to " + dialTarget();
			case PROXY_REPLY -> "timeout waiting for the proxy's answer";
			case TLS_HANDSHAKE -> "TLS: timeout in the handshake";
			case SENDING_BODY -> "timeout waiting for the request body";
			default -> "timeout waiting for the server's response";
		};
		fail(what);
	}

	// ---- ending ----

	/** The connection could not be established: {@code CLIENT_CONNECTION_ERROR} with why, then close. */
	void fail(String reason) {
		if (this.c.isClosed()) {
			return;
		}
		reportError(reason);
		this.c.closeNow(Connection.CloseCause.PROTOCOL_ERROR);
	}

	private void reportError(String reason) {
		if (this.errorReported) {
			return;
		}
		this.errorReported = true;
		LwsLog.info("Client connection {} failed: {}", this.info, reason);
		this.c.pt.context.metrics().handshake(this.c.vhost.name(), "client_failed");
		this.c.callBound(CallbackReason.CLIENT_CONNECTION_ERROR, reason);
	}

	/** The connection is closing (not as a WebSocket): the callback it owes. */
	void onClosed(Connection.CloseCause cause) {
		if (this.httpEstablished || this.state == State.KEPT) {
			this.c.callBound(CallbackReason.CLOSED_CLIENT_HTTP, null);
			return;
		}
		if (this.state == State.DONE) {
			return;
		}
		reportError(switch (cause) {
			case PEER_CLOSED -> (this.state == State.TLS_HANDSHAKE)
					? "TLS: the server closed the connection during the handshake"
					: (this.state == State.PROXY_REPLY) ? "the proxy closed the connection before answering"
					: "the server closed the connection before answering";
			case CONTEXT_DESTROY -> "the context was destroyed before the connection was established";
			case TIMEOUT -> "timeout";
			case IO_ERROR -> "socket error";
			default -> "closed before the connection was established";
		});
	}

	// ---- state the application reads ----

	HeaderTable headerTable() {
		return (this.table != null && this.table.isComplete()) ? this.table : null;
	}

	int responseStatus() {
		return this.status;
	}

	String method() {
		return this.info.isHttp() ? this.info.method() : "GET";
	}

	@Override
	public String toString() {
		return "ClientRole[" + this.state + ", " + this.info + "]";
	}

}
