"""Every page is well-formed HTML5 (the parser reports no error), so assistive technology and
browsers build the same document tree."""
import urllib.error
import urllib.request

import html5lib
import pytest

PAGES = [
    "/", "/?lang=en", "/gebiete", "/gebiete?q=wetz&ebene=municipality&sortierung=population&richtung=ab",
    "/gebiete?gehoert-zu=06532", "/gebiete/06532", "/gebiete/06532023", "/daten", "/schnittstelle", "/gebiete/06532099",
    "/anmelden", "/organisationen", "/organisationen?status=alle&sortierung=ort&richtung=ab", "/zugang/unbekannt",
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
