"""Log in with a password, then a TOTP code; first-time users enrol an authenticator app."""

import base64

import segno
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.accounts.forms import TokenForm
from wegwijzer.audit import services as audit


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = False

    def get_success_url(self):
        after = super().get_success_url()
        if self.request.user.needs_second_factor:
            return f"{reverse('accounts:second-factor')}?next={after}"
        return after


@login_required(login_url="accounts:login")
def second_factor(request):
    user = request.user
    after = _safe_next(request)
    if not user.needs_second_factor or user.is_verified():
        return redirect(after)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "authenticator"}
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _why = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Too many wrong codes. Wait a minute, then try again."))
        elif device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                audit.log(
                    "change",
                    actor=user,
                    object_type="account",
                    object_id=user.pk,
                    fields=["second_factor"],
                    request=request,
                )
            otp_login(request, device)
            return redirect(after)
        else:
            form.add_error("token", _("That code is not right or has expired. Try the next one."))
    context = {"form": form, "enrolling": enrolling, "next": after}
    if enrolling:
        uri = device.config_url
        context["qr_data_uri"] = segno.make(uri, error="m").svg_data_uri(scale=5)
        context["secret"] = _grouped_base32(device.bin_key)
    return render(request, "accounts/second_factor.html", context)


@require_POST
def logout(request):
    auth.logout(request)
    return redirect("home")


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("registry:list")


def _grouped_base32(key: bytes) -> str:
    text = base64.b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def locked_out(request, original_response=None, credentials=None):
    """Shown by the login throttle (django-axes) instead of its English default."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked.html", {"cooloff_minutes": minutes}, status=429)
