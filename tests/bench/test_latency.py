"""Issue 23: the bench's latency proxy passes every byte, in order, both ways (how late it
delivers them is what `python -m bench --db postgresql` measures and prints, never asserted)."""

from __future__ import annotations

import socket
import threading

from bench.latency import proxy


def _echo_server() -> tuple[socket.socket, threading.Thread]:
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            while data := connection.recv(65536):
                connection.sendall(data)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener, thread


def test_the_latency_proxy_passes_every_byte_in_order_both_ways() -> None:
    listener, thread = _echo_server()
    sent = bytes(range(256)) * 4096  # 1 MB: many chunks, in flight together
    with listener, proxy(listener.getsockname()[1], 2) as port, \
            socket.create_connection(("127.0.0.1", port)) as client:
        writer = threading.Thread(target=lambda: (client.sendall(sent),
                                                  client.shutdown(socket.SHUT_WR)))
        writer.start()
        received = bytearray()
        while data := client.recv(65536):
            received += data
        writer.join()
    thread.join(timeout=30)
    assert bytes(received) == sent
