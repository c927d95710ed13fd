package io.lws.core.ext.pmd;

/**
 * The agreed parameters of permessage-deflate on one connection (RFC 7692 section 7.1), as both ends apply them.
 *
 * @param serverNoContextTakeover the server resets its compressor after each message, so the client may reset its
 * decompressor
 * @param clientNoContextTakeover the client resets its compressor after each message, so the server may reset its
 * decompressor
 * @param serverMaxWindowBits the largest LZ77 window, as a power of two, the server compresses with (8 to 15)
 * @param clientMaxWindowBits the largest LZ77 window the client compresses with (8 to 15)
 */
public record PmdParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int serverMaxWindowBits,
		int clientMaxWindowBits) {

	/** The parameters when an offer and its answer carry none: context takeover both ways, 32 KiB windows. */
	public static final PmdParameters DEFAULTS = new PmdParameters(false, false, 15, 15);

	/**
	 * Checks that both window sizes are 8 to 15.
	 * @param serverNoContextTakeover whether the server resets its compressor after each message
	 * @param clientNoContextTakeover whether the client resets its compressor after each message
	 * @param serverMaxWindowBits the largest LZ77 window the server compresses with (8 to 15)
	 * @param clientMaxWindowBits the largest LZ77 window the client compresses with (8 to 15)
	 */
	public PmdParameters {
		PerMessageDeflate.checkWindowBits("serverMaxWindowBits", serverMaxWindowBits);
		PerMessageDeflate.checkWindowBits("clientMaxWindowBits", clientMaxWindowBits);
	}

}
