"""Who may see and do what. Every view and API call of person-level data asks here.

Kept in one module so the role boundaries can be read (and tested) in one place.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from wegwijzer.accounts.constants import Role


def is_cleared(user) -> bool:
    """Logged in, active, and past the second factor where the role needs one."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    # OTPMiddleware adds is_verified to session users; a token's user has none: not verified.
    return not user.needs_second_factor or getattr(user, "is_verified", lambda: False)()


def has_role(user, roles) -> bool:
    return is_cleared(user) and user.role in roles


def registrations_visible_to(user, registrations):
    """Narrow a queryset of registrations to what `user` may see (none for most roles)."""
    if has_role(user, {Role.REGISTRAR}):
        return registrations
    if has_role(user, {Role.SIGNALLER}):
        return registrations.filter(organisation_id=user.organisation_id)
    return registrations.none()


def may_register_for(user, organisation) -> bool:
    if has_role(user, {Role.REGISTRAR}):
        return True
    return has_role(user, {Role.SIGNALLER}) and organisation.pk == user.organisation_id


def requires_role(*roles):
    """View decorator: log in first, then the second factor, then the role (403 otherwise)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
            if user.needs_second_factor and not user.is_verified():
                url = reverse("accounts:second-factor")
                return redirect(f"{url}?next={request.get_full_path()}")
            if user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class RoleRequired(BasePermission):
    """DRF: the view lists `allowed_roles`; the user must hold one, second factor passed.

    A request made with an intake token (request.auth set) passes only where the view
    says `token_may`: tokens submit registrations and never read them.
    """

    message = _("Your role does not give access to this.")

    def has_permission(self, request, view):
        user, roles = request.user, getattr(view, "allowed_roles", ())
        if request.auth is not None:
            allowed = getattr(view, "token_may", ())
            return request.method in allowed and user.is_active and user.role in roles
        return has_role(user, roles)
