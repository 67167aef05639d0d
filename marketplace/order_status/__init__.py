"""An order's status: the pipeline (``pipeline``), the one rule deciding it from what happened
(``rules``), and the receivers applying it on each event (payment, parcels, refunds)."""
