from django.contrib import admin

from .models import QueuedTaskFailure


@admin.register(QueuedTaskFailure)
class QueuedTaskFailureAdmin(admin.ModelAdmin):
    """Jobs the broker refused; `resend_queued_tasks` (every minute by beat) sends them again."""

    list_display = ("task", "attempts", "created_at", "last_attempt_at")
    list_filter = ("task",)
    search_fields = ("task", "error")
    readonly_fields = ("task", "kwargs", "error", "attempts", "created_at", "last_attempt_at")
