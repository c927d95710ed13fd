package io.lws.core.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files under a directory: libwebsockets' default {@code lws_plat_file_ops} (POSIX {@code open}/{@code read}),
 * used by {@link MountOrigin#FILE} mounts whose origin is a directory.
 * <p>
 * A path is resolved under the root and then to its real path, with every symbolic link followed. If that real path
 * is outside the root's own real path the file is refused (as not found) unless {@code followSymlinksOutside} was
 * given: libwebsockets follows every link, which turns one careless link into a published disk. Links that stay inside
 * the root are always followed. The check assumes that nobody untrusted can change the directory tree while it is
 * served: a link swapped between the check and the open could still point elsewhere.
 * <p>
 * Small files (up to {@link #CACHED_FILE_MAX} bytes, at most {@link #CACHED_FILES} of them) are kept in memory once
 * served: a later request costs one {@code stat} of the file's real path (not followed if it has become a link)
 * instead of resolving every directory of the path, opening, reading and closing. A change of size or modification
 * time (to the nanosecond the file system keeps) reloads the file, and a file that has gone or become a link takes
 * the whole path again, with its checks. What a cached entry can serve is only ever the bytes of a file that passed
 * those checks. A file replaced by another one (a rename over it, as {@code rsync} does) counts as a change even with
 * the same size and time: the file's identity (device and inode) is compared too.
 * <p>
 * Larger files take the whole path every time, and are then sent from a read-only memory mapping kept between
 * requests ({@link FileMappings}: at most 1 GiB and 256 files per mount, beyond which files go through
 * {@link FileHandle#fileChannel()}); see {@link FileHandle#mappedContents()}.
 */
public final class FileSystemFileOps implements FileOps {

	private static final Logger logger = LoggerFactory.getLogger(FileSystemFileOps.class);

	/** Real path: every symbolic link resolved, so served files can be compared with it. */
	private final Path root;

	private final boolean followSymlinksOutside;

	/** The largest file kept in memory. */
	static final int CACHED_FILE_MAX = 16 * 1024;

	/** How many small files are kept at most (further ones are served from disk each time). */
	static final int CACHED_FILES = 256;

	/** Small files served so far, by the sanitised relative path asked for. */
	private final ConcurrentHashMap<String, CachedFile> cache = new ConcurrentHashMap<>();

	/** Larger files, mapped. */
	private final FileMappings mappings;

	/** A small file in memory, with what identifies its version on disk, and the handle every request gets. */
	private record CachedFile(Path real, FileVersion version, BytesFileHandle handle) {
	}

	/**
	 * Serves the files under {@code root}.
	 * @param root an existing directory
	 * @param followSymlinksOutside whether symbolic links may lead outside {@code root}
	 * @throws IllegalArgumentException if {@code root} does not exist, is not a directory or cannot be resolved
	 */
	public FileSystemFileOps(Path root, boolean followSymlinksOutside) {
		this(root, followSymlinksOutside, FileMappings.DEFAULT_MAX_BYTES);
	}

	/** As {@link #FileSystemFileOps(Path, boolean)}, mapping at most {@code maxMappedBytes} (tests lower it). */
	FileSystemFileOps(Path root, boolean followSymlinksOutside, long maxMappedBytes) {
		if (!Files.exists(root)) {
			throw new IllegalArgumentException("File mount origin " + root + " does not exist.");
		}
		if (!Files.isDirectory(root)) {
			throw new IllegalArgumentException("File mount origin " + root + " is not a directory.");
		}
		try {
			this.root = root.toRealPath();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("File mount origin " + root + " cannot be resolved: " + ex.getMessage(),
					ex);
		}
		this.followSymlinksOutside = followSymlinksOutside;
		this.mappings = new FileMappings(maxMappedBytes, FileMappings.DEFAULT_MAX_FILES);
	}

	/**
	 * The directory served, as its real path.
	 * @return the root
	 */
	public Path root() {
		return this.root;
	}

	/**
	 * Whether symbolic links may lead outside {@link #root()}.
	 * @return the flag
	 */
	public boolean followSymlinksOutside() {
		return this.followSymlinksOutside;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The handle offers its {@link FileHandle#fileChannel()}, except for a small file served from memory.
	 */
	@Override
	public FileHandle open(String path) throws IOException {
		String relative = RelativePaths.sanitise(path);
		if (relative == null) {
			logger.debug("Refused malformed path {} under {}", path, this.root);
			return null;
		}
		FileHandle cached = cached(relative);
		if (cached != null) {
			return cached;
		}
		try {
			Path real = this.root.resolve(relative).toRealPath();
			if (!this.followSymlinksOutside && !real.startsWith(this.root)) {
				logger.debug("Refused {}: it leads outside {} to {}", path, this.root, real);
				return null;
			}
			BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				return null;
			}
			// The real path has no links left; refusing one here catches a link planted since toRealPath().
			FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
			try {
				boolean small = attributes.size() <= CACHED_FILE_MAX;
				if (small && this.cache.size() < CACHED_FILES) {
					return keep(relative, real, attributes, channel);
				}
				ByteBuffer mapped = small ? null : this.mappings.mapping(real, attributes, channel);
				long size = channel.size();
				if (mapped != null && mapped.capacity() != size) {
					// changed between the stat and the open: send it from the channel this time
					mapped = null;
				}
				return new ChannelFileHandle(channel, size, attributes.lastModifiedTime().toMillis(), mapped);
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}
		catch (FileSystemException ex) {
			// Missing, unreadable, a file used as a directory, a link loop: all "not here" to the client.
			logger.debug("Cannot open {} under {}: {}", path, this.root, ex.toString());
			return null;
		}
	}

	/** The in-memory copy of a small file, if it is still what is on disk; otherwise null (and forgotten). */
	private FileHandle cached(String relative) {
		CachedFile c = this.cache.get(relative);
		if (c == null) {
			return null;
		}
		try {
			BasicFileAttributes a = Files.readAttributes(c.real(), BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (c.version().matches(a)) {
				return c.handle();
			}
		}
		catch (IOException ex) {
			// gone or unreadable: the full path decides
		}
		this.cache.remove(relative, c);
		return null;
	}

	/** Reads a small file whole, keeps it, and closes the channel. */
	private FileHandle keep(String relative, Path real, BasicFileAttributes attributes, FileChannel channel)
			throws IOException {
		try (channel) {
			long size = channel.size();
			ByteBuffer buf = ByteBuffer.allocate((int) size);
			while (buf.hasRemaining()) {
				if (channel.read(buf, buf.position()) < 0) {
					throw new IOException("File ended " + buf.remaining() + " bytes early");
				}
			}
			byte[] bytes = buf.array();
			BytesFileHandle handle = new BytesFileHandle(bytes, attributes.lastModifiedTime().toMillis());
			// the size read, not the size stat'ed: a file that grew in between is read again next time
			this.cache.put(relative, new CachedFile(real,
					new FileVersion(attributes.fileKey(), bytes.length, attributes.lastModifiedTime()), handle));
			return handle;
		}
	}

	/** How many bytes of larger files are mapped now. */
	long mappedBytes() {
		return this.mappings.mappedBytes();
	}

	@Override
	public String toString() {
		return "FileSystemFileOps[" + this.root + (this.followSymlinksOutside ? ", following links outside" : "")
				+ "]";
	}

}
