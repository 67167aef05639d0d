"""Who sees wholesale prices and actions: the contacts of a verified company, nobody else."""

from wholesale.models import Company, CompanyContact


def company_of(user):
    """The user's company, or None (anonymous users and consumers)."""
    if not getattr(user, "is_authenticated", False):
        return None
    contact = CompanyContact.objects.select_related("company").filter(user=user).first()
    return contact.company if contact else None


def verified_company(user):
    """The user's company if staff verified it, else None."""
    company = company_of(user)
    return company if company is not None and company.status == Company.VERIFIED else None


def sees_wholesale(user):
    return verified_company(user) is not None
