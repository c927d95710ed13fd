"""Echo check with the python3-websockets client: every message must come back unchanged, text as text.

Usage: ws_echo_client.py URL [CAFILE]. With CAFILE (a wss:// URL), the server is verified against that CA."""
import asyncio
import os
import ssl
import sys

import websockets


async def main(url, cafile):
    sizes = [0, 1, 125, 126, 127, 65535, 65536, 1 << 20]
    tls = {"ssl": ssl.create_default_context(cafile=cafile)} if cafile else {}
    async with websockets.connect(url, subprotocols=["echo"], max_size=None, compression=None, **tls) as ws:
        assert ws.subprotocol == "echo", ws.subprotocol
        for n in sizes:
            text = ("é" * (n // 2)) + ("a" * (n % 2))
            await ws.send(text)
            back = await ws.recv()
            assert isinstance(back, str) and back == text, ("text", n)
            data = os.urandom(n)
            await ws.send(data)
            back = await ws.recv()
            assert isinstance(back, bytes) and back == data, ("binary", n)
        pong = await ws.ping(b"interop")
        await asyncio.wait_for(pong, 5)
        await ws.close(code=1000, reason="done")
        assert ws.close_code == 1000, ws.close_code
    print("OK")


asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
