package io.lws.core.spa;

import java.nio.ByteBuffer;

/**
 * The content of a non-file part whose name was asked for, written to the {@link ValueStore} as it is: multipart
 * values are not percent-decoded, RFC 7578 sends them raw.
 */
final class ValuePart implements PartSink {

	private final ValueStore store;

	/** Takes the part's content as the value the store just opened. */
	ValuePart(ValueStore store) {
		this.store = store;
	}

	@Override
	public void content(ByteBuffer piece) {
		this.store.append(piece);
	}

	@Override
	public void end(ByteBuffer last) {
		this.store.append(last);
		this.store.close();
	}

	@Override
	public void abort() {
		// Whatever arrived stays as the value: the body is refused anyway, and the store must be free again.
		this.store.close();
	}

}
