package io.lws.core.ring;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-size ring of elements written once and read by several consumers, each at its own {@link Tail}:
 * libwebsockets' {@code lws_ring} ({@code lws_ring_create}, {@code lws_ring_insert}, {@code lws_ring_get_element},
 * {@code lws_ring_consume}, {@code lws_ring_get_count_free_elements}, {@code lws_ring_update_oldest_tail}). An element
 * is freed once every tail has passed it, so the slowest consumer bounds how much the writer may insert: when the ring
 * is full, {@link #insert} refuses (the caller then applies flow control or drops the slowest consumer).
 * <p>
 * Not thread-safe: callers on several service threads synchronize on the ring (or on what owns it).
 *
 * @param <T> the element type
 */
public final class LwsRing<T> {

	private final Object[] slots;

	/** Sequence number of the next element to insert. */
	private long head;

	/** Sequence number of the oldest element still held. */
	private long oldest;

	private final List<Tail> tails = new ArrayList<>();

	/**
	 * {@code lws_ring_create}.
	 * @param size how many elements the ring holds (at least 2)
	 */
	public LwsRing(int size) {
		if (size < 2) {
			throw new IllegalArgumentException("A ring needs at least 2 slots, not " + size);
		}
		this.slots = new Object[size];
	}

	/** A reader's position in the ring. */
	public static final class Tail {

		private long position;

		private boolean removed;

		private Tail(long position) {
			this.position = position;
		}

		@Override
		public String toString() {
			return "Tail[" + this.position + (this.removed ? ", removed" : "") + "]";
		}

	}

	/** Adds a reader that starts at the head: it sees only elements inserted from now on (no backlog). */
	public Tail newTail() {
		Tail t = new Tail(this.head);
		this.tails.add(t);
		return t;
	}

	/** Removes a reader; elements only it still needed are freed. */
	public void removeTail(Tail t) {
		if (!t.removed) {
			t.removed = true;
			this.tails.remove(t);
			updateOldest();
		}
	}

	/** {@code lws_ring_insert}: appends {@code element}; false (nothing inserted) when the ring is full. */
	public boolean insert(T element) {
		if (freeSlots() == 0) {
			return false;
		}
		this.slots[(int) (this.head % this.slots.length)] = element;
		this.head++;
		if (this.tails.isEmpty()) {
			// with no reader an element is consumed at once
			updateOldest();
		}
		return true;
	}

	/** {@code lws_ring_get_element}: the next element for {@code t}, or {@code null} when it has read everything. */
	@SuppressWarnings("unchecked")
	public T peek(Tail t) {
		if (t.removed || t.position >= this.head) {
			return null;
		}
		return (T) this.slots[(int) (t.position % this.slots.length)];
	}

	/**
	 * {@code lws_ring_consume} of one element for {@code t}; frees it when {@code t} was the last reader needing it.
	 */
	public T consume(Tail t) {
		T e = peek(t);
		if (e != null) {
			boolean wasOldest = t.position == this.oldest;
			t.position++;
			if (wasOldest) {
				updateOldest();
			}
		}
		return e;
	}

	/** Elements {@code t} has not read yet. */
	public int pending(Tail t) {
		return t.removed ? 0 : (int) (this.head - t.position);
	}

	/** {@code lws_ring_get_count_free_elements}. */
	public int freeSlots() {
		return this.slots.length - (int) (this.head - this.oldest);
	}

	/** The number of slots. */
	public int size() {
		return this.slots.length;
	}

	/** Whether {@code t} is among the readers holding the oldest element (the ones the writer waits for). */
	public boolean isOldest(Tail t) {
		return !t.removed && t.position == this.oldest && t.position < this.head;
	}

	/** The readers. */
	public List<Tail> tails() {
		return List.copyOf(this.tails);
	}

	private void updateOldest() {
		long min = this.head;
		for (Tail t : this.tails) {
			min = Math.min(min, t.position);
		}
		for (long s = this.oldest; s < min; s++) {
			this.slots[(int) (s % this.slots.length)] = null;
		}
		this.oldest = min;
	}

	@Override
	public String toString() {
		return "LwsRing[size=" + this.slots.length + ", held=" + (this.head - this.oldest) + ", tails="
				+ this.tails.size() + "]";
	}

}
