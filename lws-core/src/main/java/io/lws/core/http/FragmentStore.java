package io.lws.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.lws.core.HeaderToken;

/**
 * The storage of a {@link HeaderTable}: one byte array holding every stored value, and a fixed table of fragments
 * pointing into it. This is the data part of libwebsockets' {@code struct allocated_headers}: its {@code data}
 * array, {@code frags[]}, {@code frag_index[]} and the custom-header list of {@code LWS_WITH_CUSTOM_HEADERS}.
 * <p>
 * A fragment is one stored value: one occurrence of a header, the request path, one query argument or one custom
 * header (its name immediately followed by its value). The fragments of a token are chained in arrival order, so a
 * repeated header keeps its order. Nothing here allocates after construction, except {@link #string} and the
 * String-returning methods.
 */
final class FragmentStore {

	/** Returned by the lookups for "no fragment". */
	static final int NONE = -1;

	private final byte[] data;

	/** Bytes {@code [0, used)} of {@link #data} hold stored values; the rest is free or a line being read. */
	private int used;

	private final int[] fragOffset;

	private final int[] fragLength;

	/** The next fragment of the same token (or the next custom header), or {@link #NONE}. */
	private final int[] fragNext;

	/** For a custom header, how many of its bytes are the name; 0 for a token's fragment. */
	private final int[] fragNameLength;

	private int fragments;

	/** Per token ordinal: its first and last fragment, and how many it has. */
	private final int[] tokenFirst = new int[HeaderToken.count()];

	private final int[] tokenLast = new int[HeaderToken.count()];

	private final int[] tokenCount = new int[HeaderToken.count()];

	private int customFirst;

	private int customLast;

	private int customCount;

	FragmentStore(int dataSize, int maxFragments) {
		this.data = new byte[dataSize];
		this.fragOffset = new int[maxFragments];
		this.fragLength = new int[maxFragments];
		this.fragNext = new int[maxFragments];
		this.fragNameLength = new int[maxFragments];
		reset();
	}

	/** Forgets every value; the arrays are kept. */
	void reset() {
		this.used = 0;
		this.fragments = 0;
		Arrays.fill(this.tokenFirst, NONE);
		Arrays.fill(this.tokenLast, NONE);
		Arrays.fill(this.tokenCount, 0);
		this.customFirst = NONE;
		this.customLast = NONE;
		this.customCount = 0;
	}

	/** The backing array; parsers read lines into its free part and compact values in place. */
	byte[] data() {
		return this.data;
	}

	int capacity() {
		return this.data.length;
	}

	int used() {
		return this.used;
	}

	/** Marks {@code [0, used)} as holding values, after a parser wrote or moved them in place. */
	void used(int used) {
		this.used = used;
	}

	/**
	 * Appends one byte after the used part.
	 * @return {@code false}, writing nothing, when the array is full
	 */
	boolean put(int b) {
		if (this.used == this.data.length) {
			return false;
		}
		this.data[this.used++] = (byte) b;
		return true;
	}

	/**
	 * Records {@code data[offset, offset + length)} as the next fragment of a token.
	 * @return {@code false} when the fragment table is full
	 */
	boolean addFragment(HeaderToken token, int offset, int length) {
		int frag = newFragment(offset, length, 0);
		if (frag == NONE) {
			return false;
		}
		int t = token.ordinal();
		if (this.tokenFirst[t] == NONE) {
			this.tokenFirst[t] = frag;
		}
		else {
			this.fragNext[this.tokenLast[t]] = frag;
		}
		this.tokenLast[t] = frag;
		this.tokenCount[t]++;
		return true;
	}

	/**
	 * Records a custom header whose name is at {@code data[offset, offset + nameLength)} and whose value follows it.
	 * @return {@code false} when the fragment table is full
	 */
	boolean addCustom(int offset, int nameLength, int valueLength) {
		int frag = newFragment(offset, nameLength + valueLength, nameLength);
		if (frag == NONE) {
			return false;
		}
		if (this.customFirst == NONE) {
			this.customFirst = frag;
		}
		else {
			this.fragNext[this.customLast] = frag;
		}
		this.customLast = frag;
		this.customCount++;
		return true;
	}

	private int newFragment(int offset, int length, int nameLength) {
		if (this.fragments == this.fragOffset.length) {
			return NONE;
		}
		int frag = this.fragments++;
		this.fragOffset[frag] = offset;
		this.fragLength[frag] = length;
		this.fragNameLength[frag] = nameLength;
		this.fragNext[frag] = NONE;
		return frag;
	}

	int fragmentsUsed() {
		return this.fragments;
	}

	int fragmentCapacity() {
		return this.fragOffset.length;
	}

	// ---- tokens

	int count(HeaderToken token) {
		return this.tokenCount[token.ordinal()];
	}

	int first(HeaderToken token) {
		return this.tokenFirst[token.ordinal()];
	}

	/** The fragment after {@code frag} in its chain (token or custom headers), or {@link #NONE}. */
	int next(int frag) {
		return this.fragNext[frag];
	}

	/** The {@code index}-th fragment of a token, or {@link #NONE}. */
	int fragment(HeaderToken token, int index) {
		if (index < 0) {
			return NONE;
		}
		int frag = first(token);
		for (int i = 0; i < index && frag != NONE; i++) {
			frag = this.fragNext[frag];
		}
		return frag;
	}

	/** Where a token fragment's value, or a custom header's value, starts. */
	int valueOffset(int frag) {
		return this.fragOffset[frag] + this.fragNameLength[frag];
	}

	int valueLength(int frag) {
		return this.fragLength[frag] - this.fragNameLength[frag];
	}

	/** All fragments of a token plus one separator between each: {@code lws_hdr_total_length()}; 0 if absent. */
	int totalLength(HeaderToken token) {
		int total = 0;
		for (int frag = first(token); frag != NONE; frag = this.fragNext[frag]) {
			total += this.fragLength[frag];
		}
		int count = count(token);
		return (count > 1) ? total + count - 1 : total;
	}

	/** The byte that joins a token's fragments: {@code ;} for Cookie (RFC 6265 section 5.4), {@code ,} otherwise. */
	static byte separator(HeaderToken token) {
		return (token == HeaderToken.HTTP_COOKIE) ? (byte) ';' : (byte) ',';
	}

	/**
	 * Copies the joined value of a chain starting at {@code first} into {@code dst}.
	 * @return the length copied, or -1 (nothing copied) when {@code dst} has less room than {@code length}
	 */
	int copyChain(int first, int length, byte separator, ByteBuffer dst) {
		if (dst.remaining() < length) {
			return -1;
		}
		for (int frag = first; frag != NONE; frag = this.fragNext[frag]) {
			if (frag != first) {
				dst.put(separator);
			}
			dst.put(this.data, valueOffset(frag), valueLength(frag));
		}
		return length;
	}

	/** Copies one fragment's value, or returns -1 (nothing copied) when {@code dst} is too small. */
	int copyFragment(int frag, ByteBuffer dst) {
		int length = valueLength(frag);
		if (dst.remaining() < length) {
			return -1;
		}
		dst.put(this.data, valueOffset(frag), length);
		return length;
	}

	/** The joined value of a token as a String, or {@code null} when absent. */
	String joined(HeaderToken token) {
		int first = first(token);
		if (first == NONE) {
			return null;
		}
		if (this.fragNext[first] == NONE) {
			return string(valueOffset(first), valueLength(first));
		}
		ByteBuffer joined = ByteBuffer.allocate(totalLength(token));
		copyChain(first, joined.capacity(), separator(token), joined);
		return new String(joined.array(), StandardCharsets.UTF_8);
	}

	// ---- custom headers

	int customCount() {
		return this.customCount;
	}

	int customFirst() {
		return this.customFirst;
	}

	/** The {@code index}-th custom header, or {@link #NONE}. */
	int custom(int index) {
		if (index < 0) {
			return NONE;
		}
		int frag = this.customFirst;
		for (int i = 0; i < index && frag != NONE; i++) {
			frag = this.fragNext[frag];
		}
		return frag;
	}

	/** Whether a custom header's name equals {@code name}, ignoring ASCII case. */
	boolean customNameIs(int frag, String name) {
		return HttpChars.equalsIgnoreCase(this.data, this.fragOffset[frag], this.fragNameLength[frag], name);
	}

	String customName(int frag) {
		return string(this.fragOffset[frag], this.fragNameLength[frag]);
	}

	// ---- text

	/** {@code data[offset, offset + length)} decoded as UTF-8 (malformed bytes become U+FFFD). */
	String string(int offset, int length) {
		return new String(this.data, offset, length, StandardCharsets.UTF_8);
	}

}
