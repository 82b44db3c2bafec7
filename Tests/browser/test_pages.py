"""A person's path through the public pages of the spatial base, with an axe check on each page."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait


from axe_check import assert_accessible
from navigation import follow




def test_start_page_shows_the_county_on_a_map_and_in_a_table(page):
    driver = page("/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Sozialplanung im Überblick: Lahn-Dill-Kreis"
    areas = driver.find_elements(By.CSS_SELECTOR, "svg.map a")
    assert len(areas) == 23
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
    assert len(rows) == 23
    total = driver.find_element(By.CSS_SELECTOR, "table.data tfoot tr").text
    assert "251.972" in total and "1.066,30" in total
    assert "© GeoBasis-DE / BKG 2013 (Daten verändert)" in driver.find_element(By.TAG_NAME, "footer").text
    assert_accessible(driver, "(start page)")


def test_clicking_a_municipality_on_the_map_opens_its_page(page):
    driver = page("/")
    follow(driver, driver.find_element(By.CSS_SELECTOR, 'svg.map a[href="/gebiete/06532023"]'))
    assert driver.current_url.endswith("/gebiete/06532023")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Stadt Wetzlar"
    facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "06532023" in facts and "53.116" in facts and "75,65" in facts
    history = driver.find_element(By.ID, "gebietsstaende").find_element(By.XPATH, "..").text
    assert "01.01.2013" in history
    assert_accessible(driver, "(municipality page)")


def test_county_page_lists_its_municipalities_and_summed_population(page):
    driver = page("/gebiete/06532")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Landkreis Lahn-Dill-Kreis"
    children = driver.find_elements(By.CSS_SELECTOR, "#untergliederung ~ div table tbody tr")
    assert len(children) == 23
    assert "253.319" in driver.page_source
    follow(driver, driver.find_element(By.LINK_TEXT, "Herborn"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Stadt Herborn"
    assert_accessible(driver, "(county page)")


def test_list_page_search_filter_and_sort(page):
    driver = page("/gebiete")
    assert "24 Treffer" in driver.find_element(By.CLASS_NAME, "result-count").text
    search = driver.find_element(By.ID, "q")
    search.send_keys("dill")
    search.send_keys(Keys.RETURN)
    WebDriverWait(driver, 5).until(lambda d: "q=dill" in d.current_url)
    names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "table.data tbody th a")]
    assert names == ["Lahn-Dill-Kreis", "Dillenburg"]
    assert_accessible(driver, "(list, search)")

    driver = page("/gebiete")
    Select(driver.find_element(By.ID, "ebene")).select_by_value("municipality")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    WebDriverWait(driver, 5).until(lambda d: "ebene=municipality" in d.current_url)
    assert "23 Treffer" in driver.find_element(By.CLASS_NAME, "result-count").text
    # Sort by population, then again for descending order.
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Einwohner"))
    WebDriverWait(driver, 5).until(lambda d: "sortierung=population" in d.current_url)
    first = driver.find_element(By.CSS_SELECTOR, "table.data tbody tr th a").text
    assert first == "Siegbach"
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Einwohner"))
    WebDriverWait(driver, 5).until(lambda d: "richtung=ab" in d.current_url)
    first = driver.find_element(By.CSS_SELECTOR, "table.data tbody tr th a").text
    assert first == "Wetzlar"
    header = driver.find_element(By.CSS_SELECTOR, "th[aria-sort]")
    assert header.get_attribute("aria-sort") == "descending"
    assert_accessible(driver, "(list, sorted)")


def test_list_page_empty_state(page):
    driver = page("/gebiete?q=Atlantis")
    assert "Keine Gebiete passen zu dieser Suche" in driver.find_element(By.CLASS_NAME, "empty-state").text
    follow(driver, driver.find_element(By.LINK_TEXT, "Filter zurücksetzen"))
    assert "24 Treffer" in driver.find_element(By.CLASS_NAME, "result-count").text
    assert_accessible(driver, "(list, empty)")


def test_language_switch_to_english_and_back(page):
    driver = page("/gebiete")
    follow(driver, driver.find_element(By.CLASS_NAME, "language-switch"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Areas"
    # The choice is remembered on the next page.
    follow(driver, driver.find_element(By.LINK_TEXT, "Home"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Social planning at a glance: Lahn-Dill-Kreis"
    assert_accessible(driver, "(start page, English)")
    follow(driver, driver.find_element(By.CLASS_NAME, "language-switch"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"


def test_keyboard_reaches_skip_link_and_map(page):
    driver = page("/")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.text == "Zum Inhalt springen"
    active.send_keys(Keys.RETURN)
    assert driver.current_url.endswith("#inhalt")
    map_links = driver.find_elements(By.CSS_SELECTOR, "svg.map a")
    assert all(link.get_attribute("aria-label") for link in map_links)


def test_csv_download_link(page, base_url):
    import urllib.request

    driver = page("/gebiete?ebene=municipality")
    href = driver.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
    with urllib.request.urlopen(href) as response:
        text = response.read().decode("utf-8-sig")
    lines = text.strip().split("\r\n")
    assert lines[0] == "Gebietsschlüssel;ARS;Name;Art;Ebene;gehört zu;gehört zu (Schlüssel);Fläche (km²);Einwohner;Einwohner Stichtag"
    assert len(lines) == 24


def test_info_pages(page):
    driver = page("/daten")
    assert "dl-de/by-2-0" in driver.page_source
    assert_accessible(driver, "(data page)")
    driver = page("/schnittstelle")
    assert driver.find_element(By.PARTIAL_LINK_TEXT, "openapi.json")
    assert_accessible(driver, "(API page)")


def test_not_found_page(page):
    driver = page("/gebiete/06532099")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Seite nicht gefunden"
    follow(driver, driver.find_element(By.LINK_TEXT, "Zur Startseite"))
    assert driver.find_element(By.CSS_SELECTOR, "svg.map")
    driver = page("/gebiete/06532099")
    assert_accessible(driver, "(404 page)")


def test_print_stylesheet_hides_navigation(page):
    driver = page("/")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, ".site-header nav").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "svg.map").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
