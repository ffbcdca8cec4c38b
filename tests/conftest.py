"""Test-wide settings."""
from hypothesis import HealthCheck, settings

# Property tests check values, never speed: Hypothesis' default 200 ms deadline per example is a wall-clock
# assertion that fails on a busy 2-core machine, so it is off for the whole suite.
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("project")
