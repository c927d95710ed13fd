package io.lws.core.ext.pmd;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lws.core.ext.ExtensionHeader;
import io.lws.core.ext.ExtensionNegotiator;
import io.lws.core.ext.ExtensionParameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 7692 section 7.1 parameter negotiation: the server's answers and the client's offer and checks. */
class PmdNegotiationTests {

	/** What a server configured as {@code config} answers to {@code header}, or "declined". */
	static String answer(PerMessageDeflate config, String header) {
		ExtensionNegotiator.Choice choice = ExtensionNegotiator.negotiateServer(List.of(config),
				ExtensionHeader.parse(header), (name) -> 0, null, 4096);
		return (choice != null) ? choice.response().toString() : "declined";
	}

	static String answer(String header) {
		return answer(PerMessageDeflate.create(), header);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
			"permessage-deflate | permessage-deflate",
			"permessage-deflate; client_max_window_bits | permessage-deflate",
			"permessage-deflate; client_max_window_bits=10 | permessage-deflate; client_max_window_bits=10",
			"permessage-deflate; server_no_context_takeover | permessage-deflate; server_no_context_takeover",
			"permessage-deflate; client_no_context_takeover | permessage-deflate; client_no_context_takeover",
			"permessage-deflate; server_max_window_bits=15 | permessage-deflate; server_max_window_bits=15",
			"permessage-deflate; server_max_window_bits=10 | permessage-deflate; server_max_window_bits=10",
			"permessage-deflate; server_max_window_bits=8; client_max_window_bits=8 "
					+ "| permessage-deflate; server_max_window_bits=8; client_max_window_bits=8",
			"permessage-deflate; server_max_window_bits=\"9\" | permessage-deflate; server_max_window_bits=9",
			// declined: undefined parameter, repeated parameter, a value where none is allowed, a missing or bad value
			"permessage-deflate; foo=bar | declined",
			"permessage-deflate; client_max_window_bits; client_max_window_bits | declined",
			"permessage-deflate; server_no_context_takeover=1 | declined",
			"permessage-deflate; server_max_window_bits | declined",
			"permessage-deflate; server_max_window_bits=7 | declined",
			"permessage-deflate; server_max_window_bits=16 | declined",
			"permessage-deflate; server_max_window_bits=010 | declined",
			"permessage-deflate; client_max_window_bits=abc | declined",
			// the first acceptable offer wins
			"permessage-deflate; server_max_window_bits=7, permessage-deflate; client_no_context_takeover "
					+ "| permessage-deflate; client_no_context_takeover",
			"x-webkit-deflate-frame, permessage-deflate; foo, permessage-deflate | permessage-deflate" })
	void theServerAnswersEachOfferPerSection71(String offer, String expected) {
		assertThat(answer(offer)).isEqualTo(expected);
	}

	@Test
	void theServersConfigurationAddsWhatTheRfcLetsItAdd() {
		PerMessageDeflate config = PerMessageDeflate.builder()
			.serverNoContextTakeover(true)
			.clientNoContextTakeover(true)
			.serverMaxWindowBits(12)
			.clientMaxWindowBits(11)
			.build();
		// no-context-takeover may always be added; window sizes are only answered when offered
		assertThat(answer(config, "permessage-deflate"))
			.isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
		assertThat(answer(config, "permessage-deflate; server_max_window_bits=14; client_max_window_bits"))
			.isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
					+ "server_max_window_bits=12; client_max_window_bits=11");
		assertThat(answer(config, "permessage-deflate; server_max_window_bits=9; client_max_window_bits=10"))
			.isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
					+ "server_max_window_bits=9; client_max_window_bits=10");
	}

	@Test
	void theAgreedParametersDescribeBothCompressors() {
		PmdNegotiation.Agreement a = PmdNegotiation.serverAccept(PerMessageDeflate.create(),
				List.of(ExtensionParameter.of("server_max_window_bits", "9"),
						ExtensionParameter.of("client_no_context_takeover")));
		assertThat(a.parameters()).isEqualTo(new PmdParameters(false, true, 9, 15));
		a = PmdNegotiation.serverAccept(PerMessageDeflate.builder().serverMaxWindowBits(10).build(), List.of());
		// not offered, not answered, but the server's own compressor still keeps to 10 bits
		assertThat(a.response()).isEmpty();
		assertThat(a.parameters().serverMaxWindowBits()).isEqualTo(10);
	}

	@Test
	void aProtocolWithATinyRxBufferNeverGetsTheExtension() {
		assertThat(ExtensionNegotiator.negotiateServer(List.of(PerMessageDeflate.create()),
				ExtensionHeader.parse("permessage-deflate"), (name) -> 0, null, 127)).isNull();
		assertThat(ExtensionNegotiator.negotiateServer(List.of(PerMessageDeflate.create()),
				ExtensionHeader.parse("permessage-deflate"), (name) -> 0, null, 128)).isNotNull();
	}

	@Test
	void theClientOffersItsConfiguration() {
		assertThat(PmdNegotiation.clientOffer(PerMessageDeflate.create()))
			.isEqualTo("permessage-deflate; client_max_window_bits");
		assertThat(PmdNegotiation.clientOffer(PerMessageDeflate.builder()
			.serverNoContextTakeover(true)
			.clientNoContextTakeover(true)
			.serverMaxWindowBits(10)
			.clientMaxWindowBits(9)
			.build()))
			.isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
					+ "server_max_window_bits=10; client_max_window_bits=9");
		// what libwebsockets' test client offers, as a configuration
		assertThat(PerMessageDeflate.builder().clientNoContextTakeover(true).build().clientOffer())
			.isEqualTo("permessage-deflate; client_no_context_takeover; client_max_window_bits");
	}

	@Test
	void theClientAcceptsValidAnswersAndAppliesThem() throws Exception {
		PerMessageDeflate offered = PerMessageDeflate.builder().serverMaxWindowBits(12).build();
		assertThat(PmdNegotiation.clientAccept(offered, List.of())).isEqualTo(PmdParameters.DEFAULTS);
		assertThat(PmdNegotiation.clientAccept(offered, List.of(ExtensionParameter.of("server_no_context_takeover"),
				ExtensionParameter.of("client_no_context_takeover"),
				ExtensionParameter.of("server_max_window_bits", "9"),
				ExtensionParameter.of("client_max_window_bits", "8"))))
			.isEqualTo(new PmdParameters(true, true, 9, 8));
		// a client that asked for client_no_context_takeover keeps to it even when the server does not say so
		assertThat(PmdNegotiation.clientAccept(PerMessageDeflate.builder().clientNoContextTakeover(true).build(),
				List.of()).clientNoContextTakeover()).isTrue();
	}

	@Test
	void theClientRejectsAnswersThatBreakSection71() {
		PerMessageDeflate offered = PerMessageDeflate.builder().serverMaxWindowBits(10).build();
		for (String bad : List.of("foo", "client_max_window_bits", "server_max_window_bits", "server_max_window_bits=7",
				"client_no_context_takeover=1", "server_no_context_takeover; server_no_context_takeover")) {
			List<ExtensionParameter> params = ExtensionHeader.parse("permessage-deflate; " + bad).get(0).parameters();
			assertThatThrownBy(() -> PmdNegotiation.clientAccept(offered, params)).as(bad)
				.hasMessageStartingWith("HS: EXT: Rejects server options");
		}
		assertThatThrownBy(() -> PmdNegotiation.clientAccept(offered,
				List.of(ExtensionParameter.of("server_max_window_bits", "11"))))
			.hasMessage("HS: EXT: Rejects server options: server_max_window_bits=11 is more than the 10 offered");
	}

	@Test
	void optionsFromConfigurationUseEitherSpelling() {
		PerMessageDeflate p = PerMessageDeflate.fromOptions(Map.of("server-no-context-takeover", "true",
				"client_no_context_takeover", "TRUE", "server-max-window-bits", "10", "client-max-window-bits", "9",
				"compression-level", "6", "rx-buf-size", "1024", "tx_buf_size", "8192"));
		assertThat(p.serverNoContextTakeover()).isTrue();
		assertThat(p.clientNoContextTakeover()).isTrue();
		assertThat(p.serverMaxWindowBits()).isEqualTo(10);
		assertThat(p.clientMaxWindowBits()).isEqualTo(9);
		assertThat(p.compressionLevel()).isEqualTo(6);
		assertThat(p.rxBufSize()).isEqualTo(1024);
		assertThat(p.txBufSize()).isEqualTo(8192);
		assertThatThrownBy(() -> PerMessageDeflate.fromOptions(Map.of("mem-level", "8")))
			.hasMessageStartingWith("'mem-level' is not a permessage-deflate option");
		assertThatThrownBy(() -> PerMessageDeflate.fromOptions(Map.of("server-max-window-bits", "16")))
			.hasMessage("server_max_window_bits must be 8 to 15, not 16");
		assertThatThrownBy(() -> PerMessageDeflate.fromOptions(Map.of("server-no-context-takeover", "yes")))
			.hasMessage("'server-no-context-takeover' must be true or false, not 'yes'");
		assertThatThrownBy(() -> PerMessageDeflate.fromOptions(Map.of("tx-buf-size", "10")))
			.hasMessageStartingWith("tx_buf_size must be 128 to 16777216 bytes, not 10");
	}

}
