import math

import pytest
from django.db import IntegrityError

from tests.factories import CertificateFactory
from training.certificates.codes import (
    ALPHABET,
    LENGTH,
    code_format,
    code_generate,
    code_is_wellformed,
    code_normalise,
)


def test_codes_carry_at_least_64_random_bits_from_an_unambiguous_alphabet():
    assert LENGTH * math.log2(len(ALPHABET)) >= 64
    assert not set("01ILOU") & set(ALPHABET)
    codes = {code_generate() for _ in range(500)}
    assert len(codes) == 500
    assert all(code_is_wellformed(code) for code in codes)


def test_codes_are_grouped_for_reading_aloud_and_typing_is_forgiving():
    assert code_format("K7QM4TXN9PRW2HDC") == "K7QM-4TXN-9PRW-2HDC"
    assert code_normalise(" k7qm-4txn 9prw–2hdc ") == "K7QM4TXN9PRW2HDC"
    assert not code_is_wellformed(code_normalise("K7QM-4TXN-9PRW"))
    assert not code_is_wellformed("K7QM4TXN9PRW2HD0")  # 0 is not in the alphabet


@pytest.mark.django_db
def test_a_code_is_unique_by_database_constraint():
    first = CertificateFactory()
    with pytest.raises(IntegrityError):
        CertificateFactory(code=first.code)
