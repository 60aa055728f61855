from __future__ import annotations

from django.urls import include, path

from . import views
from .api.routes import api

urlpatterns = [
    path("", include("advisor.guide.urls")),
    path("", include("advisor.assessments.urls")),
    path("", include("advisor.reports.urls")),
    path("api/", api.urls),
    path("healthz", views.healthz, name="healthz"),
]
