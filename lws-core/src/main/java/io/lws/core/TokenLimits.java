package io.lws.core;

import java.util.Arrays;

/**
 * The longest value the engine accepts per header token: libwebsockets' {@code struct lws_token_limits}, handed to
 * the context as {@code lws_context_creation_info.token_limits}.
 * <p>
 * A limit bounds a token's whole value as {@code lws_hdr_total_length()} measures it: every fragment plus one
 * separator between each. libwebsockets truncates an over-long value with a warning; this engine refuses the
 * request instead (431 for a header, 414 for the URI), because a silently truncated value is worse than no value.
 * Tokens without a limit are bounded only by the header buffer ({@code max_http_header_data}).
 * <p>
 * Instances are immutable and may be shared by every connection of a context.
 */
public final class TokenLimits {

	private static final TokenLimits NONE = new TokenLimits(unlimited());

	/** One entry per {@link HeaderToken#ordinal()}; {@link Integer#MAX_VALUE} means unset. */
	private final int[] limits;

	private TokenLimits(int[] limits) {
		this.limits = limits;
	}

	/**
	 * The longest value accepted for a token, in bytes, or {@link Integer#MAX_VALUE} when no limit is set: the entry
	 * {@code token_limit[WSI_TOKEN_*]} of {@code struct lws_token_limits}.
	 * @param token the header token
	 * @return the limit in bytes
	 */
	public int limit(HeaderToken token) {
		return this.limits[token.ordinal()];
	}

	/**
	 * Limits that bound nothing: what libwebsockets does when {@code token_limits} is {@code NULL}.
	 * @return the shared instance without limits
	 */
	public static TokenLimits none() {
		return NONE;
	}

	/**
	 * A builder starting with no limits set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof TokenLimits) && Arrays.equals(this.limits, ((TokenLimits) other).limits);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.limits);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("TokenLimits{");
		String separator = "";
		for (HeaderToken token : HeaderToken.values()) {
			int limit = limit(token);
			if (limit != Integer.MAX_VALUE) {
				text.append(separator).append(token).append('=').append(limit);
				separator = ", ";
			}
		}
		return text.append('}').toString();
	}

	private static int[] unlimited() {
		int[] limits = new int[HeaderToken.count()];
		Arrays.fill(limits, Integer.MAX_VALUE);
		return limits;
	}

	/**
	 * Collects limits for {@link TokenLimits}; filling in {@code struct lws_token_limits} before creating the
	 * context. Not thread-safe; {@link #build()} may be called more than once.
	 */
	public static final class Builder {

		private final int[] limits = unlimited();

		private Builder() {
		}

		/**
		 * Sets the longest value accepted for a token.
		 * @param token the header token
		 * @param maxLength the limit in bytes, zero or more
		 * @return this builder
		 * @throws IllegalArgumentException if {@code maxLength} is negative
		 */
		public Builder limit(HeaderToken token, int maxLength) {
			if (maxLength < 0) {
				throw new IllegalArgumentException("A token limit must not be negative, got " + maxLength + " for "
						+ token);
			}
			this.limits[token.ordinal()] = maxLength;
			return this;
		}

		/**
		 * Creates the immutable limits.
		 * @return the limits set so far
		 */
		public TokenLimits build() {
			return new TokenLimits(this.limits.clone());
		}

	}

}
