"""The social report as people make and read it: a planner builds a two-chapter report, previews it, builds and
publishes an edition; the public reads it and downloads its figures. Axe checks every page."""
import re
import subprocess

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from axe_check import assert_accessible
from navigation import follow
from test_accounts import log_in


def fill(driver, field_id, value):
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def add_block(driver, section_index, kind, codes, caption, unit=None):
    details = driver.find_elements(By.CSS_SELECTOR, "details.add-block")[section_index]
    details.find_element(By.TAG_NAME, "summary").click()
    Select(details.find_element(By.CSS_SELECTOR, "select[name=kind]")).select_by_visible_text(kind)
    details.find_element(By.CSS_SELECTOR, "input[name=codes]").send_keys(codes)
    if unit:
        Select(details.find_element(By.CSS_SELECTOR, "select[name=unit]")).select_by_visible_text(unit)
    details.find_element(By.CSS_SELECTOR, "input[name=caption]").send_keys(caption)
    follow(driver, details.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def test_a_planner_builds_and_publishes_and_the_public_reads(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    follow(driver, driver.find_element(By.LINK_TEXT, "Berichte erstellen"))
    assert_accessible(driver, "(report list)")
    fill(driver, "title", "Sozialbericht Lahn-Dill (Test)")
    driver.execute_script("document.getElementById('reportingDate').value = '2025-06-30'; document.getElementById('territorialStatus').value = '2025-06-30';")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Bericht anlegen']"))
    for chapter, section in (("Bevölkerung und Armut", "Kinderarmut"), ("Arbeit", "Arbeitslosigkeit")):
        fill(driver, "chapter", chapter)
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Kapitel hinzufügen']"))
        form = driver.find_elements(By.CSS_SELECTOR, "section.builder-chapter")[-1]
        form.find_element(By.CSS_SELECTOR, "input[name=section]").send_keys(section)
        follow(driver, form.find_element(By.XPATH, ".//button[text()='Abschnitt hinzufügen']"))
    assert_accessible(driver, "(report builder)")
    area = driver.find_elements(By.CSS_SELECTOR, "textarea[name=text]")[0]
    area.send_keys("Kinder in **Bedarfsgemeinschaften** <script>alert(1)</script>")
    follow(driver, driver.find_elements(By.XPATH, "//button[text()='Text speichern']")[0])
    add_block(driver, 0, "Karte", "sgb2_quote_u18", "SGB-II-Quote der Kinder")
    add_block(driver, 0, "Textbeschreibung", "sgb2_quote_u18", "Wetzlar im Vergleich", unit="Wetzlar")
    add_block(driver, 1, "Rangfolge", "alo_quote", "Arbeitslosenanteil nach Kommunen")
    add_block(driver, 1, "Karte", "heim_je_1000", "Heimerziehung je 1.000")
    follow(driver, driver.find_element(By.LINK_TEXT, "Vorschau"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Abbildung 1: SGB-II-Quote der Kinder" in main and "Abbildung 2: Arbeitslosenanteil nach Kommunen" in main
    assert "<script>alert(1)</script>" in main and "liegt in Wetzlar mit" in main
    assert_accessible(driver, "(report preview)")
    driver.back()
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Neue Ausgabe mit den aktuellen Daten erstellen']"))
    edition_url = driver.current_url.split("?")[0]
    driver.back()
    driver.refresh()
    driver.find_element(By.ID, "confirm-1").click()
    follow(driver, driver.find_element(By.XPATH, "//button[starts-with(text(), 'Veröffentlichen')]"))

    driver.delete_all_cookies()
    driver.get(base_url + "/berichte")
    assert_accessible(driver, "(published reports)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Sozialbericht Lahn-Dill (Test)"))
    assert driver.current_url.split("?")[0] == edition_url
    assert "Glossar der Indikatoren" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(published edition)")
    annex = requests.get(edition_url + "/daten.csv")
    assert annex.status_code == 200 and "sgb2_quote_u18" in annex.text

    # The PDF: title, contents with page numbers, a map legend, page numbers, and hidden values as • only.
    pdf = requests.get(edition_url + "/bericht.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout.decode()
    assert "Sozialbericht Lahn-Dill (Test)" in text
    assert re.search(r"1 Bevölkerung und Armut[ .]+\d+", text) and re.search(r"2\.1 Arbeitslosigkeit[ .]+\d+", text)
    assert "geheim gehalten" in text and "(kleine Fallzahl)" not in text and re.search(r"Seite 2 von \d+", text)
    rows = [row for row in annex.text.lstrip("\ufeff").splitlines()[1:] if row.startswith("heim_je_1000;")]
    latest = max((row.split(";")[1] for row in rows), key=lambda day: day.split(".")[::-1])
    hidden = {row.split(";")[3] for row in rows if row.split(";")[1] == latest and row.endswith(";ja")}
    assert hidden, "the demo hides small counts of residential care"
    table = text[text.index("Heimerziehung je 1.000 – Werte"):]
    table = table[:table.index("Quelle")]
    for name in hidden:
        line = next(line for line in table.splitlines() if line.strip().startswith(name))
        assert "•" in line and not re.search(r"\d", line.replace(name, "")), line


def test_the_municipality_profile(page, base_url):
    driver = page("/gebiete/06532023")
    follow(driver, driver.find_element(By.LINK_TEXT, "Gemeindesteckbrief"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Gemeindesteckbrief: Stadt Wetzlar" in main and "Angebote im Gebiet" in main and "Versorgungsgrad nach Planungsstandard" in main
    assert_accessible(driver, "(municipality profile)")
    pdf = requests.get(base_url + "/gebiete/06532023/steckbrief.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert requests.get(base_url + "/gebiete/06532/steckbrief").status_code == 404


def test_the_portal_and_funding_in_figures(page, base_url):
    driver = page("/")
    assert "Transparenzportal" in driver.find_element(By.TAG_NAME, "main").text
    follow(driver, driver.find_element(By.LINK_TEXT, "Förderung in Zahlen"))
    assert "Förderung nach Themenbereich" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(funding in figures)")
    driver.get(base_url + "/daten")
    assert "Offene Daten" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(data and open data)")


def test_a_planner_orders_blocks_refers_to_them_and_puts_the_draft_out_for_comment(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/berichte/verwaltung")
    fill(driver, "title", "Versorgungsbericht (Test)")
    driver.execute_script("document.getElementById('reportingDate').value = '2025-06-30'; document.getElementById('territorialStatus').value = '2025-06-30';")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Bericht anlegen']"))
    fill(driver, "chapter", "Angebote")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Kapitel hinzufügen']"))
    form = driver.find_elements(By.CSS_SELECTOR, "section.builder-chapter")[-1]
    form.find_element(By.CSS_SELECTOR, "input[name=section]").send_keys("Beratung")
    follow(driver, form.find_element(By.XPATH, ".//button[text()='Abschnitt hinzufügen']"))
    # A coverage table of pregnancy counselling and the measures, each chosen as a person would.
    details = driver.find_elements(By.CSS_SELECTOR, "details.add-block")[0]
    details.find_element(By.TAG_NAME, "summary").click()
    Select(details.find_element(By.CSS_SELECTOR, "select[name=kind]")).select_by_visible_text("Versorgung eines Angebotsbereichs")
    Select(details.find_element(By.CSS_SELECTOR, "select[name=category]")).select_by_visible_text("Schwangerschafts(konflikt)beratung")
    details.find_element(By.CSS_SELECTOR, "input[name=caption]").send_keys("Schwangerschaftsberatung")
    follow(driver, details.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    details = driver.find_elements(By.CSS_SELECTOR, "details.add-block")[0]
    details.find_element(By.TAG_NAME, "summary").click()
    Select(details.find_element(By.CSS_SELECTOR, "select[name=kind]")).select_by_visible_text("Stand der Maßnahmen")
    details.find_element(By.CSS_SELECTOR, "input[name=caption]").send_keys("Maßnahmen")
    follow(driver, details.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    # The measures move above the coverage table.
    follow(driver, driver.find_element(By.CSS_SELECTOR, "button[aria-label='Nach oben: Maßnahmen']"))
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "ul.blocks > li")]
    assert items[0].startswith("Stand der Maßnahmen: Maßnahmen") and items[1].startswith("Versorgung eines Angebotsbereichs: Schwangerschaftsberatung"), items
    key = re.search(r"\[\[([0-9a-f]{8})\]\]", items[1]).group(1)
    area = driver.find_elements(By.CSS_SELECTOR, "textarea[name=text]")[0]
    area.send_keys(f"Wie [[{key}]] zeigt, fehlen Stellen.")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Text speichern']"))
    assert_accessible(driver, "(report builder with all controls)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Vorschau"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Wie Tabelle 2 zeigt, fehlen Stellen." in main and "Vollzeitstellen einem Bedarf von" in main
    assert driver.find_element(By.LINK_TEXT, "Tabelle 2").get_attribute("href").endswith("#b-" + key)
    assert_accessible(driver, "(report preview with tables)")
    driver.back()
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Neue Ausgabe mit den aktuellen Daten erstellen']"))
    driver.back()
    driver.refresh()
    Select(driver.find_element(By.ID, "body-1")).select_by_visible_text("Steuerungsgruppe Sozialplanung (Beispiel)")
    follow(driver, driver.find_element(By.XPATH, "//button[starts-with(text(), 'Zur Stellungnahme geben')]"))
    assert "/vorlagen/" in driver.current_url
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Entwurf: Versorgungsbericht (Test) (Ausgabe 1)" in main and "1.1 Beratung" in main and "entwurf-sozialbericht-1.pdf" in main
    assert_accessible(driver, "(the draft as a paper)")
    # A second edition: its comparison with the first lists the figures and table values that changed.
    driver.back()
    driver.refresh()
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Neue Ausgabe mit den aktuellen Daten erstellen']"))
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Was sich gegenüber Ausgabe 1 geändert hat"))
    assert "/vergleich" in driver.current_url
    assert_accessible(driver, "(edition comparison)")


def test_the_text_editor_shows_the_servers_preview_while_typing(browser, base_url):
    """The editor of the demo's example report: typing shows the text as the report renders it; nothing is saved."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/berichte/verwaltung")
    follow(driver, driver.find_element(By.LINK_TEXT, "Sozialbericht Lahn-Dill-Kreis (Beispiel)"))
    area = driver.find_elements(By.CSS_SELECTOR, "textarea[name=text]")[0]
    preview = driver.find_element(By.ID, area.get_attribute("data-preview-target"))
    assert int(area.get_attribute("rows")) >= 16 and area.size["height"] >= 300, area.size
    # The preview stands beside the field, not below it.
    assert preview.location["x"] > area.location["x"] + area.size["width"] - 5, (preview.location, area.location, area.size)
    toolbar = driver.find_elements(By.CSS_SELECTOR, ".editor-toolbar")[0]
    assert toolbar.is_displayed()
    area.clear()
    area.send_keys("# Lage der Familien\nKinder in **Bedarfsgemeinschaften** <b>nicht fett</b>\n\nerster Punkt")
    WebDriverWait(driver, 10).until(lambda d: "Lage der Familien" in " ".join(h.text for h in preview.find_elements(By.TAG_NAME, "h4")))
    assert preview.find_element(By.TAG_NAME, "strong").text == "Bedarfsgemeinschaften"
    assert "<b>nicht fett</b>" in preview.text
    # The toolbar makes the selected line a list item; the preview follows.
    driver.execute_script("var a = arguments[0]; a.setSelectionRange(a.value.length - 3, a.value.length - 3);", area)
    toolbar.find_element(By.XPATH, ".//button[text()='Liste']").click()
    assert area.get_attribute("value").endswith("- erster Punkt")
    WebDriverWait(driver, 10).until(lambda d: [li.text for li in preview.find_elements(By.CSS_SELECTOR, "ul li")] == ["erster Punkt"])
    assert_accessible(driver, "(report builder with the editor and its preview)")
    # Leaving without saving: the report's text is unchanged.
    driver.refresh()
    assert "Lage der Familien" not in driver.find_elements(By.CSS_SELECTOR, "textarea[name=text]")[0].get_attribute("value")


def test_a_table_of_three_indicators_fits_the_screen_and_the_pdf(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/berichte/verwaltung")
    fill(driver, "title", "Drei Indikatoren (Test)")
    driver.execute_script("document.getElementById('reportingDate').value = '2025-06-30'; document.getElementById('territorialStatus').value = '2025-06-30';")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Bericht anlegen']"))
    fill(driver, "chapter", "Armut")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Kapitel hinzufügen']"))
    form = driver.find_elements(By.CSS_SELECTOR, "section.builder-chapter")[-1]
    form.find_element(By.CSS_SELECTOR, "input[name=section]").send_keys("Kinder und Familien")
    follow(driver, form.find_element(By.XPATH, ".//button[text()='Abschnitt hinzufügen']"))
    add_block(driver, 0, "Indikatorentabelle", "sgb2_quote_u18, kita_u3_quote, heim_je_1000", "Drei Indikatoren nach Gemeinden")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Neue Ausgabe mit den aktuellen Daten erstellen']"))
    edition_url = driver.current_url.split("?")[0]
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, ".report-block table.data thead th")]
    assert len(headers) == 4, headers
    # The contents are numbered once: "1 Armut", not "1. 1 Armut".
    toc = driver.find_element(By.CSS_SELECTOR, "nav.toc")
    assert toc.find_element(By.TAG_NAME, "a").text == "1 Armut"
    assert driver.execute_script("return getComputedStyle(arguments[0]).listStyleType;", toc.find_element(By.TAG_NAME, "li")) == "none"
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False})
    try:
        driver.refresh()
        table = driver.find_element(By.CSS_SELECTOR, ".report-block table.data")
        wrap = driver.find_element(By.CSS_SELECTOR, ".report-block .table-wrap")
        sizes = driver.execute_script(
            "var t = arguments[0].getBoundingClientRect(), w = arguments[1].getBoundingClientRect();"
            "return {table: t.right, wrap: w.right, width: t.width, viewport: window.innerWidth, scroll: arguments[1].scrollWidth, client: arguments[1].clientWidth};",
            table, wrap)
        print("3-indicator table at 1366 px:", sizes)
        assert sizes["viewport"] == 1366
        # The whole table is on the screen: its right edge within its box and the window, every column visible.
        assert sizes["table"] <= sizes["wrap"] + 1 and sizes["wrap"] <= 1366, sizes
        third = driver.find_elements(By.CSS_SELECTOR, ".report-block table.data thead th")[3]
        assert third.is_displayed() and driver.execute_script("return arguments[0].getBoundingClientRect().right;", third) <= 1366
        assert wrap.get_attribute("tabindex") == "0"
        assert_accessible(driver, "(edition with a three-indicator table at 1366 px)")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    # The PDF: the third column's header and its values are there for every municipality.
    pdf = requests.get(edition_url + "/bericht.pdf", cookies={c["name"]: c["value"] for c in driver.get_cookies()})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout.decode()
    part = text[text.index("Tabelle 1: Drei Indikatoren nach Gemeinden"):]
    part = part[:part.index("Quelle")]
    assert "Heimerziehung" in part, part
    for name in ("Wetzlar", "Aßlar", "Herborn"):
        line = next(line for line in part.splitlines() if name in line)
        cells = re.findall(r"\d+,\d|•|–", line.replace(name, ""))
        assert len(cells) == 3, (name, line)
