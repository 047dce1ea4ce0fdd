"""Page weight as real news sites carry it, added around a page's story for robustness tests and the
heavy-page benchmark: inline scripts and JSON, inline CSS, SVG icons and a mega-menu of links."""

from __future__ import annotations

#: Sizes chosen after what large Hindi news sites serve: a few hundred kilobytes of inline code and
#: a navigation menu of several hundred links.
SCRIPT_ENTRIES = 3000
STYLE_RULES = 3000
MENU_COLUMNS = 40
MENU_LINKS = 15
ICONS = 200


def _script() -> str:
    entries = ",".join(f'"k{i}":"{"v" * 40}"' for i in range(SCRIPT_ENTRIES))
    return f"<script>var config={{{entries}}};</script>"


def _style() -> str:
    return "<style>" + "".join(f".c{i}{{color:#{i % 999:03d};margin:{i % 9}px}}" for i in range(STYLE_RULES)) + "</style>"


def _menu() -> str:
    columns = "".join(
        "<ul>" + "".join(f"<li><a href='/s{i}/{j}'>श्रेणी {i} उपश्रेणी {j}</a></li>" for j in range(MENU_LINKS)) + "</ul>"
        for i in range(MENU_COLUMNS)
    )
    return f"<nav class='mega-menu'>{columns}</nav>"


def _icons() -> str:
    return "".join(f"<svg viewBox='0 0 24 24'><path d='M{i} 0L24 {i}Z'/></svg>" for i in range(ICONS))


def add_page_weight(html: str) -> str:
    """``html`` with scripts and styles in its head, and a mega-menu and icons at the end of its body."""
    head_end = html.find("</head>")
    if head_end >= 0:
        html = html[:head_end] + _script() + _style() + html[head_end:]
    body_end = html.rfind("</body>")
    tail = _menu() + _icons()
    return html[:body_end] + tail + html[body_end:] if body_end >= 0 else html + tail
