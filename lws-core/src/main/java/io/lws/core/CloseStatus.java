package io.lws.core;

/**
 * WebSocket close codes: libwebsockets' {@code enum lws_close_status} (RFC 6455 section 7.4). Which codes may be
 * sent, and which may be received, is decided by {@link #isSendable(int)} and {@link #isReceivable(int)}.
 */
public enum CloseStatus {

	/** {@code LWS_CLOSE_STATUS_NOSTATUS}: close without a close frame (internal). */
	NOSTATUS(0),
	/** 1000: normal closure. */
	NORMAL(1000),
	/** 1001: going away (server shutting down, page navigated away). */
	GOINGAWAY(1001),
	/** 1002: protocol error. */
	PROTOCOL_ERR(1002),
	/** 1003: a data type the endpoint cannot accept. */
	UNACCEPTABLE_OPCODE(1003),
	/** 1004: reserved; never sent. */
	RESERVED(1004),
	/** 1005: no status was present; never sent. */
	NO_STATUS(1005),
	/** 1006: closed without a close frame; never sent. */
	ABNORMAL_CLOSE(1006),
	/** 1007: payload inconsistent with the message type (bad UTF-8). */
	INVALID_PAYLOAD(1007),
	/** 1008: policy violation. */
	POLICY_VIOLATION(1008),
	/** 1009: message too big to process. */
	MESSAGE_TOO_LARGE(1009),
	/** 1010: the client expected an extension the server did not negotiate. */
	EXTENSION_REQUIRED(1010),
	/** 1011: the server met an unexpected condition. */
	UNEXPECTED_CONDITION(1011),
	/** 1015: TLS handshake failure; never sent. */
	TLS_FAILURE(1015),
	/** {@code LWS_CLOSE_STATUS_NOSTATUS_CONTEXT_DESTROY}: closed because the context was destroyed (internal). */
	NOSTATUS_CONTEXT_DESTROY(9999);

	private final int code;

	CloseStatus(int code) {
		this.code = code;
	}

	/** The numeric code. */
	public int code() {
		return this.code;
	}

	/**
	 * Whether an endpoint may put this code in a close frame: 1000-1003, 1007-1011, and 3000-4999 (RFC 6455 section
	 * 7.4.2; 1012-1014 are registered by IANA and accepted too).
	 */
	public static boolean isSendable(int code) {
		return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
	}

	/** Whether a close frame carrying this code is valid on receipt (the same set as {@link #isSendable(int)}). */
	public static boolean isReceivable(int code) {
		return isSendable(code);
	}

}
