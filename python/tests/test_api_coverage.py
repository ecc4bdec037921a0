"""docs/api-coverage.md is what scripts/api_coverage.py generates now."""

import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_api_coverage_doc_is_current():
    spec = importlib.util.spec_from_file_location("api_coverage", os.path.join(ROOT, "scripts", "api_coverage.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with open(module.DOC, encoding="utf-8") as f:
        committed = f.read()
    assert committed == module.render(), "docs/api-coverage.md is stale: run python scripts/api_coverage.py --write"
