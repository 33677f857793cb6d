"""The request and answer of POST /api/v1/estimates/.

The table itself (names, rows, csv) is validated by the plain estimation module, so the API
refuses a bad table with the same Dutch and English message as the command line; the
serializers here check the envelope and describe both shapes for the OpenAPI schema.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wegwijzer.estimation import procedures

# Caps that keep one request to seconds (docs/estimation.md). The command line has none.
MAX_LISTS = 10
MAX_ROWS = 2**MAX_LISTS - 1
MAX_CSV_CHARACTERS = 200_000
MAX_MODELS = 1024
# Most bootstrap replicates per number of lists; the default is this or 1000 if smaller. Each
# replicate and each jackknife table (one per observed history) repeats the selection, which
# grows steeply with the lists: 9 or 10 lists get the profile-likelihood interval only.
MAX_BOOTSTRAP = {2: 1000, 3: 1000, 4: 1000, 5: 1000, 6: 1000, 7: 500, 8: 250, 9: 0, 10: 0}


class RowSerializer(serializers.Serializer):
    pattern = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=1),
        min_length=2,
        max_length=MAX_LISTS,
        help_text="0/1 per list, in the order of `lists`.",
    )
    count = serializers.IntegerField(min_value=0, help_text="People with this capture history.")


@extend_schema_field(RowSerializer(many=True))
class RowsField(serializers.Field):
    """Rows pass through as given: the estimation module checks them and says what is wrong."""

    def to_internal_value(self, data):
        return data

    def to_representation(self, value):
        return value


class EstimateRequestSerializer(serializers.Serializer):
    lists = serializers.ListField(
        child=serializers.CharField(max_length=100, allow_blank=True),
        required=False,
        max_length=MAX_LISTS,
        help_text="List names, with `rows`.",
    )
    rows = RowsField(
        required=False,
        help_text="Capture histories with their counts; histories not given count as 0. "
        f"At most {MAX_ROWS} rows.",
    )
    csv = serializers.CharField(
        required=False,
        trim_whitespace=False,
        max_length=MAX_CSV_CHARACTERS,
        help_text="The table as CSV text instead of `lists` and `rows`: one 0/1 column per "
        "list and a `count` column.",
    )
    method = serializers.ChoiceField(choices=procedures.METHODS, default=procedures.DEFAULT_METHOD)
    max_order = serializers.IntegerField(
        min_value=2,
        max_value=MAX_LISTS,
        default=procedures.DEFAULT_MAX_ORDER,
        help_text="Highest interaction order for min-bic.",
    )
    bootstrap = serializers.IntegerField(
        min_value=0,
        max_value=max(MAX_BOOTSTRAP.values()),
        required=False,
        help_text="Bootstrap replicates (0: profile-likelihood interval of the chosen model). "
        "Default 1000, capped by the number of lists: 7 lists 500, 8 lists 250, 9 or 10 lists "
        "0.",
    )
    seed = serializers.IntegerField(
        min_value=0, max_value=2**32 - 1, default=procedures.DEFAULT_SEED
    )


class NoteSerializer(serializers.Serializer):
    code = serializers.CharField()
    nl = serializers.CharField()
    en = serializers.CharField()


class ExplanationSerializer(serializers.Serializer):
    nl = serializers.CharField()
    en = serializers.CharField()


class OptionsSerializer(serializers.Serializer):
    max_order = serializers.IntegerField()
    bootstrap = serializers.IntegerField()
    seed = serializers.IntegerField()
    level = serializers.FloatField()
    threshold = serializers.FloatField(required=False)
    wald_alpha = serializers.FloatField(required=False)
    top_models = serializers.IntegerField(required=False)


class CandidateSerializer(serializers.Serializer):
    term = serializers.CharField()
    observed = serializers.IntegerField(required=False)
    expected = serializers.FloatField(required=False)
    p = serializers.FloatField(required=False)
    checked = serializers.BooleanField(required=False)
    aic = serializers.FloatField(required=False, allow_null=True)
    wald_p = serializers.FloatField(required=False, allow_null=True)
    reasons = serializers.ListField(child=serializers.CharField())


class StepSerializer(serializers.Serializer):
    model = serializers.ListField(child=serializers.CharField())
    added = serializers.CharField(allow_null=True)
    aic = serializers.FloatField(required=False)
    stop = serializers.CharField(required=False)
    candidates = CandidateSerializer(many=True)


class ExcludedSerializer(serializers.Serializer):
    model = serializers.ListField(child=serializers.CharField())
    reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=["mle_does_not_exist", "not_identifiable"])
    )
    step = serializers.IntegerField(required=False)


class SelectedModelSerializer(serializers.Serializer):
    model = serializers.ListField(child=serializers.CharField())
    share = serializers.FloatField()


class BootstrapSerializer(serializers.Serializer):
    replicates = serializers.IntegerField()
    seed = serializers.IntegerField()
    acceleration = serializers.FloatField()
    bias_correction = serializers.FloatField()
    without_estimate = serializers.IntegerField()
    selected_models = SelectedModelSerializer(many=True)


class FitSerializer(serializers.Serializer):
    aic = serializers.FloatField()
    bic = serializers.FloatField()
    deviance = serializers.FloatField()
    residual_df = serializers.IntegerField()
    parameters = serializers.IntegerField()


class SensitivityRowSerializer(serializers.Serializer):
    name = serializers.CharField(required=False)
    model = serializers.ListField(child=serializers.CharField())
    estimate = serializers.FloatField(allow_null=True)
    ci_low = serializers.FloatField(required=False, allow_null=True)
    ci_high = serializers.FloatField(required=False, allow_null=True)
    aic = serializers.FloatField(required=False)
    bic = serializers.FloatField(required=False)
    delta_bic = serializers.FloatField(required=False)
    deviance = serializers.FloatField(required=False)
    residual_df = serializers.IntegerField(required=False)
    fit_p = serializers.FloatField(required=False, allow_null=True)
    acceptable = serializers.BooleanField()
    chosen = serializers.BooleanField()


class SensitivitySerializer(serializers.Serializer):
    scope = serializers.ChoiceField(
        choices=["two-list", "all-hierarchical", "neighbours", "best-by-bic", "none"]
    )
    acceptable_fit_p = serializers.FloatField(required=False)
    candidates = serializers.IntegerField(required=False)
    fitted = serializers.IntegerField(required=False)
    acceptable = serializers.IntegerField(required=False)
    acceptable_range = serializers.ListField(
        child=serializers.FloatField(), min_length=2, max_length=2, allow_null=True
    )
    rows = SensitivityRowSerializer(many=True)


class EstimateSerializer(serializers.Serializer):
    lists = serializers.ListField(child=serializers.CharField())
    observed = serializers.IntegerField(help_text="People seen on at least one list.")
    method = serializers.ChoiceField(choices=[*procedures.METHODS, "chapman"])
    estimate = serializers.FloatField(help_text="Estimated total: seen plus unseen.")
    unobserved = serializers.FloatField(help_text="Estimated number seen on no list.")
    ci_low = serializers.FloatField()
    ci_high = serializers.FloatField(allow_null=True, help_text="null: no finite upper end.")
    interval = serializers.ChoiceField(
        choices=["bca-bootstrap", "profile-likelihood", "log-normal"]
    )
    model = serializers.ListField(
        child=serializers.CharField(), help_text="Interaction terms, list names joined by ':'."
    )
    empty_overlaps = serializers.ListField(
        child=serializers.CharField(), help_text="Terms of the model whose parameter is −∞."
    )
    fit = FitSerializer(required=False)
    options = OptionsSerializer()
    steps = StepSerializer(many=True)
    excluded = ExcludedSerializer(many=True)
    bootstrap = BootstrapSerializer(allow_null=True)
    sensitivity = SensitivitySerializer()
    notes = NoteSerializer(many=True)
    explanation = ExplanationSerializer(
        help_text="What the estimate means and does not mean, in plain words."
    )


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """An error in the shape of the Dutch API strategy (RFC 9457 problem details)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    code = serializers.CharField()
    nl = serializers.CharField()
    en = serializers.CharField()
    invalidParams = InvalidParamSerializer(many=True)  # the strategy's spelling
