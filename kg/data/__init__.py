"""Data files (gazetteers, word lists, patterns) loaded with importlib.resources.

See SOURCES.md in this directory for where each file comes from.
"""

from functools import cache
from importlib import resources

import yaml


@cache
def load_yaml(name: str):
    """A YAML file of this folder, parsed once (treat the result as read-only)."""
    return yaml.safe_load(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))
