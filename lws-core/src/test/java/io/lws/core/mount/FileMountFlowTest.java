package io.lws.core.mount;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps the HTTP server takes for a request to a file mount, end to end, as a worked example. */
class FileMountFlowTest {

	private final Mount mount = Mount.builder()
		.mountpoint("/app")
		.originProtocol(MountOrigin.FILE)
		.origin("classpath:/mount-test/")
		.cacheMaxAge(3600)
		.cacheReusable(true)
		.build();

	private final MountTable table = MountTable.of(this.mount);

	private final FileOps fileOps = FileOps.forOrigin(this.mount.origin(), getClass().getClassLoader(),
			this.mount.followSymlinksOutside());

	@Test
	void servesAFileWithTypeTagAndCaching() throws IOException {
		MountMatch match = this.table.match("/app/sub/data.json", "GET");
		assertThat(match.needsTrailingSlashRedirect()).isFalse();
		try (ResolvedFile file = FileResolver.resolve(match, this.fileOps)) {
			assertThat(MimeTypes.contentType(file.path(), match.mount())).isEqualTo("application/json");
			String etag = HttpCaching.etag(file.handle().size(), file.handle().lastModifiedMillis());
			assertThat(etag).matches("\"[0-9A-F]{16}\"");
			assertThat(HttpCaching.ifNoneMatchHits(etag, etag)).isTrue();
			assertThat(HttpCaching.cacheControl(match.mount())).isEqualTo("private, max-age=3600");
			assertThat(FileHandles.readAll(file.handle())).isEqualTo("{\"sub\":true}\n");
		}
	}

	@Test
	void redirectsTheBareMountpointThenServesItsDefaultDocument() throws IOException {
		MountMatch bare = this.table.match("/app", "GET");
		assertThat(bare.needsTrailingSlashRedirect()).isTrue();
		assertThat(bare.trailingSlashLocation()).isEqualTo("/app/");
		try (ResolvedFile file = FileResolver.resolve(this.table.match("/app/", "GET"), this.fileOps)) {
			assertThat(file.path()).isEqualTo("index.html");
			assertThat(MimeTypes.contentType(file.path(), this.mount)).isEqualTo("text/html; charset=utf-8");
		}
	}

	@Test
	void missingFilesAndOtherMethodsFindNothing() throws IOException {
		assertThat(FileResolver.resolve(this.table.match("/app/missing.css", "GET"), this.fileOps)).isNull();
		assertThat(this.table.match("/app/index.html", "DELETE")).isNull();
		assertThat(this.table.match("/other", "GET")).isNull();
	}

}
