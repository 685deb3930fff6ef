"""The report run does not pay for grammars it never uses."""

from __future__ import annotations

import subprocess
import sys


def test_render_skips_the_iri_grammar() -> None:
    code = ("import sys, communitykit.run.publish, nbformat, papermill; "
            "print(sys.modules['rfc3987_syntax'] is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "True"
