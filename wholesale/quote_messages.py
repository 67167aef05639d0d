"""Messages on a quote: the buyer's company and the quote's seller write to each other; each
message is kept with the quote and emailed to the other party in its language."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wholesale.access import verified_company
from wholesale.emails import send_quote_message
from wholesale.models import QuoteMessage
from wholesale.quotes import QuoteError, locked_quote


def _party(quote, user, seller):
    """True when the seller writes, False for the buyer's company; QuoteError for anyone else."""
    if seller is not None:
        if quote.seller_id != seller.pk:
            raise QuoteError(_("This quote was asked of another seller."))
        return True
    company = verified_company(user)
    if company is None or quote.request.company_id != company.pk:
        raise QuoteError(_("This quote belongs to another company."))
    return False


def clean_body(body):
    body = (body or "").strip()
    if not body:
        raise QuoteError(_("Write a message first."))
    if len(body) > QuoteMessage.MAX_LENGTH:
        limit = QuoteMessage.MAX_LENGTH
        raise QuoteError(
            ngettext(
                "A message has at most %(count)s character.",
                "A message has at most %(count)s characters.",
                limit,
            )
            % {"count": limit}
        )
    return body


@transaction.atomic
def post_message(quote_id, user, body, seller=None):
    """Add ``user``'s message to the quote (as its seller when ``seller`` is given)."""
    body = clean_body(body)
    quote = locked_quote(quote_id)
    message = QuoteMessage.objects.create(
        quote=quote, author=user, from_seller=_party(quote, user, seller), body=body
    )
    transaction.on_commit(lambda: send_quote_message.delay(message.pk))
    return message
