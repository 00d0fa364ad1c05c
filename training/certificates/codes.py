"""Verification codes: random, unambiguous, easy to read aloud.

A code is 16 symbols from a 30-symbol alphabet without look-alikes (no 0 or
O, no 1, I or L, no U beside V), so about 78 bits of randomness: far beyond guessing, even
before the rate limit. It is stored without separators and shown in four
groups of four (K7QM-4TXN-9PRW-2HDC). Whatever a person types is normalised:
case, spaces and dashes do not matter.
"""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
GROUP = 4

assert len(set(ALPHABET)) == len(ALPHABET) == 30


def code_generate() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_normalise(text: str) -> str:
    """Upper-case `text` and drop everything that is not a letter or digit."""
    return "".join(ch for ch in (text or "").upper() if ch.isascii() and ch.isalnum())


def code_is_wellformed(code: str) -> bool:
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def code_format(code: str) -> str:
    """K7QM4TXN9PRW2HDC → K7QM-4TXN-9PRW-2HDC."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
