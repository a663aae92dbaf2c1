"""A TCP proxy on 127.0.0.1 that delays every chunk on its way to the server (issue 23), so
every request/response round trip to the database costs `ms` milliseconds more, as a team's
server across a network would. Bytes keep their order; chunks in flight are not held behind one
another (the delay is latency, not a narrower pipe).

    python -m bench.latency TARGET_PORT MS [COUNTER]   prints the port it listens on, serves

With COUNTER, a file: the number of chunks sent to the server so far (about the requests, so the
round trips), an 8-byte little-endian integer at its start, written at each one; the window's
probe reads it around what it times (`sent`).

Run in its own process, so its work does not take the benchmark's interpreter from it; a
thread for each direction of each connection, and one for the delayed deliveries.
"""

from __future__ import annotations

import os
import queue
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

CHUNK = 1 << 16
_counted = {"sent": 0, "fd": -1}
_counting = threading.Lock()


def _count() -> None:
    if _counted["fd"] < 0:
        return
    with _counting:
        _counted["sent"] += 1
        os.pwrite(_counted["fd"], struct.pack("<Q", _counted["sent"]), 0)


def sent(counter: str | None) -> int | None:
    """The chunks the proxy has sent to the server so far, read from its counter file."""
    if not counter:
        return None
    with open(counter, "rb") as file:
        data = file.read(8)
    return struct.unpack("<Q", data)[0] if len(data) == 8 else 0


def _forward(source: socket.socket, sink: socket.socket) -> None:
    with suppress(OSError):
        while data := source.recv(CHUNK):
            sink.sendall(data)
    with suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


def _delayed(source: socket.socket, sink: socket.socket, delay: float) -> None:
    """Bytes from `source` to `sink`, each chunk sent `delay` seconds after it came: a thread
    reads, a thread delivers. A sleep on a busy machine ends late (half a millisecond, more
    under load): the delivering thread sleeps that much less, by a running mean of how late
    its recent sleeps ended."""
    waiting: queue.SimpleQueue[tuple[float, bytes]] = queue.SimpleQueue()

    def deliver() -> None:
        late = 0.0
        with suppress(OSError):
            while data := (item := waiting.get())[1]:
                wait = item[0] - time.perf_counter() - late
                if wait > 0:
                    before = time.perf_counter()
                    time.sleep(wait)
                    # One very late wake-up (the machine busy) counts as half the delay at most.
                    ended = min(time.perf_counter() - before - wait, delay / 2)
                    late = 0.8 * late + 0.2 * ended
                sink.sendall(data)
                _count()
        with suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    delivering = threading.Thread(target=deliver, daemon=True)
    delivering.start()
    with suppress(OSError):
        while data := source.recv(CHUNK):
            waiting.put((time.perf_counter() + delay, data))
    waiting.put((0.0, b""))
    delivering.join()


def _client(near: socket.socket, target_port: int, delay: float) -> None:
    """The whole delay on the way to the server (one sleep per round trip, so one late end),
    the answers straight back."""
    with near, socket.create_connection(("127.0.0.1", target_port)) as far:
        for end in (near, far):
            end.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        back = threading.Thread(target=_forward, args=(far, near), daemon=True)
        back.start()
        _delayed(near, far, delay)
        back.join()


def serve(target_port: int, ms: float, counter: str | None = None) -> None:
    if counter:
        _counted["fd"] = os.open(counter, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.pwrite(_counted["fd"], struct.pack("<Q", 0), 0)
    listener = socket.create_server(("127.0.0.1", 0))
    print(listener.getsockname()[1], flush=True)
    while True:
        near, _ = listener.accept()
        threading.Thread(target=_client, args=(near, target_port, ms / 1000),
                         daemon=True).start()


@contextmanager
def proxy(target_port: int, ms: float, counter: str | None = None) -> Iterator[int]:
    """The proxy in its own process for the time of the block: the port to connect to."""
    process = subprocess.Popen([sys.executable, "-m", "bench.latency", str(target_port),
                                str(ms), *([counter] if counter else [])],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield int(process.stdout.readline())
    finally:
        process.terminate()
        process.wait(timeout=30)


def round_trip(url: str, times: int = 300) -> float:
    """Seconds per `SELECT 1` round trip on one connection, after one to warm it (the median:
    a busy machine's stalls would otherwise be read as the proxy's): the reference the added
    latency is read against."""
    import statistics

    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"),
                         autocommit=True) as connection:
        connection.execute("SELECT 1").fetchone()
        took = []
        for _ in range(times):
            start = time.perf_counter()
            connection.execute("SELECT 1").fetchone()
            took.append(time.perf_counter() - start)
        return statistics.median(took)


if __name__ == "__main__":
    with suppress(KeyboardInterrupt):
        serve(int(sys.argv[1]), float(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
