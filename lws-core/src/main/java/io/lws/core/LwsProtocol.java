package io.lws.core;

import java.util.Objects;

/**
 * A protocol a vhost serves: libwebsockets' {@code struct lws_protocols}. The first protocol of a vhost also receives
 * the HTTP callbacks and the connection-level ones ({@code WSI_CREATE}, filters), as in libwebsockets.
 *
 * @param <S> the per-session state type, created by the handler's {@link LwsProtocolHandler#newSession(Lws)}
 */
public final class LwsProtocol<S> {

	/** The rx buffer size used when a protocol gives 0, as libwebsockets' {@code LWS_MAX_SOCKET_IO_BUF}: 4096. */
	public static final int DEFAULT_RX_BUFFER_SIZE = 4096;

	private final String name;

	private final LwsProtocolHandler<S> handler;

	private final int rxBufferSize;

	private final int id;

	private final Object user;

	private final int wholeMessageLimit;

	private final boolean validatesUtf8;

	private LwsProtocol(Builder<S> builder) {
		this.name = builder.name;
		this.handler = builder.handler;
		this.rxBufferSize = builder.rxBufferSize;
		this.id = builder.id;
		this.user = builder.user;
		this.wholeMessageLimit = builder.wholeMessageLimit;
		this.validatesUtf8 = builder.validatesUtf8;
	}

	/**
	 * Starts a protocol definition.
	 * @param name the name a client asks for in {@code Sec-WebSocket-Protocol}
	 * @param handler the callback ({@code callback} in the C struct)
	 * @param <S> the per-session state type
	 * @return a builder
	 */
	public static <S> Builder<S> builder(String name, LwsProtocolHandler<S> handler) {
		return new Builder<>(name, handler);
	}

	/** A protocol with default settings. */
	public static <S> LwsProtocol<S> of(String name, LwsProtocolHandler<S> handler) {
		return builder(name, handler).build();
	}

	/** {@code name}: what clients ask for. */
	public String name() {
		return this.name;
	}

	/** {@code callback}: the handler. */
	public LwsProtocolHandler<S> handler() {
		return this.handler;
	}

	/**
	 * {@code rx_buffer_size}: the largest piece of a message delivered to one {@code RECEIVE} callback; frames up to
	 * this size arrive whole. 0 in the builder means {@link #DEFAULT_RX_BUFFER_SIZE}.
	 */
	public int rxBufferSize() {
		return this.rxBufferSize;
	}

	/** {@code id}: ignored by the engine, for the application (for example a protocol version). */
	public int id() {
		return this.id;
	}

	/** {@code user}: protocol-level data for the application, ignored by the engine. */
	public Object user() {
		return this.user;
	}

	/**
	 * The largest whole message delivered to one {@code RECEIVE} (or {@code CLIENT_RECEIVE}) when the protocol asked
	 * for whole messages; 0 (the default) for libwebsockets' delivery in {@code rx_buffer_size} pieces.
	 */
	public int wholeMessageLimit() {
		return this.wholeMessageLimit;
	}

	/**
	 * Whether this protocol's text messages and close reasons must be UTF-8 when its vhost validates UTF-8 (true
	 * unless the builder turned it off). A vhost with {@link ServerOption#DISABLE_UTF8_VALIDATION} validates for none
	 * of its protocols.
	 */
	public boolean validatesUtf8() {
		return this.validatesUtf8;
	}

	@Override
	public String toString() {
		return "LwsProtocol[" + this.name + ", rxBufferSize=" + this.rxBufferSize + ", id=" + this.id
				+ ((this.wholeMessageLimit > 0) ? ", wholeMessages<=" + this.wholeMessageLimit : "")
				+ (this.validatesUtf8 ? "" : ", validateUtf8=false") + "]";
	}

	/**
	 * Builds an {@link LwsProtocol}.
	 *
	 * @param <S> the per-session state type
	 */
	public static final class Builder<S> {

		private final String name;

		private final LwsProtocolHandler<S> handler;

		private int rxBufferSize = DEFAULT_RX_BUFFER_SIZE;

		private int id;

		private Object user;

		private int wholeMessageLimit;

		private boolean validatesUtf8 = true;

		private Builder(String name, LwsProtocolHandler<S> handler) {
			this.name = Objects.requireNonNull(name, "name");
			this.handler = Objects.requireNonNull(handler, "handler");
			if (!io.lws.core.http.HttpChars.isToken(name)) {
				throw new IllegalArgumentException("Protocol name '" + name
						+ "' is not a valid HTTP token, so no client could ask for it in Sec-WebSocket-Protocol");
			}
		}

		/** {@code rx_buffer_size}; 0 means {@link #DEFAULT_RX_BUFFER_SIZE}. */
		public Builder<S> rxBufferSize(int size) {
			if (size < 0) {
				throw new IllegalArgumentException("rxBufferSize must be 0 or more, not " + size);
			}
			this.rxBufferSize = (size == 0) ? DEFAULT_RX_BUFFER_SIZE : size;
			return this;
		}

		/** {@code id}. */
		public Builder<S> id(int id) {
			this.id = id;
			return this;
		}

		/** {@code user}. */
		public Builder<S> user(Object user) {
			this.user = user;
			return this;
		}

		/**
		 * Delivers each message whole, in one {@code RECEIVE} with {@link Lws#isFirstFragment()} and
		 * {@link Lws#isFinalFragment()} both true, instead of in {@code rx_buffer_size} pieces (an lws-java option;
		 * libwebsockets leaves reassembly to the application). A message larger than {@code maxBytes} closes the
		 * connection with 1009 (message too big) before it is gathered whole.
		 * @param maxBytes the largest message, at least 1; 0 turns whole messages off
		 */
		public Builder<S> wholeMessages(int maxBytes) {
			if (maxBytes < 0) {
				throw new IllegalArgumentException("wholeMessages must be 0 (off) or more, not " + maxBytes);
			}
			this.wholeMessageLimit = maxBytes;
			return this;
		}

		/**
		 * Whether this protocol's text messages and close reasons are checked for UTF-8 (an lws-java option;
		 * libwebsockets decides it for a whole vhost, with {@code LWS_SERVER_OPTION_VALIDATE_UTF8}). True by default,
		 * as RFC 6455 8.1 asks: invalid text fails the connection with 1007. False lets this protocol's text through
		 * as sent, as libwebsockets does without that option, while the vhost's other protocols keep validating; a
		 * vhost with {@link ServerOption#DISABLE_UTF8_VALIDATION} validates for none of its protocols.
		 * @param validate false to pass this protocol's text through unchecked
		 */
		public Builder<S> validateUtf8(boolean validate) {
			this.validatesUtf8 = validate;
			return this;
		}

		/** Builds the protocol. */
		public LwsProtocol<S> build() {
			return new LwsProtocol<>(this);
		}

	}

}
