"""Accounts as people use them: each demo role logs in and sees what it may and nothing more; planners and
providers edit organisations; the administration invites, audits and erases. Axe checks every page."""
import re
import uuid

import pytest
import requests
from selenium.webdriver.common.by import By

from axe_check import assert_accessible
from navigation import follow

LOGINS = {
    "admin": ("admin@demo.sopla.example", "Rathaus-Schluessel-42", "Alexandra Adler (Beispiel)"),
    "planner": ("planung@demo.sopla.example", "Bedarfe-Kennen-2026", "Paul Planer (Beispiel)"),
    "cashier": ("kasse@demo.sopla.example", "Zahlung-Anweisen-29", "Karla Kasse (Beispiel)"),
    "provider": ("traeger@demo.sopla.example", "Sonnenweg-Beratung-7", "Tina Träger (Beispiel)"),
    "other provider": ("familienzentrum@demo.sopla.example", "Lindenhof-Hilfe-8", "Lars Lindner (Beispiel)"),
    "body member": ("gremium@demo.sopla.example", "Steuerung-Tagt-2026", "Gisela Gremm (Beispiel)"),
    "reviewer": ("gutachten@demo.sopla.example", "Antraege-Pruefen-26", "Gerd Gutmann (Beispiel)"),
    "finance reviewer": ("finanzpruefung@demo.sopla.example", "Kosten-Plausibel-27", "Fiona Finke (Beispiel)"),
}




def fill(driver, field_id, value):
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(value)


def log_in(driver, base_url, role, path="/anmelden"):
    email, password, name = LOGINS[role]
    driver.delete_all_cookies()
    driver.get(base_url + path)
    fill(driver, "email", email)
    fill(driver, "password", password)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert name in driver.find_element(By.CSS_SELECTOR, ".signed-in-as").text
    return driver


def log_out(driver):
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.logout button"))
    assert "Sie sind abgemeldet." in driver.find_element(By.TAG_NAME, "main").text


def http_session(base_url, role):
    """A requests session logged in through the form, and the session's form token."""
    email, password, _ = LOGINS[role]
    session = requests.Session()
    page = session.get(base_url + "/anmelden")
    token = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    response = session.post(base_url + "/anmelden", data={"_csrf": token, "email": email, "password": password}, allow_redirects=False)
    assert response.status_code == 303, response.text[:300]
    account = session.get(base_url + "/konto")
    return session, re.search(r'name="_csrf" value="([^"]+)"', account.text).group(1)


def organisation_path(base_url, name):
    data = requests.get(base_url + "/api/v1/organisations", params={"q": name, "status": "all"}).json()
    return "/organisationen/" + data["items"][0]["id"]


@pytest.mark.parametrize("role", list(LOGINS))
def test_each_role_sees_what_it_may_and_no_more(browser, base_url, role):
    driver = log_in(browser, base_url, role)
    assert driver.current_url.endswith("/konto")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Mein Konto"
    nav = driver.find_element(By.CSS_SELECTOR, ".account-nav").text
    assert ("Benutzer" in nav) == (role == "admin")
    assert ("Protokoll" in nav) == (role == "admin")
    assert ("Rechte" in nav) == (role in ("admin", "planner", "cashier"))
    assert_accessible(driver, f"(account page, {role})")
    driver.get(base_url + "/verwaltung/benutzer")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading == ("Benutzer" if role == "admin" else "Keine Berechtigung")
    driver.get(base_url + "/organisationen/neu")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading == ("Neue Organisation" if role in ("admin", "planner", "cashier") else "Keine Berechtigung")
    if heading == "Keine Berechtigung":
        assert_accessible(driver, "(403 page)")
    driver.get(base_url + organisation_path(base_url, "Sonnenweg"))
    buttons = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".actions a, .actions button")]
    assert ("Bearbeiten" in buttons) == (role in ("admin", "planner", "cashier", "provider"))
    assert ("Deaktivieren" in buttons) == (role in ("admin", "planner", "cashier"))
    history = driver.find_elements(By.ID, "verlauf")
    assert bool(history) == (role in ("admin", "planner", "cashier", "provider"))
    log_out(driver)


def test_the_public_is_sent_to_the_login_and_back(page, base_url):
    driver = page("/konto")
    assert "/anmelden?weiter=/konto" in driver.current_url
    assert "Bitte melden Sie sich an" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(login page)")
    email, password, _ = LOGINS["planner"]
    fill(driver, "email", email)
    fill(driver, "password", password)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.current_url.endswith("/konto")


def test_a_planner_creates_and_edits_an_organisation_and_sees_its_history(browser, base_url):
    driver = log_in(browser, base_url, "planner")
    name = f"Schuldnerberatung Ehringshausen {uuid.uuid4().hex[:6]} (Beispiel)"
    driver.get(base_url + "/organisationen")
    assert_accessible(driver, "(organisation list)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Neue Organisation"))
    # A blank name (the browser lets spaces through) and a short postcode are refused, every problem named and linked.
    fill(driver, "name", "   ")
    fill(driver, "postcode", "3563")
    fill(driver, "city", "Ehringshausen")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    summary = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Name: fehlt." in summary and "Postleitzahl: muss aus fünf Ziffern bestehen." in summary
    assert driver.find_element(By.ID, "name").get_attribute("aria-invalid") == "true"
    assert driver.find_element(By.ID, "city").get_attribute("value") == "Ehringshausen"
    assert_accessible(driver, "(organisation form with errors)")
    fill(driver, "name", name)
    fill(driver, "postcode", "35630")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == name
    assert "Angelegt." in driver.find_element(By.CSS_SELECTOR, ".notice").text
    follow(driver, driver.find_element(By.LINK_TEXT, "Bearbeiten"))
    fill(driver, "phone", "06443 1234")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Gespeichert." in driver.find_element(By.CSS_SELECTOR, ".notice").text
    history = driver.find_element(By.CSS_SELECTOR, "#verlauf + p + .table-wrap").text
    assert "Telefon: – → 06443 1234" in history and "Paul Planer (Beispiel)" in history
    assert_accessible(driver, "(organisation page with history)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Deaktivieren"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Organisation deaktivieren?"
    assert_accessible(driver, "(confirmation page)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "main form button.danger"))
    assert "Deaktiviert." in driver.find_element(By.CSS_SELECTOR, ".notice").text
    log_out(driver)


def test_a_provider_edits_their_own_organisation_but_not_another(browser, base_url):
    driver = log_in(browser, base_url, "provider")
    other = organisation_path(base_url, "Lindenhof")
    driver.get(base_url + other)
    assert not driver.find_elements(By.LINK_TEXT, "Bearbeiten")
    driver.get(base_url + other + "/bearbeiten")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Keine Berechtigung"
    driver.get(base_url + organisation_path(base_url, "Sonnenweg") + "/bearbeiten")
    assert "Art und übergeordnete Organisation pflegt die Sozialplanung." in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(provider's organisation form)")
    fill(driver, "street", "Sonnenweg 1")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Sonnenweg 1" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    log_out(driver)
    # Crafting the request by hand changes nothing either.
    session, token = http_session(base_url, "provider")
    before = requests.get(base_url + "/api/v1" + other.replace("/organisationen", "/organisations")).json()
    response = session.post(base_url + other, data={"_csrf": token, "name": "Übernommen", "kind": "provider"}, allow_redirects=False)
    assert response.status_code == 403
    after = requests.get(base_url + "/api/v1" + other.replace("/organisationen", "/organisations")).json()
    assert before == after


def test_forms_without_the_token_are_refused(base_url):
    session, token = http_session(base_url, "planner")
    response = session.post(base_url + "/organisationen", data={"name": "Ohne Token (Beispiel)", "kind": "provider"}, allow_redirects=False)
    assert response.status_code == 403
    assert "Das Formular war abgelaufen oder unvollständig" in response.text
    names = [o["name"] for o in requests.get(base_url + "/api/v1/organisations", params={"q": "Ohne Token"}).json()["items"]]
    assert names == []


def test_repeated_wrong_passwords_are_slowed_down(browser, private_server):
    # On a demo of its own: failures also count against this address, which the other tests share.
    email = f"niemand-{uuid.uuid4().hex[:6]}@kreis.example"
    browser.delete_all_cookies()
    browser.get(private_server + "/anmelden")
    driver = browser
    for attempt in range(6):
        fill(driver, "email", email)
        fill(driver, "password", "falsches-Passwort")
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
        message = driver.find_element(By.CSS_SELECTOR, ".notice").text
        if attempt < 5:
            assert message == "E-Mail-Adresse oder Passwort sind nicht richtig."
    # The sixth attempt waits the first step of 30 seconds (less the moment since the fifth failure).
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in message
    seconds = int(re.search(r"in (\d+) Sekunden", message).group(1))
    assert 20 <= seconds <= 30
    assert_accessible(driver, "(throttled login)")


def test_api_tokens_are_shown_once_and_work(browser, base_url):
    driver = log_in(browser, base_url, "body member")
    fill(driver, "tokenName", "Auswertung Steuerungsgruppe")
    follow(driver, driver.find_element(By.XPATH, "//form[@action='/konto/tokens']//button"))
    token = driver.find_element(By.ID, "neues-token").text
    assert token.startswith("sopla_")
    assert_accessible(driver, "(account page with new token)")
    me = requests.get(base_url + "/api/v1/me", headers={"Authorization": "Bearer " + token})
    assert me.status_code == 200 and me.json()["access"] == "token-read"
    driver.get(base_url + "/konto")
    assert token not in driver.page_source
    follow(driver, driver.find_element(By.XPATH, "//table//form//button"))
    assert "Das Token wurde widerrufen." in driver.find_element(By.CSS_SELECTOR, ".notice").text
    assert requests.get(base_url + "/api/v1/me", headers={"Authorization": "Bearer " + token}).status_code == 401
    log_out(driver)


def test_the_administration_invites_audits_exports_and_erases(browser, base_url):
    driver = log_in(browser, base_url, "admin")
    email = f"nora-{uuid.uuid4().hex[:6]}@kreis.example"
    driver.get(base_url + "/verwaltung/benutzer")
    assert_accessible(driver, "(user list)")
    follow(driver, driver.find_element(By.LINK_TEXT, "Neuer Benutzer"))
    assert_accessible(driver, "(user form)")
    fill(driver, "displayName", "Nora Neu (Beispiel)")
    fill(driver, "email", email)
    driver.find_element(By.XPATH, "//label[text()='Sozialplanung']").click()
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Nora Neu (Beispiel)"
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Einladungslink erzeugen']"))
    link = driver.find_element(By.ID, "zugangslink").text
    assert "/zugang/" in link
    assert_accessible(driver, "(user page with link)")
    driver.get(base_url + "/verwaltung/protokoll?aktion=create&objekt=user")
    assert "Nora Neu (Beispiel)" in driver.find_element(By.CSS_SELECTOR, "table.data").text
    assert f"email: – → {email}" in driver.find_element(By.CSS_SELECTOR, "table.data").text or f"E-Mail: – → {email}" in driver.find_element(By.CSS_SELECTOR, "table.data").text
    assert_accessible(driver, "(audit log)")
    driver.get(base_url + "/verwaltung/rechte")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Rollen und Rechte"
    assert_accessible(driver, "(policy table)")
    user_page = driver.current_url
    log_out(driver)

    # The invited person sets a password through the link and logs in.
    driver.delete_all_cookies()
    driver.get(link)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Einladung annehmen"
    assert_accessible(driver, "(invitation page)")
    fill(driver, "password", "Drei-Birnen-im-Regen")
    fill(driver, "passwordConfirmation", "Drei-Birnen-im-Regen")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Ihr Passwort ist gesetzt." in driver.find_element(By.CSS_SELECTOR, ".notice").text
    fill(driver, "email", email)
    fill(driver, "password", "Drei-Birnen-im-Regen")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Nora Neu (Beispiel)" in driver.find_element(By.CSS_SELECTOR, ".signed-in-as").text
    log_out(driver)
    driver.get(link)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Link nicht mehr gültig"

    # Export, then erase after confirming.
    session, _ = http_session(base_url, "admin")
    users = session.get(base_url + "/verwaltung/benutzer.csv", params={"q": email}).text
    user_id = users.splitlines()[1].split(";")[0]
    export = session.get(base_url + f"/verwaltung/benutzer/{user_id}/daten.json").json()
    assert export["account"]["email"] == email
    driver = log_in(browser, base_url, "admin", f"/anmelden?weiter=/verwaltung/benutzer/{user_id}")
    follow(driver, driver.find_element(By.LINK_TEXT, "Person löschen (DSGVO)"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Person endgültig löschen?"
    follow(driver, driver.find_element(By.CSS_SELECTOR, "main form button.danger"))
    assert "Die Personendaten wurden gelöscht" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    assert "Nora" not in driver.find_element(By.TAG_NAME, "h1").text
    log_out(driver)
    assert user_page


def test_the_administration_exports_and_erases_a_member_without_a_login(browser, private_server):
    base_url = private_server
    driver = log_in(browser, base_url, "admin")
    driver.get(base_url + "/verwaltung/benutzer")
    follow(driver, driver.find_element(By.LINK_TEXT, "Personen in Gremien"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Personen in Gremien"
    assert_accessible(driver, "(persons of the bodies)")
    fill(driver, "q", "Otto")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
    assert len(rows) == 1 and "Otto Ost (Beispiel)" in rows[0].text and "Ausschuss für Soziales" in rows[0].text
    export_path = rows[0].find_element(By.PARTIAL_LINK_TEXT, "Personendaten exportieren").get_attribute("href")
    session, _ = http_session(base_url, "admin")
    export = session.get(export_path).json()
    assert export["participation"]["persons"][0]["name"] == "Otto Ost (Beispiel)"
    assert export["participation"]["memberships"][0]["body"].startswith("Ausschuss für Soziales")
    follow(driver, rows[0].find_element(By.LINK_TEXT, "Person löschen (DSGVO)"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Person endgültig löschen?"
    assert "„Otto Ost (Beispiel)“" in driver.find_element(By.TAG_NAME, "main").text
    assert_accessible(driver, "(confirm erasing a person)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "main form button.danger"))
    assert "Die Personendaten wurden gelöscht" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    assert "Otto Ost" not in driver.find_element(By.TAG_NAME, "main").text
    committee = requests.get(base_url + "/gremien/5b0c1e2a-0100-4000-8000-000000000006", timeout=10).text
    assert "Otto Ost" not in committee and "Klaus Kreis (Beispiel)" in committee


def test_a_planner_adds_a_planning_area_to_a_municipality(browser, private_server):
    # On a demo of its own: the shared demo's list tests count the units.
    base_url = private_server
    driver = log_in(browser, base_url, "planner")
    driver.get(base_url + "/gebiete/06532014")
    follow(driver, driver.find_element(By.LINK_TEXT, "Planungsraum anlegen"))
    assert_accessible(driver, "(planning area form)")
    code = uuid.uuid4().hex[:6]
    fill(driver, "localCode", code)
    fill(driver, "name", "Dorfmitte (Beispiel)")
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Planungsraum Dorfmitte (Beispiel)"
    assert f"06532014-{code}" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Angelegt." in driver.find_element(By.CSS_SELECTOR, ".notice").text
    log_out(driver)
