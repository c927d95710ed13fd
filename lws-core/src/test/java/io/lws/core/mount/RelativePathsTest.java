package io.lws.core.mount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelativePathsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/a/b.txt|a/b.txt", "a/b.txt|a/b.txt", "/|''", "''|''",
			"/.well-known/x|.well-known/x", "/...|...", "/..a/b..|..a/b..", "/a.b/c|a.b/c" })
	void keepsPathsWithoutForbiddenSegmentsAndDropsTheLeadingSlash(String path, String relative) {
		assertThat(RelativePaths.sanitise(path)).isEqualTo(relative);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a//b", "//a", "/a/", "/.", "/..", "/a/.", "/a/..", "/./a", "/../a", "/a/../b",
			"/a/./b", "/a\\b", "/a\u0000b", "/a\u001fb", "/a\u007fb", "a/" })
	void refusesEmptyDotAndDotDotSegmentsControlsAndBackslashes(String path) {
		assertThat(RelativePaths.sanitise(path)).isNull();
	}

	@Test
	void refusesNull() {
		assertThat(RelativePaths.sanitise(null)).isNull();
	}

}
