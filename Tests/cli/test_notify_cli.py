"""`sopla notify reminders` as a daily job: members of bodies invited to a consultation are reminded of its deadline."""
import sqlite3

from test_cli import run, workdir  # noqa: F401  (fixture)
from test_import_data_cli import demo_db  # noqa: F401  (fixture)


def inbox_count(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT COUNT(*) FROM inbox_messages WHERE deleted = 0").fetchone()[0]


def test_reminders_within_the_window_only(sopla_bin, demo_db):  # noqa: F811
    db_path, url = demo_db
    # The demo consultation ends in 14 days: not within 3 days.
    quiet = run(sopla_bin, "notify", "reminders", "--days", "3", db=url)
    assert quiet.returncode == 0, quiet.stderr
    assert "Reminded 0 people" in quiet.stdout
    before = inbox_count(db_path)
    loud = run(sopla_bin, "notify", "reminders", "--days", "30", db=url)
    assert loud.returncode == 0, loud.stderr
    # The steering group has nine members; two of them (Gisela Gremm, Paul Planer) have logins and get a message in sopla.
    # The invited family centre has one user (Lars Lindner), who gets one too.
    assert "Reminded 10 people" in loud.stdout
    assert inbox_count(db_path) == before + 3
    bad = run(sopla_bin, "notify", "reminders", "--days", "0", db=url)
    assert bad.returncode != 0 and "--days must be between 1 and 60" in bad.stderr
