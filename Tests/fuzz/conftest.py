"""A demo server of the fuzz tests' own (own SQLite file and port), so the extreme values they store touch
no other suite. The server is the same process from start to end unless it dies; then it is started again
on the same database and port so the run goes on, and the last test fails."""
import os
import socket
import subprocess
import threading

import pytest
import requests

from crawler import TIMEOUT, wait_ready


class Server:
    def __init__(self, binary, folder):
        self.binary = binary
        self.folder = folder
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(folder, "server.log")
        self.log = open(self.log_path, "ab")
        self.env = dict(os.environ, SOPLA_DATABASE_URL=f"sqlite:{folder}/fuzz.sqlite")
        self.process = None
        self.first_pid = None
        self.generation = 0
        self.restarting = False
        self.deaths = []  # (pid, exit status, last lines of the log)
        self.lock = threading.Lock()

    def start(self):
        self.log_offset = self.log.tell()
        self.process = subprocess.Popen([self.binary, "demo", "--port", str(self.port)], env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        if self.first_pid is None:
            self.first_pid = self.process.pid
        if not wait_ready(self.url, self.process):
            raise RuntimeError("the fuzz demo server did not start:\n" + self.tail(40))

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def answers(self):
        """Alive and answering: a process that is dying is not yet seen as exited, but no longer answers."""
        try:
            return self.alive() and requests.get(self.url + "/healthz", timeout=TIMEOUT).status_code == 200 and self.alive()
        except requests.RequestException:
            return False

    def tail(self, lines=12, since=None):
        self.log.flush()
        with open(self.log_path, "rb") as f:
            f.seek(since or 0)
            text = f.read().decode("utf-8", "replace")
        return "\n".join(text.splitlines()[-lines:])

    def crash_reason(self):
        """The line the Swift runtime prints when it stops the process (e.g. a numeric trap)."""
        for pid, status, tail in reversed(self.deaths):
            for line in tail.splitlines():
                if "Fatal error" in line or "fatal error" in line or "Assertion" in line or "precondition" in line.lower():
                    return f"pid {pid} exited with {status}: {line.strip()[:300]}"
            if self.deaths:
                return f"pid {pid} exited with {status}"
        return "the server died"

    def restart(self, generation):
        """Starts the server again after it died (once per death, whoever notices first)."""
        with self.lock:
            if generation != self.generation or self.alive():
                return
            self.restarting = True
            status = self.process.wait()
            self.deaths.append((self.process.pid, status, self.tail(30, self.log_offset)))
            try:
                self.start()
            finally:
                self.generation += 1
                self.restarting = False

    def stop(self):
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def fuzz_server(sopla_bin, tmp_path_factory):
    server = Server(os.path.abspath(sopla_bin), str(tmp_path_factory.mktemp("fuzz")))
    server.start()
    yield server
    server.stop()
