package io.lws.core.ring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LwsRingTest {

	@Test
	void everyTailReadsEveryElementInOrderAndTheSlowestBoundsTheWriter() {
		LwsRing<String> ring = new LwsRing<>(3);
		LwsRing.Tail fast = ring.newTail();
		LwsRing.Tail slow = ring.newTail();
		assertThat(ring.insert("a")).isTrue();
		assertThat(ring.insert("b")).isTrue();
		assertThat(ring.insert("c")).isTrue();
		assertThat(ring.insert("d")).isFalse();
		assertThat(ring.consume(fast)).isEqualTo("a");
		assertThat(ring.consume(fast)).isEqualTo("b");
		assertThat(ring.consume(fast)).isEqualTo("c");
		assertThat(ring.consume(fast)).isNull();
		assertThat(ring.freeSlots()).isZero();
		assertThat(ring.isOldest(slow)).isTrue();
		assertThat(ring.isOldest(fast)).isFalse();
		assertThat(ring.consume(slow)).isEqualTo("a");
		assertThat(ring.freeSlots()).isEqualTo(1);
		assertThat(ring.insert("d")).isTrue();
		assertThat(ring.pending(slow)).isEqualTo(3);
		assertThat(ring.pending(fast)).isEqualTo(1);
	}

	@Test
	void removingTheSlowestTailFreesItsElementsAndLateTailsSeeNoBacklog() {
		LwsRing<Integer> ring = new LwsRing<>(4);
		LwsRing.Tail a = ring.newTail();
		LwsRing.Tail b = ring.newTail();
		for (int i = 0; i < 4; i++) {
			ring.insert(i);
		}
		for (int i = 0; i < 4; i++) {
			ring.consume(a);
		}
		ring.removeTail(b);
		assertThat(ring.freeSlots()).isEqualTo(4);
		LwsRing.Tail late = ring.newTail();
		assertThat(ring.peek(late)).isNull();
		ring.insert(9);
		assertThat(ring.consume(late)).isEqualTo(9);
		assertThat(ring.consume(a)).isEqualTo(9);
	}

	@Test
	void aRingWithoutReadersNeverFills() {
		LwsRing<Integer> ring = new LwsRing<>(2);
		for (int i = 0; i < 10; i++) {
			assertThat(ring.insert(i)).isTrue();
		}
	}

}
