"""Keep the report run's import chain lean.

jsonschema (imported by nbformat's validator) loads ``rfc3987_syntax`` when it is
installed (jupyterlab's dependencies bring it); importing it builds a grammar that
costs 0.7-1.6 s at every start. The kit never validates the ``iri`` format, so the
report run marks the module as absent before nbformat is imported: jsonschema then
skips that one format checker. Import this module before nbformat or papermill.

Pinned (``tests/test_run_pinned.py``): no public setting keeps jsonschema from importing
the grammar (nbformat imports jsonschema whichever validator it uses, and jsonschema's
format module imports ``rfc3987_syntax`` at its own import, inside
``suppress(ImportError)``); the test fails when jsonschema stops doing so, and
``test_run_lean_imports.py`` checks the effect.
"""

from __future__ import annotations

import sys


def skip_iri_grammar() -> None:
    """Tell Python that ``rfc3987_syntax`` is absent, unless something already loaded it."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


skip_iri_grammar()
