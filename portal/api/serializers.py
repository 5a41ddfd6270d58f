"""Shapes of the dashboard API's answers (documentation for the schema; the data is built by the dashboard)."""

from rest_framework import serializers


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(allow_blank=True)
    definition = serializers.CharField(allow_blank=True)


class TableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    note = serializers.CharField(allow_blank=True)
    columns = ColumnSerializer(many=True)
    rows = serializers.ListField(child=serializers.DictField(), help_text="One object per row: column key → value.")


class DashboardSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=["cluster", "alliance"])
    slug = serializers.CharField()
    name = serializers.CharField()
    period = serializers.CharField(help_text="2026-Q3, 2026-07, 2026, or first-day/last-day for the last 12 months.")
    region = serializers.CharField(allow_blank=True)
    access = serializers.ChoiceField(
        choices=["full", "summary"],
        help_text="full: managers and platform admins; summary: people of member organisations (no named ties).",
    )
    tables = TableSerializer(many=True)


class DashboardQuerySerializer(serializers.Serializer):
    period = serializers.CharField(required=False, allow_blank=True, max_length=30,
                                   help_text="2026-Q3, 2026-07 or 2026; empty: the last 12 months.")
    region = serializers.CharField(required=False, allow_blank=True, max_length=30,
                                   help_text="A region code: the network tables keep that region's members.")
    table = serializers.CharField(required=False, allow_blank=True, max_length=40, help_text="Only this table.")
