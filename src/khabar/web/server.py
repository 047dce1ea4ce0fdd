"""Running the app with uvicorn: in the foreground (``khabar serve``) or in a background thread (tests,
browser checks, benchmarks)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp


def make_server(app: ASGIApp, log_level: str = "warning") -> uvicorn.Server:
    return uvicorn.Server(uvicorn.Config(app, log_level=log_level, server_header=False, lifespan="on"))


@contextmanager
def background_server(app: ASGIApp, host: str = "127.0.0.1", port: int = 0,
                      timeout: float = 10.0) -> Iterator[str]:
    """Serve ``app`` on ``host:port`` (0: a free port) in a thread; yields the base URL, stops on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = make_server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the web server did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
