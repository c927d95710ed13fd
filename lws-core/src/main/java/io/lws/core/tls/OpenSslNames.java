package io.lws.core.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Translates OpenSSL's names, as libwebsockets takes them in {@code ssl_cipher_list} and {@code ecdh_curve}, into
 * JSSE's.
 * <p>
 * Cipher lists: the elements OpenSSL separates with {@code :} (also {@code ,} or spaces) are OpenSSL cipher names
 * ({@code ECDHE-RSA-AES128-GCM-SHA256}), JSSE suite names ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}) or keywords
 * ({@code DEFAULT}, {@code ALL}, {@code HIGH}, {@code ECDHE}, {@code AESGCM}, {@code aNULL}, ...), joined by {@code +}
 * for "all of", and prefixed by {@code !} (remove for good), {@code -} (remove) or {@code +} (move to the end), as in
 * {@code ciphers(1)}. {@code @STRENGTH} and {@code @SECLEVEL=n} are accepted and ignored. Anything else is refused
 * with a message naming it. As in OpenSSL, the list governs TLS 1.2: unless it names TLS 1.3 suites itself, the
 * JDK's TLS 1.3 suites stay enabled.
 */
public final class OpenSslNames {

	private static final String SCSV = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

	private OpenSslNames() {
	}

	/**
	 * The OpenSSL name of a JSSE cipher suite ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256} →
	 * {@code ECDHE-RSA-AES128-GCM-SHA256}); TLS 1.3 suites keep their names; {@code null} when there is none.
	 */
	public static String openSslName(String jsse) {
		if (!jsse.startsWith("TLS_")) {
			return null;
		}
		int with = jsse.indexOf("_WITH_");
		if (with < 0) {
			return jsse.equals(SCSV) ? null : jsse;
		}
		String kx = switch (jsse.substring(4, with)) {
			case "ECDHE_ECDSA" -> "ECDHE-ECDSA-";
			case "ECDHE_RSA" -> "ECDHE-RSA-";
			case "DHE_RSA" -> "DHE-RSA-";
			case "DHE_DSS" -> "DHE-DSS-";
			case "RSA" -> "";
			default -> null;
		};
		String rest = jsse.substring(with + 6);
		String cipher;
		if (rest.startsWith("CHACHA20_POLY1305")) {
			cipher = "CHACHA20-POLY1305";
			rest = "";
		}
		else if (rest.matches("AES_(128|256)_(GCM|CBC)_SHA(256|384)?")) {
			String[] p = rest.split("_");
			cipher = "AES" + p[1] + (p[2].equals("GCM") ? "-GCM" : "");
			rest = p[3];
		}
		else {
			return null;
		}
		if (kx == null) {
			return null;
		}
		return kx + cipher + (rest.isEmpty() ? "" : "-" + rest);
	}

	/**
	 * The JSSE cipher suites an OpenSSL cipher list selects, in order.
	 * @param list the OpenSSL list; null or blank means the JDK defaults
	 * @param supported the suites the JDK supports ({@code SSLEngine.getSupportedCipherSuites()})
	 * @param defaults the suites the JDK enables by default, which {@code DEFAULT} means
	 * @throws TlsConfigException naming an element that is neither a cipher nor a keyword, or when nothing is left
	 */
	public static String[] cipherSuites(String list, String[] supported, String[] defaults) {
		if (list == null || list.isBlank()) {
			return defaults.clone();
		}
		Map<String, String> byOpenSsl = new java.util.HashMap<>();
		for (String s : supported) {
			String o = openSslName(s);
			if (o != null) {
				byOpenSsl.put(o.toUpperCase(Locale.ROOT), s);
			}
		}
		List<String> selected = new ArrayList<>();
		Set<String> banned = new LinkedHashSet<>();
		for (String raw : list.trim().split("[:, ]+")) {
			if (raw.isEmpty() || raw.startsWith("@")) {
				continue;
			}
			char op = raw.charAt(0);
			String expr = (op == '!' || op == '-' || op == '+') ? raw.substring(1) : raw;
			Predicate<String> match = expression(expr, raw, supported, defaults, byOpenSsl);
			switch (op) {
				case '!' -> {
					for (String s : supported) {
						if (match.test(s)) {
							banned.add(s);
						}
					}
					selected.removeIf(match);
				}
				case '-' -> selected.removeIf(match);
				case '+' -> {
					List<String> moved = new ArrayList<>();
					for (String s : selected) {
						if (match.test(s)) {
							moved.add(s);
						}
					}
					selected.removeAll(moved);
					selected.addAll(moved);
				}
				default -> {
					List<String> order = expr.equalsIgnoreCase("DEFAULT") ? List.of(defaults) : List.of(supported);
					for (String s : order) {
						if (match.test(s) && !selected.contains(s) && !banned.contains(s)) {
							selected.add(s);
						}
					}
				}
			}
		}
		selected.remove(SCSV);
		boolean hasTls12 = selected.stream().anyMatch((s) -> s.contains("_WITH_"));
		boolean hasTls13 = selected.stream().anyMatch((s) -> !s.contains("_WITH_"));
		if (!hasTls12 && !hasTls13) {
			throw new TlsConfigException("ssl_cipher_list '" + list + "' selects no cipher suite this JDK supports");
		}
		if (!hasTls13) {
			for (String s : defaults) {
				if (!s.contains("_WITH_") && !s.equals(SCSV) && !banned.contains(s)) {
					selected.add(s);
				}
			}
		}
		return selected.toArray(new String[0]);
	}

	private static Predicate<String> expression(String expr, String raw, String[] supported, String[] defaults,
			Map<String, String> byOpenSsl) {
		Predicate<String> all = (s) -> true;
		for (String term : expr.split("\\+")) {
			if (term.isEmpty()) {
				continue;
			}
			Predicate<String> p = term(term, raw, supported, defaults, byOpenSsl);
			all = all.and(p);
		}
		return all;
	}

	private static Predicate<String> term(String term, String raw, String[] supported, String[] defaults,
			Map<String, String> byOpenSsl) {
		String exact = byOpenSsl.get(term.toUpperCase(Locale.ROOT));
		if (exact != null) {
			return exact::equals;
		}
		for (String s : supported) {
			if (s.equalsIgnoreCase(term)) {
				return s::equals;
			}
		}
		Predicate<String> p = keyword(term, defaults);
		if (p == null) {
			throw new TlsConfigException("ssl_cipher_list: '" + raw + "' is not an OpenSSL cipher name, a JSSE cipher "
					+ "suite name or a keyword this server knows (DEFAULT, ALL, HIGH, ECDHE, DHE, kRSA, aRSA, aECDSA, "
					+ "AESGCM, AES128, AES256, AES, CHACHA20, SHA1, SHA256, SHA384, TLSv1.2, TLSv1.3, aNULL, eNULL, "
					+ "MD5, RC4, DES, 3DES, EXPORT, LOW, MEDIUM, DSS, PSK, SRP, CAMELLIA, ARIA, SEED, IDEA)");
		}
		return p;
	}

	private static Predicate<String> keyword(String k, String[] defaults) {
		Predicate<String> none = (s) -> false;
		return switch (k) {
			case "DEFAULT" -> (s) -> List.of(defaults).contains(s);
			// every suite the JDK supports is one OpenSSL calls HIGH: no export, RC4, DES or NULL ciphers
			case "ALL", "HIGH", "COMPLEMENTOFDEFAULT", "FIPS" -> (s) -> true;
			case "MEDIUM", "LOW", "EXPORT", "EXP", "aNULL", "eNULL", "NULL", "COMPLEMENTOFALL", "MD5", "RC4", "DES",
					"3DES", "PSK", "SRP", "CAMELLIA", "ARIA", "SEED", "IDEA", "ADH", "AECDH", "kDHE+aNULL" -> none;
			case "ECDHE", "EECDH", "kECDHE", "kEECDH" -> (s) -> s.startsWith("TLS_ECDHE_");
			case "DHE", "EDH", "kDHE", "kEDH" -> (s) -> s.startsWith("TLS_DHE_");
			case "kRSA", "RSA" -> (s) -> s.startsWith("TLS_RSA_");
			case "aRSA" -> (s) -> s.startsWith("TLS_RSA_") || s.contains("_RSA_WITH_");
			case "aECDSA", "ECDSA" -> (s) -> s.contains("_ECDSA_");
			case "aDSS", "DSS" -> (s) -> s.contains("_DSS_");
			case "AESGCM" -> (s) -> s.contains("_GCM_");
			case "AESCCM" -> (s) -> s.contains("_CCM");
			case "AES128" -> (s) -> s.contains("AES_128");
			case "AES256" -> (s) -> s.contains("AES_256");
			case "AES" -> (s) -> s.contains("_AES_");
			case "CHACHA20" -> (s) -> s.contains("CHACHA20");
			case "SHA1", "SHA" -> (s) -> s.endsWith("_SHA");
			case "SHA256" -> (s) -> s.endsWith("_SHA256");
			case "SHA384" -> (s) -> s.endsWith("_SHA384");
			case "TLSv1.2" -> (s) -> s.contains("_WITH_");
			case "TLSv1.3" -> (s) -> !s.contains("_WITH_");
			case "TLSv1", "SSLv3" -> (s) -> s.endsWith("_CBC_SHA");
			default -> null;
		};
	}

	/**
	 * The JSSE named group for an OpenSSL curve name ({@code prime256v1} → {@code secp256r1}).
	 * @throws TlsConfigException for a name that is not a curve or group JSSE knows
	 */
	public static String namedGroup(String curve) {
		String c = curve.trim();
		return switch (c.toLowerCase(Locale.ROOT)) {
			case "prime256v1", "secp256r1", "p-256" -> "secp256r1";
			case "secp384r1", "p-384" -> "secp384r1";
			case "secp521r1", "p-521" -> "secp521r1";
			case "x25519" -> "x25519";
			case "x448" -> "x448";
			case "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192" -> c.toLowerCase(Locale.ROOT);
			default -> throw new TlsConfigException("ecdh_curve: '" + curve + "' is not a curve this server knows; use "
					+ "prime256v1 (secp256r1), secp384r1, secp521r1, X25519 or X448");
		};
	}

}
