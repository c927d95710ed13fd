package io.lws.core.http;

import java.nio.ByteBuffer;

/**
 * Receives the pieces of a decoded request body: the role of libwebsockets' {@code LWS_CALLBACK_HTTP_BODY}, for
 * the bodies lws cannot read itself.
 */
@FunctionalInterface
public interface BodySink {

	/**
	 * Takes one piece of body data, in order. Called on the decoding thread, once per stretch of chunk data found
	 * in one input buffer; never with an empty piece.
	 * @param piece the data from its position to its limit. It is a view of the decoder's input, valid only during
	 * this call: read from it (moving its position is fine) or copy it, but do not keep it or change its limit.
	 * The decoder moves the input past the piece afterwards, whatever was read.
	 */
	void onBody(ByteBuffer piece);

}
