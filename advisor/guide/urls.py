from __future__ import annotations

from django.urls import path

from . import views

app_name = "guide"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("patterns/", views.patterns, name="patterns"),
    path("patterns/<slug:slug>/", views.pattern, name="pattern"),
    path("factors/", views.factors, name="factors"),
    path("limits/", views.limits, name="limits"),
    path("factors/demo", views.factor_demo, name="factor-demo"),
    path("use-cases/", views.use_cases, name="use-cases"),
    path("use-cases/<slug:slug>/", views.use_case, name="use-case"),
]
