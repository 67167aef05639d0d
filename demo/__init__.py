"""Demo data for ``make run`` and the benchmarks: seeded by ``manage.py seed_demo``.

Production code never imports this package; it imports production code only.
"""
