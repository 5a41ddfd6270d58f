"""What a deleted account leaves behind in the apps above accounts (connected in ``PortalConfig.ready``).

``accounts.deletion.account_delete`` anonymises the User row and ends the memberships; this receiver,
inside the same transaction, withdraws the person's mentor profile (releasing the seats and requests waiting
for them), gives up their places at events still to come, and removes their purely personal rows (saved
searches and their notices, in-app notifications, the calendar feed). History other people rely on
(matches, messages, notes, sessions, past registrations, linkages) stays, shown as "Deleted member".
"""

from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from events.models import CalendarFeed, Registration, RegistrationStatus
from events.registration import registration_cancel
from matching.models import Notification
from mentoring.models import MentorProfile, MentorStatus
from mentoring.services import mentor_set_availability

from .models import SavedSearch, SavedSearchNotice


def on_account_deleted(sender, *, user: User, **kwargs) -> None:
    now = timezone.now()
    if MentorProfile.objects.filter(user=user).exists():
        mentor_set_availability(user=user, available=False)  # declines what still waits for them
        MentorProfile.objects.filter(user=user).update(
            status=MentorStatus.SUSPENDED, status_reason="account deleted", headline="", career="",
            affiliations=[], investments=[], updated_at=now,
        )
    upcoming = Registration.objects.filter(user=user, event__starts_at__gt=now).exclude(
        status=RegistrationStatus.CANCELLED
    )
    for registration_id in upcoming.values_list("pk", flat=True):  # a handful at most; each frees a seat
        registration_cancel(user=user, registration_id=registration_id)
    Registration.objects.filter(user=user).update(answers={}, show_in_participant_list=False)
    SavedSearchNotice.objects.filter(Q(user=user) | Q(saved_search__user=user)).delete()
    SavedSearch.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
