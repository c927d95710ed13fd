package io.lws.core.mount;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.jar.JarEntry;

/**
 * Files from the class path, such as {@code src/main/resources/static/} of a Spring Boot application: a
 * {@code lws_plat_file_ops} in the spirit of libwebsockets' fops for files inside zips. Used by
 * {@link MountOrigin#FILE} mounts whose origin starts with {@code classpath:}.
 * <p>
 * A resource in a class-path directory is opened as a file, so it keeps its {@link FileHandle#fileChannel()}; one
 * inside a jar (plain or Spring Boot's nested jars) is streamed, with its size and modification time taken from the
 * jar entry. Directories are never opened, whether or not the jar lists them; {@link FileResolver} then tries the
 * default document inside.
 * <p>
 * Every loader on the class path is searched, as {@link ClassLoader#getResource(String)} does, so a dependency's
 * {@code static/} folder is served too. The class-path root itself is refused as a base, because it holds the
 * application's classes and configuration.
 */
public final class ClasspathFileOps implements FileOps {

	private final ClassLoader classLoader;

	/** Resource name prefix: no leading '/', one trailing '/'. */
	private final String basePath;

	/**
	 * Serves the resources under {@code basePath}.
	 * @param classLoader where to look
	 * @param basePath a folder on the class path, such as {@code static/} or {@code /static}
	 * @throws IllegalArgumentException if {@code basePath} is empty, {@code /}, or malformed
	 */
	public ClasspathFileOps(ClassLoader classLoader, String basePath) {
		this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
		Objects.requireNonNull(basePath, "basePath");
		String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
		String relative = RelativePaths.sanitise(base);
		if (relative == null) {
			throw new IllegalArgumentException("Class-path mount origin \"" + basePath
					+ "\" must be a folder without '.', '..', empty segments or backslashes.");
		}
		if (relative.isEmpty()) {
			throw new IllegalArgumentException("Class-path mount origin \"" + basePath
					+ "\" is the class-path root, which holds classes and configuration; name a folder such as"
					+ " classpath:/static/.");
		}
		this.basePath = relative + "/";
	}

	/**
	 * The resource name prefix served.
	 * @return the base path, without leading and with a trailing {@code /}, such as {@code static/}
	 */
	public String basePath() {
		return this.basePath;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A resource inside a jar gives a handle without {@link FileHandle#fileChannel()}.
	 */
	@Override
	public FileHandle open(String path) throws IOException {
		String relative = RelativePaths.sanitise(path);
		if (relative == null || relative.isEmpty()) {
			return null;
		}
		URL url = this.classLoader.getResource(this.basePath + relative);
		if (url == null) {
			return null;
		}
		if ("file".equals(url.getProtocol())) {
			return openFile(url);
		}
		URLConnection connection = url.openConnection();
		long size;
		long lastModified;
		if (connection instanceof JarURLConnection jarConnection) {
			JarEntry entry = jarConnection.getJarEntry();
			if (entry == null || entry.isDirectory()) {
				return null;
			}
			size = entry.getSize();
			lastModified = Math.max(entry.getTime(), 0);
		}
		else {
			size = connection.getContentLengthLong();
			lastModified = connection.getLastModified();
		}
		if (size < 0) {
			// Some URL schemes do not say how long a resource is; read it whole so content-length is right.
			try (InputStream in = connection.getInputStream()) {
				return new BytesFileHandle(in.readAllBytes(), lastModified);
			}
		}
		return new StreamFileHandle(url, size, lastModified);
	}

	private static FileHandle openFile(URL url) throws IOException {
		Path file;
		try {
			file = Path.of(url.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new IOException("Class-path resource " + url + " has no usable file path.", ex);
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				return null;
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
			try {
				return new ChannelFileHandle(channel, channel.size(), attributes.lastModifiedTime().toMillis(), null);
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}
		catch (FileSystemException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "ClasspathFileOps[classpath:" + this.basePath + "]";
	}

}
