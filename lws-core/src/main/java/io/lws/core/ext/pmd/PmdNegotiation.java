package io.lws.core.ext.pmd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lws.core.ext.ExtensionNegotiationException;
import io.lws.core.ext.ExtensionParameter;

/**
 * permessage-deflate parameter negotiation (RFC 7692 section 7.1) as plain functions: the server's answer to one
 * offer, a client's offer, and a client's check of the server's answer.
 * <p>
 * <b>Server rules.</b> An offer is declined, so that the client's next offer is tried, when it has a parameter RFC
 * 7692 does not define, a parameter twice, a {@code *_no_context_takeover} with a value, a
 * {@code server_max_window_bits} without a value, or a window size that is not 8 to 15 without leading zeros.
 * Otherwise it is accepted:
 * <ul>
 * <li>{@code server_no_context_takeover} is answered when offered or configured (section 7.1.1.1 lets a server add
 * it);</li>
 * <li>{@code client_no_context_takeover} is answered when offered or configured (section 7.1.1.2);</li>
 * <li>{@code server_max_window_bits=N} offered is answered with {@code min(N, configured)}, and the server then
 * compresses with a window of at most that: the JDK's {@code Deflater} always uses a 32 KiB window, so below 15 bits
 * the input is compressed in slices of {@code 2^N} bytes, each ended with a full flush, which resets the compressor's
 * match state, so no back-reference can reach further than {@code 2^N} bytes. That stays RFC-correct for any N at
 * the cost of compression ratio; nothing is declined for it. Not offered, it is not answered (section 7.1.2.1), and
 * the configured window is still honoured the same way;</li>
 * <li>{@code client_max_window_bits} offered (with or without a value) is answered with {@code min(value or 15,
 * configured)} when that is below 15; not offered, it is never answered (section 7.1.2.2), since the server's
 * decompressor takes any window.</li>
 * </ul>
 */
public final class PmdNegotiation {

	public static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";

	public static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";

	public static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";

	public static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

	private PmdNegotiation() {
	}

	/**
	 * A server's acceptance of one offer.
	 *
	 * @param parameters what both ends apply
	 * @param response the parameters of the answer, in the order sent
	 */
	public record Agreement(PmdParameters parameters, List<ExtensionParameter> response) {

		/**
		 * Copies {@code response}.
		 * @param parameters what both ends apply
		 * @param response the parameters of the answer, in the order sent
		 */
		public Agreement {
			response = List.copyOf(response);
		}

	}

	/**
	 * The server's answer to one offer.
	 * @param config the server's configuration
	 * @param offer the offer's parameters
	 * @return the agreement, or {@code null} to decline this offer
	 */
	public static Agreement serverAccept(PerMessageDeflate config, List<ExtensionParameter> offer) {
		Parsed p = parse(offer, true);
		if (p == null) {
			return null;
		}
		boolean snct = p.snct || config.serverNoContextTakeover();
		boolean cnct = p.cnct || config.clientNoContextTakeover();
		int serverBits = (p.serverBits > 0) ? Math.min(p.serverBits, config.serverMaxWindowBits())
				: config.serverMaxWindowBits();
		int clientBits = 15;
		if (p.clientBitsOffered) {
			clientBits = Math.min((p.clientBits > 0) ? p.clientBits : 15, config.clientMaxWindowBits());
		}
		List<ExtensionParameter> response = new ArrayList<>(4);
		if (snct) {
			response.add(ExtensionParameter.of(SERVER_NO_CONTEXT_TAKEOVER));
		}
		if (cnct) {
			response.add(ExtensionParameter.of(CLIENT_NO_CONTEXT_TAKEOVER));
		}
		if (p.serverBits > 0) {
			response.add(ExtensionParameter.of(SERVER_MAX_WINDOW_BITS, Integer.toString(serverBits)));
		}
		if (p.clientBitsOffered && clientBits < 15) {
			response.add(ExtensionParameter.of(CLIENT_MAX_WINDOW_BITS, Integer.toString(clientBits)));
		}
		return new Agreement(new PmdParameters(snct, cnct, serverBits, clientBits), response);
	}

	/**
	 * A client's offer: {@code permessage-deflate} with the configured no-context-takeover requests, a
	 * {@code server_max_window_bits} when the configured one is below 15, and {@code client_max_window_bits} (with the
	 * configured value when below 15) since this client can honour any window the server asks for.
	 */
	public static String clientOffer(PerMessageDeflate config) {
		StringBuilder s = new StringBuilder(PerMessageDeflate.NAME);
		if (config.serverNoContextTakeover()) {
			s.append("; ").append(SERVER_NO_CONTEXT_TAKEOVER);
		}
		if (config.clientNoContextTakeover()) {
			s.append("; ").append(CLIENT_NO_CONTEXT_TAKEOVER);
		}
		if (config.serverMaxWindowBits() < 15) {
			s.append("; ").append(SERVER_MAX_WINDOW_BITS).append('=').append(config.serverMaxWindowBits());
		}
		s.append("; ").append(CLIENT_MAX_WINDOW_BITS);
		if (config.clientMaxWindowBits() < 15) {
			s.append('=').append(config.clientMaxWindowBits());
		}
		return s.toString();
	}

	/**
	 * A client's check of the server's answer to {@link #clientOffer}.
	 * @param config the client's configuration (what it offered)
	 * @param response the parameters of the server's answer
	 * @return what both ends apply
	 * @throws ExtensionNegotiationException when the answer breaks section 7.1: an unknown or repeated parameter, a
	 * window size missing or not 8 to 15, or a {@code server_max_window_bits} larger than the one offered
	 */
	public static PmdParameters clientAccept(PerMessageDeflate config, List<ExtensionParameter> response)
			throws ExtensionNegotiationException {
		Parsed p = parse(response, false);
		if (p == null) {
			throw new ExtensionNegotiationException(
					"HS: EXT: Rejects server options: the permessage-deflate answer " + response + " breaks RFC 7692");
		}
		if (p.serverBits > 0 && config.serverMaxWindowBits() < 15 && p.serverBits > config.serverMaxWindowBits()) {
			throw new ExtensionNegotiationException("HS: EXT: Rejects server options: server_max_window_bits="
					+ p.serverBits + " is more than the " + config.serverMaxWindowBits() + " offered");
		}
		int serverBits = (p.serverBits > 0) ? p.serverBits : 15;
		int clientBits = Math.min((p.clientBits > 0) ? p.clientBits : 15, config.clientMaxWindowBits());
		return new PmdParameters(p.snct, p.cnct || config.clientNoContextTakeover(), serverBits, clientBits);
	}

	/** The parameters read from an offer or an answer; {@code null} when they break section 7.1. */
	private static Parsed parse(List<ExtensionParameter> params, boolean offer) {
		Parsed p = new Parsed();
		Set<String> seen = new HashSet<>();
		for (ExtensionParameter param : params) {
			if (!seen.add(param.name())) {
				return null;
			}
			switch (param.name()) {
				case SERVER_NO_CONTEXT_TAKEOVER -> {
					if (param.hasValue()) {
						return null;
					}
					p.snct = true;
				}
				case CLIENT_NO_CONTEXT_TAKEOVER -> {
					if (param.hasValue()) {
						return null;
					}
					p.cnct = true;
				}
				case SERVER_MAX_WINDOW_BITS -> {
					p.serverBits = windowBits(param.value());
					if (p.serverBits < 0) {
						return null;
					}
				}
				case CLIENT_MAX_WINDOW_BITS -> {
					// in an offer the value is optional; in an answer it is required
					if (!param.hasValue() && !offer) {
						return null;
					}
					p.clientBitsOffered = true;
					if (param.hasValue()) {
						p.clientBits = windowBits(param.value());
						if (p.clientBits < 0) {
							return null;
						}
					}
				}
				default -> {
					return null;
				}
			}
		}
		return p;
	}

	/** 8 to 15 written without leading zeros, else -1. */
	static int windowBits(String value) {
		if (value == null || value.isEmpty() || value.length() > 2 || value.charAt(0) == '0') {
			return -1;
		}
		int bits = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			bits = bits * 10 + (c - '0');
		}
		return (bits >= 8 && bits <= 15) ? bits : -1;
	}

	private static final class Parsed {

		boolean snct;

		boolean cnct;

		/** 0 when absent. */
		int serverBits;

		boolean clientBitsOffered;

		/** 0 when absent or without a value. */
		int clientBits;

	}

}
