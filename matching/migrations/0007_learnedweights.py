import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("matching", "0006_run_heartbeat_need_closed"),
    ]

    operations = [
        migrations.CreateModel(
            name="LearnedWeights",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.CharField(max_length=60, unique=True, verbose_name="model version")),
                ("weights", models.JSONField(verbose_name="weights")),
                ("metrics", models.JSONField(blank=True, default=dict, verbose_name="refit figures")),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("decisions", "Reviewers' and firms' decisions"),
                            ("links", "Known partnerships (the engine's refit)"),
                        ],
                        max_length=10,
                        verbose_name="learned from",
                    ),
                ),
                ("adopted_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="adopted at")),
                ("is_active", models.BooleanField(default=False, verbose_name="active")),
            ],
            options={
                "verbose_name": "learned weights",
                "verbose_name_plural": "learned weights",
                "ordering": ["-adopted_at", "-id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("is_active", True)), fields=("is_active",), name="learnedweights_one_active"
                    )
                ],
            },
        ),
    ]
