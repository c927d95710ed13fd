package io.lws.core.ext;

import java.nio.ByteBuffer;
import java.util.List;

import io.lws.core.Lws;
import io.lws.core.ws.WebSocketProtocolException;

/**
 * A WebSocket extension (RFC 6455 section 9): libwebsockets' {@code struct lws_extension} ({@code name},
 * {@code callback}, {@code client_offer}) with one typed method per {@link ExtensionCallbackReason}. A vhost lists the
 * extensions it supports ({@code VhostCreationInfo.Builder.extensions}); one object serves every connection, and
 * what one connection needs lives in its per-connection state {@code S}, made when the extension is constructed on
 * that connection.
 * <p>
 * <b>Negotiation.</b> The engine parses {@code Sec-WebSocket-Extensions} ({@link ExtensionHeader}), drops offers
 * whose parameters break {@link #options()} (unknown name, value of the wrong type, a parameter given twice), asks
 * the bound protocol {@code CONFIRM_EXTENSION_OKAY}, and then offers each remaining element for this extension, in
 * the client's order, to {@link #onConstruct}; the first one accepted wins. At most one extension is active on a
 * connection, as in libwebsockets 4.x ({@code LWS_MAX_EXTENSIONS_ACTIVE} = 1). The client side is in
 * {@link ExtensionNegotiator}.
 * <p>
 * <b>Payload.</b> An extension that {@link #usesRsv1() uses RSV1} owns that bit: the receiver accepts RSV1 on the
 * first frame of a message only once it is negotiated, and only messages that carry it go through
 * {@link #onPacketRxPreparse}; every message written goes through {@link #onPacketTxPresend}. The engine checks
 * the transformed receive side (UTF-8 of text, the vhost's {@code maxMessageSize} on the transformed size) so an
 * extension does not have to.
 * <p>
 * <b>Threading.</b> Every method for a connection runs on its service thread; methods that take no state may be
 * called from any service thread at once, so the extension object itself must be immutable or thread-safe. A method
 * that throws a {@link RuntimeException} closes the connection (during negotiation: the offer is declined).
 *
 * @param <S> the per-connection state type
 */
public interface LwsExtension<S> {

	/** {@code name}: the extension token, e.g. {@code permessage-deflate}. */
	String name();

	/**
	 * The parameters this extension understands in a handshake ({@code lws_ext_options}), used to refuse malformed
	 * offers before {@link #onConstruct} sees them. An empty list accepts any parameters.
	 */
	default List<ExtensionOption> options() {
		return List.of();
	}

	/** {@code client_offer}: the element a client sends for this extension, e.g. {@code permessage-deflate; ...}. */
	default String clientOffer() {
		return name();
	}

	/** Whether the extension sets RSV1 on the messages it transforms (permessage-deflate does; RFC 7692 section 6). */
	default boolean usesRsv1() {
		return false;
	}

	/**
	 * {@code LWS_EXT_CB_CONSTRUCT}: a server considers one of the client's offers for this extension. Accepting
	 * makes this the extension of the connection; declining lets the engine try the client's next offer.
	 * @param construct the connection, its rx buffer size and the offer's parameters (checked against
	 * {@link #options()})
	 * @return the per-connection state and the response parameters, or {@code null} to decline this offer
	 */
	ExtensionAcceptance<S> onConstruct(ExtensionConstruct construct);

	/**
	 * {@code LWS_EXT_CB_CLIENT_CONSTRUCT}: a server accepted this extension, which this client offered.
	 * @param construct the connection, its rx buffer size and the server's response parameters
	 * @return the per-connection state
	 * @throws ExtensionNegotiationException if the response is not acceptable; the handshake fails
	 */
	S onClientConstruct(ExtensionConstruct construct) throws ExtensionNegotiationException;

	/** {@code LWS_EXT_CB_DESTROY}: the connection is closing; release what {@code session} holds. Called once. */
	default void onDestroy(Lws wsi, S session) {
	}

	/**
	 * {@code LWS_EXT_CB_PACKET_RX_PREPARSE}: transforms received payload. {@code payload.in()} holds the next piece
	 * of the message as received; consume it and set {@code payload.out(...)} to at most
	 * {@code payload.outLimit()} bytes of output. Return {@link PayloadResult#MORE} while output is pending (the
	 * engine delivers {@code out} and calls again with the same input), {@link PayloadResult#DONE} once the input is
	 * used up and, at {@code messageEnd()}, the message is complete. The default passes the payload through.
	 * @throws WebSocketProtocolException to fail the connection with its close code (1007 for data that does not
	 * decode)
	 */
	default PayloadResult onPacketRxPreparse(Lws wsi, S session, ExtensionPayload payload)
			throws WebSocketProtocolException {
		return passThrough(payload);
	}

	/**
	 * {@code LWS_EXT_CB_PACKET_TX_PRESEND}: transforms payload the protocol writes, before it is framed. The same
	 * contract as {@link #onPacketRxPreparse}: each call's output becomes one frame; set {@code payload.rsv1(true)}
	 * to mark the message as transformed. The input is the caller's buffer: consume all of it before returning
	 * {@link PayloadResult#DONE} and keep no reference to it. The default passes the payload through.
	 */
	default PayloadResult onPacketTxPresend(Lws wsi, S session, ExtensionPayload payload) {
		return passThrough(payload);
	}

	/**
	 * {@code LWS_EXT_CB_NAMED_OPTION_SET}: {@code lws_set_extension_option(wsi, name, option, value)} on one
	 * connection.
	 * @return 0 when set, non-zero when the option is unknown or the value is refused
	 */
	default int onNamedOptionSet(Lws wsi, S session, String option, String value) {
		return -1;
	}

	private static PayloadResult passThrough(ExtensionPayload payload) {
		ByteBuffer in = payload.in();
		payload.out(in.slice());
		in.position(in.limit());
		return PayloadResult.DONE;
	}

}
