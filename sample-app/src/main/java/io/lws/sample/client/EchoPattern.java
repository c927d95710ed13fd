package io.lws.sample.client;

import java.util.SplittableRandom;

/**
 * The bytes of the echo test ({@code --echo}): {@link #BLOCKS} blocks of {@link #BLOCK_SIZE} pseudo-random bytes, the
 * same sequence for every pattern, so the sender and the checker each draw their own copy instead of keeping what was
 * sent. Random bytes are not UTF-8, which is the point: a mirror must relay text unchecked to pass.
 */
final class EchoPattern {

	/** The bytes of one message, as the C test client sends them. */
	static final int BLOCK_SIZE = 3 * 4096;

	/** The number of messages, as the C test client sends them. */
	static final int BLOCKS = 1024;

	/** Any fixed seed: both copies must draw the same bytes. */
	private static final long SEED = 0x6c77732d6563686fL;

	private final SplittableRandom random = new SplittableRandom(SEED);

	/** The next block; blocks are always drawn whole, so every copy draws the same bytes. */
	byte[] nextBlock() {
		byte[] block = new byte[BLOCK_SIZE];
		this.random.nextBytes(block);
		return block;
	}

}
