package io.lws.core.mount;

/**
 * The defensive check every {@link FileOps} applies to the path it is asked to open. The request parser already
 * normalises paths; this is the second lock on the door, so that a parser bug or a caller outside the HTTP server
 * cannot walk out of a mount.
 */
final class RelativePaths {

	private RelativePaths() {
	}

	/**
	 * The path without its leading {@code /}, or {@code null} if it must not be opened: it contains NUL, another
	 * control character or a backslash (a separator on Windows), or a segment that is empty, {@code .} or {@code ..}.
	 * @param path the path asked for
	 * @return the relative path ({@code ""} for the root), or {@code null} to refuse
	 */
	static String sanitise(String path) {
		if (path == null) {
			return null;
		}
		String relative = path.startsWith("/") ? path.substring(1) : path;
		if (relative.isEmpty()) {
			return relative;
		}
		int segmentStart = 0;
		for (int i = 0; i <= relative.length(); i++) {
			char c = (i < relative.length()) ? relative.charAt(i) : '/';
			if (c < 0x20 || c == 0x7f || c == '\\') {
				return null;
			}
			if (c == '/') {
				if (isEmptyOrDots(relative, segmentStart, i)) {
					return null;
				}
				segmentStart = i + 1;
			}
		}
		return relative;
	}

	/** Whether {@code s[from, to)} is a segment that must not be opened: empty, {@code .} or {@code ..}. */
	private static boolean isEmptyOrDots(String s, int from, int to) {
		int n = to - from;
		return n == 0 || (n <= 2 && s.charAt(from) == '.' && (n == 1 || s.charAt(from + 1) == '.'));
	}

}
