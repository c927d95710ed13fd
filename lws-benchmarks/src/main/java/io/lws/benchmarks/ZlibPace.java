package io.lws.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How long zlib itself takes per permessage-deflate message on this machine, back to back or paced like a server
 * whose thread idles between messages: one raw {@link Deflater} (level 1, {@code SYNC_FLUSH} per message, context
 * takeover) and one raw {@link Inflater} per simulated connection, 4 KiB texts of random common words (about 2.7:1),
 * only the zlib calls timed. Not a JMH benchmark on purpose: the pause between messages is the variable.
 * <pre>
 * java -cp lws-benchmarks/target/benchmarks.jar io.lws.benchmarks.ZlibPace [CONNECTIONS] [PAUSE_US] [MESSAGES]
 * </pre>
 * Prints the mean deflate and inflate time per message for five rounds (the first, a tenth as long, is warm-up).
 */
public final class ZlibPace {

	private static final String WORDS = "the of and to in is you that it he was for on are as with his they at be this "
			+ "have from or one had by word but not what all were we when your can said there use an each which she do "
			+ "how their if will up other about out many then them these so some her would make like him into time has "
			+ "look two more write go see number no way could people my than first water been call who oil its now "
			+ "find long down day did get come made may part";

	private static final int SIZE = 4096;

	private ZlibPace() {
	}

	/**
	 * Runs the measurement.
	 * @param args connections (default 8), pause between messages in microseconds (default 0), messages per round
	 * (default 100,000)
	 */
	public static void main(String[] args) {
		int connections = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		long pauseNanos = TimeUnit.MICROSECONDS.toNanos((args.length > 1) ? Long.parseLong(args[1]) : 0);
		int messages = (args.length > 2) ? Integer.parseInt(args[2]) : 100_000;
		byte[][] texts = texts(64);
		Deflater[] deflaters = new Deflater[connections];
		Inflater[] inflaters = new Inflater[connections];
		for (int c = 0; c < connections; c++) {
			deflaters[c] = new Deflater(1, true);
			inflaters[c] = new Inflater(true);
		}
		ByteBuffer in = ByteBuffer.allocate(2 * SIZE);
		ByteBuffer compressed = ByteBuffer.allocate(2 * SIZE);
		ByteBuffer back = ByteBuffer.allocate(2 * SIZE);
		for (int round = 0; round < 5; round++) {
			int n = (round == 0) ? messages / 10 : messages;
			long deflateNanos = 0;
			long inflateNanos = 0;
			long compressedBytes = 0;
			for (int i = 0; i < n; i++) {
				int c = i % connections;
				in.clear().put(texts[i % texts.length]).flip();
				compressed.clear();
				back.clear();
				if (pauseNanos > 0) {
					LockSupport.parkNanos(pauseNanos);
				}
				long t0 = System.nanoTime();
				deflaters[c].setInput(in);
				deflaters[c].deflate(compressed, Deflater.SYNC_FLUSH);
				long t1 = System.nanoTime();
				compressed.flip();
				compressedBytes += compressed.remaining();
				inflaters[c].setInput(compressed);
				try {
					inflaters[c].inflate(back);
				}
				catch (java.util.zip.DataFormatException ex) {
					throw new IllegalStateException(ex);
				}
				inflateNanos += System.nanoTime() - t1;
				deflateNanos += t1 - t0;
				if (back.position() != SIZE) {
					throw new IllegalStateException("inflated " + back.position() + " bytes, not " + SIZE);
				}
			}
			System.out.printf("%s%d connections, %d us pause: deflate %.1f us, inflate %.1f us per 4 KiB message "
					+ "(%.2f:1)%n", (round == 0) ? "warm-up: " : "", connections, pauseNanos / 1000,
					deflateNanos / 1000.0 / n, inflateNanos / 1000.0 / n, (double) SIZE * n / compressedBytes);
		}
	}

	private static byte[][] texts(int count) {
		String[] words = WORDS.split(" ");
		Random random = new Random(1);
		byte[][] texts = new byte[count][];
		for (int t = 0; t < count; t++) {
			StringBuilder sb = new StringBuilder(SIZE + 16);
			while (sb.length() < SIZE) {
				sb.append(words[random.nextInt(words.length)]).append(' ');
			}
			texts[t] = sb.substring(0, SIZE).getBytes(StandardCharsets.US_ASCII);
		}
		return texts;
	}

}
