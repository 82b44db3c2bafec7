"""Shared fixtures: the running demo server (started by scripts/test) and a headless Chromium."""
import os
import shutil

import pytest

SOPLA_URL = os.environ.get("SOPLA_URL", "http://127.0.0.1:8080")


@pytest.fixture(scope="session")
def base_url():
    return SOPLA_URL


@pytest.fixture(scope="session")
def sopla_bin():
    path = os.environ.get("SOPLA_BIN") or os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "sopla")
    if not os.path.exists(path):
        pytest.fail(f"sopla binary not found at {path}; run swift build first")
    return path


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=de-DE"):
        options.add_argument(arg)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, base_url):
    """Opens a path in German (the default) with a fresh cookie jar."""
    browser.delete_all_cookies()

    def open_path(path):
        browser.get(base_url + path)
        return browser

    return open_path


@pytest.fixture
def private_server(sopla_bin, tmp_path, request):
    """A demo of its own, for tests that add data the shared demo's other tests count."""
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, SOPLA_DATABASE_URL=f"sqlite:{tmp_path}/private.sqlite", **getattr(request, "param", {}))
    process = subprocess.Popen([sopla_bin, "demo", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(url + "/readyz") as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the private demo server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
