"""Synthetic Germany-sized statistics for the import and indicator benchmarks: 16 Länder, 400 counties,
11,000 municipalities (tiny square boundaries), and a sopla long CSV of 10 variables × 10 dates per municipality
(1,100,000 observations). Deterministic: the same files every run.
    python3 bench/generate_statistics.py OUTPUT_DIR"""
import json
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = random.Random(42)
LANDS, COUNTIES, MUNICIPALITIES = 16, 400, 11_000
DATES = [f"{year}-12-31" for year in range(2015, 2025)]
VARIABLES = [f"v{i:02d}" for i in range(1, 11)]


def square(x, y, size):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]}


def collection(features):
    return {"type": "FeatureCollection", "features": features}


lands, counties, municipalities = [], [], []
for l in range(LANDS):
    key = f"{l + 1:02d}"
    lands.append({"type": "Feature", "properties": {"key": key, "name": f"Land {key}"}, "geometry": square(6 + l * 0.5, 48, 0.4)})
county_keys = []
for c in range(COUNTIES):
    land = c % LANDS
    key = f"{land + 1:02d}{c // LANDS + 100:03d}"
    county_keys.append(key)
    counties.append({"type": "Feature", "properties": {"key": key, "name": f"Kreis {key}"},
                     "geometry": square(6 + land * 0.5 + (c // LANDS) * 0.015, 48.5, 0.01)})
municipality_keys = []
for m in range(MUNICIPALITIES):
    county = county_keys[m % COUNTIES]
    key = f"{county}{m // COUNTIES + 1:03d}"
    municipality_keys.append(key)
    municipalities.append({"type": "Feature", "properties": {"key": key, "name": f"Gemeinde {key}"},
                           "geometry": square(6 + (m % 400) * 0.02, 49 + (m // 400) * 0.02, 0.015)})
for name, features in (("lands", lands), ("counties", counties), ("municipalities", municipalities)):
    with open(os.path.join(out, f"{name}.geojson"), "w") as f:
        json.dump(collection(features), f)

with open(os.path.join(out, "observations.csv"), "w") as f:
    f.write("variable,ags,reference_date,value,status\n")
    for key in municipality_keys:
        population = rng.randint(300, 60_000)
        for variable_index, variable in enumerate(VARIABLES):
            for date_index, date in enumerate(DATES):
                # v01 is a population, v02 a share of it (numerator of the rate indicator), the rest counts.
                if variable_index == 0:
                    value = population + date_index * rng.randint(-30, 30)
                elif variable_index == 1:
                    value = int(population * (0.05 + 0.1 * rng.random()))
                else:
                    value = rng.randint(0, 5000)
                f.write(f"{variable},{key},{date},{value},\n")
with open(os.path.join(out, "variables.txt"), "w") as f:
    f.write("\n".join(VARIABLES) + "\n")
print(f"{MUNICIPALITIES * len(VARIABLES) * len(DATES)} observations for {MUNICIPALITIES} municipalities in {out}")
