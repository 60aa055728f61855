"""The PDF report: HTML from a template, charts as SVG from kaleido, pages by WeasyPrint.

Nothing is fetched from the network: charts are embedded as data: URLs and
the fetcher refuses every other URL.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import ssl
import threading
import xml.etree.ElementTree as ET
from typing import Any

import kaleido
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from advisor import charts

_server_lock = threading.Lock()
_server_started = False
PLOTLY_JS = settings.BASE_DIR / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
# Never used to connect (only data: URLs are fetched), but a fetcher given no TLS context builds a default
# one, reading the system's certificate store: 45 ms on every report.
_UNUSED_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class DataOnlyFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint ships no type hints
    """Allows data: URLs only, and remembers what it refused."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"}, timeout=1, ssl_context=_UNUSED_TLS)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not url.startswith("data:"):
            self.refused.append(url)
            raise ValueError(f"The report fetches nothing from the network: {url[:80]}")
        return super().fetch(url, headers)


def start_kaleido() -> None:
    """One persistent kaleido (headless Chromium) per process: a cold export costs seconds."""
    global _server_started
    with _server_lock:
        if not _server_started:
            kaleido.start_sync_server(n=1, mathjax=False, plotlyjs=str(PLOTLY_JS), silence_warnings=True)
            _server_started = True


def svg_data_url(figure: charts.Figure, width: int, height: int) -> str:
    """A plotly figure as an SVG data: URL, drawn by kaleido."""
    printable = {**figure, "layout": {**figure["layout"], "width": width, "height": height}}
    return _svg_data_url(json.dumps(printable, sort_keys=True))


# The same figure draws the same SVG: the growth chart depends only on the number of systems, and a
# report rendered again (a new share link, a worker retry) redraws nothing. Bounded: 64 charts.
@functools.lru_cache(maxsize=64)
def _svg_data_url(printable: str) -> str:
    start_kaleido()
    figure = json.loads(printable)
    size = {"width": figure["layout"]["width"], "height": figure["layout"]["height"]}
    svg = kaleido.calc_fig_sync(figure, opts={"format": "svg", **size})
    return "data:image/svg+xml;base64," + base64.b64encode(lean_svg(svg)).decode("ascii")


_SVG = "{http://www.w3.org/2000/svg}"
ET.register_namespace("", _SVG[1:-1])
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
_REFERENCED_ID = re.compile(rb"(?:url\(['\"]?|href=\")#([^)'\"]+)")


def lean_svg(svg: bytes) -> bytes:
    """A browser's chart as WeasyPrint draws it fastest, looking the same.

    plotly leaves a hundred empty layers and clip paths, and styles each node in a style attribute that
    WeasyPrint parses as CSS: a third fewer nodes and the declarations as attributes (which WeasyPrint
    treats alike) take 2 % off a report's render.
    """
    root = ET.fromstring(svg)
    referenced = {name.decode() for name in _REFERENCED_ID.findall(svg)}

    def prune(node: ET.Element) -> None:
        for child in list(node):
            prune(child)
            tag = child.tag.removeprefix(_SVG)
            hollow = (tag in ("g", "defs") and len(child) == 0) or (tag == "path" and not child.get("d"))
            if hollow or (tag == "clipPath" and child.get("id") not in referenced):
                node.remove(child)
        node.attrib.pop("class", None)
        if node.get("id") not in referenced:
            node.attrib.pop("id", None)
        for declaration in node.attrib.pop("style", "").split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() and value.strip():
                node.set(name.strip(), value.strip())

    prune(root)
    return ET.tostring(root)


# A run of characters with nowhere to break: WeasyPrint tries each position in turn to fit it,
# which made a report of the longest valid names take minutes. Zero-width spaces every 20
# characters give it places to break; the text reads (and copies) the same.
_UNBROKEN = re.compile(r"[^\s&;<>\u200b]{24,}")
_TEXT = re.compile(r">([^<]+)<")


def _breakable(html: str) -> str:
    """The body's text with a break opportunity at least every 20 characters (styles untouched)."""
    head, separator, body = html.partition("<body")

    def soften(word: re.Match[str]) -> str:
        text = word.group(0)
        return "\u200b".join(text[i : i + 20] for i in range(0, len(text), 20))

    return head + separator + _TEXT.sub(lambda node: ">" + _UNBROKEN.sub(soften, node.group(1)) + "<", body)


# Colour emoji are bitmaps: about 2 ms of a worker each (ASCII costs next to nothing), so the longest
# valid names in emoji took 98 s of CPU. The first MAX_PICTOGRAPHS are drawn; any run after them prints
# as EMOJI_STANDIN, which keeps the worst report within seconds of the worst in plain text.
MAX_PICTOGRAPHS = 2000
EMOJI_STANDIN = "[emoji]"
_PICTOGRAPH = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\U000e0020-\U000e007f"
_PICTOGRAPH_RUN = re.compile(f"[{_PICTOGRAPH}][{_PICTOGRAPH}\u200b\u200d\ufe0f\u20e3]*")


def _fewer_pictographs(html: str) -> str:
    """The body's text with runs of pictographs after the first MAX_PICTOGRAPHS standing in as words."""
    head, separator, body = html.partition("<body")
    drawn = 0

    def run(match: re.Match[str]) -> str:
        nonlocal drawn
        drawn += len(match.group(0))
        return match.group(0) if drawn <= MAX_PICTOGRAPHS else EMOJI_STANDIN

    return head + separator + _TEXT.sub(lambda node: ">" + _PICTOGRAPH_RUN.sub(run, node.group(1)) + "<", body)


def report_html(context: dict[str, Any]) -> str:
    """The report as WeasyPrint lays it out: long words breakable, runs of pictographs stood in for."""
    return _breakable(_fewer_pictographs(render_to_string("reports/report.html", context)))


def render_pdf(context: dict[str, Any], fetcher: DataOnlyFetcher | None = None) -> bytes:
    html = report_html(context)
    # PDF/UA-1: a tagged PDF (headings, lists, tables, figures with their alt text) that screen readers follow.
    pdf: bytes | None = HTML(string=html, url_fetcher=fetcher or DataOnlyFetcher()).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None
    return pdf
