package io.lws.sample.client;

import java.nio.ByteBuffer;

/**
 * The receiving half of the echo test: compares the byte stream that comes back with the {@link EchoPattern}, byte by
 * byte and in order, whatever the message boundaries (a mirror may relay a message whole or in pieces). It stops at
 * the first difference, which it describes.
 */
final class EchoCheck {

	private final EchoPattern expected = new EchoPattern();

	private byte[] block;

	/** Whole blocks received. */
	private int blocks;

	/** Bytes of the current block received. */
	private int offset;

	private String mismatch;

	/**
	 * Checks the bytes that arrived.
	 * @return {@code null} while everything matches, else the first difference (also for bytes beyond the end)
	 */
	String accept(ByteBuffer in) {
		while (this.mismatch == null && in.hasRemaining()) {
			if (this.blocks == EchoPattern.BLOCKS) {
				this.mismatch = in.remaining() + " bytes more than were sent came back";
				break;
			}
			if (this.block == null) {
				this.block = this.expected.nextBlock();
			}
			byte got = in.get();
			byte sent = this.block[this.offset];
			if (got != sent) {
				this.mismatch = String.format("mismatch at block %d offset %d: sent 0x%02x, got 0x%02x", this.blocks,
						this.offset, sent & 0xFF, got & 0xFF);
				break;
			}
			if (++this.offset == EchoPattern.BLOCK_SIZE) {
				this.blocks++;
				this.offset = 0;
				this.block = null;
			}
		}
		return this.mismatch;
	}

	/** Whether every byte has come back. */
	boolean complete() {
		return this.mismatch == null && this.blocks == EchoPattern.BLOCKS;
	}

}
