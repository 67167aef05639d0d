"""Send an email at most once per key, whatever number of times its task runs."""

from django.db import IntegrityError, transaction

from marketplace.idempotency.models import SentEmail


def send_once(key, message):
    """Send ``message`` unless an email under ``key`` was sent; True when sent now.

    The key's row is inserted, the message sent, then the row committed: a second delivery
    waits on the row (PostgreSQL) and skips, and a message that failed to send leaves no row,
    so a retry sends it. Only a crash between the mail server's answer and the commit, a few
    milliseconds, sends it twice.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                SentEmail.objects.create(key=key, recipients=", ".join(message.recipients()))
        except IntegrityError:
            return False
        message.send()
    return True
