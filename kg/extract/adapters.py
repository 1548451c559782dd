"""Adapters that give the date and law extractors the pipeline's calling convention
(``extractor(text, *, context)``) while they keep their own, plainer one."""
from __future__ import annotations

from .dates import DateExtractor
from .laws import LawExtractor


class DateAdapter:
    name = "dates"

    def __init__(self, **settings) -> None:
        self.extractor = DateExtractor(**settings)

    def __call__(self, text, *, context):
        return self.extractor(text, published=context.published, year_hint=context.year_hint)


class LawAdapter:
    name = "laws"

    def __init__(self, **settings) -> None:
        self.extractor = LawExtractor(**settings)

    def __call__(self, text, *, context):
        return self.extractor(text, published=context.published, reference_date=context.reference_date,
                              region_codes=context.region_codes)
