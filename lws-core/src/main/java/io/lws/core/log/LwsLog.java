package io.lws.core.log;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's logging: {@code lws_set_log_level}, {@code lwsl_timestamp} and the {@code lwsl_*} macros. By default
 * lines go to SLF4J (logger {@code io.lws.core}) so the application's logging configuration decides where they end
 * up; the {@code LLL_*} mask filters before SLF4J is asked, so disabled levels cost a bit test.
 */
public final class LwsLog {

	private static final Logger logger = LoggerFactory.getLogger("io.lws.core");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss:");

	private static volatile int mask = LogLevel.DEFAULT_BITS;

	private static volatile LogEmitter emitter;

	private LwsLog() {
	}

	/**
	 * {@code lws_set_log_level}: which levels are emitted, and where.
	 * @param levelBits {@code LLL_*} bits OR-ed together ({@link LogLevel#bit()})
	 * @param logEmitter where lines go, or {@code null} for SLF4J
	 */
	public static void setLogLevel(int levelBits, LogEmitter logEmitter) {
		mask = levelBits;
		emitter = logEmitter;
	}

	/** The current {@code LLL_*} bits. */
	public static int logLevel() {
		return mask;
	}

	/** Whether lines of {@code level} are emitted. */
	public static boolean isEnabled(LogLevel level) {
		if ((mask & level.bit()) == 0) {
			return false;
		}
		return emitter != null || slf4jEnabled(level);
	}

	/**
	 * {@code lwsl_timestamp}: the prefix libwebsockets 4.x puts before a line, e.g.
	 * {@code [2026/12/01 13:37:00:1234] N: }.
	 */
	public static String timestamp(LogLevel level) {
		LocalDateTime now = LocalDateTime.now();
		return "[" + STAMP.format(now) + String.format("%04d", now.getNano() / 100_000) + "] " + level.letter() + ": ";
	}

	/** Logs at {@code level} (SLF4J-style {@code {}} placeholders) when enabled. */
	public static void log(LogLevel level, String format, Object... args) {
		if ((mask & level.bit()) == 0) {
			return;
		}
		LogEmitter e = emitter;
		if (e != null) {
			e.emit(level, org.slf4j.helpers.MessageFormatter.arrayFormat(format, args).getMessage());
			return;
		}
		switch (level) {
			case ERR -> logger.error(format, args);
			case WARN -> logger.warn(format, args);
			case NOTICE, INFO, USER -> logger.info(format, args);
			case DEBUG, CLIENT -> logger.debug(format, args);
			default -> logger.trace(format, args);
		}
	}

	/** {@code lwsl_err}. */
	public static void err(String format, Object... args) {
		log(LogLevel.ERR, format, args);
	}

	/** {@code lwsl_warn}. */
	public static void warn(String format, Object... args) {
		log(LogLevel.WARN, format, args);
	}

	/** {@code lwsl_notice}. */
	public static void notice(String format, Object... args) {
		log(LogLevel.NOTICE, format, args);
	}

	/** {@code lwsl_info}. */
	public static void info(String format, Object... args) {
		log(LogLevel.INFO, format, args);
	}

	/** {@code lwsl_debug}. */
	public static void debug(String format, Object... args) {
		log(LogLevel.DEBUG, format, args);
	}

	/**
	 * An emitter that appends timestamped lines to a file, as {@code log_filepath} does, and also passes them on to
	 * {@code next} (or SLF4J when {@code null}).
	 * @param file the file to append to (created if missing)
	 * @return the emitter
	 * @throws IOException when the file cannot be opened for appending
	 */
	public static LogEmitter fileEmitter(Path file, LogEmitter next) throws IOException {
		Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND, StandardOpenOption.WRITE);
		return (level, line) -> {
			synchronized (writer) {
				try {
					writer.write(timestamp(level) + line + System.lineSeparator());
					writer.flush();
				}
				catch (IOException ex) {
					logger.warn("Cannot append to log file {}: {}", file, ex.getMessage());
				}
			}
			if (next != null) {
				next.emit(level, line);
			}
			else {
				logger.info("{}", line);
			}
		};
	}

	private static boolean slf4jEnabled(LogLevel level) {
		return switch (level) {
			case ERR -> logger.isErrorEnabled();
			case WARN -> logger.isWarnEnabled();
			case NOTICE, INFO, USER -> logger.isInfoEnabled();
			case DEBUG, CLIENT -> logger.isDebugEnabled();
			default -> logger.isTraceEnabled();
		};
	}

}
