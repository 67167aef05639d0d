"""Returns: each seller's returns policy (``policy``), the buyer's return requests and their
states (``services``: requested → accepted or refused by the seller within a deadline, escalated
to a curator, shipped back, received, refunded through ``marketplace.payments.refunds``), the
return customs paper (``documents``), the emails at each step (``emails``) and the hourly
deadline task (``tasks``)."""
