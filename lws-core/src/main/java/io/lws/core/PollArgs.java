package io.lws.core;

import java.nio.channels.SelectableChannel;

/**
 * The argument of the poll callbacks ({@code ADD_POLL_FD}, {@code DEL_POLL_FD}, {@code CHANGE_MODE_POLL_FD}):
 * libwebsockets' {@code struct lws_pollargs}, for applications that integrate the engine's sockets into a loop of
 * their own. Events use {@link #POLLIN} and {@link #POLLOUT}.
 *
 * @param fd the channel
 * @param events the events now wanted
 * @param prevEvents the events wanted before
 */
public record PollArgs(SelectableChannel fd, int events, int prevEvents) {

	/** Readable interest, as {@code POLLIN}. */
	public static final int POLLIN = 0x1;

	/** Writable interest, as {@code POLLOUT}. */
	public static final int POLLOUT = 0x4;

}
