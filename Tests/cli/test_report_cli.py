"""`sopla report profiles`: every municipality's profile as HTML and PDF in one command, with public figures only."""
import subprocess

from test_cli import run, workdir  # noqa: F401  (fixture)
from test_import_data_cli import demo_db  # noqa: F401  (fixture)


def test_all_profiles_in_one_command(sopla_bin, demo_db, tmp_path):  # noqa: F811
    _, url = demo_db
    out = tmp_path / "steckbriefe"
    missing = run(sopla_bin, "report", "profiles", db=url)
    assert missing.returncode != 0 and "--out is required" in missing.stderr
    wrong = run(sopla_bin, "report", "profiles", "--out", str(out), "--level", "street", db=url)
    assert wrong.returncode != 0 and "--level must be municipality, planning-area or all" in wrong.stderr
    none = run(sopla_bin, "report", "profiles", "--out", str(out), "--level", "planning-area", "--html-only", db=url)
    assert none.returncode != 0 and "there are no planning areas" in none.stderr
    done = run(sopla_bin, "report", "profiles", "--out", str(out), db=url, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Wrote 23 profiles" in done.stdout
    assert len(list(out.glob("*.html"))) == 23 and len(list(out.glob("*.pdf"))) == 23
    text = subprocess.run(["pdftotext", "-layout", str(out / "06532023.pdf"), "-"], capture_output=True, check=True).stdout.decode()
    assert "Gemeindesteckbrief: Stadt Wetzlar" in text and "Seite 1 von" in text
    assert "Angebote im Gebiet" in text and "Schwangerschafts" in text
    html = (out / "06532002.html").read_text()
    # Bischoffen's residential care figure is a small count: the profile says it is kept secret, never the number.
    assert "Gemeindesteckbrief: Gemeinde Bischoffen" in html
    row = html[html.index("Heimerziehung je 1.000"):]
    row = row[:row.index("</tr>")]
    assert "geheim gehalten" in row
