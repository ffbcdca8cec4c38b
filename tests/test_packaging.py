"""What a non-editable install gets: every package folder, the gazetteer and the seeds inside the wheel."""
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "dashboard").rglob("__init__.py")}
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"


def test_the_wheel_carries_the_gazetteer_and_the_seeds(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    names = zipfile.ZipFile(next(tmp_path.glob("dashboard-*.whl"))).namelist()
    assert "dashboard/_data/gazetteer.csv" in names
    assert {f"dashboard/_data/regions/{n}.geojson" for n in ("mali_regions", "neighbours", "rivers")} <= set(names)
    assert sum(n.startswith("dashboard/_seeds/") and n.endswith(".txt") for n in names) == 5
    assert "dashboard/web/app.py" in names and "dashboard/paths.py" in names
    assert {"dashboard/map/js/events_layer.js", "dashboard/map/js/time_bar.js", "dashboard/map/js/events_map.css"} <= \
        set(names)  # the map's runtime
