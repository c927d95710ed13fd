package io.lws.core.mount;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.lws.core.mount.FileHandles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClasspathFileOpsTest {

	private static final long JAR_TIME = 1_606_844_426_000L;

	private static final String BIG = "0123456789abcdef".repeat(2000);

	@TempDir
	Path temp;

	private final ClasspathFileOps resources = new ClasspathFileOps(getClass().getClassLoader(), "/mount-test/");

	private static MountMatch fileMatch(String path) {
		Mount mount = Mount.builder().mountpoint("/").originProtocol(MountOrigin.FILE).origin("classpath:x").build();
		return MountTable.of(mount).match(path, "GET");
	}

	@Test
	void opensResourcesInAClassPathDirectoryAsFiles() throws IOException {
		try (FileHandle handle = this.resources.open("index.html")) {
			assertThat(handle.fileChannel()).isNotNull();
			assertThat(handle.size()).isEqualTo(handle.fileChannel().size());
			assertThat(handle.lastModifiedMillis()).isPositive();
			assertThat(readAll(handle)).isEqualTo("<!doctype html>\n<h1>mount-test root</h1>\n");
		}
		try (FileHandle handle = this.resources.open("/sub/data.json")) {
			assertThat(readAll(handle)).isEqualTo("{\"sub\":true}\n");
		}
	}

	@Test
	void directoriesAndMissingResourcesGiveNull() throws IOException {
		assertThat(this.resources.open("sub")).isNull();
		assertThat(this.resources.open("")).isNull();
		assertThat(this.resources.open("missing.txt")).isNull();
		assertThat(this.resources.open("../mount-test/index.html")).isNull();
	}

	@Test
	void aDirectoryResolvesToItsDefaultDocument() throws IOException {
		try (ResolvedFile file = FileResolver.resolve(fileMatch("/sub"), this.resources)) {
			assertThat(file.path()).isEqualTo("sub/index.html");
			assertThat(readAll(file.handle())).isEqualTo("<!doctype html>\n<h1>mount-test sub</h1>\n");
		}
		assertThat(FileResolver.resolve(fileMatch("/nodoc"), this.resources)).isNull();
		try (ResolvedFile file = FileResolver.resolve(fileMatch("/nodoc/readme.txt"), this.resources)) {
			assertThat(file.path()).isEqualTo("nodoc/readme.txt");
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void streamsResourcesFromInsideAJar(boolean directoryEntries) throws IOException {
		try (URLClassLoader loader = jar(directoryEntries)) {
			ClasspathFileOps ops = new ClasspathFileOps(loader, "static");
			try (FileHandle handle = ops.open("app.js")) {
				assertThat(handle.fileChannel()).isNull();
				assertThat(handle.size()).isEqualTo(14);
				// Zip entries keep their time in two-second DOS steps.
				assertThat(handle.lastModifiedMillis()).isBetween(JAR_TIME - 2000, JAR_TIME + 2000);
				assertThat(readAll(handle)).isEqualTo("console.log()\n");
			}
			try (FileHandle handle = ops.open("big.bin")) {
				assertThat(handle.size()).isEqualTo(BIG.length());
				assertThat(readAll(handle, 4096, false)).isEqualTo(BIG);
			}
			try (FileHandle handle = ops.open("big.bin")) {
				assertThat(readAll(handle, 1000, true)).isEqualTo(BIG);
			}
			assertThat(ops.open("sub")).isNull();
			assertThat(ops.open("missing.js")).isNull();
			try (ResolvedFile file = FileResolver.resolve(fileMatch("/sub"), ops)) {
				assertThat(file.path()).isEqualTo("sub/index.html");
				assertThat(readAll(file.handle())).isEqualTo("<h1>jar sub</h1>");
			}
		}
	}

	@Test
	void jarHandlesReadAtAnyPosition() throws IOException {
		try (URLClassLoader loader = jar(true);
				FileHandle handle = new ClasspathFileOps(loader, "static/").open("big.bin")) {
			ByteBuffer buffer = ByteBuffer.allocate(4);
			assertThat(handle.read(buffer, 20)).isEqualTo(4);
			assertThat(new String(buffer.array(), StandardCharsets.US_ASCII)).isEqualTo("4567");
			assertThat(handle.read(buffer.clear(), 1)).isEqualTo(4);
			assertThat(new String(buffer.array(), StandardCharsets.US_ASCII)).isEqualTo("1234");
			assertThat(handle.read(buffer.clear(), BIG.length() - 2)).isEqualTo(2);
			assertThat(handle.read(buffer.clear(), BIG.length())).isEqualTo(-1);
			assertThat(handle.read(buffer.clear().limit(0), 0)).isZero();
		}
	}

	@Test
	void basePathIsNormalisedAndMustNameAFolder() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(new ClasspathFileOps(loader, "static").basePath()).isEqualTo("static/");
		assertThat(new ClasspathFileOps(loader, "/static/web/").basePath()).isEqualTo("static/web/");
		assertThat(new ClasspathFileOps(loader, "static")).hasToString("ClasspathFileOps[classpath:static/]");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClasspathFileOps(loader, "/"))
			.withMessageStartingWith("Class-path mount origin \"/\" is the class-path root");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClasspathFileOps(loader, ""))
			.withMessageStartingWith("Class-path mount origin \"\" is the class-path root");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClasspathFileOps(loader, "static/../"))
			.withMessage("Class-path mount origin \"static/../\" must be a folder without '.', '..', empty segments"
					+ " or backslashes.");
	}

	private URLClassLoader jar(boolean directoryEntries) throws IOException {
		Path jar = this.temp.resolve(directoryEntries ? "with-dirs.jar" : "without-dirs.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			if (directoryEntries) {
				put(out, "static/", null);
			}
			put(out, "static/app.js", "console.log()\n");
			put(out, "static/big.bin", BIG);
			if (directoryEntries) {
				put(out, "static/sub/", null);
			}
			put(out, "static/sub/index.html", "<h1>jar sub</h1>");
		}
		// No parent: only the jar is searched, not this module's test resources.
		return new URLClassLoader(new URL[] { jar.toUri().toURL() }, null);
	}

	private static void put(JarOutputStream out, String name, String content) throws IOException {
		JarEntry entry = new JarEntry(name);
		entry.setTime(JAR_TIME);
		out.putNextEntry(entry);
		if (content != null) {
			out.write(content.getBytes(StandardCharsets.US_ASCII));
		}
		out.closeEntry();
	}

}
