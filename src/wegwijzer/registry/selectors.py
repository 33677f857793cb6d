"""Reads of person-level data. Each one passes through the access rules and is audited."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404

from wegwijzer.accounts.access import registrations_visible_to
from wegwijzer.audit import services as audit
from wegwijzer.registry.models import Registration

LISTED_FIELDS = ["registration_date", "organisation", "tier", "forms", "gender", "is_minor"]
PAGE_SIZE = 50


def registration_page(user, *, page_number=1, year=None, request=None):
    found = registrations_visible_to(user, Registration.objects.select_related("organisation"))
    if year:
        found = found.filter(year=year)
    page = Paginator(found, PAGE_SIZE).get_page(page_number)
    audit.log_many(
        "read",
        actor=user,
        object_type="registration",
        object_ids=[r.public_id for r in page],
        fields=LISTED_FIELDS,
        request=request,
    )
    return page


def registration_for(user, public_id, *, request=None, audited=True) -> Registration:
    """One registration `user` may see, or 404: a signaller cannot learn that others exist."""
    found = registrations_visible_to(
        user, Registration.objects.select_related("organisation", "consent", "identifiers")
    )
    registration = get_object_or_404(found, public_id=public_id)
    if audited:
        audit.log(
            "read",
            actor=user,
            object_type="registration",
            object_id=registration.public_id,
            fields=["*"],
            request=request,
        )
    return registration
