"""Every main page of every role fits a 390 px phone without sideways scrolling, in English and Korean.

The demo world is loaded once, then each role signs in and walks its pages (lists, and the first item
each list links to); a page fails when the document is wider than the window. The failure names the
widest elements that stick out, and a screenshot of each failing page lands in test-artifacts/.
"""

import re

import pytest
from django.core.management import call_command

from demo.world import DEMO_DOMAIN, DEMO_PASSWORD
from events.models import Event

PHONE = {"width": 390, "height": 844}

# (page, pattern of the first link on it to follow as well, or None)
PAGES = {
    "startup": [
        ("/", None), ("/listings/", r"^/listings/\d+/$"), ("/listings/new/", None),
        ("/listings/proposals/", None), ("/matches/", r"^/matches/\d+/$"),
        ("/events/", r"^/events/\d+/$"), ("/events/mine/", None),
        ("/organizations/", r"^/organizations/\d+/$"), ("/mentoring/", r"^/mentoring/programmes/\d+/$"),
        ("/mentoring/mentors/", r"^/mentoring/mentors/\d+/$"), ("/mentoring/panels/", None),
        ("/accounts/profile/", None),
    ],
    "tto": [("/matches/review/", r"^/matches/\d+/$"), ("/matches/", None)],
    "manager": [
        ("/matches/manage/", None), ("/manage/verification/", None), ("/listings/match-runs/", None),
        ("/clusters/hongneung/dashboard/", None), ("/mentoring/manage/mentors/", None),
        ("/mentoring/", r"^/mentoring/programmes/\d+/$"), ("/events/new/", None),
        ("partnering", None),  # the organiser's grid of a partnering event in a managed cluster
    ],
    "mentor": [("/mentoring/me/", None), ("/mentoring/me/seats/", None)],
}

OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  // Only what sticks out of the page itself: a wide table inside a scrolling box (.table-responsive) is fine.
  const scrolls = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null && !scrolls(el))
    .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
      ' right=' + Math.round(el.getBoundingClientRect().right));
}"""


@pytest.fixture
def demo_world(transactional_db):
    call_command("load_demo", verbosity=0)


def sign_in(page, base: str, who: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_email", f"{who}@{DEMO_DOMAIN}")
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/).*$"))


def first_link(page, pattern: str) -> str | None:
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        if re.match(pattern, href or ""):
            return href
    return None


def test_every_main_page_fits_a_390_px_phone_and_the_menus_fit_laptops(demo_world, browser, live_server, settings, artifacts_dir):
    settings.SITE_URL = live_server.url
    problems, visited = [], 0
    for language, (role, pages) in [(lang, item) for lang in ("en", "ko") for item in PAGES.items()]:
        context = browser.new_context(viewport=PHONE, locale="ko-KR" if language == "ko" else "en-US")
        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(20000)
        sign_in(page, live_server.url, role)
        for path, follow in pages:
            if path == "partnering":
                event = Event.objects.filter(partnering__isnull=False, cluster__slug__in=["hongneung", "pangyo"]).first()
                path = f"/events/{event.pk}/partnering/"
            targets = [path]
            response = page.goto(live_server.url + path)
            assert response.status < 400, (role, path, response.status)
            if follow:
                href = first_link(page, follow)
                assert href, f"{role}: {path} links to nothing like {follow}"
                targets.append(href)
                if role == "manager" and href.startswith("/mentoring/programmes/"):
                    targets.append(href + "manage/")  # the cohort page a manager works on
            for target in targets:
                if target != path:
                    response = page.goto(live_server.url + target)
                    assert response.status < 400, (role, target, response.status)
                visited += 1
                page.wait_for_load_state("load")
                wide = page.evaluate(OVERFLOW)
                if wide:
                    name = f"phone-{language}-{role}-{re.sub(r'[^a-z0-9]+', '-', target).strip('-') or 'home'}.png"
                    page.screenshot(path=str(artifacts_dir / name), full_page=True)
                    problems.append(f"{role} {target}: {wide}")
        context.close()
    assert visited >= 60  # about 32 pages in each language
    # The longest menus (a manager's, the platform admin's) fit laptops and desktops too: the menu
    # collapses into the toggler below 1400 px and fits one line above it, in both languages.
    for language, role, width in [(lang, r, w) for lang in ("en", "ko") for r in ("manager", "admin")
                                  for w in (1024, 1280, 1366, 1400, 1440)]:
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
        page = context.new_page()
        sign_in(page, live_server.url, role)
        page.goto(live_server.url + "/organizations/")
        page.wait_for_load_state("load")
        wide = page.evaluate(OVERFLOW)
        if wide:
            page.screenshot(path=str(artifacts_dir / f"desktop-{language}-{role}-{width}.png"), full_page=True)
            problems.append(f"{role} at {width} px ({language}): {wide}")
        context.close()
    assert not problems, "\n".join(problems)
