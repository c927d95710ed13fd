package io.lws.core.mount;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A {@link FileHandle} over bytes already in memory: the fallback for class-path resources whose URL scheme does not
 * tell their length.
 */
final class BytesFileHandle implements FileHandle {

	private final byte[] bytes;

	private final long lastModifiedMillis;

	BytesFileHandle(byte[] bytes, long lastModifiedMillis) {
		this.bytes = bytes;
		this.lastModifiedMillis = lastModifiedMillis;
	}

	@Override
	public long size() {
		return this.bytes.length;
	}

	@Override
	public long lastModifiedMillis() {
		return this.lastModifiedMillis;
	}

	@Override
	public int read(ByteBuffer dst, long position) {
		if (position < 0) {
			throw new IllegalArgumentException("position must not be negative, got " + position + ".");
		}
		if (position >= this.bytes.length) {
			return -1;
		}
		int count = (int) Math.min(dst.remaining(), this.bytes.length - position);
		dst.put(this.bytes, (int) position, count);
		return count;
	}

	@Override
	public FileChannel fileChannel() {
		return null;
	}

	@Override
	public void close() {
		// Nothing to release: the bytes go with the handle.
	}

	@Override
	public String toString() {
		return "BytesFileHandle[size=" + this.bytes.length + "]";
	}

}
