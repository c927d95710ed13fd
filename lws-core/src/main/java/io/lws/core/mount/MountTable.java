package io.lws.core.mount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A vhost's mounts and the choice among them: libwebsockets' {@code mounts} list of
 * {@code struct lws_context_creation_info} and {@code lws_find_mount()}. Immutable and safe to share between
 * service threads.
 * <p>
 * The rule is libwebsockets': the mount whose mountpoint is the longest prefix of the path, ending where the path ends
 * or at a {@code /}, wins; mountpoint {@code /} matches every path. So {@code /abc} serves {@code /abc} and
 * {@code /abc/x} but not {@code /abcdef}. Callback and CGI mounts hear every method; the others only GET, POST and
 * HEAD, and a request they do not hear falls through to the next shorter mount. Unlike libwebsockets 4.1.6, where a
 * callback mount wins even over a longer mountpoint listed before it, length alone decides here.
 */
public final class MountTable {

	private static final MountTable EMPTY = new MountTable(List.of());

	/** Longest mountpoint first, so the first mount that matches is the answer. */
	private final List<Mount> byLength;

	/** In the order given, for {@link #mounts()}. */
	private final List<Mount> mounts;

	private MountTable(List<Mount> mounts) {
		this.mounts = List.copyOf(mounts);
		List<Mount> sorted = new ArrayList<>(this.mounts);
		sorted.sort(Comparator.comparingInt((Mount mount) -> mount.mountpoint().length()).reversed());
		this.byLength = List.copyOf(sorted);
	}

	/**
	 * A table without mounts: every request goes to the vhost's first protocol, as in libwebsockets.
	 * @return the empty table
	 */
	public static MountTable empty() {
		return EMPTY;
	}

	/**
	 * A table of the given mounts.
	 * @param mounts the mounts, any order
	 * @return the table
	 * @throws IllegalArgumentException if two mounts have the same mountpoint
	 */
	public static MountTable of(Mount... mounts) {
		return of(Arrays.asList(mounts));
	}

	/**
	 * A table of the given mounts.
	 * @param mounts the mounts, any order
	 * @return the table
	 * @throws IllegalArgumentException if two mounts have the same mountpoint
	 */
	public static MountTable of(List<Mount> mounts) {
		Set<String> seen = new HashSet<>();
		for (Mount mount : mounts) {
			Objects.requireNonNull(mount, "mount");
			if (!seen.add(mount.mountpoint())) {
				throw new IllegalArgumentException("Two mounts have the mountpoint " + mount.mountpoint() + ".");
			}
		}
		return mounts.isEmpty() ? EMPTY : new MountTable(mounts);
	}

	/**
	 * The mounts, in the order given.
	 * @return an unmodifiable list
	 */
	public List<Mount> mounts() {
		return this.mounts;
	}

	/**
	 * The mount a request goes to ({@code lws_find_mount()}, plus the trailing-slash test of
	 * {@code lws_http_redirect_hit()}).
	 * @param path the request path as the parser left it: decoded, normalised, without query string
	 * @param method the request method, case-sensitive as HTTP says ({@code GET}, not {@code get})
	 * @return the match, or {@code null} when no mount serves the path (also for a path not starting with {@code /},
	 * such as {@code *}); libwebsockets then hands the request to the vhost's first protocol
	 */
	public MountMatch match(String path, String method) {
		Objects.requireNonNull(path, "path");
		if (!path.startsWith("/")) {
			return null;
		}
		for (Mount mount : this.byLength) {
			if (coversPath(mount.mountpoint(), path) && hears(mount.originProtocol(), method)) {
				return matchOf(mount, path);
			}
		}
		return null;
	}

	private static boolean coversPath(String mountpoint, String path) {
		if (!path.startsWith(mountpoint)) {
			return false;
		}
		int end = mountpoint.length();
		return end == 1 || path.length() == end || path.charAt(end) == '/';
	}

	private static boolean hears(MountOrigin origin, String method) {
		return origin.matchesAnyMethod() || "GET".equals(method) || "POST".equals(method) || "HEAD".equals(method);
	}

	private static MountMatch matchOf(Mount mount, String path) {
		String mountpoint = mount.mountpoint();
		String remainder = (mountpoint.length() == 1) ? path : path.substring(mountpoint.length());
		boolean redirect = mount.originProtocol() == MountOrigin.FILE && mountpoint.length() > 1
				&& remainder.isEmpty();
		return new MountMatch(mount, remainder, redirect);
	}

	@Override
	public String toString() {
		return this.mounts.stream().map(Mount::toString).collect(Collectors.joining(", ", "MountTable[", "]"));
	}

}
