"""The social report as people use it: the public reads an indicator's map, ranking and time series with small
counts hidden; a planner imports figures (a bad file stores nothing and names every bad row) and releases them after
reading the check report, maps the columns of a GENESIS table once, and maintains variables, indicators, reference
values and rules. Axe checks every page."""
import uuid

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from axe_check import assert_accessible
from navigation import follow
from test_accounts import fill, log_in, log_out

import os

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "genesis-samples")


def test_the_public_reads_an_indicator_with_small_counts_hidden(page, base_url):
    driver = page("/indikatoren")
    assert_accessible(driver, "(indicator catalogue)")
    fill(driver, "q", "Heim")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    follow(driver, driver.find_element(By.LINK_TEXT, "Heimerziehung je 1.000 unter 21-Jährige (Beispiel)"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Heimerziehung je 1.000 unter 21-Jährige (Beispiel)"
    assert_accessible(driver, "(indicator page)")
    legend = driver.find_element(By.CSS_SELECTOR, ".legend").text
    assert "geheim gehalten" in legend and "Quantile" in legend
    values = driver.find_element(By.CSS_SELECTOR, ".indicator-map table").text
    assert "geheim gehalten" in values and "Lahn-Dill-Kreis" in values
    assert "Nicht zur Veröffentlichung" not in driver.page_source
    # The public API agrees with the page: the same units are hidden.
    api = requests.get(base_url + "/api/v1/indicators/heim_je_1000/values", params={"level": "municipality"}).json()
    hidden = {item["name"] for item in api["items"] if item["suppressed"]}
    rows = driver.find_elements(By.CSS_SELECTOR, ".indicator-map tbody tr")
    shown_hidden = {row.find_element(By.TAG_NAME, "th").text for row in rows if "geheim gehalten" in row.text}
    assert hidden == shown_hidden and hidden
    # Another classification and reference date, chosen with the form.
    Select(driver.find_element(By.ID, "klassifikation")).select_by_value("natural-breaks")
    Select(driver.find_element(By.ID, "stichtag")).select_by_value("2021-12-31")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.controls button[type=submit]"))
    assert "natürliche Brüche (Jenks)" in driver.find_element(By.CSS_SELECTOR, ".legend").text
    assert "Veränderung seit 31.12.2020" in driver.page_source
    assert_accessible(driver, "(indicator page, natural breaks)")
    # The time series of one municipality against the county.
    Select(driver.find_element(By.ID, "gebiet")).select_by_visible_text("Wetzlar")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "#zeitreihe + form button[type=submit], section[aria-labelledby=zeitreihe] form button"))
    series = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=zeitreihe] table").text
    assert "Wetzlar" in series and "Lahn-Dill-Kreis" in series and "31.12.2019" in series


def test_the_unit_page_shows_the_indicator_profile(page):
    driver = page("/gebiete/06532023")
    profile = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=steckbrief]").text
    assert "Bevölkerungsdichte" in profile and "Lahn-Dill-Kreis" in profile
    assert_accessible(driver, "(unit page with profile)")


def release(driver, reason="Prüfbericht gelesen"):
    """Releases the import whose page is open (a reason is given, as failed rules would require one)."""
    assert "nicht freigegeben" in driver.find_element(By.ID, "freigabestatus").text
    fill(driver, "reason", reason)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "section.release form button[type=submit]"))
    assert "Freigegeben: die Werte sind jetzt öffentlich." in driver.page_source
    assert "freigegeben am" in driver.find_element(By.ID, "freigabestatus").text


def test_a_planner_releases_an_import_after_reading_its_check_report(browser, private_server, tmp_path):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")

    def asslar():
        values = requests.get(base_url + "/api/v1/indicators/kita_u3_quote/values", params={"date": "2024-12-31"}).json()
        return next(item for item in values["items"] if item["key"] == "06532001")

    before = asslar()["numerator"]
    assert before != 4711
    good = tmp_path / "kita.csv"
    good.write_text("variable,ags,reference_date,value\nkita_u3,06532001,2024-12-31,4711\n", encoding="utf-8")
    driver.get(base_url + "/daten/import")
    driver.find_element(By.ID, "file").send_keys(str(good))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    run_url = driver.current_url
    assert driver.find_element(By.ID, "freigabestatus").text == "nicht freigegeben"
    section = driver.find_element(By.CSS_SELECTOR, "section.release").text
    assert "Prüfbericht: 0 neue und 1 geänderte Werte." in section and "Öffentlich sind davon jetzt 0 Werte." in section
    assert_accessible(driver, "(import waiting for release)")
    # The public does not see the new figure; the planner does, marked.
    assert asslar()["numerator"] == before
    driver.get(base_url + "/indikatoren/kita_u3_quote?stichtag=2024-12-31")
    rows = driver.find_elements(By.CSS_SELECTOR, ".indicator-map tbody tr")
    row = next(r.text for r in rows if r.find_element(By.TAG_NAME, "th").text == "Aßlar")
    assert "4.711" in row and "(nicht freigegeben)" in row
    assert "Nicht freigegebene Werte." in driver.find_element(By.CSS_SELECTOR, ".unreleased-note").text
    assert_accessible(driver, "(indicator page with unreleased values)")
    # Released from the import list.
    driver.get(base_url + "/daten/import")
    assert "nicht freigegeben" in driver.find_element(By.CSS_SELECTOR, "main table").text
    driver.get(run_url)
    release(driver, "Mit der Kita-Aufsicht abgeglichen")
    assert "Öffentlich sind davon jetzt 1 Werte." in driver.find_element(By.CSS_SELECTOR, "section.release").text
    assert "Mit der Kita-Aufsicht abgeglichen" in driver.find_element(By.CSS_SELECTOR, "section.release").text
    assert_accessible(driver, "(released import)")
    assert asslar()["numerator"] == 4711
    driver.get(base_url + "/indikatoren/kita_u3_quote?stichtag=2024-12-31")
    assert "4.711" in driver.find_element(By.CSS_SELECTOR, ".indicator-map table").text
    assert "nicht freigegeben" not in driver.page_source
    log_out(driver)


def test_a_planner_imports_figures_all_or_nothing(browser, private_server, tmp_path):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/daten/import")
    assert_accessible(driver, "(import page)")
    before = requests.get(base_url + "/api/v1/indicators/alo_quote/values", params={"date": "2023-12-31"}).json()
    bad = tmp_path / "werte-fehler.csv"
    bad.write_text("variable,ags,reference_date,value\nalo,06532001,2023-12-31,999\nalo,06532001,2023-12-31,\"1,5\"\nalo,01001000,2023-12-31,4\n", encoding="utf-8")
    driver.find_element(By.ID, "file").send_keys(str(bad))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Fehlgeschlagen, nichts gespeichert" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    report = driver.find_element(By.CSS_SELECTOR, "main table").text
    assert "Falsches Dezimalzeichen" in report and "Unbekannter Gebietsschlüssel" in report
    assert_accessible(driver, "(failed import report)")
    after = requests.get(base_url + "/api/v1/indicators/alo_quote/values", params={"date": "2023-12-31"}).json()
    assert after == before
    good = tmp_path / "werte.csv"
    good.write_text("variable,ags,reference_date,value,status\nalo,06532001,2025-06-30,420,p\nbev_15_64,06532001,2025-06-30,9000,p\n", encoding="utf-8")
    driver.get(base_url + "/daten/import")
    driver.find_element(By.ID, "file").send_keys(str(good))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Gespeichert" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert_accessible(driver, "(import result)")
    # Public only once released.
    hidden = requests.get(base_url + "/api/v1/indicators/alo_quote/values", params={"date": "2025-06-30"}).json()
    assert next(item for item in hidden["items"] if item["key"] == "06532001").get("value") is None
    release(driver)
    values = requests.get(base_url + "/api/v1/indicators/alo_quote/values", params={"date": "2025-06-30"}).json()
    asslar = next(item for item in values["items"] if item["key"] == "06532001")
    assert abs(asslar["value"] - 420 * 100 / 9000) < 1e-9 and asslar["flags"] == ["p"]
    # The variable's history names the file each value came from.
    driver.get(base_url + "/merkmale")
    follow(driver, driver.find_element(By.LINK_TEXT, "alo"))
    Select(driver.find_element(By.ID, "gebiet")).select_by_visible_text("Aßlar")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.controls button[type=submit]"))
    history = driver.find_element(By.CSS_SELECTOR, "main table").text
    assert "30.06.2025" in history and "werte.csv" in history and "Paul Planer (Beispiel)" in history
    assert_accessible(driver, "(variable history)")
    log_out(driver)


def test_a_planner_reads_the_proposal_of_a_genesis_table_and_maps_it_once(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/daten/import")
    driver.find_element(By.ID, "file").send_keys(os.path.abspath(os.path.join(SAMPLES, "12411-01-01-4.csv")))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    # The proposal from the table's own metadata, with a preview of the county's values.
    proposal = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vorschlag]").text
    assert "bevoelkerungsstand" in proposal and "Bevölkerungsstand" in proposal and "sex" in proposal
    assert "Lahn-Dill-Kreis" in proposal and "253.777" in proposal
    assert "Fehler in der Datei" not in driver.page_source
    assert_accessible(driver, "(proposal and column mapping)")
    # Mapped by hand onto the existing variable instead; the sexes come from the table.
    Select(driver.find_element(By.ID, "variable-0")).select_by_value("bevoelkerung")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=zuordnung] button[type=submit]"))
    facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Gespeichert" in facts and "12411-01-01-4" in facts
    counts = driver.find_element(By.CSS_SELECTOR, "main table").text
    assert "Übersprungen" in counts and "Vergleichswerte" in counts
    assert_accessible(driver, "(imported GENESIS table)")
    release(driver)
    values = requests.get(base_url + "/api/v1/indicators/bevoelkerung/values", params={"level": "county", "date": "2018-12-31"}).json()
    assert values["items"][0]["value"] == 253777
    log_out(driver)


def test_a_planner_changes_code_and_name_of_a_proposed_variable_before_accepting_it(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/daten/import")
    driver.find_element(By.ID, "file").send_keys(os.path.abspath(os.path.join(SAMPLES, "12411-01-01-4.csv")))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    # Prefilled with the proposal, each field labelled with its variable.
    assert driver.find_element(By.CSS_SELECTOR, "label[for=code-0]").text == "Kennung für „Bevölkerungsstand“ *"
    assert driver.find_element(By.ID, "code-0").get_attribute("value") == "bevoelkerungsstand"
    assert driver.find_element(By.ID, "name-0").get_attribute("value") == "Bevölkerungsstand"
    accept = "section[aria-labelledby=vorschlag] form button[type=submit]"
    # A code that is none: the page again with what was typed and the message at the field; nothing stored.
    fill(driver, "code-0", "Einwohner 2018")
    fill(driver, "name-0", "Einwohnerinnen und Einwohner nach Geschlecht")
    follow(driver, driver.find_element(By.CSS_SELECTOR, accept))
    assert driver.find_element(By.ID, "code-0").get_attribute("value") == "Einwohner 2018"
    assert driver.find_element(By.ID, "name-0").get_attribute("value") == "Einwohnerinnen und Einwohner nach Geschlecht"
    assert driver.find_element(By.ID, "code-0-error").text == "„Einwohner 2018“ ist kein zulässiger Wert."
    assert "Kennung für „Bevölkerungsstand“" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert_accessible(driver, "(proposal with a refused code)")
    fill(driver, "code-0", "einwohner_geschlecht")
    follow(driver, driver.find_element(By.CSS_SELECTOR, accept))
    assert "Gespeichert" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    release(driver)
    # The variable under the planner's code and name, with the table's reference date.
    driver.get(base_url + "/merkmale")
    row = next(r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr") if "einwohner_geschlecht" in r.text)
    assert "Einwohnerinnen und Einwohner nach Geschlecht" in row and "31.12.2018" in row
    assert "bevoelkerungsstand" not in driver.find_element(By.CSS_SELECTOR, "main table").text
    log_out(driver)


# Records each text of the upload's status region with the state of the bar and the button, in sessionStorage so that
# it outlasts the change to the run page.
RECORD_UPLOAD = """
sessionStorage.removeItem('uploadSeen');
var seen = [];
var bar = document.getElementById('upload-progress'), status = document.getElementById('upload-status');
var button = document.querySelector('form[data-upload] button[type=submit]');
new MutationObserver(function (records) {
  records.forEach(function (record) {
    record.addedNodes.forEach(function (node) {
      seen.push([bar.hidden ? 'hidden' : 'shown', button.disabled ? 'disabled' : 'enabled', node.textContent]);
    });
  });
  sessionStorage.setItem('uploadSeen', JSON.stringify(seen));
}).observe(status, {childList: true});
"""


def test_an_upload_shows_its_progress_and_leads_to_the_run_page(browser, private_server, tmp_path):
    import json
    import re

    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/daten/import")
    assert driver.find_element(By.ID, "upload-progress").get_attribute("hidden") is not None
    assert driver.find_element(By.ID, "upload-status").get_attribute("aria-live") == "polite"
    assert_accessible(driver, "(import page)")
    # The largest sample, 1.8 MB, over a slow line: the bar and the megabytes sent while it goes, then the check, then
    # the run page.
    driver.execute_script(RECORD_UPLOAD)
    driver.find_element(By.ID, "file").send_keys(os.path.abspath(os.path.join(SAMPLES, "1000A-0000_de_flat.csv")))
    driver.set_network_conditions(offline=False, latency=5, download_throughput=10 * 1024 * 1024, upload_throughput=512 * 1024)
    try:
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    finally:
        driver.delete_network_conditions()
    assert re.search(r"/daten/import/[0-9a-f-]{36}$", driver.current_url)
    assert "1000A-0000_de_flat.csv" in driver.find_element(By.TAG_NAME, "h1").text
    seen = json.loads(driver.execute_script("return sessionStorage.getItem('uploadSeen');"))
    texts = [text for _, _, text in seen]
    assert texts[0] == "Datei wird hochgeladen …" and texts[-1] == "Datei wird geprüft …", texts
    sent = [text for text in texts if re.fullmatch(r"\d+,\d von 1,8 MB hochgeladen", text)]
    assert sent[-1] == "1,8 von 1,8 MB hochgeladen" and len(sent) >= 2, texts
    assert all(bar == "shown" and button == "disabled" for bar, button, _ in seen), seen
    # A file the server refuses: the reason where the progress was, and the button works again.
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    driver.get(base_url + "/daten/import")
    driver.find_element(By.ID, "file").send_keys(str(empty))
    driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "nicht eingelesen" in d.find_element(By.ID, "upload-status").text)
    assert driver.find_element(By.ID, "upload-status").text == "Die Datei wurde nicht eingelesen: Datei: ist leer (0 Byte)."
    assert driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").is_enabled()
    assert driver.find_element(By.ID, "upload-progress").get_attribute("hidden") is not None
    assert_accessible(driver, "(import page after a refused upload)")
    log_out(driver)


def test_a_planner_defines_a_variable_an_indicator_a_reference_and_a_rule(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/merkmale")
    assert_accessible(driver, "(variables)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Neues Merkmal"))
    assert_accessible(driver, "(variable form)")
    code = "wg_" + uuid.uuid4().hex[:6]
    fill(driver, "code", "Wohngeld!")
    fill(driver, "nameDE", "Wohngeldhaushalte (Beispiel)")
    fill(driver, "nameEN", "Housing benefit households (example)")
    fill(driver, "unit", "Haushalte")
    fill(driver, "source", "Erfunden")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Bitte korrigieren Sie die folgenden Angaben" in summary and "Kennung" in summary
    assert driver.find_element(By.ID, "code").get_attribute("aria-invalid") == "true"
    assert driver.find_element(By.ID, "nameDE").get_attribute("value") == "Wohngeldhaushalte (Beispiel)"
    assert_accessible(driver, "(variable form with errors)")
    fill(driver, "code", code)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert code in driver.find_element(By.CSS_SELECTOR, "main table").text
    driver.get(base_url + "/indikatoren/neu")
    assert_accessible(driver, "(indicator form)")
    fill(driver, "code", code + "_quote")
    fill(driver, "nameDE", "Wohngeldquote (Beispiel)")
    fill(driver, "nameEN", "Housing benefit rate (example)")
    Select(driver.find_element(By.ID, "topic")).select_by_value("housing")
    fill(driver, "numerator", code)
    fill(driver, "denominator", "bevoelkerung")
    Select(driver.find_element(By.ID, "factor")).select_by_value("1000")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Wohngeldquote (Beispiel)"
    assert "Für diesen Indikator liegen noch keine Werte vor." in driver.page_source
    driver.get(base_url + "/indikatoren/sgb2_quote_u18")
    fill(driver, "label", "Hessen")
    driver.execute_script("document.getElementById('date').value = '2023-12-31';")
    fill(driver, "value", "13,4")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vergleichswerte] button[type=submit]"))
    assert "Hessen" in driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vergleichswerte] table").text
    assert "Hessen" in driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=zeitreihe] table").text
    assert_accessible(driver, "(indicator page, planner)")
    driver.get(base_url + "/daten/pruefregeln")
    assert_accessible(driver, "(validation rules)")
    Select(driver.find_element(By.ID, "kind")).select_by_value("change-above")
    Select(driver.find_element(By.ID, "target")).select_by_value("alo")
    fill(driver, "threshold", "5")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    rules = driver.find_element(By.CSS_SELECTOR, "main table").text
    assert rules.count("alo") >= 2
    follow(driver, driver.find_elements(By.PARTIAL_LINK_TEXT, "Löschen alo")[-1])
    assert_accessible(driver, "(confirm rule deletion)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.actions button.danger"))
    assert driver.find_element(By.CSS_SELECTOR, ".notice").text == "Gelöscht."
    assert driver.find_element(By.CSS_SELECTOR, "main table").text.count("alo") == rules.count("alo") - 2
    log_out(driver)


def test_a_planner_publishes_a_draft_indicator_after_its_variable(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    code = "kz_" + uuid.uuid4().hex[:6]
    driver.get(base_url + "/merkmale/neu")
    fill(driver, "code", code)
    fill(driver, "nameDE", "Kinderzuschlag (Beispiel)")
    fill(driver, "nameEN", "Child supplement (example)")
    fill(driver, "unit", "Kinder")
    fill(driver, "source", "Erfunden")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    driver.get(base_url + "/indikatoren/neu")
    fill(driver, "code", code + "_quote")
    fill(driver, "nameDE", "Kinderzuschlagsquote (Beispiel)")
    fill(driver, "nameEN", "Child supplement rate (example)")
    fill(driver, "numerator", code)
    fill(driver, "denominator", "bev_u18")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    # A new indicator is a draft: marked for the planner, unknown to everyone else.
    assert driver.find_element(By.TAG_NAME, "h1").text == "Kinderzuschlagsquote (Beispiel)"
    assert driver.find_element(By.CSS_SELECTOR, "p[role=note]").text.startswith("Entwurf: nur für Planende sichtbar")
    assert_accessible(driver, "(draft indicator page)")
    assert requests.get(base_url + "/indikatoren/" + code + "_quote").status_code == 404
    assert "Kinderzuschlagsquote" not in requests.get(base_url + "/indikatoren").text
    driver.get(base_url + "/indikatoren")
    drafts = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=unveroeffentlicht]").text
    assert "Kinderzuschlagsquote (Beispiel)" in drafts and "Entwurf" in drafts
    assert_accessible(driver, "(catalogue with drafts)")
    # Publishing waits for the variable, and says which one.
    follow(driver, driver.find_element(By.LINK_TEXT, "Kinderzuschlagsquote (Beispiel)"))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "button[aria-label='Veröffentlichen: Kinderzuschlagsquote (Beispiel)']"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Nicht veröffentlicht: „Kinderzuschlagsquote (Beispiel)“"
    assert_accessible(driver, "(publishing refused)")
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Kinderzuschlag (Beispiel) (" + code + ")"))
    follow(driver, driver.find_element(By.CSS_SELECTOR, "button[aria-label='Veröffentlichen: Kinderzuschlag (Beispiel)']"))
    assert driver.find_element(By.CSS_SELECTOR, ".notice-success").text == "Veröffentlicht."
    assert_accessible(driver, "(published variable)")
    driver.get(base_url + "/indikatoren/" + code + "_quote")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "button[aria-label='Veröffentlichen: Kinderzuschlagsquote (Beispiel)']"))
    assert driver.find_element(By.CSS_SELECTOR, ".notice-success").text == "Veröffentlicht."
    assert not driver.find_elements(By.CSS_SELECTOR, "p[role=note]")
    log_out(driver)
    # Now the public catalogue lists it, under its topic.
    driver.get(base_url + "/indikatoren")
    poverty = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=thema-poverty]").text
    assert "Kinderzuschlagsquote (Beispiel)" in poverty
    assert not driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=unveroeffentlicht]")
    assert_accessible(driver, "(public catalogue)")
    assert requests.get(base_url + "/indikatoren/" + code + "_quote").status_code == 200
