"""An academy's accent colour: a hex colour that keeps WCAG 2.1 AA contrast.

The accent is used as the background of buttons and bars with white text on
it, and as the colour of links and headings on the page's white background:
both need a contrast of at least 4.5:1 (WCAG 2.1 success criterion 1.4.3,
normal text). The ratio is computed by ColorAide (`Color.contrast(...,
method="wcag21")`), a maintained colour library, not by our own formula.
"""

from __future__ import annotations

import re

from coloraide import Color
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
AA_NORMAL_TEXT = 4.5
PAGE_BACKGROUND = "#ffffff"


def contrast_ratio(colour: str, against: str = PAGE_BACKGROUND) -> float:
    return Color(colour).contrast(Color(against), method="wcag21")


def validate_accent_colour(value: str) -> None:
    if not isinstance(value, str) or not HEX_COLOUR.match(value):
        raise ValidationError(
            _("Enter a colour as # followed by six characters 0-9 or a-f, for example #1d4ed8."),
            code="invalid",
        )
    ratio = contrast_ratio(value)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "This colour has too little contrast with white (%(ratio).1f:1; at least 4.5:1 "
                "is needed so everyone can read the text). Choose a darker colour."
            ),
            code="contrast",
            params={"ratio": ratio},
        )
