"""The board host's fixtures (a real sshd on 127.0.0.1, members' keys) for the browser tests
that have a second member on SSH."""

from tests.remote.conftest import board_host, keys

__all__ = ["board_host", "keys"]
