"""The OParl 1.1 API: crawled from /oparl/v1/system following every link, each object and list validated against the
schemas of the standard; only public data; filters and deleted objects as the specification says."""
import json
import pathlib
from urllib.parse import urlparse

import requests
from jsonschema import Draft4Validator

STANDARD = pathlib.Path(__file__).resolve().parents[3] / "shared" / "standards" / "oparl-1.1" / "schema"
TYPES = {p.stem: json.loads(p.read_text()) for p in STANDARD.glob("*.json")}
CHECKER = Draft4Validator.FORMAT_CHECKER


def validate(document):
    kind = document["type"].rsplit("/", 1)[-1]
    assert kind in TYPES, kind
    errors = [f"{kind} {document['id']}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in Draft4Validator(TYPES[kind], format_checker=CHECKER).iter_errors(document)]
    assert errors == []
    for value in document.values():  # embedded objects are only "type: object" in the schemas: check them too
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "type" in item and "id" in item:
                validate(item)


def links(value):
    if isinstance(value, str) and "/oparl/v1/" in value and not value.endswith("/download"):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from links(v)
    elif isinstance(value, list):
        for v in value:
            yield from links(v)


def test_crawl_the_whole_api_and_validate_every_response(base_url):
    start = base_url + "/oparl/v1/system"
    seen, queue, objects = set(), [start], {}
    host = urlparse(base_url).netloc
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        assert urlparse(url).netloc == host, url
        response = requests.get(url, timeout=30)
        assert response.status_code == 200, (url, response.status_code, response.text[:200])
        document = response.json()
        if "data" in document and "pagination" in document:
            assert set(document["pagination"]) >= {"totalElements", "elementsPerPage", "currentPage", "totalPages"}
            assert "first" in document["links"] and "last" in document["links"]
            for item in document["data"]:
                validate(item)
                objects[item["id"]] = item
        else:
            validate(document)
            objects[document["id"]] = document
        queue.extend(link for link in links(document) if link not in seen)
    kinds = {o["type"].rsplit("/", 1)[-1] for o in objects.values()}
    assert kinds >= {"System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location",
                     "LegislativeTerm"}
    # Only public data: the internal steering group and its papers and meetings never appear.
    text = json.dumps(objects, ensure_ascii=False)
    assert "Jugendhilfeausschuss (Beispiel)" in text
    assert "Steuerungsgruppe" not in text and "Vergabekriterien Beratungsangebote" not in text and "Personalangelegenheiten" not in text


def test_files_download_with_their_checksum(base_url):
    import hashlib
    files = requests.get(base_url + "/oparl/v1/body/06532/files", timeout=30).json()["data"]
    assert files
    for file in files:
        body = requests.get(file["downloadUrl"], timeout=30).content
        assert hashlib.sha1(body).hexdigest() == file["sha1Checksum"] and len(body) == file["size"]


def test_filters_and_pagination(base_url):
    lists = base_url + "/oparl/v1/body/06532/"
    everything = requests.get(lists + "meetings", timeout=30).json()
    assert everything["pagination"]["totalElements"] == 2
    assert requests.get(lists + "meetings", params={"created_since": "2999-01-01T00:00:00+01:00"}, timeout=30).json()["data"] == []
    assert requests.get(lists + "meetings", params={"modified_until": "2000-01-01T00:00:00Z"}, timeout=30).json()["data"] == []
    bad = requests.get(lists + "meetings", params={"created_since": "gestern"}, timeout=30)
    assert bad.status_code == 400
    assert requests.get(lists + "unknown", timeout=30).status_code == 404
    assert requests.get(base_url + "/oparl/v1/meeting/00000000-0000-4000-8000-000000000000", timeout=30).status_code == 404


def test_filters_that_cannot_apply_are_refused(base_url):
    lists = base_url + "/oparl/v1/body/06532/"
    organization = requests.get(lists + "organizations", timeout=30).json()["data"][0]["id"].rsplit("/", 1)[1]
    assert requests.get(lists + "meetings", params={"organization": organization}, timeout=30).status_code == 200
    # Persons and papers have no organisation to filter by; an organisation id must be one.
    for name, value in [("persons", organization), ("papers", organization), ("meetings", "kaputt")]:
        response = requests.get(lists + name, params={"organization": value}, timeout=30)
        assert response.status_code == 400 and "organization" in response.text, (name, response.status_code)
    # A value that is not percent-encoded UTF-8 is refused, not dropped.
    assert requests.get(lists + "papers?page=%ff", timeout=30).status_code == 400
    assert requests.get(lists + "papers?created_since=%ff", timeout=30).status_code == 400
    assert requests.get(base_url + "/hsds/services?search=%ff", timeout=30).status_code == 400
