"""Writes the service benchmark data: 11,000 units (population, centre) in 400 counties and 20,000 services over 12
categories, each serving 1–5 units of its county, with a location near its first unit. Seeded, so every run is the same.
    python3 bench/generate_services.py OUT_DIR"""
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = random.Random(20261125)
CATEGORIES = ["frauenhaus", "fruehfoerderung", "familienentlastung", "schuldnerberatung", "familienzentrum", "selbsthilfe", "suchtberatung",
              "aidsberatung", "schwangerschaftsberatung", "erziehungsberatung", "jugendarbeit", "gemeindepsychiatrie"]
units = []
for county in range(400):
    clat, clon = rng.uniform(47.5, 54.8), rng.uniform(6.0, 14.8)
    for m in range(27 if county < 200 else 28):
        if len(units) == 11_000:
            break
        key = f"{county:05d}{m:03d}"
        units.append((key, rng.randint(500, 60_000), clat + rng.uniform(-0.25, 0.25), clon + rng.uniform(-0.35, 0.35)))
with open(os.path.join(out, "units.csv"), "w") as f:
    f.write("key,population,lat,lon\n")
    for key, pop, lat, lon in units:
        f.write(f"{key},{pop},{lat:.5f},{lon:.5f}\n")
by_county = {}
for unit in units:
    by_county.setdefault(unit[0][:5], []).append(unit)
counties = sorted(by_county)
with open(os.path.join(out, "services.csv"), "w") as f:
    f.write("id,category,fte,units,lat,lon,min_age,max_age,status\n")
    for i in range(20_000):
        members = by_county[rng.choice(counties)]
        area = rng.sample(members, rng.randint(1, 5))
        first = area[0]
        lat, lon = first[2] + rng.uniform(-0.02, 0.02), first[3] + rng.uniform(-0.02, 0.02)
        min_age = rng.choice(["", "", "18", "14"])
        max_age = rng.choice(["", "", "27", "6"]) if min_age != "18" else ""
        status = "active" if rng.random() < 0.95 else "inactive"
        f.write(f"{i},{rng.choice(CATEGORIES)},{rng.choice([0.5, 0.75, 1.0, 1.5, 2.0, 3.0])},{' '.join(u[0] for u in area)},{lat:.5f},{lon:.5f},{min_age},{max_age},{status}\n")
print(f"{len(units)} units, 20000 services in {out}")
