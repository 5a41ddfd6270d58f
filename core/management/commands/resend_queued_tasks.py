"""Send again the Celery jobs a broker outage kept from being queued (beat does this every minute)."""

from django.core.management.base import BaseCommand

from core.queueing import resend_failed


class Command(BaseCommand):
    help = "Re-send the tasks recorded while the broker was unreachable."

    def handle(self, *args, **options) -> None:
        sent = resend_failed()
        self.stdout.write(f"Re-sent {sent} task(s).")
