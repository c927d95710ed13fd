package io.lws.core.mount;

import java.io.IOException;
import java.util.Objects;

/**
 * Which file a request to a {@link MountOrigin#FILE} mount gets: the path rules of libwebsockets'
 * {@code lws_http_serve()}.
 * <ul>
 * <li>the mount's own directory ({@code ""} or {@code /} after the mountpoint) gets the
 * {@linkplain Mount#defaultDocument() default document};</li>
 * <li>a path ending in {@code /} names a directory and gets the default document inside it;</li>
 * <li>any other path is opened as a file, and when that is not a file it is tried as a directory: the default
 * document inside it. Like libwebsockets, {@code /docs/guide} is served from {@code guide/index.html} without a
 * redirect to {@code /docs/guide/}; only the mountpoint itself is redirected (see
 * {@link MountMatch#needsTrailingSlashRedirect()}).</li>
 * </ul>
 * The directory test is "the default document exists below it", which works the same on disk and in jars that list
 * no directory entries.
 */
public final class FileResolver {

	private FileResolver() {
	}

	/**
	 * The path to try first for a file mount match, before the directory fallback of
	 * {@link #resolve(MountMatch, FileOps)}.
	 * @param match a match of a file mount
	 * @return a path relative to the mount's origin, without leading {@code /}
	 * @throws IllegalArgumentException if the mount is not a {@link MountOrigin#FILE} mount
	 */
	public static String candidatePath(MountMatch match) {
		Mount mount = fileMount(match);
		String remainder = match.remainder();
		if (remainder.isEmpty() || remainder.endsWith("/")) {
			return strip(remainder) + mount.defaultDocument();
		}
		return strip(remainder);
	}

	/**
	 * Chooses and opens the file for a file mount match. The engine is expected to have answered
	 * {@link MountMatch#needsTrailingSlashRedirect()} with a redirect already; if it calls this instead, the default
	 * document is served.
	 * @param match a match of a file mount
	 * @param fileOps the mount's file source, from {@link FileOps#forOrigin(String, ClassLoader, boolean)}
	 * @return the opened file, which the caller must close, or {@code null} when there is none (answer 404)
	 * @throws IOException if the file source fails other than by not having the file (answer 500)
	 * @throws IllegalArgumentException if the mount is not a {@link MountOrigin#FILE} mount
	 */
	public static ResolvedFile resolve(MountMatch match, FileOps fileOps) throws IOException {
		Objects.requireNonNull(fileOps, "fileOps");
		String candidate = candidatePath(match);
		FileHandle handle = fileOps.open(candidate);
		if (handle != null) {
			return new ResolvedFile(candidate, handle);
		}
		if (match.remainder().isEmpty() || match.remainder().endsWith("/")) {
			return null;
		}
		String inDirectory = candidate + "/" + match.mount().defaultDocument();
		handle = fileOps.open(inDirectory);
		return (handle != null) ? new ResolvedFile(inDirectory, handle) : null;
	}

	private static Mount fileMount(MountMatch match) {
		Mount mount = match.mount();
		if (mount.originProtocol() != MountOrigin.FILE) {
			throw new IllegalArgumentException(mount + " is not a FILE mount.");
		}
		return mount;
	}

	private static String strip(String remainder) {
		return remainder.startsWith("/") ? remainder.substring(1) : remainder;
	}

}
