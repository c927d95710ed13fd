"""permessage-deflate check with the python3-websockets client: under several offers, every message must come back
unchanged, and the server's answer must be what RFC 7692 lets it be."""
import asyncio
import os
import sys

import websockets
from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory

OFFERS = [
    ("default", None),
    ("no-context-takeover", ClientPerMessageDeflateFactory(
        server_no_context_takeover=True, client_no_context_takeover=True)),
    ("windows-10-9", ClientPerMessageDeflateFactory(server_max_window_bits=10, client_max_window_bits=9)),
    # zlib cannot compress with an 8-bit raw window (python's own side), but it can inflate one
    ("window-8", ClientPerMessageDeflateFactory(server_max_window_bits=8)),
]


async def exchange(url, name, factory):
    kwargs = {"subprotocols": ["echo"], "max_size": None}
    if factory is None:
        kwargs["compression"] = "deflate"
    else:
        kwargs["compression"] = None
        kwargs["extensions"] = [factory]
    async with websockets.connect(url, **kwargs) as ws:
        answer = ws.response_headers.get("Sec-WebSocket-Extensions")
        print(name, "->", answer)
        assert answer is not None and answer.startswith("permessage-deflate"), answer
        assert len(ws.extensions) == 1, ws.extensions
        for n in [0, 1, 125, 126, 4096, 65536, 1 << 20]:
            text = ("lws é → " * (n // 10 + 1))[:n]
            for _ in range(2):
                await ws.send(text)
                back = await ws.recv()
                assert isinstance(back, str) and back == text, (name, "text", n)
            data = os.urandom(n)
            await ws.send(data)
            back = await ws.recv()
            assert isinstance(back, bytes) and back == data, (name, "binary", n)
        # a fragmented compressed message
        await ws.send(iter(["frag", "mented ", "", "message"]))
        assert await ws.recv() == "fragmented message", name
        pong = await ws.ping(b"interop")
        await asyncio.wait_for(pong, 5)
        await ws.close(code=1000, reason="done")
        assert ws.close_code == 1000, ws.close_code


async def main(url):
    for name, factory in OFFERS:
        await exchange(url, name, factory)
    print("OK")


asyncio.run(main(sys.argv[1]))
