"""Bodies, meetings and implementation as people use them: the public sees public bodies, their meetings with
resolutions and the calendar feed, never the internal steering group; a member of the steering group sees it with its
non-public agenda items. Axe checks every page."""
import datetime

from selenium.webdriver.common.by import By

import requests

from axe_check import assert_accessible
from navigation import follow
from test_accounts import log_in


def test_the_public_follows_a_resolution_and_its_measures(page, base_url):
    driver = page("/")
    follow(driver, driver.find_element(By.LINK_TEXT, "Gremien"))
    bodies = driver.find_element(By.CSS_SELECTOR, "table.data").text
    assert "Jugendhilfeausschuss (Beispiel)" in bodies and "Steuerungsgruppe" not in bodies
    assert_accessible(driver, "(bodies)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Jugendhilfeausschuss (Beispiel)"))
    members = driver.find_element(By.CSS_SELECTOR, "table.data").text
    assert "Hanna Hilfe" in members and "Vorsitz" in members
    assert_accessible(driver, "(body page)")
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "12. Sitzung des Jugendhilfeausschusses"))
    agenda = driver.find_element(By.CSS_SELECTOR, "ol.agenda").text
    assert "Sicherstellung der Erziehungsberatung" in agenda and "einstimmig" in agenda
    assert "Personalangelegenheiten" not in agenda
    assert "nichtöffentliche Tagesordnungspunkte" in driver.page_source
    assert_accessible(driver, "(meeting page)")
    driver.get(base_url + "/massnahmen")
    table = driver.find_element(By.CSS_SELECTOR, "table.data").text
    assert "Außenstelle Haiger einrichten (Beispiel)" in table
    assert_accessible(driver, "(measures)")
    # The internal steering group is not found by guessing its address.
    assert requests.get(base_url + "/gremien/5b0c1e2a-0100-4000-8000-000000000001", timeout=10).status_code == 404


def test_the_calendar_feed_is_valid_icalendar(base_url):
    response = requests.get(base_url + "/gremien/5b0c1e2a-0100-4000-8000-000000000004/kalender.ics", timeout=10)
    assert response.headers["content-type"].startswith("text/calendar")
    text = response.content.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    events = unfolded.split("BEGIN:VEVENT")[1:]
    assert len(events) == 1
    fields = dict(line.split(":", 1) for line in events[0].split("\r\n") if ":" in line)
    assert fields["DTSTART"] == "20251015T150000Z" and fields["DTEND"] == "20251015T170000Z"  # 17:00–19:00 in Wetzlar (CEST)
    assert fields["SUMMARY"] == "12. Sitzung des Jugendhilfeausschusses (Beispiel)"
    assert fields["LOCATION"].startswith("Kreishaus Wetzlar\\, Karl-Kellner-Ring 51")


def test_a_steering_group_member_sees_the_internal_body(browser, base_url):
    driver = log_in(browser, base_url, "body member")
    driver.get(base_url + "/gremien")
    assert "Steuerungsgruppe Sozialplanung (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "table.data").text
    follow(driver, driver.find_element(By.LINK_TEXT, "Steuerungsgruppe Sozialplanung (Beispiel)"))
    assert "Gisela Gremm (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "main").text
    assert_accessible(driver, "(internal body page)")
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Steuerungsgruppe Sozialplanung (Beispiel)"))
    assert "Vergabekriterien Beratungsangebote" in driver.find_element(By.CSS_SELECTOR, "ol.agenda").text
    assert_accessible(driver, "(internal meeting page)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Nachrichten"))
    assert_accessible(driver, "(inbox)")


def test_a_member_comments_and_the_planner_answers_in_the_response_table(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "body member")
    driver.get(base_url + "/gremien/5b0c1e2a-0100-4000-8000-000000000001")
    follow(driver, driver.find_element(By.LINK_TEXT, "Entwurf: Vergabekriterien Beratungsangebote (Beispiel)"))
    assert "Erreichbarkeit" in driver.find_element(By.CSS_SELECTOR, "blockquote.paper-text").text
    assert_accessible(driver, "(consultation)")
    driver.find_element(By.ID, "section").send_keys("4")
    driver.find_element(By.ID, "text").send_keys("Qualitätssicherung: bitte Beispiele nennen.")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Ihre Stellungnahme ist eingegangen" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    assert "Qualitätssicherung: bitte Beispiele nennen." in driver.find_element(By.CSS_SELECTOR, "ol.statements").text

    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/stellungnahmen/5b0c1e2a-0100-4000-8000-000000000801/abwaegung")
    assert "0 von 3 Stellungnahmen abgewogen." in driver.page_source
    assert_accessible(driver, "(response table)")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.response-table tbody tr")
    last = rows[-1]
    assert "Qualitätssicherung" in last.text
    from selenium.webdriver.support.ui import Select
    Select(last.find_element(By.CSS_SELECTOR, "select[name=decision]")).select_by_visible_text("berücksichtigt")
    last.find_element(By.CSS_SELECTOR, "textarea[name=reason]").send_keys("Beispiele werden ergänzt.")
    follow(driver, last.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "1 von 3 Stellungnahmen abgewogen." in driver.page_source
    assert "Beispiele werden ergänzt." in driver.find_element(By.CSS_SELECTOR, "table.response-table").text


def test_the_planner_creates_a_meeting_and_records_attendance(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/gremien/5b0c1e2a-0100-4000-8000-000000000004")
    follow(driver, driver.find_element(By.LINK_TEXT, "Neue Sitzung"))
    assert_accessible(driver, "(new meeting form)")
    driver.find_element(By.ID, "name").send_keys("13. Sitzung (Test)")
    # A meeting of last week: it can be marked held (a coming one cannot).
    last_week = (datetime.date.today() - datetime.timedelta(days=7)).isoformat()
    driver.execute_script(f"document.getElementById('date').value = '{last_week}';")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "13. Sitzung (Test)"
    assert "Nicht beschlussfähig: 0 von 4" in driver.page_source
    assert_accessible(driver, "(meeting with the planner's forms)")
    for radio in driver.find_elements(By.CSS_SELECTOR, "input[type=radio][value=present]")[:3]:
        radio.click()
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Anwesenheit speichern']"))
    assert "Beschlussfähig: 3 von 4" in driver.page_source
    from selenium.webdriver.support.ui import Select
    driver.find_element(By.ID, "number").send_keys("1")
    driver.find_element(By.ID, "title").send_keys("Bericht Erziehungsberatung")
    Select(driver.find_element(By.ID, "paper")).select_by_visible_text("JHA/2025/07 – Empfehlung: Sicherstellung der Erziehungsberatung nach SGB VIII (Beispiel)")
    Select(driver.find_element(By.ID, "role")).select_by_visible_text("zur Beschlussfassung")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Tagesordnungspunkt hinzufügen']"))
    for state in ["eingeladen", "durchgeführt"]:
        Select(driver.find_element(By.ID, "state")).select_by_visible_text(state)
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Stand ändern']"))
    form = driver.find_element(By.CSS_SELECTOR, "form.resolution-form")
    form.find_element(By.CSS_SELECTOR, "textarea[name=text]").send_keys("Der Ausschuss stimmt der Empfehlung zu.")
    # More votes than members present: refused with the figures, and what was typed stays.
    for name, value in [("yes", "5"), ("no", "1"), ("abstain", "1")]:
        field = form.find_element(By.CSS_SELECTOR, f"input[name={name}]")
        field.clear()
        field.send_keys(value)
    follow(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    form = driver.find_element(By.CSS_SELECTOR, "form.resolution-form")
    assert "7 Stimmen, aber nur 3 stimmberechtigte Mitglieder anwesend." in form.text
    assert form.find_element(By.CSS_SELECTOR, "textarea[name=text]").get_attribute("value") == "Der Ausschuss stimmt der Empfehlung zu."
    assert form.find_element(By.CSS_SELECTOR, "input[name=yes]").get_attribute("value") == "5"
    assert_accessible(driver, "(resolution refused)")
    # Unanimous: the counts go back to none (a vote against beside "unanimous" would be refused too).
    for name in ("yes", "no", "abstain"):
        field = form.find_element(By.CSS_SELECTOR, f"input[name={name}]")
        field.clear()
        field.send_keys("0")
    form.find_element(By.CSS_SELECTOR, "input[name=unanimous]").click()
    follow(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    agenda = driver.find_element(By.CSS_SELECTOR, "ol.agenda").text
    assert "Der Ausschuss stimmt der Empfehlung zu." in agenda and "einstimmig" in agenda and "zur Beschlussfassung" in agenda
    assert_accessible(driver, "(meeting with a resolution)")


def test_the_planner_adds_a_paper(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/vorlagen")
    assert_accessible(driver, "(papers)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Neue Vorlage"))
    assert_accessible(driver, "(new paper form)")
    driver.find_element(By.ID, "reference").send_keys("SP/2026/02")
    driver.find_element(By.ID, "title").send_keys("Bericht: Jugendarbeit im ländlichen Raum (Test)")
    driver.find_element(By.ID, "text").send_keys("Erste Fassung.")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Bericht: Jugendarbeit im ländlichen Raum (Test)"
    assert_accessible(driver, "(paper page with the planner's forms)")


def test_the_planner_tracks_a_measure(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/massnahmen")
    assert_accessible(driver, "(measures with the planner's form)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Außenstelle Haiger einrichten (Beispiel)"))
    assert_accessible(driver, "(measure page)")
    from selenium.webdriver.support.ui import Select
    Select(driver.find_element(By.ID, "status")).select_by_visible_text("erledigt")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Speichern']"))
    assert "erledigt" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    driver.get(base_url + "/massnahmen/5b0c1e2a-0100-4000-8000-000000001001")
    assert "100 %" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text


def test_a_planning_process_tells_its_story(page, base_url):
    driver = page("/planungsprozesse")
    assert "Geschlechtergerechte Jugendarbeit (Beispiel)" in driver.page_source
    assert "Schwangerschaftskonfliktberatung (Beispiel)" not in driver.page_source  # a process of the internal steering group
    assert_accessible(driver, "(processes)")
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Erziehungs- und Familienberatung"))
    phases = driver.find_element(By.CSS_SELECTOR, "ol.phases").text
    assert "Beschluss – in Arbeit" in phases and "Bestandsaufnahme – abgeschlossen" in phases
    timeline = driver.find_element(By.CSS_SELECTOR, "ol.timeline").text
    # The public sees the committee's recommendation, its meeting and the measure that followed, not the internal report.
    assert "JHA/2025/07" in timeline and "12. Sitzung des Jugendhilfeausschusses" in timeline and "Erziehungsberatung im Norden verstärken" in timeline
    assert "SP/2025/01" not in timeline
    assert_accessible(driver, "(process timeline)")


def test_minutes_and_invitation_are_documents(page, base_url):
    driver = page("/sitzungen/5b0c1e2a-0100-4000-8000-000000000501")
    follow(driver, driver.find_element(By.LINK_TEXT, "Niederschrift"))
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Niederschrift: 12. Sitzung des Jugendhilfeausschusses (Beispiel)" in text
    assert "Beschluss: Der Jugendhilfeausschuss empfiehlt dem Kreistag" in text and "Abstimmung: einstimmig" in text
    assert "Personalangelegenheiten" not in text and "Vorsitz" in text
    assert_accessible(driver, "(minutes)")
    driver.get(base_url + "/sitzungen/5b0c1e2a-0100-4000-8000-000000000501/einladung")
    assert "Hiermit lade ich" in driver.page_source
    assert_accessible(driver, "(invitation)")
    # A person's calendar holds the meetings of their bodies the reader may see: Hanna Hilfe chairs the public youth
    # welfare committee (one meeting) and sits in the internal steering group (not shown to the public).
    calendar = requests.get(base_url + "/personen/5b0c1e2a-0100-4000-8000-000000000105/kalender.ics", timeout=10)
    assert calendar.status_code == 200 and calendar.text.count("BEGIN:VEVENT") == 1
    # Tina Träger sits only in an internal working group: nothing public to show.
    assert requests.get(base_url + "/personen/5b0c1e2a-0100-4000-8000-000000000112/kalender.ics", timeout=10).status_code == 404


def test_the_planner_creates_a_body_and_adds_a_member(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/gremien")
    follow(driver, driver.find_element(By.LINK_TEXT, "Neues Gremium"))
    assert_accessible(driver, "(new body form)")
    driver.find_element(By.ID, "name").send_keys("AG Wohnen (Test)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "AG Wohnen (Test)"
    driver.find_element(By.ID, "newPerson").send_keys("Erika Muster (Test)")
    driver.execute_script("document.getElementById('start').value = '2025-11-01';")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Mitglied hinzufügen']"))
    assert "Erika Muster (Test)" in driver.find_element(By.CSS_SELECTOR, "table.data").text
    assert_accessible(driver, "(body page with the planner's forms)")
    # A term that ends before it starts is refused with a message; a good one is shown with the body.
    driver.find_element(By.ID, "termName").send_keys("Wahlperiode 2026–2031 (Test)")
    driver.execute_script("document.getElementById('termStart').value = '2026-04-01'; document.getElementById('termEnd').value = '2025-01-01';")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Wahlperiode hinzufügen']"))
    assert "Ende (leer: offen)" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert_accessible(driver, "(term form with an error)")
    driver.execute_script("document.getElementById('termEnd').value = '';")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Wahlperiode hinzufügen']"))
    assert "Wahlperiode 2026–2031 (Test)" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text


def test_the_planner_updates_a_process(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/planungsprozesse")
    assert_accessible(driver, "(processes with the planner's form)")
    driver.get(base_url + "/planungsprozesse/5b0c1e2a-0100-4000-8000-000000000903")
    assert_accessible(driver, "(process with the phase form)")
    # Saving without a change says so; a phase's start date is a change.
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Phasen speichern']"))
    assert "Keine Änderungen" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    driver.execute_script("document.getElementById('start0').value = '2025-01-15'")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Phasen speichern']"))
    assert "Gespeichert" in driver.find_element(By.CSS_SELECTOR, ".notice").text


def test_an_invited_organisation_submits_its_statement(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "other provider")
    follow(driver, driver.find_element(By.LINK_TEXT, "Stellungnahmeverfahren"))
    assert_accessible(driver, "(the organisation's consultations)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Entwurf: Vergabekriterien Beratungsangebote (Beispiel)"))
    assert_accessible(driver, "(consultation for an organisation)")
    driver.find_element(By.ID, "text").send_keys("Familienzentren als Anlaufstelle mitdenken.")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Ihre Stellungnahme ist eingegangen" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    assert "Familienzentrum Lindenhof (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "ol.statements").text


def titles(driver):
    return [row.find_element(By.CSS_SELECTOR, "td a").text for row in driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")]


def test_the_public_searches_sorts_and_pages_the_papers(page, base_url):
    driver = page("/vorlagen")
    search = driver.find_element(By.ID, "suche")
    search.send_keys("ERZIEHUNGSBERATUNG")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    assert "suche=ERZIEHUNGSBERATUNG" in driver.current_url
    assert driver.find_element(By.CLASS_NAME, "result-count").text == "1 Treffer"
    assert titles(driver) == ["Empfehlung: Sicherstellung der Erziehungsberatung nach SGB VIII (Beispiel)"]
    assert_accessible(driver, "(papers, searched)")
    # By title, then again for descending order; the header says how the list is sorted.
    driver.get(base_url + "/vorlagen")
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Titel"))
    assert "sortierung=titel" in driver.current_url
    assert titles(driver)[0].startswith("Beschlussvorlage:")
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Titel"))
    assert "richtung=ab" in driver.current_url
    assert titles(driver)[0].startswith("Empfehlung:")
    assert driver.find_element(By.CSS_SELECTOR, "th[aria-sort]").get_attribute("aria-sort") == "descending"
    assert_accessible(driver, "(papers, sorted)")
    # A page beyond the last shows the last; a search that finds nothing says so.
    driver.get(base_url + "/vorlagen?seite=99")
    assert "Seite 1 / 1" in driver.find_element(By.TAG_NAME, "caption").text and len(titles(driver)) == 2
    driver.get(base_url + "/vorlagen?suche=100%25_")
    assert driver.find_element(By.CLASS_NAME, "empty-state").text == "Keine Vorlagen gefunden."
    assert_accessible(driver, "(papers, nothing found)")
    # Internal papers of the steering group stay out of every public search.
    driver.get(base_url + "/vorlagen?suche=Vergabekriterien")
    assert titles(driver) == []


def test_the_planner_corrects_a_body_a_meeting_and_an_agenda_item(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/gremien/5b0c1e2a-0100-4000-8000-000000000002")
    follow(driver, driver.find_element(By.LINK_TEXT, "Gremium bearbeiten"))
    assert_accessible(driver, "(edit body)")
    name = driver.find_element(By.ID, "name")
    name.clear()
    name.send_keys("AG Beratung und Prävention (Beispiel)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "AG Beratung und Prävention (Beispiel)"

    driver.get(base_url + "/sitzungen/5b0c1e2a-0100-4000-8000-000000000503")
    follow(driver, driver.find_element(By.LINK_TEXT, "Sitzung bearbeiten"))
    assert_accessible(driver, "(edit meeting)")
    location = driver.find_element(By.ID, "location")
    location.clear()
    location.send_keys("Kreishaus Wetzlar, Raum 204")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Kreishaus Wetzlar, Raum 204" in driver.find_element(By.TAG_NAME, "main").text

    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Tagesordnungspunkt bearbeiten: 2."))
    assert_accessible(driver, "(edit agenda item)")
    number = driver.find_element(By.ID, "number")
    number.clear()
    number.send_keys("1")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "ist bereits vergeben" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert_accessible(driver, "(agenda item with a number taken)")
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Tagesordnungspunkt entfernen']"))
    assert "Bestandserhebung der Angebote" not in driver.find_element(By.CSS_SELECTOR, "ol.agenda").text
