"""Benchmark row 4 in its own process: python _recommend_timing.py COUNT RUNS.

Prints the median seconds of one recommendation over a generated catalog of COUNT
products. Each size runs in a fresh process, so what earlier rows left on the heap does not
change how the products are laid out in memory.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from serumdesk.domain.advice.recommendation import recommend
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import Active, Caution, Diet, Procedure, Sensitivity, UseCase
from serumdesk.storage.data_files import load_catalog, load_vocabulary
from serumdesk.storage.paths import bundled_catalog_path, bundled_ingredients_path

ANSWERS = Answers(
    use_case=UseCase.POST_PROCEDURE,
    sensitivity=Sensitivity.HIGH,
    diet=Diet.NO_FETAL_CELL_LINE,
    cautions=frozenset(Caution),
    allergens=("lanolin", "fish"),
    actives=frozenset(Active),
    budget_usd_per_month=120,
    procedure=Procedure.MICRONEEDLING,
    days_since_procedure=3,
)
"""Answers that reach every rule: diet, allergies, fragrance, medical gates, a procedure,
stacked actives and a budget."""


def generated_catalog(count: int) -> Catalog:
    """The bundled products repeated `count` times over, with spread prices."""
    bundled = load_catalog(bundled_catalog_path())
    seeds = bundled.products
    products = []
    for i in range(count):
        seed = seeds[i % len(seeds)]
        price = replace(seed.price, usd=seed.price.usd * (0.5 + (i % 97) / 97))
        products.append(replace(seed, id=f"{seed.id}-{i}", price=price))
    return replace(bundled, products=products)


def median_seconds(count: int, runs: int) -> float:
    catalog = generated_catalog(count)
    vocabulary = load_vocabulary(Path(bundled_ingredients_path()))
    recommend(catalog, ANSWERS, vocabulary=vocabulary)  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        recommend(catalog, ANSWERS, vocabulary=vocabulary)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


if __name__ == "__main__":
    print(median_seconds(int(sys.argv[1]), int(sys.argv[2])))
