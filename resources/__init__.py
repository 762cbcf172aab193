"""Data files shipped with the app: the sample project, default synonyms, icons."""

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped data file, installed or run from a clone."""
    return Path(str(files(__name__).joinpath(*parts)))
