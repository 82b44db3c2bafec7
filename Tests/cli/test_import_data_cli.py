"""`sopla import data` as a planner or administrator runs it: all or nothing, every bad row named by line, column and
value, re-imports that change nothing, GENESIS tables with a saved column mapping; values public only once released."""
import os
import re
import socket
import sqlite3
import subprocess
import time
import urllib.request

import pytest

from test_cli import run, workdir  # noqa: F401  (fixture)

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "genesis-samples")


@pytest.fixture
def demo_db(sopla_bin, workdir):  # noqa: F811
    """A database seeded by `sopla demo` (units, variables, figures), with the server stopped again."""
    db_path = os.path.join(workdir, "demo.sqlite")
    start_demo(sopla_bin, db_path)
    return db_path, f"sqlite:{db_path}"


def start_demo(sopla_bin, db_path, output=subprocess.DEVNULL):
    """Runs `sopla demo` on the database until it answers, then stops it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, SOPLA_DATABASE_URL=f"sqlite:{db_path}")
    process = subprocess.Popen([sopla_bin, "demo", "--port", str(port)], env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz") as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the demo did not start")
    finally:
        process.terminate()
        process.wait(timeout=30)


def dump(db_path):
    with sqlite3.connect(db_path) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("observations", "import_staging", "variables", "column_mappings", "data_versions")}


def write(workdir, name, text, encoding="utf-8"):  # noqa: F811
    path = os.path.join(workdir, name)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path


def test_import_data_has_help(sopla_bin):
    result = run(sopla_bin, "import", "data", "--help", db="sqlite::memory:")
    assert result.returncode == 0 and "Example" in result.stdout and "column,variable,breakdown" in result.stdout


def test_a_good_file_is_imported_once(sopla_bin, demo_db, workdir):  # noqa: F811
    db_path, url = demo_db
    path = write(workdir, "werte.csv", "variable,ags,reference_date,sex,value,status\nalo,06532001,2025-06-30,,420,p\nalo,06532001,2025-06-30,f,190,p\nalo,06532002,2025-06-30,,.,.\n")
    dry = run(sopla_bin, "import", "data", path, "--dry-run", db=url)
    assert dry.returncode == 0, dry.stderr
    assert "Dry run, nothing written" in dry.stdout and "3 new" in dry.stdout
    before = dump(db_path)
    first = run(sopla_bin, "import", "data", path, db=url)
    assert first.returncode == 0, first.stderr
    assert "3 new, 0 revised (older revision kept), 0 unchanged" in first.stdout
    after = dump(db_path)
    assert len(after["observations"]) == len(before["observations"]) + 3
    second = run(sopla_bin, "import", "data", path, db=url)
    assert second.returncode == 0 and "No changes" in second.stdout
    assert dump(db_path) == after


def test_a_bad_file_stores_nothing_and_names_every_bad_row(sopla_bin, demo_db, workdir):  # noqa: F811
    db_path, url = demo_db
    rows = [
        "variable,ags,reference_date,value,status",
        "alo,06532001,2023-12-31,5,",            # 2: fine on its own
        'alo,06532002,2023-12-31,"1,5",',        # 3: decimal comma in a comma file
        'alo,06532003,2023-12-31,"1 234",',      # 4: thousands separator
        "alo,06532004,2023-12-31,-3,",           # 5: negative count
        "wohngeld,06532005,2023-12-31,5,",       # 6: unknown variable
        "alo,06533001,2023-12-31,5,",            # 7: a municipality of another county
        "alo,06532006,31.12.2023,5,",            # 8: not an ISO date
        "alo,06532001,2023-12-31,6,",            # 9: duplicate of line 2
        "alo,06532007,2099-12-31,5,",            # 10: date out of range
    ]
    path = write(workdir, "fehler.csv", "\n".join(rows) + "\n")
    before = dump(db_path)
    result = run(sopla_bin, "import", "data", path, db=url)
    assert result.returncode == 1
    message = result.stderr + result.stdout
    assert "8 problem(s); nothing stored" in message
    for expected in ['line 3, column value, value "1,5": wrong decimal separator', 'line 4, column value, value "1 234": thousands separators',
                     'line 5, column value, value "-3": a count cannot be negative', 'line 6, column variable, value "wohngeld": unknown variable',
                     'line 7, column ags, value "06533001": unknown regional key', 'line 8, column reference_date, value "31.12.2023": not a date',
                     "line 9, column value", "duplicate of line 2", 'line 10, column reference_date, value "2099-12-31": date out of range']:
        assert expected in message, expected
    assert dump(db_path) == before


def test_wrong_encoding_and_mixed_formats_are_refused(sopla_bin, demo_db, workdir):  # noqa: F811
    db_path, url = demo_db
    before = dump(db_path)
    latin1 = write(workdir, "flat-latin1.csv", "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label;value_q\n"
                   "1000A;Bevölkerung;STAG;Stichtag;2022-05-15;GEOGM4;Gemeinden;065320001001;Aßlar, Stadt;14288;Anzahl;PRS018;Personen;e\n", encoding="latin-1")
    mapping = write(workdir, "map.csv", "column,variable,breakdown\nPRS018,bevoelkerung,\n")
    result = run(sopla_bin, "import", "data", latin1, "--mapping", mapping, db=url)
    assert result.returncode == 1 and "line 2" in result.stderr and "not valid UTF-8" in result.stderr
    # A file whose only line is refused: one problem, not a second one saying the file holds no values.
    only_latin1 = write(workdir, "nur-latin1.csv", "Merkmal;AGS;Stichtag;Wert\nalo;Göttingen;31.12.2023;5\n", encoding="latin-1")
    result = run(sopla_bin, "import", "data", only_latin1, db=url)
    assert result.returncode == 1 and "1 problem(s)" in result.stderr and "holds no values" not in result.stderr, result.stderr
    mixed = write(workdir, "gemischt.csv", "variable,ags,reference_date,value\nalo,06532001,2023-12-31,5\n06532;  Lahn-Dill-Kreis;253777;125090;128687\n")
    result = run(sopla_bin, "import", "data", mixed, db=url)
    assert result.returncode == 1 and "line 3" in result.stderr and "expected 4 columns, found 1" in result.stderr
    semicolon = write(workdir, "punkt.csv", "GENESIS-Tabelle: 99999-01\n;;31.12.2023\n;;Anteil\n06532;  Lahn-Dill-Kreis;12.5\n")
    result = run(sopla_bin, "import", "data", semicolon, "--mapping", write(workdir, "m2.csv", "column,variable,breakdown\nAnteil,alo,\n"), db=url)
    assert result.returncode == 1 and 'line 4, column Anteil, value "12.5": wrong decimal separator: this file uses ","' in result.stderr
    assert dump(db_path)["observations"] == before["observations"]


def test_a_genesis_table_is_proposed_mapped_once_and_checked_for_changed_shape(sopla_bin, demo_db, workdir):  # noqa: F811
    db_path, url = demo_db
    table = os.path.abspath(os.path.join(SAMPLES, "12411-01-01-4.csv"))
    before = dump(db_path)
    unmapped = run(sopla_bin, "import", "data", table, db=url)
    assert unmapped.returncode == 1
    assert "table 12411-01-01-4 needs a variable for each column" in unmapped.stderr and "Bevölkerungsstand" in unmapped.stderr
    # Said once, as sopla's own message, without a log line repeating it.
    assert unmapped.stderr.count("needs a variable for each column") == 1 and unmapped.stderr.startswith("sopla: error: table 12411-01-01-4")
    assert "--create-variables" in unmapped.stderr
    # A count column given by hand to the county's area in km²: refused, nothing written.
    wrong = run(sopla_bin, "import", "data", table, "--mapping", write(workdir, "falsch.csv", "column,variable,breakdown\nBevölkerungsstand,flaeche,\n"), db=url)
    assert wrong.returncode == 1 and "column Bevölkerungsstand (Anzahl) → flaeche (km²)" in wrong.stderr, wrong.stderr
    assert dump(db_path) == before
    # A dry run alone checks the table with the proposal's variables and writes nothing.
    checked = run(sopla_bin, "import", "data", table, "--dry-run", db=url)
    assert checked.returncode == 0 and "Dry run, nothing written" in checked.stdout and "3 new" in checked.stdout, checked.stderr
    # The proposal, shown by a dry run: one variable broken down by sex; nothing written, not even the variable.
    dry = run(sopla_bin, "import", "data", table, "--dry-run", "--create-variables", db=url)
    assert dry.returncode == 0, dry.stderr
    assert "bevoelkerungsstand (new): Bevölkerungsstand [Anzahl] by sex – 3 values of the county's units" in dry.stdout
    assert "of other regions (skipped): 1605" in dry.stdout and "Dry run, nothing written" in dry.stdout
    assert "6 values of the Land and Germany kept as reference values, 1605 values of other regions skipped" in dry.stdout
    after = dump(db_path)
    assert {t: after[t] for t in ("observations", "variables", "column_mappings")} == {t: before[t] for t in ("observations", "variables", "column_mappings")}
    # Accepted: the variable is created as a draft, the mapping saved, the county's three values stored.
    imported = run(sopla_bin, "import", "data", table, "--create-variables", db=url)
    assert imported.returncode == 0, imported.stderr
    assert "3 new" in imported.stdout and "values of other regions skipped" in imported.stdout
    with sqlite3.connect(db_path) as conn:
        values = conn.execute("SELECT breakdown, value FROM observations WHERE variable = 'bevoelkerungsstand' AND unit_key = '06532' "
                              "AND reference_date = '2018-12-31' ORDER BY breakdown").fetchall()
        state = conn.execute("SELECT state, unit, table_code FROM variables WHERE code = 'bevoelkerungsstand'").fetchone()
    assert values == [("", 253777.0), ("sex=f", 128687.0), ("sex=m", 125090.0)]
    assert state == ("draft", "Anzahl", "12411-01-01-4")
    # Its proposal now names the saved mapping; nothing would be created.
    shown = run(sopla_bin, "import", "data", table, "--dry-run", "--create-variables", db=url)
    assert "column Bevölkerungsstand: mapped to bevoelkerungsstand – 3 values of the county's units" in shown.stdout, shown.stdout
    assert "created as draft" not in shown.stdout and "(new)" not in shown.stdout
    # The next import of the table reuses the saved mapping: nothing new.
    again = run(sopla_bin, "import", "data", table, db=url)
    assert again.returncode == 0 and "No changes" in again.stdout, again.stderr
    # A revised edition of the table: the changed values become new revisions, the old ones are kept.
    with open(table, encoding="latin-1") as f:
        revised_text = f.read()
    assert revised_text.count("253777;125090;128687") == 1
    revised = write(workdir, "12411-berichtigt.csv", revised_text.replace("253777;125090;128687", "253780;125093;128687"), encoding="latin-1")
    corrected = run(sopla_bin, "import", "data", revised, db=url)
    assert corrected.returncode == 0, corrected.stderr
    assert "0 new, 2 revised (older revision kept), 1 unchanged" in corrected.stdout, corrected.stdout
    with sqlite3.connect(db_path) as conn:
        revisions = conn.execute("SELECT breakdown, value, revision, is_current FROM observations WHERE variable = 'bevoelkerungsstand' "
                                 "AND unit_key = '06532' AND reference_date = '2018-12-31' ORDER BY breakdown, revision").fetchall()
    assert revisions == [("", 253777.0, 1, 0), ("", 253780.0, 2, 1), ("sex=f", 128687.0, 1, 1), ("sex=m", 125090.0, 1, 0), ("sex=m", 125093.0, 2, 1)]
    # The same table code measuring something else: its saved mapping no longer fits, nothing is stored.
    with open(table, encoding="latin-1") as f:
        text = f.read()
    changed = write(workdir, "12411-geaendert.csv", text.replace("Bevölkerungsstand (Anzahl)", "Einwohner (Anzahl)"), encoding="latin-1")
    before = dump(db_path)
    result = run(sopla_bin, "import", "data", changed, db=url)
    assert result.returncode == 1 and "Einwohner" in result.stderr and "needs a variable for each column" in result.stderr
    assert dump(db_path)["observations"] == before["observations"]


def test_the_census_flat_file_matches_the_demo(sopla_bin, demo_db, workdir):  # noqa: F811
    db_path, url = demo_db
    flat = os.path.abspath(os.path.join(SAMPLES, "1000A-0000_de_flat.csv"))
    mapping = write(workdir, "zensus.csv", "column,variable,breakdown\nPRS018,bevoelkerung,\nPRS001,,\n")
    result = run(sopla_bin, "import", "data", flat, "--mapping", mapping, db=url)
    assert result.returncode == 0, result.stderr
    # The demo already holds the census figures of the 23 municipalities: all equal.
    assert "No changes" in result.stdout and "(23 values)" in result.stdout


def public_value(db_path, variable, unit, date, breakdown=""):
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT value FROM observations WHERE variable = ? AND unit_key = ? AND reference_date = ? AND breakdown = ? AND is_public = 1",
                           (variable, unit, date, breakdown)).fetchone()
    return row[0] if row else None


def test_imported_values_are_public_only_once_released(sopla_bin, demo_db, workdir):  # noqa: F811
    db_path, url = demo_db
    before = public_value(db_path, "kita_u3", "06532001", "2024-12-31")
    assert before is not None and before != 4711
    path = write(workdir, "kita.csv", "variable,ags,reference_date,value\nkita_u3,06532001,2024-12-31,4711\n")
    imported = run(sopla_bin, "import", "data", path, db=url)
    assert imported.returncode == 0, imported.stderr
    assert "0 new, 1 revised" in imported.stdout and "Not released" in imported.stdout
    run_id = re.search(r"Import run ([0-9a-f-]{36})", imported.stdout).group(1)
    assert public_value(db_path, "kita_u3", "06532001", "2024-12-31") == before
    released = run(sopla_bin, "import", "release", run_id, db=url)
    assert released.returncode == 0, released.stderr
    assert "1 value is public now" in released.stdout
    assert public_value(db_path, "kita_u3", "06532001", "2024-12-31") == 4711
    again = run(sopla_bin, "import", "release", run_id, db=url)
    assert again.returncode == 1 and "is released already" in again.stderr
    no_reason = run(sopla_bin, "import", "withdraw", run_id, db=url)
    assert no_reason.returncode == 1 and 'a withdrawal needs --reason' in no_reason.stderr
    assert public_value(db_path, "kita_u3", "06532001", "2024-12-31") == 4711
    withdrawn = run(sopla_bin, "import", "withdraw", run_id, "--reason", "Falsche Spalte", db=url)
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert public_value(db_path, "kita_u3", "06532001", "2024-12-31") == before
    assert run(sopla_bin, "import", "release", "kein-lauf", db=url).returncode == 1
    with sqlite3.connect(db_path) as conn:
        actions = [row[0] for row in conn.execute("SELECT action FROM audit_entries WHERE entity_id = ? ORDER BY at", (run_id.upper(),))]
    assert sorted(actions) == ["import-data", "release-data", "withdraw-release"]


def test_release_with_the_import_refuses_failed_rules_without_a_reason(sopla_bin, demo_db, workdir):  # noqa: F811
    db_path, url = demo_db
    earlier = public_value(db_path, "alo", "06532001", "2023-12-31", "sex=f")
    before = public_value(db_path, "alo", "06532001", "2024-12-31", "sex=f")
    # Three times last year's figure: the demo rule "change above 15 %" on alo fails.
    path = write(workdir, "alo.csv", f"variable,ags,reference_date,sex,value\nalo,06532001,2024-12-31,f,{int(earlier * 3)}\n")
    refused = run(sopla_bin, "import", "data", path, "--release", db=url)
    assert refused.returncode == 1
    assert "not released: validation rules failed (change-above alo)" in refused.stderr
    assert public_value(db_path, "alo", "06532001", "2024-12-31", "sex=f") == before
    run_id = re.search(r"Import run ([0-9a-f-]{36})", refused.stdout).group(1)
    released = run(sopla_bin, "import", "release", run_id, "--reason", "Neue Zählweise, geprüft", db=url)
    assert released.returncode == 0, released.stderr
    assert public_value(db_path, "alo", "06532001", "2024-12-31", "sex=f") == int(earlier * 3)
    # Without failed rules --release releases at once.
    kita = write(workdir, "kita.csv", "variable,ags,reference_date,value\nkita_u3,06532002,2024-12-31,4712\n")
    at_once = run(sopla_bin, "import", "data", kita, "--release", db=url)
    assert at_once.returncode == 0, at_once.stderr
    assert "Released import" in at_once.stdout
    assert public_value(db_path, "kita_u3", "06532002", "2024-12-31") == 4712


def test_an_import_interrupted_by_a_stop_is_marked_failed_when_sopla_starts_again(sopla_bin, demo_db, workdir):  # noqa: F811
    """sopla was killed while an import ran: the next start says so, marks the run failed and empties its staged values."""
    db_path, url = demo_db
    path = write(workdir, "werte.csv", "variable,ags,reference_date,value\nalo,06532001,2025-06-30,420\n")
    assert run(sopla_bin, "import", "data", path, db=url).returncode == 0
    with sqlite3.connect(db_path) as conn:
        run_id, = conn.execute("SELECT id FROM import_runs WHERE file_name = 'werte.csv'").fetchone()
        # As a kill leaves it: the run still running, part of its values staged.
        conn.execute("UPDATE import_runs SET state = 'running', finished_at = NULL WHERE id = ?", (run_id,))
        conn.execute("INSERT INTO import_staging (import_id, variable, unit_key, reference_date, breakdown, value, status) "
                     "VALUES (?, 'alo', '06532002', '2025-06-30', '', 7, 'final')", (run_id,))
    log = os.path.join(workdir, "demo.log")
    with open(log, "w") as output:
        start_demo(sopla_bin, db_path, output=output)
    with open(log) as f:
        assert "import of werte.csv" in f.read()
    with sqlite3.connect(db_path) as conn:
        state, issues = conn.execute("SELECT state, issues FROM import_runs WHERE id = ?", (run_id,)).fetchone()
        staged = conn.execute("SELECT COUNT(*) FROM import_staging").fetchone()[0]
    assert state == "failed" and "interrupted" in issues and staged == 0
