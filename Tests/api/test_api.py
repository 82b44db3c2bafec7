"""The JSON and GeoJSON API of a running demo, checked against RFC 7946 and the OpenAPI document."""
import gzip
import json
import urllib.request

import jsonschema


def get(base_url, path, headers=None):
    request = urllib.request.Request(base_url + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def ring_area(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def test_geojson_is_valid_rfc7946_with_the_23_municipalities(base_url):
    status, headers, body = get(base_url, "/api/v1/spatial-units.geojson")
    assert status == 200
    assert headers["content-type"].startswith("application/geo+json")
    data = json.loads(body)
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946 removed it
    features = data["features"]
    assert sorted(f["id"] for f in features) == [f"065320{i:02d}" for i in range(1, 24)]
    west, south, east, north = data["bbox"]
    for feature in features:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "MultiPolygon"
        for polygon in geometry["coordinates"]:
            for index, ring in enumerate(polygon):
                assert len(ring) >= 4 and ring[0] == ring[-1]
                for lon, lat in ring:
                    assert -180 <= lon <= 180 and -90 <= lat <= 90
                    assert west <= lon <= east and south <= lat <= north
                # Right-hand rule: exterior counter-clockwise, holes clockwise.
                assert (ring_area(ring) > 0) == (index == 0)
    wetzlar = next(f for f in features if f["id"] == "06532023")
    assert wetzlar["properties"]["name"] == "Wetzlar"
    assert wetzlar["properties"]["population"] == 53116


def test_geojson_conditional_and_compressed(base_url):
    status, headers, body = get(base_url, "/api/v1/spatial-units.geojson")
    etag = headers["etag"]
    status, _, body304 = get(base_url, "/api/v1/spatial-units.geojson", {"If-None-Match": etag})
    assert status == 304 and body304 == b""
    status, zipped_headers, zipped = get(base_url, "/api/v1/spatial-units.geojson", {"Accept-Encoding": "gzip"})
    assert zipped_headers["content-encoding"] == "gzip"
    assert not any(name.startswith("x-vapor") for name in list(headers) + list(zipped_headers))
    assert gzip.decompress(zipped) == body
    assert len(zipped) < len(body) / 2


def test_responses_match_the_openapi_schemas(base_url):
    _, _, raw = get(base_url, "/api/v1/openapi.json")
    document = json.loads(raw)
    schemas = document["components"]["schemas"]

    def check(path, schema_name, expected_status=200):
        status, _, body = get(base_url, path)
        assert status == expected_status, path
        schema = dict(schemas[schema_name])
        schema["components"] = {"schemas": schemas}
        resolver_schema = json.loads(json.dumps(schema).replace("#/components/schemas/", "#/components/schemas/"))
        jsonschema.validate(json.loads(body), resolver_schema)

    check("/api/v1/spatial-units", "SpatialUnitList")
    check("/api/v1/spatial-units?level=municipality&perPage=5&page=3", "SpatialUnitList")
    check("/api/v1/spatial-units/06532", "SpatialUnit")
    check("/api/v1/spatial-units/06532099", "Error", 404)
    check("/api/v1/spatial-units?perPage=0", "Error", 400)
    check("/api/v1/spatial-units.geojson", "FeatureCollection")
    check("/healthz", "Health")
    check("/readyz", "Health")


def test_county_totals_match_the_sources(base_url):
    _, _, body = get(base_url, "/api/v1/spatial-units/06532")
    county = json.loads(body)
    assert [p["count"] for p in county["populations"]] == [253319, 251972]
    assert county["areaKm2"] == 1066.3


def test_every_municipality_matches_the_shared_source_table(base_url):
    import csv
    import os

    shared = os.path.join(os.environ.get("SOPLA_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")), "data", "lahn-dill-municipalities.csv")
    if not os.path.exists(shared):
        import pytest
        pytest.skip("../shared/data is not beside the clone")
    with open(shared, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    _, _, body = get(base_url, "/api/v1/spatial-units?level=municipality&perPage=100")
    units = {u["key"]: u for u in json.loads(body)["items"]}
    assert len(rows) == len(units) == 23
    for row in rows:
        unit = units[row["ags"]]
        assert unit["name"] == row["name"]
        assert unit["kind"] == row["kind"]
        assert unit["areaKm2"] == float(row["area_km2"])
        assert [p["count"] for p in unit["populations"]] == [int(row["population_2019"]), int(row["population_zensus_2022"])]
