package io.lws.core.mount;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a file mount reads its files from: libwebsockets' {@code struct lws_plat_file_ops}, reduced to what serving
 * needs. Implementations are immutable and shared by every service thread; each {@link FileHandle} they open belongs
 * to one request.
 * <p>
 * Two come with lws-core: {@link FileSystemFileOps} for a directory and {@link ClasspathFileOps} for a class-path
 * location; {@link #forOrigin(String, ClassLoader, boolean)} picks one from a mount's origin. Supply your own to serve
 * from elsewhere, such as a zip file or memory, as libwebsockets' fops chains do.
 */
public interface FileOps {

	/**
	 * Opens a regular file for reading ({@code lws_plat_file_ops.open} with {@code O_RDONLY}).
	 * <p>
	 * Paths that do not exist, that are directories or other non-regular files, that are malformed (NUL, backslash,
	 * {@code .} or {@code ..} or empty segments) or that would leave the root all give {@code null}, which the engine
	 * answers with 404. Refusals are deliberately indistinguishable from absence so that a client cannot learn what
	 * exists outside the mount.
	 * @param path a {@code /}-separated path relative to this source's root, as {@link FileResolver} makes it; a
	 * leading {@code /} is ignored
	 * @return an open handle the caller must close, or {@code null} when there is no such servable file
	 * @throws IOException if the source fails for another reason (an I/O error); the engine answers 500
	 */
	FileHandle open(String path) throws IOException;

	/**
	 * The file source for a file mount's origin ({@link Mount#origin()}), made when the vhost is created.
	 * <ul>
	 * <li>{@code classpath:static/} or {@code classpath:/static/}: {@link ClasspathFileOps} over
	 * {@code classLoader};</li>
	 * <li>{@code file:/var/www}, {@code file:///var/www} or a plain path {@code /var/www}: {@link FileSystemFileOps};
	 * a relative path is taken from the working directory.</li>
	 * </ul>
	 * @param origin the mount's origin
	 * @param classLoader the loader for {@code classpath:} origins; {@code null} for the thread's context loader (or
	 * this library's when there is none)
	 * @param followSymlinksOutside {@link Mount#followSymlinksOutside()}; ignored for the class path
	 * @return the file source
	 * @throws IllegalArgumentException if a file-system origin does not exist, is not a directory or is not a valid
	 * path, or a class-path origin is the class-path root
	 */
	static FileOps forOrigin(String origin, ClassLoader classLoader, boolean followSymlinksOutside) {
		Objects.requireNonNull(origin, "origin");
		if (origin.startsWith("classpath:")) {
			ClassLoader loader = classLoader;
			if (loader == null) {
				loader = Thread.currentThread().getContextClassLoader();
			}
			if (loader == null) {
				loader = FileOps.class.getClassLoader();
			}
			return new ClasspathFileOps(loader, origin.substring("classpath:".length()));
		}
		String directory = origin;
		if (directory.startsWith("file://")) {
			directory = directory.substring("file://".length());
		}
		else if (directory.startsWith("file:")) {
			directory = directory.substring("file:".length());
		}
		Path root;
		try {
			root = Path.of(directory);
		}
		catch (InvalidPathException ex) {
			throw new IllegalArgumentException("File mount origin " + origin + " is not a valid path.", ex);
		}
		return new FileSystemFileOps(root, followSymlinksOutside);
	}

}
