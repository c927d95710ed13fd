package io.lws.core.mount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever path is asked for, a default {@link FileSystemFileOps} never hands out a file from outside its root. */
class FileSystemFileOpsEscapeTest {

	private static Path temp;

	private static FileSystemFileOps ops;

	@BeforeContainer
	static void files() throws IOException {
		temp = Files.createTempDirectory("lws-mount-escape");
		Path root = Files.createDirectories(temp.resolve("www"));
		Path outside = Files.createDirectories(temp.resolve("private"));
		Files.writeString(outside.resolve("secret.txt"), "SECRET");
		Files.writeString(temp.resolve("secret.txt"), "SECRET");
		Files.writeString(root.resolve("in.txt"), "inside");
		Files.createDirectories(root.resolve("sub"));
		Files.writeString(root.resolve("sub/in.txt"), "inside");
		Files.createSymbolicLink(root.resolve("out"), outside);
		Files.createSymbolicLink(root.resolve("sub/secret.txt"), outside.resolve("secret.txt"));
		Files.createSymbolicLink(root.resolve("up"), Path.of(".."));
		ops = new FileSystemFileOps(root, false);
	}

	@AfterContainer
	static void cleanUp() throws IOException {
		try (Stream<Path> paths = Files.walk(temp)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	@Property(tries = 2000)
	void nothingOutsideTheRootIsServed(@ForAll("paths") String path) throws IOException {
		try (FileHandle handle = ops.open(path)) {
			if (handle != null) {
				assertThat(FileHandles.readAll(handle)).isEqualTo("inside");
			}
			Statistics.label("served").collect(handle != null);
		}
		// Make sure the generator reaches the files inside, or the property proves nothing.
		Statistics.label("served").coverage((checker) -> checker.check(true).count((count) -> count > 0));
	}

	@Provide
	Arbitrary<String> paths() {
		Arbitrary<List<String>> segments = Arbitraries
			.of("..", ".", "", "sub", "in.txt", "out", "up", "secret.txt", "private", "www", "..\\", "\0", "%2e%2e",
					"...")
			.list()
			.ofMinSize(1)
			.ofMaxSize(6);
		Arbitrary<List<String>> separators = Arbitraries.of("/", "/", "/", "/", "\\", "//").list().ofSize(6);
		return Combinators.combine(Arbitraries.of("", "/"), segments, separators).as((lead, parts, between) -> {
			StringBuilder path = new StringBuilder(lead);
			for (int i = 0; i < parts.size(); i++) {
				if (i > 0) {
					path.append(between.get(i - 1));
				}
				path.append(parts.get(i));
			}
			return path.toString();
		});
	}

}
