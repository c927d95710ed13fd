package io.lws.core.mount;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One mount of a vhost's URL space: libwebsockets' {@code struct lws_http_mount}. Immutable; made with
 * {@link #builder()}, whose {@link Builder#build()} checks every field.
 * <p>
 * A mount says that requests whose path starts with {@link #mountpoint()} go to {@link #origin()}, handled as
 * {@link #originProtocol()} says: files from a directory or the class path, a redirect, or a named protocol's
 * callback. {@link MountTable} chooses the mount for a request.
 * <p>
 * Fields of the C struct left out for now: {@code interpret}, {@code cgi_timeout}, {@code auth_mask} and
 * {@code basic_auth_login_file}.
 */
public final class Mount {

	/** The default document of libwebsockets when a mount's {@code def} is NULL. */
	public static final String DEFAULT_DOCUMENT = "index.html";

	private final String mountpoint;

	private final MountOrigin originProtocol;

	private final String origin;

	private final String defaultDocument;

	private final int cacheMaxAge;

	private final boolean cacheReusable;

	private final boolean cacheRevalidate;

	private final boolean cacheIntermediaries;

	/** Keys normalised to a lower-case suffix starting with '.', or "*"; in the order given. */
	private final Map<String, String> extraMimeTypes;

	private final Map<String, String> cgiEnv;

	private final boolean followSymlinksOutside;

	private final boolean refuseUnknownMimeTypes;

	/** The {@code cache-control} value of this mount's files, made once: every file answer sends it. */
	private final String cacheControl;

	private Mount(Builder builder, Map<String, String> extraMimeTypes, Map<String, String> cgiEnv) {
		this.mountpoint = builder.mountpoint;
		this.originProtocol = builder.originProtocol;
		this.origin = builder.origin;
		this.defaultDocument = builder.defaultDocument;
		this.cacheMaxAge = builder.cacheMaxAge;
		this.cacheReusable = builder.cacheReusable;
		this.cacheRevalidate = builder.cacheRevalidate;
		this.cacheIntermediaries = builder.cacheIntermediaries;
		this.extraMimeTypes = extraMimeTypes;
		this.cgiEnv = cgiEnv;
		this.followSymlinksOutside = builder.followSymlinksOutside;
		this.refuseUnknownMimeTypes = builder.refuseUnknownMimeTypes;
		this.cacheControl = HttpCaching.cacheControl(this);
	}

	/**
	 * A builder with libwebsockets' defaults: default document {@value #DEFAULT_DOCUMENT}, no caching, symbolic
	 * links kept inside the mount, unknown file types served as {@code application/octet-stream}.
	 * @return a new builder
	 */
	/**
	 * Starts a mount definition with its three essential members.
	 * @param mountpoint where the mount sits in the URL space, e.g. {@code /} or {@code /app}
	 * @param originProtocol how it is served
	 * @param origin what serves it: a directory, a redirect target or a protocol name
	 * @return a builder
	 */
	public static Builder builder(String mountpoint, MountOrigin originProtocol, String origin) {
		return builder().mountpoint(mountpoint).originProtocol(originProtocol).origin(origin);
	}

	/**
	 * Starts a mount definition with nothing set.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this mount's fields, to derive a changed copy.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.mountpoint = this.mountpoint;
		builder.originProtocol = this.originProtocol;
		builder.origin = this.origin;
		builder.defaultDocument = this.defaultDocument;
		builder.cacheMaxAge = this.cacheMaxAge;
		builder.cacheReusable = this.cacheReusable;
		builder.cacheRevalidate = this.cacheRevalidate;
		builder.cacheIntermediaries = this.cacheIntermediaries;
		builder.extraMimeTypes.putAll(this.extraMimeTypes);
		builder.cgiEnv.putAll(this.cgiEnv);
		builder.followSymlinksOutside = this.followSymlinksOutside;
		builder.refuseUnknownMimeTypes = this.refuseUnknownMimeTypes;
		return builder;
	}

	/**
	 * The path prefix this mount serves ({@code mountpoint}): starts with {@code /} and, unless it is {@code /}
	 * itself, does not end with one.
	 * @return the mountpoint
	 */
	public String mountpoint() {
		return this.mountpoint;
	}

	/**
	 * How requests are handled ({@code origin_protocol}).
	 * @return the origin protocol
	 */
	public MountOrigin originProtocol() {
		return this.originProtocol;
	}

	/**
	 * Where requests go ({@code origin}): for {@link MountOrigin#FILE} a directory ({@code /var/www},
	 * {@code file:/var/www}) or class-path location ({@code classpath:/static/}), see
	 * {@link FileOps#forOrigin(String, ClassLoader, boolean)}; for the redirects the target without its scheme
	 * ({@code example.com/new/}); for {@link MountOrigin#CALLBACK} the protocol name.
	 * @return the origin
	 */
	public String origin() {
		return this.origin;
	}

	/**
	 * The file served for the mount's own directory and for any directory below it ({@code def}).
	 * @return the default document, {@value #DEFAULT_DOCUMENT} unless set
	 */
	public String defaultDocument() {
		return this.defaultDocument;
	}

	/**
	 * How long clients may cache files from this mount, in seconds ({@code cache_max_age}); 0 for no caching.
	 * @return the max-age in seconds
	 */
	public int cacheMaxAge() {
		return this.cacheMaxAge;
	}

	/**
	 * The {@code cache-control} header value this mount's files are served with, from its cache settings as
	 * libwebsockets' {@code lws_http_serve()} makes it: {@link HttpCaching#cacheControl(Mount)}, computed once.
	 * @return the header value, {@code no-store} when the mount allows no caching
	 */
	public String cacheControl() {
		return this.cacheControl;
	}

	/**
	 * Whether clients may reuse cached files at all ({@code cache_reusable}); without it the answer is
	 * {@code no-store} whatever the max-age.
	 * @return the flag
	 */
	public boolean cacheReusable() {
		return this.cacheReusable;
	}

	/**
	 * Whether clients must revalidate once the max-age passes ({@code cache_revalidate}).
	 * @return the flag
	 */
	public boolean cacheRevalidate() {
		return this.cacheRevalidate;
	}

	/**
	 * Whether shared caches between us and the client may keep files ({@code cache_intermediaries}):
	 * {@code public} instead of {@code private}.
	 * @return the flag
	 */
	public boolean cacheIntermediaries() {
		return this.cacheIntermediaries;
	}

	/**
	 * Extra file types for this mount ({@code extra_mimetypes}), consulted before the built-ins: keys are a
	 * lower-case suffix starting with {@code .} (normalised from what the builder was given) or {@code *}, the type
	 * for files no suffix matches.
	 * @return an unmodifiable map in the order given
	 */
	public Map<String, String> extraMimeTypes() {
		return this.extraMimeTypes;
	}

	/**
	 * Per-mount options ({@code cgienv}): the environment of a CGI mount, and for a callback mount the options
	 * libwebsockets hands to the protocol as {@code LWS_CALLBACK_HTTP_PMO}.
	 * @return an unmodifiable map in the order given
	 */
	public Map<String, String> cgiEnv() {
		return this.cgiEnv;
	}

	/**
	 * Whether a file mount follows symbolic links whose target lies outside its directory. libwebsockets follows all
	 * links; we refuse those that leave the mount unless this is set, so a stray link cannot publish the rest of the
	 * disk.
	 * @return the flag, {@code false} unless set
	 */
	public boolean followSymlinksOutside() {
		return this.followSymlinksOutside;
	}

	/**
	 * Whether a file whose type is unknown is refused with {@code 415 Unsupported Media Type}, as libwebsockets 4.x
	 * does, rather than served as {@code application/octet-stream}.
	 * @return the flag, {@code false} unless set
	 */
	public boolean refuseUnknownMimeTypes() {
		return this.refuseUnknownMimeTypes;
	}

	/**
	 * The {@code location} of a redirect mount's 301: the origin behind {@code http://} or {@code https://}. As in
	 * libwebsockets, the rest of the request path is not appended.
	 * @return the absolute URL
	 * @throws IllegalStateException if this is not a redirect mount
	 */
	public String redirectLocation() {
		if (this.originProtocol == MountOrigin.REDIR_HTTP) {
			return "http://" + this.origin;
		}
		if (this.originProtocol == MountOrigin.REDIR_HTTPS) {
			return "https://" + this.origin;
		}
		throw new IllegalStateException("Mount " + this.mountpoint + " is a " + this.originProtocol
				+ " mount, not a redirect.");
	}

	@Override
	public String toString() {
		return "Mount[" + this.mountpoint + " -> " + this.originProtocol + " " + this.origin + "]";
	}

	/**
	 * Collects a {@link Mount}'s fields; {@link #build()} checks them. Not thread-safe.
	 */
	public static final class Builder {

		private String mountpoint;

		private MountOrigin originProtocol;

		private String origin;

		private String defaultDocument = DEFAULT_DOCUMENT;

		private int cacheMaxAge;

		private boolean cacheReusable;

		private boolean cacheRevalidate;

		private boolean cacheIntermediaries;

		private final Map<String, String> extraMimeTypes = new LinkedHashMap<>();

		private final Map<String, String> cgiEnv = new LinkedHashMap<>();

		private boolean followSymlinksOutside;

		private boolean refuseUnknownMimeTypes;

		private Builder() {
		}

		/**
		 * Sets {@link Mount#mountpoint()}; required.
		 * @param mountpoint a path starting with {@code /}
		 * @return this builder
		 */
		public Builder mountpoint(String mountpoint) {
			this.mountpoint = mountpoint;
			return this;
		}

		/**
		 * Sets {@link Mount#originProtocol()}; required.
		 * @param originProtocol how requests are handled
		 * @return this builder
		 */
		public Builder originProtocol(MountOrigin originProtocol) {
			this.originProtocol = originProtocol;
			return this;
		}

		/**
		 * Sets {@link Mount#origin()}; required.
		 * @param origin the directory, class-path location, redirect target or protocol name
		 * @return this builder
		 */
		public Builder origin(String origin) {
			this.origin = origin;
			return this;
		}

		/**
		 * Sets {@link Mount#defaultDocument()}.
		 * @param defaultDocument a file name relative to the directory it is served for
		 * @return this builder
		 */
		public Builder defaultDocument(String defaultDocument) {
			this.defaultDocument = defaultDocument;
			return this;
		}

		/**
		 * Sets {@link Mount#cacheMaxAge()}.
		 * @param seconds 0 or more
		 * @return this builder
		 */
		public Builder cacheMaxAge(int seconds) {
			this.cacheMaxAge = seconds;
			return this;
		}

		/**
		 * Sets {@link Mount#cacheReusable()}.
		 * @param cacheReusable the flag
		 * @return this builder
		 */
		public Builder cacheReusable(boolean cacheReusable) {
			this.cacheReusable = cacheReusable;
			return this;
		}

		/**
		 * Sets {@link Mount#cacheRevalidate()}.
		 * @param cacheRevalidate the flag
		 * @return this builder
		 */
		public Builder cacheRevalidate(boolean cacheRevalidate) {
			this.cacheRevalidate = cacheRevalidate;
			return this;
		}

		/**
		 * Sets {@link Mount#cacheIntermediaries()}.
		 * @param cacheIntermediaries the flag
		 * @return this builder
		 */
		public Builder cacheIntermediaries(boolean cacheIntermediaries) {
			this.cacheIntermediaries = cacheIntermediaries;
			return this;
		}

		/**
		 * Adds one extra file type (see {@link Mount#extraMimeTypes()}).
		 * @param suffix a file name suffix with or without its leading dot ({@code .md}, {@code md},
		 * {@code .tar.gz}), any case, or {@code *} for the fallback type
		 * @param contentType the {@code content-type} to send
		 * @return this builder
		 */
		public Builder extraMimeType(String suffix, String contentType) {
			this.extraMimeTypes.put(suffix, contentType);
			return this;
		}

		/**
		 * Replaces the extra file types with {@code extraMimeTypes} (see {@link #extraMimeType(String, String)}).
		 * @param extraMimeTypes suffix to content type
		 * @return this builder
		 */
		public Builder extraMimeTypes(Map<String, String> extraMimeTypes) {
			this.extraMimeTypes.clear();
			this.extraMimeTypes.putAll(extraMimeTypes);
			return this;
		}

		/**
		 * Adds one per-mount option (see {@link Mount#cgiEnv()}).
		 * @param name the option or variable name
		 * @param value its value
		 * @return this builder
		 */
		public Builder cgiEnv(String name, String value) {
			this.cgiEnv.put(name, value);
			return this;
		}

		/**
		 * Replaces the per-mount options with {@code cgiEnv} (see {@link Mount#cgiEnv()}).
		 * @param cgiEnv name to value
		 * @return this builder
		 */
		public Builder cgiEnv(Map<String, String> cgiEnv) {
			this.cgiEnv.clear();
			this.cgiEnv.putAll(cgiEnv);
			return this;
		}

		/**
		 * Sets {@link Mount#followSymlinksOutside()}.
		 * @param followSymlinksOutside the flag
		 * @return this builder
		 */
		public Builder followSymlinksOutside(boolean followSymlinksOutside) {
			this.followSymlinksOutside = followSymlinksOutside;
			return this;
		}

		/**
		 * Sets {@link Mount#refuseUnknownMimeTypes()}.
		 * @param refuseUnknownMimeTypes the flag
		 * @return this builder
		 */
		public Builder refuseUnknownMimeTypes(boolean refuseUnknownMimeTypes) {
			this.refuseUnknownMimeTypes = refuseUnknownMimeTypes;
			return this;
		}

		/**
		 * Checks the fields and makes the mount. The origin of a file mount is not looked up here: that happens
		 * when the vhost makes its {@link FileOps}.
		 * @return the mount
		 * @throws IllegalArgumentException naming the first field that is missing or malformed
		 */
		public Mount build() {
			checkMountpoint(this.mountpoint);
			if (this.originProtocol == null) {
				throw new IllegalArgumentException("originProtocol is required (mount " + this.mountpoint + ").");
			}
			checkOrigin(this.originProtocol, this.origin, this.mountpoint);
			checkDefaultDocument(this.defaultDocument);
			if (this.cacheMaxAge < 0) {
				throw new IllegalArgumentException("cacheMaxAge must not be negative, got " + this.cacheMaxAge + ".");
			}
			return new Mount(this, normaliseMimeTypes(this.extraMimeTypes), checkCgiEnv(this.cgiEnv));
		}

		private static void checkMountpoint(String mountpoint) {
			if (mountpoint == null) {
				throw new IllegalArgumentException("mountpoint is required.");
			}
			if (!mountpoint.startsWith("/")) {
				throw new IllegalArgumentException("mountpoint must start with '/', got \"" + mountpoint + "\".");
			}
			if (mountpoint.length() > 1 && mountpoint.endsWith("/")) {
				throw new IllegalArgumentException("mountpoint must not end with '/' unless it is \"/\", got \""
						+ mountpoint + "\"; write \"" + mountpoint.substring(0, mountpoint.length() - 1) + "\".");
			}
			if (hasControlCharacter(mountpoint) || mountpoint.indexOf('?') >= 0 || mountpoint.indexOf('#') >= 0
					|| mountpoint.indexOf('\\') >= 0) {
				throw new IllegalArgumentException(
						"mountpoint must be a plain path without control characters, '?', '#' or '\\', got \""
								+ mountpoint + "\".");
			}
			// Request paths reach the table normalised, so a mountpoint that is not could never match.
			if (mountpoint.length() > 1 && !isNormalisedRelativePath(mountpoint.substring(1))) {
				throw new IllegalArgumentException("mountpoint must not contain empty, '.' or '..' segments, got \""
						+ mountpoint + "\".");
			}
		}

		private static void checkOrigin(MountOrigin originProtocol, String origin, String mountpoint) {
			if (origin == null || origin.isBlank()) {
				throw new IllegalArgumentException("origin is required (mount " + mountpoint + ").");
			}
			if (hasControlCharacter(origin)) {
				throw new IllegalArgumentException(
						"origin must not contain control characters (mount " + mountpoint + ").");
			}
			if (originProtocol.isRedirect() && origin.contains("://")) {
				throw new IllegalArgumentException("origin of a " + originProtocol
						+ " mount is written without its scheme, like \"example.com/new/\", got \"" + origin + "\".");
			}
			if (originProtocol == MountOrigin.CALLBACK && origin.chars().anyMatch(Character::isWhitespace)) {
				throw new IllegalArgumentException(
						"origin of a CALLBACK mount is a protocol name without spaces, got \"" + origin + "\".");
			}
		}

		private static void checkDefaultDocument(String defaultDocument) {
			if (defaultDocument == null || defaultDocument.isEmpty()) {
				throw new IllegalArgumentException("defaultDocument must not be empty.");
			}
			if (hasControlCharacter(defaultDocument) || defaultDocument.indexOf('\\') >= 0
					|| !isNormalisedRelativePath(defaultDocument)) {
				throw new IllegalArgumentException(
						"defaultDocument must be a relative path without '.', '..' or empty segments, got \""
								+ defaultDocument + "\".");
			}
		}

		private static Map<String, String> normaliseMimeTypes(Map<String, String> given) {
			Map<String, String> normalised = new LinkedHashMap<>();
			for (Map.Entry<String, String> entry : given.entrySet()) {
				String suffix = entry.getKey();
				String type = entry.getValue();
				if (suffix == null || suffix.isEmpty() || ".".equals(suffix) || suffix.indexOf('/') >= 0
						|| hasControlCharacter(suffix)) {
					throw new IllegalArgumentException(
							"extraMimeTypes suffix must be like \".md\", \"md\" or \"*\", got \"" + suffix + "\".");
				}
				// The type goes into a response header verbatim, so refuse anything that could split it.
				if (type == null || type.isBlank() || hasControlCharacter(type)) {
					throw new IllegalArgumentException("extraMimeTypes type for \"" + suffix
							+ "\" must be a non-blank content type without control characters.");
				}
				String key = "*".equals(suffix) ? suffix
						: (suffix.startsWith(".") ? suffix : "." + suffix).toLowerCase(Locale.ROOT);
				if (normalised.put(key, type.trim()) != null) {
					throw new IllegalArgumentException("extraMimeTypes names the suffix \"" + key + "\" twice.");
				}
			}
			return Collections.unmodifiableMap(normalised);
		}

		private static Map<String, String> checkCgiEnv(Map<String, String> given) {
			for (Map.Entry<String, String> entry : given.entrySet()) {
				if (entry.getKey() == null || entry.getKey().isEmpty() || entry.getKey().indexOf('\0') >= 0
						|| entry.getKey().indexOf('=') >= 0) {
					throw new IllegalArgumentException(
							"cgiEnv names must be non-empty without '=' or NUL, got \"" + entry.getKey() + "\".");
				}
				if (entry.getValue() == null || entry.getValue().indexOf('\0') >= 0) {
					throw new IllegalArgumentException(
							"cgiEnv value of \"" + entry.getKey() + "\" must be non-null without NUL.");
				}
			}
			return Collections.unmodifiableMap(new LinkedHashMap<>(given));
		}

		private static boolean hasControlCharacter(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c < 0x20 || c == 0x7f) {
					return true;
				}
			}
			return false;
		}

		private static boolean isNormalisedRelativePath(String path) {
			for (String segment : path.split("/", -1)) {
				if (segment.isEmpty() || ".".equals(segment) || "..".equals(segment)) {
					return false;
				}
			}
			return true;
		}

	}

}
