"""Reply tokens: unguessable, stored hashed, found where a mail client keeps them."""
from __future__ import annotations

import math

from mailer.reading.tokens import ALPHABET, LENGTH, find_tokens, hash_token, new_token, plus_address


def test_tokens_carry_at_least_128_random_bits():
    assert LENGTH * math.log2(len(ALPHABET)) >= 128
    assert len({new_token("c") for _ in range(1000)}) == 1000


def test_only_the_hash_is_kept_and_it_ignores_case():
    token = new_token("c")
    assert hash_token(token) == hash_token(token.upper()) and token not in hash_token(token)


def test_token_is_found_in_plus_address_subject_or_quoted_body():
    token = new_token("c")
    assert find_tokens(plus_address("statement@example.org", token)) == (token,)
    assert find_tokens(f"Re: Re: Endorsement [confirm {token.upper()}]") == (token,)
    assert find_tokens(f"> Reference: {token}\n> thanks") == (token,)
    assert find_tokens("c-tooshort and x" + token) == ()
