package io.lws.core.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.lws.core.CallbackReason;
import io.lws.core.ClientConnectInfo;
import io.lws.core.ClientHandshakeHeaders;
import io.lws.core.ext.ExtensionNegotiator;
import io.lws.core.ext.LwsExtension;
import io.lws.core.log.LwsLog;

/**
 * Composes the request a client sends once connected: the WebSocket opening handshake (RFC 6455 section 4.1) or a
 * plain HTTP request, then the headers the protocol adds in {@code CLIENT_APPEND_HANDSHAKE_HEADER}. The whole head
 * must fit in {@code max_http_header_data} bytes, like the buffer libwebsockets composes it in.
 */
final class ClientRequest {

	/** The request head to send. */
	final ByteBuffer head;

	/** The {@code Sec-WebSocket-Key} sent (WebSocket only). */
	final String key;

	/**
	 * The extensions offered in {@code Sec-WebSocket-Extensions} (those {@code CLIENT_CONFIRM_EXTENSION_SUPPORTED}
	 * kept), the only ones the server may accept; empty when none was.
	 */
	final List<LwsExtension<?>> offered;

	private ClientRequest(ByteBuffer head, String key, List<LwsExtension<?>> offered) {
		this.head = head;
		this.key = key;
		this.offered = offered;
	}

	/**
	 * Composes the request for the connection's current target.
	 * @return the request, or {@code null} when the protocol's header callback asked to close
	 * @throws IllegalArgumentException when the head (path, host, protocols, ...) does not fit in
	 *         {@code max_http_header_data}
	 */
	static ClientRequest compose(Connection c, ClientConnectInfo info) {
		StringBuilder sb = new StringBuilder(256);
		String method = info.isHttp() ? info.method() : "GET";
		sb.append(method).append(' ').append(info.path()).append(" HTTP/1.1\r\nHost: ").append(info.host())
			.append("\r\n");
		String key = null;
		List<LwsExtension<?>> offered = new ArrayList<>();
		if (!info.isHttp()) {
			byte[] nonce = new byte[16];
			ByteBuffer.wrap(nonce).putInt(c.pt.maskKeys.next()).putInt(c.pt.maskKeys.next())
				.putInt(c.pt.maskKeys.next()).putInt(c.pt.maskKeys.next());
			key = Base64.getEncoder().encodeToString(nonce);
			// the head libwebsockets' client sends, in its order
			sb.append("Pragma: no-cache\r\nCache-Control: no-cache\r\n");
			sb.append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ").append(key).append("\r\n");
			appendOrigin(sb, info);
			if (info.protocol() != null && !info.protocol().isBlank()) {
				sb.append("Sec-WebSocket-Protocol: ").append(info.protocol()).append("\r\n");
			}
			String offer = ExtensionNegotiator.clientOffer(info.clientExtensions(), (ext) -> {
				boolean kept = c.callFirst(CallbackReason.CLIENT_CONFIRM_EXTENSION_SUPPORTED, ext.name()) == 0;
				if (kept) {
					offered.add(ext);
				}
				return kept;
			});
			if (offer != null) {
				sb.append("Sec-WebSocket-Extensions: ").append(offer).append("\r\n");
			}
			sb.append("Sec-WebSocket-Version: 13\r\n");
		}
		else {
			appendOrigin(sb, info);
			sb.append("Accept: */*\r\n");
		}
		int limit = c.pt.context.info().maxHttpHeaderData();
		int used = sb.toString().getBytes(StandardCharsets.UTF_8).length + 2;
		if (used > limit) {
			// libwebsockets composes the request in a buffer of this size and fails when it does not fit
			throw new IllegalArgumentException("the request head is larger than max_http_header_data (" + limit
					+ " bytes)");
		}
		ClientHandshakeHeaders extra = new ClientHandshakeHeaders(limit - used);
		if (c.callBound(CallbackReason.CLIENT_APPEND_HANDSHAKE_HEADER, extra) != 0) {
			LwsLog.debug("{}: CLIENT_APPEND_HANDSHAKE_HEADER asked to close", c);
			return null;
		}
		sb.append(extra.lines()).append("\r\n");
		return new ClientRequest(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)), key,
				List.copyOf(offered));
	}

	/** {@code Origin}: libwebsockets sends {@code http://} and the origin given, unless it already has a scheme. */
	private static void appendOrigin(StringBuilder sb, ClientConnectInfo info) {
		if (info.origin() != null) {
			sb.append("Origin: ").append(info.origin().contains("://") ? "" : "http://").append(info.origin())
				.append("\r\n");
		}
	}

}
