"""What higher apps add to the holder's "Mijn certificaten" page.

Certificates sits below associations in the app order, so the page cannot
ask associations which of them see the holder. Associations contributes to the
`HOLDER_CONTEXT` hook (`training.hooks`) instead; each contribution returns keys
for the page's context (associations: `associations`, `invitations`).
"""

from __future__ import annotations

from typing import Any

from training.hooks import HOLDER_CONTEXT, contributions


def holder_context(*, user) -> dict[str, Any]:
    context: dict[str, Any] = {"associations": [], "invitations": []}
    for provider in contributions(HOLDER_CONTEXT):
        context.update(provider(user=user))
    return context
