"""Prints a read-only API token of the demo planner, so the API checks run as a real machine client."""
import re
import sys

import requests

base = sys.argv[1]
session = requests.Session()
token = re.search(r'name="_csrf" value="([^"]+)"', session.get(base + "/anmelden").text).group(1)
response = session.post(base + "/anmelden", data={"_csrf": token, "email": "planung@demo.sopla.example", "password": "Bedarfe-Kennen-2026"})
form = re.search(r'name="_csrf" value="([^"]+)"', session.get(base + "/konto").text).group(1)
page = session.post(base + "/konto/tokens", data={"_csrf": form, "tokenName": "API-Prüfung", "scope": "read"}).text
print(re.search(r'id="neues-token">([^<]+)<', page).group(1))
