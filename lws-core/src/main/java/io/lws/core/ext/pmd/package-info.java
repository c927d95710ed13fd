/**
 * permessage-deflate (RFC 7692) on {@code java.util.zip}: {@link io.lws.core.ext.pmd.PerMessageDeflate} is the
 * extension, {@link io.lws.core.ext.pmd.PmdNegotiation} its parameter negotiation for both ends (section 7.1), and a
 * package-private session per connection compresses (section 7.2.1: flush, drop the trailing {@code 00 00 ff ff})
 * and decompresses (section 7.2.2: append it, inflate) with the takeover and window rules agreed.
 */
package io.lws.core.ext.pmd;
