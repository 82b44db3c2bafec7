"""Waiting for the page a click leads to.

Selenium's `staleness_of` only ignores StaleElementReferenceException; newer Chromium answers a node of a
replaced document with "Node with given id does not belong to the document", so we mark the old window
instead and wait until a new, fully loaded document has replaced it.
"""
from selenium.webdriver.support.ui import WebDriverWait


def follow(driver, element):
    """Clicks a link or button and waits until the next page has loaded."""
    driver.execute_script("window.__soplaPreviousPage = true;")
    element.click()
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return window.__soplaPreviousPage === undefined && document.readyState === 'complete';")
    )
