package io.lws.core.log;

/**
 * Where log lines go when the application takes them over: the {@code func} argument of {@code lws_set_log_level}.
 */
@FunctionalInterface
public interface LogEmitter {

	/**
	 * Emits one line.
	 * @param level the line's level
	 * @param line the text, without a timestamp (use {@link LwsLog#timestamp(LogLevel)} to add one)
	 */
	void emit(LogLevel level, String line);

}
