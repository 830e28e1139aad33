"""Two models move into the reports, where their period lives, so that no app below the
reports refers to a report period (the layers, README): an agreement's evaluation answers for
a report (from agreements) and a goal's reported value for a report period (from strategy).

The state gains the models here; the database keeps the rows. A database made before the
move has the tables under their old names, which are renamed; a new database gets them
created. Content types (and so any permissions given on them) move with the models."""

import django.db.models.deletion
from django.db import migrations, models

MOVED = [
    ("EvaluationAnswer", "agreements", "agreements_evaluationanswer"),
    ("ReportedValue", "strategy", "strategy_reportedvalue"),
]


def adopt_or_create(apps, schema_editor):
    tables = set(schema_editor.connection.introspection.table_names())
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name, old_app, old_table in MOVED:
        model = apps.get_model("reports", name)
        if model._meta.db_table in tables:
            continue
        if old_table in tables:
            schema_editor.alter_db_table(model, old_table, model._meta.db_table)
        else:
            schema_editor.create_model(model)
        if not ContentType.objects.filter(app_label="reports", model=name.lower()).exists():
            ContentType.objects.filter(app_label=old_app, model=name.lower()).update(
                app_label="reports"
            )


def drop(apps, schema_editor):
    tables = set(schema_editor.connection.introspection.table_names())
    for name, _, _ in MOVED:
        model = apps.get_model("reports", name)
        if model._meta.db_table in tables:
            schema_editor.delete_model(model)


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0009_merge_progression"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0004_merge_deviations_and_strategy"),
        ("strategy", "0001_strategy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EvaluationAnswer",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "question",
                            models.PositiveSmallIntegerField(
                                choices=[(1, 'Introduktion til aftalen og målgruppen'), (2, 'Overblik efter endt forløb'), (3, 'Er forløbene i brug?'), (4, 'Har deltageren en plan?'), (5, 'Har deltageren ejerskab til planen?'), (6, 'Sker opfølgningen og foretages opfølgningsmøderne?'), (7, 'Får sagsbehandler hvad der er aftalt?'), (8, 'Samarbejdet med virksomheden?'), (9, 'Hvad opnår deltagerne i forløbet – effekter i den praktiske hverdag (adfærd/holdninger)?')],
                                verbose_name="spørgsmål",
                            ),
                        ),
                        ("text", models.TextField(verbose_name="svar")),
                        (
                            "agreement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="answers",
                                to="agreements.agreement",
                                verbose_name="aftale",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="answers",
                                to="reports.reportperiod",
                                verbose_name="rapport",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "evalueringssvar",
                        "verbose_name_plural": "evalueringssvar",
                        "ordering": ["report", "agreement__name", "question"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("agreement", "report", "question"),
                                name="one_answer_a_question",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ReportedValue",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("value", models.FloatField(verbose_name="værdi")),
                        ("source", models.CharField(max_length=500, verbose_name="kilde")),
                        (
                            "goal",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reported_values",
                                to="strategy.goal",
                                verbose_name="mål",
                            ),
                        ),
                        (
                            "report",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reported_values",
                                to="reports.reportperiod",
                                verbose_name="rapportperiode",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "indberettet værdi",
                        "verbose_name_plural": "indberettede værdier",
                        "ordering": ["goal", "report__start"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("goal", "report"), name="one_value_a_period"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(adopt_or_create, drop),
    ]
