package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One of the two form encodings, read incrementally: the part of libwebsockets' {@code lws_spa_process()} that
 * differs between urlencoded and multipart bodies. {@link Spa} owns the life cycle; a parser only reads.
 */
interface BodyParser {

	/**
	 * Reads a piece of body, whatever its size and wherever it was cut.
	 * @param body the bytes from position to limit; all are consumed when this returns normally
	 * @throws SpaException when the body is refused; the parser is then unusable
	 * @throws IOException when the file listener throws it
	 */
	void process(ByteBuffer body) throws SpaException, IOException;

	/**
	 * Checks that the body read so far is a whole form, and ends the last value.
	 * @throws SpaException when the body stopped in the middle of something
	 * @throws IOException when the file listener throws it
	 */
	void finish() throws SpaException, IOException;

	/**
	 * Tells the file listener that an unfinished file part will not be finished; does nothing otherwise. Safe to
	 * call more than once.
	 * @throws IOException when the file listener throws it
	 */
	void abort() throws IOException;

	/** The bytes held while waiting for the rest of a name or header line, not counting stored values. */
	int pendingBytes();

}
