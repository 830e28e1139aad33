from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("rapporter/", views.report_list, name="list"),
    path("rapporter/<int:pk>/tekster/", views.report_texts, name="texts"),
    path("rapporter/<int:pk>/udgiv/", views.report_publish_view, name="publish"),
    path("rapporter/<int:pk>/ny-ud-fra-denne/", views.report_next, name="next"),
    path("rapporter/<int:pk>/afvigelser/", views.report_deviations_view, name="deviations"),
    path("datakvalitet/", views.data_quality, name="quality"),
    path("udgivelser/<int:pk>/sammenlign/", views.publication_compare, name="compare"),
    path("aftaler/<int:pk>/evaluering/<int:report_pk>/", views.agreement_answers, name="answers"),
    path("strategier/maal/<int:pk>/vaerdier/", views.goal_reported, name="reported"),
    path("rapporter/<int:pk>/maal/", views.report_goals, name="goals"),
]

# The same three documents, as a draft (consultants) and as published.
for kind, segment in (("full", ""), ("public", "offentlig/"), ("summary", "resume/")):
    urlpatterns += [
        path(f"rapporter/<int:pk>/{segment}", views.report_document, {"kind": kind}, name=kind),
        path(
            f"rapporter/<int:pk>/{segment}pdf/",
            views.report_document,
            {"kind": kind, "pdf": True},
            name=f"{kind}_pdf",
        ),
        path(
            f"udgivelser/<int:pk>/{segment or 'fuld/'}",
            views.publication_document,
            {"kind": kind},
            name=f"publication_{kind}",
        ),
        path(
            f"udgivelser/<int:pk>/{segment or 'fuld/'}pdf/",
            views.publication_document,
            {"kind": kind, "pdf": True},
            name=f"publication_{kind}_pdf",
        ),
    ]
