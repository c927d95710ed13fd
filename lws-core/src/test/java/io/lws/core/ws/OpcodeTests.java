package io.lws.core.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Opcode}. */
class OpcodeTests {

	@Test
	void codesAreThoseOfRfc6455() {
		assertThat(Opcode.CONTINUATION.code()).isEqualTo(0x0);
		assertThat(Opcode.TEXT.code()).isEqualTo(0x1);
		assertThat(Opcode.BINARY.code()).isEqualTo(0x2);
		assertThat(Opcode.CLOSE.code()).isEqualTo(0x8);
		assertThat(Opcode.PING.code()).isEqualTo(0x9);
		assertThat(Opcode.PONG.code()).isEqualTo(0xA);
	}

	@Test
	void ofFindsEveryOpcodeAndNullForReserved() {
		for (Opcode opcode : Opcode.values()) {
			assertThat(Opcode.of(opcode.code())).isSameAs(opcode);
		}
		for (int code : new int[] { 3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF, -1, 16, 255 }) {
			assertThat(Opcode.of(code)).as("opcode %d", code).isNull();
		}
	}

	@Test
	void onlyCloseAndPingAndPongAreControl() {
		assertThat(Opcode.CONTINUATION.isControl()).isFalse();
		assertThat(Opcode.TEXT.isControl()).isFalse();
		assertThat(Opcode.BINARY.isControl()).isFalse();
		assertThat(Opcode.CLOSE.isControl()).isTrue();
		assertThat(Opcode.PING.isControl()).isTrue();
		assertThat(Opcode.PONG.isControl()).isTrue();
	}

}
