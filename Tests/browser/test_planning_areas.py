"""Planning areas and profiles as planners and readers use them: a planner uploads the planning areas of Wetzlar
(a broken file first, which stores nothing and names each problem), renames one and retires it after confirming;
the profile keeps the county around Wetzlar and its PDF has two pages, the first with the map. On a demo of its own,
since new planning areas would change what other tests count. Axe checks every page."""
import json
import subprocess

import requests
from selenium.webdriver.common.by import By

from axe_check import assert_accessible
from navigation import follow
from test_accounts import log_in
from test_funding import button, fill


def planning_areas(tmp_path, name, features):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props,
         "geometry": {"type": "Polygon", "coordinates": [[[west, 50.55], [west + 0.02, 50.55], [west + 0.02, 50.565], [west, 50.565], [west, 50.55]]]}}
        for props, west in features]}))
    return str(path)


def set_date(driver, field_id, iso):
    driver.execute_script(f"document.getElementById('{field_id}').value = '{iso}';")


def test_a_planner_uploads_renames_and_retires_planning_areas(browser, private_server, tmp_path):
    driver = log_in(browser, private_server, "planner", path="/anmelden")
    driver.get(private_server + "/gebiete/06532023")
    follow(driver, driver.find_element(By.LINK_TEXT, "Planungsräume verwalten (Grenzen hochladen)"))
    assert "Planungsräume verwalten: Wetzlar" in driver.find_element(By.TAG_NAME, "h1").text
    assert_accessible(driver, "(planning areas, before upload)")

    # A broken file: nothing is stored, each problem is named with feature, property and value.
    bad = planning_areas(tmp_path, "kaputt.geojson", [({"id": "1", "name": "Altstadt"}, 8.49), ({"id": "1", "name": "Doppelt"}, 8.47)])
    driver.find_element(By.ID, "file").send_keys(bad)
    set_date(driver, "validFrom", "2025-01-01")
    follow(driver, button(driver, "Prüfen und übernehmen"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Nichts wurde übernommen" in main and "06532023-1" in main and "Doppelter Schlüssel" in main and "Datei: kaputt.geojson" in main
    assert_accessible(driver, "(planning areas, refused file)")

    good = planning_areas(tmp_path, "planungsraeume.geojson", [({"id": "1", "name": "Altstadt"}, 8.49), ({"id": "2", "name": "Niedergirmes"}, 8.47)])
    driver.find_element(By.ID, "file").send_keys(good)
    set_date(driver, "validFrom", "2025-01-01")
    follow(driver, button(driver, "Prüfen und übernehmen"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Grenzen übernommen: 2 angelegt" in main and "Altstadt" in main and "Niedergirmes" in main and "gilt seit 01.01.2025" in main
    assert_accessible(driver, "(planning areas, imported)")

    follow(driver, driver.find_element(By.LINK_TEXT, "Bearbeiten oder aufheben: Altstadt"))
    assert_accessible(driver, "(planning area, edit)")
    fill(driver, "name", "Altstadt und Dom")
    follow(driver, button(driver, "Speichern"))
    assert "Planungsraum bearbeiten: Altstadt und Dom" in driver.find_element(By.TAG_NAME, "h1").text

    # Retiring without the confirmation is refused (the browser asks first; the server as well).
    set_date(driver, "retireOn", "2025-11-01")
    driver.execute_script("document.getElementById('confirm').removeAttribute('required');")
    follow(driver, button(driver, "Aufheben"))
    assert "Aufheben: fehlt." in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(planning area, retire refused)")
    set_date(driver, "retireOn", "2025-11-01")
    driver.find_element(By.ID, "confirm").click()
    follow(driver, button(driver, "Aufheben"))
    assert "aufgehoben ab 01.11.2025" in driver.find_element(By.TAG_NAME, "main").text

    # The history stays on the area's page.
    driver.get(private_server + "/gebiete/06532023-1")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "aufgehoben ab 01.11.2025" in main and "31.10.2025" in main and "01.01.2025" in main
    assert_accessible(driver, "(retired planning area)")


def test_the_profile_keeps_the_county_and_prints_on_two_pages(browser, private_server, tmp_path):
    driver = log_in(browser, private_server, "planner", path="/anmelden")
    driver.get(private_server + "/gebiete/06532023/planungsraeume")
    driver.find_element(By.ID, "file").send_keys(planning_areas(tmp_path, "pr.geojson", [({"id": "1", "name": "Altstadt"}, 8.49)]))
    follow(driver, button(driver, "Prüfen und übernehmen"))
    driver.delete_all_cookies()
    driver.get(private_server + "/gebiete/06532023/steckbrief")
    map_ = driver.find_element(By.ID, "lagekarte")
    # The county's 23 municipalities with Wetzlar outlined, and its planning area inside.
    assert len(map_.find_elements(By.CSS_SELECTOR, "g.areas path")) == 23
    assert len(map_.find_elements(By.CSS_SELECTOR, "path.highlight")) == 1
    assert map_.find_element(By.CSS_SELECTOR, "g.outlines a").get_attribute("aria-label") == "Planungsraum Altstadt"
    assert "Amtlicher Gemeindeschlüssel (AGS)" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(profile with planning areas)")
    driver.get(private_server + "/gebiete/06532023-1/steckbrief")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Gebietssteckbrief: Planungsraum Altstadt" in main and "Schlüssel\n06532023-1" in main and "Amtlicher Gemeindeschlüssel" not in main
    assert_accessible(driver, "(planning area profile)")

    pdf = requests.get(private_server + "/gebiete/06532023/steckbrief.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", "-"], input=pdf.content, capture_output=True, check=True).stdout.decode()
    assert [line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")] == ["2"]
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout.decode()
    # Page 1 is full: facts, the map with its caption and legend, and the indicators begin there.
    for text in ("Gemeindesteckbrief: Stadt Wetzlar", "Lage im Kreis", "Die Gemeinden des Kreises", "Einwohner je km²", "Steckbrief: Indikatoren"):
        assert text in first, text


def test_coverage_and_distance_maps_have_legends_and_named_points(browser, base_url):
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/angebotsplanung/versorgung?kategorie=schuldnerberatung")
    legends = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".map-pair .legend")]
    assert len(legends) == 2
    assert "Versorgungsgrad" in legends[0] and "unter 50 %" in legends[0] and "100 % und mehr (gedeckt)" in legends[0]
    assert "bis 5 km" in legends[1] and "über 20 km" in legends[1] and "Standort eines Angebots" in legends[1]
    points = driver.find_elements(By.CSS_SELECTOR, "#entfernungskarte g.points a")
    assert points and all(p.get_attribute("aria-label") for p in points)
    rows = driver.find_elements(By.CSS_SELECTOR, "table.map-points tbody tr")
    assert len(rows) == len(points)
    assert rows[0].find_element(By.TAG_NAME, "a").get_attribute("href").split("/")[-2] == "angebote"
    assert_accessible(driver, "(coverage maps with legends and points)")
