"""Stage 3: people with Korean names, their memberships, cluster managers and one login per role."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings

from accounts.models import Membership, MembershipRole, MembershipStatus, User

from ._sync import upsert
from .data import read
from .institutions import CLUSTER_OFFICES
from .world import DEMO_DOMAIN, World

if TYPE_CHECKING:
    import random

_names = read("names")
# Family names weighted roughly by frequency (Kim, Lee and Park cover ~45% of Koreans): [ko, en, weight].
FAMILY_NAMES: list[list] = _names["family_names"]
GIVEN_NAMES: list[list[str]] = _names["given_names"]
# Job titles per organisation kind: [admin title, member titles]; each title is [ko, en].
TITLES: dict[str, list] = _names["titles"]
TTO_TITLE: list[str] = _names["tto_title"]
# One login per role; `org` is an external_id. Everyone shares the printed demo password.
LOGINS: list[dict] = read("logins")

_USER_SYNC = ["full_name", "phone", "language", "is_active", "is_staff", "is_superuser", "password",
              "privacy_consent_version"]
_ABROAD_PHONE = {"US": "+1 617-555-{n:04d}", "JP": "+81 6-5550-{n:04d}", "DE": "+49 30 5550{n:04d}",
                 "SG": "+65 6555 {n:04d}"}


def _people_count(spec: dict, rng: random.Random) -> int:
    """Members besides the admin, by kind and size."""
    if spec.get("status") in ("pending", "rejected"):
        return 0
    kind, size = spec["kind"], spec.get("size")
    if kind == "firm":
        return {"startup": rng.randint(0, 2), "sme": rng.randint(2, 4), "large": 4}.get(size, 1)
    return {"hospital": rng.randint(3, 5), "university": rng.randint(2, 4), "investor": rng.randint(1, 2),
            "service": rng.randint(0, 2), "public": rng.randint(1, 2)}[kind]


def _person(world: World, spec: dict, domain: str, used: set[str]) -> dict:
    rng = world.rng
    family = rng.choices(FAMILY_NAMES, [w for *_, w in FAMILY_NAMES])[0]
    given = rng.choice(GIVEN_NAMES)
    abroad = spec.get("country", "KR") != "KR"
    language = "en" if abroad or rng.random() < 0.12 else "ko"
    local = f"{given[1]}.{family[1]}".lower()
    email, n = f"{local}@{domain}", 1
    while email in used:
        n += 1
        email = f"{local}{n}@{domain}"
    used.add(email)
    digits = rng.randint(0, 9999)
    phone = (_ABROAD_PHONE[spec["country"]].format(n=digits) if abroad
             else f"010-{rng.randint(2000, 9999)}-{digits:04d}")
    return {
        "email": email,
        "full_name": f"{family[0]}{given[0]}" if language == "ko" else f"{given[1]} {family[1]}",
        "phone": phone, "language": language, "days_ago": spec["days_ago"] + rng.randint(0, 5),
        "news": rng.random() < 0.35,
    }


def _user_row(world: World, p: dict) -> dict:
    joined = world.now - timedelta(days=p["days_ago"])
    return {
        "email": p["email"], "full_name": p["full_name"], "phone": p["phone"], "language": p["language"],
        "is_active": True, "is_staff": bool(p.get("superuser")), "is_superuser": bool(p.get("superuser")),
        "password": world.password_hash, "privacy_consent_version": settings.PRIVACY_POLICY_VERSION,
        # History, set once: when they joined, verified their email and consented.
        "date_joined": joined, "email_verified_at": joined + timedelta(minutes=7), "privacy_consent_at": joined,
        "news_opt_in": p["news"], "news_opt_in_at": joined if p["news"] else None,
    }


def _generated_people(world: World, login_admin_orgs: set[str]) -> tuple[list[dict], list[dict]]:
    """People and (email, external_id, role, is_tto, title) membership facts for every org."""
    people, memberships, used = [], [], set()
    for ext_id, spec in world.org_specs.items():
        domain = f"{spec['domain']}.{DEMO_DOMAIN}"
        admin_title, member_titles = TITLES[spec["kind"]]
        slots = [] if ext_id in login_admin_orgs else [("admin", False, admin_title)]
        extra = _people_count(spec, world.rng)
        for i in range(extra):
            tto = spec["kind"] == "hospital" and i < 2  # two TTO reviewers per hospital
            slots.append(("member", tto, TTO_TITLE if tto else world.rng.choice(member_titles)))
        for role, tto, title in slots:
            p = _person(world, spec, domain, used)
            people.append(p)
            memberships.append({"email": p["email"], "org": ext_id, "role": role, "tto": tto,
                                "title": title[0] if p["language"] == "ko" else title[1]})
    return people, memberships


def build_people(world: World) -> dict[str, User]:
    """Users by email (generated people and role logins), memberships and cluster managers."""
    login_admin_orgs = {x["org"] for x in LOGINS if x.get("member_role") == "admin"}
    people, memberships = _generated_people(world, login_admin_orgs)
    for login in LOGINS:
        language = login.get("language", "ko")
        email = f"{login['email']}@{DEMO_DOMAIN}"
        people.append({"email": email, "full_name": login["name"][0 if language == "ko" else 1],
                       "phone": f"010-{5550 + LOGINS.index(login):04d}-0{LOGINS.index(login):03d}",
                       "language": language, "days_ago": 400, "news": True, "superuser": login.get("superuser")})
        if login.get("org"):
            memberships.append({"email": email, "org": login["org"], "role": login.get("member_role", "member"),
                                "tto": login.get("tto", False), "status": login.get("status", "active"),
                                "title": login["title"][0 if language == "ko" else 1]})
        org = world.orgs.get(login.get("org", ""))
        world.add_login(email, login["role"], org.name_en if org else "")
    users = upsert(User, [_user_row(world, p) for p in people], key=["email"], sync=_USER_SYNC)
    world.people = {k[0]: u for k, u in users.items()}
    rows = [{
        "user_id": world.people[m["email"]].pk, "organization_id": world.orgs[m["org"]].pk,
        "role": MembershipRole(m["role"]), "is_tto": m["tto"], "title": m["title"],
        "status": MembershipStatus(m.get("status", "active")),
        # Bulk writes skip Membership.save(): admins and TTO reviewers may be named as match contacts
        # (set on creation only, so a re-run keeps what an organisation's admin changed).
        "may_be_contact": m["role"] == "admin" or bool(m["tto"]),
    } for m in memberships]
    upsert(Membership, rows, key=["user_id", "organization_id"], sync=["role", "is_tto", "title", "status"])
    _assign_managers(world, memberships)
    return world.people


def _assign_managers(world: World, memberships: list[dict]) -> None:
    """The manager@ login leads Hongneung and Pangyo; each cluster office's admin manages its cluster."""
    wanted: dict[str, list[User]] = {slug: [] for slug in world.clusters}
    for login in LOGINS:
        for slug in login.get("manages", []):
            wanted[slug].append(world.people[f"{login['email']}@{DEMO_DOMAIN}"])
    office_admins = {m["org"]: m["email"] for m in memberships if m["role"] == "admin"}
    for slug, office in CLUSTER_OFFICES.items():
        admin = world.people[office_admins[f"public-{office}"]]
        if admin not in wanted[slug]:
            wanted[slug].append(admin)
    for slug, users in wanted.items():
        cluster = world.clusters[slug]
        have = set(cluster.managers.values_list("pk", flat=True))
        missing = [u for u in users if u.pk not in have]
        if missing:  # only add: real managers someone appointed by hand stay
            cluster.managers.add(*missing)
    world.managers = wanted
