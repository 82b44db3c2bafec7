"""Every CSV of a running demo as German Excel opens it: UTF-8 with BOM, `;`, decimal comma, German headers,
dates as 31.12.2024, numbers without padding, ja/nein — read back with Python's csv module."""
import csv
import datetime
import io
import re

import requests

GERMAN_NUMBER = re.compile(r"^-?\d+(,\d+)?$")
GERMAN_DATE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$")
GERMAN_TIME = re.compile(r"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$")


def german_number(text):
    """`-2,5` → -2.5; refuses a decimal point, thousands separators and padding such as `2698,000`."""
    assert GERMAN_NUMBER.match(text), f"not a German number: {text!r}"
    if "," in text:
        assert not text.endswith("0"), f"padded number: {text!r}"
    return float(text.replace(",", "."))


def german_date(text):
    assert GERMAN_DATE.match(text), f"not a German date: {text!r}"
    return datetime.datetime.strptime(text, "%d.%m.%Y").date()


def german_money(text):
    assert re.match(r"^-?\d+,\d{2}$", text), f"not an amount in euros: {text!r}"
    return float(text.replace(",", "."))


def read(session, base_url, path):
    """The rows of a CSV as dictionaries, after checking the bytes Excel looks at."""
    response = session.get(base_url + path)
    assert response.status_code == 200, (path, response.status_code)
    assert response.headers["content-type"].startswith("text/csv"), path
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf"), f"{path}: no byte order mark"
    text = body.decode("utf-8")[1:]
    header = text.split("\r\n", 1)[0]
    assert ";" in header and "," not in header, f"{path}: header {header!r}"
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert all(len(row) == len(rows[0]) for row in rows), path
    # Names instead of ids: an id only where a machine needs one, in the column "ID".
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    assert not any(uuid.fullmatch(cell) and name != "ID" for row in rows[1:] for name, cell in zip(rows[0], row)), path
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def log_in(base_url, email, password):
    session = requests.Session()
    token = re.search(r'name="_csrf" value="([^"]+)"', session.get(base_url + "/anmelden").text).group(1)
    response = session.post(base_url + "/anmelden", data={"_csrf": token, "email": email, "password": password}, allow_redirects=False)
    assert response.status_code == 303
    return session


def test_the_unit_tables_read_as_german_numbers_and_dates(base_url):
    session = requests.Session()
    units = read(session, base_url, "/gebiete.csv?ebene=municipality")
    assert len(units) == 23
    wetzlar = next(row for row in units if row["Gebietsschlüssel"] == "06532023")
    assert wetzlar["Name"] == "Wetzlar" and wetzlar["gehört zu"] == "Lahn-Dill-Kreis"
    assert german_number(wetzlar["Einwohner"]) == 53116
    assert german_number(wetzlar["Fläche (km²)"]) == 75.65
    german_date(wetzlar["Einwohner Stichtag"])
    population = read(session, base_url, "/gebiete/06532023/einwohner.csv")
    assert population and all(german_number(row["Einwohner"]) > 0 and german_date(row["Stichtag"]) for row in population)
    history = read(session, base_url, "/gebiete/06532023/gebietsstaende.csv")
    assert german_date(history[0]["gültig ab"]) == datetime.date(2013, 1, 1)
    assert 8 < german_number(history[0]["Mittelpunkt Länge"]) < 9 and 50 < german_number(history[0]["Mittelpunkt Breite"]) < 51


def test_indicator_values_say_ja_or_nein_and_leave_hidden_values_empty(base_url):
    session = requests.Session()
    catalogue = read(session, base_url, "/indikatoren.csv")
    assert {"Code", "Name", "Nachkommastellen", "letzter Stichtag"} <= set(catalogue[0])
    codes = [row["Code"] for row in catalogue]
    seen_hidden = False
    for code in codes:
        values = read(session, base_url, f"/indikatoren/{code}/werte.csv?zeitreihe=alle")
        for row in values:
            german_date(row["Stichtag"])
            assert row["geheim gehalten"] in ("ja", "nein")
            if row["geheim gehalten"] == "ja":
                seen_hidden = True
                assert row["Wert"] == "" and row["Zähler"] == ""
            elif row["Wert"]:
                german_number(row["Wert"])
    assert seen_hidden, "the demo hides some values"
    api = read(session, base_url, f"/api/v1/indicators/{codes[0]}/values?format=csv&level=municipality")
    assert api and all(row["geheim gehalten"] in ("ja", "nein") and (row["Wert"] == "" or german_number(row["Wert"]) is not None) for row in api)
    variables = read(session, base_url, "/merkmale.csv")
    assert all(row["Fallzahl"] in ("ja", "nein") for row in variables)


def test_public_funding_figures_are_german_euros(base_url):
    rows = read(requests.Session(), base_url, "/foerderung/zahlen.csv")
    assert rows and set(rows[0]) == {"Jahr", "Bereich", "Name", "Kennzahl", "Wert", "geheim gehalten"}
    for row in rows:
        assert row["geheim gehalten"] in ("ja", "nein")
        if row["geheim gehalten"] == "ja":
            assert row["Wert"] == ""
        elif row["Kennzahl"].endswith("(EUR)"):
            german_money(row["Wert"])
    assert any(row["Bereich"] == "Themenbereich" for row in rows)


def test_planner_and_audit_lists(base_url):
    planner = log_in(base_url, "planung@demo.sopla.example", "Bedarfe-Kennen-2026")
    services = read(planner, base_url, "/angebote.csv")
    assert services and all(row["präventiv"] in ("ja", "nein") and (row["VZÄ"] == "" or german_number(row["VZÄ"]) >= 0) for row in services)
    applications = read(planner, base_url, "/foerderung/antraege.csv")
    assert applications and all(german_money(row["beantragt (EUR)"]) >= 0 for row in applications)
    assert all(row["eingereicht am"] == "" or GERMAN_TIME.match(row["eingereicht am"]) for row in applications)
    agreements = read(planner, base_url, "/foerderung/vereinbarungen.csv")
    assert agreements and all(german_date(row["Beginn"]) <= german_date(row["Ende"]) for row in agreements)
    organisations = read(planner, base_url, "/organisationen.csv")
    assert organisations and all(row["aktiv"] in ("ja", "nein") for row in organisations)
    admin = log_in(base_url, "admin@demo.sopla.example", "Rathaus-Schluessel-42")
    audit = read(admin, base_url, "/verwaltung/protokoll.csv")
    assert audit and all(GERMAN_TIME.match(row["Zeitpunkt"]) for row in audit)
