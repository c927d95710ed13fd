package io.lws.core.http;

import io.lws.core.HeaderToken;

/**
 * Checks a request's {@code Host} value against RFC 9112 section 3.2's {@code uri-host [ ":" port ]} (RFC 3986
 * section 3.2.2: an {@code IP-literal} in brackets, or a {@code reg-name} of unreserved, percent-encoded and
 * sub-delim characters, which covers IPv4 addresses), since a server must answer 400 to any other: a {@code Host}
 * of {@code a b} or {@code a/b} would otherwise reach redirects and virtual-host choice.
 */
final class HostValue {

	private HostValue() {
	}

	/** Whether the one {@code Host} fragment of the head is valid; an empty value is (a target with no authority). */
	static boolean isValid(FragmentStore store) {
		int frag = store.first(HeaderToken.HOST);
		int start = store.valueOffset(frag);
		return isValid(store.data(), start, start + store.valueLength(frag));
	}

	/** Whether {@code data[start, end)} is {@code uri-host [ ":" port ]}: a Host value or an absolute target's. */
	static boolean isValid(byte[] data, int start, int end) {
		int i = start;
		if (i < end && data[i] == '[') {
			i++;
			int literal = i;
			while (i < end && data[i] != ']') {
				if (!isRegNameChar(data[i]) && data[i] != ':') {
					return false;
				}
				i++;
			}
			if (i == end || i == literal) {
				return false;
			}
			i++;
		}
		else {
			while (i < end && data[i] != ':') {
				if (data[i] == '%') {
					if (i + 2 >= end || !isHex(data[i + 1]) || !isHex(data[i + 2])) {
						return false;
					}
					i += 2;
				}
				else if (!isRegNameChar(data[i])) {
					return false;
				}
				i++;
			}
		}
		if (i == end) {
			return true;
		}
		if (data[i] != ':') {
			return false;
		}
		for (i++; i < end; i++) {
			if (data[i] < '0' || data[i] > '9') {
				return false;
			}
		}
		return true;
	}

	/** RFC 3986 {@code unreserved} or {@code sub-delims}. */
	private static boolean isRegNameChar(byte b) {
		if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
			return true;
		}
		return "-._~!$&'()*+,;=".indexOf(b) >= 0;
	}

	private static boolean isHex(byte b) {
		return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
	}

}
