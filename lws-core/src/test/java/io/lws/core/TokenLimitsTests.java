package io.lws.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenLimitsTests {

	@Test
	void noneLimitsNothing() {
		for (HeaderToken token : HeaderToken.values()) {
			assertThat(TokenLimits.none().limit(token)).isEqualTo(Integer.MAX_VALUE);
		}
	}

	@Test
	void builderSetsOnlyTheNamedTokens() {
		TokenLimits limits = TokenLimits.builder().limit(HeaderToken.HOST, 64).limit(HeaderToken.GET_URI, 0).build();
		assertThat(limits.limit(HeaderToken.HOST)).isEqualTo(64);
		assertThat(limits.limit(HeaderToken.GET_URI)).isZero();
		assertThat(limits.limit(HeaderToken.HTTP_COOKIE)).isEqualTo(Integer.MAX_VALUE);
		assertThat(limits).hasToString("TokenLimits{GET_URI=0, HOST=64}");
	}

	@Test
	void builtLimitsDoNotChangeWhenTheBuilderDoes() {
		TokenLimits.Builder builder = TokenLimits.builder().limit(HeaderToken.HOST, 10);
		TokenLimits first = builder.build();
		builder.limit(HeaderToken.HOST, 20);
		assertThat(first.limit(HeaderToken.HOST)).isEqualTo(10);
		assertThat(builder.build().limit(HeaderToken.HOST)).isEqualTo(20);
		assertThat(first).isNotEqualTo(builder.build())
			.isEqualTo(TokenLimits.builder().limit(HeaderToken.HOST, 10).build());
	}

	@Test
	void negativeLimitIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenLimits.builder().limit(HeaderToken.HOST, -1))
			.withMessage("A token limit must not be negative, got -1 for HOST");
	}

}
