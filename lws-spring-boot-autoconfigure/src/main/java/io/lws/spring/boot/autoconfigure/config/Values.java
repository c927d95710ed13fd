package io.lws.spring.boot.autoconfigure.config;

import java.time.Duration;
import java.util.Locale;

import io.lws.core.ServerOption;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * Turns property values into the integers libwebsockets' creation info holds, refusing values it cannot hold with a
 * message naming the key.
 */
final class Values {

	private Values() {
	}

	/** An int at least {@code min}. */
	static int atLeast(String key, int value, int min) {
		if (value < min) {
			throw new InvalidLwsConfigurationException(key, "must be at least " + min + ", not " + value,
					"Set " + key + " to " + min + " or more.");
		}
		return value;
	}

	/** A size in bytes, at least {@code min} bytes, that fits an int. */
	static int bytes(String key, @Nullable DataSize size, long min) {
		long bytes = (size != null) ? size.toBytes() : 0;
		if (bytes < min) {
			throw new InvalidLwsConfigurationException(key, "must be at least " + min + "B, not " + bytes + "B",
					"Set " + key + " to " + min + "B or more.");
		}
		if (bytes > Integer.MAX_VALUE) {
			throw new InvalidLwsConfigurationException(key, "must be at most " + Integer.MAX_VALUE + "B, not "
					+ bytes + "B", "Set " + key + " to a smaller size.");
		}
		return (int) bytes;
	}

	/**
	 * Whole seconds, at least {@code minSeconds}: libwebsockets' timeouts have one-second granularity, so a
	 * fraction of a second is refused rather than silently rounded.
	 */
	static int seconds(String key, @Nullable Duration duration, int minSeconds) {
		Duration d = (duration != null) ? duration : Duration.ZERO;
		if (d.isNegative()) {
			throw new InvalidLwsConfigurationException(key, "must not be negative, not " + d.getSeconds() + "s"
					+ ((d.getNano() != 0) ? " and a fraction" : ""), "Set " + key + " to " + minSeconds + "s or more.");
		}
		if (d.getNano() != 0) {
			throw new InvalidLwsConfigurationException(key, "must be a whole number of seconds, not " + d,
					"Write " + key + " in seconds, such as 5s.");
		}
		if (d.getSeconds() < minSeconds) {
			throw new InvalidLwsConfigurationException(key, "must be at least " + minSeconds + "s, not "
					+ d.getSeconds() + "s", "Set " + key + " to " + minSeconds + "s or more.");
		}
		if (d.getSeconds() > Integer.MAX_VALUE) {
			throw new InvalidLwsConfigurationException(key, "is too long: " + d, "Set " + key + " to a shorter time.");
		}
		return (int) d.getSeconds();
	}

	/** An option as the properties write it: {@code DISABLE_IPV6} as {@code disable-ipv6}. */
	static String optionName(ServerOption option) {
		return option.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
