"""Logging in, crawling the site, reading its forms, and sending requests that are recorded when the
server answers 5xx, does not answer, or dies. Used by test_fuzz.py."""
import html
import re
import socket
import threading
from collections import Counter
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

import requests

# The planner first: the first person who reaches a form submits it, and the planner may submit the most.
ACCOUNTS = {
    "planner": ("planung@demo.sopla.example", "Bedarfe-Kennen-2026"),
    "admin": ("admin@demo.sopla.example", "Rathaus-Schluessel-42"),
    "provider": ("traeger@demo.sopla.example", "Sonnenweg-Beratung-7"),
    "provider-2": ("familienzentrum@demo.sopla.example", "Lindenhof-Hilfe-8"),
    "body-member": ("gremium@demo.sopla.example", "Steuerung-Tagt-2026"),
    "reviewer": ("gutachten@demo.sopla.example", "Antraege-Pruefen-26"),
    "finance-reviewer": ("finanzpruefung@demo.sopla.example", "Kosten-Plausibel-27"),
}

TIMEOUT = 60
# NIO's HTTP parser closes the connection without an answer on a request head over 80 KiB and on bytes
# outside ASCII in the request line; such a request is not HTTP, so a closed connection is a refusal.
LONG_HEAD = 60000
CSRF_FIELD = "_csrf"
CSRF_HEADER = "X-CSRF-Token"
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# Links the crawler reads as pages; anything else (downloads, feeds, images) it only lists.
DOWNLOAD = re.compile(r"\.(csv|pdf|ics|json|geojson|xml|zip|svg|png|jpg|js|css|txt|docx?|xlsx?|odt)$", re.I)


def short(value, limit=60):
    """A value as it appears in a report: repr, cut in the middle when long."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit // 2]}…{text[-12:]} ({len(value)} chars)"


def pattern_of(path):
    """/gebiete/06532023 → /gebiete/{n}: pages of one kind share a pattern."""
    parts = []
    for part in path.split("/"):
        if UUID.match(part):
            parts.append("{uuid}")
        elif re.fullmatch(r"\d+", part):
            parts.append("{n}")
        else:
            parts.append(part)
    return "/".join(parts)


# --- forms -------------------------------------------------------------------------------------------

@dataclass
class Field:
    name: str
    kind: str  # text, number, date, email, hidden, checkbox, radio, select, textarea, file, submit, …
    value: str = ""
    options: list = field(default_factory=list)
    checked: bool = False


@dataclass
class Form:
    page: str
    action: str  # path, no query
    method: str
    enctype: str
    fields: list
    csrf: str | None
    form_id: str | None = None

    def key(self):
        names = tuple(sorted({f.name for f in self.fields}))
        return (self.method, pattern_of(self.action), names)

    def fuzzable(self):
        """Every named field except the form token; a radio group, a select or a repeated checkbox name once."""
        seen, result = set(), []
        for f in self.fields:
            if f.name == CSRF_FIELD or f.name in seen:
                continue
            seen.add(f.name)
            result.append(f)
        return result


class PageParser(HTMLParser):
    """Links and forms of one HTML page (inputs outside a form that name it with form= are added to it)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.forms, self.loose = [], [], []
        self.form = None
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {"attrs": a, "fields": []}
            self.forms.append(self.form)
        elif tag in ("input", "button", "select", "textarea"):
            name = a.get("name")
            target = self.form["fields"] if self.form is not None and "form" not in a else None
            if target is None:
                target = []
                self.loose.append((a.get("form"), target))
            if tag == "input":
                kind = a.get("type", "text").lower()
                if name and kind not in ("reset", "button", "image"):
                    target.append(Field(name, kind, a.get("value", "on" if kind in ("checkbox", "radio") else ""), checked="checked" in a))
            elif tag == "button":
                if name and a.get("type", "submit").lower() == "submit":
                    target.append(Field(name, "submit", a.get("value", "")))
            elif tag == "select":
                self.select = Field(name or "", "select", "", [])
                if name:
                    target.append(self.select)
            elif tag == "textarea":
                self.textarea = Field(name or "", "textarea", "")
                if name:
                    target.append(self.textarea)
        elif tag == "option" and self.select is not None:
            self.option = [a.get("value"), "", "selected" in a]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data
        if self.option is not None:
            self.option[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "option" and self.option is not None:
            self._close_option()
        elif tag == "select":
            if self.option is not None:
                self._close_option()
            if self.select is not None and not self.select.value and self.select.options:
                self.select.value = self.select.options[0]
            self.select = None

    def _close_option(self):
        value, text, selected = self.option
        value = text.strip() if value is None else value
        self.select.options.append(value)
        if selected:
            self.select.value = value
        self.option = None


def parse_page(page_url, text):
    """(links as absolute paths with query, forms) of an HTML page."""
    parser = PageParser()
    parser.feed(text)
    parser.close()
    base = urllib.parse.urlsplit(page_url)
    links = []
    for href in parser.links:
        target = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, html.unescape(href)))
        if target.netloc == base.netloc and target.scheme in ("http", "https"):
            links.append(target.path + ("?" + target.query if target.query else ""))
    by_id = {}
    forms = []
    for raw in parser.forms:
        a = raw["attrs"]
        action = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, a.get("action") or page_url))
        if action.netloc != base.netloc:
            continue
        fields = raw["fields"]
        csrf = next((f.value for f in fields if f.name == CSRF_FIELD), None)
        form = Form(page=base.path + ("?" + base.query if base.query else ""), action=action.path, method=(a.get("method") or "get").upper(),
                    enctype=(a.get("enctype") or "application/x-www-form-urlencoded").lower(), fields=fields, csrf=csrf, form_id=a.get("id"))
        if action.query and form.method == "POST":
            form.action = action.path + "?" + action.query
        forms.append(form)
        if form.form_id:
            by_id[form.form_id] = form
    for form_id, loose in parser.loose:
        if form_id in by_id:
            by_id[form_id].fields.extend(loose)
    return links, forms


# --- findings and sending ----------------------------------------------------------------------------

@dataclass
class Finding:
    kind: str  # "5xx", "no answer", "crash"
    role: str
    method: str
    target: str
    where: str  # which field(s) or parameter(s)
    value: str
    status: int | None = None
    detail: str = ""

    def line(self):
        status = f"{self.status}" if self.status is not None else self.kind
        extra = f" — {self.detail}" if self.detail else ""
        return f"{status:>10}  {self.method} {self.target}  [{self.role}] {self.where} = {self.value}{extra}"


class Recorder:
    """Sends requests and keeps every defect: a status ≥ 500, no answer, or the server dying (it is then
    started again on the same database so the run goes on and shows every defect)."""

    def __init__(self, server):
        self.server = server
        self.findings = []
        self.count = 0
        self.statuses = Counter()  # (method, address pattern, status) -> requests
        self.lock = threading.Lock()
        self.refused = []  # requests that are no valid HTTP, answered by closing the connection
        self.suspects = []  # requests in flight when the server died: replayed one by one afterwards

    def send(self, role, session, method, url, where, value, replaying=False, refusable=False, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        refusable = refusable or len(url) > LONG_HEAD
        kwargs.setdefault("allow_redirects", False)
        target = url.replace(self.server.url, "")
        generation = self.server.generation
        try:
            response = session.request(method, url, **kwargs)
            # Work turned away on purpose when a bounded queue is full (PDFs, password checks): asked again later.
            for _ in range(3):
                if response.status_code != 503 or not response.headers.get("Retry-After", "").isdigit():
                    break
                time.sleep(min(int(response.headers["Retry-After"]), 5))
                response = session.request(method, url, **kwargs)
        except (requests.ConnectionError, requests.Timeout) as error:
            self._lost(role, method, target, where, value, error, generation, replaying,
                       lambda: session.request(method, url, **kwargs), refusable)
            return None
        with self.lock:
            self.count += 1
            self.statuses[(method, pattern_of(target.split("?")[0]), response.status_code)] += 1
            if response.status_code >= 500:
                self.findings.append(Finding("5xx", role, method, target[:200], where, value, response.status_code, error_text(response)))
        return response

    def send_raw(self, role, raw, target, where, value, replaying=False, refusable=False):
        """A request written byte by byte (bytes that requests would re-encode, e.g. in the request line)."""
        generation = self.server.generation
        method = raw.split(b" ", 1)[0].decode()
        try:
            status, body = raw_request(self.server.port, raw)
        except OSError as error:
            self._lost(role, method, target, where, value, error, generation, replaying, lambda: raw_request(self.server.port, raw), refusable)
            return None
        with self.lock:
            self.count += 1
            self.statuses[(method, pattern_of(target.split("?")[0]), status)] += 1
            if status >= 500:
                self.findings.append(Finding("5xx", role, method, target[:200], where, value, status, error_text_raw(body)))
        return status

    def _lost(self, role, method, target, where, value, error, generation, replaying, again, refusable=False):
        timeout = isinstance(error, (requests.Timeout, socket.timeout))
        if self.server.answers() and self.server.generation == generation and not self.server.restarting:
            if refusable and not timeout:
                detail, kind, into = "connection closed without an answer", "refused", self.refused
            else:
                detail, kind, into = (f"none within {TIMEOUT} s" if timeout else type(error).__name__), "no answer", self.findings
            with self.lock:
                into.append(Finding(kind, role, method, target[:200], where, value, None, detail))
            return
        if replaying:
            with self.lock:
                self.findings.append(Finding("crash", role, method, target[:200], where, value, None, self.server.crash_reason()))
        else:
            with self.lock:
                self.suspects.append((role, method, target, where, value, again))
        self.server.restart(generation)

    def replay_suspects(self):
        """Sends each request that was in flight when the server died again, alone: the one that kills it
        again is the crash's cause."""
        with self.lock:
            suspects, self.suspects = self.suspects, []
        for role, method, target, where, value, again in suspects:
            generation = self.server.generation
            try:
                again()
            except (requests.ConnectionError, requests.Timeout, OSError) as error:
                self._lost(role, method, target, where, value, error, generation, True, again)

    def dump_statuses(self):
        """Answers by address pattern and status (SOPLA_FUZZ_STATUSES=1): which handlers the values reached."""
        by = {}
        for (method, target, status), n in sorted(self.statuses.items()):
            by.setdefault((method, target), {})[status] = n
        return "\n".join(f"{method} {target[:100]}: {statuses}" for (method, target), statuses in sorted(by.items()))

    def report(self, title):
        lines = [f"{title}: {len(self.findings)} defects in {self.count} requests"]
        lines += [f.line() for f in sorted(self.findings, key=lambda f: (f.kind, f.method, pattern_of(f.target.split('?')[0]), f.where))]
        return "\n".join(lines)


def error_text(response):
    text = response.text[:2000]
    match = re.search(r'"message"\s*:\s*"([^"]{0,160})', text) or re.search(r"<main[^>]*>(.*?)</main>", text, re.S)
    if match:
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()[:160]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()[:160]


def error_text_raw(body):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body.decode("utf-8", "replace")))[:160].strip()


def raw_request(port, raw):
    """(status, body) of a request sent as given on a fresh connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(raw)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                if chunks:
                    break
                raise
            if not chunk:
                break
            chunks.append(chunk)
            data = b"".join(chunks)
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                length = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
                if length and len(body) >= int(length.group(1)):
                    break
    data = b"".join(chunks)
    if not data.startswith(b"HTTP/"):
        raise ConnectionError("no HTTP answer")
    status = int(data.split(b" ", 2)[1])
    return status, data.partition(b"\r\n\r\n")[2]


# --- sessions ----------------------------------------------------------------------------------------

class Client:
    """One person's browser: a session and its form token."""

    def __init__(self, base, role="anonymous"):
        self.base = base
        self.role = role
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "de-DE"
        self.token = None

    def get(self, path, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        response = self.session.get(self.base + path, **kwargs)
        found = re.search(r'name="_csrf" value="([^"]+)"', response.text) if "html" in response.headers.get("content-type", "") else None
        if found:
            self.token = found.group(1)
        return response

    def login(self):
        email, password = ACCOUNTS[self.role]
        self.get("/anmelden")
        response = self.session.post(self.base + "/anmelden", data={CSRF_FIELD: self.token, "email": email, "password": password},
                                     allow_redirects=False, timeout=TIMEOUT)
        assert response.status_code == 303, f"login of {self.role} answered {response.status_code}"
        self.get("/konto")
        return self

    def fork(self):
        """A session of its own with the same cookies (so parallel requests do not share a cookie jar)."""
        other = requests.Session()
        other.headers.update(self.session.headers)
        other.cookies.update(self.session.cookies)
        return other

    def api_token(self, scope):
        self.get("/konto")
        page = self.session.post(self.base + "/konto/tokens", data={CSRF_FIELD: self.token, "tokenName": f"Prüfung {scope}", "scope": scope},
                                 timeout=TIMEOUT).text
        return re.search(r'id="neues-token">([^<]+)<', page).group(1)


def crawl(client, starts, per_pattern=2, limit=400, skip=(), pattern=pattern_of, shared=None, seeds=()):
    """Pages (path with query) a person reaches by links from the start pages, at most `per_pattern` of one
    kind, and every form on them. Returns (pages, forms, downloads). The language switch is not followed.
    `shared` (a dict) carries the pages and kinds already read by someone else, so each is read once; a page
    someone else could not open is still tried. Start pages are always read; `seeds` (e.g. the sitemap) are
    read like linked pages."""
    shared = shared if shared is not None else {}
    read, patterns = shared.setdefault("read", set()), shared.setdefault("patterns", {})
    seen, queue, pages, forms, downloads = set(), list(starts) + list(seeds), [], [], set()
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in seen or (path in read and path not in starts):
            continue
        seen.add(path)
        bare = path.split("?")[0]
        if DOWNLOAD.search(bare):
            downloads.add(path)
            continue
        if any(re.search(s, bare) for s in skip):
            continue
        query_keys = tuple(sorted(k for k, _ in urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query, keep_blank_values=True)))
        if "lang" in query_keys:
            continue
        kind = (pattern(bare), query_keys)
        if path not in starts and patterns.get(kind, 0) >= (per_pattern if not query_keys else 1):
            continue
        try:
            response = client.get(path, allow_redirects=False)
        except requests.RequestException:
            continue
        if response.status_code != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        patterns[kind] = patterns.get(kind, 0) + 1
        if path not in read:
            pages.append(path)
        read.add(path)
        links, page_forms = parse_page(client.base + path, response.text)
        forms += page_forms
        for link in links:
            if link not in seen:
                queue.append(link)
    return pages, forms, downloads


def wait_ready(url, process=None, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            if requests.get(url + "/readyz", timeout=5).status_code == 200:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.25)
    return False
