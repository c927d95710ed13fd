"""A python3-websockets server for our client to talk to. Prints "PORT <n>" once listening on 127.0.0.1.

Offers the "echo" subprotocol and echoes every message as it came (text as text, binary as binary), except:
  "fragments"  -> answers one text message "fragmented" sent in three frames
  "ping-me"    -> pings the client, waits for its pong, then answers "pong received"
  "close-me"   -> closes with 4000 "server says bye"
When a connection ends it prints "END sent=<code> rcvd=<code> <reason>": the close frames it sent and received.
websockets fails a connection whose client frames are not masked with 1002, so "sent=1002" means a protocol error."""
import asyncio
import sys

import websockets


def report(ws):
    sent = ws.close_sent.code if ws.close_sent else "none"
    rcvd = "%d %s" % (ws.close_rcvd.code, ws.close_rcvd.reason) if ws.close_rcvd else "none"
    print("END sent=%s rcvd=%s" % (sent, rcvd), flush=True)


async def handler(ws, path=None):
    try:
        async for message in ws:
            if message == "fragments":
                await ws.send(["frag", "ment", "ed"])
            elif message == "ping-me":
                pong = await ws.ping(b"from-server")
                await asyncio.wait_for(pong, 5)
                await ws.send("pong received")
            elif message == "close-me":
                await ws.close(4000, "server says bye")
            else:
                await ws.send(message)
    except websockets.exceptions.ConnectionClosed:
        pass
    finally:
        await ws.wait_closed()
        report(ws)


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0, subprotocols=["echo"], compression=None,
                                max_size=None) as server:
        print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


asyncio.run(main())
