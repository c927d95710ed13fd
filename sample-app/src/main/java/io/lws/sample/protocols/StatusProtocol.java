package io.lws.sample.protocols;

import java.util.ArrayList;
import java.util.List;

import io.lws.core.HeaderToken;
import io.lws.core.Lws;
import io.lws.core.LwsContext;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.spring.boot.autoconfigure.LwsProtocol;

/**
 * {@code lws-status}: whenever a status client connects or leaves, every status client is sent a JSON message with
 * the library version, the host name and the list of status connections (peer, connect time in epoch seconds, user
 * agent), newest first, with libwebsockets' field names and string-typed numbers.
 */
@LwsProtocol(name = StatusProtocol.NAME, rxBufferSize = StatusProtocol.RX_BUFFER_SIZE)
public class StatusProtocol implements LwsProtocolHandler<StatusProtocol.Entry> {

	/** The protocol name clients ask for. */
	public static final String NAME = "lws-status";

	/** The rx buffer size libwebsockets' test server gives this protocol. */
	public static final int RX_BUFFER_SIZE = 512;

	private final List<Entry> entries = new ArrayList<>();

	/** One status connection. */
	public static final class Entry {

		String peer = "";

		long time;

		String ua = "unknown";

	}

	@Override
	public Entry newSession(Lws wsi) {
		return new Entry();
	}

	@Override
	public int onFilterProtocolConnection(Lws wsi, Entry e, String protocolName) {
		// the headers are readable here; keep what the status list shows
		String ua = wsi.hdrCopy(HeaderToken.HTTP_USER_AGENT);
		e.ua = (ua != null) ? ua : "unknown";
		e.peer = wsi.getPeerSimple();
		return 0;
	}

	@Override
	public int onEstablished(Lws wsi, Entry e) {
		e.time = System.currentTimeMillis() / 1000;
		synchronized (this.entries) {
			this.entries.add(0, e);
		}
		wsi.context().callbackOnWritableAllProtocol(wsi.protocol());
		return 0;
	}

	@Override
	public int onServerWriteable(Lws wsi, Entry e) {
		return (wsi.write(json(wsi.context()), WriteProtocol.TEXT) < 0) ? -1 : 0;
	}

	@Override
	public int onClosed(Lws wsi, Entry e) {
		boolean removed;
		synchronized (this.entries) {
			removed = this.entries.remove(e);
		}
		if (removed) {
			wsi.context().callbackOnWritableAllProtocol(wsi.protocol());
		}
		return 0;
	}

	/** The status message. */
	String json(LwsContext context) {
		StringBuilder sb = new StringBuilder(256);
		synchronized (this.entries) {
			sb.append("{\"version\":\"").append(escape(LwsContext.getLibraryVersion()))
				.append("\",\"wss_over_h2\":\"0\",\"hostname\":\"").append(escape(context.canonicalHostname()))
				.append("\",\"wsi\":\"").append(this.entries.size()).append("\",\"conns\":[");
			for (int i = 0; i < this.entries.size(); i++) {
				Entry e = this.entries.get(i);
				if (i > 0) {
					sb.append(',');
				}
				sb.append("{\"peer\":\"").append(escape(e.peer)).append("\",\"time\":\"").append(e.time)
					.append("\",\"ua\":\"").append(escape(e.ua)).append("\"}");
			}
		}
		return sb.append("]}").toString();
	}

	/** JSON string escaping (quotes, backslashes, control characters). */
	static String escape(String s) {
		StringBuilder sb = new StringBuilder(s.length() + 8);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.toString();
	}

}
