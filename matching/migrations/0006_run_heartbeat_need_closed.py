from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("matching", "0005_match_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="matchrun",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last progress at"),
        ),
        migrations.AlterField(
            model_name="match",
            name="close_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("declined_by_firm", "Declined by the requesting side"),
                    ("declined_by_counterpart", "Declined by the counterpart"),
                    ("expired", "Expired without an answer"),
                    ("withdrawn", "Withdrawn"),
                    ("need_closed", "The need was closed"),
                ],
                max_length=30,
                verbose_name="close reason",
            ),
        ),
    ]
