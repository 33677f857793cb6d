from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from wegwijzer.directory import regions, selectors
from wegwijzer.directory.api.serializers import (
    DirectoryAnswerSerializer,
    LookupSerializer,
    OrganisationQuerySerializer,
)


class RegionLookup(APIView):
    """The regions of a municipality (name, forgiving spelling) or a 4-digit postcode."""

    @extend_schema(responses={200: LookupSerializer, 404: OpenApiResponse(LookupSerializer)})
    def get(self, request, query):
        found = regions.lookup(query)
        code = status.HTTP_404_NOT_FOUND if found.status == "not_found" else status.HTTP_200_OK
        return Response(LookupSerializer(found).data, status=code)


class OrganisationList(APIView):
    """Help organisations for a case, with the regional care coordinator for the place."""

    @extend_schema(parameters=[OrganisationQuerySerializer], responses=DirectoryAnswerSerializer)
    def get(self, request):
        query = OrganisationQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        given = query.validated_data
        place = given.get("postcode") or given.get("municipality")
        lookup = regions.lookup(place) if place else None
        municipality = lookup.municipality if lookup else None
        found = selectors.organisations(
            forms=[given["form"]] if "form" in given else (),
            audience=given.get("audience"),
            age=given.get("age"),
        )
        for organisation in found:
            organisation.regional_name = selectors.regional_name(organisation, municipality)
        coordinator = selectors.care_coordinator(municipality)
        if coordinator.fallback is not None:
            coordinator.fallback.regional_name = coordinator.fallback.name
        answer = {"region": lookup, "care_coordinator": coordinator, "organisations": found}
        return Response(DirectoryAnswerSerializer(answer).data)
