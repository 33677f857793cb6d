from rest_framework import serializers

from wegwijzer.indicators import labels
from wegwijzer.indicators.catalogue import FORMS


class SignalSerializer(serializers.Serializer):
    id = serializers.CharField()
    group = serializers.CharField()
    nl = serializers.CharField()
    en = serializers.CharField()
    forms = serializers.ListField(child=serializers.ChoiceField(choices=FORMS))
    element = serializers.CharField()
    dimension = serializers.IntegerField(allow_null=True)
    strength = serializers.SerializerMethodField()
    minors = serializers.BooleanField()
    smuggling = serializers.BooleanField()
    acute = serializers.BooleanField()
    source = serializers.CharField()

    def get_strength(self, signal) -> str:
        return signal.strength.name.lower()

    def to_representation(self, signal):
        data = super().to_representation(signal)
        data["forms"] = sorted(signal.forms)
        return data


class AssessmentRequestSerializer(serializers.Serializer):
    signals = serializers.ListField(child=serializers.CharField(max_length=80), max_length=200)
    age = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=120)
    minor = serializers.BooleanField(required=False, allow_null=True, default=None)
    residence = serializers.ChoiceField(choices=list(labels.RESIDENCE), default="unknown")
    setting = serializers.ChoiceField(choices=list(labels.SETTINGS), default="unknown")
    acute_danger = serializers.BooleanField(default=False)


class CountedSignalSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()
    element = serializers.CharField()
    grade = serializers.CharField()


class FormResultSerializer(serializers.Serializer):
    form = serializers.CharField()
    label = serializers.CharField()
    level = serializers.CharField()
    level_label = serializers.CharField()
    counted = CountedSignalSerializer(many=True)
    present = serializers.ListField(child=serializers.CharField())
    missing = serializers.ListField(child=serializers.CharField())
    strength_threshold_met = serializers.BooleanField()
    ilo_rule_met = serializers.BooleanField()
    positive_dimensions = serializers.ListField(child=serializers.IntegerField())


class NextStepSerializer(serializers.Serializer):
    title = serializers.CharField()
    text = serializers.CharField()


class AssessmentResponseSerializer(serializers.Serializer):
    level = serializers.CharField()
    level_label = serializers.CharField()
    call_112_first = serializers.BooleanField()
    minor = serializers.BooleanField()
    forms = FormResultSerializer(many=True)
    smuggling = CountedSignalSerializer(many=True)
    other_problems = serializers.ListField(child=serializers.CharField())
    next_step = NextStepSerializer()
    catalogue_version = serializers.CharField()
