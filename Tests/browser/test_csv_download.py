"""A CSV downloaded by clicking its link is what German Excel opens by double-click."""
import os
import time

from selenium.webdriver.common.by import By


def test_clicking_an_indicator_csv_link_downloads_excel_ready_bytes(page, tmp_path):
    driver = page("/indikatoren/sgb2_quote_u18")
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    link = driver.find_element(By.CSS_SELECTOR, "p.downloads a[download='sgb2_quote_u18.csv']")
    link.click()
    # The file is named by the server (sgb2_quote_u18-<date>.csv); wait until Chromium has finished writing it.
    files = []
    for _ in range(80):
        files = [f for f in os.listdir(tmp_path) if f.endswith(".csv")]
        if files and not any(f.endswith(".crdownload") for f in os.listdir(tmp_path)):
            break
        time.sleep(0.25)
    assert len(files) == 1 and files[0].startswith("sgb2_quote_u18"), os.listdir(tmp_path)
    path = tmp_path / files[0]
    body = path.read_bytes()
    assert body.startswith(b"\xef\xbb\xbfGebietsschl\xc3\xbcssel;Gebiet;Stichtag;Wert;")
    lines = body[3:].decode("utf-8").split("\r\n")
    assert lines[-1] == "" and all(line.count(";") >= 9 for line in lines[:-1])
    values = [line.split(";")[3] for line in lines[1:-1]]
    assert any("," in value for value in values), "a rate has a decimal comma"
    assert not any("." in value for value in values)
    assert all(line.split(";")[2][2] == "." for line in lines[1:-1]), "dates as 31.12.2024"
