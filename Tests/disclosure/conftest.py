"""Each scenario runs against a sopla demo of its own (own SQLite file in a temp dir, own port)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from sopla_demo import Demo  # noqa: E402


@pytest.fixture
def demo(sopla_bin, tmp_path):
    server = Demo(sopla_bin, tmp_path).start()
    try:
        yield server
    finally:
        server.stop()
