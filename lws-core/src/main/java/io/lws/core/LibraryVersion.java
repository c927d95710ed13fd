package io.lws.core;

/** The library version string, read from the jar manifest when there is one. */
final class LibraryVersion {

	static final String VERSION = version();

	private LibraryVersion() {
	}

	private static String version() {
		String v = LibraryVersion.class.getPackage().getImplementationVersion();
		return ((v != null) ? v : "0.1.0-SNAPSHOT") + " lws-java";
	}

}
