package io.lws.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A slow client downloading a large file that is truncated while it is being sent: it asks for the file with a small
 * receive buffer, reads the first 64 KiB, truncates the file, then reads until the server ends the response (a reset
 * counts as an end) or its read times out.
 */
public final class ShrinkingDownload {

	private ShrinkingDownload() {
	}

	/** Returns how many bytes (head included) arrived in all; throws if the server neither sends nor ends in time. */
	public static long run(int port, String request, Path file, long truncatedSize, int readTimeoutMillis)
			throws IOException {
		try (Socket slow = new Socket()) {
			slow.setReceiveBufferSize(16 * 1024);
			slow.connect(new InetSocketAddress("127.0.0.1", port));
			slow.setSoTimeout(readTimeoutMillis);
			slow.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			InputStream in = slow.getInputStream();
			long total = in.readNBytes(64 * 1024).length;
			try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
				ch.truncate(truncatedSize);
			}
			byte[] buf = new byte[64 * 1024];
			int n;
			try {
				while ((n = in.read(buf)) > 0) {
					total += n;
				}
			}
			catch (SocketException reset) {
				// a reset is as good an end as a close
			}
			return total;
		}
	}

}
