package io.lws.sample.client;

import java.util.random.RandomGenerator;

/**
 * One circle for {@code lws-mirror-protocol}, as {@code libwebsockets-test-client} draws them: {@code c #RRGGBB x y r;}
 * with a 24-bit colour, x from 0 to 511, y from 0 to 255 and a radius from 1 to 32. Mirror members (the test page)
 * draw it; the server only relays it.
 */
record Circle(int rgb, int x, int y, int radius) {

	/** A circle of random colour, position and size, in the C test client's ranges. */
	static Circle random(RandomGenerator random) {
		return new Circle(random.nextInt(0x1000000), random.nextInt(512), random.nextInt(256), 1 + random.nextInt(32));
	}

	/** The message that draws it. */
	String message() {
		return String.format("c #%06x %d %d %d;", this.rgb, this.x, this.y, this.radius);
	}

}
