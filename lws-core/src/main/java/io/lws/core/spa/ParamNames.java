package io.lws.core.spa;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter names an application asked for, numbered in the order given like libwebsockets' {@code param_names}
 * array, and found either by name or by the raw bytes a body spells them with.
 */
final class ParamNames {

	private final Map<String, Integer> indexByName = new HashMap<>();

	private final byte[][] utf8;

	private final int maxUtf8Length;

	ParamNames(List<String> names) {
		this.utf8 = new byte[names.size()][];
		int longest = 0;
		for (int i = 0; i < names.size(); i++) {
			this.indexByName.put(names.get(i), i);
			this.utf8[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
			longest = Math.max(longest, this.utf8[i].length);
		}
		this.maxUtf8Length = longest;
	}

	/** How many names there are. */
	int count() {
		return this.utf8.length;
	}

	/** The index of a name, or -1 when it was not asked for. */
	int indexOf(String name) {
		Integer index = this.indexByName.get(name);
		return (index != null) ? index : -1;
	}

	/**
	 * The index of the name whose UTF-8 bytes are {@code bytes[0, length)}, or -1. Compares bytes so a decoded
	 * urlencoded name needs no String.
	 */
	int indexOf(byte[] bytes, int length) {
		for (int i = 0; i < this.utf8.length; i++) {
			if (Arrays.equals(this.utf8[i], 0, this.utf8[i].length, bytes, 0, length)) {
				return i;
			}
		}
		return -1;
	}

	/** The UTF-8 length of the longest name: a longer name in a body cannot match, so need not be kept. */
	int maxUtf8Length() {
		return this.maxUtf8Length;
	}

}
