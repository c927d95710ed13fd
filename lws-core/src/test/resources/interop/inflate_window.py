"""Inflates permessage-deflate messages with zlib limited to a window of 2^bits bytes, as a client that offered
server_max_window_bits=bits would, taking output 16 bytes at a time so that every back-reference goes through the
window. Prints OK when the output equals the expected bytes, else the error.

usage: inflate_window.py BITS MESSAGES EXPECTED
MESSAGES holds each message as a 4-byte big-endian length and the payload without its 00 00 ff ff tail."""
import struct
import sys
import zlib

bits = int(sys.argv[1])
with open(sys.argv[2], "rb") as f:
    wire = f.read()
with open(sys.argv[3], "rb") as f:
    expected = f.read()

d = zlib.decompressobj(-bits)
out = bytearray()
at = 0
try:
    while at < len(wire):
        (n,) = struct.unpack(">I", wire[at:at + 4])
        data = wire[at + 4:at + 4 + n] + b"\x00\x00\xff\xff"
        at += 4 + n
        while True:
            chunk = d.decompress(data, 16)
            out += chunk
            data = d.unconsumed_tail
            if not chunk and not data:
                break
except zlib.error as e:
    print("zlib error: %s" % e)
    sys.exit(1)
if bytes(out) != expected:
    print("output differs: %d bytes, expected %d" % (len(out), len(expected)))
    sys.exit(1)
print("OK")
