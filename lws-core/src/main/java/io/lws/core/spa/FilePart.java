package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The content of a file part, streamed to the {@link FileUploadListener} as libwebsockets' {@code lws_spa} calls its
 * {@code opt_cb}, and counted against {@link SpaConfig#maxFileSize()}. With no listener the content is counted and
 * dropped, so a body is refused or accepted the same whoever listens.
 */
final class FilePart implements PartSink {

	private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0).asReadOnlyBuffer();

	private final FileUploadListener listener;

	private final String paramName;

	private final String fileName;

	private final long maxFileSize;

	private long size;

	/** Whether OPEN was sent and neither FINAL_CONTENT nor CLOSE yet. */
	private boolean open;

	private FilePart(FileUploadListener listener, String paramName, String fileName, long maxFileSize) {
		this.listener = listener;
		this.paramName = paramName;
		this.fileName = fileName;
		this.maxFileSize = maxFileSize;
	}

	/**
	 * Starts a file part: tells the listener {@link FileUploadState#OPEN}.
	 * @param listener the listener, or {@code null} to drop the content
	 * @param maxFileSize the most bytes accepted, 0 for no limit
	 */
	static FilePart open(FileUploadListener listener, String paramName, String fileName, long maxFileSize)
			throws IOException {
		FilePart part = new FilePart(listener, paramName, fileName, maxFileSize);
		part.open = true;
		part.tell(FileUploadState.OPEN, NO_DATA);
		return part;
	}

	@Override
	public void content(ByteBuffer piece) throws SpaException, IOException {
		count(piece);
		tell(FileUploadState.CONTENT, piece.asReadOnlyBuffer());
		piece.position(piece.limit());
	}

	@Override
	public void end(ByteBuffer last) throws SpaException, IOException {
		count(last);
		// Marked done first: if the listener throws now, no CLOSE should follow a FINAL_CONTENT.
		this.open = false;
		tell(FileUploadState.FINAL_CONTENT, last.asReadOnlyBuffer());
		last.position(last.limit());
	}

	@Override
	public void abort() throws IOException {
		if (this.open) {
			this.open = false;
			tell(FileUploadState.CLOSE, NO_DATA);
		}
	}

	/** Refuses the piece, before the listener sees any of it, when it would take the file past its limit. */
	private void count(ByteBuffer piece) throws SpaException {
		this.size += piece.remaining();
		if (this.maxFileSize > 0 && this.size > this.maxFileSize) {
			throw SpaException.tooLarge("The uploaded file is larger than " + this.maxFileSize + " bytes.");
		}
	}

	private void tell(FileUploadState state, ByteBuffer data) throws IOException {
		if (this.listener != null) {
			this.listener.onFile(this.paramName, this.fileName, state, data);
		}
	}

}
