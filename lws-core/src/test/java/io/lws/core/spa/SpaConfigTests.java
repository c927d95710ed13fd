package io.lws.core.spa;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpaConfigTests {

	@Test
	void defaults() {
		SpaConfig config = SpaConfig.builder().build();
		assertThat(config.paramNames()).isEmpty();
		assertThat(config.maxValueLength()).isEqualTo(1024);
		assertThat(config.maxStorage()).isEqualTo(8192);
		assertThat(config.maxFileSize()).isZero();
		assertThat(config.maxParts()).isEqualTo(SpaConfig.DEFAULT_MAX_PARTS);
		assertThat(config.maxPartHeaderSize()).isEqualTo(SpaConfig.DEFAULT_MAX_PART_HEADER_SIZE);
	}

	@Test
	void toBuilderKeepsEverything() {
		SpaConfig config = SpaConfig.builder()
			.paramNames(List.of("a", "b"))
			.maxValueLength(10)
			.maxStorage(20)
			.maxFileSize(30)
			.maxParts(40)
			.maxPartHeaderSize(500)
			.build();
		assertThat(config.toBuilder().build()).hasToString(config.toString());
		assertThat(config.toString()).contains("[a, b]", "maxFileSize=30", "maxPartHeaderSize=500");
	}

	@Test
	void namesAreCopiedAndImmutable() {
		String[] names = { "a", "b" };
		SpaConfig config = SpaConfig.builder().paramNames(names).build();
		names[0] = "z";
		assertThat(config.paramNames()).containsExactly("a", "b");
		assertThatThrownBy(() -> config.paramNames().add("c"))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void badNamesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpaConfig.builder().paramNames("a", "").build())
			.withMessageContaining("null or empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaConfig.builder().paramNames("a", null).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SpaConfig.builder().paramNames("a", "a").build())
			.withMessage("The parameter name \"a\" is given twice");
	}

	@Test
	void limitsOutOfRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpaConfig.builder().maxValueLength(0).build())
			.withMessage("maxValueLength must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> SpaConfig.builder().maxStorage(-1).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SpaConfig.builder().maxFileSize(-1).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SpaConfig.builder().maxParts(0).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SpaConfig.builder().maxPartHeaderSize(63).build());
		assertThat(SpaConfig.builder().maxStorage(0).maxPartHeaderSize(64).build().maxStorage()).isZero();
	}

}
