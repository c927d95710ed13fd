package io.lws.core.log;

/**
 * libwebsockets' log levels ({@code LLL_*}), combined as bits in {@link LwsLog#setLogLevel(int, LogEmitter)}. Each is
 * emitted through SLF4J at the level named here unless an emitter of the application's own is set.
 */
public enum LogLevel {

	/** {@code LLL_ERR}: errors (SLF4J ERROR). */
	ERR(1, 'E'),
	/** {@code LLL_WARN}: warnings (SLF4J WARN). */
	WARN(2, 'W'),
	/** {@code LLL_NOTICE}: notable events such as a vhost starting (SLF4J INFO). */
	NOTICE(4, 'N'),
	/** {@code LLL_INFO}: information (SLF4J INFO). */
	INFO(8, 'I'),
	/** {@code LLL_DEBUG}: debugging (SLF4J DEBUG). */
	DEBUG(16, 'D'),
	/** {@code LLL_PARSER}: parser detail (SLF4J TRACE). */
	PARSER(32, 'P'),
	/** {@code LLL_HEADER}: header detail (SLF4J TRACE). */
	HEADER(64, 'H'),
	/** {@code LLL_EXT}: extension detail (SLF4J TRACE). */
	EXT(128, 'X'),
	/** {@code LLL_CLIENT}: client connections (SLF4J DEBUG). */
	CLIENT(256, 'C'),
	/** {@code LLL_LATENCY}: latency measurements (SLF4J TRACE). */
	LATENCY(512, 'L'),
	/** {@code LLL_USER}: the application's own lines (SLF4J INFO). */
	USER(1024, 'U'),
	/** {@code LLL_THREAD}: thread detail (SLF4J TRACE). */
	THREAD(2048, 'T');

	/** The default set: {@code LLL_ERR | LLL_WARN | LLL_NOTICE}. */
	public static final int DEFAULT_BITS = ERR.bit | WARN.bit | NOTICE.bit;

	private final int bit;

	private final char letter;

	LogLevel(int bit, char letter) {
		this.bit = bit;
		this.letter = letter;
	}

	/** The {@code LLL_*} bit. */
	public int bit() {
		return this.bit;
	}

	/** The one-letter tag lws 4.x prints ({@code E W N I D P H X C L U T}). */
	public char letter() {
		return this.letter;
	}

}
