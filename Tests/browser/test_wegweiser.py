"""The Wegweiser as citizens use it: they type what troubles them ("Schulden", "Drogen", "Kita", with typing errors),
filters name what they cannot use, the map's points are named and linked with a table beside the map, a service
prints on one A4 page, and a women's shelter shows only its phone. Planners keep the search words of a category.
Axe checks every page."""
import base64
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from axe_check import assert_accessible
from navigation import follow
from test_accounts import fill, log_in

DEBT = {"Schuldnerberatung Herborn (Beispiel)", "Schuldner- und Insolvenzberatung Herborn-Burg (Beispiel)", "Schuldnerberatung Wetzlar (Beispiel)"}


def search(driver, text):
    fill(driver, "suche", text)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.directory-search button[type=submit]"))
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".directory-entry h2")]


def test_a_citizen_finds_help_by_the_words_they_type(page):
    driver = page("/wegweiser")
    assert set(search(driver, "Schulden")) == DEBT
    assert_accessible(driver, "(Wegweiser: Schulden)")
    assert set(search(driver, "Drogen")) == {"Suchtberatung Dill (Beispiel)", "Suchtberatung Wetzlar (Beispiel)"}
    assert search(driver, "Kita") == ["Kindertagesstätte Regenbogen Aßlar (Beispiel)"]
    # A typing error is forgiven, and the page says which word it searched.
    assert set(search(driver, "Schuldnerberatnug")) == DEBT
    assert "„schuldnerberatung“" in driver.find_element(By.CSS_SELECTOR, ".search-corrections").text
    assert_accessible(driver, "(Wegweiser: corrected word)")


def test_the_map_points_are_named_linked_and_listed(page):
    driver = page("/wegweiser?suche=Beratung&gemeinde=06532023")
    points = driver.find_elements(By.CSS_SELECTOR, "svg.map .point")
    assert points, "the results have places"
    table_rows = driver.find_elements(By.CSS_SELECTOR, "table.points-table tbody tr")
    assert len(table_rows) == len(points)
    for point in points:
        link = point.find_element(By.XPATH, "ancestor::*[local-name()='a'][1]")
        assert "/wegweiser/" in (link.get_dom_attribute("href") or "")
        name = point.get_attribute("aria-label") or link.get_attribute("aria-label") or point.find_element(By.XPATH, "./*[local-name()='title'] | ../*[local-name()='title']").get_attribute("textContent")
        assert "(Beispiel)" in name
    # Equally relevant, the nearest first: a service in Wetzlar before one 25 km away, with its distance.
    first = driver.find_element(By.CSS_SELECTOR, ".directory-entry")
    assert "Wetzlar" in first.text and "km von der Ortsmitte" in first.text
    assert_accessible(driver, "(Wegweiser: map with points and their table)")


def test_filters_name_what_they_cannot_use(page):
    driver = page("/wegweiser")
    fill(driver, "alter", "-3")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.directory-search button[type=submit]"))
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Alter" in summary.text
    assert driver.find_element(By.ID, "alter").get_attribute("aria-invalid") == "true"
    assert driver.find_element(By.ID, "alter").get_attribute("value") == "-3"
    assert_accessible(driver, "(Wegweiser: filter refused)")
    driver.get(driver.current_url.split("?")[0] + "?alter=abc&sprache=xx")
    text = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Alter" in text and "Sprachen" in text


def pdf_pages(driver):
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    data = base64.b64decode(driver.print_page(options))
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout.decode()
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))), text


def test_a_service_prints_on_one_page_and_a_shelter_shows_only_its_phone(page):
    driver = page("/wegweiser/5b0c1e2a-0001-4000-8000-000000000007")
    pages, text = pdf_pages(driver)
    assert pages == 1, f"{pages} pages"
    assert "Goethestraße 14 (Beispiel)" in text and "06441 000007" in text
    driver.get(driver.current_url.rsplit("/", 1)[0] + "/5b0c1e2a-0001-4000-8000-000000000010")
    pages, _ = pdf_pages(driver)
    assert pages == 1, f"{pages} pages"
    # The women's shelter: no address, no map, no hint to come by, its phone.
    driver.get(driver.current_url.rsplit("/", 1)[0] + "/5b0c1e2a-0001-4000-8000-000000000012")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "06441 000012" in main and "nicht genannt" in main
    assert "kommt zu Ihnen" not in main and "vorbeikommen" not in main.lower()
    assert not driver.find_elements(By.CSS_SELECTOR, "svg.map")
    assert_accessible(driver, "(Wegweiser: protected address)")
    driver.get(driver.current_url.split("/wegweiser")[0] + "/wegweiser?suche=Frauenhaus")
    entry = driver.find_element(By.CSS_SELECTOR, ".directory-entry").text
    assert "Frauenhaus" in entry and "06441 000012" in entry and "kommt zu Ihnen" not in entry


def test_a_planner_keeps_a_categorys_search_words(browser, base_url):
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/angebotsplanung/kategorien")
    follow(driver, driver.find_element(By.LINK_TEXT, "Schuldnerberatung"))
    assert_accessible(driver, "(category edit)")
    words = driver.find_element(By.ID, "synonyms")
    words.clear()
    words.send_keys("Schulden, Überschuldung, Insolvenz, Privatinsolvenz, Pfändung, P-Konto, Mahnung, Inkasso, Geldsorgen, " + "x" * 70)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Suchwörter" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert_accessible(driver, "(category edit with error)")
    words = driver.find_element(By.ID, "synonyms")
    words.clear()
    words.send_keys("Schulden, Überschuldung, Insolvenz, Privatinsolvenz, Pfändung, P-Konto, Mahnung, Inkasso, Geldsorgen, Ratenkredit")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Ratenkredit" in driver.find_element(By.CSS_SELECTOR, "table.data").text
    driver.get(base_url + "/wegweiser")
    assert set(search(driver, "Ratenkredit")) == DEBT
