package io.lws.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

	private static ByteBuffer bytes(String s) {
		return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
	}

	private static String text(ByteBuffer b) {
		return StandardCharsets.US_ASCII.decode(b).toString();
	}

	@Test
	void gathersPiecesAndStartsAfreshAfterClear() {
		MessageAssembler a = new MessageAssembler(100);
		assertThat(a.add(bytes("hel"))).isTrue();
		assertThat(a.add(bytes("lo"))).isTrue();
		assertThat(text(a.message())).isEqualTo("hello");
		a.clear();
		assertThat(a.add(bytes("x"))).isTrue();
		assertThat(text(a.message())).isEqualTo("x");
	}

	@Test
	void refusesToGrowPastTheLimitAndKeepsWhatItHad() {
		MessageAssembler a = new MessageAssembler(5);
		assertThat(a.add(bytes("abcd"))).isTrue();
		ByteBuffer tooMuch = bytes("ef");
		assertThat(a.add(tooMuch)).isFalse();
		assertThat(tooMuch.remaining()).isEqualTo(2);
		assertThat(text(a.message())).isEqualTo("abcd");
		assertThat(a.add(bytes("e"))).isTrue();
		assertThat(text(a.message())).isEqualTo("abcde");
	}

	@Test
	void anEmptyMessageIsEmpty() {
		assertThat(new MessageAssembler(1).message().remaining()).isZero();
	}

	@Test
	void theLimitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageAssembler(0));
	}

}
