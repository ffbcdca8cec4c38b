"""Serve folium's JavaScript/CSS from this machine instead of public CDNs.

folium names each file it needs by its CDN URL (`default_js` / `default_css` on every
element). The pinned PyPI package folium-offline (module `offlinefolium`) holds the text of
every one of those files for folium 0.20.0, keyed by the exact URL. `ensure_static_files`
writes them into the Streamlit app's static folder and `localize` points a map's elements
at those copies, so the map works with no internet. A URL with no offline copy raises
`OfflineAssetError`: it is never left pointing at a CDN.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import folium

OFFLINE_SUBDIR = "folium-offline"
# Streamlit serves <app dir>/static/ at <server>/app/static/ (server.enableStaticServing).
# st_folium's component iframe lives at <server>/component/streamlit_folium.st_folium/index.html,
# so this relative URL reaches the app's static folder from inside the iframe, with or
# without a server.baseUrlPath.
STREAMLIT_BASE_URL = f"../../app/static/{OFFLINE_SUBDIR}/"

_CSS_FILE_REF = re.compile(r"url\(\s*['\"]?(?!data:|#|['\"]?\s*\))([^'\")]+)", re.IGNORECASE)


class OfflineAssetError(RuntimeError):
    """A resource the map needs has no offline copy (it would load from a CDN or not at all)."""


def offline_resources() -> dict[str, str]:
    """Every folium CDN resource that folium-offline ships, as {CDN URL: file text}."""
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:  # the package is a pinned dependency in pyproject.toml
        raise OfflineAssetError(
            "folium-offline is not installed: `pip install folium-offline==0.20.0.2`"
        ) from exc
    return _res


def local_filename(url: str) -> str:
    """A stable file name for a CDN URL: short hash (URLs share base names) + base name + type."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", url.rstrip("/").rsplit("/", 1)[-1]) or "resource"
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    suffix = "" if base.endswith((".js", ".css")) else ".js"  # folium's stylesheets all end in .css
    return f"{digest}-{base}{suffix}"


def missing_file_refs(css: str) -> list[str]:
    """Relative files (fonts, images) a stylesheet refers to: these are not in folium-offline."""
    return [ref for ref in _CSS_FILE_REF.findall(css) if not ref.startswith(("http:", "https:"))]


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # Several Streamlit sessions may start at once: write whole files atomically.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def ensure_static_files(static_dir: str | os.PathLike, urls: Iterable[str] | None = None) -> dict[str, Path]:
    """Write the offline copies of `urls` (default: every resource) under static_dir/folium-offline/.

    Returns {CDN URL: written path}. Raises OfflineAssetError naming every URL with no copy.
    """
    resources = offline_resources()
    wanted = list(dict.fromkeys(resources if urls is None else urls))
    missing = [url for url in wanted if url not in resources]
    if missing:
        raise OfflineAssetError("no offline copy of: " + ", ".join(missing))
    folder = Path(static_dir) / OFFLINE_SUBDIR
    written = {}
    for url in wanted:
        path = folder / local_filename(url)
        _write_if_changed(path, resources[url])
        written[url] = path
    return written


def _is_remote(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def _elements(root: folium.Element) -> Iterator[folium.Element]:
    yield root
    for child in list(getattr(root, "_children", {}).values()):
        yield from _elements(child)


def map_resource_urls(m: folium.Element) -> dict[str, str]:
    """Every CDN URL the map's elements load, as {url: "js" | "css"}, in load order."""
    found: dict[str, str] = {}
    for element in _elements(m):
        for _, url in getattr(element, "default_js", []):
            found.setdefault(url, "js")
        for _, url in getattr(element, "default_css", []):
            found.setdefault(url, "css")
    return found


def localize(m: folium.Element, base_url: str = STREAMLIT_BASE_URL) -> dict[str, str]:
    """Point every element's default_js/default_css at base_url + local_filename(url).

    Only instance attributes are set (folium's class-level lists stay untouched for other
    maps). Returns {CDN URL: local URL}. Raises OfflineAssetError if any URL has no offline
    copy, or if a needed stylesheet refers to font/image files that are not shipped.
    """
    resources = offline_resources()
    # Links that are already local (a second call) stay as they are.
    needed = {url: kind for url, kind in map_resource_urls(m).items() if _is_remote(url)}
    missing = [url for url in needed if url not in resources]
    missing += [
        f"{url} -> {ref}"
        for url, kind in needed.items()
        if kind == "css" and url in resources
        for ref in missing_file_refs(resources[url])
    ]
    if missing:
        raise OfflineAssetError("no offline copy of: " + ", ".join(missing))
    mapping = {url: base_url + local_filename(url) for url in needed}
    for element in _elements(m):
        for attr in ("default_js", "default_css"):
            links = getattr(element, attr, None)
            if links:
                setattr(element, attr, [(name, mapping.get(url, url)) for name, url in links])
    return mapping
