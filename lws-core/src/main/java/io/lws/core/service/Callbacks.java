package io.lws.core.service;

import java.nio.ByteBuffer;

import io.lws.core.CallbackReason;
import io.lws.core.Lws;
import io.lws.core.LwsProtocol;
import io.lws.core.LwsProtocolHandler;
import io.lws.core.LwsVhost;
import io.lws.core.log.LwsLog;

/**
 * Calls a protocol's handler for a reason, through the typed method for that reason, and turns an exception thrown by
 * the application into a logged error and a non-zero return (the connection closes; nothing else is affected).
 */
final class Callbacks {

	/** What a callback that threw is taken to have returned. */
	static final int THREW = -1;

	private Callbacks() {
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static int call(Lws wsi, LwsProtocol<?> protocol, CallbackReason reason, Object session, Object in) {
		LwsProtocolHandler h = protocol.handler();
		try {
			return dispatch(h, wsi, reason, session, in);
		}
		catch (RuntimeException | Error ex) {
			if (ex instanceof VirtualMachineError vme) {
				throw vme;
			}
			LwsLog.err("Protocol '{}' threw from {} on {}: {}", protocol.name(), reason, wsi, ex.toString());
			LwsLog.debug("Stack trace", ex);
			return THREW;
		}
	}

	/** Calls {@code PROTOCOL_INIT} or {@code PROTOCOL_DESTROY} and logs a failure. */
	static int callVhostLevel(LwsProtocol<?> protocol, CallbackReason reason, LwsVhost vhost) {
		try {
			return (reason == CallbackReason.PROTOCOL_INIT) ? protocol.handler().onProtocolInit(vhost)
					: protocol.handler().onProtocolDestroy(vhost);
		}
		catch (RuntimeException ex) {
			LwsLog.err("Protocol '{}' threw from {} on vhost {}: {}", protocol.name(), reason, vhost.name(),
					ex.toString());
			return THREW;
		}
	}

	/** Calls a reason with no connection (e.g. {@code EVENT_WAIT_CANCELLED}) through the generic callback. */
	static int callGeneric(LwsProtocol<?> protocol, CallbackReason reason, Object in) {
		try {
			return protocol.handler().callback(null, reason, null, in);
		}
		catch (RuntimeException ex) {
			LwsLog.err("Protocol '{}' threw from {}: {}", protocol.name(), reason, ex.toString());
			return THREW;
		}
	}

	private static int dispatch(LwsProtocolHandler<Object> h, Lws wsi, CallbackReason reason, Object s, Object in) {
		return switch (reason) {
			case WSI_CREATE -> h.onWsiCreate(wsi);
			case WSI_DESTROY -> h.onWsiDestroy(wsi);
			case FILTER_NETWORK_CONNECTION -> h.onFilterNetworkConnection(wsi);
			case SERVER_NEW_CLIENT_INSTANTIATED -> h.onServerNewClientInstantiated(wsi);
			case FILTER_HTTP_CONNECTION -> h.onFilterHttpConnection(wsi, s, (String) in);
			case HTTP -> h.onHttp(wsi, s, (String) in);
			case HTTP_BODY -> h.onHttpBody(wsi, s, (ByteBuffer) in);
			case HTTP_BODY_COMPLETION -> h.onHttpBodyCompletion(wsi, s);
			case HTTP_WRITEABLE -> h.onHttpWriteable(wsi, s);
			case HTTP_FILE_COMPLETION -> h.onHttpFileCompletion(wsi, s);
			case CLOSED_HTTP -> h.onClosedHttp(wsi, s);
			case HTTP_BIND_PROTOCOL -> h.onHttpBindProtocol(wsi, s);
			case HTTP_DROP_PROTOCOL -> h.onHttpDropProtocol(wsi, s);
			case ADD_HEADERS -> h.onAddHeaders(wsi, s, (io.lws.core.HttpHeaders) in);
			case FILTER_PROTOCOL_CONNECTION -> h.onFilterProtocolConnection(wsi, s, (String) in);
			case CONFIRM_EXTENSION_OKAY -> h.onConfirmExtensionOkay(wsi, s, (String) in);
			case CLIENT_CONFIRM_EXTENSION_SUPPORTED -> h.onClientConfirmExtensionSupported(wsi, (String) in);
			case ESTABLISHED -> h.onEstablished(wsi, s);
			case RECEIVE -> h.onReceive(wsi, s, (ByteBuffer) in);
			case RECEIVE_PONG -> h.onReceivePong(wsi, s, (ByteBuffer) in);
			case SERVER_WRITEABLE -> h.onServerWriteable(wsi, s);
			case WS_PEER_INITIATED_CLOSE -> h.onPeerInitiatedClose(wsi, s, (ByteBuffer) in);
			case CLOSED -> h.onClosed(wsi, s);
			case TIMER -> h.onTimer(wsi, s);
			case CLIENT_CONNECTION_ERROR -> h.onClientConnectionError(wsi, s, (String) in);
			case CLIENT_APPEND_HANDSHAKE_HEADER -> h.onClientAppendHandshakeHeader(wsi, s,
					(io.lws.core.ClientHandshakeHeaders) in);
			case CLIENT_FILTER_PRE_ESTABLISH -> h.onClientFilterPreEstablish(wsi, s);
			case CLIENT_ESTABLISHED -> h.onClientEstablished(wsi, s);
			case CLIENT_RECEIVE -> h.onClientReceive(wsi, s, (ByteBuffer) in);
			case CLIENT_RECEIVE_PONG -> h.onClientReceivePong(wsi, s, (ByteBuffer) in);
			case CLIENT_WRITEABLE -> h.onClientWriteable(wsi, s);
			case CLIENT_CLOSED -> h.onClientClosed(wsi, s);
			case ESTABLISHED_CLIENT_HTTP -> h.onEstablishedClientHttp(wsi, s);
			case RECEIVE_CLIENT_HTTP -> h.onReceiveClientHttp(wsi, s);
			case RECEIVE_CLIENT_HTTP_READ -> h.onReceiveClientHttpRead(wsi, s, (ByteBuffer) in);
			case COMPLETED_CLIENT_HTTP -> h.onCompletedClientHttp(wsi, s);
			case CLOSED_CLIENT_HTTP -> h.onClosedClientHttp(wsi, s);
			case CLIENT_HTTP_WRITEABLE -> h.onClientHttpWriteable(wsi, s);
			case CLIENT_HTTP_REDIRECT -> h.onClientHttpRedirect(wsi, s, (String) in);
			default -> h.callback(wsi, reason, s, in);
		};
	}

}
