"""Where packetgen's own files are: the built-in framework/ and templates/ folders (inside the
installed package, where the wheel ships them under packetgen/_data, or in a source checkout),
and the package's data/ folder (the writing review's word lists, the editor schemas)."""
from __future__ import annotations

from pathlib import Path


def data_dir(name: str) -> Path:
    """The built-in folder `name` ("framework" or "templates")."""
    installed = Path(__file__).resolve().parent / "_data" / name  # what importlib.resources.files finds
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"packetgen's built-in {name}/ folder is missing; reinstall packetgen")


def builtin_frameworks() -> dict[str, Path]:
    """Built-in framework ids (file stems) to their files."""
    return {p.stem: p for p in sorted(data_dir("framework").glob("*.yaml"))}


def package_data(*parts: str) -> Path:
    """A file or folder of the package's data/ folder (shipped in the wheel as it is)."""
    return Path(__file__).resolve().parent.joinpath("data", *parts)
