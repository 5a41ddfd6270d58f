"""Navigation links of the review lifecycle (with the unread badge) and the "ask for an
introduction" form of an organisation's profile page."""

from __future__ import annotations

from django import template

from accounts.selectors import is_cluster_manager, member_org_ids

from ..models import Listing, ListingSide, ListingStatus
from ..review.selectors import reviewing_org_ids, unread_notifications

register = template.Library()


@register.inclusion_tag("matching/review/_nav.html", takes_context=True)
def review_nav(context) -> dict:
    request = context["request"]
    user = request.user
    if not user.is_authenticated:
        return {"show": False}
    reviewing = getattr(request, "reviewing_org_ids", None)  # read already by the review queue's view
    return {"show": bool(member_org_ids(user)) or is_cluster_manager(user), "unread": unread_notifications(user),
            "reviewer": bool(reviewing_org_ids(user) if reviewing is None else reviewing),
            "manager": is_cluster_manager(user)}


@register.inclusion_tag("matching/review/_request_form.html", takes_context=True)
def request_intro(context, org) -> dict:
    """Members of another organisation pick one of their open needs; managers broker any open need."""
    request = context["request"]
    user = request.user
    if not user.is_authenticated or org.status != "verified" or org.pk in member_org_ids(user):
        return {"show": False}
    mine = Listing.objects.filter(organization_id__in=member_org_ids(user), side=ListingSide.NEED,
                                  status=ListingStatus.OPEN).order_by("title")[:50]
    broker = is_cluster_manager(user)
    needs = list(mine) if mine else (list(Listing.objects.filter(side=ListingSide.NEED, status=ListingStatus.OPEN)
                                          .exclude(organization=org).select_related("organization")
                                          .order_by("-created_at")[:100]) if broker else [])
    return {"show": bool(needs), "org": org, "needs": needs, "broker": broker and not mine,
            "csrf_token": context.get("csrf_token"), "next": request.get_full_path()}
