from __future__ import annotations

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("r/<str:view_token>/report.pdf", views.pdf, name="pdf"),
    path("r/<str:view_token>/adr.md", views.adr, name="adr"),
    path("r/<str:view_token>/adr.zip", views.adr_archive, name="adr_zip"),
    path("r/<str:view_token>/assessment.json", views.export_json, name="json"),
    path("r/<str:view_token>/asyncapi.zip", views.asyncapi_archive, name="asyncapi"),
    path("r/<str:view_token>/landscape.mmd", views.landscape_mmd, name="mermaid"),
    path("r/<str:view_token>/catalog-info.yaml", views.catalog_info, name="backstage"),
]
