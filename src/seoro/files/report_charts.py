"""The outcome report's charts as inline SVG, drawn with matplotlib.

No pyplot (its global figure state does not belong in a server): a bare ``Figure`` saved as SVG, with
the settings of docs/report.md in an ``rc_context``. Hangul needs NanumGothic (Debian ``fonts-nanum``),
registered by path so a font cache built before the fonts were installed cannot hide it; DejaVu Sans
stands behind it for the glyphs Nanum lacks, such as the minus sign. Text is drawn as paths, so the SVG
looks the same in every browser and in WeasyPrint without any font of the reader's.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from matplotlib import font_manager, rc_context
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

from seoro.domain.outcomes import OutcomeReport
from seoro.files.report_tables import named
from seoro.i18n import t

NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
TOP = 10  # bars in the country chart
_SETTINGS: dict[RcKeyType, Any] = {
    "font.family": ["NanumGothic", "DejaVu Sans"],
    "axes.unicode_minus": False,
    "svg.fonttype": "path",
    "svg.hashsalt": "seoro",  # ids the same on every run: the same report gives the same page
    "font.size": 10,
}
_COLOURS = ("#0969da", "#1a7f37")
_LOCK = threading.Lock()  # rcParams are process-wide: one chart at a time
Series = tuple[str, Sequence[int]]


def report_charts(report: OutcomeReport, lang: str) -> dict[str, str]:
    """The funnel, the results by kind and the leads and results by country, as SVG by section key;
    a chart with nothing to show is left out."""
    leads, results = t("doc.report.chart_leads", lang), t("doc.report.chart_results", lang)
    countries = report.by_country[:TOP]
    charts = {
        "funnel": ([s.label.pick(lang) for s in report.funnel], [(leads, [s.leads for s in report.funnel])]),
        "by_kind": ([k.label.pick(lang) for k in report.by_kind], [(results, [k.results for k in report.by_kind])]),
        "by_country": (
            [named(c.label, lang) for c in countries],
            [(leads, [c.leads for c in countries]), (results, [c.results for c in countries])],
        ),
    }
    return {
        key: bar_chart(labels, series, prefix=f"chart-{key}")
        for key, (labels, series) in charts.items()
        if any(any(values) for _, values in series)
    }


def bar_chart(labels: Sequence[str], series: Sequence[Series], *, prefix: str) -> str:
    """Horizontal bars, the first label on top, one bar per series in each row, each with its value;
    ``prefix`` keeps the SVG's ids apart from other charts on the same page."""
    _register_fonts()
    with _LOCK, rc_context(_SETTINGS):
        figure = Figure(figsize=(7.0, 0.9 + 0.32 * len(labels) * len(series)), layout="constrained")
        axes = figure.subplots()
        height = 0.8 / len(series)
        for i, (name, values) in enumerate(series):
            places = [row + (i - (len(series) - 1) / 2) * height for row in range(len(labels))]
            bars = axes.barh(places, values, height=height, label=name, color=_COLOURS[i % len(_COLOURS)])
            axes.bar_label(bars, padding=3)
        axes.set_yticks(range(len(labels)), labels)
        axes.invert_yaxis()
        axes.xaxis.set_visible(False)
        axes.spines[["top", "right", "bottom"]].set_visible(False)
        axes.margins(x=0.12)
        if len(series) > 1:
            axes.legend(loc="lower right", frameon=False)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return inline(out.getvalue(), prefix)


def inline(svg: str, prefix: str) -> str:
    """The ``<svg>`` element alone (no XML prolog), its ids and the references to them prefixed, its
    styles as presentation attributes: an SVG inside HTML shares the page's CSS, so its ``<style>``
    rule would reach the whole page, and WeasyPrint reads ``style`` attributes as HTML properties."""
    element = svg[svg.index("<svg") :]
    element = re.sub(r'\bid="', f'id="{prefix}-', element)
    element = element.replace('href="#', f'href="#{prefix}-').replace("url(#", f"url(#{prefix}-")
    element = element.replace(_GLOBAL_STYLE, "").replace("<svg ", f"<svg {_GLOBAL_ATTRIBUTES} ", 1)
    return _STYLE.sub(_attributes, element).strip()


# what matplotlib writes into every SVG, and the same as attributes of the root element (both inherited)
_GLOBAL_STYLE = '<style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style>'
_GLOBAL_ATTRIBUTES = 'stroke-linejoin="round" stroke-linecap="butt"'
_STYLE = re.compile(r'\bstyle="([^"]*)"')


def _attributes(match: re.Match[str]) -> str:
    pairs = (item.split(":", 1) for item in match.group(1).split(";") if ":" in item)
    return " ".join(f'{name.strip()}="{value.strip()}"' for name, value in pairs)


@cache
def _register_fonts() -> None:
    if NANUM.exists():
        font_manager.fontManager.addfont(str(NANUM))
