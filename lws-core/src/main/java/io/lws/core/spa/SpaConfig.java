package io.lws.core.spa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link Spa} keeps and how much it accepts: the {@code param_names}, {@code count_params} and
 * {@code max_storage} arguments of libwebsockets' {@code lws_spa_create()} (4.x: {@code struct lws_spa_create_info}),
 * plus the limits libwebsockets lacks. Immutable; build with {@link #builder()}.
 * <p>
 * libwebsockets has one byte budget, {@code max_storage}, shared by all values. Here that is
 * {@link #maxStorage()}, and {@link #maxValueLength()} also caps each value, so one long field cannot starve the
 * others. File parts are not stored and so not counted; {@link #maxFileSize()} bounds each file instead.
 */
public final class SpaConfig {

	/** Bytes kept of one value unless told otherwise: what the libwebsockets POST demo gives its storage. */
	public static final int DEFAULT_MAX_VALUE_LENGTH = 1024;

	/** Bytes kept of all values together unless told otherwise. */
	public static final int DEFAULT_MAX_STORAGE = 8 * 1024;

	/** Parts accepted in one multipart body unless told otherwise. */
	public static final int DEFAULT_MAX_PARTS = 128;

	/**
	 * Bytes of header section accepted per part unless told otherwise: room for a long UTF-8 file name and a
	 * {@code Content-Type} line, far less than a request head's {@code max_http_header_data} of 4096.
	 */
	public static final int DEFAULT_MAX_PART_HEADER_SIZE = 2048;

	/** The smallest part header limit: a {@code Content-Disposition} line naming a short field must fit. */
	static final int MIN_PART_HEADER_SIZE = 64;

	private final List<String> paramNames;

	private final int maxValueLength;

	private final int maxStorage;

	private final long maxFileSize;

	private final int maxParts;

	private final int maxPartHeaderSize;

	private SpaConfig(Builder builder) {
		this.paramNames = List.copyOf(builder.paramNames);
		this.maxValueLength = builder.maxValueLength;
		this.maxStorage = builder.maxStorage;
		this.maxFileSize = builder.maxFileSize;
		this.maxParts = builder.maxParts;
		this.maxPartHeaderSize = builder.maxPartHeaderSize;
	}

	/**
	 * A builder with no parameter names and the default limits.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder starting from this configuration.
	 * @return a new builder holding this configuration's settings
	 */
	public Builder toBuilder() {
		return new Builder().paramNames(this.paramNames)
			.maxValueLength(this.maxValueLength)
			.maxStorage(this.maxStorage)
			.maxFileSize(this.maxFileSize)
			.maxParts(this.maxParts)
			.maxPartHeaderSize(this.maxPartHeaderSize);
	}

	/**
	 * The names of the values to keep, libwebsockets' {@code param_names}; values of other names are read and
	 * dropped.
	 * @return the names, distinct and non-empty, in the order given
	 */
	public List<String> paramNames() {
		return this.paramNames;
	}

	/**
	 * The most bytes kept of one value; the rest is dropped and the value flagged as truncated. libwebsockets has no
	 * such cap: one value may take all of {@code max_storage}.
	 * @return at least 1
	 */
	public int maxValueLength() {
		return this.maxValueLength;
	}

	/**
	 * The most bytes kept of all values together, libwebsockets' {@code max_storage}; a value that does not fit in
	 * what is left is truncated and flagged.
	 * @return at least 0
	 */
	public int maxStorage() {
		return this.maxStorage;
	}

	/**
	 * The largest file part in bytes; a larger one is abandoned with {@link FileUploadState#CLOSE} and the body
	 * refused with 413. libwebsockets leaves this to the upload callback (its POST demo gives up past 100 000 bytes).
	 * @return the limit, 0 for none
	 */
	public long maxFileSize() {
		return this.maxFileSize;
	}

	/**
	 * The most parts accepted in one multipart body; the next one is refused with 413. libwebsockets has no such
	 * limit.
	 * @return at least 1
	 */
	public int maxParts() {
		return this.maxParts;
	}

	/**
	 * The most bytes of header section accepted for one part, line ends and the empty line included; a larger one
	 * is refused with 400. libwebsockets has no setting for it.
	 * @return at least 64
	 */
	public int maxPartHeaderSize() {
		return this.maxPartHeaderSize;
	}

	@Override
	public String toString() {
		return "SpaConfig[paramNames=" + this.paramNames + ", maxValueLength=" + this.maxValueLength + ", maxStorage="
				+ this.maxStorage + ", maxFileSize=" + this.maxFileSize + ", maxParts=" + this.maxParts
				+ ", maxPartHeaderSize=" + this.maxPartHeaderSize + "]";
	}

	/** Builds a {@link SpaConfig}; each setter returns the builder. */
	public static final class Builder {

		private List<String> paramNames = List.of();

		private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;

		private int maxStorage = DEFAULT_MAX_STORAGE;

		private long maxFileSize;

		private int maxParts = DEFAULT_MAX_PARTS;

		private int maxPartHeaderSize = DEFAULT_MAX_PART_HEADER_SIZE;

		private Builder() {
		}

		/**
		 * Sets the names of the values to keep (default none), replacing any set before.
		 * @param names the names
		 * @return this builder
		 */
		public Builder paramNames(String... names) {
			return paramNames(Arrays.asList(names));
		}

		/**
		 * Sets the names of the values to keep (default none), replacing any set before.
		 * @param names the names
		 * @return this builder
		 */
		public Builder paramNames(Collection<String> names) {
			this.paramNames = new ArrayList<>(names);
			return this;
		}

		/**
		 * Sets the most bytes kept of one value (default 1024).
		 * @param maxValueLength at least 1
		 * @return this builder
		 */
		public Builder maxValueLength(int maxValueLength) {
			this.maxValueLength = maxValueLength;
			return this;
		}

		/**
		 * Sets the most bytes kept of all values together (default 8192).
		 * @param maxStorage at least 0
		 * @return this builder
		 */
		public Builder maxStorage(int maxStorage) {
			this.maxStorage = maxStorage;
			return this;
		}

		/**
		 * Sets the largest file part in bytes (default 0, no limit).
		 * @param maxFileSize the limit, 0 for none
		 * @return this builder
		 */
		public Builder maxFileSize(long maxFileSize) {
			this.maxFileSize = maxFileSize;
			return this;
		}

		/**
		 * Sets the most parts accepted in one multipart body (default 128).
		 * @param maxParts at least 1
		 * @return this builder
		 */
		public Builder maxParts(int maxParts) {
			this.maxParts = maxParts;
			return this;
		}

		/**
		 * Sets the most bytes of header section accepted for one part (default 2048).
		 * @param maxPartHeaderSize at least 64
		 * @return this builder
		 */
		public Builder maxPartHeaderSize(int maxPartHeaderSize) {
			this.maxPartHeaderSize = maxPartHeaderSize;
			return this;
		}

		/**
		 * Builds the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException if a name is null, empty or repeated, or a limit is out of range
		 */
		public SpaConfig build() {
			Set<String> seen = new HashSet<>();
			for (String name : this.paramNames) {
				if (name == null || name.isEmpty()) {
					throw new IllegalArgumentException("A parameter name is null or empty in " + this.paramNames);
				}
				if (!seen.add(name)) {
					throw new IllegalArgumentException("The parameter name \"" + name + "\" is given twice");
				}
			}
			check("maxValueLength", this.maxValueLength, 1);
			check("maxStorage", this.maxStorage, 0);
			check("maxFileSize", this.maxFileSize, 0);
			check("maxParts", this.maxParts, 1);
			check("maxPartHeaderSize", this.maxPartHeaderSize, MIN_PART_HEADER_SIZE);
			return new SpaConfig(this);
		}

		private static void check(String name, long value, long min) {
			if (value < min) {
				throw new IllegalArgumentException(name + " must be at least " + min + " but was " + value);
			}
		}

	}

}
