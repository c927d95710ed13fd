package io.lws.core.ext.pmd;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.lws.core.CloseStatus;
import io.lws.core.ext.ExtensionPayload;
import io.lws.core.ext.PayloadResult;
import io.lws.core.ws.WebSocketProtocolException;

/**
 * permessage-deflate on one connection (RFC 7692 sections 6 and 7.2): the compressor of the messages it sends, the
 * decompressor of the messages it receives, and where each message is between calls.
 * <p>
 * <b>Memory.</b> With context takeover in a direction, the connection keeps its own {@code Deflater} (zlib's state
 * for a 32 KiB window and memory level 8: about 256 KiB of native memory) or {@code Inflater} (about 7 KiB, plus the
 * 32 KiB window once it has inflated something) from its first message to its close. Without it, one is borrowed
 * from its service thread's pool for the length of a message and given back reset, so an idle connection holds
 * none. Output buffers belong to the service thread too. What a connection always holds is this object and its
 * {@link io.lws.core.ext.ActiveExtension} (a few hundred bytes).
 * <p>
 * Confined to the connection's service thread.
 */
final class PmdSession {

	/** What RFC 7692 section 7.2.2 appends to a message before inflating it. */
	private static final byte[] TAIL = { 0x00, 0x00, (byte) 0xFF, (byte) 0xFF };

	private final PerMessageDeflate extension;

	private final PmdParameters parameters;

	private final boolean client;

	private final boolean txNoContextTakeover;

	private final boolean rxNoContextTakeover;

	/** The most input bytes compressed before a full flush: the window the peer allowed, or no limit at 15 bits. */
	private final int txSlice;

	private int level;

	private int rxBufSize;

	private int txBufSize;

	// ---- receiving ----

	private Inflater inflater;

	/** Whether the message being received had a compressed byte yet (an empty one is never inflated). */
	private boolean rxSawInput;

	private boolean rxTailFed;

	/** Whether the inflater's DEFLATE stream ended (a block with BFINAL): more input starts a new one. */
	private boolean rxFinished;

	/** A byte inflated beyond the last piece, which starts the next one; -1 when none. */
	private int rxCarry = -1;

	// ---- sending ----

	private Deflater deflater;

	/** Whether part of the current input is being compressed and its flush is not complete. */
	private boolean txSliceActive;

	private int txSliceEnd;

	/** The last bytes of the output, held back at the end of a message until it is known whether they are the tail. */
	private final byte[] txCarry = new byte[4];

	private int txCarryLength;

	private boolean released;

	PmdSession(PerMessageDeflate extension, PmdParameters parameters, boolean client) {
		this.extension = extension;
		this.parameters = parameters;
		this.client = client;
		this.txNoContextTakeover = client ? parameters.clientNoContextTakeover()
				: parameters.serverNoContextTakeover();
		this.rxNoContextTakeover = client ? parameters.serverNoContextTakeover()
				: parameters.clientNoContextTakeover();
		int txBits = client ? parameters.clientMaxWindowBits() : parameters.serverMaxWindowBits();
		this.txSlice = (txBits >= 15) ? Integer.MAX_VALUE : 1 << txBits;
		this.level = extension.compressionLevel();
		this.rxBufSize = extension.rxBufSize();
		this.txBufSize = extension.txBufSize();
	}

	PmdParameters parameters() {
		return this.parameters;
	}

	// ---- receiving (PACKET_RX_PREPARSE) ----

	PayloadResult inflate(ExtensionPayload p) throws WebSocketProtocolException {
		int limit = (this.rxBufSize > 0) ? Math.min(this.rxBufSize, p.outLimit()) : p.outLimit();
		ByteBuffer out = this.extension.pool().rxOut(limit + 1);
		if (this.rxCarry >= 0) {
			out.put((byte) this.rxCarry);
			this.rxCarry = -1;
		}
		ByteBuffer in = p.in();
		if (in.hasRemaining()) {
			this.rxSawInput = true;
		}
		if (this.rxSawInput) {
			inflateInto(in, out, p.messageEnd());
		}
		out.flip();
		boolean more = false;
		if (out.remaining() > limit) {
			// the buffer filled: more may follow, and the extra byte proves this piece is not the last
			this.rxCarry = out.get(limit) & 0xFF;
			out.limit(limit);
			more = true;
		}
		p.out(out);
		if (!more && p.messageEnd()) {
			endReceivedMessage();
		}
		return more ? PayloadResult.MORE : PayloadResult.DONE;
	}

	private void inflateInto(ByteBuffer in, ByteBuffer out, boolean messageEnd) throws WebSocketProtocolException {
		Inflater inf = inflater();
		try {
			while (out.hasRemaining()) {
				if (this.rxFinished) {
					if (!in.hasRemaining()) {
						// the stream ended with the message's own data: only the appended tail is left unread
						return;
					}
					// RFC 7692 section 7.2.3.4: a sender may flush with a BFINAL block; what follows is a new
					// DEFLATE stream (an empty stored block, or more of the message). It has no window to refer
					// back to, so a reference into the ended stream fails the message (1007) instead of being lost.
					inf.reset();
					this.rxFinished = false;
				}
				if (in.hasRemaining()) {
					// (re)point at the current input: a paused piece continues from a copy
					inf.setInput(in);
				}
				else if (inf.needsInput()) {
					if (!messageEnd || this.rxTailFed) {
						return;
					}
					inf.setInput(TAIL);
					this.rxTailFed = true;
				}
				int n = inf.inflate(out);
				if (inf.finished()) {
					this.rxFinished = true;
				}
				else if (inf.needsDictionary()) {
					throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD.code(),
							"The compressed message asks for a preset dictionary.");
				}
				else if (n == 0 && !inf.needsInput() && out.hasRemaining()) {
					throw new IllegalStateException("The inflater made no progress with input and room left");
				}
			}
		}
		catch (DataFormatException ex) {
			throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD.code(),
					"The compressed message is not valid DEFLATE data.");
		}
	}

	private Inflater inflater() {
		if (this.inflater == null) {
			this.inflater = this.rxNoContextTakeover ? this.extension.pool().takeInflater() : new Inflater(true);
		}
		return this.inflater;
	}

	private void endReceivedMessage() {
		if (this.inflater != null) {
			if (this.rxNoContextTakeover) {
				this.extension.pool().giveBack(this.inflater);
				this.inflater = null;
			}
			else if (this.rxFinished) {
				// a stream ended with BFINAL cannot go on: the next message starts a new one
				this.inflater.reset();
			}
		}
		this.rxSawInput = false;
		this.rxTailFed = false;
		this.rxFinished = false;
	}

	// ---- sending (PACKET_TX_PRESEND) ----

	PayloadResult deflate(ExtensionPayload p) {
		p.rsv1(true);
		ByteBuffer out = this.extension.pool().txOut(this.txBufSize + TAIL.length);
		out.put(this.txCarry, 0, this.txCarryLength);
		this.txCarryLength = 0;
		ByteBuffer in = p.in();
		if (p.messageEnd() && !in.hasRemaining() && !this.txSliceActive && out.position() == 0) {
			// An empty end: everything before was flushed, so the message ends with an empty stored block (its
			// header byte; the rest is the tail that is never sent). Written here: zlib has nothing to flush.
			out.put((byte) 0x00).flip();
			p.out(out);
			endSentMessage();
			return PayloadResult.DONE;
		}
		Deflater d = deflater();
		int flush = (this.txSlice == Integer.MAX_VALUE) ? Deflater.SYNC_FLUSH : Deflater.FULL_FLUSH;
		boolean full = false;
		while (true) {
			if (!this.txSliceActive) {
				if (!in.hasRemaining()) {
					break;
				}
				this.txSliceEnd = in.position() + Math.min(in.remaining(), this.txSlice);
				this.txSliceActive = true;
			}
			int limit = in.limit();
			in.limit(this.txSliceEnd);
			try {
				d.setInput(in);
				d.deflate(out, flush);
			}
			finally {
				in.limit(limit);
			}
			if (!out.hasRemaining()) {
				full = true;
				break;
			}
			this.txSliceActive = false;
		}
		out.flip();
		if (full) {
			if (p.messageEnd()) {
				// these may be the tail: keep them for the next call
				this.txCarryLength = TAIL.length;
				out.get(out.limit() - TAIL.length, this.txCarry, 0, TAIL.length);
				out.limit(out.limit() - TAIL.length);
			}
			p.out(out);
			return PayloadResult.MORE;
		}
		if (p.messageEnd()) {
			stripTail(out);
			endSentMessage();
		}
		p.out(out);
		return PayloadResult.DONE;
	}

	private static void stripTail(ByteBuffer out) {
		int end = out.limit();
		if (end < TAIL.length || out.get(end - 4) != 0 || out.get(end - 3) != 0 || out.get(end - 2) != (byte) 0xFF
				|| out.get(end - 1) != (byte) 0xFF) {
			throw new IllegalStateException("A flushed DEFLATE stream does not end with 00 00 ff ff");
		}
		out.limit(end - TAIL.length);
	}

	private Deflater deflater() {
		if (this.deflater == null) {
			this.deflater = this.txNoContextTakeover ? this.extension.pool().takeDeflater(this.level)
					: new Deflater(this.level, true);
		}
		return this.deflater;
	}

	private void endSentMessage() {
		if (this.deflater != null && this.txNoContextTakeover) {
			this.extension.pool().giveBack(this.deflater);
			this.deflater = null;
		}
	}

	// ---- options and end ----

	int setOption(String option, String value) {
		try {
			switch (option) {
				case PerMessageDeflate.COMPRESSION_LEVEL -> {
					this.level = PerMessageDeflate.checkLevel(Integer.parseInt(value));
					if (this.deflater != null) {
						this.deflater.setLevel(this.level);
					}
				}
				case PerMessageDeflate.RX_BUF_SIZE -> this.rxBufSize = PerMessageDeflate.checkBufSize(option,
						Integer.parseInt(value), true);
				case PerMessageDeflate.TX_BUF_SIZE -> this.txBufSize = PerMessageDeflate.checkBufSize(option,
						Integer.parseInt(value), false);
				default -> {
					return -1;
				}
			}
			return 0;
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	/** The connection closed: gives back or ends what it holds. */
	void release() {
		if (this.released) {
			return;
		}
		this.released = true;
		if (this.inflater != null) {
			if (this.rxNoContextTakeover) {
				this.extension.pool().giveBack(this.inflater);
			}
			else {
				this.inflater.end();
			}
			this.inflater = null;
		}
		if (this.deflater != null) {
			if (this.txNoContextTakeover) {
				this.extension.pool().giveBack(this.deflater);
			}
			else {
				this.deflater.end();
			}
			this.deflater = null;
		}
	}

	@Override
	public String toString() {
		return "PmdSession[" + (this.client ? "client" : "server") + ", " + this.parameters + ", level=" + this.level
				+ ", inflater=" + ((this.inflater != null) ? "held" : "none") + ", deflater="
				+ ((this.deflater != null) ? "held" : "none") + (this.released ? ", released" : "") + "]";
	}

}
