"""A sopla demo of each scenario's own (own SQLite file in a temp dir, own port), and what a planner does to it:
import and release figures, add variables, indicators and planning areas, build and publish report editions.
Only this module knows how sopla is driven; the attacker reads nothing but public outputs."""
import html
import os
import re
import socket
import subprocess
import time

import requests

TIMEOUT = 120
PLANNER = ("planung@demo.sopla.example", "Bedarfe-Kennen-2026")
# Ports of this suite's servers (kept apart from other suites' fixed ports).
PORTS = range(18300, 18400)


def free_port():
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Demo:
    def __init__(self, binary, folder):
        self.binary = os.path.abspath(binary)
        self.folder = str(folder)
        self.env = dict(os.environ, SOPLA_DATABASE_URL=f"sqlite:{self.folder}/disclosure.sqlite")
        self.process = None
        self.log_path = os.path.join(self.folder, "server.log")

    def start(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen([self.binary, "demo", "--port", str(self.port)], env=self.env, stdout=self.log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.time() + 300
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the demo did not start:\n" + self.tail())
            try:
                if requests.get(self.url + "/readyz", timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError("the demo did not get ready:\n" + self.tail())

    def tail(self, lines=30):
        with open(self.log_path, "rb") as f:
            return "\n".join(f.read().decode("utf-8", "replace").splitlines()[-lines:])

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()

    # --- the command line -----------------------------------------------------------------------------

    def cli(self, *args, check=True):
        done = subprocess.run([self.binary, *args], env=self.env, capture_output=True, text=True, timeout=600, cwd=self.folder)
        if check and done.returncode != 0:
            raise RuntimeError(f"sopla {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done

    def import_and_release(self, rows, name="werte.csv"):
        """Imports figures in the long CSV format and makes them public. Imports become public only after a
        release once sopla has that step (`--release`); before, a plain import is public at once."""
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
        done = self.cli("import", "data", path, "--release", check=False)
        if done.returncode != 0 and re.search(r"(?i)unknown (option|flag)|unrecognized|unexpected argument|--release", done.stdout + done.stderr):
            done = self.cli("import", "data", path, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"import of {name} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def planning_area(self, parent, key, name):
        return self.cli("unit", "create", "--parent", parent, "--key", key, "--name", name).stdout

    # --- a planner's browser --------------------------------------------------------------------------

    def planner(self):
        return Planner(self.url)


class Planner:
    """The demo planner's session: follows forms as a browser would, with their CSRF token."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "de-DE"
        page = self.session.get(base + "/anmelden", timeout=TIMEOUT).text
        answer = self.session.post(base + "/anmelden", data={"_csrf": self.csrf(page), "email": PLANNER[0], "password": PLANNER[1]},
                                   allow_redirects=False, timeout=TIMEOUT)
        assert answer.status_code == 303, f"planner login answered {answer.status_code}"

    @staticmethod
    def csrf(page):
        return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

    def get(self, path):
        response = self.session.get(self.base + path, timeout=TIMEOUT)
        response.raise_for_status()
        return response

    def post(self, path, data, page=None):
        page = page if page is not None else self.get(path).text
        response = self.session.post(self.base + path, data={"_csrf": self.csrf(page), **data}, timeout=TIMEOUT)
        if response.status_code >= 400:
            raise RuntimeError(f"POST {path} answered {response.status_code}: {_errors(response.text)}")
        if 'class="error' in response.text or "role=\"alert\"" in response.text and "Bitte" in response.text:
            raise RuntimeError(f"POST {path} was refused: {_errors(response.text)}")
        return response

    def form_defaults(self, path, action):
        """The fields a form at `path` posting to `action` sends as it stands (text, selects, checked boxes)."""
        page = self.get(path).text
        form = next(f for f in re.findall(r"<form\b.*?</form>", page, re.S) if f'action="{action}"' in f)
        data = []
        for tag in re.findall(r"<input\b[^>]*>", form):
            name = re.search(r'\bname="([^"]+)"', tag)
            kind = (re.search(r'\btype="([^"]+)"', tag) or [None, "text"])[1]
            if not name or name.group(1) == "_csrf" or kind in ("submit", "button", "file"):
                continue
            if kind in ("checkbox", "radio") and not re.search(r"\bchecked\b", tag):
                continue
            data.append((html.unescape(name.group(1)), html.unescape((re.search(r'\bvalue="([^"]*)"', tag) or [None, ""])[1])))
        for name, body in re.findall(r'<select\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
            options = re.findall(r"<option\b[^>]*>", body)
            chosen = next((o for o in options if re.search(r"\bselected\b", o)), options[0] if options else None)
            if chosen:
                data.append((html.unescape(name), html.unescape((re.search(r'\bvalue="([^"]*)"', chosen) or [None, ""])[1])))
        for name, body in re.findall(r'<textarea\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
            data.append((html.unescape(name), html.unescape(body)))
        return page, data

    def submit(self, path, action, values, multi=None):
        """Fills the form at `path` (posting to `action`) with `values` over its defaults and sends it."""
        page, data = self.form_defaults(path, action)
        data = [(k, v) for k, v in data if k not in values and k not in (multi or {})]
        data += list(values.items())
        for key, items in (multi or {}).items():
            data += [(key, item) for item in items]
        data.append(("_csrf", self.csrf(page)))
        response = self.session.post(self.base + action, data=data, timeout=TIMEOUT)
        if response.status_code >= 400:
            raise RuntimeError(f"POST {action} answered {response.status_code}: {_errors(response.text)}")
        return response

    def variable(self, code, name, minimum=None):
        values = {"code": code, "nameDE": name, "nameEN": name, "unit": "Personen", "source": "Testzahlen (erfunden)",
                  "licence": "CC0 1.0", "isCount": "ja"}
        if minimum:
            values["minimumCount"] = str(minimum)
        return self.submit("/merkmale/neu", "/merkmale", values)

    def indicator(self, code, name, numerator, denominator="", factor="100", decimals="1", minimum=None, levels=None):
        values = {"code": code, "nameDE": name, "nameEN": name, "definitionDE": name + " (Testzahlen).", "definitionEN": name + " (test figures).",
                  "numerator": numerator, "denominator": denominator, "factor": factor, "decimals": decimals}
        if minimum:
            values["minimumCount"] = str(minimum)
        response = self.submit("/indikatoren/neu", "/indikatoren", values, multi={"levels[]": levels} if levels else None)
        self.publish_indicator(code)
        return response

    def publish_indicator(self, code):
        """Indicators that start as drafts are published with the button on their edit page."""
        page = self.session.get(f"{self.base}/indikatoren/{code}/bearbeiten", timeout=TIMEOUT).text
        for form in re.findall(r"<form\b.*?</form>", page, re.S):
            if re.search(r"(?i)veröffentlichen", form) and "action=" in form:
                action = html.unescape(re.search(r'action="([^"]+)"', form).group(1))
                fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
                self.session.post(self.base + action, data=fields, timeout=TIMEOUT)

    # --- reports --------------------------------------------------------------------------------------

    def report(self, title, reporting_date, indicators):
        """A report with one chapter and section holding a table block per indicator; returns its builder path."""
        response = self.submit("/berichte/verwaltung", "/berichte/verwaltung",
                               {"title": title, "reportingDate": reporting_date, "territorialStatus": reporting_date})
        builder = _path(response.url)
        chapter_action = _action(response.text, "chapter")
        response = self.submit(builder, chapter_action, {"chapter": "Kennzahlen"})
        section_action = _action(response.text, "section")
        response = self.submit(builder, section_action, {"section": "Werte"})
        for code in indicators:
            block_action = _action(self.get(builder).text, "codes")
            self.submit(builder, block_action, {"kind": "table", "codes": code, "caption": f"Werte {code}"})
        return builder

    def edition(self, builder, publish=True):
        """Builds an edition with the current data and publishes it; returns the edition's public path."""
        page = self.get(builder).text
        action = next(html.unescape(a) for a in re.findall(r'<form[^>]*action="([^"]+/ausgaben)"', page))
        response = self.submit(builder, action, {})
        edition = _path(response.url)
        if publish:
            page = self.get(builder).text
            publish_forms = [f for f in re.findall(r"<form\b.*?</form>", page, re.S) if "Veröffentlichen" in f]
            form = publish_forms[-1]
            action = html.unescape(re.search(r'action="([^"]+)"', form).group(1))
            fields = {name: value for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form)}
            for box in re.findall(r'<input[^>]*type="checkbox"[^>]*>', form):
                name = re.search(r'name="([^"]+)"', box)
                if name:
                    fields[name.group(1)] = (re.search(r'value="([^"]*)"', box) or [None, "on"])[1]
            answer = self.session.post(self.base + action, data=fields, timeout=TIMEOUT)
            if answer.status_code >= 400:
                raise RuntimeError(f"publishing answered {answer.status_code}: {_errors(answer.text)}")
        return edition


def _path(url):
    return "/" + url.split("/", 3)[3].split("?")[0]


def _action(page, field_name):
    for form in re.findall(r"<form\b.*?</form>", page, re.S):
        if f'name="{field_name}"' in form:
            return html.unescape(re.search(r'action="([^"]+)"', form).group(1))
    raise RuntimeError(f"no form with the field {field_name}")


def _errors(page):
    found = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)</', page, re.S)
    return "; ".join(html.unescape(re.sub(r"<[^>]+>", "", e)).strip() for e in found)[:500] or page[:300]
