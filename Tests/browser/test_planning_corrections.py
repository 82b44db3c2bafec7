"""Participation workflows finished and corrected as people do them: a planner corrects a paper, links a measure to
its resolution, person and areas, corrects and removes a milestone and corrects a planning process; a member of
the steering group reads the response table of its consultation and subscribes to their meetings; the public finds
the example Sozialbericht from the portal. Axe checks every page."""
import re

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from axe_check import assert_accessible
from navigation import follow
from test_accounts import log_in
from test_funding import button, fill

PAPER = "/vorlagen/5b0c1e2a-0100-4000-8000-000000000304"
MEASURE = "/massnahmen/5b0c1e2a-0100-4000-8000-000000001003"
PROCESS = "/planungsprozesse/5b0c1e2a-0100-4000-8000-000000000903"


def main(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def test_a_planner_corrects_a_paper_a_measure_its_milestones_and_a_process(browser, base_url):
    driver = log_in(browser, base_url, "planner")
    # The paper's details: an empty title is named, then corrected; the history shows the change.
    driver.get(base_url + PAPER)
    follow(driver, driver.find_element(By.LINK_TEXT, "Vorlage bearbeiten"))
    assert_accessible(driver, "(paper details)")
    fill(driver, "title", " ")
    driver.execute_script("document.getElementById('title').removeAttribute('required')")
    follow(driver, button(driver, "Angaben speichern"))
    assert "Titel:" in driver.find_element(By.ID, "fehler").text
    assert_accessible(driver, "(paper details with an error)")
    fill(driver, "title", "Beschlussvorlage: Förderrichtlinie Jugendarbeit, berichtigt (Beispiel)")
    follow(driver, button(driver, "Angaben speichern"))
    assert "Förderrichtlinie Jugendarbeit, berichtigt" in driver.find_element(By.TAG_NAME, "h1").text
    assert "Änderungen der Vorlage" in main(driver)
    assert_accessible(driver, "(paper with its history)")

    # A measure linked to the resolution it implements, the person responsible and an area.
    driver.get(base_url + MEASURE)
    Select(driver.find_element(By.ID, "resolution")).select_by_index(1)
    Select(driver.find_element(By.ID, "person")).select_by_index(1)
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name='areas[]']"):
        if box.get_attribute("value") == "06532011" and not box.is_selected():
            driver.execute_script("arguments[0].scrollIntoView()", box)
            box.click()
    follow(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='{MEASURE}'] button[type=submit]"))
    facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Haiger" in facts and "TOP" in facts
    assert_accessible(driver, "(measure with its links)")

    # A milestone added, corrected in place and removed after the confirmation.
    date = driver.find_element(By.ID, "milestoneDate")
    driver.execute_script("arguments[0].value = '2025-11-03'", date)
    fill(driver, "milestoneText", "Bewerbungsgespräche geführt")
    follow(driver, button(driver, "Meilenstein hinzufügen"))
    milestone = driver.find_element(By.XPATH, "//ol[@class='milestones']//summary[contains(., 'Bewerbungsgespräche geführt')]")
    milestone.click()
    details = milestone.find_element(By.XPATH, "..")
    text = details.find_element(By.CSS_SELECTOR, "input[name='milestoneText']")
    text.clear()
    text.send_keys("Bewerbungsgespräche geführt, Zusage erteilt")
    assert_accessible(driver, "(milestone open for correction)")
    follow(driver, details.find_element(By.XPATH, ".//button[normalize-space()='Meilenstein speichern']"))
    assert "Zusage erteilt" in main(driver)
    milestone = driver.find_element(By.XPATH, "//ol[@class='milestones']//summary[contains(., 'Zusage erteilt')]")
    milestone.click()
    details = milestone.find_element(By.XPATH, "..")
    details.find_element(By.CSS_SELECTOR, "input[name='confirm']").click()
    follow(driver, details.find_element(By.XPATH, ".//button[normalize-space()='Meilenstein entfernen']"))
    # Gone from the milestones, kept in the measure's history.
    assert not driver.find_elements(By.XPATH, "//ol[@class='milestones']//summary[contains(., 'Zusage erteilt')]")
    assert "Änderungen der Maßnahme" in main(driver) and "Zusage erteilt → –" in main(driver)
    assert_accessible(driver, "(measure after removing a milestone)")

    # A planning process gets a further phase; the phases it had keep their state.
    driver.get(base_url + PROCESS)
    driver.find_element(By.XPATH, "//summary[normalize-space()='Planungsprozess bearbeiten']").click()
    phases = driver.find_element(By.ID, "phases")
    phases.send_keys("\nWirkungsprüfung (Beispiel)")
    assert_accessible(driver, "(planning process being corrected)")
    follow(driver, button(driver, "Planungsprozess speichern"))
    assert "Wirkungsprüfung (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "ol.phases").text
    assert_accessible(driver, "(planning process corrected)")


def test_a_member_reads_the_response_table_and_subscribes_to_their_meetings(browser, base_url):
    driver = log_in(browser, base_url, "body member")
    driver.get(base_url + "/stellungnahmen/5b0c1e2a-0100-4000-8000-000000000801/abwaegung")
    assert "Gemma Psych (Beispiel)" in main(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "select[name='decision']")
    assert_accessible(driver, "(response table for a member)")
    driver.get(base_url + "/konto")
    follow(driver, button(driver, "Kalender-Link erzeugen"))
    link = driver.find_element(By.ID, "kalender-link").text
    assert re.search(r"/kalender/[^/]+/sitzungen\.ics$", link)
    assert_accessible(driver, "(account with a calendar link)")
    path = link[link.index("/kalender/"):]
    feed = requests.get(base_url + path, timeout=10)
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    assert "Steuerungsgruppe Sozialplanung (Beispiel)" in feed.content.decode("utf-8")
    follow(driver, button(driver, "Kalender-Link widerrufen"))
    assert requests.get(base_url + path, timeout=10).status_code == 404


def test_the_public_finds_the_example_report_and_the_implementation(page, base_url):
    driver = page("/")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "section.portal h3 a"))
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Sozialbericht Lahn-Dill-Kreis (Beispiel)"))
    assert "Armut und Teilhabe" in main(driver) and driver.find_elements(By.CSS_SELECTOR, "main svg")
    assert_accessible(driver, "(example report)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "header nav a[href='/planungsprozesse']"))
    assert_accessible(driver, "(planning processes)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "header nav a[href='/massnahmen']"))
    assert "Außenstelle Haiger" in main(driver)
