package io.lws.core.http;

/**
 * What an incremental parse step ended with: the three outcomes of libwebsockets' {@code lws_parse()} loop
 * (keep reading, headers complete, close the connection), shared by {@link HeaderTable#parse} and
 * {@link ChunkedBodyDecoder#decode}.
 */
public enum ParseResult {

	/** Every byte offered was consumed and the message part is not finished yet: read more and call again. */
	NEED_MORE,
	/** The message part ended; the input's position is just past its last byte, later bytes are left unconsumed. */
	COMPLETE,
	/** The input is not valid; the parser says why, and the connection should answer with an error and close. */
	ERROR

}
