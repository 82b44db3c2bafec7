"""Funding as people do it: a provider applies with the checklist and a document, two reviewers score, the county
decides and makes an agreement, the provider draws funds and proves their use, the planner holds the quality
dialogue. Axe checks every page on the way."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from axe_check import assert_accessible
from navigation import follow
from test_accounts import log_in

YEAR = datetime.date.today().year
TITLE = "Mädchenfußball Sinn (Test)"


def fill(driver, field_id, value):
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def button(driver, text):
    return driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']")


def step(driver, label, reason=None):
    Select(driver.find_element(By.ID, "event")).select_by_visible_text(label)
    if reason:
        fill(driver, "reason", reason)
    follow(driver, button(driver, "Schritt ausführen"))
    assert "Gespeichert" in driver.find_element(By.CSS_SELECTOR, ".notice").text


def test_from_application_to_quality_dialogue(browser, private_server, tmp_path):
    base_url = private_server
    concept = tmp_path / "konzept.pdf"
    concept.write_bytes(b"%PDF-1.7\n% Konzept\n%%EOF\n")

    # The provider applies.
    driver = log_in(browser, base_url, "provider")
    follow(driver, driver.find_element(By.LINK_TEXT, "Förderung"))
    assert_accessible(driver, "(provider's funding page)")
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Antrag stellen: Geschlechtergerechte Jugendarbeit"))
    assert_accessible(driver, "(application form)")
    fill(driver, "title", TITLE)
    fill(driver, "costs", "Personal: 9.000,00\nSachkosten: 1.000,00")
    fill(driver, "ownFunds", "1.000,00")
    fill(driver, "requested", "9.500,00")
    driver.find_element(By.CSS_SELECTOR, "textarea[id^='answer-']").send_keys("Trainerinnen und offene Trainingszeiten.")
    follow(driver, button(driver, "Entwurf speichern"))
    assert "geht nicht auf" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert_accessible(driver, "(application form with an unbalanced plan)")
    fill(driver, "requested", "9.000,00")
    follow(driver, button(driver, "Entwurf speichern"))
    assert driver.find_element(By.TAG_NAME, "h1").text == TITLE
    assert_accessible(driver, "(draft application)")
    driver.find_element(By.ID, "file").send_keys(str(concept))
    follow(driver, button(driver, "Dokument hochladen"))
    assert "konzept.pdf" in driver.find_element(By.CSS_SELECTOR, "ul.checklist").text
    follow(driver, button(driver, "Antrag einreichen"))
    assert "eingereicht" in driver.find_element(By.CSS_SELECTOR, "dd.state").text
    application_url = driver.current_url.split("?")[0]
    application_id = application_url.rstrip("/").split("/")[-1]

    # The county checks it and assigns a content and a finance reviewer.
    driver = log_in(browser, base_url, "planner")
    follow(driver, driver.find_element(By.LINK_TEXT, "Förderung"))
    assert_accessible(driver, "(funding overview)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Anträge"))
    assert_accessible(driver, "(applications)")
    follow(driver, driver.find_element(By.LINK_TEXT, TITLE))
    assert_accessible(driver, "(application for the planner)")
    step(driver, "formale Prüfung beginnen")
    step(driver, "formale Prüfung bestanden – zur Begutachtung")
    for reviewer, kind in (("Gerd Gutmann (Beispiel)", "inhaltlich"), ("Fiona Finke (Beispiel)", "finanziell")):
        Select(driver.find_element(By.ID, "reviewer")).select_by_visible_text(reviewer)
        Select(driver.find_element(By.ID, "kind")).select_by_visible_text(kind)
        follow(driver, button(driver, "Gutachter:in zuweisen"))

    # Two reviewers score.
    driver = log_in(browser, base_url, "reviewer")
    follow(driver, driver.find_element(By.LINK_TEXT, "Begutachtung"))
    assert_accessible(driver, "(review list)")
    follow(driver, driver.find_element(By.LINK_TEXT, TITLE))
    assert_accessible(driver, "(content review form)")
    for select in driver.find_elements(By.CSS_SELECTOR, "select[id^='score-']"):
        Select(select).select_by_visible_text("4")
    for area in driver.find_elements(By.CSS_SELECTOR, "textarea[id^='reason-']"):
        area.send_keys("Schlüssig begründet.")
    follow(driver, button(driver, "Begutachtung speichern"))
    assert "gespeichert" in driver.find_element(By.CSS_SELECTOR, ".notice-info").text
    driver = log_in(browser, base_url, "finance reviewer")
    driver.get(base_url + "/begutachtung/" + application_id)
    fill(driver, "proposedAmount", "8.500,00")
    fill(driver, "note", "Sachkosten etwas hoch angesetzt.")
    follow(driver, button(driver, "Begutachtung speichern"))
    assert_accessible(driver, "(finance review saved)")

    # The county recommends, the body decides, and the agreement follows.
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/foerderung/antraege/" + application_id)
    assert "80,0 / 100" in driver.find_element(By.TAG_NAME, "main").text
    step(driver, "zur Förderung empfehlen")
    Select(driver.find_element(By.ID, "event")).select_by_visible_text("teilweise bewilligen")
    fill(driver, "amount", "8.500,00")
    fill(driver, "reason", "Wie in der Finanzprüfung vorgeschlagen.")
    Select(driver.find_element(By.ID, "resolution")).select_by_index(1)
    follow(driver, button(driver, "Schritt ausführen"))
    assert "teilweise bewilligt" in driver.find_element(By.CSS_SELECTOR, "dd.state").text
    fill(driver, "reference", "JA-BROWSER-1")
    fill(driver, "targets", "Output; Trainingseinheiten; Einheiten; 80")
    follow(driver, button(driver, "Zuwendungsvereinbarung anlegen"))
    assert "Zuwendungsvereinbarung JA-BROWSER-1" in driver.find_element(By.TAG_NAME, "h1").text
    assert_accessible(driver, "(agreement for the planner)")
    agreement_url = driver.current_url.split("?")[0]
    follow(driver, driver.find_element(By.LINK_TEXT, "Zuwendungsbescheid: Entwurf ansehen und erlassen"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "8.500,00" in main and "Entwurf – noch nicht erlassen" in main and "Rechtsbehelfsbelehrung" in main
    assert "50.2-JA-BROWSER-1" in main and "Karl-Kellner-Ring 51" in main
    assert_accessible(driver, "(grant notice draft)")
    # The sender is corrected first: a wrong postcode is named and what was typed stays.
    follow(driver, driver.find_element(By.LINK_TEXT, "Absenderangaben der Bescheide bearbeiten"))
    assert_accessible(driver, "(sender of grant notices)")
    fill(driver, "postcode", "3557")
    fill(driver, "contact", "Petra Pruef (Beispiel)")
    follow(driver, button(driver, "Absenderangaben speichern"))
    assert "Postleitzahl:" in driver.find_element(By.ID, "fehler").text
    assert driver.find_element(By.ID, "contact").get_attribute("value") == "Petra Pruef (Beispiel)"
    assert_accessible(driver, "(sender with an error)")
    fill(driver, "postcode", "35576")
    follow(driver, button(driver, "Absenderangaben speichern"))
    assert "gespeichert" in driver.find_element(By.TAG_NAME, "main").text.lower()
    driver.get(agreement_url + "/bescheid")
    follow(driver, button(driver, "Bescheid erlassen"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "erlassen" in main and "Petra Pruef (Beispiel)" in main and "Zuwendungsbescheid JA-BROWSER-1" in main
    assert_accessible(driver, "(issued grant notice)")
    driver.get(agreement_url)
    assert "Bescheid Nr. 1" in driver.find_element(By.TAG_NAME, "main").text
    driver.get(base_url + "/foerderung/programme/5b0c1e2a-0200-4000-8000-000000000001/rangfolge")
    assert "Förderlinie" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(ranking)")

    # The provider draws funds and proves their use.
    driver = log_in(browser, base_url, "provider")
    follow(driver, driver.find_element(By.LINK_TEXT, "Förderung"))
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "JA-BROWSER-1"))
    assert_accessible(driver, "(agreement for the provider)")
    fill(driver, "amount", "9.000,00")
    follow(driver, button(driver, "Mittel abrufen"))
    assert "höchstens 8.500,00" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    fill(driver, "amount", "8.500,00")
    follow(driver, button(driver, "Mittel abrufen"))
    assert "angefordert" in driver.find_element(By.CSS_SELECTOR, "ul.drawdowns").text
    # The proof of use of next year's money comes after next year: said, nothing lost.
    fill(driver, "narrative", "Zwei Gruppen, 84 Trainingseinheiten.")
    fill(driver, "costs", "Personal; 8.500,00; 8.200,00")
    fill(driver, "receipts", f"1; 30.06.{YEAR + 1}; Trainerinnen; Honorare; Personal; 8.200,00")
    driver.find_element(By.CSS_SELECTOR, "input[id^='actual-']").send_keys("84")
    follow(driver, button(driver, "Verwendungsnachweis einreichen"))
    assert f"erst nach Ende des Jahres eingereicht werden, ab dem 1. Januar {YEAR + 2}" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert driver.find_element(By.ID, "narrative").get_attribute("value") == "Zwei Gruppen, 84 Trainingseinheiten."
    assert_accessible(driver, "(proof of use too early)")

    # The county releases the drawdown; the payment waits for a second person and for the term to start.
    driver = log_in(browser, base_url, "planner")
    driver.get(agreement_url)
    follow(driver, driver.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Abruf freigeben')]"))
    follow(driver, driver.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'als ausgezahlt markieren')]"))
    assert "Vier-Augen-Prinzip" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert_accessible(driver, "(payment refused: four eyes)")
    driver = log_in(browser, base_url, "cashier")
    driver.get(agreement_url)
    follow(driver, driver.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'als ausgezahlt markieren')]"))
    assert f"Vor Beginn der Laufzeit am" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "freigegeben" in driver.find_element(By.CSS_SELECTOR, "ul.drawdowns").text

    # The county checks a proof of use that is due (the demo's pregnancy counselling of last year) and holds the
    # quality dialogue on the new agreement.
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/foerderung/vereinbarungen/5b0c1e2a-0200-4000-8000-000000000402")
    assert_accessible(driver, "(agreement with a proof of use under review)")
    follow(driver, button(driver, "Prüfergebnis speichern"))
    assert "Gespeichert" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    driver.get(agreement_url)
    driver.execute_script(f"document.getElementById('date').value = '{YEAR + 2}-02-15';")
    fill(driver, "participants", "Paul Planer\nTina Träger")
    fill(driver, "measures", "Zweite Mädchengruppe in Sinn aufbauen")
    follow(driver, button(driver, "Qualitätsdialog speichern"))
    assert "Zweite Mädchengruppe in Sinn aufbauen" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(quality dialogue)")
    driver.get(base_url + "/foerderung/controlling")
    assert_accessible(driver, "(controlling)")
    driver.get(base_url + "/foerderung/vereinbarungen")
    assert_accessible(driver, "(agreements)")


def test_a_provider_ticks_a_service_answers_the_checklist_and_submits(browser, private_server, tmp_path):
    base_url = private_server
    concept = tmp_path / "konzept.pdf"
    concept.write_bytes(b"%PDF-1.7\n% Konzept\n%%EOF\n")
    title = "Beratung im Jugendtreff Herborn (Test)"
    answer = "Getrennte und gemeinsame Gruppen, Fachkräfte beiderlei Geschlechts."
    partners = "Jugendpflege der Stadt Herborn, Schule am Ort"

    driver = log_in(browser, base_url, "provider")
    follow(driver, driver.find_element(By.LINK_TEXT, "Förderung"))
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Antrag stellen: Geschlechtergerechte Jugendarbeit"))
    assert_accessible(driver, "(application form with the organisation's services)")
    fill(driver, "title", title)
    fill(driver, "costs", "Personal: 9.000,00\nSachkosten: 1.000,00")
    fill(driver, "ownFunds", "1.000,00")
    fill(driver, "requested", "9.000,00")
    label = driver.find_element(By.XPATH, "//fieldset[contains(@class, 'checkboxes')]//label[contains(., 'Schwangerschaftsberatung')]")
    service_id = label.get_attribute("for")
    service = driver.find_element(By.ID, service_id)
    service.click()
    assert service.is_selected()
    questions = driver.find_elements(By.CSS_SELECTOR, "textarea[id^='answer-']")
    questions[0].send_keys(answer)
    questions[1].send_keys(partners)
    follow(driver, button(driver, "Entwurf speichern"))

    # The draft keeps the ticked service and every answer: nothing is missing but the document.
    assert driver.find_element(By.TAG_NAME, "h1").text == title
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Schwangerschaftsberatung" in main
    checklist = driver.find_element(By.CSS_SELECTOR, "ul.checklist")
    items = checklist.find_elements(By.TAG_NAME, "li")
    assert answer in checklist.text and partners in checklist.text
    assert [item.text.split("\n")[0] for item in items if "– fehlt" in item.text] == ["Konzept der Maßnahme * – fehlt"]
    assert_accessible(driver, "(draft with a service and the checklist answered)")

    # Editing shows what was saved, and saving again loses nothing.
    follow(driver, driver.find_element(By.LINK_TEXT, "Antrag bearbeiten"))
    assert driver.find_element(By.ID, service_id).is_selected()
    assert driver.find_elements(By.CSS_SELECTOR, "textarea[id^='answer-']")[0].get_attribute("value") == answer
    assert_accessible(driver, "(application form of the draft)")
    follow(driver, button(driver, "Entwurf speichern"))
    assert answer in driver.find_element(By.CSS_SELECTOR, "ul.checklist").text

    driver.find_element(By.ID, "file").send_keys(str(concept))
    follow(driver, button(driver, "Dokument hochladen"))
    assert "konzept.pdf" in driver.find_element(By.CSS_SELECTOR, "ul.checklist").text
    assert "– fehlt" not in driver.find_element(By.CSS_SELECTOR, "ul.checklist").text
    follow(driver, button(driver, "Antrag einreichen"))
    assert "eingereicht" in driver.find_element(By.CSS_SELECTOR, "dd.state").text
    assert "Schwangerschaftsberatung" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(submitted application)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Förderung"))
    assert title in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(provider's funding page with the submitted application)")


def test_the_planner_creates_a_programme(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/foerderung/programme/neu")
    assert_accessible(driver, "(new programme form)")
    fill(driver, "name", "Familienbildung (Test)")
    fill(driver, "budgetLines", f"{YEAR + 1}; Familienbildung; 40.000,001")
    follow(driver, button(driver, "Programm speichern"))
    assert "mehr als zwei Nachkommastellen" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert_accessible(driver, "(programme form with an error)")
    fill(driver, "budgetLines", f"{YEAR + 1}; Familienbildung; 40.000,00")
    follow(driver, button(driver, "Programm speichern"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Familienbildung (Test)"
    assert "40.000,00" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(programme page)")
    driver.get(base_url + "/foerderung/vereinbarungen/5b0c1e2a-0200-4000-8000-000000000401")
    assert_accessible(driver, "(demo agreement with proofs and dialogues)")
    driver.get(base_url + "/foerderung/qualitaetsdialoge/5b0c1e2a-0200-4000-8000-000000000801")
    assert_accessible(driver, "(demo quality dialogue)")


def test_the_planner_searches_filters_and_sorts_the_applications(browser, base_url):
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/foerderung/antraege")
    fill(driver, "suche", "mädchen")
    Select(driver.find_element(By.ID, "status")).select_by_visible_text("bewilligt")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
    assert [row.find_element(By.CSS_SELECTOR, "a").text for row in rows] == ["Mädchenzentrum Dillenburg (Beispiel)"]
    assert driver.find_element(By.CLASS_NAME, "result-count").text == "1 Treffer"
    assert_accessible(driver, "(applications, filtered)")
    # The organisation is searched too; sorted by amount requested, largest first.
    driver.get(base_url + "/foerderung/antraege?suche=diakonisches")
    assert "Mädchenzentrum Dillenburg (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "table.data").text
    driver.get(base_url + "/foerderung/antraege?sortierung=beantragt&richtung=ab")
    amounts = [row.find_elements(By.TAG_NAME, "td")[2].text for row in driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")]
    euros = [float(a.replace(".", "").replace(",", ".").replace("€", "").strip()) for a in amounts]
    assert euros == sorted(euros, reverse=True) and len(euros) >= 7
    assert_accessible(driver, "(applications, sorted)")


def test_the_planner_searches_and_sorts_the_agreements(browser, base_url):
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/foerderung/vereinbarungen")
    fill(driver, "suche", "diakonisches")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
    references = [row.find_element(By.CSS_SELECTOR, "a").text for row in rows]
    assert len(references) == 1 and references[0].startswith("SB-") and "Diakonisches Werk" in rows[0].text
    assert driver.find_element(By.CLASS_NAME, "result-count").text == f"{len(rows)} Treffer"
    assert_accessible(driver, "(agreements, searched)")
    # Sorted by start, latest first: the column header says so.
    driver.get(base_url + "/foerderung/vereinbarungen?sortierung=beginn&richtung=ab")
    header = driver.find_element(By.CSS_SELECTOR, "th[aria-sort]")
    assert header.get_attribute("aria-sort") == "descending" and "Laufzeit" in header.text
    starts = [row.find_elements(By.TAG_NAME, "td")[2].text.split(" – ")[0] for row in driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")]
    years = [int(s.rsplit(".", 1)[-1]) for s in starts]
    assert years == sorted(years, reverse=True) and len(years) >= 2
    assert_accessible(driver, "(agreements, sorted)")
