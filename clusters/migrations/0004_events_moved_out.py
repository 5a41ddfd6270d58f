"""The event models now belong to the events app (events 0001): drop them from this app's state.

State only: the tables stay, under their old names, owned by events.Event and the others.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('clusters', '0003_partnering'),
        # events 0001 takes the models over first, so they are never missing from the state.
        ('events', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                # Dependents first: each model's references are gone before the model is.
                migrations.DeleteModel(name='Meeting'),
                migrations.DeleteModel(name='MeetingRequest'),
                migrations.DeleteModel(name='PartneringSession'),
                migrations.DeleteModel(name='CalendarFeed'),
                migrations.DeleteModel(name='Registration'),
                migrations.DeleteModel(name='Event'),
            ],
        ),
    ]
