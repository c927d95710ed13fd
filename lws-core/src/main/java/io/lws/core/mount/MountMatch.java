package io.lws.core.mount;

import java.util.Objects;

/**
 * The answer of {@link MountTable#match(String, String)}: which mount a request path hit and what is left of the path
 * after the mountpoint. libwebsockets keeps the same facts in locals of {@code lws_http_action()}.
 *
 * @param mount the mount hit
 * @param remainder the path after the mountpoint: {@code ""} when the path is the mountpoint itself, otherwise
 * starting with {@code /} (for the {@code /} mount it is the whole path). libwebsockets drops the slash for the
 * {@code /} mount only; we keep one shape for every mount.
 * @param needsTrailingSlashRedirect whether the engine must answer {@code 301} to {@link #trailingSlashLocation()}
 * instead of serving: a {@link MountOrigin#FILE} mount other than {@code /} asked for without its trailing slash,
 * so that relative links in its default document resolve inside the mount ({@code lws_http_redirect_hit()})
 */
public record MountMatch(Mount mount, String remainder, boolean needsTrailingSlashRedirect) {

	/**
	 * Checks the components.
	 * @param mount the mount hit
	 * @param remainder the path after the mountpoint
	 * @param needsTrailingSlashRedirect whether a trailing-slash redirect is due
	 */
	public MountMatch {
		Objects.requireNonNull(mount, "mount");
		Objects.requireNonNull(remainder, "remainder");
		if (!remainder.isEmpty() && !remainder.startsWith("/")) {
			throw new IllegalArgumentException("remainder must be empty or start with '/', got \"" + remainder + "\".");
		}
	}

	/**
	 * The path the trailing-slash redirect points to: the mountpoint plus {@code /}. libwebsockets prefixes
	 * {@code http[s]://} and the {@code host} header; a relative {@code location} (RFC 9110 section 10.2.2) needs
	 * neither.
	 * @return the path to redirect to
	 * @throws IllegalStateException if no trailing-slash redirect is due
	 */
	public String trailingSlashLocation() {
		if (!this.needsTrailingSlashRedirect) {
			throw new IllegalStateException("No trailing-slash redirect is due for " + this.mount + ".");
		}
		return this.mount.mountpoint() + "/";
	}

}
