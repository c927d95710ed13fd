package io.lws.core.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import io.lws.core.mount.FileHandle;

/**
 * A file being sent as an HTTP response body: straight from the file to the socket with
 * {@link FileChannel#transferTo} when the file is a real file, in chunks through a buffer otherwise (classpath
 * resources inside a jar).
 */
final class FileTransfer {

	private final FileHandle file;

	private final FileChannel channel;

	private long position;

	private long remaining;

	private ByteBuffer chunk;

	FileTransfer(FileHandle file) {
		this.file = file;
		this.channel = file.fileChannel();
		this.remaining = file.size();
	}

	long remaining() {
		return this.remaining;
	}

	/**
	 * Sends at most {@code max} bytes. Returns the bytes taken (0 when the socket is full). When a buffered chunk is
	 * only partly accepted by the socket, the rest is queued on the connection's output and counted as taken.
	 */
	long sendSome(Connection c, int max) throws IOException {
		int want = (int) Math.min(this.remaining, max);
		if (this.channel != null) {
			long n = this.channel.transferTo(this.position, want, c.channel);
			this.position += n;
			this.remaining -= n;
			return n;
		}
		if (this.chunk == null || this.chunk.capacity() < want) {
			this.chunk = ByteBuffer.allocate(want);
		}
		this.chunk.clear().limit(want);
		int r = this.file.read(this.chunk, this.position);
		if (r <= 0) {
			throw new IOException("File ended " + this.remaining + " bytes early");
		}
		this.chunk.flip();
		int n = c.channel.write(this.chunk);
		if (this.chunk.hasRemaining()) {
			c.queueOutput(this.chunk);
		}
		this.position += r;
		this.remaining -= r;
		return (n > 0 || r > 0) ? r : 0;
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
