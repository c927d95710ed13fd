package io.lws.core.ext.pmd;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.lws.core.Lws;
import io.lws.core.ext.ExtensionAcceptance;
import io.lws.core.ext.ExtensionConstruct;
import io.lws.core.ext.ExtensionNegotiationException;
import io.lws.core.ext.ExtensionOption;
import io.lws.core.ext.ExtensionOptionType;
import io.lws.core.ext.ExtensionPayload;
import io.lws.core.ext.LwsExtension;
import io.lws.core.ext.PayloadResult;
import io.lws.core.ws.WebSocketProtocolException;

/**
 * permessage-deflate (RFC 7692), server and client side, on {@code java.util.zip}: libwebsockets'
 * {@code lws_extension_callback_pm_deflate} with its options. Immutable and shared by every connection of the vhosts
 * it is given to; each connection's compression state is a {@link PmdSession}.
 * <p>
 * Options, by their libwebsockets names (the Spring properties use the same names with dashes):
 * <ul>
 * <li>{@code server_no_context_takeover}, {@code client_no_context_takeover} (default {@code false}): ask for them
 * in every answer (server) or offer (client);</li>
 * <li>{@code server_max_window_bits}, {@code client_max_window_bits} (8 to 15, default 15): the largest windows this
 * end lets the server and the client use; see {@link PmdNegotiation} for how the server answers offers;</li>
 * <li>{@code compression_level} (0 to 9, default 1, as libwebsockets): zlib's level;</li>
 * <li>{@code rx_buf_size} (bytes, default 0 = the protocol's {@code rx_buffer_size}): the largest piece of
 * decompressed payload given to one {@code RECEIVE}, never more than the protocol's rx buffer size;</li>
 * <li>{@code tx_buf_size} (bytes, default 4096): the largest compressed frame payload; a larger compressed write
 * goes out as several frames of one message. libwebsockets takes {@code rx_buf_size} and {@code tx_buf_size} as a
 * power of two (10 for 1024); here they are bytes, at least 128.</li>
 * </ul>
 * {@code mem_level} is not offered: {@code java.util.zip} always uses zlib's default of 8.
 * <p>
 * Like libwebsockets, the extension is not constructed for a protocol whose {@code rx_buffer_size} is below
 * {@value #MIN_RX_BUFFER_SIZE} bytes. Compressed messages are checked like the rest: their decompressed text must be
 * UTF-8, and their decompressed size must stay within the vhost's {@code maxMessageSize} (1009 as soon as it passes).
 */
public final class PerMessageDeflate implements LwsExtension<PmdSession> {

	/** The extension token. */
	public static final String NAME = "permessage-deflate";

	/** A protocol with a smaller rx buffer never gets the extension, as in libwebsockets. */
	public static final int MIN_RX_BUFFER_SIZE = 128;

	public static final String COMPRESSION_LEVEL = "compression_level";

	public static final String RX_BUF_SIZE = "rx_buf_size";

	public static final String TX_BUF_SIZE = "tx_buf_size";

	private static final List<ExtensionOption> OPTIONS = List.of(
			new ExtensionOption(PmdNegotiation.SERVER_NO_CONTEXT_TAKEOVER, ExtensionOptionType.NONE),
			new ExtensionOption(PmdNegotiation.CLIENT_NO_CONTEXT_TAKEOVER, ExtensionOptionType.NONE),
			new ExtensionOption(PmdNegotiation.SERVER_MAX_WINDOW_BITS, ExtensionOptionType.DEC),
			new ExtensionOption(PmdNegotiation.CLIENT_MAX_WINDOW_BITS, ExtensionOptionType.OPT_DEC));

	private final boolean serverNoContextTakeover;

	private final boolean clientNoContextTakeover;

	private final int serverMaxWindowBits;

	private final int clientMaxWindowBits;

	private final int compressionLevel;

	private final int rxBufSize;

	private final int txBufSize;

	private final ThreadLocal<ZlibPool> pools = ThreadLocal.withInitial(ZlibPool::new);

	private PerMessageDeflate(Builder b) {
		this.serverNoContextTakeover = b.serverNoContextTakeover;
		this.clientNoContextTakeover = b.clientNoContextTakeover;
		this.serverMaxWindowBits = b.serverMaxWindowBits;
		this.clientMaxWindowBits = b.clientMaxWindowBits;
		this.compressionLevel = b.compressionLevel;
		this.rxBufSize = b.rxBufSize;
		this.txBufSize = b.txBufSize;
	}

	/** permessage-deflate with the defaults: context takeover both ways, 15-bit windows, level 1. */
	public static PerMessageDeflate create() {
		return builder().build();
	}

	/** A builder with the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * permessage-deflate from named options, as configuration files give them: the libwebsockets names above, with
	 * dashes or underscores; {@code true}/{@code false} for the flags and decimal numbers for the rest.
	 * @throws IllegalArgumentException naming the option, for an unknown option or a bad value
	 */
	public static PerMessageDeflate fromOptions(Map<String, String> options) {
		Builder b = builder();
		for (Map.Entry<String, String> e : options.entrySet()) {
			String name = e.getKey().trim().toLowerCase(Locale.ROOT).replace('-', '_');
			String value = (e.getValue() != null) ? e.getValue().trim() : "";
			switch (name) {
				case PmdNegotiation.SERVER_NO_CONTEXT_TAKEOVER -> b.serverNoContextTakeover(flag(e.getKey(), value));
				case PmdNegotiation.CLIENT_NO_CONTEXT_TAKEOVER -> b.clientNoContextTakeover(flag(e.getKey(), value));
				case PmdNegotiation.SERVER_MAX_WINDOW_BITS -> b.serverMaxWindowBits(number(e.getKey(), value));
				case PmdNegotiation.CLIENT_MAX_WINDOW_BITS -> b.clientMaxWindowBits(number(e.getKey(), value));
				case COMPRESSION_LEVEL -> b.compressionLevel(number(e.getKey(), value));
				case RX_BUF_SIZE -> b.rxBufSize(number(e.getKey(), value));
				case TX_BUF_SIZE -> b.txBufSize(number(e.getKey(), value));
				default -> throw new IllegalArgumentException("'" + e.getKey() + "' is not a permessage-deflate option "
						+ "(known: server-no-context-takeover, client-no-context-takeover, server-max-window-bits, "
						+ "client-max-window-bits, compression-level, rx-buf-size, tx-buf-size)");
			}
		}
		return b.build();
	}

	private static boolean flag(String key, String value) {
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw new IllegalArgumentException("'" + key + "' must be true or false, not '" + value + "'");
	}

	private static int number(String key, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + key + "' must be a whole number, not '" + value + "'");
		}
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ExtensionOption> options() {
		return OPTIONS;
	}

	@Override
	public String clientOffer() {
		return PmdNegotiation.clientOffer(this);
	}

	@Override
	public boolean usesRsv1() {
		return true;
	}

	@Override
	public ExtensionAcceptance<PmdSession> onConstruct(ExtensionConstruct construct) {
		if (construct.rxBufferSize() < MIN_RX_BUFFER_SIZE) {
			return null;
		}
		PmdNegotiation.Agreement agreement = PmdNegotiation.serverAccept(this, construct.parameters());
		if (agreement == null) {
			return null;
		}
		return new ExtensionAcceptance<>(new PmdSession(this, agreement.parameters(), false), agreement.response());
	}

	@Override
	public PmdSession onClientConstruct(ExtensionConstruct construct) throws ExtensionNegotiationException {
		if (construct.rxBufferSize() < MIN_RX_BUFFER_SIZE) {
			throw new ExtensionNegotiationException("HS: EXT: permessage-deflate needs an rx buffer of at least "
					+ MIN_RX_BUFFER_SIZE + " bytes, the protocol has " + construct.rxBufferSize());
		}
		return new PmdSession(this, PmdNegotiation.clientAccept(this, construct.parameters()), true);
	}

	@Override
	public void onDestroy(Lws wsi, PmdSession session) {
		session.release();
	}

	@Override
	public PayloadResult onPacketRxPreparse(Lws wsi, PmdSession session, ExtensionPayload payload)
			throws WebSocketProtocolException {
		return session.inflate(payload);
	}

	@Override
	public PayloadResult onPacketTxPresend(Lws wsi, PmdSession session, ExtensionPayload payload) {
		return session.deflate(payload);
	}

	/** {@code compression_level}, {@code rx_buf_size} and {@code tx_buf_size} may be changed per connection. */
	@Override
	public int onNamedOptionSet(Lws wsi, PmdSession session, String option, String value) {
		return session.setOption(option, value);
	}

	/** This thread's shared compressors and buffers. */
	ZlibPool pool() {
		return this.pools.get();
	}

	/** {@code server_no_context_takeover}: whether the server always resets its compressor after a message. */
	public boolean serverNoContextTakeover() {
		return this.serverNoContextTakeover;
	}

	/** {@code client_no_context_takeover}: whether the client is always asked to reset its compressor. */
	public boolean clientNoContextTakeover() {
		return this.clientNoContextTakeover;
	}

	/** {@code server_max_window_bits}: the largest window the server compresses with, 8 to 15. */
	public int serverMaxWindowBits() {
		return this.serverMaxWindowBits;
	}

	/** {@code client_max_window_bits}: the largest window the client is asked to compress with, 8 to 15. */
	public int clientMaxWindowBits() {
		return this.clientMaxWindowBits;
	}

	/** {@code compression_level}: zlib's level, 0 (stored) to 9. */
	public int compressionLevel() {
		return this.compressionLevel;
	}

	/** {@code rx_buf_size}: the largest decompressed piece per {@code RECEIVE}; 0 for the protocol's rx buffer size. */
	public int rxBufSize() {
		return this.rxBufSize;
	}

	/** {@code tx_buf_size}: the largest compressed frame payload. */
	public int txBufSize() {
		return this.txBufSize;
	}

	static void checkWindowBits(String what, int bits) {
		if (bits < 8 || bits > 15) {
			throw new IllegalArgumentException(what + " must be 8 to 15, not " + bits);
		}
	}

	static int checkLevel(int level) {
		if (level < 0 || level > 9) {
			throw new IllegalArgumentException("compression_level must be 0 to 9, not " + level);
		}
		return level;
	}

	static int checkBufSize(String what, int size, boolean zeroAllowed) {
		if ((size != 0 || !zeroAllowed) && (size < 128 || size > (1 << 24))) {
			throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "0 (the protocol's) or " : "")
					+ "128 to 16777216 bytes, not " + size + " (libwebsockets takes a power of two here; this takes "
					+ "bytes)");
		}
		return size;
	}

	@Override
	public String toString() {
		return "PerMessageDeflate[serverNoContextTakeover=" + this.serverNoContextTakeover
				+ ", clientNoContextTakeover=" + this.clientNoContextTakeover + ", serverMaxWindowBits="
				+ this.serverMaxWindowBits + ", clientMaxWindowBits=" + this.clientMaxWindowBits
				+ ", compressionLevel=" + this.compressionLevel + ", rxBufSize=" + this.rxBufSize + ", txBufSize="
				+ this.txBufSize + "]";
	}

	/** Builds a {@link PerMessageDeflate}; each setter checks its value. */
	public static final class Builder {

		private boolean serverNoContextTakeover;

		private boolean clientNoContextTakeover;

		private int serverMaxWindowBits = 15;

		private int clientMaxWindowBits = 15;

		private int compressionLevel = 1;

		private int rxBufSize;

		private int txBufSize = 4096;

		private Builder() {
		}

		/** {@code server_no_context_takeover} (default {@code false}). */
		public Builder serverNoContextTakeover(boolean on) {
			this.serverNoContextTakeover = on;
			return this;
		}

		/** {@code client_no_context_takeover} (default {@code false}). */
		public Builder clientNoContextTakeover(boolean on) {
			this.clientNoContextTakeover = on;
			return this;
		}

		/** {@code server_max_window_bits}, 8 to 15 (default 15). */
		public Builder serverMaxWindowBits(int bits) {
			checkWindowBits("server_max_window_bits", bits);
			this.serverMaxWindowBits = bits;
			return this;
		}

		/** {@code client_max_window_bits}, 8 to 15 (default 15). */
		public Builder clientMaxWindowBits(int bits) {
			checkWindowBits("client_max_window_bits", bits);
			this.clientMaxWindowBits = bits;
			return this;
		}

		/** {@code compression_level}, 0 to 9 (default 1). */
		public Builder compressionLevel(int level) {
			this.compressionLevel = checkLevel(level);
			return this;
		}

		/** {@code rx_buf_size} in bytes, 0 or 128 and more (default 0: the protocol's rx buffer size). */
		public Builder rxBufSize(int bytes) {
			this.rxBufSize = checkBufSize("rx_buf_size", bytes, true);
			return this;
		}

		/** {@code tx_buf_size} in bytes, 128 and more (default 4096). */
		public Builder txBufSize(int bytes) {
			this.txBufSize = checkBufSize("tx_buf_size", bytes, false);
			return this;
		}

		/** Builds the immutable extension. */
		public PerMessageDeflate build() {
			return new PerMessageDeflate(this);
		}

	}

}
