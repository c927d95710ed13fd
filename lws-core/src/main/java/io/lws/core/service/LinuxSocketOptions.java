package io.lws.core.service;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.NetworkChannel;
import java.util.Locale;

/**
 * Integer socket options Java 17 has no {@code SocketOption} for ({@code TCP_NOTSENT_LOWAT}, {@code IPV6_V6ONLY}),
 * set by their Linux numbers through the JDK's own {@code sun.nio.ch.Net}, which the application must open to us:
 * {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} on the command line, or {@code Add-Opens: java.base/sun.nio.ch}
 * in an executable jar's manifest. Where that is missing, or off Linux, {@link #unavailableReason()} says why.
 */
final class LinuxSocketOptions {

	/** Linux's {@code IPPROTO_TCP} ({@code <netinet/in.h>}), the level of the {@code TCP_*} options. */
	static final int IPPROTO_TCP = 6;

	private static final MethodHandle GET_FD;

	private static final MethodHandle SET_INT;

	private static final MethodHandle GET_INT;

	private static final String UNAVAILABLE;

	static {
		MethodHandle getFd = null;
		MethodHandle setInt = null;
		MethodHandle getInt = null;
		String unavailable = null;
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
			unavailable = "these socket options are set on Linux only";
		}
		else {
			try {
				Class<?> net = Class.forName("sun.nio.ch.Net");
				MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(net, MethodHandles.lookup());
				getFd = lookup.findVirtual(Class.forName("sun.nio.ch.SelChImpl"), "getFD",
						MethodType.methodType(FileDescriptor.class));
				setInt = lookup.findStatic(net, "setIntOption0", MethodType.methodType(void.class,
						FileDescriptor.class, boolean.class, int.class, int.class, int.class, boolean.class));
				getInt = lookup.findStatic(net, "getIntOption0",
						MethodType.methodType(int.class, FileDescriptor.class, boolean.class, int.class, int.class));
			}
			catch (IllegalAccessException ex) {
				unavailable = "the JVM needs --add-opens java.base/sun.nio.ch=ALL-UNNAMED "
						+ "(or Add-Opens: java.base/sun.nio.ch in the jar's manifest)";
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				unavailable = "this JDK has no sun.nio.ch.Net socket option methods (" + ex + ")";
			}
		}
		GET_FD = getFd;
		SET_INT = setInt;
		GET_INT = getInt;
		UNAVAILABLE = unavailable;
	}

	private LinuxSocketOptions() {
	}

	/** Why the options cannot be set in this JVM, or {@code null} when they can. */
	static String unavailableReason() {
		return UNAVAILABLE;
	}

	/** {@code setsockopt(fd, level, option, &value, sizeof(int))} on a channel of the JDK's own socket classes. */
	static void setInt(NetworkChannel ch, int level, int option, int value) throws IOException {
		check();
		try {
			SET_INT.invoke(fd(ch), false, level, option, value, false);
		}
		catch (IOException | RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code getsockopt(fd, level, option)} of an integer option. */
	static int getInt(NetworkChannel ch, int level, int option) throws IOException {
		check();
		try {
			return (int) GET_INT.invoke(fd(ch), false, level, option);
		}
		catch (IOException | RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void check() throws IOException {
		if (UNAVAILABLE != null) {
			throw new IOException("socket option unavailable: " + UNAVAILABLE);
		}
	}

	private static FileDescriptor fd(NetworkChannel ch) throws Throwable {
		return (FileDescriptor) GET_FD.invoke(ch);
	}

}
