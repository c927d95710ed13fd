package io.lws.core.ws;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * Masking keys for a client's frames: RFC 6455 section 5.3 asks for a fresh key per frame that the server (and
 * anything between) cannot predict, "derived from a strong source of entropy". Keys come from a {@link SecureRandom}
 * in batches, so a frame costs an array read rather than a call into the random source.
 * <p>
 * Not thread-safe: one per service thread.
 */
public final class MaskKeys {

	private static final int BATCH = 64;

	/** Made on first use, so a thread with no client connection never seeds one. */
	private SecureRandom random;

	private final ByteBuffer batch = ByteBuffer.allocate(BATCH * 4);

	/** A source that fills its first batch on first use. */
	public MaskKeys() {
		this.batch.position(this.batch.limit());
	}

	/**
	 * The next key.
	 * @return four random bytes, the first in the high 8 bits as {@link FrameWriter#writeHeader} takes it
	 */
	public int next() {
		if (!this.batch.hasRemaining()) {
			if (this.random == null) {
				this.random = new SecureRandom();
			}
			this.random.nextBytes(this.batch.array());
			this.batch.clear();
		}
		return this.batch.getInt();
	}

}
