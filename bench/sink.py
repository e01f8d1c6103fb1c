"""A minimal, fast HTTP/1.1 sink for benchmarks: answers every write 201 with a tiny JSON body.

It runs in its own process (``python bench/sink.py PORT_FILE``) so that the client under test has a
core to itself; it parses just enough HTTP (request line, headers, Content-Length, keep-alive).
A GET is answered as one page of a Docker Hub list of ``SINK_LIST_TOTAL`` repositories (``page`` and
``page_size`` in the query, ``count`` and ``next`` in the answer), after ``SINK_PAGE_DELAY`` seconds.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import sys
from urllib.parse import parse_qsl, urlsplit

RESPONSE = (b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
            b"X-RateLimit-Limit: 1000000\r\nX-RateLimit-Remaining: 999999\r\nX-RateLimit-Reset: 4102444800\r\n"
            b"\r\n{\"ok\":true}")


LIST_TOTAL = int(os.environ.get("SINK_LIST_TOTAL", "0"))
PAGE_DELAY = float(os.environ.get("SINK_PAGE_DELAY", "0"))


async def list_page(target: str) -> bytes:
    """One page of the list, as an HTTP answer, after the configured delay."""
    parts = urlsplit(target)
    query = dict(parse_qsl(parts.query))
    page, size = int(query.get("page", 1)), int(query.get("page_size", 10))
    start = (page - 1) * size
    last = page >= math.ceil(LIST_TOTAL / size)
    body = json.dumps({"count": LIST_TOTAL, "next": None if last else f"{parts.path}?page={page + 1}&page_size={size}",
                       "results": [{"name": f"repo-{n:05d}"} for n in range(start, min(start + size, LIST_TOTAL))]})
    await asyncio.sleep(PAGE_DELAY)
    data = body.encode()
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + str(len(data)).encode()
            + b"\r\n\r\n" + data)


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await reader.readexactly(length)
            method, target = head.split(b" ", 2)[:2]
            writer.write(await list_page(target.decode()) if method == b"GET" else RESPONSE)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port_file: str) -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=256)
    port = server.sockets[0].getsockname()[1]
    with open(port_file, "w") as handle_out:
        handle_out.write(str(port))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
