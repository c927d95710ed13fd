package io.lws.core.ext;

/**
 * Why an extension is being called: the reasons of libwebsockets' {@code enum lws_extension_callback_reasons} that
 * lws-core delivers, with the C numbers kept so logs and ported code line up. Each has a typed method on
 * {@link LwsExtension}; the constant names the reason in logs and documentation.
 * <p>
 * The other v2.0 reasons are not delivered: the context-level construct and destruct reasons (an extension is a Java
 * object with its own life), {@code CHECK_OK_TO_REALLY_CLOSE}, {@code CHECK_OK_TO_PROPOSE_EXTENSION} (the protocol's
 * {@code CLIENT_CONFIRM_EXTENSION_SUPPORTED} covers it), the "any wsi" reasons, {@code PACKET_TX_DO_SEND},
 * {@code FLUSH_PENDING_TX}, {@code 1HZ} and the writeable reasons (an extension here never holds output back:
 * {@link LwsExtension#onPacketTxPresend} returns all it produced).
 */
public enum ExtensionCallbackReason {

	/** {@code LWS_EXT_CB_CONSTRUCT}: a server chose this extension from a client's offer; set up its state. */
	CONSTRUCT(4),
	/** {@code LWS_EXT_CB_CLIENT_CONSTRUCT}: a server accepted this extension offered by a client; set up its state. */
	CLIENT_CONSTRUCT(5),
	/** {@code LWS_EXT_CB_DESTROY}: the connection is closing; release what the state holds. */
	DESTROY(8),
	/** {@code LWS_EXT_CB_PACKET_RX_PREPARSE}: transform received payload (inflate) before the protocol sees it. */
	PACKET_RX_PREPARSE(11),
	/** {@code LWS_EXT_CB_PACKET_TX_PRESEND}: transform payload the protocol writes (deflate) before it is framed. */
	PACKET_TX_PRESEND(12),
	/** {@code LWS_EXT_CB_NAMED_OPTION_SET}: {@code lws_set_extension_option()} on one connection. */
	NAMED_OPTION_SET(26);

	private final int value;

	ExtensionCallbackReason(int value) {
		this.value = value;
	}

	/** The number libwebsockets gives this reason. */
	public int value() {
		return this.value;
	}

}
