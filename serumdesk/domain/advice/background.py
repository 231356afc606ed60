"""What these serums are, what claims to distrust, and what to ask a brand — each with its source.

Shown with the results, on the sheet and by `serumdesk recommend`, so a person reads the
guide's context and not only a ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

from serumdesk.domain import guide, medical
from serumdesk.domain.advice.rules import needs_clinician_ok
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.sources import Source
from serumdesk.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Statement:
    message: str
    """The English text, marked with N_: shown translated, as `text`."""
    source: Source

    @property
    def text(self) -> str:
        """The statement in the language text is made in now (a sheet may be in another
        language than the app)."""
        return _(self.message)


ABOUT_THESE_SERUMS: tuple[Statement, ...] = (
    Statement(
        N_(
            "Almost none of these serums contain live stem cells. They carry what stem cells give "
            "off when grown in a lab — conditioned media, exosomes, growth factors — or peptides "
            "and plant cell-culture extracts, which signal the skin's own repair."
        ),
        guide.FAQ,
    ),
    Statement(
        N_(
            "Expect supportive gains (hydration, calmer skin, texture over weeks), not the reversal "
            "of deep lines: there are fewer independent trials than for retinoids."
        ),
        guide.EVIDENCE,
    ),
    Statement(
        N_(
            "They are sold as cosmetics. A product that claims to treat a disease or to regenerate "
            "tissue is making a drug claim, which regulators may treat as a drug or biologic that "
            "needs approval."
        ),
        guide.SAFETY,
    ),
    Statement(
        N_(
            "Red flags: a promise of live stem cells, of curing or treating a condition, or of "
            "regrowing tissue. In the US no exosome product is FDA-approved, and the FDA has warned "
            "the public about unapproved stem cell and exosome products."
        ),
        medical.FDA_EXOSOMES,
    ),
)

QUESTIONS: tuple[Statement, ...] = (
    Statement(
        N_("What percentage of conditioned media or exosome fraction does it contain?"), guide.CHOOSING
    ),
    Statement(
        N_("How are the fragile actives stabilised, and does it need cold-chain shipping or the fridge?"),
        guide.CHOOSING,
    ),
    Statement(N_("How is the material purified and sterilised?"), guide.SAFETY),
    Statement(N_("Was it tested on animals, or does it contain animal-derived materials?"), guide.SAFETY),
)
"""The guide's transparency questions for any human-derived or biologic product."""
DONOR_QUESTION = Statement(
    N_("How were the donors screened, and did they consent to cosmetic use?"), guide.SAFETY
)
"""Asked of human-derived products as well."""


def transparency_questions(product: Product) -> tuple[Statement, ...]:
    """The guide's questions to put to the brand, for human-derived and biologic products."""
    if not needs_clinician_ok(product.human_derived, product.source_category):
        return ()
    return (*QUESTIONS, DONOR_QUESTION) if product.human_derived else QUESTIONS
