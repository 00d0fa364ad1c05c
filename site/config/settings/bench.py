"""Production settings plus one constant view, for `make bench` only.

The floor comparison of `scripts/bench_http.py` divides each page's
requests/s by those of a constant 10 KB view that goes through exactly the
same middleware stack. That view lives in `config.bench_urls`, which only
this module routes: no normal URLconf can reach it.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
