"""`sopla user` as a county's IT department uses it: first administrator, listing, password reset."""
import os
import shutil
import sqlite3
import subprocess
import tempfile

import pytest


def run(sopla_bin, *args, db, stdin=None):
    env = dict(os.environ, SOPLA_DATABASE_URL=db)
    return subprocess.run([sopla_bin, *args], env=env, capture_output=True, text=True, input=stdin, timeout=120)


@pytest.fixture
def db():
    path = tempfile.mkdtemp(prefix="sopla-user-")
    yield os.path.join(path, "u.sqlite")
    shutil.rmtree(path, ignore_errors=True)


def users(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT email, display_name, roles, active, password_hash IS NOT NULL FROM users ORDER BY email").fetchall()


def audit(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT action, entity_label, changes FROM audit_entries ORDER BY at").fetchall()


def test_the_first_administrator_is_created_from_the_command_line(sopla_bin, db):
    url = f"sqlite:{db}"
    result = run(sopla_bin, "user", "create", "--admin", "--email", "IT@Kreis.example", "--name", "Kreis-IT", "--password-stdin",
                 db=url, stdin="Drei-Birnen-im-Regen\n")
    assert result.returncode == 0, result.stderr
    assert "Created it@kreis.example (administrator)" in result.stdout
    assert users(db) == [("it@kreis.example", "Kreis-IT", "administrator", 1, 1)]
    hash_ = sqlite3.connect(db).execute("SELECT password_hash FROM users").fetchone()[0]
    assert hash_.startswith("$2") and "Drei-Birnen" not in hash_
    entries = audit(db)
    assert [e[0] for e in entries] == ["create"]
    assert "Drei-Birnen" not in str(entries)
    listed = run(sopla_bin, "user", "list", db=url)
    assert listed.returncode == 0
    assert listed.stdout.split("\t")[:4] == ["it@kreis.example", "Kreis-IT", "administrator", "active"]


@pytest.mark.parametrize("args,stdin,message", [
    (["--email", "a@kreis.example", "--admin"], "kurz\n", "password is too short (at least 12 characters)"),
    (["--email", "a@kreis.example", "--admin"], "Passwort2024!\n", "password is too common"),
    (["--email", "nicht-gueltig", "--admin"], "Drei-Birnen-im-Regen\n", "email is not a valid e-mail address"),
    (["--email", "a@kreis.example", "--roles", "planner,superuser"], "Drei-Birnen-im-Regen\n", "roles 'superuser' is unknown"),
    (["--email", "a@kreis.example", "--roles", "provider"], "Drei-Birnen-im-Regen\n", "organisations is required"),
    (["--admin"], "Drei-Birnen-im-Regen\n", "--email is required"),
])
def test_bad_input_is_named_and_nothing_is_created(sopla_bin, db, args, stdin, message):
    url = f"sqlite:{db}"
    result = run(sopla_bin, "user", "create", *args, "--password-stdin", db=url, stdin=stdin)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Fatal error" not in result.stderr
    if os.path.exists(db):
        assert users(db) == []


def test_a_second_account_with_the_same_address_is_refused(sopla_bin, db):
    url = f"sqlite:{db}"
    assert run(sopla_bin, "user", "create", "--admin", "--email", "it@kreis.example", "--password-stdin", db=url, stdin="Drei-Birnen-im-Regen\n").returncode == 0
    again = run(sopla_bin, "user", "create", "--admin", "--email", "IT@KREIS.example", "--password-stdin", db=url, stdin="Vier-Birnen-im-Regen\n")
    assert again.returncode == 1
    assert "email is already taken" in again.stderr
    assert len(users(db)) == 1


def test_password_reset_sets_a_password_or_prints_a_one_time_link(sopla_bin, db):
    url = f"sqlite:{db}"
    assert run(sopla_bin, "user", "create", "--email", "p@kreis.example", "--roles", "planner", "--password-stdin", db=url, stdin="Drei-Birnen-im-Regen\n").returncode == 0
    before = sqlite3.connect(db).execute("SELECT password_hash FROM users").fetchone()[0]
    reset = run(sopla_bin, "user", "reset-password", "--email", "P@kreis.example", "--password-stdin", db=url, stdin="Fuenf-Birnen-im-Regen\n")
    assert reset.returncode == 0, reset.stderr
    assert sqlite3.connect(db).execute("SELECT password_hash FROM users").fetchone()[0] != before
    link = run(sopla_bin, "user", "reset-password", "--email", "p@kreis.example", "--link", db=url)
    assert link.returncode == 0
    assert "/zugang/" in link.stdout and "valid 24 hours" in link.stdout
    token = link.stdout.strip().rsplit("/", 1)[1]
    stored = sqlite3.connect(db).execute("SELECT token_hash FROM access_links").fetchall()
    assert len(stored) == 1 and stored[0][0] != token
    unknown = run(sopla_bin, "user", "reset-password", "--email", "niemand@kreis.example", "--link", db=url)
    assert unknown.returncode == 1 and "no user with the e-mail address niemand@kreis.example" in unknown.stderr
    assert [a[0] for a in audit(db)] == ["create", "password-changed", "access-link-created"]
