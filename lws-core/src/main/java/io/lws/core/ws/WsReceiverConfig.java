package io.lws.core.ws;

/**
 * The settings of one {@link WsReceiver}: its role, how payload is cut into pieces, and the limits it enforces.
 * Immutable; build with {@link #builder()}.
 */
public final class WsReceiverConfig {

	/** libwebsockets' default for a protocol whose {@code rx_buffer_size} is 0 (its {@code pt_serv_buf_size}). */
	public static final int DEFAULT_RX_BUFFER_SIZE = 4096;

	/** Whether this end is the server: frames from the peer must then be masked, otherwise they must not be. */
	private final boolean server;

	/** The largest piece of payload handed to the listener at once; also the size of the buffer for split frames. */
	private final int rxBufferSize;

	/** Whether text messages and close reasons are checked to be UTF-8. */
	private final boolean validateUtf8;

	/** The largest data message in bytes on the wire, summed over its frames; 0 for no limit. */
	private final long maxMessageSize;

	/** Whether a negotiated extension (permessage-deflate) lets RSV1 be set on the first frame of a data message. */
	private final boolean allowRsv1;

	private WsReceiverConfig(Builder builder) {
		this.server = builder.server;
		this.rxBufferSize = builder.rxBufferSize;
		this.validateUtf8 = builder.validateUtf8;
		this.maxMessageSize = builder.maxMessageSize;
		this.allowRsv1 = builder.allowRsv1;
	}

	/** A builder with the defaults: server, 4096-byte pieces, UTF-8 validated, no size limit, RSV1 refused. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder starting from this configuration, for example to allow RSV1 once an extension is negotiated. */
	public Builder toBuilder() {
		return new Builder().server(this.server)
			.rxBufferSize(this.rxBufferSize)
			.validateUtf8(this.validateUtf8)
			.maxMessageSize(this.maxMessageSize)
			.allowRsv1(this.allowRsv1);
	}

	/** Whether this end is the server, so frames from the peer must be masked (and must not be, for a client). */
	public boolean server() {
		return this.server;
	}

	/** The largest piece of payload handed to the listener at once, in bytes; at least 1. */
	public int rxBufferSize() {
		return this.rxBufferSize;
	}

	/** Whether text messages and close reasons are checked to be UTF-8 (close code 1007 when not). */
	public boolean validateUtf8() {
		return this.validateUtf8;
	}

	/**
	 * The largest data message, in payload bytes as received, summed over its frames; 0 for no limit (close code
	 * 1009 when exceeded). A message with RSV1 (compressed) is not counted here: the extension that negotiated RSV1
	 * checks its decompressed size against the same limit ({@link io.lws.core.ext.ActiveExtension}).
	 */
	public long maxMessageSize() {
		return this.maxMessageSize;
	}

	/** Whether RSV1 is allowed on the first frame of a data message (set when permessage-deflate was negotiated). */
	public boolean allowRsv1() {
		return this.allowRsv1;
	}

	@Override
	public String toString() {
		return "WsReceiverConfig[server=" + this.server + ", rxBufferSize=" + this.rxBufferSize + ", validateUtf8="
				+ this.validateUtf8 + ", maxMessageSize=" + this.maxMessageSize + ", allowRsv1=" + this.allowRsv1 + "]";
	}

	/** Builds a {@link WsReceiverConfig}; each setter returns the builder. */
	public static final class Builder {

		private boolean server = true;

		private int rxBufferSize = DEFAULT_RX_BUFFER_SIZE;

		private boolean validateUtf8 = true;

		private long maxMessageSize;

		private boolean allowRsv1;

		private Builder() {
		}

		/** Sets whether this end is the server (default {@code true}). */
		public Builder server(boolean server) {
			this.server = server;
			return this;
		}

		/** Sets the largest piece of payload handed to the listener, at least 1 (default 4096). */
		public Builder rxBufferSize(int rxBufferSize) {
			this.rxBufferSize = rxBufferSize;
			return this;
		}

		/** Sets whether text and close reasons are checked to be UTF-8 (default {@code true}). */
		public Builder validateUtf8(boolean validateUtf8) {
			this.validateUtf8 = validateUtf8;
			return this;
		}

		/** Sets the largest data message in bytes, 0 for no limit (default 0). */
		public Builder maxMessageSize(long maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/** Sets whether RSV1 is allowed on the first frame of a data message (default {@code false}). */
		public Builder allowRsv1(boolean allowRsv1) {
			this.allowRsv1 = allowRsv1;
			return this;
		}

		/**
		 * Builds the configuration.
		 * @throws IllegalArgumentException if {@code rxBufferSize} is not positive or {@code maxMessageSize} is
		 * negative
		 */
		public WsReceiverConfig build() {
			if (this.rxBufferSize <= 0) {
				throw new IllegalArgumentException("rxBufferSize must be positive but was " + this.rxBufferSize);
			}
			if (this.maxMessageSize < 0) {
				throw new IllegalArgumentException(
						"maxMessageSize must not be negative but was " + this.maxMessageSize);
			}
			return new WsReceiverConfig(this);
		}

	}

}
