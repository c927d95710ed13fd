package io.lws.core.ext.pmd;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.lws.core.ext.ActiveExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the negotiated parameters, the tuning options, the way messages are cut into writes and the way frames
 * are cut into received pieces, every message comes out of the other end as it went in, both ways, message after
 * message (so context takeover, or its absence, is exercised too).
 */
class PmdRoundTripProperties {

	/** One message: its bytes, whether binary, and where the sender cuts it into writes (fractions of its length). */
	record Message(byte[] bytes, boolean binary, List<Integer> cutsPerMille) {

		int[] cuts() {
			return this.cutsPerMille.stream()
				.mapToInt((c) -> (int) ((long) this.bytes.length * c / 1000))
				.sorted()
				.distinct()
				.filter((c) -> c > 0 && c < this.bytes.length)
				.toArray();
		}

	}

	@Property(tries = 250)
	void everyMessageRoundTripsUnderEveryParameterCombination(@ForAll boolean serverNoContextTakeover,
			@ForAll boolean clientNoContextTakeover, @ForAll @IntRange(min = 8, max = 15) int serverWindowBits,
			@ForAll @IntRange(min = 8, max = 15) int clientWindowBits, @ForAll @IntRange(min = 0, max = 9) int level,
			@ForAll @IntRange(min = 128, max = 9000) int txBufSize, @ForAll @IntRange(min = 128, max = 5000) int rxSize,
			@ForAll @IntRange(min = 1, max = 3000) int pieceSize, @ForAll("messages") List<Message> messages)
			throws Exception {
		PerMessageDeflate server = PerMessageDeflate.builder()
			.serverNoContextTakeover(serverNoContextTakeover)
			.clientMaxWindowBits(clientWindowBits)
			.compressionLevel(level)
			.txBufSize(txBufSize)
			.build();
		PerMessageDeflate client = PerMessageDeflate.builder()
			.clientNoContextTakeover(clientNoContextTakeover)
			.serverMaxWindowBits(serverWindowBits)
			.compressionLevel(9 - level)
			.txBufSize(Math.max(128, 9128 - txBufSize))
			.build();
		PmdLink link = PmdLink.of(server, client, rxSize, 0);
		for (Message m : messages) {
			roundTrip(link.server, link.client, m, pieceSize, rxSize);
			roundTrip(link.client, link.server, m, pieceSize, rxSize);
		}
	}

	private static void roundTrip(ActiveExtension from, ActiveExtension to, Message m, int pieceSize, int rxSize)
			throws Exception {
		List<PmdLink.Frame> frames = PmdLink.send(from, m.bytes(), m.binary(), m.cuts());
		assertThat(frames.get(0).rsv1()).isTrue();
		assertThat(frames.get(frames.size() - 1).fin()).isTrue();
		PmdLink.Received r = PmdLink.receive(to, frames, pieceSize);
		assertThat(r.bytes()).isEqualTo(m.bytes());
		assertThat(r.firstFlags()).isEqualTo(1);
		assertThat(r.lastFlags()).isEqualTo(1);
		assertThat(r.pieceSizes()).allMatch((n) -> n <= rxSize);
	}

	@Provide
	Arbitrary<List<Message>> messages() {
		Arbitrary<byte[]> binary = Arbitraries.oneOf(
				Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
				// compressible: few distinct bytes, long
				Arbitraries.bytes().between((byte) 'a', (byte) 'd').array(byte[].class).ofMaxSize(70_000));
		Arbitrary<byte[]> text = Arbitraries.strings()
			.ofMaxLength(5000)
			.map((s) -> s.replaceAll("[\\uD800-\\uDFFF]", "?").getBytes(StandardCharsets.UTF_8));
		Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, 1000).list().ofMaxSize(4);
		Arbitrary<Message> binaryMessage = Combinators.combine(binary, cuts).as((b, c) -> new Message(b, true, c));
		Arbitrary<Message> textMessage = Combinators.combine(text, cuts).as((b, c) -> new Message(b, false, c));
		return Arbitraries.oneOf(binaryMessage, textMessage).list().ofMinSize(1).ofMaxSize(4);
	}

}
