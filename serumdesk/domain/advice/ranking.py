"""Ranking: every product scored by the guide's rules (rules.py), best first, in one pass.

prepare() lays a catalog out once for ranking: what each product contributes whatever the
answers, in flat arrays, in tie-break order (cheaper per month first, then by id). A
ranking then adds up each product's points from parts worked out once per distinct set of
traits, and orders the products by bucketing their scores: time grows with the catalog,
not faster. Reasons, cautions and the Match objects themselves are made when someone
looks at a product, not for every product ranked.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from serumdesk.domain.advice.allergy import index_tokens, product_reading, query_names, query_tokens
from serumdesk.domain.advice.cautions import CautionNote, cautions_for
from serumdesk.domain.advice.cost import CostEstimate, catalog_cost, estimate_cost
from serumdesk.domain.advice.rules import (
    DIET_LEAVES_OUT,
    USE_CASE_BITS,
    ExclusionReason,
    RawReason,
    Reason,
    Situation,
    assess,
    budget_points,
    exclusion_reasons,
    origin_of,
    signature,
    situational_reasons,
    standing,
    worded,
)
from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.catalog.product import Product

if TYPE_CHECKING:
    from serumdesk.domain.catalog.product import Catalog
    from serumdesk.domain.ingredients.vocabulary import Vocabulary


class Match:
    """One ranked product: its standing and cost; reasons and cautions are worded on first look.

    A plain slotted class rather than a dataclass: a ranking may make many. Read-only by
    convention.
    """

    __slots__ = ("_cautions", "_raw", "_reasons", "_situation", "answers", "cost", "fits_use_case",
                 "over_budget", "product", "rank", "score")

    def __init__(self, product: Product, score: int, cost: CostEstimate, over_budget: bool,
                 fits_use_case: bool, answers: Answers, situation: Situation, rank: int) -> None:
        self.product = product
        self.rank = rank
        self.score = score
        self.cost = cost
        self.over_budget = over_budget
        self.fits_use_case = fits_use_case
        self.answers = answers
        self._situation = situation
        self._raw: list[RawReason] | None = None
        self._reasons: tuple[Reason, ...] | None = None
        self._cautions: tuple[CautionNote, ...] | None = None

    def __repr__(self) -> str:
        return f"Match(#{self.rank} {self.product.id}, score {self.score})"

    @property
    def raw_reasons(self) -> list[RawReason]:
        """Every contribution to the score, not yet worded; their points add up to it."""
        if self._raw is None:
            self._raw = assess(self.product, self._situation, self.cost)
        return self._raw

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every contribution to the score, worded when first asked for."""
        if self._reasons is None:
            self._reasons = tuple(map(worded, self.raw_reasons))
        return self._reasons

    @property
    def cautions(self) -> tuple[CautionNote, ...]:
        """The cautions for this person, built when first asked for (never hidden)."""
        if self._cautions is None:
            self._cautions = tuple(cautions_for(self.product, self.answers))
        return self._cautions


@dataclass(frozen=True, slots=True)
class Exclusion:
    product: Product
    reasons: tuple[ExclusionReason, ...]


@dataclass(frozen=True, slots=True)
class _Layout:
    """A catalog laid out for ranking: one entry per product, in tie-break order."""

    products: list[Product]
    costs: list[CostEstimate]
    monthly: array[float]
    signatures: array[int]
    """The traits the answer-dependent rules read (rules.signature)."""
    uses: array[int]
    """The use cases each product suits, as rules.USE_CASE_BITS."""
    standing: array[int]
    """Points that do not depend on the answers."""
    origins: array[int]
    """rules.Origin bits, for diet answers."""
    scented: array[int]
    text: str
    """Ingredient names in one string, to look for an allergy in one sweep rather than by
    visiting every product: with a vocabulary, the names it cannot read (as matching keys,
    space-padded); without one, every listed name, casefolded."""
    text_starts: array[int]
    """Where each product's part of `text` starts."""
    positions: dict[str, int]
    vocabulary: Vocabulary | None
    allergy_index: dict[str, list[int]]
    """allergy.index_tokens → the products that have them (empty without a vocabulary)."""


def _layout(products: Iterable[Product], vocabulary: Vocabulary | None) -> _Layout:
    ordered = sorted(products, key=lambda p: (catalog_cost(p).cost_per_month_usd, p.id))
    costs = [catalog_cost(p) for p in ordered]
    facts = [p.facts for p in ordered]
    index: dict[str, list[int]] = {}
    if vocabulary is None:
        texts = ["\x00".join(folded for _, folded in f.searchable) for f in facts]
    else:
        texts = []
        for i, (product, f) in enumerate(zip(ordered, facts, strict=True)):
            reading = product_reading([name for name, _ in f.searchable], product.memo, vocabulary)
            for token in index_tokens(reading):
                index.setdefault(token, []).append(i)
            texts.append("\x00".join(f" {key} " for _, key in reading.unread))
    starts, offset = array("q"), 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return _Layout(
        products=ordered,
        costs=costs,
        monthly=array("d", (c.cost_per_month_usd for c in costs)),
        signatures=array("q", map(signature, facts, costs)),
        uses=array("q", (sum(USE_CASE_BITS[u] for u in f.use_cases) for f in facts)),
        standing=array("q", (sum(r[0] for r in standing(p)) for p in ordered)),
        origins=array("b", (origin_of(f) for f in facts)),
        scented=array("b", (bool(f.scented) for f in facts)),
        text="\x01".join(texts),
        text_starts=starts,
        positions={f.id: i for i, f in enumerate(facts)},
        vocabulary=vocabulary,
        allergy_index=index,
    )


def prepare(catalog: Catalog, vocabulary: Vocabulary | None = None) -> None:
    """Lay the catalog out for ranking, once (the catalog loader does, after loading)."""
    key = "ranking.layout" if vocabulary is None else "ranking.layout.vocabulary"
    catalog.memo[key] = _layout(catalog.products, vocabulary)


def rank(products: Iterable[Product], answers: Answers, overrides: Overrides | None = None,
         vocabulary: Vocabulary | None = None) -> Ranking:
    """Apply every rule to every product; same answers, same order. Allergies are matched on
    the vocabulary, or by the literal text typed when there is none."""
    return _rank(_layout(products, vocabulary), answers, overrides)


def rank_catalog(catalog: Catalog, answers: Answers, overrides: Overrides | None = None,
                 vocabulary: Vocabulary | None = None) -> Ranking:
    """rank() for a whole catalog, laid out by prepare() (once per vocabulary, on first use)."""
    # One layout without the vocabulary and one with it, so answers with and without
    # allergies do not lay the catalog out again each time.
    key = "ranking.layout" if vocabulary is None else "ranking.layout.vocabulary"
    layout = catalog.memo.get(key)
    if not isinstance(layout, _Layout) or layout.vocabulary is not vocabulary:
        layout = catalog.memo[key] = _layout(catalog.products, vocabulary)
    return _rank(layout, answers, overrides)


def _rank(layout: _Layout, answers: Answers, overrides: Overrides | None) -> Ranking:
    return _scored(layout, answers, overrides, Situation.of(answers, layout.vocabulary))


def _scored(layout: _Layout, answers: Answers, overrides: Overrides | None,
            s: Situation) -> Ranking:
    limit = -1.0 if s.budget is None else s.budget + 0.005  # cents of rounding are not over
    within_points, over_points = budget_points(s.budget)
    use_bit = USE_CASE_BITS[s.use_case]
    diet = int(DIET_LEAVES_OUT[s.diet])  # a plain int: IntFlag arithmetic is slow per product
    needles = [needle for _, needle in s.allergens]
    fragrance = s.fragrance_sensitive
    may_exclude = bool(diet or needles or fragrance)
    products = layout.products
    allergic = (_allergy_candidates(layout, needles) if s.vocabulary is None
                else _vocabulary_candidates(layout, s))
    mine = {layout.positions[pid]: estimate_cost(products[layout.positions[pid]], override)
            for pid, override in (overrides.by_product.items() if overrides else ())
            if pid in layout.positions}
    # A product's answer-dependent points follow from a few of its traits (its signature):
    # they are worked out for the first product with each signature and reused for the rest.
    points: dict[int, int] = {}
    # Within budget first whenever a budget is given, then by score: the key is the score,
    # pushed below every within-budget key when the product is over budget.
    buckets: dict[int, list[int]] = {}
    score_of: dict[int, int] = {}
    excluded: list[Exclusion] = []
    entries = zip(layout.monthly, layout.signatures, layout.uses, layout.standing,
                  layout.origins, layout.scented, strict=True)
    for i, (monthly, traits, uses, base, origin, scented) in enumerate(entries):
        if may_exclude and (origin & diet or (fragrance and scented) or i in allergic):
            reasons = exclusion_reasons(products[i], s)
            if reasons:
                excluded.append(Exclusion(products[i], tuple(reasons)))
                continue
        if mine and i in mine:
            cost = mine[i]
            monthly, traits = cost.cost_per_month_usd, signature(products[i].facts, cost)
        key = traits | (uses & use_bit)
        situational = points.get(key)
        if situational is None:
            cost = mine.get(i) or layout.costs[i]
            situational = points[key] = sum(r[0] for r in situational_reasons(products[i], s, cost))
        over = monthly > limit >= 0
        score = situational + base + (over_points if over else within_points)
        score_of[i] = score
        bucket_key = score - _OVER_BUDGET_TIER if over else score
        same = buckets.get(bucket_key)
        if same is None:
            buckets[bucket_key] = [i]
        else:
            same.append(i)
    # Best first; within a bucket the layout's order (cheaper, then by id) holds.
    order = [i for key in sorted(buckets, reverse=True) for i in buckets[key]]
    if mine:  # someone's own figures moved a product's cost: order afresh
        def sort_key(i: int) -> tuple[bool, int, float, str]:
            monthly = mine[i].cost_per_month_usd if i in mine else layout.monthly[i]
            return (monthly > limit >= 0, -score_of[i], monthly, products[i].id)
        order.sort(key=sort_key)
    scores = [score_of[i] for i in order]
    excluded.sort(key=lambda e: e.product.id)
    return Ranking(_Matches(layout, order, scores, mine, answers, s, limit), tuple(excluded))


_OVER_BUDGET_TIER = 1 << 40
"""Far below any real score: over-budget products sort after every within-budget one."""


def _allergy_candidates(layout: _Layout, needles: list[str]) -> set[int]:
    """The products whose ingredients contain any of `needles` (exclusion_reasons then
    says which ingredient), found by sweeping one string rather than visiting every product."""
    text, starts = layout.text, layout.text_starts
    found: set[int] = set()
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            following = index + 1
            at = text.find(needle, starts[following]) if following < len(starts) else -1
    return found


def _vocabulary_candidates(layout: _Layout, s: Situation) -> set[int]:
    """The products that may match one of the allergies: by the index of what their
    ingredients are, then by sweeping the names the vocabulary could not read."""
    assert s.vocabulary is not None
    found: set[int] = set()
    for query in s.allergies:
        for token in query_tokens(query):
            found.update(layout.allergy_index.get(token, ()))
        found |= _allergy_candidates(layout, [f" {k} " for k in query_names(query, s.vocabulary)])
    return found


class _Matches(Sequence[Match]):
    """The ranked matches, each made the first time it is looked at."""

    def __init__(self, layout: _Layout, order: list[int], scores: list[int],
                 costs: dict[int, CostEstimate], answers: Answers, situation: Situation,
                 limit: float) -> None:
        self._layout, self._order, self._scores, self._costs = layout, order, scores, costs
        self._answers, self._situation, self._limit = answers, situation, limit
        self._made: list[Match | None] = [None] * len(order)

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> Match: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Match, ...]: ...

    def __getitem__(self, index: int | slice) -> Match | tuple[Match, ...]:
        if isinstance(index, slice):
            return tuple(self._match(k) for k in range(*index.indices(len(self._order))))
        if index < 0:
            index += len(self._order)
        if not 0 <= index < len(self._order):
            raise IndexError("match index out of range")
        return self._match(index)

    def __iter__(self) -> Iterator[Match]:
        return map(self._match, range(len(self._order)))

    def __repr__(self) -> str:
        return f"<{len(self)} matches>"

    def _match(self, k: int) -> Match:
        made = self._made[k]
        if made is None:
            i, layout = self._order[k], self._layout
            cost = self._costs.get(i) or layout.costs[i]
            over = cost.cost_per_month_usd > self._limit >= 0
            fits = bool(layout.uses[i] & USE_CASE_BITS[self._answers.use_case])
            made = self._made[k] = Match(layout.products[i], self._scores[k], cost, over, fits,
                                         self._answers, self._situation, k + 1)
        return made


@dataclass(frozen=True, slots=True)
class Ranking:
    matches: Sequence[Match]
    """Best first; each Match is made the first time it is looked at."""
    excluded: tuple[Exclusion, ...]

    @property
    def alternatives(self) -> tuple[Match, ...]:
        """The guide's lower-cost alternatives among the matches."""
        return tuple(m for m in self.matches if m.product.alternative is not None)
