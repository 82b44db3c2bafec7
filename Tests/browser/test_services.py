"""The service inventory as people use it: a citizen finds help in the Wegweiser; a provider proposes a change and
answers the survey; the planner reviews the change with its diff, looks at coverage and gaps, marks a duplicate pair
and keeps the inventory. Axe checks every page."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from axe_check import assert_accessible
from navigation import follow
from test_accounts import fill, log_in


def test_a_citizen_finds_debt_counselling_in_herborn(page):
    driver = page("/")
    follow(driver, driver.find_element(By.LINK_TEXT, "Wegweiser"))
    assert_accessible(driver, "(directory)")
    Select(driver.find_element(By.ID, "gemeinde")).select_by_visible_text("Herborn")
    Select(driver.find_element(By.ID, "kategorie")).select_by_visible_text("Schuldnerberatung")
    fill(driver, "alter", "42")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.directory-search button[type=submit]"))
    assert "2 Angebote gefunden" in driver.find_element(By.CSS_SELECTOR, ".result-count").text
    names = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".directory-entry h2")]
    # Nearest to Herborn's centre first.
    assert names == ["Schuldnerberatung Herborn (Beispiel)", "Schuldner- und Insolvenzberatung Herborn-Burg (Beispiel)"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.map .point")) == 2
    assert_accessible(driver, "(directory results with map)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Schuldnerberatung Herborn (Beispiel)"))
    facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Sonnenweg 7 (Beispiel)" in facts and "02772 000005" in facts and "Mo 09:00–12:00" in facts and "ab 18 Jahren" in facts
    assert_accessible(driver, "(directory service page)")
    # Nothing fits: a clear empty state.
    driver.get(driver.current_url.split("/wegweiser")[0] + "/wegweiser?suche=gibt-es-nicht")
    assert "Kein Angebot passt" in driver.find_element(By.CSS_SELECTOR, ".empty-state").text
    assert_accessible(driver, "(directory, no results)")


def test_a_provider_proposes_and_the_planner_accepts_with_the_diff(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "provider")
    follow(driver, driver.find_element(By.LINK_TEXT, "Unsere Angebote"))
    assert "Bestandserhebung" in driver.page_source
    assert_accessible(driver, "(provider's services)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Schuldnerberatung Herborn (Beispiel)"))
    assert "Sozialarbeit: 1,00" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert_accessible(driver, "(provider's service page)")
    driver.back()
    follow(driver, driver.find_element(By.CSS_SELECTOR, "a[aria-label='Änderung vorschlagen: Schuldnerberatung Herborn (Beispiel)']"))
    assert_accessible(driver, "(proposal form)")
    fill(driver, "phone", "02772 123456")
    fill(driver, "openingHours", "Mo 09:00-12:00\nDi 09:00-11:00\nDi 10:00-12:00")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.service-form button[type=submit]"))
    # Overlapping hours: named, nothing lost from the form.
    assert driver.find_element(By.CSS_SELECTOR, ".error-summary").is_displayed()
    assert driver.find_element(By.ID, "phone").get_attribute("value") == "02772 123456"
    assert_accessible(driver, "(proposal form with errors)")
    fill(driver, "openingHours", "Mo 09:00-12:00\nDi 09:00-12:00")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.service-form button[type=submit]"))
    assert "Ihr Vorschlag ist eingegangen" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    # A proposal made during a survey round counts as the organisation's answer.
    assert "Sie haben in dieser Erhebung geantwortet" in driver.find_element(By.CSS_SELECTOR, "section.survey-round").text
    assert "Schuldnerberatung Herborn (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "main").text

    driver = log_in(browser, base_url, "planner")
    follow(driver, driver.find_element(By.LINK_TEXT, "Angebote"))
    assert "warten auf Prüfung" in driver.page_source
    follow(driver, driver.find_element(By.LINK_TEXT, "Bestandserhebungen"))
    assert_accessible(driver, "(survey rounds)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Schuldnerberatung Herborn (Beispiel)"))
    diff = driver.find_element(By.CSS_SELECTOR, "table.diff").text
    assert "02772 000005" in diff and "02772 123456" in diff and "Di 09:00–12:00" in diff
    assert_accessible(driver, "(proposal review)")
    fill(driver, "note", "Danke, übernommen.")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "button[value=accept]"))
    assert "Vorschlag übernommen" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    driver.get(base_url + "/wegweiser/5b0c1e2a-0001-4000-8000-000000000005")
    assert "02772 123456" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text

    # The demo's other proposal is rejected: first without a reason (refused, at the field), then with one.
    driver.get(base_url + "/angebotsplanung/vorschlaege/5b0c1e2a-0004-4000-8000-000000000001")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "button[value=reject]"))
    assert "Begründung" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert driver.find_element(By.ID, "note").get_attribute("aria-invalid") == "true"
    assert_accessible(driver, "(rejection without a reason)")
    fill(driver, "note", "Die zusätzliche halbe Stelle ist im Haushalt 2026 nicht gedeckt.")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "button[value=reject]"))
    assert "abgelehnt" in driver.find_element(By.CSS_SELECTOR, ".notice").text.lower()
    # The provider reads the reason and answers it.
    driver = log_in(browser, base_url, "provider")
    follow(driver, driver.find_element(By.LINK_TEXT, "Unsere Angebote"))
    assert "im Haushalt 2026 nicht gedeckt" in driver.find_element(By.CSS_SELECTOR, "main").text
    follow(driver, driver.find_element(By.CSS_SELECTOR, "a[href$='/vorschlaege/5b0c1e2a-0004-4000-8000-000000000001']"))
    assert "Begründung der Ablehnung" in driver.page_source
    assert_accessible(driver, "(own proposal, rejected)")
    fill(driver, "answer", "Die halbe Stelle finanziert der Träger 2026 aus Eigenmitteln.")
    follow(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Antwort senden']"))
    assert "Antwort wurde gespeichert" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    assert "aus Eigenmitteln" in driver.find_element(By.CSS_SELECTOR, ".proposal-answer").text
    assert not driver.find_elements(By.ID, "answer")
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/angebotsplanung/vorschlaege/5b0c1e2a-0004-4000-8000-000000000001")
    assert "aus Eigenmitteln" in driver.find_element(By.CSS_SELECTOR, ".proposal-answer").text
    assert_accessible(driver, "(proposal with the provider's answer)")


def test_the_planner_reads_coverage_and_marks_a_duplicate(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/angebotsplanung/versorgung")
    assert_accessible(driver, "(coverage, no category)")
    Select(driver.find_element(By.ID, "kategorie")).select_by_visible_text("Schwangerschafts(konflikt)beratung")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert "Lücken, größte zuerst" in driver.page_source
    table = driver.find_element(By.CSS_SELECTOR, "table.data tfoot").text
    assert "Kreis insgesamt" in table and "4,75" in table
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.map")) == 2
    assert_accessible(driver, "(coverage of pregnancy counselling)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Doppelstrukturen"))
    first = driver.find_element(By.CSS_SELECTOR, "ol.duplicates > li")
    assert "Herborn und Sinn" in first.text
    Select(first.find_element(By.CSS_SELECTOR, "select[name=verdict]")).select_by_visible_text("begründet")
    first.find_element(By.CSS_SELECTOR, "input[name=note]").send_keys("Unterschiedliche Schwerpunkte")
    follow(driver, first.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "begründet: Unterschiedliche Schwerpunkte" in driver.find_element(By.CSS_SELECTOR, "ol.duplicates > li").text
    assert_accessible(driver, "(duplicates)")


def test_the_planner_adds_a_service_with_a_point_picked_on_the_map(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/angebote/neu")
    fill(driver, "name", "Suchtberatung Haiger (Beispiel)")
    Select(driver.find_element(By.ID, "organisation")).select_by_visible_text("Verein für Suchthilfe Dill (Beispiel)")
    Select(driver.find_element(By.ID, "category")).select_by_visible_text("Suchtberatung")
    fill(driver, "staff", "Sozialarbeit: 1,0")
    svg = driver.find_element(By.CSS_SELECTOR, "svg.map.pickable")
    driver.execute_script("arguments[0].scrollIntoView();", svg)
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(driver).move_to_element_with_offset(svg, -150, -100).click().perform()
    lat = float(driver.find_element(By.ID, "lat").get_attribute("value"))
    lon = float(driver.find_element(By.ID, "lon").get_attribute("value"))
    assert 50.4 < lat < 50.9 and 8.1 < lon < 8.6
    driver.find_element(By.CSS_SELECTOR, "input[name='serviceArea[]'][value='06532011']").click()
    assert_accessible(driver, "(new service form)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.service-form button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Suchtberatung Haiger (Beispiel)"
    assert "Haiger" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert_accessible(driver, "(service page with versions)")
    driver.get(base_url + "/angebote?suche=haiger")
    assert "Suchtberatung Haiger (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "table.data").text
    assert_accessible(driver, "(service list)")
    for path in ["/angebotsplanung/standards", "/angebotsplanung/kategorien", "/angebotsplanung/erhebungen/5b0c1e2a-0003-4000-8000-000000000001",
                 "/angebote/5b0c1e2a-0001-4000-8000-000000000003/bearbeiten", "/angebotsplanung/versorgung?kategorie=erziehungsberatung&lang=en"]:
        driver.get(base_url + path)
        assert_accessible(driver, f"({path})")


def test_public_pages_name_no_person(page, base_url):
    import requests
    driver = page("/wegweiser/5b0c1e2a-0001-4000-8000-000000000001")
    assert "sopla demo" not in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    service = requests.get(base_url + "/hsds/services/5b0c1e2a-0001-4000-8000-000000000001", timeout=10).json()
    terms = {t["id"]: t["code"] for t in requests.get(base_url + "/hsds/taxonomy_terms", params={"per_page": 500}, timeout=10).json()["contents"]}
    assert "verified-by" not in {terms.get(a["taxonomy_term_id"]) for a in service["attributes"]}
