"""What higher apps add to the holder's "Mijn certificaten" page.

Certificates sits below associations in the app order, so the page cannot
ask associations which of them see the holder. Associations registers a
provider in `AssociationsConfig.ready` instead; each provider returns keys
for the page's context (associations: `associations`, `invitations`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

HolderContextProvider = Callable[..., dict[str, Any]]

_providers: list[HolderContextProvider] = []


def register_holder_context_provider(provider: HolderContextProvider) -> None:
    """Register `provider(*, user) -> dict`; registering it twice has no effect."""
    if provider not in _providers:
        _providers.append(provider)


def holder_context(*, user) -> dict[str, Any]:
    context: dict[str, Any] = {"associations": [], "invitations": []}
    for provider in _providers:
        context.update(provider(user=user))
    return context
