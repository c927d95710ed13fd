package io.lws.sample.protocols;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.lws.core.CloseStatus;
import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.WriteProtocol;
import io.lws.spring.boot.autoconfigure.LwsProtocol;

/**
 * {@code dumb-increment-protocol}: sends {@code "0"} right after the handshake, then the next number every 50 ms, per
 * connection (a true 20 Hz whatever the number of clients, unlike lws 4.1.6 whose timers woke every connection).
 * {@code reset\n} restarts the count, {@code closeme\n} closes with 1001 {@code seeya}; anything else is ignored.
 * Never compressed: it refuses permessage-deflate.
 */
@LwsProtocol(name = DumbIncrementProtocol.NAME, rxBufferSize = DumbIncrementProtocol.RX_BUFFER_SIZE)
public class DumbIncrementProtocol implements LwsProtocolHandler<DumbIncrementProtocol.Session> {

	/** The protocol name clients ask for. */
	public static final String NAME = "dumb-increment-protocol";

	/** libwebsockets gives this protocol a 10-byte rx buffer; commands fit in one piece. */
	public static final int RX_BUFFER_SIZE = 10;

	static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private static final byte[] RESET = "reset\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CLOSEME = "closeme\n".getBytes(StandardCharsets.US_ASCII);

	/** Per-connection state. */
	public static final class Session {

		int number;

		long nextTickNanos;

	}

	@Override
	public Session newSession(Lws wsi) {
		return new Session();
	}

	/**
	 * Refuses permessage-deflate. libwebsockets never negotiates it here either (the protocol's rx buffer is under
	 * 128 bytes), and its test client, which offers it with a 20-byte rx buffer of its own, could not inflate what it
	 * would get.
	 */
	@Override
	public int onConfirmExtensionOkay(Lws wsi, Session s, String name) {
		return 1;
	}

	@Override
	public int onEstablished(Lws wsi, Session s) {
		s.number = 0;
		s.nextTickNanos = System.nanoTime() + TICK_NANOS;
		wsi.callbackOnWritable();
		wsi.setTimer(TimeUnit.NANOSECONDS.toMicros(TICK_NANOS));
		return 0;
	}

	@Override
	public int onTimer(Lws wsi, Session s) {
		wsi.callbackOnWritable();
		// schedule from the planned tick, not from now, so the rate stays at 20 Hz
		s.nextTickNanos += TICK_NANOS;
		long delay = s.nextTickNanos - System.nanoTime();
		if (delay < 0) {
			s.nextTickNanos = System.nanoTime() + TICK_NANOS;
			delay = TICK_NANOS;
		}
		wsi.setTimer(TimeUnit.NANOSECONDS.toMicros(delay));
		return 0;
	}

	@Override
	public int onServerWriteable(Lws wsi, Session s) {
		return (wsi.write(Integer.toString(s.number++), WriteProtocol.TEXT) < 0) ? -1 : 0;
	}

	@Override
	public int onReceive(Lws wsi, Session s, ByteBuffer in) {
		if (!wsi.isFirstFragment()) {
			return 0;
		}
		if (startsWith(in, RESET)) {
			s.number = 0;
		}
		else if (startsWith(in, CLOSEME)) {
			wsi.closeReason(CloseStatus.GOINGAWAY, "seeya");
			return -1;
		}
		return 0;
	}

	static boolean startsWith(ByteBuffer in, byte[] prefix) {
		if (in.remaining() < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (in.get(in.position() + i) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
