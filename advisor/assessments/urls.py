from __future__ import annotations

from django.urls import path

from . import compare_views, views, whatif

app_name = "assessments"
urlpatterns = [
    path("assess/", views.start, name="start"),
    path("assess/<token:edit_token>/", views.edit, name="edit"),
    path("assess/<token:edit_token>/preview", views.preview, name="preview"),
    path("assess/<token:edit_token>/share", views.rotate_view_link, name="rotate"),
    path("assess/<token:edit_token>/fork", views.fork, name="fork"),
    path("assess/<token:edit_token>/rerun", views.rerun, name="rerun"),
    path("assess/<token:edit_token>/delete", views.delete, name="delete"),
    path("assess/<token:edit_token>/whatif/<int:index>", whatif.save_whatif, name="save_whatif"),
    path("r/<token:view_token>/", views.results, name="results"),
    path("r/<token:view_token>/whatif/landscape", whatif.landscape_whatif, name="whatif_landscape"),
    path("r/<token:view_token>/whatif/<int:index>", whatif.flow_whatif, name="whatif_flow"),
    path("compare/<token:view_a>/<token:view_b>/", compare_views.compare_page, name="compare"),
]
