package io.lws.core.ws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * Applies a masking key to payload bytes in place (RFC 6455 section 5.3). Masking and unmasking are the same XOR, so
 * both the client writer and the server receiver use this.
 */
final class PayloadMasker {

	/** Longs in a byte array, in the platform's order: plain loads and stores once compiled. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.nativeOrder());

	/** Below this many bytes a direct buffer is masked in place: the bulk copies do not pay for themselves. */
	private static final int SMALL_DIRECT = 128;

	/** Where a direct buffer's longs are masked: 4 KiB and a few views per thread. */
	private static final ThreadLocal<DirectMaskScratch> SCRATCH = ThreadLocal.withInitial(DirectMaskScratch::new);

	private PayloadMasker() {
	}

	/**
	 * XORs bytes at absolute indexes {@code from} to {@code to} with the masking key, without moving the buffer's
	 * position or limit.
	 * @param buffer the bytes, writable
	 * @param from the first index
	 * @param to the index after the last
	 * @param maskKey the 4 key bytes, the first one sent in the high 8 bits
	 * @param offsetInFrame the offset in the frame's payload of the byte at {@code from}, which picks the key byte
	 */
	static void mask(ByteBuffer buffer, int from, int to, int maskKey, long offsetInFrame) {
		if (maskKey == 0) {
			// A zero key is legal and leaves the bytes as they are.
			return;
		}
		// Rotate so that the key's first (high) byte is the one for the byte at 'from'.
		int key = Integer.rotateLeft(maskKey, 8 * (int) (offsetInFrame & 3));
		// The key twice, as a long loaded in the platform's byte order from memory holding k0 k1 k2 k3 k0 k1 k2 k3.
		long bigEndianKey = ((key & 0xFFFFFFFFL) << 32) | (key & 0xFFFFFFFFL);
		long nativeKey = (ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN) ? bigEndianKey
				: Long.reverseBytes(bigEndianKey);
		int i;
		// Heap and direct buffers take separate loops: one loop seeing both kinds runs at half the speed of either.
		if (buffer.hasArray()) {
			i = maskArray(buffer.array(), buffer.arrayOffset(), from, to, nativeKey);
		}
		else {
			i = maskDirect(buffer, from, to, nativeKey);
		}
		for (int k = 0; i < to; i++, k++) {
			buffer.put(i, (byte) (buffer.get(i) ^ (key >>> (24 - 8 * (k & 3)))));
		}
	}

	/**
	 * Masks a direct buffer's longs in a per-thread array ({@link DirectMaskScratch}): bulk copies and a plain array
	 * loop, which the JIT vectorises, run at about twice the speed of a loop of bound-checked {@code getLong} and
	 * {@code putLong} on the buffer. Returns the index of the first byte left (fewer than 8).
	 */
	private static int maskDirect(ByteBuffer buffer, int from, int to, long nativeKey) {
		int i = from;
		if (to - from < SMALL_DIRECT) {
			long key = (buffer.order() == ByteOrder.nativeOrder()) ? nativeKey : Long.reverseBytes(nativeKey);
			for (; i + Long.BYTES <= to; i += Long.BYTES) {
				buffer.putLong(i, buffer.getLong(i) ^ key);
			}
			return i;
		}
		DirectMaskScratch scratch = SCRATCH.get();
		long[] longs = scratch.longs;
		LongBuffer view = scratch.view(buffer, i);
		int index = i >>> 3;
		while (to - i >= Long.BYTES) {
			int n = Math.min((to - i) >>> 3, longs.length);
			view.get(index, longs, 0, n);
			for (int k = 0; k < n; k++) {
				longs[k] ^= nativeKey;
			}
			view.put(index, longs, 0, n);
			index += n;
			i += n * Long.BYTES;
		}
		return i;
	}

	/**
	 * A service thread's array for masking direct buffers, and the long views of the last few direct buffers it
	 * masked (one for each of the 8 possible alignments of a payload's first byte). The views are made once per
	 * buffer: a server reads every frame into the same buffer, and a client's frames alternate between a few pooled
	 * output buffers, so masking allocates nothing once warm. Only more buffers than {@link #BUFFERS} in turn make
	 * views again.
	 */
	private static final class DirectMaskScratch {

		/** Buffers whose views are kept; the oldest makes way. */
		static final int BUFFERS = 4;

		final long[] longs = new long[512];

		private final ByteBuffer[] viewed = new ByteBuffer[BUFFERS];

		private final LongBuffer[][] views = new LongBuffer[BUFFERS][Long.BYTES];

		/** The slot the next new buffer takes. */
		private int next;

		/** A native-order long view of {@code buffer} whose long 0 starts at the byte {@code from & 7}. */
		LongBuffer view(ByteBuffer buffer, int from) {
			int slot = slotOf(buffer);
			int alignment = from & 7;
			LongBuffer view = this.views[slot][alignment];
			if (view == null) {
				view = buffer.duplicate().clear().position(alignment).slice().order(ByteOrder.nativeOrder())
					.asLongBuffer();
				this.views[slot][alignment] = view;
			}
			return view;
		}

		private int slotOf(ByteBuffer buffer) {
			for (int slot = 0; slot < BUFFERS; slot++) {
				if (this.viewed[slot] == buffer) {
					return slot;
				}
			}
			int slot = this.next;
			this.next = (slot + 1) % BUFFERS;
			this.viewed[slot] = buffer;
			java.util.Arrays.fill(this.views[slot], null);
			return slot;
		}

	}

	/**
	 * Eight bytes at a time (the key repeats every 4 bytes, so a step of 8 keeps it aligned), four longs per turn, on a
	 * heap buffer's array. Returns the index of the first byte left (fewer than 8).
	 */
	private static int maskArray(byte[] array, int arrayOffset, int from, int to, long wideKey) {
		int i = arrayOffset + from;
		int end = arrayOffset + to;
		for (; i + 4 * Long.BYTES <= end; i += 4 * Long.BYTES) {
			LONGS.set(array, i, (long) LONGS.get(array, i) ^ wideKey);
			LONGS.set(array, i + 8, (long) LONGS.get(array, i + 8) ^ wideKey);
			LONGS.set(array, i + 16, (long) LONGS.get(array, i + 16) ^ wideKey);
			LONGS.set(array, i + 24, (long) LONGS.get(array, i + 24) ^ wideKey);
		}
		for (; i + Long.BYTES <= end; i += Long.BYTES) {
			LONGS.set(array, i, (long) LONGS.get(array, i) ^ wideKey);
		}
		return i - arrayOffset;
	}

}
