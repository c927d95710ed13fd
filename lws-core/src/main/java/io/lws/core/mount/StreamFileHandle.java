package io.lws.core.mount;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A {@link FileHandle} over a resource that is not a file on disk, such as an entry of a jar. The stream opens on the
 * first read, so a HEAD or a 304 never inflates anything, and it is reopened only if the engine reads backwards.
 */
final class StreamFileHandle implements FileHandle {

	private static final int COPY_CHUNK = 8192;

	private final URL url;

	private final long size;

	private final long lastModifiedMillis;

	private InputStream in;

	/** Offset in the resource of the next byte {@link #in} gives. */
	private long streamPosition;

	private boolean closed;

	StreamFileHandle(URL url, long size, long lastModifiedMillis) {
		this.url = url;
		this.size = size;
		this.lastModifiedMillis = lastModifiedMillis;
	}

	@Override
	public long size() {
		return this.size;
	}

	@Override
	public long lastModifiedMillis() {
		return this.lastModifiedMillis;
	}

	@Override
	public int read(ByteBuffer dst, long position) throws IOException {
		if (this.closed) {
			throw new IOException("Handle for " + this.url + " is closed.");
		}
		if (position < 0) {
			throw new IllegalArgumentException("position must not be negative, got " + position + ".");
		}
		if (position >= this.size) {
			return -1;
		}
		if (!dst.hasRemaining()) {
			return 0;
		}
		seek(position);
		int want = (int) Math.min(dst.remaining(), this.size - position);
		int count;
		if (dst.hasArray()) {
			count = this.in.read(dst.array(), dst.arrayOffset() + dst.position(), want);
			if (count > 0) {
				dst.position(dst.position() + count);
			}
		}
		else {
			byte[] chunk = new byte[Math.min(want, COPY_CHUNK)];
			count = this.in.read(chunk);
			if (count > 0) {
				dst.put(chunk, 0, count);
			}
		}
		if (count > 0) {
			this.streamPosition += count;
		}
		return count;
	}

	private void seek(long position) throws IOException {
		if (this.in == null || position < this.streamPosition) {
			if (this.in != null) {
				this.in.close();
			}
			this.in = this.url.openStream();
			this.streamPosition = 0;
		}
		if (position > this.streamPosition) {
			this.in.skipNBytes(position - this.streamPosition);
			this.streamPosition = position;
		}
	}

	@Override
	public FileChannel fileChannel() {
		return null;
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		if (this.in != null) {
			InputStream stream = this.in;
			this.in = null;
			stream.close();
		}
	}

	@Override
	public String toString() {
		return "StreamFileHandle[" + this.url + ", size=" + this.size + ", at=" + this.streamPosition
				+ (this.closed ? ", closed" : "") + "]";
	}

}
