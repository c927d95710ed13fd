package io.lws.core.mount;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file whose bytes are already in memory (a small file {@link FileSystemFileOps} keeps): reads copy from the
 * array, closing does nothing. The array is shared by every handle of the file and never written. A handle holds no
 * state of a read, so {@link FileSystemFileOps} hands the same one to every request for that version of the file,
 * with its entity tag made once.
 */
final class BytesFileHandle implements FileHandle {

	private final byte[] bytes;

	private final long lastModifiedMillis;

	private final String etag;

	BytesFileHandle(byte[] bytes, long lastModifiedMillis) {
		this.bytes = bytes;
		this.lastModifiedMillis = lastModifiedMillis;
		this.etag = HttpCaching.etag(bytes.length, lastModifiedMillis);
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
	public String etag() {
		return this.etag;
	}

	@Override
	public int read(ByteBuffer dst, long position) {
		if (position >= this.bytes.length) {
			return -1;
		}
		int n = (int) Math.min(dst.remaining(), this.bytes.length - position);
		dst.put(this.bytes, (int) position, n);
		return n;
	}

	@Override
	public FileChannel fileChannel() {
		return null;
	}

	@Override
	public void close() {
		// nothing is held open
	}

	@Override
	public String toString() {
		return "BytesFileHandle[" + this.bytes.length + " bytes in memory]";
	}

}
