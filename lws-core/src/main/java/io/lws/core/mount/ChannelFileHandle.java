package io.lws.core.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A {@link FileHandle} over a file on disk, which can go to the socket through {@link #fileChannel()} or, when
 * {@link FileSystemFileOps} keeps one, from its {@link #mappedContents()}.
 */
final class ChannelFileHandle implements FileHandle {

	private final FileChannel channel;

	private final long size;

	private final long lastModifiedMillis;

	private final ByteBuffer mapped;

	/** {@code mapped}: a read-only mapping of exactly {@code size} bytes of the file, or null. */
	ChannelFileHandle(FileChannel channel, long size, long lastModifiedMillis, ByteBuffer mapped) {
		this.channel = channel;
		this.size = size;
		this.lastModifiedMillis = lastModifiedMillis;
		this.mapped = mapped;
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
		// Stop at the size seen at open, so a file that grows meanwhile does not overrun content-length.
		if (position >= this.size) {
			return -1;
		}
		long left = this.size - position;
		if (dst.remaining() <= left) {
			return this.channel.read(dst, position);
		}
		ByteBuffer slice = dst.slice().limit((int) left);
		int count = this.channel.read(slice, position);
		if (count > 0) {
			dst.position(dst.position() + count);
		}
		return count;
	}

	@Override
	public FileChannel fileChannel() {
		return this.channel;
	}

	@Override
	public ByteBuffer mappedContents() {
		return (this.mapped != null) ? this.mapped.duplicate() : null;
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

	@Override
	public String toString() {
		return "ChannelFileHandle[size=" + this.size + ", open=" + this.channel.isOpen()
				+ ((this.mapped != null) ? ", mapped" : "") + "]";
	}

}
