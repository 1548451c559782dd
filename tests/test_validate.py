"""SHACL validation of built graphs."""
from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.export.rdf import TurtleExporter
from kg.validate import validate

ROOT = Path(__file__).resolve().parent.parent
KG = "https://w3id.org/kg-id/ontology#"
ID = "https://w3id.org/kg-id/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_seed_build_conforms(tmp_path):
    TurtleExporter().write(kg.build([ROOT / "sources"]), tmp_path)
    report = validate(tmp_path)
    assert report.conforms, report.text
    assert main(["validate", str(tmp_path)]) == 0


def test_shipped_shapes_equal_the_ontology_folder():
    for name in ("kg.ttl", "shapes.ttl"):
        assert (ROOT / "ontology" / name).read_bytes() == (ROOT / "kg" / "data" / "ontology" / name).read_bytes()


BROKEN = {
    "event without label": f'<{ID}event/x> a <{KG}Event> ; <{KG}key> "event:x" .',
    "heldOn not a date": f'<{ID}event/x> a <{KG}Event> ; <{KG}key> "event:x" ; '
                         f'<http://www.w3.org/2000/01/rdf-schema#label> "Rakor" ; <{KG}heldOn> "kemarin" .',
    "holdsOffice to a place": f'<{ID}person/a> a <{KG}Person> ; <{KG}key> "person:a" ; '
                              f'<http://www.w3.org/2000/01/rdf-schema#label> "A" ; <{KG}holdsOffice> <{ID}place/11> . '
                              f'<{ID}place/11> a <{KG}Place> ; <{KG}key> "place:11" ; '
                              f'<http://www.w3.org/2000/01/rdf-schema#label> "Aceh" .',
    "start after end": f'<{ID}article/a> a <{KG}Article> ; <{KG}sourceFile> "a.txt" . '
                       f'<{ID}m> a <{KG}Mention> ; <{KG}mentionOf> <{ID}x> ; <{KG}text> "x" ; '
                       f'<{KG}inArticle> <{ID}article/a> ; <{KG}startOffset> 9 ; <{KG}endOffset> 3 .',
}


@pytest.mark.parametrize("problem", sorted(BROKEN))
def test_broken_graphs_do_not_conform(tmp_path, problem, capsys):
    f = tmp_path / "graph.ttl"
    f.write_text(BROKEN[problem])
    report = validate(f)
    assert not report.conforms and report.violations >= 1
    assert main(["validate", str(f)]) == 4
    assert "does not conform" in capsys.readouterr().err
