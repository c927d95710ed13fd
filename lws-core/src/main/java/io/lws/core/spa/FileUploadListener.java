package io.lws.core.spa;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Receives the file parts of a multipart form as they stream in: libwebsockets' {@code lws_spa_fileupload_cb},
 * given to {@code lws_spa_create()} as {@code opt_cb} (its {@code opt_data} is whatever this object holds).
 * <p>
 * A file part is a part whose {@code Content-Disposition} has a non-empty {@code filename}; it reaches the listener
 * whatever its {@code name}, because the application, not the parser, knows which uploads it accepts. See
 * {@link FileUploadState} for the order of the calls, and why a finished file is only worth keeping once the whole
 * body was accepted.
 */
@FunctionalInterface
public interface FileUploadListener {

	/**
	 * Takes one event of one file part. Called on the thread that calls {@link Spa#process(ByteBuffer)},
	 * {@link Spa#finish()} or {@link Spa#close()}.
	 * @param paramName the part's {@code name} parameter
	 * @param fileName the part's {@code filename} parameter as sent, never empty; it may hold a path or anything
	 * else, so never use it as a file-system path unchecked (RFC 7578 section 4.2)
	 * @param state where the part stands
	 * @param data the file bytes of this event, from position to limit; empty for {@link FileUploadState#OPEN}
	 * and {@link FileUploadState#CLOSE}. A read-only view valid only during this call: copy what must be kept.
	 * @throws IOException to stop parsing: the exception leaves {@link Spa#process(ByteBuffer)} as it is, and the
	 * parser accepts no more input
	 */
	void onFile(String paramName, String fileName, FileUploadState state, ByteBuffer data) throws IOException;

}
