from rest_framework import serializers

from wegwijzer.directory.constants import AGES, AUDIENCES, FORMS
from wegwijzer.directory.models import CareCoordinatorRegion, Channel, Organisation


class RegionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    province = RegionSerializer()
    safety_region = RegionSerializer()
    ggd_region = RegionSerializer()
    veilig_thuis_region = RegionSerializer()
    police_unit = RegionSerializer()


class LookupSerializer(serializers.Serializer):
    query = serializers.CharField()
    kind = serializers.ChoiceField(choices=["municipality", "postcode"])
    status = serializers.ChoiceField(choices=["found", "choose", "not_found", "no_mapping"])
    matches = MunicipalitySerializer(many=True)


class ChannelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Channel
        fields = ["type", "value", "note_nl", "note_en"]


class OrganisationSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="slug")
    channels = ChannelSerializer(many=True)
    regional_name = serializers.CharField()

    class Meta:
        model = Organisation
        fields = ["id", "name", "regional_name", "kind", "description_nl", "description_en",
                  "channels", "audiences", "ages", "forms", "anonymous", "languages", "regional",
                  "source", "verified"]  # fmt: skip


class CareCoordinatorRegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = CareCoordinatorRegion
        fields = ["name", "organisation", "phone", "email", "website", "verified"]


class CareCoordinatorSerializer(serializers.Serializer):
    is_fallback = serializers.BooleanField()
    region = CareCoordinatorRegionSerializer(allow_null=True)
    fallback = OrganisationSerializer(allow_null=True)


class OrganisationQuerySerializer(serializers.Serializer):
    municipality = serializers.CharField(required=False, max_length=100)
    postcode = serializers.CharField(required=False, max_length=10)
    form = serializers.ChoiceField(choices=FORMS, required=False)
    audience = serializers.ChoiceField(choices=AUDIENCES, required=False)
    age = serializers.ChoiceField(choices=AGES, required=False)


class DirectoryAnswerSerializer(serializers.Serializer):
    region = LookupSerializer(allow_null=True)
    care_coordinator = CareCoordinatorSerializer()
    organisations = OrganisationSerializer(many=True)
