package io.lws.spring.boot.autoconfigure.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import io.lws.core.CallbackReason;
import io.lws.core.ClientHandshakeHeaders;
import io.lws.core.HttpHeaders;
import io.lws.core.Lws;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.LwsVhost;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a protocol's callback to count its open WebSocket sessions (from {@code LWS_CALLBACK_ESTABLISHED} to
 * {@code LWS_CALLBACK_CLOSED}), for the actuator endpoint. Every typed method is forwarded to the same method of the
 * wrapped handler, so handlers that override typed methods and handlers written C-style (one {@code callback}) both
 * behave exactly as unwrapped. Costs one atomic increment per session opened or closed.
 *
 * @param <S> the per-session state type
 */
final class SessionCountingHandler<S> implements LwsProtocolHandler<S> {

	private final LwsProtocolHandler<S> delegate;

	private final AtomicInteger sessions;

	SessionCountingHandler(LwsProtocolHandler<S> delegate, AtomicInteger sessions) {
		this.delegate = delegate;
		this.sessions = sessions;
	}

	@Override
	public @Nullable S newSession(Lws wsi) {
		return this.delegate.newSession(wsi);
	}

	@Override
	public int callback(@Nullable Lws wsi, CallbackReason reason, @Nullable S session, @Nullable Object in) {
		return this.delegate.callback(wsi, reason, session, in);
	}

	@Override
	public int onProtocolInit(LwsVhost vhost) {
		return this.delegate.onProtocolInit(vhost);
	}

	@Override
	public int onProtocolDestroy(LwsVhost vhost) {
		return this.delegate.onProtocolDestroy(vhost);
	}

	@Override
	public int onWsiCreate(Lws wsi) {
		return this.delegate.onWsiCreate(wsi);
	}

	@Override
	public int onWsiDestroy(Lws wsi) {
		return this.delegate.onWsiDestroy(wsi);
	}

	@Override
	public int onFilterNetworkConnection(Lws wsi) {
		return this.delegate.onFilterNetworkConnection(wsi);
	}

	@Override
	public int onServerNewClientInstantiated(Lws wsi) {
		return this.delegate.onServerNewClientInstantiated(wsi);
	}

	@Override
	public int onFilterHttpConnection(Lws wsi, @Nullable S session, String uri) {
		return this.delegate.onFilterHttpConnection(wsi, session, uri);
	}

	@Override
	public int onHttp(Lws wsi, @Nullable S session, String uri) {
		return this.delegate.onHttp(wsi, session, uri);
	}

	@Override
	public int onHttpBody(Lws wsi, @Nullable S session, ByteBuffer in) {
		return this.delegate.onHttpBody(wsi, session, in);
	}

	@Override
	public int onHttpBodyCompletion(Lws wsi, @Nullable S session) {
		return this.delegate.onHttpBodyCompletion(wsi, session);
	}

	@Override
	public int onHttpWriteable(Lws wsi, @Nullable S session) {
		return this.delegate.onHttpWriteable(wsi, session);
	}

	@Override
	public int onHttpFileCompletion(Lws wsi, @Nullable S session) {
		return this.delegate.onHttpFileCompletion(wsi, session);
	}

	@Override
	public int onAddHeaders(Lws wsi, @Nullable S session, HttpHeaders headers) {
		return this.delegate.onAddHeaders(wsi, session, headers);
	}

	@Override
	public int onClosedHttp(Lws wsi, @Nullable S session) {
		return this.delegate.onClosedHttp(wsi, session);
	}

	@Override
	public int onHttpBindProtocol(Lws wsi, @Nullable S session) {
		return this.delegate.onHttpBindProtocol(wsi, session);
	}

	@Override
	public int onHttpDropProtocol(Lws wsi, @Nullable S session) {
		return this.delegate.onHttpDropProtocol(wsi, session);
	}

	@Override
	public int onFilterProtocolConnection(Lws wsi, @Nullable S session, String protocolName) {
		return this.delegate.onFilterProtocolConnection(wsi, session, protocolName);
	}

	@Override
	public int onConfirmExtensionOkay(Lws wsi, @Nullable S session, String name) {
		return this.delegate.onConfirmExtensionOkay(wsi, session, name);
	}

	@Override
	public int onClientConfirmExtensionSupported(Lws wsi, String name) {
		return this.delegate.onClientConfirmExtensionSupported(wsi, name);
	}

	@Override
	public int onEstablished(Lws wsi, @Nullable S session) {
		this.sessions.incrementAndGet();
		return this.delegate.onEstablished(wsi, session);
	}

	@Override
	public int onReceive(Lws wsi, @Nullable S session, ByteBuffer in) {
		return this.delegate.onReceive(wsi, session, in);
	}

	@Override
	public int onReceivePong(Lws wsi, @Nullable S session, ByteBuffer in) {
		return this.delegate.onReceivePong(wsi, session, in);
	}

	@Override
	public int onServerWriteable(Lws wsi, @Nullable S session) {
		return this.delegate.onServerWriteable(wsi, session);
	}

	@Override
	public int onPeerInitiatedClose(Lws wsi, @Nullable S session, ByteBuffer in) {
		return this.delegate.onPeerInitiatedClose(wsi, session, in);
	}

	@Override
	public int onClosed(Lws wsi, @Nullable S session) {
		this.sessions.decrementAndGet();
		return this.delegate.onClosed(wsi, session);
	}

	@Override
	public int onTimer(Lws wsi, @Nullable S session) {
		return this.delegate.onTimer(wsi, session);
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

	@Override
	public int onClientConnectionError(Lws wsi, @Nullable S session, String reason) {
		return this.delegate.onClientConnectionError(wsi, session, reason);
	}

	@Override
	public int onClientAppendHandshakeHeader(Lws wsi, @Nullable S session, ClientHandshakeHeaders headers) {
		return this.delegate.onClientAppendHandshakeHeader(wsi, session, headers);
	}

	@Override
	public int onClientFilterPreEstablish(Lws wsi, @Nullable S session) {
		return this.delegate.onClientFilterPreEstablish(wsi, session);
	}

	@Override
	public int onClientEstablished(Lws wsi, @Nullable S session) {
		return this.delegate.onClientEstablished(wsi, session);
	}

	@Override
	public int onClientReceive(Lws wsi, @Nullable S session, ByteBuffer in) {
		return this.delegate.onClientReceive(wsi, session, in);
	}

	@Override
	public int onClientReceivePong(Lws wsi, @Nullable S session, ByteBuffer in) {
		return this.delegate.onClientReceivePong(wsi, session, in);
	}

	@Override
	public int onClientWriteable(Lws wsi, @Nullable S session) {
		return this.delegate.onClientWriteable(wsi, session);
	}

	@Override
	public int onClientClosed(Lws wsi, @Nullable S session) {
		return this.delegate.onClientClosed(wsi, session);
	}

	@Override
	public int onEstablishedClientHttp(Lws wsi, @Nullable S session) {
		return this.delegate.onEstablishedClientHttp(wsi, session);
	}

	@Override
	public int onReceiveClientHttp(Lws wsi, @Nullable S session) {
		return this.delegate.onReceiveClientHttp(wsi, session);
	}

	@Override
	public int onReceiveClientHttpRead(Lws wsi, @Nullable S session, ByteBuffer in) {
		return this.delegate.onReceiveClientHttpRead(wsi, session, in);
	}

	@Override
	public int onCompletedClientHttp(Lws wsi, @Nullable S session) {
		return this.delegate.onCompletedClientHttp(wsi, session);
	}

	@Override
	public int onClosedClientHttp(Lws wsi, @Nullable S session) {
		return this.delegate.onClosedClientHttp(wsi, session);
	}

	@Override
	public int onClientHttpWriteable(Lws wsi, @Nullable S session) {
		return this.delegate.onClientHttpWriteable(wsi, session);
	}

	@Override
	public int onClientHttpRedirect(Lws wsi, @Nullable S session, String location) {
		return this.delegate.onClientHttpRedirect(wsi, session, location);
	}

}
