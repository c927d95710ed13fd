package io.lws.core.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the first bytes a client sends to a TLS port, before any {@code SSLEngine} exists: are they TLS at all
 * (libwebsockets peeks at the first byte for {@code LWS_SERVER_OPTION_ALLOW_NON_SSL_ON_SSL_PORT}), and which host name
 * does the ClientHello ask for (RFC 6066 section 3, {@code server_name}), so that the vhost with that name answers
 * with its own certificate.
 * <p>
 * The ClientHello may be split anywhere, and may span several records (RFC 8446 section 5.1): {@link #sniff} is given
 * everything received so far and says whether it needs more. It reads, never consumes. A ClientHello it cannot parse
 * is still reported as TLS (without a name): the {@code SSLEngine} then refuses it with the right alert.
 */
public final class ClientHelloSniffer {

	/** The most bytes looked at: a ClientHello larger than this is handed on without a name. */
	public static final int MAX_HELLO_BYTES = 16 * 1024 + 5;

	private static final int RECORD_HANDSHAKE = 22;

	private static final int CLIENT_HELLO = 1;

	private static final int EXT_SERVER_NAME = 0;

	private ClientHelloSniffer() {
	}

	/** What the bytes are. */
	public enum Kind {

		/** Too few bytes to tell: read more. */
		NEED_MORE,
		/** Not TLS (plain HTTP, or anything else). */
		NOT_TLS,
		/** A TLS ClientHello; {@link Result#serverName()} is the requested name or null. */
		TLS

	}

	/**
	 * What {@link #sniff} found.
	 * @param kind whether it is TLS
	 * @param serverName the SNI host name (lower case), or null
	 */
	public record Result(Kind kind, String serverName) {

		static final Result NEED_MORE = new Result(Kind.NEED_MORE, null);

		static final Result NOT_TLS = new Result(Kind.NOT_TLS, null);

		static final Result TLS_UNNAMED = new Result(Kind.TLS, null);

	}

	/**
	 * Looks at {@code in} from its position to its limit, leaving both unchanged.
	 * @param in the bytes received so far on the connection
	 * @return what they are
	 */
	public static Result sniff(ByteBuffer in) {
		int base = in.position();
		int avail = in.remaining();
		if (avail < 1) {
			return Result.NEED_MORE;
		}
		if ((in.get(base) & 0xFF) != RECORD_HANDSHAKE) {
			return Result.NOT_TLS;
		}
		if (avail < 3) {
			return Result.NEED_MORE;
		}
		if ((in.get(base + 1) & 0xFF) != 3) {
			// SSL 3.0 and TLS all say major version 3
			return Result.NOT_TLS;
		}
		// gather the handshake message from as many handshake records as it spans
		byte[] msg = new byte[Math.min(avail, MAX_HELLO_BYTES)];
		int msgLen = 0;
		int p = base;
		int end = base + avail;
		int needed = -1;
		while (true) {
			if (end - p < 5) {
				return (avail >= MAX_HELLO_BYTES) ? Result.TLS_UNNAMED : Result.NEED_MORE;
			}
			if ((in.get(p) & 0xFF) != RECORD_HANDSHAKE) {
				return Result.TLS_UNNAMED;
			}
			int recLen = ((in.get(p + 3) & 0xFF) << 8) | (in.get(p + 4) & 0xFF);
			if (recLen == 0 || recLen > 16384 + 2048) {
				return Result.TLS_UNNAMED;
			}
			int take = Math.min(recLen, end - (p + 5));
			take = Math.min(take, msg.length - msgLen);
			for (int i = 0; i < take; i++) {
				msg[msgLen++] = in.get(p + 5 + i);
			}
			if (needed < 0 && msgLen >= 4) {
				if ((msg[0] & 0xFF) != CLIENT_HELLO) {
					return Result.TLS_UNNAMED;
				}
				needed = 4 + (((msg[1] & 0xFF) << 16) | ((msg[2] & 0xFF) << 8) | (msg[3] & 0xFF));
				if (needed > MAX_HELLO_BYTES) {
					return Result.TLS_UNNAMED;
				}
			}
			if (needed >= 0 && msgLen >= needed) {
				return new Result(Kind.TLS, serverName(msg, needed));
			}
			if (take < recLen) {
				// this record is not all here yet
				return (msgLen >= msg.length) ? Result.TLS_UNNAMED : Result.NEED_MORE;
			}
			p += 5 + recLen;
		}
	}

	/** The host name in a whole ClientHello message, or null. */
	private static String serverName(byte[] m, int len) {
		try {
			int p = 4 + 2 + 32;
			p += 1 + (m[p] & 0xFF);
			p += 2 + u16(m, p);
			p += 1 + (m[p] & 0xFF);
			if (p + 2 > len) {
				return null;
			}
			int extEnd = p + 2 + u16(m, p);
			p += 2;
			while (p + 4 <= Math.min(extEnd, len)) {
				int type = u16(m, p);
				int extLen = u16(m, p + 2);
				p += 4;
				if (type == EXT_SERVER_NAME) {
					int q = p + 2;
					int listEnd = Math.min(p + extLen, len);
					while (q + 3 <= listEnd) {
						int nameType = m[q] & 0xFF;
						int nameLen = u16(m, q + 1);
						if (nameType == 0 && q + 3 + nameLen <= listEnd) {
							return new String(m, q + 3, nameLen, StandardCharsets.US_ASCII)
								.toLowerCase(java.util.Locale.ROOT);
						}
						q += 3 + nameLen;
					}
					return null;
				}
				p += extLen;
			}
			return null;
		}
		catch (ArrayIndexOutOfBoundsException ex) {
			return null;
		}
	}

	private static int u16(byte[] m, int p) {
		return ((m[p] & 0xFF) << 8) | (m[p + 1] & 0xFF);
	}

}
