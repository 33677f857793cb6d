from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from wegwijzer.indicators import engine, selectors
from wegwijzer.indicators.api.serializers import (
    AssessmentRequestSerializer,
    AssessmentResponseSerializer,
    SignalSerializer,
)


class SignalList(APIView):
    """The signal catalogue: every signal and risk factor, in Dutch and English."""

    @extend_schema(responses=SignalSerializer(many=True))
    def get(self, request):
        signals = selectors.catalogue().signals.values()
        return Response(SignalSerializer(signals, many=True).data)


class Assessments(APIView):
    """Weigh observed signals plus context; the result is computed and returned, never stored."""

    @extend_schema(request=AssessmentRequestSerializer, responses=AssessmentResponseSerializer)
    def post(self, request):
        given = AssessmentRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            assessment = selectors.assess(**given.validated_data)
        except engine.AssessmentError as error:
            return Response({error.field: [str(error)]}, status=status.HTTP_400_BAD_REQUEST)
        # present() gives plain values already; the serializer documents them (a second
        # pass through it would double this endpoint's cost).
        return Response(selectors.present(assessment))
