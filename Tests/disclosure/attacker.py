"""An attacker without login who downloads every public output of a sopla site (at several moments) and works out
bounds for the counts sopla keeps secret. It knows only what the threat model grants: counts are integers ≥ 0,
each count variable's minimum, the spatial hierarchy (county = Σ municipalities, municipality = Σ its planning
areas), that a breakdown's total is the sum of its categories (a category not published is the remainder), and
that a figure shown with d decimals was rounded. It reads sopla's outputs only, never its code.

`download(base_url)` keeps one moment's outputs (an Archive); `analyse([archive, ...])` turns them into a
Knowledge of integer unknowns and linear relations; `Knowledge.findings()` lists every hidden count whose
interval is narrower than the protection level."""
import csv
import html
import io
import json
import re
import subprocess
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from knowledge import Cell, Knowledge

TIMEOUT = 120
DATE = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")
# A published money total is one provider's figure when fewer providers than this offer services in its category.
MIN_PROVIDERS = 2


# --- downloading ----------------------------------------------------------------------------------------

@dataclass
class Archive:
    """Everything public at one moment: path → text (PDFs as pdftotext output)."""
    base: str
    documents: dict = field(default_factory=dict)

    def json(self, path):
        text = self.documents.get(path)
        return json.loads(text) if text else None


class Downloader:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "de-DE"

    def text(self, path):
        response = self.session.get(self.base + path, timeout=TIMEOUT)
        if response.status_code != 200:
            return None
        if response.content.startswith(b"%PDF"):
            done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True)
            return done.stdout.decode("utf-8", "replace")
        return response.content.decode("utf-8-sig", "replace")


def download(base, pdfs=True):
    """One moment's public outputs: the sitemap's pages, the JSON API, the indicators' CSV, every profile (and the
    PDFs of profiles that hide a figure or have planning areas), every published report edition with its data annex
    and comparison, and funding in figures."""
    d = Downloader(base)
    archive = Archive(base)
    docs = archive.documents

    def fetch(paths):
        paths = [p for p in paths if p not in docs]
        with ThreadPoolExecutor(4) as pool:
            for path, text in zip(paths, pool.map(d.text, paths)):
                if text is not None:
                    docs[path] = text

    fetch(["/sitemap.xml", "/api/v1/variables", "/api/v1/indicators", "/berichte", "/foerderung/zahlen.csv", "/foerderung/zahlen"])
    units = []
    page = 1
    while True:
        path = f"/api/v1/spatial-units?page={page}&perPage=100"
        fetch([path])
        body = archive.json(path) or {}
        units += body.get("items", [])
        if not body.get("items") or len(units) >= body.get("total", 0):
            break
        page += 1
    levels = sorted({u["level"] for u in units})
    sitemap = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", docs.get("/sitemap.xml", ""))]
    indicators = archive.json("/api/v1/indicators") or []
    wanted = [p for p in sitemap if p.startswith("/indikatoren/") or p.endswith("/steckbrief")]
    for i in indicators:
        code = i["code"]
        valid = i["levels"] or levels
        for level in valid:
            wanted.append(f"/indikatoren/{code}/werte.csv?zeitreihe=alle&ebene={level}")
            for date in i["dates"]:
                wanted.append(f"/api/v1/indicators/{code}/values?date={date}&level={level}")
    wanted += [f"/gebiete/{u['key']}/steckbrief" for u in units if u["level"] != "land"]
    # Published editions, their data annex and the comparison with the edition before.
    for link in sorted(set(re.findall(r'href="(/berichte/[0-9a-f-]{36}/\d+)"', docs.get("/berichte", "")))):
        wanted += [link, link + "/daten.csv", link + "/vergleich"]
    fetch(sorted(set(wanted)))
    if pdfs:
        parents = {u.get("parentKey") for u in units if u["level"] == "planning-area"}
        keys = [u["key"] for u in units if u["level"] == "planning-area" or u["key"] in parents
                or "geheim gehalten" in docs.get(f"/gebiete/{u['key']}/steckbrief", "")]
        fetch([f"/gebiete/{k}/steckbrief.pdf" for k in keys])
    return archive


# --- reading ------------------------------------------------------------------------------------------

def german_number(text):
    """The first number in a German figure ("1.234,5 %", "−0,1 Pp.") or None."""
    found = re.search(r"([−-]?)\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?", text)
    if not found:
        return None, 0
    sign, whole, fraction = found.groups()
    value = float(whole.replace(".", "") + ("." + fraction if fraction else ""))
    return (-value if sign else value), len(fraction or "")


def parse_terms(text):
    """'alo[sex=f] + x' → [('alo', 'sex=f'), ('x', '')]."""
    terms = []
    for part in (text or "").split("+"):
        part = part.strip()
        if not part:
            continue
        found = re.fullmatch(r"([A-Za-z0-9_]+)(?:\[(.*)\])?", part)
        if not found:
            return None
        breakdown = ",".join(sorted(x.strip() for x in (found.group(2) or "").split(",") if x.strip()))
        terms.append((found.group(1), breakdown))
    return terms


def clean(fragment):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def normal_name(text):
    return re.sub(r"[^a-z0-9äöüß]", "", text.lower())


@dataclass
class Site:
    """What the attacker reads out of the catalogue: hierarchy, variables and indicators (from the newest moment)."""
    units: dict
    levels: dict
    parent: dict
    variables: dict  # count variables: code → minimum
    indicators: dict


def site_of(archives):
    units, levels, parent = {}, {}, {}
    variables, indicators = {}, {}
    for archive in archives:
        for path, text in archive.documents.items():
            if path.startswith("/api/v1/spatial-units?"):
                for u in json.loads(text).get("items", []):
                    units[u["key"]] = u["name"]
                    levels[u["key"]] = u["level"]
                    if u.get("parentKey"):
                        parent[u["key"]] = u["parentKey"]
        for v in archive.json("/api/v1/variables") or []:
            if v.get("isCount"):
                variables[v["code"]] = max(int(v.get("minimumCount") or 1), variables.get(v["code"], 1))
        for i in archive.json("/api/v1/indicators") or []:
            indicators[i["code"]] = i
    return Site(units, levels, parent, variables, indicators)


class Reader:
    def __init__(self, site, knowledge, indicator_minimums):
        self.site = site
        self.k = knowledge
        self.indicator_minimums = indicator_minimums
        self.constants = {}  # Cell → value, from outputs showing a single count

    def terms(self, indicator):
        """(numerator terms, denominator terms), or None when the indicator involves anything but counts."""
        num = parse_terms(indicator["numerator"])
        den = parse_terms(indicator.get("denominator") or "")
        if num is None or den is None or not num or any(v not in self.site.variables for v, _ in num + den):
            return None
        return num, den

    def minimum(self, indicator, variable):
        return max(self.site.variables.get(variable, 1), self.indicator_minimums.get(indicator["code"], 1))

    def cells(self, epoch, terms, date, unit):
        return [Cell(epoch, v, b, date, unit) for v, b in terms]

    def published(self, cells, value, source):
        self.k.published(cells, value, source)
        if len(cells) == 1:
            self.constants[cells[0]] = value

    def row(self, epoch, indicator, date, unit, source, value=None, decimals=None, numerator=None, denominator=None,
            hidden=False, label=None):
        """One unit's figure of an indicator in one output."""
        terms = self.terms(indicator)
        if terms is None or unit not in self.site.units:
            return
        num, den = self.cells(epoch, terms[0], date, unit), self.cells(epoch, terms[1], date, unit)
        for c in num + den:
            self.k.cells.add(c)
        if hidden:
            for c, (variable, _) in zip(num, terms[0]):
                self.k.hide(c, self.minimum(indicator, variable), source)
            if label == "primary" and len(num) == 1:
                self.k.primary_label(num[0], self.minimum(indicator, terms[0][0][0]), source)
            return
        if numerator is not None:
            self.published(num, numerator, source)
        if denominator is not None and den:
            self.published(den, denominator, source)
        if value is not None and (numerator is None or (den and denominator is None)):
            half = 0.5 * 10 ** -decimals if decimals is not None else 1e-9 * max(1.0, abs(value))
            self.k.rate(num, den, float(indicator["factor"]), value, half, source)

    def change(self, epoch, indicator, date, unit, delta, decimals, source):
        """A profile's change against the indicator's previous date: linear when the denominators are known."""
        terms = self.terms(indicator)
        if terms is None or delta is None:
            return
        dates = sorted(indicator["dates"])
        if date not in dates or dates.index(date) == 0:
            return
        before = dates[dates.index(date) - 1]
        half = 0.5 * 10 ** -decimals
        f = float(indicator["factor"])
        num_now, num_before = self.cells(epoch, terms[0], date, unit), self.cells(epoch, terms[0], before, unit)
        if not terms[1]:
            coefficients = {c: f for c in num_now}
            for c in num_before:
                coefficients[c] = coefficients.get(c, 0) - f
            self.k.add(coefficients, delta - half - 1e-7, delta + half + 1e-7, source, "rate")
            return
        den_now = [self.constants.get(c) for c in self.cells(epoch, terms[1], date, unit)]
        den_before = [self.constants.get(c) for c in self.cells(epoch, terms[1], before, unit)]
        if None in den_now or None in den_before or not sum(den_now) or not sum(den_before):
            return
        coefficients = {c: f / sum(den_now) for c in num_now}
        for c in num_before:
            coefficients[c] = coefficients.get(c, 0) - f / sum(den_before)
        self.k.add(coefficients, delta - half - 1e-7, delta + half + 1e-7, source, "rate")


def analyse(archives, indicator_minimums=None, editions_from=None):
    """The Knowledge the archives give together; archive n is epoch n. A report edition belongs to the first epoch
    in which it was seen."""
    site = site_of(archives)
    k = Knowledge()
    reader = Reader(site, k, indicator_minimums or {})
    seen_editions = set()
    profiles_later = []
    for epoch, archive in enumerate(archives):
        docs = archive.documents
        for path, text in sorted(docs.items()):
            source = f"{path} (download {epoch + 1})"
            if path.startswith("/api/v1/indicators/") and "/values?" in path:
                code = path.split("/")[4]
                body = json.loads(text)
                indicator = site.indicators.get(code)
                if not indicator or not body.get("date"):
                    continue
                for item in body.get("items", []):
                    reader.row(epoch, indicator, body["date"], item["key"], source, value=item.get("value"),
                               numerator=item.get("numerator"), denominator=item.get("denominator"),
                               hidden=item.get("suppressed", False) or (item.get("value") is None and not item.get("gap")))
            elif "/werte.csv" in path:
                code = path.split("/")[2]
                indicator = site.indicators.get(code)
                if not indicator:
                    continue
                for row in csv_rows(text):
                    value = csv_number(row["Wert"])
                    # "ja" (or, where reasons leak, "ja (primär)" / "ja (sekundär)") marks a hidden value; "nein" or empty a shown one.
                    mark = (row.get("geheim gehalten") or "").strip().lower()
                    hidden = mark not in ("", "nein") or (value is None and not row.get("kein Wert"))
                    label = {"ja (primär)": "primary", "ja (sekundär)": "secondary"}.get(mark)
                    reader.row(epoch, indicator, csv_date(row["Stichtag"]), row["Gebietsschlüssel"], source, value=value, decimals=indicator["decimals"],
                               numerator=csv_number(row["Zähler"]), denominator=csv_number(row["Nenner"]), hidden=hidden, label=label)
            elif path.endswith("/daten.csv") and path.startswith("/berichte/"):
                edition = path.rsplit("/", 1)[0]
                if edition in seen_editions:
                    continue
                seen_editions.add(edition)
                for row in csv_rows(text):
                    indicator = site.indicators.get(row["Kennzahl"])
                    if not indicator or not row.get("Gebietsschlüssel"):
                        continue
                    hidden = row.get("geheim gehalten") == "ja"
                    value = csv_number(row["Wert"]) if not hidden else None
                    if value is None and not hidden:
                        continue
                    # The annex drops trailing zeros; its values are rounded to the indicator's decimals.
                    reader.row(epoch, indicator, csv_date(row["Stichtag"]), row["Gebietsschlüssel"], f"{path} (edition seen in download {epoch + 1})",
                               value=value, decimals=indicator["decimals"] if value is not None else None, hidden=hidden)
            elif path.endswith("/steckbrief") or path.endswith("/steckbrief.pdf"):
                profiles_later.append((epoch, path, text, source))
            elif path == "/foerderung/zahlen.csv":
                pass  # read by funding_findings
    # Profiles last: their changes against the year before need the denominators the other outputs publish.
    for epoch, path, text, source in profiles_later:
        key = path.split("/")[2]
        rows = profile_rows_pdf(text, site) if path.endswith(".pdf") else profile_rows(text, site)
        parent = site.parent.get(key)
        for code, date, value_text, parent_text, change_text in rows:
            indicator = site.indicators[code]
            d = indicator["decimals"]
            if "geheim" in value_text:
                reader.row(epoch, indicator, date, key, source, hidden=True)
            else:
                value, shown = german_number(value_text)
                if value is not None:
                    reader.row(epoch, indicator, date, key, source, value=value, decimals=shown)
                    delta, shown_delta = german_number(change_text)
                    reader.change(epoch, indicator, date, key, delta, shown_delta, source)
            if parent and parent_text and "geheim" not in parent_text:
                value, shown = german_number(parent_text)
                if value is not None:
                    reader.row(epoch, indicator, date, parent, source, value=value, decimals=shown)
    _remainders(k, site)
    _hierarchy(k, site, len(archives))
    _links(k, reader, len(archives))
    return k, site


def csv_rows(text):
    """The rows of a sopla CSV as German Excel reads it: `;` between cells, decimal comma, dates as 31.12.2024."""
    return csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";")


def csv_number(text):
    """`-2,5` → -2.5; None for an empty cell."""
    return float(text.replace(",", ".")) if text else None


def csv_date(text):
    """`31.12.2024` → `2024-12-31`, the form the JSON API and the knowledge use."""
    found = DATE.fullmatch(text.strip())
    return f"{found.group(3)}-{found.group(2)}-{found.group(1)}" if found else text


def profile_rows(page, site):
    """(indicator code, date, value, county value, change) of a profile's indicator table."""
    rows = []
    for tr in re.findall(r"<tr\b.*?</tr>", page, re.S):
        link = re.search(r'href="/indikatoren/([A-Za-z0-9_]+)', tr)
        cells = [clean(c) for c in re.findall(r"<t[dh]\b.*?</t[dh]>", tr, re.S)]
        if not link or link.group(1) not in site.indicators or len(cells) < 4:
            continue
        date = DATE.search(cells[1])
        if date:
            rows.append((link.group(1), f"{date.group(3)}-{date.group(2)}-{date.group(1)}", cells[2], cells[3], cells[4] if len(cells) > 4 else ""))
    return rows


def profile_rows_pdf(text, site):
    """The same from the PDF's text: a row starts at a line with a date; its name is the text left of the date."""
    names = {normal_name(i["nameDe"]): code for code, i in site.indicators.items()}
    rows = []
    lines = text.splitlines()
    for n, line in enumerate(lines):
        date = DATE.search(line)
        if not date:
            continue
        left = line[:date.start()]
        name = left.strip()
        for follow in lines[n + 1:n + 5]:
            if not follow.strip() or DATE.search(follow):
                break
            name += " " + follow[:date.start()].strip()
        key = normal_name(name)
        code = next((c for n2, c in names.items() if key and (n2.startswith(key) or key.startswith(n2))), None)
        if not code:
            continue
        columns = [c for c in re.split(r"\s{2,}", line[date.end():].strip()) if c]
        if len(columns) >= 2:
            rows.append((code, f"{date.group(3)}-{date.group(2)}-{date.group(1)}", columns[0], columns[1], " ".join(columns[2:])))
    return rows


def _hierarchy(k, site, epochs):
    children = defaultdict(list)
    for unit, parent in site.parent.items():
        children[parent].append(unit)
    groups = {c.group() for c in k.cells}
    for group in groups:
        for parent, kids in children.items():
            if site.levels.get(parent) not in ("county", "municipality"):
                continue
            k.sum_of(Cell(*group, parent), [Cell(*group, u) for u in kids], f"hierarchy: {parent} = sum of its {len(kids)} children", "hierarchy")


def _remainders(k, site):
    """A breakdown total = the published categories + the rest (what was not published)."""
    categories = defaultdict(set)
    for c in k.cells:
        if c.breakdown and "*rest" not in c.breakdown:
            for part in c.breakdown.split(","):
                dim, _, value = part.partition("=")
                categories[(c.epoch, c.variable, c.date, dim)].add(c.breakdown)
    for (epoch, variable, date, dim), published in categories.items():
        if any("," in b for b in published):
            continue  # cross-classified breakdowns are left out
        rest = f"{dim}=*rest"
        for unit in site.units:
            total = Cell(epoch, variable, "", date, unit)
            parts = [Cell(epoch, variable, b, date, unit) for b in sorted(published)]
            remainder = Cell(epoch, variable, rest, date, unit)
            k.sum_of(total, parts + [remainder], f"breakdown: {variable} total = {' + '.join(sorted(published))} + rest", "breakdown")
            k.hide(remainder, site.variables.get(variable, 1), f"{variable}[{rest}] is never published (total minus published categories)", derived=True)


def _links(k, reader, epochs):
    """The same counts in consecutive downloads; a group in which a shown figure changed had a revision."""
    for a in range(epochs - 1):
        b = a + 1
        groups = {c.timeless()[:3] for c in k.cells if c.epoch == a} & {c.timeless()[:3] for c in k.cells if c.epoch == b}
        for group in groups:
            changed = False
            for cell, value in reader.constants.items():
                if cell.epoch == a and cell.timeless()[:3] == group:
                    other = reader.constants.get(Cell(b, *cell.timeless()))
                    if other is not None and other != value:
                        changed = True
                        break
            k.link(group, a, b, changed)


def ancestors_of(site):
    result = {}
    for unit in site.units:
        chain, p = [], site.parent.get(unit)
        while p:
            chain.append(p)
            p = site.parent.get(p)
        result[unit] = frozenset(chain)
    return result


# --- funding in figures ---------------------------------------------------------------------------------

def funding_findings(archive):
    """Category totals of funding in figures that stem from fewer than MIN_PROVIDERS providers, as far as the public
    directory (the profiles' service tables: service, category, provider) shows who offers that category."""
    providers = defaultdict(set)
    for path, text in archive.documents.items():
        if not path.endswith("/steckbrief"):
            continue
        for table in re.findall(r"<table\b.*?</table>", text, re.S):
            head = [clean(h) for h in re.findall(r"<th\b.*?</th>", table, re.S)]
            if "Themenbereich" not in head or "Träger" not in head:
                continue
            ci, pi = head.index("Themenbereich"), head.index("Träger")
            for tr in re.findall(r"<tr\b.*?</tr>", table, re.S):
                cells = [clean(c) for c in re.findall(r"<t[dh]\b.*?</t[dh]>", tr, re.S)]
                if len(cells) > max(ci, pi) and cells[ci] != "Themenbereich":
                    providers[cells[ci]].add(cells[pi])
    found = []
    text = archive.documents.get("/foerderung/zahlen.csv", "")
    for row in csv_rows(text):
        if row.get("Bereich") != "Themenbereich":
            continue
        amount = csv_number(row["Wert"]) or 0
        known = providers.get(row["Name"], set())
        if amount > 0 and len(known) < MIN_PROVIDERS:
            who = ", ".join(sorted(known)) or "no provider listed"
            found.append(f"funding {row['Jahr']} category {row['Name']} {row['Kennzahl']} {amount:.2f} € comes from "
                         f"{len(known)} provider(s) ({who}) — outputs used: /foerderung/zahlen.csv; /gebiete/*/steckbrief")
    return found
