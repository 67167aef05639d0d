"""What makes a task's second delivery change nothing: sent-email keys, message receipts, locks.

Celery on Redis delivers a task at least once (README, "Background tasks"); these records let
a task that runs again recognise work already done.
"""
