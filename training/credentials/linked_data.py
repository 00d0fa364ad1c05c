"""JSON-LD with the bundled official contexts only (pyld, Digital Bazaar's JSON-LD processor).

Nothing is fetched at run time: the document loader answers the context URLs
in `CONTEXT_FILES` from `standards/` and refuses every other URL. That is the
same rule a Data Integrity verifier applies (`safe` mode in jsonld.js): a
credential must expand completely with the contexts it names.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from pyld import jsonld

STANDARDS = Path(__file__).resolve().parent / "standards"

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"

CONTEXT_FILES = {
    VC_CONTEXT: "credentials-v2.jsonld",
    OB_CONTEXT: "ob-context-3.0.3.json",
    OB_EXTENSIONS_CONTEXT: "ob-extensions.json",
}


class UnsafeJsonLd(ValueError):
    """The document uses a term or type no context it names defines."""


@functools.cache
def bundled_context(url: str) -> dict:
    name = CONTEXT_FILES.get(url)
    if name is None:
        raise jsonld.JsonLdError(
            f"Not a bundled context: {url}",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return json.loads((STANDARDS / name).read_text(encoding="utf-8"))


def document_loader(url: str, options=None) -> dict:
    return {"contextUrl": None, "documentUrl": url, "document": bundled_context(url)}


def _options(**extra) -> dict:
    return {"documentLoader": document_loader, **extra}


def _relative_types(node) -> list[str]:
    """Every `@type` value in expanded JSON-LD that is not an absolute IRI."""
    found = []
    if isinstance(node, list):
        for item in node:
            found += _relative_types(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                values = value if isinstance(value, list) else [value]
                found += [v for v in values if isinstance(v, str) and ":" not in v]
            else:
                found += _relative_types(value)
    return found


def expand_safe(document: dict) -> list:
    """Expand `document` as JSON-LD safe mode would: a dropped property or a relative
    `@type` (a term no listed context defines) raises `UnsafeJsonLd`."""
    dropped = []
    expanded = jsonld.expand(
        document, _options(base=None), on_property_dropped=lambda term: dropped.append(term)
    )
    if dropped:
        raise UnsafeJsonLd(f"Properties not defined by any listed context: {sorted(set(dropped))}")
    relative = _relative_types(expanded)
    if relative:
        raise UnsafeJsonLd(f"Relative @type not defined by any listed context: {relative}")
    return expanded


def canonical_nquads(document: dict) -> str:
    """RDF Dataset Canonicalization (RDFC-1.0; pyld names it URDNA2015, the same
    algorithm) of `document`, as canonical N-Quads."""
    expand_safe(document)
    return jsonld.normalize(
        document, _options(algorithm="URDNA2015", format="application/n-quads", base=None)
    )
