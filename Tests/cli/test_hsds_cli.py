"""`sopla export hsds` and `sopla import hsds` as an IT department runs them: the whole inventory as one HSDS 3.0
package, imported into an empty database and exported again with the same data; a broken package stores nothing."""
import json
import os
import sqlite3

from test_cli import DEMO_GEOJSON, county_db, run, workdir  # noqa: F401  (fixture)
from test_import_data_cli import demo_db  # noqa: F401  (fixture)


def without_times(value):
    if isinstance(value, dict):
        return {k: without_times(v) for k, v in value.items() if k != "last_modified"}
    if isinstance(value, list):
        return [without_times(v) for v in value]
    return value


def service_count(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT COUNT(*) FROM services").fetchone()[0]


def test_export_import_into_an_empty_database_and_export_again(sopla_bin, demo_db, workdir):  # noqa: F811
    _, demo_url = demo_db
    package_path = os.path.join(workdir, "angebote.json")
    exported = run(sopla_bin, "export", "hsds", "--output", package_path, db=demo_url)
    assert exported.returncode == 0, exported.stderr
    assert "Wrote 20 services" in exported.stdout
    package = json.load(open(package_path))
    assert {"organizations", "services", "taxonomies", "taxonomy_terms"} <= package.keys()
    # An empty database with only the spatial base.
    db_path, url = county_db(sopla_bin, workdir)
    base = run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--level", "municipality", "--key-property", "ags", "--name-property", "name", db=url)
    assert base.returncode == 0, base.stderr
    imported = run(sopla_bin, "import", "hsds", package_path, db=url)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 20 services" in imported.stdout
    again = run(sopla_bin, "export", "hsds", db=url)
    assert again.returncode == 0, again.stderr
    assert without_times(json.loads(again.stdout)) == without_times(package)
    assert service_count(db_path) == 20


def test_a_package_with_broken_references_stores_nothing(sopla_bin, demo_db, workdir):  # noqa: F811
    _, demo_url = demo_db
    package = json.loads(run(sopla_bin, "export", "hsds", db=demo_url).stdout)
    package["services"][0]["organization_id"] = "00000000-0000-4000-8000-0000000000aa"
    package["organizations"] = [o for o in package["organizations"] if "Caritas" not in o["name"]]
    path = os.path.join(workdir, "kaputt.json")
    json.dump(package, open(path, "w"))
    db_path, url = county_db(sopla_bin, workdir)
    run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--level", "municipality", "--key-property", "ags", "--name-property", "name", db=url)
    result = run(sopla_bin, "import", "hsds", path, db=url)
    assert result.returncode != 0
    assert "nothing was stored" in result.stderr
    assert "organization_id 00000000-0000-4000-8000-0000000000aa is not in the package" in result.stderr
    assert "Schuldnerberatung Wetzlar (Beispiel)" in result.stderr  # a Caritas service whose organisation is missing
    assert service_count(db_path) == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 0
    garbage = os.path.join(workdir, "kein.json")
    open(garbage, "w").write("kein JSON")
    result = run(sopla_bin, "import", "hsds", garbage, db=url)
    assert result.returncode != 0 and "the file is not JSON (" in result.stderr and "character 0" in result.stderr
