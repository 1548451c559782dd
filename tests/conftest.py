import datetime as dt

import pytest

from kg.pipeline import Context


def run_extractors(text, extractors, *, regions=(), published=None):
    """Run extractors over one text the way the pipeline does (each sees the earlier mentions)."""
    found = []
    for ex in extractors:
        ctx = Context(tuple(found), published, published, published.year if published else None, tuple(regions))
        found += ex(text, context=ctx)
    return found


@pytest.fixture
def extract():
    from kg.extract.adapters import DateAdapter, LawAdapter
    from kg.extract.events import EventExtractor
    from kg.extract.institutions import InstitutionExtractor
    from kg.extract.offices import OfficeExtractor
    from kg.extract.people import PersonExtractor
    from kg.extract.subregions import SubregionExtractor
    from kg.extract.venues import VenueExtractor

    chain = [DateAdapter(), LawAdapter(), InstitutionExtractor(), VenueExtractor(), SubregionExtractor(), EventExtractor(),
             OfficeExtractor(), PersonExtractor()]

    def run(text, *, regions=(), published=dt.date(2024, 3, 7), types=None):
        ms = run_extractors(text, chain, regions=regions, published=published)
        return [m for m in ms if types is None or m.type in types]

    return run
