package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the content of one multipart part goes: a kept value, the file listener, or nowhere.
 */
interface PartSink {

	/** Drops everything: the preamble, and parts nobody asked for. */
	PartSink DISCARD = new PartSink() {

		@Override
		public void content(ByteBuffer piece) {
			piece.position(piece.limit());
		}

		@Override
		public void end(ByteBuffer last) {
			last.position(last.limit());
		}

		@Override
		public void abort() {
		}

	};

	/**
	 * Takes a piece of content known not to be part of the delimiter; never empty.
	 * @param piece the bytes from position to limit, valid only during the call
	 * @throws SpaException when the piece breaks a limit
	 * @throws IOException when the file listener throws it
	 */
	void content(ByteBuffer piece) throws SpaException, IOException;

	/**
	 * Takes the last piece of content, the one just before the delimiter in the same input buffer, and ends the part.
	 * @param last the bytes from position to limit, possibly none, valid only during the call
	 * @throws SpaException when the piece breaks a limit
	 * @throws IOException when the file listener throws it
	 */
	void end(ByteBuffer last) throws SpaException, IOException;

	/**
	 * Gives up on the part before its end. Called at most once, and never after {@link #end(ByteBuffer)} returned.
	 * @throws IOException when the file listener throws it
	 */
	void abort() throws IOException;

}
