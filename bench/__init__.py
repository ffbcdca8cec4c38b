"""Benchmark of the dashboard: synthetic data (synthetic.py) and the timing run (run.py)."""
