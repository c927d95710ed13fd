"""python3-websockets clients against the sample app's echo, dumb-increment-protocol and lws-mirror-protocol."""
import asyncio
import os
import sys

import websockets


async def echo(base):
    async with websockets.connect(base + "/", subprotocols=["echo"], max_size=None) as ws:
        assert ws.subprotocol == "echo", ws.subprotocol
        for n in (0, 1, 125, 126, 65536, 1 << 20):
            data = os.urandom(n)
            await ws.send(data)
            assert await ws.recv() == data, ("binary", n)
            text = "ü" * n
            await ws.send(text)
            assert await ws.recv() == text, ("text", n)


async def dumb(base):
    async with websockets.connect(base + "/", subprotocols=["dumb-increment-protocol"]) as ws:
        values = [int(await ws.recv()) for _ in range(10)]
        assert values == list(range(10)), values
        await ws.send("reset\n")
        for _ in range(20):
            if int(await ws.recv()) <= 1:
                break
        else:
            raise AssertionError("reset did not restart the count")
        await ws.send("closeme\n")
        try:
            while True:
                await ws.recv()
        except websockets.ConnectionClosed as closed:
            assert closed.rcvd.code == 1001 and closed.rcvd.reason == "seeya", closed


async def mirror(base):
    url = base + "/?mirror=python"
    async with websockets.connect(url, subprotocols=["lws-mirror-protocol"]) as a, \
            websockets.connect(url, subprotocols=["lws-mirror-protocol"]) as b:
        await asyncio.sleep(0.2)
        for i in range(50):
            await a.send("c #00ff00 %d 10 5;" % i)
        for i in range(50):
            expected = "c #00ff00 %d 10 5;" % i
            assert await a.recv() == expected
            assert await b.recv() == expected


async def main(base):
    await echo(base)
    await dumb(base)
    await mirror(base)
    print("OK")


asyncio.run(main(sys.argv[1]))
