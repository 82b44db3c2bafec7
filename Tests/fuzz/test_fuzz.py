"""Extreme values in every field of every form and every parameter of every API operation, against a demo
of this suite's own. No answer may be a 5xx, the server must not die or hang, and afterwards every page of
the sitemap and every page the people of the demo reached still answers, from the same server process.

Each test collects every defect before it fails, so one run lists them all (method, address, field, value).
SOPLA_FUZZ_WORKERS sets the number of parallel requests (default 3)."""
import json
import os
import re
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from crawler import ACCOUNTS, CSRF_FIELD, CSRF_HEADER, TIMEOUT, UUID, Client, Recorder, crawl, pattern_of, short

WORKERS = int(os.environ.get("SOPLA_FUZZ_WORKERS", "3"))
LONG = "Ä" * 5000 + "x" * 5000  # 10,000 characters
INVALID_UTF8 = b"\xff\xfe\xc3\x28\xa0\xa1"
VALUES = [
    "1e308", "-1e308", "NaN", "inf", "-inf", "99999999999999999999", "-99999999999999999999", "-0", "", LONG,
    "\x00\x01\x07\x08\x1b[2J\r\n\t\x0b\x0c\x7f\u0085",  # control characters
    "\u202egnp.exe\u202c\u2066\u2067\u2068\u2069\u200e\u200f\u061c",  # bidi controls
    INVALID_UTF8,  # sent percent-encoded in forms and queries; raw bytes are sent separately
]
DANGEROUS = ["1e308", "99999999999999999999", LONG]
GARBAGE_FILES = [
    ("leer.csv", b""),
    ("werte.csv", "Merkmal;AGS;Stichtag;Wert\n" + "".join(f"alo;06532023;2024-12-31;{v}\n" for v in ("1e308", "-1e308", "NaN", "inf", "99999999999999999999", "-0", ""))),
    ("müll.bin", bytes(range(256)) * 16 + INVALID_UTF8),
]
# Defaults for fields a form leaves empty, so one field at a time gets past the checks of the others.
PLAIN = {"number": "1", "range": "1", "date": "2027-03-01", "time": "10:00", "datetime-local": "2026-06-30T10:00",
         "month": "2026-06", "email": "pruefung@example.org", "tel": "06441 12345", "url": "https://example.org",
         "password": "Kein-Passwort-1", "textarea": "Prüftext", "search": "Wetzlar"}
# Plain values by field name (first match), where the form's checks want a particular shape.
PLAIN_BY_NAME = [
    (r"postcode", "35576"), (r"^lat$", "50.55"), (r"^lon$", "8.50"), (r"^code$", "pruef_wert"), (r"^numerator$", "alo"),
    (r"^denominator$", "bevoelkerung"), (r"^unit$", "Personen"), (r"budgetLines", "2027; Personal; 1000"),
    (r"^costs$", "Personal: 1000"), (r"^otherFunding$", ""), (r"customValues", ""), (r"^requested$", "999"),
    (r"openingHours", "Mo 09:00-12:00"), (r"areaShares", ""), (r"^staff$", "Sozialarbeit: 1,5"),
    (r"(?i)(end|close|deadline|^bis$)", "2027-09-30"), (r"(?i)(fte|value|amount|funds|requested|threshold|distance|km$)", "1"),
]
PLAIN_FILE = ("anlage.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "application/pdf")
PLAIN_CSV = ("werte.csv", b"Merkmal;AGS;Stichtag;Wert\nalo;06532023;2024-12-31;5\n", "text/csv")
# Never submitted: logging out ends a fuzzing session (see Site.skip for the forms that would lock one out).
NEVER = [r"^/abmelden$"]
# Forms that remove or close things run after every other form, so the things exist while the others run.
LAST = re.compile(r"/(loeschen|entfernen|deaktivieren|ende|abschliessen|widerrufen|veroeffentlichen|status)$")
# Collections whose members are addressed by a code, not a number or UUID (one form of each kind is enough).
SLUGGED = {"indikatoren", "merkmale", "berichte"}
STARTS = ["/", "/konto", "/konto/nachrichten", "/massnahmen", "/planungsprozesse", "/sitzungen", "/berichte/verwaltung",
          "/begutachtung", "/foerderung/programme", "/foerderung/vereinbarungen", "/daten/import", "/verwaltung/benutzer",
          "/verwaltung/protokoll", "/gremien", "/vorlagen", "/organisationen"]


def label(value):
    if isinstance(value, bytes):
        return "invalid UTF-8 " + value.hex(" ")
    return short(value)


def kind_of(form):
    """Forms of one kind: same method, fields and address up to the ids and codes in it."""
    segments = [s for s in form.action.split("?")[0].split("/") if s]
    shape = []
    for i, s in enumerate(segments):
        if UUID.match(s) or s.isdigit() or (i == 1 and segments[0] in SLUGGED and s not in ("neu", "verwaltung")) or re.search(r"\d", s):
            shape.append("{id}")
        else:
            shape.append(s)
    names = tuple(sorted({re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}", "{id}", f.name) for f in form.fields if f.name != CSRF_FIELD}))
    return form.method, tuple(shape), names


def crawl_pattern(path):
    bare = path.split("?")[0]
    segments = bare.split("/")
    if len(segments) > 2 and segments[1] in SLUGGED and segments[2] not in ("neu", "verwaltung"):
        segments[2] = "{code}"
    return pattern_of("/".join(segments))


class Site:
    """The people of the demo, logged in, and what they reach."""

    def __init__(self, server):
        self.server = server
        self.url = server.url
        self.recorder = Recorder(server)
        self.clients = {"anonymous": Client(self.url)}
        for role in ACCOUNTS:
            self.clients[role] = Client(self.url, role).login()
        self.pages = {}  # path -> role that reached it
        self.downloads = {}
        self.forms_done = set()
        self.field_sets_done = set()
        self.shared = {}
        self.timings = {}
        self.sitemap = []
        self.protected_users, self.protected_organisations = self._protected()

    def _protected(self):
        """The fuzzing accounts and their organisations: their forms that could lock them out are not sent."""
        admin = self.clients["admin"]
        text = admin.get("/verwaltung/benutzer").text
        emails = {email for email, _ in ACCOUNTS.values()}
        users = {uid for uid, email in re.findall(r'href="/verwaltung/benutzer/([0-9a-f-]{36})">[^<]*</a></th><td>([^<]+)</td>', text) if email in emails}
        organisations = set()
        for uid in users:
            organisations |= set(re.findall(r'href="/organisationen/([0-9a-f-]{36})"', admin.get(f"/verwaltung/benutzer/{uid}").text))
        assert len(users) == len(ACCOUNTS), "the fuzzing accounts are not all in the user list"
        return users, organisations

    def skip(self):
        users = "|".join(self.protected_users)
        organisations = "|".join(self.protected_organisations)
        return NEVER + [rf"^/verwaltung/benutzer/({users})(/|$)", rf"^/organisationen/({organisations})/deaktivieren$"]

    def crawl(self):
        """Every person's pages from the start pages, each page read once (by the first who can open it);
        again later, only what is new. Returns the forms found, with the role that found them."""
        found = []
        crawl_skip = [r"^/abmelden$", rf"^/verwaltung/benutzer/({'|'.join(self.protected_users)})(/|$)"]
        self.shared.pop("patterns", None)
        if not self.sitemap:
            text = requests.get(self.url + "/sitemap.xml", timeout=TIMEOUT).text
            self.sitemap = [urllib.parse.urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", text)]
        for role in list(ACCOUNTS) + ["anonymous"]:
            client = self.clients[role]
            starts = ["/"] if role == "anonymous" else STARTS
            seeds = self.sitemap if role == "anonymous" else ()
            pages, forms, downloads = crawl(client, starts, skip=crawl_skip, pattern=crawl_pattern, shared=self.shared, seeds=seeds)
            for page in pages:
                self.pages.setdefault(page, role)
            for download in downloads:
                self.downloads.setdefault(download, role)
            found += [(role, form) for form in forms]
        return found


@pytest.fixture(scope="session")
def site(fuzz_server):
    return Site(fuzz_server)


# --- forms -------------------------------------------------------------------------------------------

def fill(form, overrides=None, everything=None):
    """The fields a browser would send, as (name, value) pairs: the form's own values, plain values where a
    field is empty, the override for named fields, or one value in every field."""
    pairs, files = [], []
    overrides = overrides or {}
    seen_radio = set()
    submitted_button = False
    for f in form.fields:
        if f.name == CSRF_FIELD:
            continue
        if f.kind == "submit":
            if submitted_button and f.name not in overrides:
                continue
            submitted_button = True
        if f.kind == "radio":
            if f.name in seen_radio:
                continue
            seen_radio.add(f.name)
        if f.kind == "file":
            if everything is not None:
                content = everything if isinstance(everything, bytes) else str(everything).encode()
                name = "datei.csv" if isinstance(everything, bytes) else (everything or "leer") + ".csv"
                files.append((f.name, (name, content, "text/csv")))
            elif f.name in overrides:
                files.append((f.name, overrides[f.name]))
            else:
                files.append((f.name, PLAIN_CSV if "import" in form.action else PLAIN_FILE))
            continue
        if everything is not None:
            pairs.append((f.name, everything))
        elif f.name in overrides:
            pairs.append((f.name, overrides[f.name]))
        elif f.kind in ("checkbox",) and not f.checked:
            pairs.append((f.name, f.value))  # ticked: the path that reads the value
        elif f.value:
            pairs.append((f.name, f.value))
        elif f.kind == "select":
            pairs.append((f.name, next((o for o in f.options if o), "")))
        else:
            by_name = next((v for pattern, v in PLAIN_BY_NAME if re.search(pattern, f.name)), None)
            if by_name is not None and f.kind in ("date", "datetime-local") and not re.fullmatch(r"\d{4}-\d\d-\d\d", by_name):
                by_name = None
            if by_name is not None and f.kind not in ("date", "datetime-local") and re.fullmatch(r"\d{4}-\d\d-\d\d", by_name):
                by_name = None
            pairs.append((f.name, by_name if by_name is not None else PLAIN.get(f.kind, "Prüfwert")))
    return pairs, files


def form_requests(form, per_field=True):
    """(where, value, pairs, files) for one form: plain values, each extreme value in every field at once,
    and the most dangerous values in one field at a time."""
    cases = [("every field (plain values)", "plain", *fill(form))]
    for value in VALUES:
        cases.append(("every field", label(value), *fill(form, everything=value)))
    for f in form.fuzzable() if per_field else ():
        if f.kind == "file":
            for name, content in GARBAGE_FILES:
                content = content if isinstance(content, bytes) else content.encode()
                cases.append((f.name, f"file {name} ({len(content)} bytes)", *fill(form, {f.name: (name, content, "application/octet-stream")})))
            continue
        # A choice (select, checkbox, radio) gets the long text only with every other field, above.
        for value in DANGEROUS if f.kind not in ("select", "checkbox", "radio", "submit") else DANGEROUS[:2]:
            cases.append((f.name, label(value), *fill(form, {f.name: value})))
    return cases


def send_form(site, role, form, session, per_field=True):
    recorder = site.recorder
    token = site.clients[role].token
    headers = {CSRF_HEADER: token} if form.method == "POST" and token else {}
    for where, value, pairs, files in form_requests(form, per_field):
        if form.method == "GET":
            query = urllib.parse.urlencode(pairs)
            recorder.send(role, session, "GET", f"{site.url}{form.action}?{query}", where, value, allow_redirects=True)
            continue
        body_pairs = [(CSRF_FIELD, token or "")] + pairs
        if files:
            recorder.send(role, session, "POST", site.url + form.action, where, value, data=body_pairs, files=files,
                          headers=headers, allow_redirects=True)
        else:
            recorder.send(role, session, "POST", site.url + form.action, where, value, data=urllib.parse.urlencode(body_pairs).encode(),
                          headers={**headers, "Content-Type": "application/x-www-form-urlencoded"}, allow_redirects=True)
    # Bytes that are no UTF-8, not percent-encoded: in every field of the body, or of the query of a GET form.
    names = [f.name for f in form.fuzzable() if f.kind != "file"]
    raw = b"&".join(n.encode() + b"=" + INVALID_UTF8 for n in names)
    if form.method == "GET":
        cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.items())
        request = (b"GET " + form.action.encode() + b"?" + raw + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                   + (b"Cookie: " + cookie.encode() + b"\r\n" if cookie else b"") + b"\r\n")
        recorder.send_raw(role, request, form.action + "?…", "every field (raw bytes in the query)", label(INVALID_UTF8), refusable=True)
    elif not any(f.kind == "file" for f in form.fields):
        body = CSRF_FIELD.encode() + b"=" + (token or "").encode() + (b"&" + raw if raw else b"")
        recorder.send(role, session, "POST", site.url + form.action, "every field (raw bytes in the body)", label(INVALID_UTF8),
                      data=body, headers={**headers, "Content-Type": "application/x-www-form-urlencoded"})


def fuzz_forms(site, found, only=None):
    """Sends each form kind not sent before once, by the first person who reached it."""
    skip = site.skip()
    todo = []
    for role, form in found:
        path = form.action.split("?")[0]
        if any(re.search(s, path) for s in skip):
            continue
        if only is not None and not only(form):
            continue
        key = kind_of(form)
        if key in site.forms_done:
            continue
        site.forms_done.add(key)
        # The create and change forms of one thing share their fields (and their reading): one field at a
        # time only once for each set of fields.
        fields = (form.method, frozenset(f.name for f in form.fuzzable()))
        todo.append((role, form, fields not in site.field_sets_done))
        site.field_sets_done.add(fields)

    def run(item):
        role, form, per_field = item
        if not site.server.alive():
            site.server.restart(site.server.generation)
        start = time.perf_counter()
        send_form(site, role, form, site.clients[role].fork(), per_field)
        site.timings[f"{form.method} {form.action}"] = time.perf_counter() - start

    for last in (False, True):
        with ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(run, [item for item in todo if bool(LAST.search(item[1].action.split("?")[0])) == last]))
    site.recorder.replay_suspects()
    return todo


def is_login(form):
    return form.action.split("?")[0] in ("/anmelden",) or form.action.startswith("/zugang/")


def test_every_form_takes_extreme_values_in_every_field(site):
    # Three rounds: a round creates things (a report, its chapter, a user) whose own forms the next round finds.
    sent = []
    for _ in range(3):
        sent += fuzz_forms(site, site.crawl(), only=lambda form: not is_login(form))
    print(f"\n{len(sent)} kinds of form, {site.recorder.count} requests; the slowest forms:")
    for name, seconds in sorted(site.timings.items(), key=lambda item: -item[1])[:8]:
        print(f"{seconds:6.1f} s  {name}")
    if site.recorder.findings:
        pytest.fail(site.recorder.report("forms"), pytrace=False)
    assert len(sent) > 40, f"the crawl found only {len(sent)} kinds of form"


# --- the JSON APIs -----------------------------------------------------------------------------------

def json_literals(value):
    """A value as JSON text: as a string always, and as a bare number where it reads as one."""
    texts = [json.dumps(value.decode("latin-1") if isinstance(value, bytes) else value)]
    if isinstance(value, str) and re.fullmatch(r"-?(\d+|\d*\.\d+)([eE][-+]?\d+)?|-?(inf|NaN)", value):
        texts.append({"inf": "Infinity", "-inf": "-Infinity"}.get(value, value))
    return texts


def sample_of(site, session, collection, name):
    """A real value for a path parameter: the first item of the collection above it."""
    response = session.get(site.url + collection, timeout=TIMEOUT)
    try:
        data = response.json()
    except ValueError:
        return "1"
    items = data if isinstance(data, list) else next((data[k] for k in ("items", "contents", "data", "features") if isinstance(data, dict) and k in data), [])
    for item in items:
        for key in (name, "id", "key", "code"):
            if isinstance(item, dict) and key in item:
                value = str(item[key])
                if value.lower() in site.protected_organisations:
                    continue
                return value
    return "1"


def api_operations(site, session, document_path):
    document = session.get(site.url + document_path, timeout=TIMEOUT).json()
    prefix = (document.get("servers") or [{"url": "/"}])[0]["url"].rstrip("/")
    schemas = document.get("components", {}).get("schemas", {})
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            parameters = [p for p in item.get("parameters", []) + operation.get("parameters", []) if "name" in p]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body and "$ref" in body:
                body = schemas[body["$ref"].split("/")[-1]]
            yield method.upper(), prefix + path, parameters, (body or {}).get("properties", {})


def test_every_api_operation_takes_extreme_values(site):
    planner = site.clients["planner"]
    read_token, write_token = planner.api_token("read"), planner.api_token("read-write")
    recorder = site.recorder
    findings_before, count_before = len(recorder.findings), recorder.count
    cases = []
    for document in ("/api/v1/openapi.json", "/hsds/openapi.json"):
        session = requests.Session()
        for method, path, parameters, properties in api_operations(site, session, document):
            token = write_token if method != "GET" else read_token
            headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
            names = re.findall(r"\{(\w+)\}", path)
            valid = {n: sample_of(site, session, path.split("/{" + n + "}")[0], n) for n in names}

            def address(path_values, path=path):
                result = path
                for n, v in path_values.items():
                    v = v if isinstance(v, bytes) else v.encode()
                    result = result.replace("{" + n + "}", urllib.parse.quote(v, safe=""))
                return result

            query_names = [p["name"] for p in parameters if p.get("in") == "query"]
            cases.append((method, address(valid), headers, None, "(plain)", "plain"))
            for value in VALUES:
                encoded = value if isinstance(value, bytes) else value.encode()
                for n in names:
                    cases.append((method, address({**valid, n: value}), headers, None, f"path {n}", label(value)))
                for n in query_names:
                    cases.append((method, address(valid) + "?" + urllib.parse.urlencode({n: encoded}), headers, None, f"query {n}", label(value)))
                if len(query_names) > 1:
                    query = urllib.parse.urlencode([(n, encoded) for n in query_names])
                    cases.append((method, address(valid) + "?" + query, headers, None, "every query parameter", label(value)))
            # The same bytes unencoded in the request line.
            for n in query_names:
                target = address(valid).encode() + b"?" + n.encode() + b"=" + INVALID_UTF8
                cases.append(("RAW", target, headers, None, f"query {n} (raw bytes)", label(INVALID_UTF8)))
            for n in names:
                target = address({**valid, n: "RAW"}).encode().replace(b"RAW", INVALID_UTF8)
                cases.append(("RAW", target, headers, None, f"path {n} (raw bytes)", label(INVALID_UTF8)))
            if properties:
                body_headers = {**headers, "Content-Type": "application/json"}
                for n in properties:
                    for value in VALUES + [None]:
                        texts = ["null"] if value is None else json_literals(value)
                        for text in texts:
                            cases.append((method, address(valid), body_headers, ("{" + json.dumps(n) + ":" + text + "}").encode(), f"body {n}", text if len(text) < 40 else label(value)))
                    for text in ("[]", "{}", "true", "-0", "1e309"):
                        cases.append((method, address(valid), body_headers, ("{" + json.dumps(n) + ":" + text + "}").encode(), f"body {n}", text))
                    cases.append((method, address(valid), body_headers, b'{"' + n.encode() + b'":"' + INVALID_UTF8 + b'"}', f"body {n}", label(INVALID_UTF8)))
                for value in VALUES:
                    for text in json_literals(value):
                        body = "{" + ",".join(json.dumps(n) + ":" + text for n in properties) + "}"
                        cases.append((method, address(valid), body_headers, body.encode(), "every body property", text if len(text) < 40 else label(value)))
                for body, what in ((b"", "empty body"), (b"NaN", "NaN"), (b"[" * 100000 + b"]" * 100000, "100,000 nested arrays"),
                                   (b'{"a":' * 50000 + b"1" + b"}" * 50000, "50,000 nested objects"), (INVALID_UTF8, "invalid UTF-8")):
                    cases.append((method, address(valid), body_headers, body, "whole body", what))
    # The bearer token itself.
    for value in VALUES:
        encoded = value if isinstance(value, bytes) else value.encode("utf-8")
        raw = b"GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + encoded.replace(b"\r\n", b" ") + b"\r\nConnection: close\r\n\r\n"
        cases.append(("RAWREQ", raw, {}, None, "Authorization header", label(value)))

    def run(case):
        method, target, headers, body, where, value = case
        if method == "RAWREQ":
            recorder.send_raw("api", target, "/api/v1/me", where, value, refusable=True)
        elif method == "RAW":
            auth = headers.get("Authorization", "").encode()
            raw = b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth + b"\r\nConnection: close\r\n\r\n"
            recorder.send_raw("api", raw, target.decode("utf-8", "replace"), where, value, refusable=True)
        else:
            recorder.send("api", requests.Session(), method, site.url + target, where, value, headers=headers, data=body)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, cases))
    recorder.replay_suspects()
    print(f"\n{len(cases)} API requests")
    new = recorder.findings[findings_before:]
    if new:
        pytest.fail("\n".join([f"API: {len(new)} defects in {recorder.count - count_before} requests"] + [f.line() for f in new]), pytrace=False)


# --- addresses of pages ------------------------------------------------------------------------------

def test_every_page_address_takes_extreme_values(site):
    """Each id or code in the address of a page of each kind replaced by each extreme value."""
    recorder = site.recorder
    findings_before, count_before = len(recorder.findings), recorder.count
    kinds = {}
    for page, role in list(site.pages.items()) + list(site.downloads.items()):
        bare = page.split("?")[0]
        segments = bare.split("/")
        positions = [i for i, s in enumerate(segments) if UUID.match(s) or re.fullmatch(r"\d+", s)
                     or (i == 2 and segments[1] in SLUGGED and s not in ("neu", "verwaltung") and not s.endswith(".csv"))]
        if positions:
            kinds.setdefault(crawl_pattern(bare), (bare, positions, role))
    cases = []
    for bare, positions, role in kinds.values():
        segments = bare.split("/")
        for i in positions:
            for value in VALUES:
                encoded = urllib.parse.quote(value if isinstance(value, bytes) else value.encode(), safe="")
                cases.append((role, "/".join(segments[:i] + [encoded] + segments[i + 1:]), f"segment {i}", label(value)))

    def run(case):
        role, path, where, value = case
        recorder.send(role, site.clients[role].fork(), "GET", site.url + path, where, value)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, cases))
    recorder.replay_suspects()
    new = recorder.findings[findings_before:]
    if new:
        pytest.fail("\n".join([f"page addresses: {len(new)} defects in {recorder.count - count_before} requests"] + [f.line() for f in new]), pytrace=False)


# --- request headers -----------------------------------------------------------------------------------

HEADERS = ["Accept-Language", "Accept", "Accept-Encoding", "If-None-Match", "If-Modified-Since", "Range", "Cookie",
           "X-Forwarded-For", "X-Forwarded-Proto", "X-Request-Id", "Origin", "Referer", "User-Agent", "Content-Type"]


def test_request_headers_take_extreme_values(site):
    """Each extreme value in each header a browser or proxy sends, on a page, a download, the API and a form
    post (bytes as they are; a line break would end the header, so it becomes a space)."""
    recorder = site.recorder
    findings_before, count_before = len(recorder.findings), recorder.count
    planner = site.clients["planner"]
    session = "; ".join(f"{k}={v}" for k, v in planner.session.cookies.items())
    targets = [("GET", "/indikatoren/sgb2_quote_u18", session.encode(), b""), ("GET", "/api/v1/spatial-units.geojson", b"", b""),
               ("GET", "/gebiete/06532023/einwohner.csv", b"", b""),
               ("POST", "/konto/tokens", session.encode(), f"_csrf={planner.token}&tokenName=x&scope=read".encode())]
    cases = []
    for method, path, cookie, body in targets:
        for header in HEADERS + ["Authorization", "X-CSRF-Token"]:
            for value in VALUES:
                encoded = (value if isinstance(value, bytes) else value.encode()).replace(b"\r\n", b"  ")
                if header == "Authorization":
                    encoded = b"Bearer " + encoded
                lines = [f"{method} {path} HTTP/1.1".encode(), b"Host: 127.0.0.1", b"Connection: close", header.encode() + b": " + encoded]
                if cookie and header != "Cookie":
                    lines.append(b"Cookie: " + cookie)
                if body:
                    if header != "Content-Type":
                        lines.append(b"Content-Type: application/x-www-form-urlencoded")
                    lines.append(b"Content-Length: " + str(len(body)).encode())
                cases.append((b"\r\n".join(lines) + b"\r\n\r\n" + body, path, f"header {header}", label(value)))

    def run(case):
        raw, target, where, value = case
        # Bytes a header may not hold (controls, bytes outside ASCII) may be refused by closing the connection.
        recorder.send_raw("headers", raw, target, where, value, refusable=True)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, cases))
    recorder.replay_suspects()
    new = recorder.findings[findings_before:]
    if new:
        pytest.fail("\n".join([f"headers: {len(new)} defects in {recorder.count - count_before} requests"] + [f.line() for f in new]), pytrace=False)


def test_login_forms_take_extreme_values(site):
    """Last of the fuzzing: wrong logins count against the address and throttle it."""
    recorder = site.recorder
    findings_before = len(recorder.findings)
    anonymous = Client(site.url)
    _, forms, _ = crawl(anonymous, ["/anmelden", "/anmelden?weiter=%2Fkonto", "/zugang/abc"], limit=5)
    site.clients["login"] = anonymous
    sent = fuzz_forms(site, [("login", form) for form in forms], only=is_login)
    assert sent, "no login form found"
    new = recorder.findings[findings_before:]
    if new:
        pytest.fail("\n".join([f"login: {len(new)} defects"] + [f.line() for f in new]), pytrace=False)


# --- afterwards ----------------------------------------------------------------------------------------

def test_afterwards_every_page_answers_from_the_same_process(site, fuzz_server):
    recorder = site.recorder
    findings_before = len(recorder.findings)
    sitemap = requests.get(site.url + "/sitemap.xml", timeout=TIMEOUT)
    assert sitemap.status_code == 200, f"/sitemap.xml answered {sitemap.status_code}"
    paths = [urllib.parse.urlsplit(u).path + ("?" + urllib.parse.urlsplit(u).query if urllib.parse.urlsplit(u).query else "")
             for u in re.findall(r"<loc>([^<]+)</loc>", sitemap.text)]
    assert len(paths) > 50
    checks = [("anonymous", p) for p in paths]
    checks += [(role, p) for p, role in site.pages.items()]
    seen_kinds = set()
    for p, role in site.downloads.items():
        kind = crawl_pattern(p)
        if kind not in seen_kinds:
            seen_kinds.add(kind)
            checks.append((role, p))

    def run(check):
        role, path = check
        recorder.send(role, site.clients[role].fork(), "GET", site.url + path, "(page after fuzzing)", "–")

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, checks))
    recorder.replay_suspects()
    ready = requests.get(site.url + "/readyz", timeout=TIMEOUT)
    problems = [f.line() for f in recorder.findings[findings_before:]]
    if ready.status_code != 200:
        problems.append(f"/readyz answered {ready.status_code}")
    if fuzz_server.deaths:
        problems += [f"the server died: pid {pid} exited with {status}\n{tail}" for pid, status, tail in fuzz_server.deaths]
    if not fuzz_server.alive():
        problems.append("the server is not running")
    elif fuzz_server.process.pid != fuzz_server.first_pid:
        problems.append(f"the server is not the same process: pid {fuzz_server.process.pid}, started as {fuzz_server.first_pid}")
    print(f"\n{len(checks)} pages checked; {recorder.count} requests in all; answers by status: "
          + ", ".join(f"{status}: {n}" for status, n in sorted(Counter(k[2] for k in recorder.statuses.elements()).items())))
    if os.environ.get("SOPLA_FUZZ_STATUSES"):
        print(recorder.dump_statuses())
    if recorder.refused:
        print(f"{len(recorder.refused)} requests that are no valid HTTP (raw bytes in the request line, a head over 80 KiB) "
              "were answered by closing the connection, e.g.:\n" + "\n".join(f.line() for f in recorder.refused[:5]))
    if problems:
        pytest.fail("\n".join([f"after fuzzing ({len(checks)} pages):"] + problems), pytrace=False)
