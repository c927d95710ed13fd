"""An echo server with python3-websockets' permessage-deflate, for our client: prints its port, echoes every
message, and stops when its stdin closes. With the argument "small-windows" it limits both windows (9 bits for the
client, 10 for itself), so its zlib refuses any back-reference of the client's that reaches further."""
import asyncio
import sys

import websockets
from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory


async def echo(ws, path=None):
    async for message in ws:
        await ws.send(message)


async def main():
    kwargs = {"compression": "deflate"}
    if sys.argv[1:] == ["small-windows"]:
        kwargs = {"compression": None, "extensions": [
            ServerPerMessageDeflateFactory(client_max_window_bits=9, server_max_window_bits=10)]}
    async with websockets.serve(echo, "127.0.0.1", 0, max_size=None, **kwargs) as server:
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


asyncio.run(main())
