package io.lws.sample;

/** Placeholder replaced by the Spring Boot application once the starter lands. */
public final class SampleApplication {

	private SampleApplication() {
	}

	public static void main(String[] args) {
		throw new UnsupportedOperationException("not yet");
	}

}
