"""Sign-in attempts: throttled per name and per client, counted by salted hashes in memory."""

from __future__ import annotations

from pwa.desk.throttle import Throttle


def test_attempts_are_limited_per_name_and_per_client_for_a_window():
    throttle = Throttle(per_name=3, per_client=5, window=900)
    for second in range(3):
        assert throttle.retry_after("anna", "203.0.113.7", second) == 0
        throttle.attempt("anna", "203.0.113.7", second)
    assert throttle.retry_after("Anna ", "198.51.100.1", 10) > 0  # the name, from anywhere
    assert throttle.retry_after("ben", "203.0.113.7", 10) == 0
    throttle.attempt("ben", "203.0.113.7", 10)
    throttle.attempt("cem", "203.0.113.7", 11)
    assert throttle.retry_after("dora", "203.0.113.7", 12) > 0  # the client, for any name
    assert throttle.retry_after("dora", "198.51.100.1", 12) == 0
    assert 0 < throttle.retry_after("anna", "198.51.100.1", 600) <= 300
    assert throttle.retry_after("anna", "198.51.100.1", 901) == 0  # the window has passed


def test_a_sign_in_clears_the_counts_and_nothing_in_memory_is_the_address_or_the_name():
    throttle = Throttle(per_name=2, per_client=10)
    throttle.attempt("anna", "203.0.113.7", 0)
    throttle.attempt("anna", "203.0.113.7", 1)
    assert throttle.retry_after("anna", "203.0.113.7", 2)
    held = repr(throttle.__dict__)
    assert "203.0.113.7" not in held and "anna" not in held
    throttle.succeeded("anna", "203.0.113.7")
    assert throttle.retry_after("anna", "203.0.113.7", 3) == 0
