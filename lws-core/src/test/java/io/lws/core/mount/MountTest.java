package io.lws.core.mount;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MountTest {

	private static Mount.Builder file(String mountpoint) {
		return Mount.builder().mountpoint(mountpoint).originProtocol(MountOrigin.FILE).origin("/var/www");
	}

	@Test
	void defaultsAreThoseOfLibwebsocketsExceptTheDecidedOnes() {
		Mount mount = file("/").build();
		assertThat(mount.defaultDocument()).isEqualTo("index.html");
		assertThat(mount.cacheMaxAge()).isZero();
		assertThat(mount.cacheReusable()).isFalse();
		assertThat(mount.cacheRevalidate()).isFalse();
		assertThat(mount.cacheIntermediaries()).isFalse();
		assertThat(mount.extraMimeTypes()).isEmpty();
		assertThat(mount.cgiEnv()).isEmpty();
		assertThat(mount.followSymlinksOutside()).isFalse();
		assertThat(mount.refuseUnknownMimeTypes()).isFalse();
	}

	@Test
	void mountpointIsRequiredAndMustBeAPlainAbsolutePath() {
		assertThatIllegalArgumentException().isThrownBy(() -> file(null).build())
			.withMessage("mountpoint is required.");
		assertThatIllegalArgumentException().isThrownBy(() -> file("static").build())
			.withMessage("mountpoint must start with '/', got \"static\".");
		assertThatIllegalArgumentException().isThrownBy(() -> file("/static/").build())
			.withMessage("mountpoint must not end with '/' unless it is \"/\", got \"/static/\"; write \"/static\".");
		assertThatIllegalArgumentException().isThrownBy(() -> file("/a?b").build())
			.withMessageStartingWith("mountpoint must be a plain path");
		assertThatIllegalArgumentException().isThrownBy(() -> file("/a/../b").build())
			.withMessage("mountpoint must not contain empty, '.' or '..' segments, got \"/a/../b\".");
		assertThatIllegalArgumentException().isThrownBy(() -> file("//a").build())
			.withMessageContaining("segments");
	}

	@Test
	void originProtocolAndOriginAreRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Mount.builder().mountpoint("/x").origin("/var/www").build())
			.withMessage("originProtocol is required (mount /x).");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Mount.builder().mountpoint("/x").originProtocol(MountOrigin.FILE).build())
			.withMessage("origin is required (mount /x).");
	}

	@Test
	void redirectOriginIsWrittenWithoutScheme() {
		Mount.Builder builder = Mount.builder().mountpoint("/old").originProtocol(MountOrigin.REDIR_HTTPS);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.origin("https://example.com/").build())
			.withMessageStartingWith("origin of a REDIR_HTTPS mount is written without its scheme");
		assertThat(builder.origin("example.com/new/").build().redirectLocation())
			.isEqualTo("https://example.com/new/");
		assertThat(builder.originProtocol(MountOrigin.REDIR_HTTP).build().redirectLocation())
			.isEqualTo("http://example.com/new/");
		assertThatIllegalStateException().isThrownBy(() -> file("/").build().redirectLocation());
	}

	@Test
	void callbackOriginIsAProtocolName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Mount.builder()
				.mountpoint("/formtest")
				.originProtocol(MountOrigin.CALLBACK)
				.origin("protocol post demo")
				.build())
			.withMessageStartingWith("origin of a CALLBACK mount is a protocol name");
	}

	@Test
	void defaultDocumentMustStayInsideItsDirectory() {
		assertThatIllegalArgumentException().isThrownBy(() -> file("/").defaultDocument("").build())
			.withMessage("defaultDocument must not be empty.");
		assertThatIllegalArgumentException().isThrownBy(() -> file("/").defaultDocument("../secret").build())
			.withMessageStartingWith("defaultDocument must be a relative path");
		assertThatIllegalArgumentException().isThrownBy(() -> file("/").defaultDocument("/index.html").build())
			.withMessageStartingWith("defaultDocument must be a relative path");
		assertThat(file("/").defaultDocument("app/main.html").build().defaultDocument()).isEqualTo("app/main.html");
	}

	@Test
	void cacheMaxAgeMustNotBeNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> file("/").cacheMaxAge(-1).build())
			.withMessage("cacheMaxAge must not be negative, got -1.");
	}

	@Test
	void extraMimeTypeSuffixesAreNormalised() {
		Mount mount = file("/").extraMimeType("MD", "text/markdown")
			.extraMimeType(".Tar.GZ", "application/x-tar")
			.extraMimeType("*", "application/x-unknown")
			.build();
		assertThat(mount.extraMimeTypes()).containsExactly(Map.entry(".md", "text/markdown"),
				Map.entry(".tar.gz", "application/x-tar"), Map.entry("*", "application/x-unknown"));
	}

	@Test
	void extraMimeTypesRefuseMalformedEntries() {
		assertThatIllegalArgumentException().isThrownBy(() -> file("/").extraMimeType(".", "text/plain").build())
			.withMessage("extraMimeTypes suffix must be like \".md\", \"md\" or \"*\", got \".\".");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> file("/").extraMimeType("md", "text/plain\r\nx-evil: 1").build())
			.withMessage("extraMimeTypes type for \"md\" must be a non-blank content type without control characters.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> file("/").extraMimeType("md", "a/b").extraMimeType(".MD", "c/d").build())
			.withMessage("extraMimeTypes names the suffix \".md\" twice.");
	}

	@Test
	void cgiEnvKeepsItsOrderAndRefusesBadNames() {
		Mount mount = file("/").cgiEnv("B", "2").cgiEnv("A", "1").build();
		assertThat(mount.cgiEnv()).containsExactly(Map.entry("B", "2"), Map.entry("A", "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> file("/").cgiEnv("A=B", "1").build())
			.withMessage("cgiEnv names must be non-empty without '=' or NUL, got \"A=B\".");
	}

	@Test
	void toBuilderCopiesEveryField() {
		Mount mount = file("/app").defaultDocument("main.html")
			.cacheMaxAge(60)
			.cacheReusable(true)
			.cacheRevalidate(true)
			.cacheIntermediaries(true)
			.extraMimeType("md", "text/markdown")
			.cgiEnv("K", "V")
			.followSymlinksOutside(true)
			.refuseUnknownMimeTypes(true)
			.build();
		Mount copy = mount.toBuilder().build();
		assertThat(copy).usingRecursiveComparison().isEqualTo(mount);
		assertThat(copy.toString()).isEqualTo("Mount[/app -> FILE /var/www]");
	}

}
