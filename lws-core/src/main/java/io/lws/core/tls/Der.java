package io.lws.core.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The little of ASN.1 DER that reading PEM keys and writing a self-signed certificate need (ITU-T X.690): tag, length,
 * value; no streaming, no indefinite lengths.
 */
final class Der {

	static final int INTEGER = 0x02;

	static final int BIT_STRING = 0x03;

	static final int OCTET_STRING = 0x04;

	static final int NULL = 0x05;

	static final int OID = 0x06;

	static final int UTF8_STRING = 0x0C;

	static final int UTC_TIME = 0x17;

	static final int GENERALIZED_TIME = 0x18;

	static final int SEQUENCE = 0x30;

	static final int SET = 0x31;

	private Der() {
	}

	// ---- writing ----

	static byte[] tlv(int tag, byte[] value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
		out.write(tag);
		int len = value.length;
		if (len < 0x80) {
			out.write(len);
		}
		else if (len < 0x100) {
			out.write(0x81);
			out.write(len);
		}
		else if (len < 0x10000) {
			out.write(0x82);
			out.write(len >> 8);
			out.write(len);
		}
		else {
			out.write(0x83);
			out.write(len >> 16);
			out.write(len >> 8);
			out.write(len);
		}
		out.writeBytes(value);
		return out.toByteArray();
	}

	static byte[] seq(byte[]... parts) {
		return tlv(SEQUENCE, concat(parts));
	}

	static byte[] set(byte[]... parts) {
		return tlv(SET, concat(parts));
	}

	static byte[] integer(BigInteger v) {
		return tlv(INTEGER, v.toByteArray());
	}

	static byte[] oid(String dotted) {
		String[] arcs = dotted.split("\\.");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
		for (int i = 2; i < arcs.length; i++) {
			long arc = Long.parseLong(arcs[i]);
			int groups = 1;
			for (long a = arc >> 7; a != 0; a >>= 7) {
				groups++;
			}
			for (int g = groups - 1; g >= 0; g--) {
				int b = (int) ((arc >> (7 * g)) & 0x7F);
				out.write((g > 0) ? (b | 0x80) : b);
			}
		}
		return tlv(OID, out.toByteArray());
	}

	static byte[] bitString(byte[] bytes) {
		byte[] v = new byte[bytes.length + 1];
		System.arraycopy(bytes, 0, v, 1, bytes.length);
		return tlv(BIT_STRING, v);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	// ---- reading ----

	/** One element: its tag and the offsets of its value inside {@code data}. */
	record Element(byte[] data, int tag, int start, int end) {

		byte[] value() {
			byte[] v = new byte[this.end - this.start];
			System.arraycopy(this.data, this.start, v, 0, v.length);
			return v;
		}

		List<Element> children() {
			List<Element> list = new ArrayList<>();
			int p = this.start;
			while (p < this.end) {
				Element e = read(this.data, p);
				list.add(e);
				p = e.end;
			}
			return list;
		}

		BigInteger integer() {
			check(INTEGER);
			return new BigInteger(value());
		}

		String oid() {
			check(OID);
			StringBuilder sb = new StringBuilder();
			long arc = 0;
			boolean first = true;
			for (int i = this.start; i < this.end; i++) {
				arc = (arc << 7) | (this.data[i] & 0x7F);
				if ((this.data[i] & 0x80) == 0) {
					if (first) {
						int a = (int) Math.min(arc / 40, 2);
						sb.append(a).append('.').append(arc - 40L * a);
						first = false;
					}
					else {
						sb.append('.').append(arc);
					}
					arc = 0;
				}
			}
			return sb.toString();
		}

		void check(int expected) {
			if (this.tag != expected) {
				throw new IllegalArgumentException("unexpected DER tag 0x" + Integer.toHexString(this.tag)
						+ ", wanted 0x" + Integer.toHexString(expected));
			}
		}

	}

	/** Reads the element starting at {@code offset}. */
	static Element read(byte[] data, int offset) {
		if (offset + 2 > data.length) {
			throw new IllegalArgumentException("truncated DER");
		}
		int tag = data[offset] & 0xFF;
		int p = offset + 1;
		int len = data[p++] & 0xFF;
		if (len >= 0x80) {
			int n = len & 0x7F;
			if (n == 0 || n > 3 || p + n > data.length) {
				throw new IllegalArgumentException("unsupported DER length");
			}
			len = 0;
			for (int i = 0; i < n; i++) {
				len = (len << 8) | (data[p++] & 0xFF);
			}
		}
		if (p + len > data.length) {
			throw new IllegalArgumentException("truncated DER");
		}
		return new Element(data, tag, p, p + len);
	}

}
