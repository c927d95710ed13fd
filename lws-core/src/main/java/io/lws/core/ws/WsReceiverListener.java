package io.lws.core.ws;

import java.nio.ByteBuffer;

/**
 * Where a {@link WsReceiver} delivers what it decodes, in the order it arrived on the wire; control frames that
 * arrive between the fragments of a message are delivered between its pieces.
 * <p>
 * Every buffer passed is valid only during the call: it may be a view of the caller's input buffer or the receiver's
 * own buffer, and both are reused. The listener may read it (moving its position) but must copy what it wants to
 * keep. It must not call {@link WsReceiver#receive} from inside a callback.
 * <p>
 * A callback may throw {@link WebSocketProtocolException} to fail the connection (for example when an extension
 * cannot inflate a message); the receiver is then failed and {@code receive} rethrows it. Any other exception also
 * leaves the receiver failed.
 */
public interface WsReceiverListener {

	/**
	 * A piece of a data message: {@code LWS_CALLBACK_RECEIVE}. Pieces are at most
	 * {@link WsReceiverConfig#rxBufferSize()} bytes; a message is never reassembled here.
	 * @param piece the unmasked payload bytes, between position and limit; empty only for an empty final frame
	 * @param binary whether the message is binary ({@code lws_frame_is_binary()}); {@code false} for text
	 * @param firstPieceOfMessage whether this is the message's first piece ({@code lws_is_first_fragment()})
	 * @param lastPieceOfMessage whether this is the message's last piece ({@code lws_is_final_fragment()} with no
	 * payload remaining)
	 * @param remainingInFrame bytes of the current frame still to come after this piece
	 * ({@code lws_remaining_packet_payload()})
	 * @param frameFin whether the frame this piece belongs to has FIN set
	 * @return {@code true} to go on, {@code false} to pause: {@link WsReceiver#receive} returns at once, leaving the
	 * unread bytes in its input buffer (the receive half of {@code lws_rx_flow_control()})
	 * @throws WebSocketProtocolException to fail the connection with that close code
	 */
	boolean onData(ByteBuffer piece, boolean binary, boolean firstPieceOfMessage, boolean lastPieceOfMessage,
			long remainingInFrame, boolean frameFin) throws WebSocketProtocolException;

	/**
	 * A ping, whole. The endpoint should answer with a pong carrying the same payload (section 5.5.2).
	 * @param payload the unmasked payload, 0 to 125 bytes
	 * @throws WebSocketProtocolException to fail the connection with that close code
	 */
	void onPing(ByteBuffer payload) throws WebSocketProtocolException;

	/**
	 * A pong, whole: {@code LWS_CALLBACK_RECEIVE_PONG}.
	 * @param payload the unmasked payload, 0 to 125 bytes
	 * @throws WebSocketProtocolException to fail the connection with that close code
	 */
	void onPong(ByteBuffer payload) throws WebSocketProtocolException;

	/**
	 * A close frame, already checked: {@code LWS_CALLBACK_WS_PEER_INITIATED_CLOSE} (or the answer to our close).
	 * The receiver ignores everything after it.
	 * @param code the close code, one {@link io.lws.core.CloseStatus#isReceivable(int)} accepts, or 1005 when the
	 * frame had no payload
	 * @param reasonUtf8 the reason bytes, possibly empty; valid UTF-8 when the receiver validates UTF-8
	 * @throws WebSocketProtocolException to fail the connection with that close code
	 */
	void onClose(int code, ByteBuffer reasonUtf8) throws WebSocketProtocolException;

}
