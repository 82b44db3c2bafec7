"""Every page is well-formed HTML5 (the parser reports no error), so assistive technology and
browsers build the same document tree."""
import urllib.error
import urllib.request

import html5lib
import pytest

PAGES = [
    "/", "/?lang=en", "/gebiete", "/gebiete?q=wetz&ebene=municipality&sortierung=population&richtung=ab",
    "/gebiete?gehoert-zu=06532", "/gebiete/06532", "/gebiete/06532023", "/daten", "/schnittstelle", "/gebiete/06532099",
    "/anmelden", "/anmelden?lang=en", "/organisationen", "/organisationen?status=alle&sortierung=ort&richtung=ab", "/zugang/unbekannt",
    "/indikatoren", "/indikatoren?thema=poverty&q=quote", "/indikatoren?lang=en", "/indikatoren/heim_je_1000",
    "/indikatoren/sgb2_quote_u18?klassifikation=natural-breaks&klassen=7&stichtag=2020-12-31&gebiet=06532004",
    "/indikatoren/dichte?ebene=county", "/indikatoren/alo_frauen?lang=en", "/merkmale",
    "/wegweiser", "/wegweiser?gemeinde=06532012&kategorie=schuldnerberatung&alter=30&sprache=de&barrierefrei=ja", "/wegweiser?lang=en",
    "/wegweiser?suche=nichts-passt", "/wegweiser/5b0c1e2a-0001-4000-8000-000000000001", "/wegweiser/5b0c1e2a-0001-4000-8000-000000000012",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_well_formed_html(base_url, path):
    try:
        with urllib.request.urlopen(base_url + path) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        assert error.code == 404 and path in ("/gebiete/06532099", "/zugang/unbekannt")
        body = error.read()
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(body)
    assert parser.errors == []


ADMIN_PAGES = ["/konto", "/verwaltung/benutzer", "/verwaltung/benutzer/neu", "/verwaltung/protokoll", "/verwaltung/protokoll?von=kaputt",
               "/verwaltung/rechte", "/organisationen/neu", "/konto?lang=en", "/verwaltung/protokoll?lang=en"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_pages_behind_the_login_are_well_formed_html(base_url, path):
    import re

    import requests

    session = requests.Session()
    token = re.search(r'name="_csrf" value="([^"]+)"', session.get(base_url + "/anmelden").text).group(1)
    response = session.post(base_url + "/anmelden", data={"_csrf": token, "email": "admin@demo.sopla.example", "password": "Rathaus-Schluessel-42"})
    assert response.status_code == 200 and "Angemeldet als" in response.text
    page = session.get(base_url + path)
    assert page.status_code in (200, 400)
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(page.content)
    assert parser.errors == []


PLANNER_PAGES = ["/daten/import", "/daten/pruefregeln", "/merkmale/neu", "/indikatoren/neu", "/indikatoren/heim_je_1000/bearbeiten",
                 "/merkmale/alo/bearbeiten", "/merkmale/alo?gebiet=06532023", "/indikatoren/heim_je_1000", "/indikatoren/heim_je_1000?ansicht=oeffentlich", "/daten/import?lang=en",
                 "/indikatoren/heim_je_1000/archivieren",
                 "/angebote", "/angebote?suche=beratung&kategorie=schuldnerberatung&sortierung=vze&richtung=ab", "/angebote/neu",
                 "/angebote/5b0c1e2a-0001-4000-8000-000000000003", "/angebote/5b0c1e2a-0001-4000-8000-000000000003/bearbeiten",
                 "/angebotsplanung/kategorien", "/angebotsplanung/standards", "/angebotsplanung/versorgung",
                 "/angebotsplanung/versorgung?kategorie=schwangerschaftsberatung", "/angebotsplanung/versorgung?kategorie=erziehungsberatung",
                 "/angebotsplanung/versorgung?kategorie=selbsthilfe", "/angebotsplanung/doppelstrukturen", "/angebotsplanung/erhebungen",
                 "/angebotsplanung/erhebungen/5b0c1e2a-0003-4000-8000-000000000001", "/angebotsplanung/vorschlaege/5b0c1e2a-0004-4000-8000-000000000001",
                 "/angebote?lang=en"]


@pytest.mark.parametrize("path", PLANNER_PAGES)
def test_planner_pages_are_well_formed_html(base_url, path):
    import re

    import requests

    session = requests.Session()
    token = re.search(r'name="_csrf" value="([^"]+)"', session.get(base_url + "/anmelden").text).group(1)
    response = session.post(base_url + "/anmelden", data={"_csrf": token, "email": "planung@demo.sopla.example", "password": "Bedarfe-Kennen-2026"})
    assert response.status_code == 200 and "Angemeldet als" in response.text
    page = session.get(base_url + path)
    assert page.status_code == 200
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(page.content)
    assert parser.errors == []
