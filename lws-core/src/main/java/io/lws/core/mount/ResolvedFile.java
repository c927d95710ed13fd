package io.lws.core.mount;

import java.io.IOException;
import java.util.Objects;

/**
 * A file {@link FileResolver} chose and opened for a request: what {@code lws_http_serve()} hands to
 * {@code lws_serve_http_file()}.
 *
 * @param path the path opened, relative to the mount's origin (such as {@code sub/index.html}); its name gives the
 * {@code content-type} through {@link MimeTypes#contentType(String, Mount)}
 * @param handle the open file, owned by the caller until {@link #close()}
 */
public record ResolvedFile(String path, FileHandle handle) implements AutoCloseable {

	/**
	 * Checks the components.
	 * @param path the path opened
	 * @param handle the open file
	 */
	public ResolvedFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(handle, "handle");
	}

	/**
	 * Closes the {@link #handle()}.
	 * @throws IOException if closing fails
	 */
	@Override
	public void close() throws IOException {
		this.handle.close();
	}

}
