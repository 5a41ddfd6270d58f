"""Files sent with a match message (a deck, a one-pager): kept in the private storage under a random
name, with the sanitised original name, the content type we sniffed, size and SHA-256. Served only by
``matching.review.views_attachments`` to the two sides of the match."""

from __future__ import annotations

import uuid

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import PrivateStorage

private_storage = PrivateStorage()


def attachment_path(instance: MessageAttachment, filename: str) -> str:
    """A random name (never the sender's): nothing of the original name reaches the file system."""
    return f"match-attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class MessageAttachment(models.Model):
    message = models.ForeignKey("matching.MatchMessage", on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path, max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message attachment")
        verbose_name_plural = _("message attachments")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.filename


@receiver(post_delete, sender=MessageAttachment)
def _remove_file(sender, instance: MessageAttachment, **kwargs) -> None:
    # The stored file goes with its row (also when a match or message is deleted), once that is committed.
    name = instance.file.name
    if name:
        transaction.on_commit(lambda: private_storage.delete(name))
