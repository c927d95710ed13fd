package io.lws.core.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Tests for {@link WebSocketProtocolException}. */
class WebSocketProtocolExceptionTests {

	@Test
	void carriesCodeAndReason() {
		WebSocketProtocolException ex = new WebSocketProtocolException(1002, "Opcode 3 is reserved.");
		assertThat(ex.closeCode()).isEqualTo(1002);
		assertThat(ex.reason()).isEqualTo("Opcode 3 is reserved.");
		assertThat(ex.getMessage()).isEqualTo(ex.reason());
		assertThat(ex.getStackTrace()).isEmpty();
		assertThat(ex).hasToString("WebSocketProtocolException[1002: Opcode 3 is reserved.]");
	}

	@Test
	void refusesCodesThatMayNotBeSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSocketProtocolException(1005, "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSocketProtocolException(999, "x"));
	}

	@Test
	void refusesReasonsLongerThan123Bytes() {
		new WebSocketProtocolException(1002, "a".repeat(123));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSocketProtocolException(1002, "a".repeat(124)));
		// 62 two-byte characters are 124 bytes although only 62 chars.
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSocketProtocolException(1002, "é".repeat(62)));
	}

}
