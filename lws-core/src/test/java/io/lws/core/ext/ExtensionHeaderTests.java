package io.lws.core.ext;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code Sec-WebSocket-Extensions} read and written per RFC 6455 section 9.1. */
class ExtensionHeaderTests {

	@Test
	void severalOffersWithParametersWithAndWithoutValues() {
		List<ExtensionOffer> offers = ExtensionHeader.parse(
				"permessage-deflate; client_max_window_bits; server_max_window_bits=10, permessage-deflate,x-foo");
		assertThat(offers).containsExactly(
				ExtensionOffer.of("permessage-deflate", ExtensionParameter.of("client_max_window_bits"),
						ExtensionParameter.of("server_max_window_bits", "10")),
				ExtensionOffer.of("permessage-deflate"), ExtensionOffer.of("x-foo"));
	}

	@Test
	void quotedValuesAreUnquotedAndUnescaped() {
		assertThat(ExtensionHeader.parse("pmd; a=\"10\"; b=\"x\\yz\"").get(0).parameters())
			.containsExactly(ExtensionParameter.of("a", "10"), ExtensionParameter.of("b", "xyz"));
	}

	@Test
	void whitespaceAndEmptyListElementsAreAllowed() {
		assertThat(ExtensionHeader.parse(" ,a ;\tp = 1 ,, b ; q ,")).containsExactly(
				ExtensionOffer.of("a", ExtensionParameter.of("p", "1")),
				ExtensionOffer.of("b", ExtensionParameter.of("q")));
		assertThat(ExtensionHeader.parse(null)).isEmpty();
		assertThat(ExtensionHeader.parse("  ")).isEmpty();
	}

	@Test
	void brokenValuesAreRefusedWithTheReason() {
		assertThatThrownBy(() -> ExtensionHeader.parse("a; ; b")).hasMessageContaining("no a parameter name");
		assertThatThrownBy(() -> ExtensionHeader.parse("a; p=")).hasMessageContaining("no a value after '='");
		assertThatThrownBy(() -> ExtensionHeader.parse("a; p=\"x y\"")).hasMessageContaining("not a token");
		assertThatThrownBy(() -> ExtensionHeader.parse("a; p=\"10")).hasMessageContaining("never ends");
		assertThatThrownBy(() -> ExtensionHeader.parse("a b")).hasMessageContaining("where ',' or ';' was expected");
		assertThatThrownBy(() -> ExtensionHeader.parse("=x")).hasMessageContaining("no an extension name");
		assertThatThrownBy(() -> ExtensionHeader.parse("a; p=1=2"))
			.hasMessageContaining("where ',' or ';' was expected");
	}

	@Test
	void formatWritesWhatParseReads() {
		List<ExtensionOffer> offers = List.of(
				ExtensionOffer.of("permessage-deflate", ExtensionParameter.of("server_no_context_takeover"),
						ExtensionParameter.of("client_max_window_bits", "9")),
				ExtensionOffer.of("x"));
		String header = ExtensionHeader.format(offers);
		assertThat(header).isEqualTo("permessage-deflate; server_no_context_takeover; client_max_window_bits=9, x");
		assertThat(ExtensionHeader.parse(header)).isEqualTo(offers);
	}

	@Property(tries = 300)
	void anyListOfOffersSurvivesFormatThenParse(@ForAll("offerLists") List<ExtensionOffer> offers) {
		assertThat(ExtensionHeader.parse(ExtensionHeader.format(offers))).isEqualTo(offers);
	}

	@Provide
	Arbitrary<List<ExtensionOffer>> offerLists() {
		Arbitrary<String> token = Arbitraries.strings()
			.withChars("abcxyz019_-.!#$%&'*+^`|~")
			.ofMinLength(1)
			.ofMaxLength(12);
		Arbitrary<ExtensionParameter> parameter = Combinators
			.combine(token, token.injectNull(0.4))
			.as(ExtensionParameter::new);
		Arbitrary<ExtensionOffer> offer = Combinators.combine(token, parameter.list().ofMaxSize(5))
			.as((name, params) -> new ExtensionOffer(name, new ArrayList<>(params)));
		return offer.list().ofMinSize(0).ofMaxSize(5);
	}

}
