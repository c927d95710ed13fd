package io.lws.core.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.lws.core.mount.FileHandles.readAll;
import static io.lws.core.mount.FileHandles.readBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FileSystemFileOpsTest {

	@TempDir
	Path temp;

	Path root;

	Path outside;

	@BeforeEach
	void files() throws IOException {
		this.root = Files.createDirectories(this.temp.resolve("www"));
		this.outside = Files.createDirectories(this.temp.resolve("private"));
		Files.writeString(this.root.resolve("hello.txt"), "hello, world\n");
		Files.createDirectories(this.root.resolve("sub"));
		Files.writeString(this.root.resolve("sub/index.html"), "<h1>sub</h1>");
		Files.writeString(this.outside.resolve("secret.txt"), "SECRET");
	}

	private FileSystemFileOps ops(boolean followSymlinksOutside) {
		return new FileSystemFileOps(this.root, followSymlinksOutside);
	}

	@Test
	void opensARegularFileWithItsSizeTimeAndContent() throws IOException {
		Instant mtime = Instant.parse("2020-12-01T17:40:26Z");
		Files.setLastModifiedTime(this.root.resolve("hello.txt"), FileTime.from(mtime));
		FileSystemFileOps ops = ops(false);
		for (int i = 0; i < 2; i++) {
			// the first open reads from disk, the second from the in-memory copy: the same answers
			try (FileHandle handle = ops.open("hello.txt")) {
				assertThat(handle.size()).isEqualTo(13);
				assertThat(handle.lastModifiedMillis()).isEqualTo(mtime.toEpochMilli());
				assertThat(readAll(handle)).isEqualTo("hello, world\n");
				assertThat(readAll(handle, 4, true)).isEqualTo("hello, world\n");
			}
		}
	}

	@Test
	void aFileOverTheInMemoryLimitIsServedThroughItsChannelAndAMapping() throws IOException {
		byte[] big = pattern(FileSystemFileOps.CACHED_FILE_MAX + 1, 7);
		Files.write(this.root.resolve("big.bin"), big);
		FileSystemFileOps ops = ops(false);
		try (FileHandle handle = ops.open("big.bin")) {
			assertThat(handle.fileChannel()).isNotNull();
			assertThat(handle.size()).isEqualTo(big.length);
			assertThat(bytes(handle.mappedContents())).isEqualTo(big);
			assertThat(readBytes(handle, 4096, false)).isEqualTo(big);
		}
		try (FileHandle again = ops.open("big.bin")) {
			// the same version is mapped once: each handle has its own position over it
			assertThat(bytes(again.mappedContents())).isEqualTo(big);
			assertThat(ops.mappedBytes()).isEqualTo(big.length);
		}
	}

	@Test
	void filesBeyondTheMappingBudgetAreServedThroughTheirChannelOnly() throws IOException {
		Files.write(this.root.resolve("a.bin"), pattern(40_000, 1));
		Files.write(this.root.resolve("b.bin"), pattern(40_000, 2));
		FileSystemFileOps ops = new FileSystemFileOps(this.root, false, 50_000);
		try (FileHandle a = ops.open("a.bin"); FileHandle b = ops.open("b.bin")) {
			assertThat(a.mappedContents()).isNotNull();
			assertThat(b.mappedContents()).isNull();
			assertThat(b.fileChannel()).isNotNull();
			assertThat(readBytes(b, 4096, false)).isEqualTo(pattern(40_000, 2));
		}
	}

	@Test
	void aMappedFileFollowsChangesOnDisk() throws IOException {
		FileSystemFileOps ops = ops(false);
		Path big = this.root.resolve("big.bin");
		FileTime time = FileTime.from(Instant.parse("2030-01-01T00:00:00Z"));
		Files.write(big, pattern(100_000, 1));
		Files.setLastModifiedTime(big, time);
		try (FileHandle h = ops.open("big.bin")) {
			assertThat(bytes(h.mappedContents())).isEqualTo(pattern(100_000, 1));
		}
		// replaced by a rename, same size and time (what rsync does): another file, another mapping
		replaceKeepingSizeAndTime(big, pattern(100_000, 2), time);
		try (FileHandle h = ops.open("big.bin")) {
			assertThat(bytes(h.mappedContents())).isEqualTo(pattern(100_000, 2));
		}
		Files.write(big, pattern(90_000, 3));
		try (FileHandle h = ops.open("big.bin")) {
			assertThat(bytes(h.mappedContents())).isEqualTo(pattern(90_000, 3));
			assertThat(ops.mappedBytes()).isEqualTo(90_000);
		}
	}

	@Test
	void aSmallFileReplacedByARenameWithTheSameSizeAndTimeIsReloaded() throws IOException {
		FileSystemFileOps ops = ops(false);
		Path hello = this.root.resolve("hello.txt");
		FileTime time = FileTime.from(Instant.parse("2030-01-01T00:00:00Z"));
		Files.setLastModifiedTime(hello, time);
		assertThat(readAll(ops.open("hello.txt"))).isEqualTo("hello, world\n");
		replaceKeepingSizeAndTime(hello, "HELLO, WORLD\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), time);
		assertThat(readAll(ops.open("hello.txt"))).isEqualTo("HELLO, WORLD\n");
	}

	private void replaceKeepingSizeAndTime(Path file, byte[] content, FileTime time) throws IOException {
		Path next = this.temp.resolve("next.tmp");
		Files.write(next, content);
		Files.setLastModifiedTime(next, time);
		Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static byte[] pattern(int size, int seed) {
		byte[] b = new byte[size];
		for (int i = 0; i < size; i++) {
			b[i] = (byte) (i * 31 + seed);
		}
		return b;
	}

	/** A test may read a mapping: nothing truncates these files meanwhile. */
	private static byte[] bytes(ByteBuffer buffer) {
		byte[] b = new byte[buffer.remaining()];
		buffer.get(b);
		return b;
	}

	@Test
	void aSmallFileKeptInMemoryFollowsChangesOnDisk() throws IOException {
		FileSystemFileOps ops = ops(false);
		Path hello = this.root.resolve("hello.txt");
		assertThat(readAll(ops.open("hello.txt"))).isEqualTo("hello, world\n");
		// same size, new content and time
		Files.writeString(hello, "HELLO, WORLD\n");
		Files.setLastModifiedTime(hello, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
		assertThat(readAll(ops.open("hello.txt"))).isEqualTo("HELLO, WORLD\n");
		// another size, same time
		Files.writeString(hello, "hi\n");
		Files.setLastModifiedTime(hello, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
		assertThat(readAll(ops.open("hello.txt"))).isEqualTo("hi\n");
		Files.delete(hello);
		assertThat(ops.open("hello.txt")).isNull();
	}

	@Test
	void aSmallFileKeptInMemoryKeepsItsEntityTagUntilItChanges() throws IOException {
		FileSystemFileOps ops = ops(false);
		Path hello = this.root.resolve("hello.txt");
		Files.setLastModifiedTime(hello, FileTime.from(Instant.parse("2029-01-01T00:00:00Z")));
		FileHandle first = ops.open("hello.txt");
		String tag = HttpCaching.etag(13, Instant.parse("2029-01-01T00:00:00Z").toEpochMilli());
		assertThat(first.etag()).isEqualTo(tag);
		assertThat(ops.open("hello.txt").etag()).isEqualTo(tag);
		Files.setLastModifiedTime(hello, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
		assertThat(ops.open("hello.txt").etag())
			.isEqualTo(HttpCaching.etag(13, Instant.parse("2030-01-01T00:00:00Z").toEpochMilli()));
		// a handle given out earlier still describes the version it was opened on
		assertThat(first.etag()).isEqualTo(tag);
	}

	@Test
	void aSmallFileKeptInMemoryThatBecomesALinkOutsideIsRefused() throws IOException {
		FileSystemFileOps ops = ops(false);
		assertThat(readAll(ops.open("hello.txt"))).isEqualTo("hello, world\n");
		Path hello = this.root.resolve("hello.txt");
		Files.delete(hello);
		Files.createSymbolicLink(hello, this.outside.resolve("secret.txt"));
		assertThat(ops.open("hello.txt")).isNull();
	}

	@Test
	void readsNoFurtherThanTheSizeSeenAtOpen() throws IOException {
		try (FileHandle handle = ops(false).open("/hello.txt")) {
			Files.writeString(this.root.resolve("hello.txt"), " and more", java.nio.file.StandardOpenOption.APPEND);
			assertThat(readAll(handle, 64, false)).isEqualTo("hello, world\n");
			assertThat(handle.read(ByteBuffer.allocate(8), 13)).isEqualTo(-1);
		}
	}

	@Test
	void missingFilesAndDirectoriesGiveNull() throws IOException {
		FileSystemFileOps ops = ops(false);
		assertThat(ops.open("nope.txt")).isNull();
		assertThat(ops.open("sub")).isNull();
		assertThat(ops.open("")).isNull();
		assertThat(ops.open("/")).isNull();
		assertThat(ops.open("hello.txt/x")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../private/secret.txt", "sub/../hello.txt", "./hello.txt", "sub//index.html",
			"//hello.txt", "hello.txt\0.html", "sub\\index.html", "..\\private\\secret.txt", "hello.txt\n" })
	void malformedPathsAreRefused(String path) throws IOException {
		assertThat(ops(true).open(path)).isNull();
	}

	@Test
	void symbolicLinksInsideTheRootAreFollowed() throws IOException {
		Files.createSymbolicLink(this.root.resolve("alias.txt"), Path.of("hello.txt"));
		Files.createSymbolicLink(this.root.resolve("same"), this.root.resolve("sub"));
		try (FileHandle handle = ops(false).open("alias.txt")) {
			assertThat(readAll(handle)).isEqualTo("hello, world\n");
		}
		try (FileHandle handle = ops(false).open("same/index.html")) {
			assertThat(readAll(handle)).isEqualTo("<h1>sub</h1>");
		}
	}

	@Test
	void symbolicLinksLeavingTheRootAreRefusedUnlessAllowed() throws IOException {
		Files.createSymbolicLink(this.root.resolve("secret.txt"), this.outside.resolve("secret.txt"));
		Files.createSymbolicLink(this.root.resolve("private"), this.outside);
		assertThat(ops(false).open("secret.txt")).isNull();
		assertThat(ops(false).open("private/secret.txt")).isNull();
		try (FileHandle handle = ops(true).open("secret.txt")) {
			assertThat(readAll(handle)).isEqualTo("SECRET");
		}
		try (FileHandle handle = ops(true).open("private/secret.txt")) {
			assertThat(readAll(handle)).isEqualTo("SECRET");
		}
	}

	@Test
	void aSiblingWhoseNameExtendsTheRootIsOutside() throws IOException {
		Path sibling = Files.createDirectories(this.temp.resolve("www2"));
		Files.writeString(sibling.resolve("x.txt"), "x");
		Files.createSymbolicLink(this.root.resolve("x.txt"), sibling.resolve("x.txt"));
		assertThat(ops(false).open("x.txt")).isNull();
	}

	@Test
	void linkLoopsGiveNull() throws IOException {
		Files.createSymbolicLink(this.root.resolve("loop"), Path.of("loop"));
		assertThat(ops(true).open("loop")).isNull();
	}

	@Test
	void aRootThatIsALinkServesItsTarget() throws IOException {
		Path link = Files.createSymbolicLink(this.temp.resolve("site"), this.root);
		FileSystemFileOps ops = new FileSystemFileOps(link, false);
		assertThat(ops.root()).isEqualTo(this.root.toRealPath());
		try (FileHandle handle = ops.open("hello.txt")) {
			assertThat(readAll(handle)).isEqualTo("hello, world\n");
		}
	}

	@Test
	void rootMustBeAnExistingDirectory() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FileSystemFileOps(this.temp.resolve("none"), false))
			.withMessage("File mount origin " + this.temp.resolve("none") + " does not exist.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FileSystemFileOps(this.root.resolve("hello.txt"), false))
			.withMessage("File mount origin " + this.root.resolve("hello.txt") + " is not a directory.");
	}

	@Test
	void forOriginTakesPlainAndFileUrlPaths() throws IOException {
		Path real = this.root.toRealPath();
		assertThat(FileOps.forOrigin(this.root.toString(), null, false))
			.isInstanceOfSatisfying(FileSystemFileOps.class, (ops) -> assertThat(ops.root()).isEqualTo(real));
		assertThat(FileOps.forOrigin("file:" + this.root, null, true)).isInstanceOfSatisfying(FileSystemFileOps.class,
				(ops) -> assertThat(ops.followSymlinksOutside()).isTrue());
		assertThat(FileOps.forOrigin("file://" + this.root, null, false))
			.isInstanceOfSatisfying(FileSystemFileOps.class, (ops) -> assertThat(ops.root()).isEqualTo(real));
		assertThatIllegalArgumentException().isThrownBy(() -> FileOps.forOrigin("file:/no/such/dir", null, false))
			.withMessage("File mount origin /no/such/dir does not exist.");
		assertThatIllegalArgumentException().isThrownBy(() -> FileOps.forOrigin("/tmp/a\0b", null, false))
			.withMessage("File mount origin /tmp/a\0b is not a valid path.");
	}

	@Test
	void forOriginSendsClasspathOriginsToTheClassPath() {
		assertThat(FileOps.forOrigin("classpath:/mount-test/", null, false))
			.isInstanceOfSatisfying(ClasspathFileOps.class,
					(ops) -> assertThat(ops.basePath()).isEqualTo("mount-test/"));
	}

	@Test
	void printsItsRoot() throws IOException {
		assertThat(ops(true)).hasToString("FileSystemFileOps[" + this.root.toRealPath() + ", following links outside]");
	}

}
