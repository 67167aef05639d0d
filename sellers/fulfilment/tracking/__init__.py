"""Carrier tracking intake: what carriers tell about parcels, by webhook or when asked.

``events``: the carrier-neutral event and the registry of carrier formats; ``barid``
(Barid Al-Maghrib: Amana, EMS) and ``dhl`` (DHL Express): one module per carrier's payload
format, each documenting its JSON shape; ``webhooks``: the signed endpoint per carrier;
``polling``: asking a carrier's tracking API over HTTP (the beat task in ``fulfilment.tasks``).
Recording an event (once per carrier event id) and what it does to the parcel is
``sellers.fulfilment.services.record_carrier_event``.
"""
