package io.lws.core.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only memory mappings of the larger files one {@link FileSystemFileOps} serves, kept between requests and
 * bounded in count and bytes.
 * <p>
 * Why: a file body written from a mapping costs the kernel one copy, from the page cache into the socket, and leaves
 * the bytes where the reader's copy finds them in the CPU's cache. {@code transferTo} ({@code sendfile}) copies nothing
 * on the sending side but hands the receiver page-cache pages it must fetch from memory; on loopback and for a busy
 * reader that is measurably slower (docs/performance.md). A mapping is made once per version of a file and reused by
 * every request for it: mapping per request would cost a page fault per page on every send.
 * <p>
 * A mapping is reused only while the file keeps its identity ({@link BasicFileAttributes#fileKey()}: device and
 * inode), size and modification time, so a file replaced by a rename (as {@code rsync} does, keeping size and time)
 * gets a new mapping. A replaced mapping is dropped, not unmapped: requests still sending from it keep it alive and the
 * garbage collector unmaps it after them. The JDK never reads a mapping here: the engine only passes it to
 * {@code write(2)}, so a file truncated under its mapping fails that write ({@code EFAULT}) instead of faulting the
 * JVM.
 */
final class FileMappings {

	private static final Logger logger = LoggerFactory.getLogger(FileMappings.class);

	/** The most one mount keeps mapped by default: address space, not heap; the pages are the page cache's. */
	static final long DEFAULT_MAX_BYTES = 1L << 30;

	/** The most files one mount keeps mapped by default. */
	static final int DEFAULT_MAX_FILES = 256;

	private final long maxBytes;

	private final int maxFiles;

	private final AtomicLong mappedBytes = new AtomicLong();

	private final ConcurrentHashMap<Path, Mapping> mappings = new ConcurrentHashMap<>();

	/** One mapped version of a file. */
	private record Mapping(FileVersion version, ByteBuffer buffer) {
	}

	FileMappings(long maxBytes, int maxFiles) {
		this.maxBytes = maxBytes;
		this.maxFiles = maxFiles;
	}

	/**
	 * A mapping of the file {@code channel} reads, as {@code attributes} describe it: the kept one if the file is the
	 * same version, a new one otherwise, or {@code null} when the file cannot be mapped or the bounds are reached (the
	 * caller then reads or transfers it).
	 * @return a read-only buffer of the whole file, position 0; callers {@link ByteBuffer#duplicate()} it
	 */
	ByteBuffer mapping(Path real, BasicFileAttributes attributes, FileChannel channel) {
		Mapping kept = this.mappings.get(real);
		if (kept != null) {
			if (kept.version().matches(attributes)) {
				return kept.buffer();
			}
			forget(real, kept);
		}
		long size = attributes.size();
		if (size > Integer.MAX_VALUE || this.mappings.size() >= this.maxFiles) {
			return null;
		}
		if (this.mappedBytes.addAndGet(size) > this.maxBytes) {
			this.mappedBytes.addAndGet(-size);
			return null;
		}
		try {
			ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
			Mapping m = new Mapping(FileVersion.of(attributes), buffer);
			Mapping previous = this.mappings.put(real, m);
			if (previous != null) {
				// another thread mapped it meanwhile: only one is counted
				this.mappedBytes.addAndGet(-previous.buffer().capacity());
			}
			return buffer;
		}
		catch (IOException | RuntimeException ex) {
			this.mappedBytes.addAndGet(-size);
			logger.debug("Cannot map {}: {}", real, ex.toString());
			return null;
		}
	}

	private void forget(Path real, Mapping m) {
		if (this.mappings.remove(real, m)) {
			this.mappedBytes.addAndGet(-m.buffer().capacity());
		}
	}

	/** How many bytes are mapped now (for tests and diagnostics). */
	long mappedBytes() {
		return this.mappedBytes.get();
	}

}
