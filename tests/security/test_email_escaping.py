"""User-provided names, titles and venues are text in every email: raw in the plain-text part,
escaped in the HTML alternative, never live tags."""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.emails import render_html
from events import registration
from matching.models import NotificationSettings
from matching.review import services as review
from matching.review.notify import send_digests
from tests.factories import EventFactory, org_admin, verified_member
from tests.matching.review_world import build_world

pytestmark = pytest.mark.django_db

IMG = "<img src=x onerror=alert(1)>"
IMG_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
SCRIPT = "<script>alert('x')</script>"
SCRIPT_ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
# The only tags the HTML wrapper itself writes.
WRAPPER_TAGS = {"html", "head", "meta", "title", "body", "div", "p", "br", "a"}


class Markup(HTMLParser):
    """The tags, attributes and links a mail client would see in the HTML part."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs |= {name for name, _value in attrs}
        if tag == "a":
            self._href, self._text = dict(attrs).get("href", ""), ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def assert_inert(html: str) -> None:
    """Nothing but the wrapper's own markup, and every link shows the address it goes to."""
    markup = Markup(html)
    assert markup.tags <= WRAPPER_TAGS, markup.tags
    assert not {a for a in markup.attrs if a.startswith("on")}, markup.attrs
    assert "<script" not in html.lower() and "<img" not in html.lower()
    for href, text in markup.links:
        assert href == text or href == f"mailto:{text}", (href, text)


def test_invitation_escapes_organisation_and_inviter_names_in_html_only(client, django_capture_on_commit_callbacks):
    admin, org = org_admin(name_en=IMG, name_ko=IMG)
    admin.full_name = SCRIPT
    admin.save()
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organizations:invite", args=[org.pk]), {"email": "x@example.kr", "role": "member"})

    [message] = mail.outbox
    html = html_of(message)
    assert IMG_ESCAPED in html and SCRIPT_ESCAPED in html
    assert_inert(html)
    # The invitation link stays a working link in the HTML part.
    assert any(href.startswith(settings.SITE_URL + "/accounts/invitation/") for href, _t in Markup(html).links)
    assert IMG in message.body and SCRIPT in message.body
    assert IMG in message.subject and SCRIPT in message.subject


def test_event_email_escapes_title_and_venue_in_html_only(django_capture_on_commit_callbacks):
    event = EventFactory(title_en=SCRIPT, title_ko=SCRIPT, venue=f'{IMG} <a href="https://evil.example">Prize</a>')
    user = verified_member()

    with django_capture_on_commit_callbacks(execute=True):
        registration.event_register(user=user, event_id=event.pk)

    [message] = mail.outbox
    html = html_of(message)
    assert SCRIPT_ESCAPED in html and IMG_ESCAPED in html
    assert "&lt;a href=&quot;" in html and "Prize&lt;/a&gt;" in html
    assert_inert(html)
    assert SCRIPT in message.body and event.venue in message.body
    assert message.subject == f"You are registered: {SCRIPT}"


@pytest.fixture
def hostile_world():
    w = build_world()
    w.firm.name_en = w.firm.name_ko = IMG
    w.firm.save()
    w.need.title = SCRIPT
    w.need.save()
    return w


def test_match_notice_escapes_organisation_and_need_in_html_only(hostile_world, django_capture_on_commit_callbacks):
    w = hostile_world
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        review.match_approve(user=w.tto, match_id=w.match.pk)

    [message] = [m for m in mail.outbox if w.startup.email in m.to]
    html = html_of(message)
    assert IMG_ESCAPED in html and SCRIPT_ESCAPED in html
    assert_inert(html)
    assert IMG in message.body and SCRIPT in message.body


def test_match_digest_escapes_organisation_and_need_in_html_only(hostile_world, django_capture_on_commit_callbacks):
    w = hostile_world
    NotificationSettings.objects.create(user=w.startup, daily_digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        review.match_approve(user=w.tto, match_id=w.match.pk)
    mail.outbox.clear()

    assert send_digests() >= 1

    [message] = [m for m in mail.outbox if w.startup.email in m.to]
    html = html_of(message)
    assert IMG_ESCAPED in html and SCRIPT_ESCAPED in html
    assert_inert(html)
    assert IMG in message.body and SCRIPT in message.body


def test_names_read_naturally_in_text_and_are_escaped_exactly_once_in_html(django_capture_on_commit_callbacks):
    from accounts import services

    inviter, org = org_admin(name_en="R&D <Lab>", name_ko="R&D <Lab>")
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(user=inviter, org=org, email="new@example.kr", role="member")

    [message] = mail.outbox
    assert "R&D <Lab>" in message.body
    html = html_of(message)
    assert "<p>" in html and "R&amp;D &lt;Lab&gt;" in html.split("<body", 1)[1]
    assert "&amp;amp;" not in html and "&amp;lt;" not in html


def test_html_part_escapes_text_even_when_it_was_marked_safe():
    html = render_html(subject=mark_safe(SCRIPT), text=mark_safe(f"{IMG}\nhttps://example.kr/a?b=1&c=2"))

    assert IMG_ESCAPED in html and SCRIPT_ESCAPED in html
    assert_inert(html)
    assert '<a href="https://example.kr/a?b=1&amp;c=2" rel="nofollow">' in html
