from django.contrib import admin

from wegwijzer.directory.models import (
    CareCoordinatorMunicipality,
    CareCoordinatorRegion,
    Channel,
    Organisation,
)


class ChannelInline(admin.TabularInline):
    model = Channel
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "regional", "verified"]
    list_filter = ["kind", "regional"]
    search_fields = ["name", "slug"]
    inlines = [ChannelInline]


class MunicipalityInline(admin.TabularInline):
    model = CareCoordinatorMunicipality
    extra = 3


@admin.register(CareCoordinatorRegion)
class CareCoordinatorRegionAdmin(admin.ModelAdmin):
    list_display = ["name", "central_municipality", "organisation", "verified"]
    search_fields = ["name", "organisation"]
    inlines = [MunicipalityInline]
