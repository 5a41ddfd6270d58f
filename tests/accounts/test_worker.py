"""Emails leave through a real Celery worker process on Redis, after the transaction commits."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.conftest import wait_for_files
from tests.factories import ClusterFactory

pytestmark = [pytest.mark.worker]


def test_signup_verification_email_sent_by_worker(celery_worker, client):
    cluster = ClusterFactory()
    response = client.post(
        reverse("accounts:signup"),
        {
            "full_name": "Park Jisoo", "email": "jisoo@cardio.kr", "password1": "Str0ng-enough-pass",
            "password2": "Str0ng-enough-pass", "language": "ko", "name_en": "CardioSense", "kind": "firm",
            "region": "gyeonggi", "description": "Wearable ECG patch.", "clusters": [cluster.pk],
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert User.objects.filter(email="jisoo@cardio.kr").exists()
    files = wait_for_files(celery_worker, 1)
    assert len(files) == 1, "the worker did not send the verification email"
    text = files[0].read_text()
    assert "jisoo@cardio.kr" in text
    assert "/accounts/verify/" in text
