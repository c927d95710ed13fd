package io.lws.core.spa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ValueStoreTests {

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void completeLengthCutsOnlyAnUnfinishedSequence() {
		byte[] euro = utf8("a€");
		assertThat(Utf8Tail.completeLength(euro, 4)).isEqualTo(4);
		assertThat(Utf8Tail.completeLength(euro, 3)).isEqualTo(1);
		assertThat(Utf8Tail.completeLength(euro, 2)).isEqualTo(1);
		assertThat(Utf8Tail.completeLength(euro, 1)).isEqualTo(1);
		assertThat(Utf8Tail.completeLength(euro, 0)).isZero();
		byte[] emoji = utf8("😀");
		for (int length = 1; length < 4; length++) {
			assertThat(Utf8Tail.completeLength(emoji, length)).isZero();
		}
		assertThat(Utf8Tail.completeLength(emoji, 4)).isEqualTo(4);
		// Stray continuation bytes and invalid leads are not UTF-8 to repair: they stay.
		assertThat(Utf8Tail.completeLength(new byte[] { 'a', (byte) 0x80, (byte) 0x80 }, 3)).isEqualTo(3);
		assertThat(Utf8Tail.completeLength(new byte[] { (byte) 0xC0, (byte) 0xFF }, 2)).isEqualTo(2);
	}

	@Test
	void valuesGrowUpToTheirCap() {
		ValueStore store = new ValueStore(2, 100, 1000);
		assertThat(store.open(0)).isTrue();
		store.append(ByteBuffer.wrap(utf8("x".repeat(70))));
		store.append((byte) 'y');
		store.close();
		assertThat(store.value(0)).isEqualTo("x".repeat(70) + "y");
		assertThat(store.length(0)).isEqualTo(71);
		assertThat(store.truncated(0)).isFalse();
		assertThat(store.value(1)).isNull();
		assertThat(store.storedBytes()).isEqualTo(71);
	}

	@Test
	void aPieceThatOverflowsIsCutThenTrimmedToACharacter() {
		ValueStore store = new ValueStore(1, 5, 1000);
		store.open(0);
		ByteBuffer piece = ByteBuffer.wrap(utf8("abc€"));
		store.append(piece);
		assertThat(piece.hasRemaining()).isFalse();
		store.append(ByteBuffer.wrap(utf8("more")));
		store.close();
		assertThat(store.value(0)).isEqualTo("abc");
		assertThat(store.truncated(0)).isTrue();
		assertThat(store.storedBytes()).isEqualTo(3);
	}

	@Test
	void aSecondOccurrenceIsNotOpened() {
		ValueStore store = new ValueStore(1, 5, 1000);
		assertThat(store.open(0)).isTrue();
		store.close();
		assertThat(store.open(0)).isFalse();
		assertThat(store.value(0)).isEmpty();
	}

	@Test
	void onlyOneValueIsWrittenAtATime() {
		ValueStore store = new ValueStore(2, 5, 1000);
		store.open(0);
		assertThatIllegalStateException().isThrownBy(() -> store.open(1));
	}

	@Test
	void paramNamesMatchBytes() {
		ParamNames names = new ParamNames(List.of("text", "été"));
		assertThat(names.count()).isEqualTo(2);
		assertThat(names.maxUtf8Length()).isEqualTo(5);
		assertThat(names.indexOf("été")).isEqualTo(1);
		assertThat(names.indexOf("other")).isEqualTo(-1);
		byte[] buffer = utf8("textual");
		assertThat(names.indexOf(buffer, 4)).isZero();
		assertThat(names.indexOf(buffer, 5)).isEqualTo(-1);
		assertThat(names.indexOf(buffer, 0)).isEqualTo(-1);
	}

}
