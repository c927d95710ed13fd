package io.lws.core.mount;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MimeTypesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "index.html|text/html; charset=utf-8", "old.htm|text/html; charset=utf-8",
			"app.js|text/javascript; charset=utf-8", "mod.mjs|text/javascript; charset=utf-8",
			"site.css|text/css; charset=utf-8", "a.png|image/png", "a.jpg|image/jpeg", "a.jpeg|image/jpeg",
			"favicon.ico|image/x-icon", "a.gif|image/gif", "a.svg|image/svg+xml", "f.ttf|font/ttf", "f.otf|font/otf",
			"f.woff|font/woff", "f.woff2|font/woff2", "a.gz|application/gzip", "a.txt|text/plain; charset=utf-8",
			"a.xml|application/xml", "a.json|application/json", "a.wasm|application/wasm",
			"app.js.map|application/json", "a.webp|image/webp", "a.pdf|application/pdf", "a.mp4|video/mp4",
			"a.webm|video/webm" })
	void builtInsCoverTheWebsUsualFiles(String name, String type) {
		assertThat(MimeTypes.lookup(name, Map.of())).isEqualTo(type);
	}

	@Test
	void lookupIgnoresCaseAndDirectories() {
		assertThat(MimeTypes.lookup("INDEX.HTML", Map.of())).isEqualTo("text/html; charset=utf-8");
		assertThat(MimeTypes.lookup("sub.dir/Photo.JpG", Map.of())).isEqualTo("image/jpeg");
		assertThat(MimeTypes.lookup("dir.html/readme", Map.of())).isNull();
	}

	@Test
	void unknownNamesHaveNoType() {
		assertThat(MimeTypes.lookup("key.pem", Map.of())).isNull();
		assertThat(MimeTypes.lookup("Makefile", Map.of())).isNull();
		assertThat(MimeTypes.lookup("trailing.", Map.of())).isNull();
		assertThat(MimeTypes.lookup(".html", Map.of())).isNull();
	}

	@Test
	void extrasComeFirstAndTheLongestSuffixWins() {
		Map<String, String> extras = new LinkedHashMap<>();
		extras.put(".gz", "application/x-gzip");
		extras.put("tar.gz", "application/x-tar+gzip");
		extras.put("HTML", "text/x-custom");
		assertThat(MimeTypes.lookup("a.gz", extras)).isEqualTo("application/x-gzip");
		assertThat(MimeTypes.lookup("a.TAR.gz", extras)).isEqualTo("application/x-tar+gzip");
		assertThat(MimeTypes.lookup("a.html", extras)).isEqualTo("text/x-custom");
		assertThat(MimeTypes.lookup("a.css", extras)).isEqualTo("text/css; charset=utf-8");
	}

	@Test
	void starIsTheLastResort() {
		Map<String, String> extras = new LinkedHashMap<>();
		extras.put("*", "application/x-anything");
		extras.put("md", "text/markdown");
		assertThat(MimeTypes.lookup("a.md", extras)).isEqualTo("text/markdown");
		assertThat(MimeTypes.lookup("a.html", extras)).isEqualTo("text/html; charset=utf-8");
		assertThat(MimeTypes.lookup("key.pem", extras)).isEqualTo("application/x-anything");
		assertThat(MimeTypes.lookup("Makefile", extras)).isEqualTo("application/x-anything");
	}

	@Test
	void contentTypeServesUnknownFilesAsOctetStreamUnlessTheMountRefusesThem() {
		Mount.Builder builder = Mount.builder().mountpoint("/").originProtocol(MountOrigin.FILE).origin("/srv");
		assertThat(MimeTypes.contentType("key.pem", builder.build())).isEqualTo("application/octet-stream");
		assertThat(MimeTypes.contentType("key.pem", builder.refuseUnknownMimeTypes(true).build())).isNull();
		assertThat(MimeTypes.contentType("a.html", builder.build())).isEqualTo("text/html; charset=utf-8");
		assertThat(MimeTypes.contentType("key.pem", builder.extraMimeType("PEM", "application/x-pem-file").build()))
			.isEqualTo("application/x-pem-file");
	}

}
