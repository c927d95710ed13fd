package io.lws.core.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FileResolverTest {

	private static final Mount STATIC = Mount.builder()
		.mountpoint("/static")
		.originProtocol(MountOrigin.FILE)
		.origin("/srv")
		.defaultDocument("home.htm")
		.build();

	private static final Mount ROOT = Mount.builder()
		.mountpoint("/")
		.originProtocol(MountOrigin.FILE)
		.origin("/srv")
		.build();

	private static final MountTable TABLE = MountTable.of(ROOT, STATIC);

	/** Files that exist; records every path asked for. */
	private final RecordingFileOps ops = new RecordingFileOps(Set.of("home.htm", "index.html", "a.css", "docs/home.htm",
			"docs/index.html", "docs/guide/home.htm"));

	@Test
	void theMountsOwnDirectoryGetsTheDefaultDocument() throws IOException {
		assertThat(FileResolver.candidatePath(TABLE.match("/static/", "GET"))).isEqualTo("home.htm");
		assertThat(FileResolver.candidatePath(TABLE.match("/static", "GET"))).isEqualTo("home.htm");
		assertThat(FileResolver.candidatePath(TABLE.match("/", "GET"))).isEqualTo("index.html");
		assertThat(FileResolver.resolve(TABLE.match("/", "GET"), this.ops).path()).isEqualTo("index.html");
		assertThat(this.ops.asked).containsExactly("index.html");
	}

	@Test
	void aFileIsOpenedOnce() throws IOException {
		assertThat(FileResolver.resolve(TABLE.match("/static/a.css", "GET"), this.ops).path()).isEqualTo("a.css");
		assertThat(this.ops.asked).containsExactly("a.css");
	}

	@Test
	void aPathEndingInASlashIsADirectory() throws IOException {
		assertThat(FileResolver.resolve(TABLE.match("/static/docs/", "GET"), this.ops).path())
			.isEqualTo("docs/home.htm");
		assertThat(this.ops.asked).containsExactly("docs/home.htm");
	}

	@Test
	void aPathThatIsNoFileIsTriedAsADirectory() throws IOException {
		assertThat(FileResolver.resolve(TABLE.match("/static/docs/guide", "GET"), this.ops).path())
			.isEqualTo("docs/guide/home.htm");
		assertThat(this.ops.asked).containsExactly("docs/guide", "docs/guide/home.htm");
	}

	@Test
	void nothingFoundGivesNull() throws IOException {
		assertThat(FileResolver.resolve(TABLE.match("/static/missing", "GET"), this.ops)).isNull();
		assertThat(FileResolver.resolve(TABLE.match("/static/missing/", "GET"), this.ops)).isNull();
		assertThat(this.ops.asked).containsExactly("missing", "missing/home.htm", "missing/home.htm");
	}

	@Test
	void onlyFileMountsResolveToFiles() {
		Mount callback = Mount.builder().mountpoint("/api").originProtocol(MountOrigin.CALLBACK).origin("api").build();
		MountMatch match = MountTable.of(callback).match("/api/x", "GET");
		assertThatIllegalArgumentException().isThrownBy(() -> FileResolver.resolve(match, this.ops))
			.withMessage("Mount[/api -> CALLBACK api] is not a FILE mount.");
	}

	private static final class RecordingFileOps implements FileOps {

		private final Set<String> files;

		final List<String> asked = new ArrayList<>();

		RecordingFileOps(Set<String> files) {
			this.files = files;
		}

		@Override
		public FileHandle open(String path) {
			this.asked.add(path);
			return this.files.contains(path) ? new EmptyHandle() : null;
		}

	}

	private static final class EmptyHandle implements FileHandle {

		@Override
		public long size() {
			return 0;
		}

		@Override
		public long lastModifiedMillis() {
			return 0;
		}

		@Override
		public int read(ByteBuffer dst, long position) {
			return -1;
		}

		@Override
		public FileChannel fileChannel() {
			return null;
		}

		@Override
		public void close() {
		}

	}

}
