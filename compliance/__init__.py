"""What importing countries demand: certificates, destination rules, import regimes, duty rates
and the landed cost of a parcel. Public entry points: ``compliance.rules`` (``can_ship``,
``ships_to``, ``blocked_ids``) and ``compliance.landed_cost`` (``landed_cost``)."""
