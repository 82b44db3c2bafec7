"""The README's planning-area import, as printed: two planning areas of Wetzlar numbered 1 and 2 in a GeoJSON file,
`sopla import boundaries planungsraeume.geojson --level planning-area --key-property id --parent 06532023`."""
import json
import os
import sqlite3
import subprocess

from test_cli import DEMO_GEOJSON, county_db, run, workdir  # noqa: F401  (fixture)


def planning_areas(features):
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props,
         "geometry": {"type": "Polygon", "coordinates": [[[west, 50.55], [west + 0.02, 50.55], [west + 0.02, 50.565], [west, 50.565], [west, 50.55]]]}}
        for props, west in features]}


def wetzlar_db(sopla_bin, workdir):
    db_path, url = county_db(sopla_bin, workdir)
    assert run(sopla_bin, "import", "boundaries", DEMO_GEOJSON, "--valid-from", "2013-01-01", db=url).returncode == 0
    return db_path, url


def test_the_readme_example_imports_two_planning_areas_of_wetzlar(sopla_bin, workdir):
    db_path, url = wetzlar_db(sopla_bin, workdir)
    path = os.path.join(workdir, "planungsraeume.geojson")
    with open(path, "w") as f:
        json.dump(planning_areas([({"id": "1", "name": "Altstadt"}, 8.49), ({"id": "2", "name": "Niedergirmes"}, 8.47)]), f)
    # As printed: in the folder of the file, with its name only.
    result = subprocess.run([os.path.abspath(sopla_bin), "import", "boundaries", "planungsraeume.geojson", "--level", "planning-area", "--key-property", "id",
                             "--parent", "06532023"], env=dict(os.environ, SOPLA_DATABASE_URL=url), cwd=workdir,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "2 created, 0 new Gebietsstand, 0 updated, 0 unchanged" in result.stdout
    with sqlite3.connect(db_path) as conn:
        units = conn.execute("SELECT key, name, kind, level, parent_key FROM spatial_units WHERE parent_key = '06532023' ORDER BY key").fetchall()
    assert units == [("06532023-1", "Altstadt", "Planungsraum", "planning-area", "06532023"),
                     ("06532023-2", "Niedergirmes", "Planungsraum", "planning-area", "06532023")]
    # Full keys in the file are taken as they are; the same areas again change nothing.
    with open(path, "w") as f:
        json.dump(planning_areas([({"id": "06532023-1", "name": "Altstadt"}, 8.49), ({"id": "2", "name": "Niedergirmes"}, 8.47)]), f)
    again = run(sopla_bin, "import", "boundaries", path, "--level", "planning-area", "--key-property", "id", "--parent", "06532023",
                "--valid-from", "2025-01-01", db=url)
    assert again.returncode == 0, again.stderr
    assert "0 created, 0 new Gebietsstand, 0 updated, 2 unchanged" in again.stdout


def test_a_bad_planning_area_file_names_feature_property_and_value(sopla_bin, workdir):
    db_path, url = wetzlar_db(sopla_bin, workdir)
    path = os.path.join(workdir, "planungsraeume.geojson")
    with open(path, "w") as f:
        json.dump(planning_areas([({"id": "1", "name": "Altstadt"}, 8.49), ({"id": "Nord Ost", "name": "Nordost"}, 8.47)]), f)
    result = run(sopla_bin, "import", "boundaries", path, "--level", "planning-area", "--key-property", "id", "--parent", "06532023", db=url)
    assert result.returncode != 0
    assert "nothing was imported" in result.stderr
    assert 'feature 1, property "id", value "06532023-Nord Ost"' in result.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM spatial_units WHERE parent_key = '06532023'").fetchone() == (0,)
