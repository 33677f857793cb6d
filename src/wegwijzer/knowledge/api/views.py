from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from wegwijzer.knowledge import selectors
from wegwijzer.knowledge.api.serializers import PageSerializer, SearchResponseSerializer
from wegwijzer.knowledge.content import LANGUAGES
from wegwijzer.knowledge.views import QUERY_NOTICES

LANGUAGE_PARAMETER = OpenApiParameter(
    "language", OpenApiTypes.STR, enum=list(LANGUAGES), description="nl (default) or en"
)


def _language(request) -> str:
    language = request.query_params.get("language", "nl")
    if language not in LANGUAGES:
        raise ValidationError({"language": f"Use one of {', '.join(LANGUAGES)}."})
    return language


@extend_schema(parameters=[LANGUAGE_PARAMETER])
class PageList(generics.ListAPIView):
    """All knowledge pages in one language, with their sources."""

    serializer_class = PageSerializer

    def get_queryset(self):
        return selectors.pages_for_language(_language(self.request)).prefetch_related("sources")


class Search(APIView):
    """Full-text search over the knowledge pages, with the matching passage."""

    @extend_schema(
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, required=True), LANGUAGE_PARAMETER],
        responses=SearchResponseSerializer,
    )
    def get(self, request):
        outcome = selectors.search(request.query_params.get("q", ""), _language(request))
        payload = {
            "query": outcome.query.text,
            "notices": [str(QUERY_NOTICES[code]) for code in outcome.query.notices],
            "results": outcome.results,
        }
        return Response(SearchResponseSerializer(payload).data)
