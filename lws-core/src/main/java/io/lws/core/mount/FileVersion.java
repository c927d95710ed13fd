package io.lws.core.mount;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What identifies one version of a file on disk, for the copies a mount keeps (small files in memory, mappings of
 * larger ones): its identity ({@link BasicFileAttributes#fileKey()}: device and inode), size and modification time.
 * The identity catches a file renamed over another with the same size and time, as {@code rsync} leaves it.
 */
record FileVersion(Object fileKey, long size, FileTime modified) {

	static FileVersion of(BasicFileAttributes a) {
		return new FileVersion(a.fileKey(), a.size(), a.lastModifiedTime());
	}

	/** Whether {@code a} describes this same version of a regular file. */
	boolean matches(BasicFileAttributes a) {
		return a.isRegularFile() && a.size() == this.size && a.lastModifiedTime().equals(this.modified)
				&& Objects.equals(a.fileKey(), this.fileKey);
	}

}
