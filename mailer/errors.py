"""Errors classed by what the caller does next; each edge translates its library's errors once."""


class TransientError(Exception):
    """Try again later (4xx, connection lost, timeout)."""


class PermanentError(Exception):
    """Will never work as it is (5xx, invalid address): fail visibly."""
