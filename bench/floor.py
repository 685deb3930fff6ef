"""The floor every bench compares against: a trivial notebook through the kit's own
execute and render path, as a script for a fresh Python process."""

SCRIPT = """
from communitykit.run.notebook import execute
from communitykit.run.publish import to_html
import tempfile, nbformat
from pathlib import Path
d = Path(tempfile.mkdtemp())
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(nb, d / "in.ipynb")
execute(d / "in.ipynb", d / "out.ipynb", {}, d)
(d / "out.html").write_text(to_html(d / "out.ipynb", "floor", "now"))
"""
