package io.lws.core.ext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import io.lws.core.Lws;
import io.lws.core.log.LwsLog;

/**
 * Extension negotiation in the opening handshake, both sides, as plain functions over parsed headers: the server's
 * choice among a client's offers, and a client's offer and its check of the server's answer. At most
 * {@link #MAX_ACTIVE} extension is chosen per connection, as in libwebsockets 4.x.
 */
public final class ExtensionNegotiator {

	/** How many extensions may be active on one connection ({@code LWS_MAX_EXTENSIONS_ACTIVE} of lws 4.x). */
	public static final int MAX_ACTIVE = 1;

	private ExtensionNegotiator() {
	}

	/**
	 * The server's choice: the extension, its state on the connection and the element to answer with.
	 *
	 * @param extension the extension chosen
	 * @param session its per-connection state
	 * @param response the element for the response's {@code Sec-WebSocket-Extensions}
	 */
	public record Choice(LwsExtension<?> extension, Object session, ExtensionOffer response) {
	}

	/**
	 * Chooses the extension of a new server connection. The client's elements are taken in its order; for each whose
	 * name a supported extension has: the offer is declined when its parameters break the extension's
	 * {@link LwsExtension#options()}; the first time an extension comes up, {@code confirm} is asked
	 * ({@code LWS_CALLBACK_CONFIRM_EXTENSION_OKAY}: non-zero refuses that extension for every offer); then the
	 * extension's {@link LwsExtension#onConstruct} accepts or declines the offer. The first acceptance wins.
	 * @param supported the vhost's extensions
	 * @param offers the client's elements
	 * @param confirm asked with an extension name; 0 allows it
	 * @param wsi the connection, or {@code null}
	 * @param rxBufferSize the bound protocol's rx buffer size
	 * @return the choice, or {@code null} when no offer was accepted (the handshake goes on without extensions)
	 */
	public static Choice negotiateServer(List<? extends LwsExtension<?>> supported, List<ExtensionOffer> offers,
			ToIntFunction<String> confirm, Lws wsi, int rxBufferSize) {
		Set<String> refused = new HashSet<>();
		Set<String> confirmed = new HashSet<>();
		for (ExtensionOffer offer : offers) {
			LwsExtension<?> ext = find(supported, offer.name());
			if (ext == null || refused.contains(ext.name())) {
				continue;
			}
			String problem = checkParameters(ext, offer.parameters());
			if (problem != null) {
				LwsLog.debug("Declining the offer '{}': {}", offer, problem);
				continue;
			}
			if (!confirmed.contains(ext.name())) {
				if (confirm.applyAsInt(ext.name()) != 0) {
					LwsLog.debug("The protocol refused extension {} (CONFIRM_EXTENSION_OKAY)", ext.name());
					refused.add(ext.name());
					continue;
				}
				confirmed.add(ext.name());
			}
			ExtensionAcceptance<?> accepted;
			try {
				accepted = ext.onConstruct(new ExtensionConstruct(wsi, false, rxBufferSize, offer.parameters()));
			}
			catch (RuntimeException ex) {
				LwsLog.err("Extension {} threw from CONSTRUCT: {}", ext.name(), ex.toString());
				continue;
			}
			if (accepted == null) {
				LwsLog.debug("Extension {} declined the offer '{}'", ext.name(), offer);
				continue;
			}
			return new Choice(ext, accepted.session(), new ExtensionOffer(ext.name(), accepted.response()));
		}
		return null;
	}

	/**
	 * Whether parameters fit an extension's {@link LwsExtension#options()}: every name known, every value of the
	 * right type, no name twice.
	 * @return {@code null} when they do, else the reason in one sentence
	 */
	public static String checkParameters(LwsExtension<?> ext, List<ExtensionParameter> parameters) {
		List<ExtensionOption> options = ext.options();
		Set<String> seen = new HashSet<>();
		for (ExtensionParameter p : parameters) {
			if (!seen.add(p.name())) {
				return "parameter " + p.name() + " is given twice";
			}
			if (options.isEmpty()) {
				continue;
			}
			ExtensionOption option = null;
			for (ExtensionOption o : options) {
				if (o.name().equals(p.name())) {
					option = o;
				}
			}
			if (option == null) {
				return "parameter " + p.name() + " is unknown to " + ext.name();
			}
			if (!option.type().accepts(p.value())) {
				return "parameter " + p + " does not fit its type " + option.type();
			}
		}
		return null;
	}

	// ---- client ----

	/**
	 * The value of a client's {@code Sec-WebSocket-Extensions}: the {@link LwsExtension#clientOffer()} of each
	 * extension that {@code supported} keeps ({@code LWS_CALLBACK_CLIENT_CONFIRM_EXTENSION_SUPPORTED}: the protocol
	 * may suppress an offer), in order.
	 * @return the header value, or {@code null} when nothing is offered (send no header)
	 */
	public static String clientOffer(List<? extends LwsExtension<?>> extensions,
			Predicate<LwsExtension<?>> supported) {
		StringBuilder s = new StringBuilder();
		for (LwsExtension<?> ext : extensions) {
			if (!supported.test(ext)) {
				continue;
			}
			if (s.length() > 0) {
				s.append(", ");
			}
			s.append(ext.clientOffer());
		}
		return (s.length() > 0) ? s.toString() : null;
	}

	/**
	 * A client's check of the server's {@code Sec-WebSocket-Extensions}, then {@code CLIENT_CONSTRUCT}: every element
	 * must name an extension that was offered, once, with parameters that fit its options, at most
	 * {@link #MAX_ACTIVE} of them, and the extension must accept the parameters.
	 * @param offered the extensions the client offered
	 * @param responseHeader the server's header value, or {@code null} when it sent none
	 * @param wsi the connection, or {@code null}
	 * @param rxBufferSize the client protocol's rx buffer size
	 * @return the accepted extension, or {@code null} when the server accepted none
	 * @throws ExtensionNegotiationException if the answer is not acceptable (the handshake must fail)
	 */
	public static Choice clientAccept(List<? extends LwsExtension<?>> offered, String responseHeader, Lws wsi,
			int rxBufferSize) throws ExtensionNegotiationException {
		List<ExtensionOffer> elements;
		try {
			elements = ExtensionHeader.parse(responseHeader);
		}
		catch (IllegalArgumentException ex) {
			throw new ExtensionNegotiationException("HS: EXT: " + ex.getMessage());
		}
		if (elements.isEmpty()) {
			return null;
		}
		if (elements.size() > MAX_ACTIVE) {
			throw new ExtensionNegotiationException("HS: EXT: the server accepted " + elements.size()
					+ " extensions, more than the " + MAX_ACTIVE + " a connection may have");
		}
		List<Choice> chosen = new ArrayList<>();
		for (ExtensionOffer element : elements) {
			LwsExtension<?> ext = find(offered, element.name());
			if (ext == null) {
				throw new ExtensionNegotiationException("HS: EXT: unknown ext '" + element.name() + "'");
			}
			String problem = checkParameters(ext, element.parameters());
			if (problem != null) {
				throw new ExtensionNegotiationException("HS: EXT: Rejects server options: " + problem);
			}
			Object session = ext.onClientConstruct(
					new ExtensionConstruct(wsi, true, rxBufferSize, element.parameters()));
			if (session == null) {
				throw new ExtensionNegotiationException("HS: EXT: " + ext.name() + " refused the server's options");
			}
			chosen.add(new Choice(ext, session, element));
		}
		return chosen.get(0);
	}

	private static LwsExtension<?> find(List<? extends LwsExtension<?>> extensions, String name) {
		for (LwsExtension<?> ext : extensions) {
			if (ext.name().equals(name)) {
				return ext;
			}
		}
		return null;
	}

}
