from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from wegwijzer.accounts.models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    search_fields = ["name", "code"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Role in Wegwijzer"), {"fields": ("role", "organisation")}),
    )
