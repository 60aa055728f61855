from __future__ import annotations

from django.urls import path

from . import compare_views, views

app_name = "assessments"
urlpatterns = [
    path("assess/", views.start, name="start"),
    path("assess/<str:edit_token>/", views.edit, name="edit"),
    path("assess/<str:edit_token>/preview", views.preview, name="preview"),
    path("assess/<str:edit_token>/share", views.rotate_view_link, name="rotate"),
    path("assess/<str:edit_token>/fork", views.fork, name="fork"),
    path("assess/<str:edit_token>/rerun", views.rerun, name="rerun"),
    path("assess/<str:edit_token>/delete", views.delete, name="delete"),
    path("r/<str:view_token>/", views.results, name="results"),
    path("compare/<str:view_a>/<str:view_b>/", compare_views.compare_page, name="compare"),
]
