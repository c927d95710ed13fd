package io.lws.core.ext;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lws.core.ext.pmd.PerMessageDeflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing an extension among a client's offers, and a client's offer and check of the answer. */
class ExtensionNegotiatorTests {

	/** An extension that accepts offers whose "ok" parameter is present and records what it was asked. */
	static class Picky implements LwsExtension<String> {

		final String name;

		final List<String> asked = new ArrayList<>();

		Picky(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public List<ExtensionOption> options() {
			return List.of(new ExtensionOption("ok", ExtensionOptionType.NONE),
					new ExtensionOption("n", ExtensionOptionType.DEC),
					new ExtensionOption("m", ExtensionOptionType.OPT_DEC));
		}

		@Override
		public ExtensionAcceptance<String> onConstruct(ExtensionConstruct construct) {
			this.asked.add(new ExtensionOffer(this.name, construct.parameters()).toString());
			return (construct.parameter("ok") != null)
					? new ExtensionAcceptance<>("state", List.of(ExtensionParameter.of("ok"))) : null;
		}

		@Override
		public String onClientConstruct(ExtensionConstruct construct) {
			return "client-state";
		}

	}

	private static ExtensionNegotiator.Choice negotiate(List<LwsExtension<?>> supported, String header,
			List<String> confirmed, String veto) {
		return ExtensionNegotiator.negotiateServer(supported, ExtensionHeader.parse(header), (name) -> {
			confirmed.add(name);
			return name.equals(veto) ? 1 : 0;
		}, null, 4096);
	}

	@Test
	void theFirstAcceptableOfferInTheClientsOrderWins() {
		Picky a = new Picky("a");
		Picky b = new Picky("b");
		List<String> confirmed = new ArrayList<>();
		ExtensionNegotiator.Choice choice = negotiate(List.of(a, b), "unknown, b; n=1, a; m; n=3, a; ok, b; ok",
				confirmed, null);
		assertThat(choice.extension()).isSameAs(a);
		assertThat(choice.session()).isEqualTo("state");
		assertThat(choice.response().toString()).isEqualTo("a; ok");
		assertThat(b.asked).containsExactly("b; n=1");
		assertThat(a.asked).containsExactly("a; m; n=3", "a; ok");
		// CONFIRM_EXTENSION_OKAY once per extension
		assertThat(confirmed).containsExactly("b", "a");
	}

	@Test
	void offersThatBreakTheOptionDescriptorsAreDeclinedBeforeConstruct() {
		Picky a = new Picky("a");
		assertThat(negotiate(List.of(a), "a; ok; bogus, a; ok=1, a; n; ok, a; n=x; ok, a; ok; ok, a; m=09; ok",
				new ArrayList<>(), null)).isNull();
		assertThat(a.asked).isEmpty();
		assertThat(negotiate(List.of(a), "a; ok; bogus, a; m=10; ok", new ArrayList<>(), null).response().toString())
			.isEqualTo("a; ok");
	}

	@Test
	void aProtocolVetoRefusesTheExtensionForAllItsOffers() {
		Picky a = new Picky("a");
		Picky b = new Picky("b");
		List<String> confirmed = new ArrayList<>();
		ExtensionNegotiator.Choice choice = negotiate(List.of(a, b), "a; ok, a; ok, b; ok", confirmed, "a");
		assertThat(choice.extension()).isSameAs(b);
		assertThat(a.asked).isEmpty();
		assertThat(confirmed).containsExactly("a", "b");
		assertThat(negotiate(List.of(a), "a; ok", new ArrayList<>(), "a")).isNull();
	}

	@Test
	void anExtensionThatThrowsInConstructOnlyLosesItsOffer() {
		LwsExtension<String> broken = new Picky("a") {
			@Override
			public ExtensionAcceptance<String> onConstruct(ExtensionConstruct construct) {
				throw new IllegalStateException("boom");
			}
		};
		Picky b = new Picky("b");
		assertThat(negotiate(List.of(broken, b), "a; ok, b; ok", new ArrayList<>(), null).extension()).isSameAs(b);
	}

	@Test
	void theClientOffersWhatItsProtocolKeeps() {
		Picky a = new Picky("a");
		PerMessageDeflate pmd = PerMessageDeflate.create();
		assertThat(ExtensionNegotiator.clientOffer(List.of(a, pmd), (e) -> true))
			.isEqualTo("a, permessage-deflate; client_max_window_bits");
		assertThat(ExtensionNegotiator.clientOffer(List.of(a, pmd), (e) -> e != a))
			.isEqualTo("permessage-deflate; client_max_window_bits");
		assertThat(ExtensionNegotiator.clientOffer(List.of(a, pmd), (e) -> false)).isNull();
	}

	@Test
	void theClientChecksTheAnswer() throws Exception {
		Picky a = new Picky("a");
		PerMessageDeflate pmd = PerMessageDeflate.create();
		assertThat(ExtensionNegotiator.clientAccept(List.of(a, pmd), null, null, 4096)).isNull();
		assertThat(ExtensionNegotiator.clientAccept(List.of(a, pmd), "a; ok", null, 4096).session())
			.isEqualTo("client-state");
		assertThatThrownBy(() -> ExtensionNegotiator.clientAccept(List.of(a), "b", null, 4096))
			.hasMessage("HS: EXT: unknown ext 'b'");
		assertThatThrownBy(() -> ExtensionNegotiator.clientAccept(List.of(a, pmd), "a; ok, permessage-deflate", null,
				4096)).hasMessageContaining("more than the 1 a connection may have");
		assertThatThrownBy(() -> ExtensionNegotiator.clientAccept(List.of(a), "a; zz", null, 4096))
			.hasMessage("HS: EXT: Rejects server options: parameter zz is unknown to a");
		assertThatThrownBy(() -> ExtensionNegotiator.clientAccept(List.of(a), "a; ok=\"x y\"", null, 4096))
			.hasMessageStartingWith("HS: EXT: Sec-WebSocket-Extensions has a quoted value");
		assertThatThrownBy(() -> ExtensionNegotiator.clientAccept(List.of(pmd), "permessage-deflate", null, 20))
			.hasMessageContaining("needs an rx buffer of at least 128 bytes");
	}

}
