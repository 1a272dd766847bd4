"""The API's docs page at /api/v1/docs: the OpenAPI description rendered as a static GOV.UK
page (`hatehub.core.openapi_page` says why it replaces Swagger UI)."""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

from hatehub.core.openapi_page import build
from hatehub.training.content import render_markdown


class AccessibleDocs(DocsBase):
    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        # Markdown is rendered and cleaned by nh3 (render_markdown); the template marks it safe.
        schema = api.get_openapi_schema(path_params=kwargs)
        page = build(schema)
        for group in page.groups:
            for operation in group.operations:
                operation.description_html = render_markdown(operation.description)
                if operation.body_example is not None:
                    operation.example_json = json.dumps(operation.body_example, indent=2)
        return render(
            request,
            "api/docs.html",
            {
                "page": page,
                "description_html": render_markdown(page.description),
                "security": [(name, render_markdown(how)) for name, how in page.security],
                "openapi_url": self.get_openapi_url(api, kwargs),
            },
        )
