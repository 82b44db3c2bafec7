"""Every CSV of a running demo as German Excel opens it: UTF-8 with BOM, `;`, decimal comma, German headers,
dates as 31.12.2024, numbers without padding, ja/nein, states and kinds in the words of the pages — read back with
Python's csv module."""
import csv
import datetime
import io
import re

import requests

GERMAN_NUMBER = re.compile(r"^-?\d+(,\d+)?$")
GERMAN_DATE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$")
GERMAN_TIME = re.compile(r"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$")

# The words the pages show for states, kinds, roles and actions. A file that writes the code behind one
# (approved, draft, higher-is-better, create, municipality) fails.
LEVELS = {"Land", "Kreis", "Stadt/Gemeinde", "Planungsraum"}
TOPICS = {"Bevölkerung", "Armut und Transferleistungen", "Aufwachsen", "Bildung", "Kinderbetreuung",
          "Beschäftigung und Arbeitslosigkeit", "Wohnen", "Teilhabe"}
POLARITIES = {"Höhere Werte sind günstiger", "Höhere Werte sind ungünstiger", "Keine Bewertung"}
SIGNS = {"endgültig", "genau null", "geheim oder unbekannt", "nicht sinnvoll", "noch nicht verfügbar", "nicht sicher genug",
         "vorläufig", "berichtigt", "geschätzt"}
GAPS = {"keine Angabe", "Nenner null"} | SIGNS
SERVICE_STATUSES = {"aktiv", "deaktiviert", "vorübergehend geschlossen"}
VERDICTS = {"begründet", "zu prüfen"}
ORGANISATION_KINDS = {"Freier Träger", "Wohlfahrtsverband", "Liga der freien Wohlfahrtspflege", "Öffentliche Stelle", "Sonstige"}
ROLES = {"Träger", "Gremienmitglied", "Sozialplanung", "Begutachtung", "Administration"}
AUDIT_ACTIONS = {"Angelegt", "Geändert", "Gelöscht", "Deaktiviert", "Aktiviert", "Angemeldet", "Abgemeldet", "Anmeldung fehlgeschlagen",
                 "Anmeldung gebremst", "Passwort geändert", "Zugangslink erzeugt", "API-Token erstellt", "API-Token widerrufen",
                 "Personendaten exportiert", "Personendaten gelöscht", "Daten importiert", "Import freigegeben", "Freigabe zurückgezogen"}
APPLICATION_STATES = {"Entwurf", "eingereicht", "formale Prüfung", "in Begutachtung", "empfohlen", "nicht empfohlen", "bewilligt",
                      "teilweise bewilligt", "abgelehnt", "zurückgezogen"}
FINANCING = {"Fehlbedarfsfinanzierung", "Festbetragsfinanzierung", "Anteilfinanzierung"}
DECISIONS = {"berücksichtigt", "teilweise berücksichtigt", "nicht berücksichtigt", "zur Kenntnis genommen"}
CODE = re.compile(r"[a-z]+(-[a-z]+)*")
YOUTH_PROGRAMME = "5b0c1e2a-0200-4000-8000-000000000001"
STATEMENT_PROCESS = "5b0c1e2a-0100-4000-8000-000000000801"


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


def words(rows, column, allowed, separator=None):
    """The filled cells of a column (split where a cell lists several), each one of the allowed words."""
    found = {word for row in rows if row[column] for word in (row[column].split(separator) if separator else [row[column]])}
    assert found <= allowed, f"{column}: {sorted(found - allowed)}"
    return found


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
    assert words(units, "Ebene", LEVELS) == {"Stadt/Gemeinde"}
    assert words(read(session, base_url, "/gebiete.csv"), "Ebene", LEVELS) >= {"Kreis", "Stadt/Gemeinde"}
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
    assert words(catalogue, "Thema", TOPICS) and words(catalogue, "Polarität", POLARITIES)
    codes = [row["Code"] for row in catalogue]
    seen_hidden = False
    for code in codes:
        values = read(session, base_url, f"/indikatoren/{code}/werte.csv?zeitreihe=alle")
        words(values, "kein Wert", GAPS)
        words(values, "Hinweise", SIGNS, separator=", ")
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
    assert words(api, "Ebene", LEVELS) == {"Stadt/Gemeinde"}
    words(api, "kein Wert", GAPS)
    words(api, "Hinweise", SIGNS, separator=", ")
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
    assert words(services, "Status", SERVICE_STATUSES)
    categories = read(planner, base_url, "/angebotsplanung/kategorien.csv")
    assert words(services, "Kategorie", {row["Name"] for row in categories})
    assert words(services, "Kategorie (Code)", {row["Code"] for row in categories})
    assert "Deutsch" in {language for row in services for language in row["Sprachen"].split(", ")}
    assert all(not re.search(r"\d", row["Einzugsgebiet"]) for row in services)
    duplicates = read(planner, base_url, "/angebotsplanung/doppelstrukturen.csv")
    words(duplicates, "Bewertung", VERDICTS)
    assert words(duplicates, "Kategorie", {row["Name"] for row in categories})
    applications = read(planner, base_url, "/foerderung/antraege.csv")
    assert applications and all(german_money(row["beantragt (EUR)"]) >= 0 for row in applications)
    assert all(row["eingereicht am"] == "" or GERMAN_TIME.match(row["eingereicht am"]) for row in applications)
    assert "bewilligt" in words(applications, "Status", APPLICATION_STATES)
    ranking = read(planner, base_url, f"/foerderung/programme/{YOUTH_PROGRAMME}/rangfolge.csv")
    assert words(ranking, "Status", APPLICATION_STATES)
    agreements = read(planner, base_url, "/foerderung/vereinbarungen.csv")
    assert agreements and all(german_date(row["Beginn"]) <= german_date(row["Ende"]) for row in agreements)
    assert words(agreements, "Finanzierungsart", FINANCING)
    responses = read(planner, base_url, f"/stellungnahmen/{STATEMENT_PROCESS}/abwaegung.csv")
    words(responses, "Abwägung", DECISIONS)
    organisations = read(planner, base_url, "/organisationen.csv")
    assert organisations and all(row["aktiv"] in ("ja", "nein") for row in organisations)
    assert words(organisations, "Art", ORGANISATION_KINDS)
    admin = log_in(base_url, "admin@demo.sopla.example", "Rathaus-Schluessel-42")
    users = read(admin, base_url, "/verwaltung/benutzer.csv")
    assert words(users, "Rollen", ROLES, separator=", ") == ROLES
    audit = read(admin, base_url, "/verwaltung/protokoll.csv")
    assert audit and all(GERMAN_TIME.match(row["Zeitpunkt"]) for row in audit)
    assert "Angelegt" in words(audit, "Aktion", AUDIT_ACTIONS)
    kinds = {row["Objektart"] for row in audit}
    assert {"Organisation", "Förderprogramm"} <= kinds and not any(CODE.fullmatch(kind) for kind in kinds), sorted(kinds)
