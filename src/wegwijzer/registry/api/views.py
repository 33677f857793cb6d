"""Registry API. Reading needs a person with a second factor; an intake token only submits."""

from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from wegwijzer.accounts.access import RoleRequired, may_register_for
from wegwijzer.accounts.api_auth import IntakeTokenAuthentication
from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.models import Organisation
from wegwijzer.registry import selectors, services
from wegwijzer.registry.api.serializers import (
    RegistrationInSerializer,
    RegistrationOutSerializer,
    RegistrationPageSerializer,
)
from wegwijzer.registry.constants import Source
from wegwijzer.registry.models import Registration

Created = inline_serializer(
    "RegistrationCreated",
    {
        "public_id": serializers.UUIDField(),
        "tier": serializers.CharField(),
        "created": serializers.BooleanField(),
    },
)


class RegistryView(APIView):
    authentication_classes = [IntakeTokenAuthentication, SessionAuthentication]
    permission_classes = [RoleRequired]
    allowed_roles = (Role.SIGNALLER, Role.REGISTRAR)


class RegistrationCollection(RegistryView):
    token_may = ("POST",)

    @extend_schema(
        parameters=[
            OpenApiParameter("page", int, required=False),
            OpenApiParameter("year", int, required=False),
        ],
        responses=RegistrationPageSerializer,
        operation_id="registrations_list",
    )
    def get(self, request):
        year = request.query_params.get("year", "")
        page = selectors.registration_page(
            request.user,
            page_number=request.query_params.get("page", 1),
            year=int(year) if year.isdigit() else None,
            request=request,
        )
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": RegistrationOutSerializer(page.object_list, many=True).data,
            }
        )

    @extend_schema(request=RegistrationInSerializer, responses={201: Created, 200: Created})
    def post(self, request):
        incoming = RegistrationInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        given = incoming.validated_data
        organisation = self._organisation(request.user, given.get("organisation"))
        reference = given.get("reference")
        if reference:
            existing = Registration.objects.filter(
                organisation=organisation, reference=reference
            ).first()
            if existing:
                return Response(_created(existing, False), status=status.HTTP_200_OK)
        try:
            with transaction.atomic():
                registration = services.register(
                    given["cleaned"],
                    organisation=organisation,
                    actor=request.user,
                    source=Source.API,
                    request=request,
                    reference=reference,
                )
        except IntegrityError:  # the same reference sent twice at the same moment
            registration = Registration.objects.get(organisation=organisation, reference=reference)
            return Response(_created(registration, False), status=status.HTTP_200_OK)
        return Response(_created(registration, True), status=status.HTTP_201_CREATED)

    @staticmethod
    def _organisation(user, code):
        if code is None:
            if user.organisation is None:
                raise serializers.ValidationError({"organisation": ["Required for registrars."]})
            return user.organisation
        organisation = Organisation.objects.filter(code=code).first()
        if organisation is None:
            raise serializers.ValidationError({"organisation": ["Unknown organisation code."]})
        if not may_register_for(user, organisation) and not _token_for_own(user, organisation):
            raise PermissionDenied()
        return organisation


class RegistrationItem(RegistryView):
    @extend_schema(responses=RegistrationOutSerializer)
    def get(self, request, public_id):
        registration = selectors.registration_for(request.user, public_id, request=request)
        return Response(RegistrationOutSerializer(registration).data)

    @extend_schema(responses={204: None})
    def delete(self, request, public_id):
        if request.user.role != Role.REGISTRAR:
            raise PermissionDenied()
        registration = selectors.registration_for(request.user, public_id, audited=False)
        services.erase(registration, actor=request.user, request=request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WithdrawConsent(RegistryView):
    @extend_schema(request=None, responses=RegistrationOutSerializer)
    def post(self, request, public_id):
        registration = selectors.registration_for(request.user, public_id, audited=False)
        if registration.tier == "full":
            services.withdraw_consent(registration, actor=request.user, request=request)
        registration = get_object_or_404(Registration, pk=registration.pk)
        return Response(RegistrationOutSerializer(registration).data)


def _created(registration, created: bool) -> dict:
    return {"public_id": registration.public_id, "tier": registration.tier, "created": created}


def _token_for_own(user, organisation) -> bool:
    """A signaller's token registers for the signaller's own organisation."""
    return user.role == Role.SIGNALLER and organisation.pk == user.organisation_id
