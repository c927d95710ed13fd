package io.lws.core.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.lws.core.CallbackReason;
import io.lws.core.HeaderToken;
import io.lws.core.HttpHeaders;
import io.lws.core.LwsProtocol;
import io.lws.core.ServerOption;
import io.lws.core.ext.ActiveExtension;
import io.lws.core.ext.ExtensionHeader;
import io.lws.core.ext.ExtensionNegotiator;
import io.lws.core.ext.ExtensionOffer;
import io.lws.core.ext.LwsExtension;
import io.lws.core.http.HeaderTable;
import io.lws.core.log.LwsLog;
import io.lws.core.tls.TlsTransport;

/**
 * The server side of the WebSocket opening handshake (RFC 6455 section 4.2): validates the upgrade request, chooses
 * the subprotocol, lets the protocol filter the connection, answers 101 and switches the connection to
 * {@link WsRole}. A request that is not a valid handshake is answered with 400 (426 for a version other than
 * 13, with the version we speak) and closed.
 * <p>
 * Extensions: when the vhost has some, {@code Sec-WebSocket-Extensions} is parsed (400 when it breaks RFC 6455
 * section 9.1's grammar) and {@link ExtensionNegotiator#negotiateServer} chooses at most one, asking the bound
 * protocol {@code CONFIRM_EXTENSION_OKAY} after {@code FILTER_PROTOCOL_CONNECTION}; offers the extension declines
 * are left out of the answer, as RFC 7692 section 5 asks, and the handshake goes on without them.
 */
final class WsHandshake {

	/** The GUID of RFC 6455 section 1.3, appended to the key before hashing. */
	private static final byte[] GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11".getBytes(StandardCharsets.US_ASCII);

	private WsHandshake() {
	}

	/** Whether a request asks to upgrade to WebSocket ({@code Upgrade} lists the {@code websocket} token). */
	static boolean isUpgradeRequest(HeaderTable t) {
		return containsToken(t.value(HeaderToken.UPGRADE), "websocket");
	}

	/**
	 * Completes or refuses the handshake. Returns true when the connection is now a WebSocket (its header buffer may
	 * then be released); false when an answer has been sent and the connection is closing.
	 */
	static boolean upgrade(Connection c, HeaderTable t, HttpServerRole http, LwsProtocol<?> mountProtocol) {
		String vhostName = c.vhost.name();
		if (!"GET".equals(t.methodName())) {
			return refuse(c, http, 400, "A WebSocket handshake must use GET.");
		}
		if (t.isHttp10()) {
			return refuse(c, http, 400, "A WebSocket handshake needs HTTP/1.1.");
		}
		if (!containsToken(t.value(HeaderToken.CONNECTION), "upgrade")) {
			return refuse(c, http, 400, "The Connection header must list 'Upgrade'.");
		}
		if (c.vhost.info().has(ServerOption.VHOST_UPG_STRICT_HOST_CHECK)
				&& !hostNamesVhost(t.value(HeaderToken.HOST), c.vhost.name(), c.vhost.listenPort(),
						c.transport instanceof TlsTransport)) {
			return refuse(c, http, 400, "The Host header does not name this vhost and port.");
		}
		String version = t.value(HeaderToken.VERSION);
		if (version == null || !version.trim().equals("13")) {
			c.pt.context.metrics().handshake(vhostName, "bad_version");
			// RFC 9110 section 15.5.22: a 426 names the protocol to upgrade to
			ByteBuffer b = HttpHeaders.status(426).add("upgrade", "websocket")
				.add("sec-websocket-version", "13")
				.contentType("text/plain; charset=utf-8").contentLength(36).add("connection", "close")
				.toByteBuffer("HTTP/1.1", c.pt.context.info().serverString());
			c.queueOutput(b, ByteBuffer.wrap("Only WebSocket version 13 is served\n".getBytes(StandardCharsets.UTF_8)));
			c.closeAfterFlush();
			return false;
		}
		String key = t.value(HeaderToken.KEY);
		if (t.fragmentCount(HeaderToken.KEY) != 1 || !isValidKey(key)) {
			return refuse(c, http, 400, "Sec-WebSocket-Key must be 16 bytes in base64.");
		}
		LwsProtocol<?> protocol = chooseProtocol(c, t.value(HeaderToken.PROTOCOL), mountProtocol);
		if (protocol == null) {
			return refuse(c, http, 400, "None of the requested subprotocols is served here.");
		}
		c.protocol = protocol;
		try {
			c.session = c.boundHandler().newSession(c);
		}
		catch (RuntimeException ex) {
			LwsLog.err("Protocol '{}' threw from newSession: {}", protocol.name(), ex.toString());
			return refuse(c, http, 500, "The protocol could not start a session.");
		}
		if (c.callBound(CallbackReason.FILTER_PROTOCOL_CONNECTION, protocol.name()) != 0) {
			c.pt.context.metrics().handshake(vhostName, "filtered");
			LwsLog.debug("WebSocket handshake from {} refused by FILTER_PROTOCOL_CONNECTION", c.getPeerSimple());
			http.refuseFiltered("The connection was refused.");
			return false;
		}
		ExtensionNegotiator.Choice extension = null;
		List<LwsExtension<?>> supported = c.vhost.info().extensions();
		if (!supported.isEmpty() && t.has(HeaderToken.EXTENSIONS)) {
			List<ExtensionOffer> offers;
			try {
				offers = ExtensionHeader.parse(t.value(HeaderToken.EXTENSIONS));
			}
			catch (IllegalArgumentException ex) {
				return refuse(c, http, 400, ex.getMessage() + ".");
			}
			extension = ExtensionNegotiator.negotiateServer(supported, offers,
					(name) -> c.callBound(CallbackReason.CONFIRM_EXTENSION_OKAY, name), c, protocol.rxBufferSize());
		}
		HttpHeaders answer = HttpHeaders.status(101).add("upgrade", "websocket").add("connection", "Upgrade")
			.add("sec-websocket-accept", acceptFor(key.trim()));
		if (!offeredProtocols(t.value(HeaderToken.PROTOCOL)).isEmpty()) {
			answer.add("sec-websocket-protocol", protocol.name());
		}
		ActiveExtension active = null;
		if (extension != null) {
			answer.add("sec-websocket-extensions", extension.response().toString());
			active = new ActiveExtension(extension.extension(), extension.session(), c, extension.response(),
					protocol.rxBufferSize(), c.vhost.validatesUtf8(protocol),
					c.vhost.info().maxMessageSize());
		}
		if (c.callBound(CallbackReason.ADD_HEADERS, answer) != 0) {
			if (active != null) {
				active.destroy();
			}
			return refuse(c, http, 500, "The protocol refused to add its headers to the upgrade.");
		}
		// no server header in a 101, as libwebsockets sends it
		c.queueOutput(answer.toByteBuffer("HTTP/1.1", null));
		c.ws = new WsRole(c, protocol, active);
		c.pt.context.metrics().handshake(vhostName, "success");
		c.setTimeoutInternal(io.lws.core.PendingTimeout.NO_PENDING_TIMEOUT, 0);
		if (c.callBound(CallbackReason.ESTABLISHED, null) != 0) {
			c.ws.closeFromApplication();
			return true;
		}
		c.ws.established();
		return true;
	}

	private static boolean refuse(Connection c, HttpServerRole http, int status, String reason) {
		c.pt.context.metrics().handshake(c.vhost.name(), "refused_" + status);
		LwsLog.debug("WebSocket handshake from {} refused: {} {}", c.getPeerSimple(), status, reason);
		http.sendErrorAndClose(status, reason);
		return false;
	}

	/**
	 * The first protocol the client offers that the vhost has; with no offer, the protocol of the callback mount the
	 * path is under, else the vhost's first protocol (as libwebsockets does).
	 */
	private static LwsProtocol<?> chooseProtocol(Connection c, String offered, LwsProtocol<?> mountProtocol) {
		List<String> names = offeredProtocols(offered);
		if (names.isEmpty()) {
			return (mountProtocol != null) ? mountProtocol : c.vhost.firstProtocol();
		}
		for (String name : names) {
			LwsProtocol<?> p = c.vhost.protocol(name);
			if (p != null) {
				return p;
			}
		}
		return null;
	}

	/**
	 * {@code LWS_SERVER_OPTION_VHOST_UPG_STRICT_HOST_CHECK} (libwebsockets' {@code lws_confirm_host_header}): the
	 * upgrade's {@code Host} names the vhost, and its port, or the scheme's default (80, or 443 over TLS) when it
	 * gives none, is the vhost's listen port. Names compare without regard to case (RFC 9110 section 4.2.3).
	 */
	static boolean hostNamesVhost(String host, String vhostName, int listenPort, boolean tls) {
		if (host == null) {
			return false;
		}
		String h = host.trim();
		int port = tls ? 443 : 80;
		int colon = h.lastIndexOf(':');
		if (colon >= 0 && h.indexOf(']', colon) < 0) {
			String digits = h.substring(colon + 1);
			if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch((ch) -> ch >= '0' && ch <= '9')) {
				return false;
			}
			port = Integer.parseInt(digits);
			h = h.substring(0, colon);
		}
		return h.equalsIgnoreCase(vhostName) && port == listenPort;
	}

	/**
	 * The subprotocols a {@code Sec-WebSocket-Protocol} value offers, in order. Empty list elements are ignored (RFC
	 * 9110 section 5.6.1.2), so a header with no name in it offers nothing, and the answer then names no subprotocol
	 * (RFC 6455 section 4.2.2: the server's choice must be one the client offered).
	 */
	static List<String> offeredProtocols(String offered) {
		if (offered == null || offered.isBlank()) {
			return List.of();
		}
		List<String> names = new ArrayList<>(2);
		for (String name : offered.split(",")) {
			String trimmed = name.trim();
			if (!trimmed.isEmpty()) {
				names.add(trimmed);
			}
		}
		return names;
	}

	/**
	 * RFC 6455 section 4.2.1: the key is base64 (RFC 4648 section 4, padded) of 16 bytes, so exactly 24 characters
	 * ending in {@code ==}, and the last character before them carries only 2 bits of the nonce (its other 4 are
	 * zero: one of {@code A Q g w}).
	 */
	static boolean isValidKey(String key) {
		if (key == null) {
			return false;
		}
		String k = key.trim();
		if (k.length() != 24 || !k.endsWith("==") || "AQgw".indexOf(k.charAt(21)) < 0) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(k).length == 16;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** {@code Sec-WebSocket-Accept}: base64 of SHA-1 of the key and the GUID. */
	static String acceptFor(String key) {
		// digest() resets the instance for the next handshake on this thread
		MessageDigest sha1 = SHA1.get();
		sha1.update(key.getBytes(StandardCharsets.US_ASCII));
		sha1.update(GUID);
		return Base64.getEncoder().encodeToString(sha1.digest());
	}

	/** One SHA-1 per (service) thread: looking the algorithm up in the providers costs more than hashing a key. */
	private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-1", ex);
		}
	});

	/**
	 * Whether a comma-separated header value lists {@code token} (lower case), without regard to case. Scans in place:
	 * every handshake checks two headers this way.
	 */
	static boolean containsToken(String value, String token) {
		if (value == null) {
			return false;
		}
		int n = value.length();
		int start = 0;
		while (start <= n) {
			int comma = value.indexOf(',', start);
			int end = (comma < 0) ? n : comma;
			int from = start;
			int to = end;
			while (from < to && isOws(value.charAt(from))) {
				from++;
			}
			while (to > from && isOws(value.charAt(to - 1))) {
				to--;
			}
			if (to - from == token.length() && value.regionMatches(true, from, token, 0, token.length())) {
				return true;
			}
			if (comma < 0) {
				return false;
			}
			start = comma + 1;
		}
		return false;
	}

	/** Optional white space around list elements (RFC 9110 section 5.6.3), as {@code String.trim()} took it. */
	private static boolean isOws(char ch) {
		return ch <= ' ';
	}

}
