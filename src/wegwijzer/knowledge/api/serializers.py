from rest_framework import serializers

from wegwijzer.knowledge.models import Page, Source


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["organisation", "publication", "year", "note", "url"]


class PageSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Page
        fields = ["key", "language", "slug", "title", "summary", "checked", "url", "sources"]


class SearchResultSerializer(serializers.Serializer):
    page_key = serializers.CharField()
    page_title = serializers.CharField()
    heading = serializers.CharField()
    url = serializers.CharField()
    score = serializers.FloatField()
    passage = serializers.SerializerMethodField()

    def get_passage(self, result) -> str:
        return "".join(piece for piece, _ in result.passage)


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    notices = serializers.ListField(child=serializers.CharField())
    results = SearchResultSerializer(many=True)
