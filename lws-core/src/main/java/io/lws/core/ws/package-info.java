/**
 * The WebSocket wire codec, RFC 6455 only: bytes in, events out, and frame headers out. Nothing here touches a
 * socket, starts a thread or blocks; the connection code owns the buffers and calls in.
 * <p>
 * What it implements:
 * <ul>
 * <li>section 5.2, base framing: {@link io.lws.core.ws.FrameHeader} carries the bit layout,
 * {@link io.lws.core.ws.FrameWriter} encodes headers and {@link io.lws.core.ws.WsReceiver} decodes them, including
 * the rule that lengths use the fewest bytes and that a 64-bit length has its top bit clear;</li>
 * <li>sections 5.1 and 5.3, masking: clients mask, servers do not, and a frame masked the wrong way fails the
 * connection with 1002 ({@link io.lws.core.ws.FrameWriter#mask});</li>
 * <li>section 5.4, fragmentation, with control frames allowed between the fragments of a message;</li>
 * <li>section 5.5, control frames (at most 125 bytes, never fragmented), with 5.5.1 close, 5.5.2 ping and 5.5.3
 * pong;</li>
 * <li>section 5.8, extensibility: RSV bits are refused unless an extension was negotiated, and then only RSV1 on
 * the first frame of a data message is allowed (RFC 7692 section 6); what such a message means is the business of
 * the extension that owns RSV1 ({@code io.lws.core.ext}), which also checks its text and size once transformed;</li>
 * <li>sections 7.1.5, 7.1.6 and 7.4, the close code and reason, with the code sets of
 * {@link io.lws.core.CloseStatus};</li>
 * <li>sections 5.6 and 8.1, UTF-8 in text messages and close reasons ({@link io.lws.core.ws.Utf8Validator}), failing
 * as soon as the bytes received can no longer be the start of valid UTF-8;</li>
 * <li>section 10.4, a limit on message size (close code 1009).</li>
 * </ul>
 * <p>
 * The receive side follows libwebsockets' {@code rx_buffer_size} model: payload reaches the application in pieces
 * of at most that size, never reassembled into whole messages, with the facts the C API gives through
 * {@code lws_is_first_fragment()}, {@code lws_is_final_fragment()}, {@code lws_frame_is_binary()} and
 * {@code lws_remaining_packet_payload()} passed as arguments. Returning {@code false} from a data callback is the
 * receive half of {@code lws_rx_flow_control()}.
 * <p>
 * Every type here is confined to the thread that owns the connection; none is thread-safe.
 */
package io.lws.core.ws;
