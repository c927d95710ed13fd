package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

import io.lws.core.PendingTimeout;
import io.lws.core.ServerOption;
import io.lws.core.log.LogLevel;
import io.lws.core.log.LwsLog;
import io.lws.core.tls.ClientHelloSniffer;
import io.lws.core.tls.PlainTransport;
import io.lws.core.tls.TlsTransport;

/**
 * Brings up TLS on one {@link Connection}, until the transport is ready for its role: libwebsockets'
 * {@code LRS_SSL_INIT} and {@code LRS_SSL_ACK_PENDING} states.
 * <p>
 * On a server's TLS port it reads the first bytes until they show a ClientHello, whose SNI name chooses the vhost
 * (and so the certificate), or plain bytes, served only with {@code LWS_SERVER_OPTION_ALLOW_NON_SSL_ON_SSL_PORT}. On
 * either side it then drives the handshake, delegated tasks included, under {@code PENDING_TIMEOUT_SSL_ACCEPT}
 * and without a header buffer, and starts the role once the transport is ready. Created only for connections that
 * may speak TLS, so a plain connection carries none of this state. Runs on the owning service thread.
 */
final class TlsSetup {

	private static final byte[] NOT_TLS_BODY = "This port speaks TLS: use https:// or wss://\n"
			.getBytes(StandardCharsets.US_ASCII);

	private final Connection c;

	/** The vhost the handshake chose (by SNI) on a server's TLS port; null otherwise. */
	private VhostImpl chosenVhost;

	/** The engine whose certificate check may call back, and the vhost that finds the connection by it. */
	private SSLEngine verifyingEngine;

	private VhostImpl verifyingVhost;

	TlsSetup(Connection c) {
		this.c = c;
	}

	/** The vhost the server's handshake chose by SNI, or {@code null} (plain, or a client). */
	VhostImpl chosenVhost() {
		return this.chosenVhost;
	}

	// ---- a server's TLS port: sniff the first bytes ----

	/** Reads the first bytes on a TLS port until they show a ClientHello (and its SNI name) or plain bytes. */
	void sniffRead() {
		ByteBuffer buf = this.c.pt.readBuffer;
		buf.clear();
		int n;
		try {
			n = this.c.channel.read(buf);
		}
		catch (IOException ex) {
			LwsLog.debug("Read failed on {}: {}", this.c, ex.getMessage());
			this.c.closeNow(Connection.CloseCause.IO_ERROR);
			return;
		}
		if (n < 0) {
			LwsLog.debug("{} closed before sending a TLS ClientHello", this.c);
			this.c.closeNow(Connection.CloseCause.PEER_CLOSED);
			return;
		}
		if (n == 0) {
			return;
		}
		buf.flip();
		this.c.pt.traffic.bytesIn(n);
		ByteBuffer stash = this.c.stash;
		ByteBuffer all = ByteBuffer.allocate(buf.remaining() + ((stash != null) ? stash.remaining() : 0));
		if (stash != null) {
			all.put(stash);
		}
		all.put(buf).flip();
		this.c.stash = all;
		sniff();
	}

	/** Looks at the bytes stashed so far: a ClientHello starts the handshake, plain bytes go to the plain path. */
	void sniff() {
		ClientHelloSniffer.Result r = ClientHelloSniffer.sniff(this.c.stash);
		switch (r.kind()) {
			case NEED_MORE -> {
				// the sniffer gives up on names past its limit, so the stash stays bounded
			}
			case NOT_TLS -> plainOnTlsPort();
			case TLS -> startServer(r.serverName());
		}
	}

	private void startServer(String serverName) {
		VhostImpl chosen = this.c.listen.selectVhostBySni(serverName);
		this.c.moveTo(chosen);
		this.chosenVhost = chosen;
		SSLEngine engine;
		try {
			engine = chosen.tls().newEngine();
		}
		catch (RuntimeException ex) {
			this.c.failInternal(ex);
			return;
		}
		if (chosen.tls().verifiesClients()) {
			watchVerification(chosen, engine);
		}
		ByteBuffer hello = this.c.stash;
		this.c.stash = null;
		this.c.transport = new TlsTransport(this.c.channel, engine, this.c.pt.tlsBuffers(),
				this.c.pt.context.tlsTasks(), this.c.pt::post, this::onTaskDone, 1, hello);
		LwsLog.debug("{}: TLS ClientHello for '{}', vhost '{}'", this.c, serverName, chosen.name());
		advanceHandshake();
	}

	/** Plain bytes reached a TLS port: serve them (ALLOW_NON_SSL_ON_SSL_PORT) or refuse them. */
	private void plainOnTlsPort() {
		Connection c = this.c;
		VhostImpl first = c.listen.vhosts.get(0);
		c.transport = new PlainTransport(c.channel);
		c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		if (first.info().has(ServerOption.ALLOW_NON_SSL_ON_SSL_PORT)) {
			LwsLog.debug("{}: plain HTTP on a TLS port, allowed by ALLOW_NON_SSL_ON_SSL_PORT", c);
			c.transportReadyHandled = true;
			c.http.startWaitingForRequest(true);
			return;
		}
		boolean looksLikeHttp = c.stash.remaining() >= 4 && Character.isUpperCase(c.stash.get(c.stash.position()));
		LwsLog.info("Refusing plain {} from {} on TLS port {}", looksLikeHttp ? "HTTP" : "bytes", c.getPeerSimple(),
				c.listen.port());
		c.pt.context.metrics().tlsHandshake(c.vhost.name(), "not_tls");
		c.stash = null;
		if (!looksLikeHttp) {
			c.closeNow(Connection.CloseCause.PROTOCOL_ERROR);
			return;
		}
		String head = "HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\ncontent-length: " + NOT_TLS_BODY.length
				+ "\r\nconnection: close\r\n\r\n";
		c.transportReadyHandled = true;
		c.readPaused = true;
		if (c.queueOutput(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)), ByteBuffer.wrap(NOT_TLS_BODY))) {
			c.closeAfterFlush();
		}
	}

	// ---- a client: start the handshake on the connected socket ----

	/** Starts a client handshake on the connected socket; the role continues once the transport is ready. */
	void startClient(SSLEngine engine, int sslLevel, ByteBuffer initialInput) throws IOException {
		TlsTransport tls = new TlsTransport(this.c.channel, engine, this.c.pt.tlsBuffers(),
				this.c.pt.context.tlsTasks(), this.c.pt::post, this::onTaskDone, sslLevel, initialInput);
		this.c.transport = tls;
		this.c.transportReadyHandled = false;
		watchVerification(this.c.vhost, engine);
		tls.beginHandshake();
		handshakeProgress();
	}

	// ---- either side: the handshake ----

	/** Drives the handshake with what the socket has. */
	void advanceHandshake() {
		ByteBuffer buf = this.c.pt.tlsBuffers().applicationBuffer();
		buf.clear();
		int n;
		try {
			n = this.c.transport.read(buf);
		}
		catch (IOException ex) {
			this.c.onTransportError(ex);
			return;
		}
		if (n < 0) {
			LwsLog.debug("{} closed during the TLS handshake", this.c);
			this.c.pt.context.metrics().tlsHandshake(this.c.vhost.name(), "aborted");
			this.c.closeNow(Connection.CloseCause.PEER_CLOSED);
			return;
		}
		handshakeProgress();
	}

	/** After handshake I/O: the interest the transport needs now, and the switch to the role once it is ready. */
	void handshakeProgress() {
		Connection c = this.c;
		if (c.isClosed()) {
			return;
		}
		if (c.transport.pendingOutput() > 0) {
			c.block();
		}
		if (c.transport.isReady()) {
			if (!c.transportReadyHandled) {
				onReady();
			}
			return;
		}
		c.setReadInterest(!c.transport.isBusy());
	}

	private void onReady() {
		Connection c = this.c;
		c.transportReadyHandled = true;
		c.setTimeoutInternal(PendingTimeout.NO_PENDING_TIMEOUT, 0);
		forgetVerification();
		if (c.transport instanceof TlsTransport tls && LwsLog.isEnabled(LogLevel.DEBUG)) {
			SSLSession s = tls.session();
			LwsLog.debug("{}: TLS established, {} {} alpn={}", c, s.getProtocol(), s.getCipherSuite(),
					tls.engine().getApplicationProtocol());
		}
		c.pt.context.metrics().tlsHandshake(c.vhost.name(), "ok");
		if (c.client != null) {
			c.client.onTransportReady();
			return;
		}
		c.http.startWaitingForRequest(true);
	}

	/** Delegated TLS work finished (on the service thread): carry on where it stopped. */
	private void onTaskDone() {
		if (this.c.isClosed()) {
			return;
		}
		if (!this.c.transport.isReady()) {
			advanceHandshake();
			return;
		}
		this.c.updateReadInterest();
		this.c.pt.queueFlush(this.c);
	}

	// ---- certificate checks that call back ----

	/**
	 * Lets the vhost's certificate verification callback find the connection by its engine (the JDK checks
	 * certificates in a task that knows only the engine) until the handshake ends.
	 */
	private void watchVerification(VhostImpl v, SSLEngine engine) {
		this.verifyingVhost = v;
		this.verifyingEngine = engine;
		v.handshaking.put(engine, this.c);
	}

	/** Stops letting the verification callback find the connection: the handshake ended, or the socket did. */
	void forgetVerification() {
		if (this.verifyingEngine != null) {
			this.verifyingVhost.handshaking.remove(this.verifyingEngine);
			this.verifyingEngine = null;
			this.verifyingVhost = null;
		}
	}

}
