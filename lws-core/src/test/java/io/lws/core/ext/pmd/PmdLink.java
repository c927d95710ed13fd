package io.lws.core.ext.pmd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.lws.core.ext.ActiveExtension;
import io.lws.core.ext.ExtensionHeader;
import io.lws.core.ext.ExtensionNegotiationException;
import io.lws.core.ext.ExtensionNegotiator;
import io.lws.core.ext.LwsExtension;
import io.lws.core.ws.Opcode;
import io.lws.core.ws.WebSocketProtocolException;

/**
 * A server and a client end of permessage-deflate negotiated with each other through the real negotiation code, with
 * no socket: what one end sends comes out as frames, and frames go into the other end's receive side in pieces.
 */
final class PmdLink {

	/** One frame as the sending end produced it. */
	record Frame(Opcode op, boolean fin, boolean rsv1, byte[] payload) {
	}

	/** A received message: its pieces and their flags. */
	record Received(byte[] bytes, List<Integer> pieceSizes, boolean binary, int firstFlags, int lastFlags) {
	}

	final ActiveExtension server;

	final ActiveExtension client;

	final String response;

	private PmdLink(ActiveExtension server, ActiveExtension client, String response) {
		this.server = server;
		this.client = client;
		this.response = response;
	}

	static PmdLink of(PerMessageDeflate serverConfig, PerMessageDeflate clientConfig, int rxBufferSize,
			long maxMessageSize) throws ExtensionNegotiationException {
		List<LwsExtension<?>> supported = List.of(serverConfig);
		ExtensionNegotiator.Choice choice = ExtensionNegotiator.negotiateServer(supported,
				ExtensionHeader.parse(clientConfig.clientOffer()), (name) -> 0, null, rxBufferSize);
		if (choice == null) {
			throw new AssertionError("the server declined " + clientConfig.clientOffer());
		}
		ActiveExtension server = new ActiveExtension(choice.extension(), choice.session(), null, choice.response(),
				rxBufferSize, true, maxMessageSize);
		String response = choice.response().toString();
		ExtensionNegotiator.Choice accepted = ExtensionNegotiator.clientAccept(List.of(clientConfig), response, null,
				rxBufferSize);
		ActiveExtension client = new ActiveExtension(accepted.extension(), accepted.session(), null,
				accepted.response(), rxBufferSize, true, maxMessageSize);
		return new PmdLink(server, client, response);
	}

	static PmdLink of(PerMessageDeflate both) throws ExtensionNegotiationException {
		return of(both, both, 4096, 0);
	}

	/** Sends a message in writes cut at {@code cuts} (offsets, increasing), returning the frames. */
	static List<Frame> send(ActiveExtension from, byte[] message, boolean binary, int... cuts) {
		List<Frame> frames = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= cuts.length; i++) {
			int end = (i < cuts.length) ? cuts[i] : message.length;
			ByteBuffer write = ByteBuffer.wrap(message, start, end - start);
			boolean ok = from.send(write, binary, i == 0, i == cuts.length, (op, fin, rsv1, payload) -> {
				byte[] copy = new byte[payload.remaining()];
				payload.get(copy);
				frames.add(new Frame(op, fin, rsv1, copy));
				return true;
			});
			if (!ok || write.hasRemaining()) {
				throw new AssertionError("send refused or left input");
			}
			start = end;
		}
		return frames;
	}

	/** Feeds frames to the receive side in pieces of at most {@code pieceSize} bytes, collecting the output. */
	static Received receive(ActiveExtension to, List<Frame> frames, int pieceSize) throws WebSocketProtocolException {
		List<byte[]> pieces = new ArrayList<>();
		return receive(to, frames, pieceSize, pieces);
	}

	static Received receive(ActiveExtension to, List<Frame> frames, int pieceSize, List<byte[]> pieces)
			throws WebSocketProtocolException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		List<Integer> sizes = new ArrayList<>();
		int[] flags = new int[2];
		boolean[] binary = new boolean[1];
		boolean rsv1 = frames.get(0).rsv1();
		boolean isBinary = frames.get(0).op() == Opcode.BINARY;
		boolean firstPiece = true;
		for (int f = 0; f < frames.size(); f++) {
			byte[] p = frames.get(f).payload();
			int at = 0;
			do {
				int n = Math.min(pieceSize, p.length - at);
				boolean lastPiece = f == frames.size() - 1 && at + n == p.length;
				ByteBuffer piece = ByteBuffer.wrap(p, at, n).slice();
				boolean go = to.receive(piece, isBinary, firstPiece, lastPiece, rsv1, (out, bin, first, last) -> {
					byte[] copy = new byte[out.remaining()];
					out.get(copy);
					all.writeBytes(copy);
					pieces.add(copy);
					sizes.add(copy.length);
					binary[0] = bin;
					flags[0] += first ? 1 : 0;
					flags[1] += last ? 1 : 0;
					return true;
				});
				if (!go) {
					throw new AssertionError("paused");
				}
				firstPiece = false;
				at += n;
			}
			while (at < p.length);
		}
		return new Received(all.toByteArray(), sizes, binary[0], flags[0], flags[1]);
	}

	/** The payload bytes of all frames, joined. */
	static byte[] wire(List<Frame> frames) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		for (Frame f : frames) {
			b.writeBytes(f.payload());
		}
		return b.toByteArray();
	}

	static byte[] bytes(int... values) {
		byte[] b = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			b[i] = (byte) values[i];
		}
		return b;
	}

}
