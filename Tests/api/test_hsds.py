"""The HSDS 3.0 API: every endpoint with the demo's real data, validated against the compiled schemas of the standard."""
import json
import pathlib

import pytest
import requests
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

STANDARD = pathlib.Path(__file__).resolve().parents[3] / "shared" / "standards" / "hsds-3.0" / "schema"
CHECKER = Draft202012Validator.FORMAT_CHECKER


def compiled(name):
    return Draft202012Validator(json.loads((STANDARD / "compiled" / f"{name}.json").read_text()), format_checker=CHECKER)


def modular(name):
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text()), default_specification=DRAFT202012))
        for p in STANDARD.glob("*.json") if p.name != "openapi.json")
    return Draft202012Validator(json.loads((STANDARD / f"{name}.json").read_text()), registry=registry, format_checker=CHECKER)


def page_schema():
    spec = json.loads((STANDARD / "openapi.json").read_text())
    return Draft202012Validator(spec["components"]["schemas"]["Page"])


def errors(validator, document):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def get(base_url, path, **params):
    response = requests.get(base_url + "/hsds" + path, params=params, timeout=30)
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def check_page(document, item_validator):
    assert errors(page_schema(), document) == []
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"):
        assert key in document, key
    assert document["size"] == len(document["contents"])
    problems = [p for item in document["contents"] for p in errors(item_validator, item)]
    assert problems == []


def test_api_info(base_url):
    info = get(base_url, "/")
    assert info["version"] == "3.0"
    assert info["openapi_url"].endswith("/hsds/openapi.json")


def test_services_list_and_every_service_validate(base_url):
    listing = get(base_url, "/services", per_page=500)
    check_page(listing, compiled("service_list"))
    assert listing["total_items"] >= 19 and listing["page_number"] == 1 and listing["first_page"] and listing["last_page"]
    validator = compiled("service")
    for item in listing["contents"]:
        service = get(base_url, f"/services/{item['id']}")
        assert errors(validator, service) == [], service["name"]
    # The sopla taxonomy carries FTE, legal basis and the preventive flag.
    service = get(base_url, "/services/5b0c1e2a-0001-4000-8000-000000000001")
    terms = {t["id"]: t["code"] for t in get(base_url, "/taxonomy_terms", per_page=500)["contents"]}
    attributes = [(terms[a["taxonomy_term_id"]], a.get("value")) for a in service["attributes"]]
    assert ("fte", "Psychologie=0.5") in attributes and ("fte", "Sozialarbeit=1.5") in attributes
    assert ("legal-basis", "SchKG §§ 3, 8") in attributes and ("preventive", "false") in attributes
    assert ("schwangerschaftsberatung", None) in attributes
    assert {a["name"] for a in service["service_areas"]} >= {"Wetzlar", "Aßlar"}
    assert service["schedules"][0]["byday"] == "MO" and service["schedules"][0]["opens_at"] == "09:00"


def test_pagination_follows_the_page_object(base_url):
    first = get(base_url, "/services", per_page=5, page=1)
    second = get(base_url, "/services", per_page=5, page=2)
    assert first["size"] == 5 and first["first_page"] and not first["last_page"]
    assert first["total_pages"] == -(-first["total_items"] // 5)
    assert not second["first_page"] and second["page_number"] == 2
    assert {s["id"] for s in first["contents"]}.isdisjoint({s["id"] for s in second["contents"]})
    beyond = get(base_url, "/services", per_page=5, page=first["total_pages"] + 1)
    assert beyond["empty"] and beyond["contents"] == []
    bad = requests.get(base_url + "/hsds/services", params={"page": "0"}, timeout=10)
    assert bad.status_code == 400 and "page" in bad.json()["error"]["message"]


def test_filters(base_url):
    terms = get(base_url, "/taxonomy_terms", per_page=500)["contents"]
    debt = next(t for t in terms if t["code"] == "schuldnerberatung")
    found = get(base_url, "/services", taxonomy_term_id=debt["id"])["contents"]
    assert len(found) == 3 and all("Schuldner" in s["name"] for s in found)
    assert get(base_url, "/services", search="frauenhaus")["total_items"] == 1
    assert get(base_url, "/services", modified_after="2999-01-01T00:00:00Z")["empty"]
    assert get(base_url, "/services", modified_after="2000-01-01")["total_items"] >= 19
    bad = requests.get(base_url + "/hsds/services", params={"modified_after": "gestern"}, timeout=10)
    assert bad.status_code == 400 and "modified_after" in bad.json()["error"]["message"]


def test_organizations_validate(base_url):
    listing = get(base_url, "/organizations", per_page=100)
    check_page(listing, compiled("organization_list"))
    validator = compiled("organization")
    for item in listing["contents"]:
        assert errors(validator, get(base_url, f"/organizations/{item['id']}")) == [], item["name"]


def test_service_at_locations_validate(base_url):
    listing = get(base_url, "/service_at_locations", per_page=100)
    check_page(listing, compiled("service_at_location_list"))
    assert listing["total_items"] >= 15
    validator = compiled("service_at_location")
    for item in listing["contents"]:
        document = get(base_url, f"/service_at_locations/{item['id']}")
        assert errors(validator, document) == []
        assert errors(modular("location"), document["location"]) == []


def test_taxonomies_and_terms_validate(base_url):
    taxonomies = get(base_url, "/taxonomies")
    check_page(taxonomies, modular("taxonomy"))
    for item in taxonomies["contents"]:
        assert errors(modular("taxonomy"), get(base_url, f"/taxonomies/{item['id']}")) == []
    terms = get(base_url, "/taxonomy_terms", per_page=500)
    check_page(terms, modular("taxonomy_term"))
    assert {"frauenhaus", "schwangerschaftsberatung", "fte", "preventive"} <= {t["code"] for t in terms["contents"]}
    assert errors(modular("taxonomy_term"), get(base_url, f"/taxonomy_terms/{terms['contents'][0]['id']}")) == []
    top = get(base_url, "/taxonomy_terms", top_only="true", per_page=500)["contents"]
    assert all("parent_id" not in t for t in top)


@pytest.mark.parametrize("path", ["/services/00000000-0000-4000-8000-000000000000", "/organizations/x", "/service_at_locations/y",
                                  "/taxonomies/z", "/taxonomy_terms/w"])
def test_unknown_ids_are_json_404(base_url, path):
    response = requests.get(base_url + "/hsds" + path, timeout=10)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("path,params", [("/services", {"foo": "1"}), ("/services", {"per_page": "501"}), ("/services", {"page": "x"}),
                                         ("/taxonomy_terms", {"top_only": "vielleicht"}), ("/organizations", {"taxonomy_term_id": "x"}),
                                         ("/", {"page": "1"}), ("/services/5b0c1e2a-0001-4000-8000-000000000001", {"full": "true"})])
def test_unknown_or_malformed_parameters_are_refused(base_url, path, params):
    response = requests.get(base_url + "/hsds" + path, params=params, timeout=10)
    assert response.status_code == 400
    assert response.json()["error"]["message"]
