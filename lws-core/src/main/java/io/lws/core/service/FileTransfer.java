package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import io.lws.core.mount.FileHandle;

/**
 * A file being sent as an HTTP response body. On a plain connection: written from the file's memory mapping when the
 * mount keeps one ({@link FileHandle#mappedContents()}: one kernel copy, and what the socket does not take simply
 * stays in the mapping), else straight from the file with {@link FileChannel#transferTo}. Otherwise (TLS, which must
 * encrypt every byte; class-path resources inside a jar) in chunks read into the service thread's chunk buffer, where
 * what the socket does not take is queued. A large file is never loaded whole.
 */
final class FileTransfer {

	/**
	 * The most one {@code transferTo} or write from the mapping is offered: a socket takes what fits in its buffer,
	 * whatever is offered.
	 */
	private static final long TRANSFER_MAX = 8L * 1024 * 1024;

	private final FileHandle file;

	private final FileChannel channel;

	/** The mapping written from on a plain connection, or null. */
	private final ByteBuffer mapped;

	private long position;

	private long remaining;

	/** Whether the last write from the mapping or {@code transferTo} took less than it was offered. */
	private boolean socketFull;

	FileTransfer(FileHandle file, boolean plain) {
		this.file = file;
		this.channel = file.fileChannel();
		// a mapping is only ever handed to write(2): a TLS engine would read it in Java (see mappedContents())
		this.mapped = plain ? file.mappedContents() : null;
		this.remaining = file.size();
	}

	long remaining() {
		return this.remaining;
	}

	/**
	 * Whether the socket took less than the last write from the mapping or {@code transferTo} offered it: its buffer
	 * is full, so another write now would only find it so (the caller waits for the selector instead).
	 */
	boolean socketFull() {
		return this.socketFull;
	}

	/**
	 * Sends at most {@code max} bytes. Returns the bytes taken (0 when the socket is full). When a buffered chunk is
	 * only partly accepted by the socket, the rest is queued on the connection's output and counted as taken.
	 */
	long sendSome(Connection c, int max) throws IOException {
		int want = (int) Math.min(this.remaining, max);
		if (this.mapped != null) {
			long offered = Math.min(this.remaining, TRANSFER_MAX);
			this.mapped.limit((int) (this.position + offered));
			this.mapped.position((int) this.position);
			return took(c.transport.write(this.mapped), offered);
		}
		if (this.channel != null && c.transport.supportsTransferTo()) {
			// no copy goes through our buffers: let the kernel take as much as the socket has room for
			long offered = Math.min(this.remaining, TRANSFER_MAX);
			long n = this.channel.transferTo(this.position, offered, c.channel);
			if (n == 0 && this.channel.size() <= this.position) {
				// transferTo sends nothing past the end, so a file that shrank would look like a full socket forever
				throw new IOException("File ended " + this.remaining + " bytes early: it shrank while it was sent");
			}
			return took(n, offered);
		}
		ByteBuffer chunk = c.pt.fileChunk(want);
		chunk.limit(want);
		int r = read(this.file, this.channel, chunk, this.position, this.remaining);
		chunk.flip();
		long n = c.transport.write(chunk);
		if (chunk.hasRemaining()) {
			c.queueOutput(chunk);
		}
		this.position += r;
		this.remaining -= r;
		return (n > 0 || r > 0) ? r : 0;
	}

	private long took(long n, long offered) {
		this.position += n;
		this.remaining -= n;
		this.socketFull = (n < offered);
		return n;
	}

	/**
	 * Reads a whole (small) file into {@code dst}, which has room for it, and returns it flipped. The file stays open.
	 */
	static ByteBuffer readWhole(FileHandle file, ByteBuffer dst) throws IOException {
		FileChannel channel = file.fileChannel();
		long size = file.size();
		dst.limit((int) size);
		long position = 0;
		while (position < size) {
			position += read(file, channel, dst, position, size - position);
		}
		return dst.flip();
	}

	/** One read at {@code position}; a file that ends before {@code remaining} more bytes is an error. */
	private static int read(FileHandle file, FileChannel channel, ByteBuffer dst, long position, long remaining)
			throws IOException {
		int r = (channel != null) ? channel.read(dst, position) : file.read(dst, position);
		if (r <= 0) {
			throw new IOException("File ended " + remaining + " bytes early");
		}
		return r;
	}

	void close() {
		try {
			this.file.close();
		}
		catch (IOException ex) {
			// nothing more to do
		}
	}

}
