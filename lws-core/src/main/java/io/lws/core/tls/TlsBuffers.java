package io.lws.core.tls;

import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * The scratch buffers TLS needs, one set per service thread and shared by all its TLS connections: received records,
 * records being sent, and decrypted application bytes. A connection keeps bytes of its own only for a record that
 * arrived in part, or records the socket did not take.
 */
public final class TlsBuffers {

	ByteBuffer netIn;

	ByteBuffer netOut;

	ByteBuffer app;

	/** Buffers sized for {@code session}'s records. */
	public TlsBuffers(SSLSession session) {
		this.netIn = ByteBuffer.allocate(session.getPacketBufferSize());
		this.netOut = ByteBuffer.allocate(session.getPacketBufferSize());
		this.app = ByteBuffer.allocate(session.getApplicationBufferSize());
	}

	/** Buffers sized for the JDK's default TLS engine. */
	public static TlsBuffers forDefaults() {
		try {
			SSLEngine e = javax.net.ssl.SSLContext.getDefault().createSSLEngine();
			return new TlsBuffers(e.getSession());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The shared buffer decrypted bytes are read into; valid until the next read on this thread. */
	public ByteBuffer applicationBuffer() {
		return this.app;
	}

	/** Grows the buffers when an engine's session asks for more (large fragments). */
	void fit(SSLSession session) {
		if (this.netIn.capacity() < session.getPacketBufferSize()) {
			this.netIn = ByteBuffer.allocate(session.getPacketBufferSize());
			this.netOut = ByteBuffer.allocate(session.getPacketBufferSize());
		}
		if (this.app.capacity() < session.getApplicationBufferSize()) {
			this.app = ByteBuffer.allocate(session.getApplicationBufferSize());
		}
	}

	/** Bytes these buffers hold. */
	public int capacity() {
		return this.netIn.capacity() + this.netOut.capacity() + this.app.capacity();
	}

}
