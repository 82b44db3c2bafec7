"""An independent attacker against every public output: each scenario sets up a demo as a planner would, downloads
everything public (before and after a correction where the scenario has one), and asserts that no hidden count
can be narrowed below its protection level (at least `minimum` possible values, and possibly ≥ minimum).

What the attacker finds on the committed state before the new disclosure control (HEAD aa25a02, built at
/tmp/attacker-baseline/sopla):
  1. plain demo: 21 hidden counts of `heim` narrowed, e.g. heim 2021-12-31 Bischoffen, Dietzhölztal, Hohenahr
     and Leun each exactly [2, 2] (werte.csv labels them primary; county 182 − published 174 = 8 over four cells
     of 1 or 2), heim 2020-12-31 Dietzhölztal and Siegbach [2, 2], the others [1, 2].
  2. revision (edition 1 of a report with heim_je_1000 published, then the correction heim,06532019,2020-12-31,3,r):
     the live pages now hide Bischoffen 2020 (secondary) that edition and earlier pages showed: heim 2020-12-31
     Bischoffen [3, 3] and Dietzhölztal [2, 2] in the corrected release, plus the 21 counts of case 1 in each release.
  3. partial breakdown (alo_teil total 25 and women 24 for Siegbach, indicator alo_teil[sex=f] / alo_teil): the men
     of Siegbach, never published, are [1, 1].
  4. planning areas of Wetzlar (4, 3, 41; Wetzlar 48) and hze_anzahl with minimumCount 5 for planning areas: the
     indicator pages hide 4 and 3, the profiles show the municipality's 48: 06532023-001 and -002 each [3, 4].
  5. two editions with the correction between: as 2 (Bischoffen 2020 [3, 3] in the second release).
  Funding in figures: not shown by this attacker — the directory lists two providers of pregnancy counselling,
  so it cannot tell that the category total of 85.000 € is one provider's grant.
"""
import pytest

from attacker import analyse, ancestors_of, download, funding_findings

CORRECTION = "heim,06532019,2020-12-31,3,r"


def attack(archives, indicator_minimums=None):
    knowledge, site = analyse(archives, indicator_minimums=indicator_minimums)
    found, notes = knowledge.findings(ancestors_of(site))
    return found, notes, knowledge


def check(found, notes, extra=()):
    """Fails with every narrowed count (variable, date, unit, breakdown, interval, outputs used)."""
    if found or extra:
        lines = [str(f) for f in found] + list(extra) + ["note: " + n for n in notes]
        pytest.fail(f"{len(found) + len(extra)} disclosure(s):\n" + "\n".join(lines), pytrace=False)


def correct(demo):
    """The routine correction of one residential-care figure, in the long CSV format."""
    demo.import_and_release(["variable,ags,reference_date,value,status", CORRECTION], name="korrektur.csv")


def test_the_plain_demo_discloses_no_small_count(demo):
    archive = download(demo.url)
    found, notes, knowledge = attack([archive])
    assert knowledge.hidden, "the demo hides small counts of residential care; the attacker saw none"
    funding = funding_findings(archive)
    check(found, notes, funding)


def test_an_edition_and_the_corrected_live_figures_together_disclose_nothing(demo):
    planner = demo.planner()
    builder = planner.report("Sozialbericht (Angriffstest)", "2024-12-31", ["heim_je_1000"])
    planner.edition(builder)
    before = download(demo.url, pdfs=False)
    assert any("/daten.csv" in p for p in before.documents), "the published edition is not public"
    correct(demo)
    after = download(demo.url, pdfs=False)
    found, notes, _ = attack([before, after])
    check(found, notes)


def test_a_partly_delivered_breakdown_discloses_no_remainder(demo):
    planner = demo.planner()
    planner.variable("alo_teil", "Arbeitslose (Teillieferung)")
    planner.indicator("alo_teil_frauen", "Frauenanteil an den Arbeitslosen (Teillieferung)", "alo_teil[sex=f]", "alo_teil",
                      factor="100", decimals="1")
    demo.import_and_release(["variable,ags,reference_date,sex,value,status",
                             "alo_teil,06532019,2024-12-31,,25,", "alo_teil,06532019,2024-12-31,f,24,",
                             "alo_teil,06532023,2024-12-31,,2140,", "alo_teil,06532023,2024-12-31,f,951,"], name="alo_teil.csv")
    found, notes, _ = attack([download(demo.url, pdfs=False)])
    check(found, notes)


def test_profiles_and_indicator_pages_apply_the_same_minimum(demo):
    for n, name in enumerate(("Altstadt", "Niedergirmes", "Büblingshausen"), start=1):
        demo.planning_area("06532023", f"06532023-00{n}", f"{name} (Test)")
    planner = demo.planner()
    planner.variable("hze", "Hilfen zur Erziehung (Test)")
    planner.indicator("hze_anzahl", "Hilfen zur Erziehung (Test)", "hze", "", factor="1", decimals="0", minimum=5,
                      levels=["planning-area"])
    demo.import_and_release(["variable,ags,reference_date,value,status",
                             "hze,06532023-001,2024-12-31,4,", "hze,06532023-002,2024-12-31,3,", "hze,06532023-003,2024-12-31,41,",
                             "hze,06532023,2024-12-31,48,"], name="hze.csv")
    found, notes, _ = attack([download(demo.url)], indicator_minimums={"hze_anzahl": 5})
    check(found, notes)


def test_two_editions_with_a_correction_between_disclose_nothing(demo):
    planner = demo.planner()
    builder = planner.report("Sozialbericht (zwei Ausgaben)", "2024-12-31", ["heim_je_1000"])
    planner.edition(builder)
    first = download(demo.url, pdfs=False)
    correct(demo)
    planner.edition(builder)
    second = download(demo.url, pdfs=False)
    report = builder.rstrip("/").rsplit("/", 1)[-1]
    # Both editions of this report are public (the demo's example report is public beside them).
    assert sum(p.endswith("/daten.csv") and f"/{report}/" in p for p in second.documents) == 2, "both editions are public"
    found, notes, _ = attack([first, second])
    check(found, notes)
