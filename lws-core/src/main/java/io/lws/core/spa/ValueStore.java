package io.lws.core.spa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values kept for the asked-for parameters, libwebsockets' spa storage behind {@code lws_spa_get_string()} and
 * {@code lws_spa_get_length()}, written one value at a time as the body streams in.
 * <p>
 * Bounded twice: a value keeps at most {@link SpaConfig#maxValueLength()} bytes, and all values together at most
 * {@link SpaConfig#maxStorage()}. What does not fit is dropped and the value flagged as truncated, rather than the
 * body refused: libwebsockets also cuts values short, and a flag lets the application choose to refuse. A cut never
 * leaves half a UTF-8 character behind.
 * <p>
 * The first occurrence of a name wins and later ones are dropped, as a servlet's {@code getParameter()} does; this
 * also means a repeated name cannot churn the storage.
 */
final class ValueStore {

	private static final int INITIAL_CAPACITY = 32;

	private static final byte[] EMPTY = new byte[0];

	private final int maxValueLength;

	private final int maxStorage;

	/** The bytes of each value, {@code null} while the name has not been seen; grown up to the value's cap. */
	private final byte[][] values;

	private final int[] lengths;

	private final boolean[] truncated;

	/** Bytes kept across all values. */
	private int used;

	/** The value being written, or -1. */
	private int current = -1;

	/** The most bytes the value being written may keep. */
	private int cap;

	ValueStore(int count, int maxValueLength, int maxStorage) {
		this.maxValueLength = maxValueLength;
		this.maxStorage = maxStorage;
		this.values = new byte[count][];
		this.lengths = new int[count];
		this.truncated = new boolean[count];
	}

	/**
	 * Starts writing the value of parameter {@code index}.
	 * @return {@code false}, writing nothing, when the parameter already has a value
	 */
	boolean open(int index) {
		if (this.current >= 0) {
			throw new IllegalStateException("Value " + this.current + " is still being written");
		}
		if (this.values[index] != null) {
			return false;
		}
		this.values[index] = EMPTY;
		this.current = index;
		this.cap = Math.min(this.maxValueLength, this.maxStorage - this.used);
		return true;
	}

	/** Adds one byte to the value being written. */
	void append(byte b) {
		if (this.truncated[this.current]) {
			return;
		}
		if (reserve(1) == 1) {
			this.values[this.current][this.lengths[this.current]++] = b;
			this.used++;
		}
		else {
			cutToCharacter();
		}
	}

	/** Adds the bytes from {@code piece}'s position to its limit to the value being written; moves the position. */
	void append(ByteBuffer piece) {
		if (this.truncated[this.current]) {
			piece.position(piece.limit());
			return;
		}
		int wanted = piece.remaining();
		int n = reserve(wanted);
		piece.get(this.values[this.current], this.lengths[this.current], n);
		this.lengths[this.current] += n;
		this.used += n;
		piece.position(piece.limit());
		if (n < wanted) {
			cutToCharacter();
		}
	}

	/** Ends the value being written. */
	void close() {
		this.current = -1;
	}

	/**
	 * Makes room for up to {@code wanted} more bytes of the current value, and flags it as truncated when they do
	 * not all fit.
	 * @return how many of them fit
	 */
	private int reserve(int wanted) {
		int index = this.current;
		int fits = Math.min(wanted, this.cap - this.lengths[index]);
		if (fits < wanted) {
			this.truncated[index] = true;
		}
		grow(index, this.lengths[index] + fits);
		return fits;
	}

	/**
	 * Drops a half character left at the end of the current value when it has just been cut. Only after the bytes
	 * that fitted were added, as they may complete the character; and only once, so the bytes of a value that is
	 * not UTF-8 at all are not eaten away one call after another.
	 */
	private void cutToCharacter() {
		int index = this.current;
		int length = this.lengths[index];
		int complete = Utf8Tail.completeLength(this.values[index], length);
		this.used -= length - complete;
		this.lengths[index] = complete;
	}

	private void grow(int index, int needed) {
		byte[] value = this.values[index];
		if (needed > value.length) {
			int capacity = Math.max(Math.min(INITIAL_CAPACITY, this.cap), value.length);
			while (capacity < needed) {
				capacity = (int) Math.min((long) capacity * 2, this.cap);
			}
			this.values[index] = Arrays.copyOf(value, capacity);
		}
	}

	/** The value of parameter {@code index} decoded as UTF-8, or {@code null} when it was not seen. */
	String value(int index) {
		byte[] value = this.values[index];
		return (value != null) ? new String(value, 0, this.lengths[index], StandardCharsets.UTF_8) : null;
	}

	/** The bytes kept of parameter {@code index}, 0 when it was not seen. */
	int length(int index) {
		return this.lengths[index];
	}

	/** Whether bytes of parameter {@code index} were dropped for lack of room. */
	boolean truncated(int index) {
		return this.truncated[index];
	}

	/** The bytes kept across all values. */
	int storedBytes() {
		return this.used;
	}

}
