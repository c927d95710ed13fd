package io.lws.core.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code date} header's value: the current time as RFC 9110 section 5.6.7's IMF-fixdate
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), formatted once a second and shared by every service thread, since an
 * origin server with a clock must send it on 2xx, 3xx and 4xx answers (section 6.6.1). libwebsockets sends none.
 */
public final class HttpDate {

	/** The length of every IMF-fixdate from year 1000 to 9999. */
	public static final int LENGTH = 29;

	private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** A second and its text, replaced as a whole so that another thread never sees one without the other. */
	private record Stamp(long second, byte[] text) {
	}

	private static volatile Stamp last = new Stamp(Long.MIN_VALUE, new byte[0]);

	private HttpDate() {
	}

	/**
	 * The current time's IMF-fixdate, as US-ASCII bytes; the caller must not change them.
	 * @return {@link #LENGTH} bytes
	 */
	public static byte[] now() {
		return at(System.currentTimeMillis());
	}

	/** The IMF-fixdate of {@code millis} since the epoch, cached for its second. */
	static byte[] at(long millis) {
		long second = Math.floorDiv(millis, 1000L);
		Stamp s = last;
		if (s.second() != second) {
			s = new Stamp(second,
					IMF_FIXDATE.format(Instant.ofEpochSecond(second)).getBytes(StandardCharsets.US_ASCII));
			last = s;
		}
		return s.text();
	}

}
