"""The event models move here from the clusters app: state only, the tables keep their names.

On a fresh database the tables are created by clusters 0002/0003 as before; on an existing one
nothing is touched. No database operation runs either way.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0001_initial'),
        # The tables were created by these clusters migrations; clusters 0004 then drops the models
        # from the clusters app's state.
        ('clusters', '0003_partnering'),
        ('matching', '0003_listing'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='CalendarFeed',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.CharField(max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(auto_now=True)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='calendar_feed', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'calendar feed',
                        'verbose_name_plural': 'calendar feeds',
                        'db_table': 'clusters_calendarfeed',
                    },
                ),
                migrations.CreateModel(
                    name='Event',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('meetup', 'Meetup'), ('seminar', 'Seminar'), ('partnering', 'Partnering session'), ('pitch', 'Pitch event'), ('workshop', 'Workshop')], default='meetup', max_length=12, verbose_name='kind')),
                        ('title_ko', models.CharField(blank=True, max_length=200, verbose_name='title (Korean)')),
                        ('title_en', models.CharField(blank=True, max_length=200, verbose_name='title (English)')),
                        ('description_ko', models.TextField(blank=True, verbose_name='description (Korean)')),
                        ('description_en', models.TextField(blank=True, verbose_name='description (English)')),
                        ('starts_at', models.DateTimeField(db_index=True, verbose_name='starts at')),
                        ('ends_at', models.DateTimeField(verbose_name='ends at')),
                        ('venue', models.CharField(blank=True, max_length=300, verbose_name='venue')),
                        ('online_url', models.URLField(blank=True, help_text='Shown only to registered people.', verbose_name='online link')),
                        ('capacity', models.PositiveIntegerField(blank=True, help_text='Empty for no limit.', null=True, verbose_name='capacity')),
                        ('seats_taken', models.PositiveIntegerField(default=0, editable=False)),
                        ('registration_deadline', models.DateTimeField(blank=True, null=True, verbose_name='registration deadline')),
                        ('questions', models.JSONField(blank=True, default=list, verbose_name='registration questions')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published'), ('cancelled', 'Cancelled')], default='draft', max_length=10, verbose_name='status')),
                        ('followup_to', models.CharField(choices=[('attended', 'Those who attended'), ('no_shows', 'Only no-shows'), ('everyone', 'Everyone registered'), ('nobody', 'Nobody')], default='attended', max_length=10, verbose_name='follow-up email goes to')),
                        ('followup_sent_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('sequence', models.PositiveIntegerField(default=0, editable=False)),
                        ('published_at', models.DateTimeField(blank=True, null=True)),
                        ('cancelled_at', models.DateTimeField(blank=True, null=True)),
                        ('cancel_reason', models.TextField(blank=True, verbose_name='reason for cancelling')),
                        ('source', models.CharField(blank=True, max_length=50)),
                        ('external_id', models.CharField(blank=True, max_length=200)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('cluster', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='clusters.cluster', verbose_name='cluster')),
                        ('copied_from', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='events.event')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('topics', models.ManyToManyField(blank=True, related_name='events', to='matching.facet', verbose_name='topics')),
                    ],
                    options={
                        'verbose_name': 'event',
                        'verbose_name_plural': 'events',
                        'db_table': 'clusters_event',
                        'ordering': ['starts_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='PartneringSession',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('first_slot_at', models.DateTimeField(verbose_name='first meeting slot starts at')),
                        ('slot_minutes', models.PositiveSmallIntegerField(default=20, verbose_name='minutes per meeting')),
                        ('slots', models.PositiveSmallIntegerField(default=12, verbose_name='number of slots')),
                        ('tables', models.PositiveSmallIntegerField(default=20, verbose_name='number of tables')),
                        ('scheduled_at', models.DateTimeField(blank=True, null=True, verbose_name='last scheduled at')),
                        ('event', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='partnering', to='events.event')),
                    ],
                    options={
                        'verbose_name': 'partnering session',
                        'verbose_name_plural': 'partnering sessions',
                        'db_table': 'clusters_partneringsession',
                    },
                ),
                migrations.CreateModel(
                    name='Registration',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(blank=True, help_text='For walk-ins without an account.', max_length=150, verbose_name='name')),
                        ('status', models.CharField(choices=[('registered', 'Registered'), ('waitlisted', 'On the waiting list'), ('offered', 'Seat offered'), ('cancelled', 'Cancelled')], max_length=12, verbose_name='status')),
                        ('offer_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='offer held until')),
                        ('answers', models.JSONField(blank=True, default=dict, verbose_name='answers')),
                        ('show_in_participant_list', models.BooleanField(default=True, verbose_name='show me on the participant list')),
                        ('checked_in_at', models.DateTimeField(blank=True, null=True, verbose_name='checked in at')),
                        ('walk_in', models.BooleanField(default=False, verbose_name='walk-in')),
                        ('available_slots', models.JSONField(blank=True, null=True, verbose_name='available meeting slots')),
                        ('nonce', models.CharField(editable=False, max_length=16)),
                        ('reminder_sent_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('followup_sent_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('checked_in_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='registrations', to='events.event')),
                        ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='event_registrations', to='accounts.organization')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='event_registrations', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'registration',
                        'verbose_name_plural': 'registrations',
                        'db_table': 'clusters_registration',
                        'ordering': ['created_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='MeetingRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.TextField(blank=True, max_length=1000, verbose_name='message')),
                        ('status', models.CharField(choices=[('requested', 'Requested'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('withdrawn', 'Withdrawn')], default='requested', max_length=10, verbose_name='status')),
                        ('weight', models.FloatField(default=0.0, help_text='The match score of the two, if any.', verbose_name='priority')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('decided_at', models.DateTimeField(blank=True, null=True)),
                        ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_requests', to='events.event')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='requests_received', to='events.registration')),
                        ('requester', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='requests_sent', to='events.registration')),
                    ],
                    options={
                        'verbose_name': 'meeting request',
                        'verbose_name_plural': 'meeting requests',
                        'db_table': 'clusters_meetingrequest',
                        'ordering': ['-weight', 'created_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Meeting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slot', models.PositiveSmallIntegerField(verbose_name='slot')),
                        ('table', models.PositiveSmallIntegerField(verbose_name='table')),
                        ('outcome', models.CharField(choices=[('pending', 'Not recorded yet'), ('held', 'Held'), ('no_show', 'No-show')], default='pending', max_length=10, verbose_name='outcome')),
                        ('follow_up_wanted', models.BooleanField(default=False, verbose_name='follow-up wanted')),
                        ('outcome_note', models.TextField(blank=True, max_length=2000, verbose_name='note')),
                        ('outcome_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meetings', to='events.event')),
                        ('outcome_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('request', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='meeting', to='events.meetingrequest')),
                        ('a', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meetings_as_a', to='events.registration')),
                        ('b', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meetings_as_b', to='events.registration')),
                    ],
                    options={
                        'verbose_name': 'meeting',
                        'verbose_name_plural': 'meetings',
                        'db_table': 'clusters_meeting',
                        'ordering': ['slot', 'table', 'id'],
                    },
                ),
                migrations.AddIndex(
                    model_name='event',
                    index=models.Index(fields=['cluster', 'status', 'starts_at'], name='clusters_ev_cluster_52a3bf_idx'),
                ),
                migrations.AddConstraint(
                    model_name='event',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='event_ends_after_start'),
                ),
                migrations.AddConstraint(
                    model_name='event',
                    constraint=models.CheckConstraint(condition=models.Q(('capacity__isnull', True), ('seats_taken__lte', models.F('capacity')), _connector='OR'), name='event_no_overbooking'),
                ),
                migrations.AddConstraint(
                    model_name='partneringsession',
                    constraint=models.CheckConstraint(condition=models.Q(('slots__gt', 0), ('tables__gt', 0), ('slot_minutes__gt', 0)), name='partnering_positive_grid'),
                ),
                migrations.AddIndex(
                    model_name='registration',
                    index=models.Index(fields=['event', 'status', 'created_at'], name='clusters_re_event_i_bd8f0a_idx'),
                ),
                migrations.AddConstraint(
                    model_name='registration',
                    constraint=models.UniqueConstraint(condition=models.Q(('user__isnull', False), models.Q(('status', 'cancelled'), _negated=True)), fields=('event', 'user'), name='registration_one_active_per_user'),
                ),
                migrations.AddConstraint(
                    model_name='registration',
                    constraint=models.UniqueConstraint(fields=('event', 'nonce'), name='registration_nonce_unique'),
                ),
                migrations.AddConstraint(
                    model_name='registration',
                    constraint=models.CheckConstraint(condition=models.Q(('user__isnull', False), models.Q(('name', ''), _negated=True), _connector='OR'), name='registration_has_person'),
                ),
                migrations.AddConstraint(
                    model_name='meetingrequest',
                    constraint=models.UniqueConstraint(fields=('requester', 'recipient'), name='meeting_request_once'),
                ),
                migrations.AddConstraint(
                    model_name='meetingrequest',
                    constraint=models.CheckConstraint(condition=models.Q(('requester', models.F('recipient')), _negated=True), name='meeting_request_not_self'),
                ),
                migrations.AddConstraint(
                    model_name='meeting',
                    constraint=models.UniqueConstraint(fields=('event', 'slot', 'table'), name='meeting_table_once_per_slot'),
                ),
                migrations.AddConstraint(
                    model_name='meeting',
                    constraint=models.UniqueConstraint(fields=('event', 'slot', 'a'), name='meeting_a_once_per_slot'),
                ),
                migrations.AddConstraint(
                    model_name='meeting',
                    constraint=models.UniqueConstraint(fields=('event', 'slot', 'b'), name='meeting_b_once_per_slot'),
                ),
            ],
        ),
    ]
