package io.lws.core.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * An open file being served: the {@code lws_fop_fd_t} that {@code lws_plat_file_ops.open} returns, with the
 * length and modification time libwebsockets reads at open.
 * <p>
 * Not thread-safe: one request on one service thread owns it from {@link FileOps#open(String)} to {@link #close()},
 * which the owner must call however the response ends.
 */
public interface FileHandle extends AutoCloseable {

	/**
	 * The file's length in bytes, fixed at open ({@code filelen} of {@code lws_plat_file_ops.open}); the
	 * {@code content-length} to send.
	 * @return the size, 0 or more
	 */
	long size();

	/**
	 * When the file last changed, for {@link HttpCaching#etag(long, long)}.
	 * @return milliseconds since the epoch, 0 when the source does not say
	 */
	long lastModifiedMillis();

	/**
	 * The file's entity tag, the {@code etag} header libwebsockets' {@code lws_serve_http_file()} sends and compares
	 * with {@code if-none-match}: by default {@link HttpCaching#etag(long, long)} of {@link #size()} and
	 * {@link #lastModifiedMillis()}. A source that keeps a file between requests may return one it made once.
	 * @return the quoted entity tag
	 */
	default String etag() {
		return HttpCaching.etag(size(), lastModifiedMillis());
	}

	/**
	 * Reads bytes at {@code position} into {@code dst} ({@code lws_plat_file_ops.read}, positioned as
	 * {@code seek_cur} allows). Reading at increasing positions is the cheap path; other orders may reopen the source.
	 * @param dst where the bytes go, from its position up to its limit; its position advances by the count read
	 * @param position the offset in the file, 0 or more
	 * @return how many bytes were read, possibly fewer than asked, or -1 when {@code position} is at or past the end
	 * @throws IOException if the source cannot be read
	 */
	int read(ByteBuffer dst, long position) throws IOException;

	/**
	 * The file's channel, when the file is a real file, so the engine can hand it to the socket with
	 * {@link FileChannel#transferTo(long, long, java.nio.channels.WritableByteChannel)}. Owned by this handle: do not
	 * close it separately.
	 * @return the channel, or {@code null} when the source is not a file on disk (for example a class-path resource
	 * inside a jar), in which case the engine sends chunks it {@link #read(ByteBuffer, long)}s
	 */
	FileChannel fileChannel();

	/**
	 * A read-only memory mapping of the file's {@link #size()} bytes, when the source keeps one (larger files of a
	 * {@link FileSystemFileOps} mount): the engine then writes a plain connection's body straight from it, one kernel
	 * copy and no read per chunk. libwebsockets has no counterpart: its file ops always {@code read}.
	 * <p>
	 * Hand it only to the kernel (a socket write): never read its bytes in Java. A file truncated while mapped makes a
	 * write fail, but a read in Java would fault.
	 * @return a buffer of its own (position 0, limit {@link #size()}) over a mapping shared with other handles, or
	 * {@code null} (the default) when the engine should use {@link #fileChannel()} or {@link #read(ByteBuffer, long)}
	 */
	default ByteBuffer mappedContents() {
		return null;
	}

	/**
	 * Releases the file ({@code lws_plat_file_ops.close}). Idempotent.
	 * @throws IOException if releasing fails; the file is released anyway
	 */
	@Override
	void close() throws IOException;

}
