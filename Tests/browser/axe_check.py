"""Runs axe-core in the page and fails with a readable list of violations.

axe-selenium-python bundles axe-core 3.1, which predates WCAG 2.1; axe-core-python ships axe-core 4.4
with the WCAG 2.1 rules, so that copy is injected when present.
"""
import os

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _axe_source():
    try:
        import axe_core_python

        path = os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js")
    except ImportError:
        import axe_selenium_python

        path = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


AXE_SOURCE = _axe_source()


def assert_accessible(driver, context=""):
    driver.execute_script(AXE_SOURCE)
    driver.set_script_timeout(60)
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(function (r) { done(r); }).catch(function (e) { done({error: String(e)}); });",
        TAGS,
    )
    assert "error" not in results, f"axe failed to run: {results.get('error')}"
    violations = results["violations"]
    if violations:
        lines = []
        for v in violations:
            targets = [", ".join(node["target"]) for node in v["nodes"][:5]]
            lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
        raise AssertionError(f"axe found {len(violations)} violation(s) on {driver.current_url} {context}:\n" + "\n".join(lines))
    assert results["passes"], "axe ran no rule"
