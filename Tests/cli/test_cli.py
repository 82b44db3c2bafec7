"""The sopla command as an administrator uses it: help, import, export, and clear errors on bad input."""
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile

import pytest

DEMO_GEOJSON = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "SoplaDemo", "Resources", "demo", "lahn-dill-gemeinden.geojson")


def run(sopla_bin, *args, db=None, stdin=None, timeout=120):
    env = dict(os.environ)
    if db is not None:
        env["SOPLA_DATABASE_URL"] = db
    return subprocess.run([sopla_bin, *args], env=env, capture_output=True, text=True, input=stdin, timeout=timeout)


@pytest.fixture
def workdir():
    path = tempfile.mkdtemp(prefix="sopla-cli-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def county_db(sopla_bin, workdir):
    """A database holding the county, into which municipalities can be imported."""
    db_path = os.path.join(workdir, "t.sqlite")
    url = f"sqlite:{db_path}"
    # Importing counties needs no parent: create the county from a one-feature file.
    county = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"key": "06532", "name": "Lahn-Dill-Kreis"},
              "geometry": {"type": "Polygon", "coordinates": [[[8.1, 50.4], [8.7, 50.4], [8.7, 50.9], [8.1, 50.9], [8.1, 50.4]]]}}]}
    path = os.path.join(workdir, "county.geojson")
    with open(path, "w") as f:
        json.dump(county, f)
    result = run(sopla_bin, "import", "boundaries", path, "--level", "county", "--key-property", "key", db=url)
    assert result.returncode == 0, result.stderr
    return db_path, url


def table_dump(db_path):
    with sqlite3.connect(db_path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("spatial_units", "spatial_boundaries", "spatial_populations", "data_versions")}


@pytest.mark.parametrize("command", [[], ["serve"], ["demo"], ["migrate"], ["import", "boundaries"], ["import", "hsds"], ["export", "units"], ["export", "hsds"], ["notify", "reminders"], ["unit", "create"], ["user", "create"], ["user", "list"], ["user", "reset-password"]])
def test_every_command_has_help(sopla_bin, command):
    result = run(sopla_bin, *command, "--help", db="sqlite::memory:")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout
    assert "Example" in result.stdout


def test_import_then_reimport_changes_nothing(sopla_bin, workdir):
    db_path, url = county_db(sopla_bin, workdir)
    first = run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--level", "municipality", "--key-property", "ags",
                "--name-property", "name", "--kind-property", "kind", "--valid-from", "2013-01-01", db=url)
    assert first.returncode == 0, first.stderr
    assert "23 created, 0 new Gebietsstand, 0 updated, 0 unchanged" in first.stdout
    before = table_dump(db_path)
    second = run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--kind-property", "kind", "--valid-from", "2025-01-01", db=url)
    assert second.returncode == 0, second.stderr
    assert "0 created, 0 new Gebietsstand, 0 updated, 23 unchanged" in second.stdout
    assert table_dump(db_path) == before


def test_changed_boundary_creates_a_new_gebietsstand(sopla_bin, workdir):
    db_path, url = county_db(sopla_bin, workdir)
    assert run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--valid-from", "2013-01-01", db=url).returncode == 0
    with open(DEMO_GEOJSON) as f:
        data = json.load(f)
    ring = data["features"][22]["geometry"]["coordinates"][0]
    ring[1] = [ring[1][0] + 0.001, ring[1][1]]
    changed = os.path.join(workdir, "changed.geojson")
    with open(changed, "w") as f:
        json.dump(data, f)
    result = run(sopla_bin, "import", "boundaries", changed, "--valid-from", "2025-01-01", db=url)
    assert result.returncode == 0, result.stderr
    assert "0 created, 1 new Gebietsstand, 0 updated, 22 unchanged" in result.stdout
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT valid_from, valid_to FROM spatial_boundaries WHERE unit_key = '06532023' ORDER BY valid_from").fetchall()
    assert rows == [("2013-01-01", "2024-12-31"), ("2025-01-01", None)]


BAD_FILES = {
    "malformed": ("{\"type\": \"FeatureCollection\", \"features\": [", "the file is not valid JSON"),
    "wrong-key": (json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"ags": "6532001", "name": "X"},
                  "geometry": {"type": "Polygon", "coordinates": [[[8.4, 50.5], [8.5, 50.5], [8.5, 50.6], [8.4, 50.5]]]}}]}),
                  'feature 0, property "ags", value "6532001": key "6532001" has 7 characters; a municipality key (AGS) has exactly 8 digits'),
    "duplicate": (json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"ags": "06532001", "name": "X"},
                  "geometry": {"type": "Polygon", "coordinates": [[[8.4, 50.5], [8.5, 50.5], [8.5, 50.6], [8.4, 50.5]]]}}] * 2}),
                  'feature 1, property "ags", value "06532001": duplicate key: feature 0 has the same key'),
    "unknown-parent": (json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"ags": "06532001", "name": "X", "p": "06999"},
                  "geometry": {"type": "Polygon", "coordinates": [[[8.4, 50.5], [8.5, 50.5], [8.5, 50.6], [8.4, 50.5]]]}}]}),
                  'feature 0, property "p", value "06999": parent key is not known'),
    "projected": (json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"ags": "06532001", "name": "X"},
                  "geometry": {"type": "Polygon", "coordinates": [[[456000, 5600000], [456100, 5600000], [456100, 5600100], [456000, 5600000]]]}}]}),
                  "outside WGS84"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_are_refused_and_change_nothing(sopla_bin, workdir, case):
    db_path, url = county_db(sopla_bin, workdir)
    before = table_dump(db_path)
    text, message = BAD_FILES[case]
    path = os.path.join(workdir, f"{case}.geojson")
    with open(path, "w") as f:
        f.write(text)
    extra = ["--parent-property", "p"] if case == "unknown-parent" else []
    result = run(sopla_bin, "import", "boundaries", path, *extra, db=url)
    assert result.returncode != 0
    assert message in result.stderr
    assert "nothing was imported" in result.stderr
    assert table_dump(db_path) == before


def test_missing_file_is_named(sopla_bin, workdir):
    _, url = county_db(sopla_bin, workdir)
    result = run(sopla_bin, "import", "boundaries", "/nowhere/gemeinden.geojson", db=url)
    assert result.returncode != 0
    assert "the file /nowhere/gemeinden.geojson does not exist" in result.stderr


def test_file_over_the_size_limit_is_refused_without_reading(sopla_bin, workdir):
    db_path, url = county_db(sopla_bin, workdir)
    before = table_dump(db_path)
    big = os.path.join(workdir, "big.geojson")
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB without using the disk
    result = run(sopla_bin, "import", "boundaries", big, db=url)
    assert result.returncode != 0
    assert "has 200 MB, more than the limit of 100 MB" in result.stderr
    assert table_dump(db_path) == before


def test_bad_option_values_and_unknown_flags(sopla_bin, workdir):
    _, url = county_db(sopla_bin, workdir)
    result = run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--level", "planet", db=url)
    assert result.returncode != 0
    assert "--level planet is unknown; use one of land, county, municipality, planning-area" in result.stderr
    result = run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--valid-from", "1.1.2025", db=url)
    assert result.returncode != 0
    assert "--valid-from 1.1.2025 is not a date" in result.stderr
    result = run(sopla_bin, "export", "units", "--frobnicate", db=url)
    assert result.returncode != 0
    assert "frobnicate" in (result.stderr + result.stdout)


def test_bad_database_urls(sopla_bin, workdir):
    result = run(sopla_bin, "export", "units", db="mysql://localhost/x")
    assert result.returncode != 0
    assert "is neither sqlite:PATH nor postgres://" in result.stderr
    result = run(sopla_bin, "export", "units", db="sqlite:/nonexistent-dir/x.sqlite")
    assert result.returncode != 0
    assert "the folder /nonexistent-dir does not exist" in result.stderr
    result = run(sopla_bin, "migrate", db="postgres://nobody:secret@127.0.0.1:1/nothing")
    assert result.returncode != 0
    assert "cannot connect to the database postgres://nobody:***@127.0.0.1:1/nothing" in result.stderr
    assert "secret" not in result.stderr


def test_export_units_as_csv_and_geojson(sopla_bin, workdir):
    _, url = county_db(sopla_bin, workdir)
    assert run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--valid-from", "2013-01-01", db=url).returncode == 0
    csv = run(sopla_bin, "export", "units", "--level", "municipality", db=url)
    assert csv.returncode == 0, csv.stderr
    lines = csv.stdout.strip().splitlines()
    assert len(lines) == 24 and lines[0].startswith("Gebietsschlüssel;ARS;Name;")
    out = os.path.join(workdir, "out.geojson")
    result = run(sopla_bin, "export", "units", "--format", "geojson", "--output", out, db=url)
    assert result.returncode == 0, result.stderr
    with open(out) as f:
        data = json.load(f)
    assert len([f for f in data["features"] if f["properties"]["level"] == "municipality"]) == 23
    # Before the Gebietsstand of 2013 there are no boundaries; a bad date is named.
    old = run(sopla_bin, "export", "units", "--format", "geojson", "--date", "2012-12-31", db=url)
    assert old.returncode == 0, old.stderr
    assert json.loads(old.stdout)["features"] == []
    bad = run(sopla_bin, "export", "units", "--format", "geojson", "--date", "31.12.2012", db=url)
    assert bad.returncode != 0
    assert "--date 31.12.2012 is not a date" in bad.stderr


def test_planning_area_by_hand(sopla_bin, workdir):
    db_path, url = county_db(sopla_bin, workdir)
    assert run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--valid-from", "2013-01-01", db=url).returncode == 0
    ok = run(sopla_bin, "unit", "create", "--parent", "06532023", "--key", "06532023-001", "--name", "Altstadt", db=url)
    assert ok.returncode == 0, ok.stderr
    assert "Created Planungsraum Altstadt (06532023-001)." in ok.stdout
    again = run(sopla_bin, "unit", "create", "--parent", "06532023", "--key", "06532023-001", "--name", "Altstadt", db=url)
    assert again.returncode != 0
    assert "a spatial unit with this key exists already" in again.stderr
    bad = run(sopla_bin, "unit", "create", "--parent", "06532023", "--key", "06532022-002", "--name", "X", db=url)
    assert bad.returncode != 0
    assert "does not start with its parent's key" in bad.stderr


def test_planning_areas_by_import(sopla_bin, workdir):
    db_path, url = county_db(sopla_bin, workdir)
    assert run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--valid-from", "2013-01-01", db=url).returncode == 0
    areas = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "06532023-N", "name": "Nord"},
         "geometry": {"type": "Polygon", "coordinates": [[[8.49, 50.56], [8.51, 50.56], [8.51, 50.58], [8.49, 50.56]]]}},
        {"type": "Feature", "properties": {"id": "06532023-S", "name": "Süd"},
         "geometry": {"type": "Polygon", "coordinates": [[[8.49, 50.54], [8.51, 50.54], [8.51, 50.56], [8.49, 50.54]]]}}]}
    path = os.path.join(workdir, "areas.geojson")
    with open(path, "w") as f:
        json.dump(areas, f)
    result = run(sopla_bin, "import", "boundaries", path, "--level", "planning-area", "--key-property", "id", "--parent", "06532023", db=url)
    assert result.returncode == 0, result.stderr
    assert "2 created" in result.stdout
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT key, parent_key, level FROM spatial_units WHERE level = 'planning-area' ORDER BY key").fetchall()
    assert rows == [("06532023-N", "06532023", "planning-area"), ("06532023-S", "06532023", "planning-area")]


@pytest.mark.skipif(not os.environ.get("SOPLA_TEST_PG_URL"), reason="needs the PostgreSQL that scripts/test starts")
def test_postgres_production_path(sopla_bin, workdir):
    url = os.environ["SOPLA_TEST_PG_URL"]
    assert run(sopla_bin, "migrate", db=url).returncode == 0
    result = run(sopla_bin, "export", "units", db=url)
    assert result.returncode == 0, result.stderr


def test_busy_port_is_named(sopla_bin, workdir):
    import socket

    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        result = run(sopla_bin, "serve", "--port", str(port), db=f"sqlite:{os.path.join(workdir, 'busy.sqlite')}")
    assert result.returncode != 0
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr


def test_bad_port_is_named(sopla_bin, workdir):
    result = run(sopla_bin, "serve", "--port", "70000", db=f"sqlite:{os.path.join(workdir, 'p.sqlite')}")
    assert result.returncode != 0
    assert "--port 70000 is not a TCP port (1–65535)" in result.stderr
    result = run(sopla_bin, "serve", "--port", "abc", db=f"sqlite:{os.path.join(workdir, 'p.sqlite')}")
    assert result.returncode != 0
