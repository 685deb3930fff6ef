"""The community review report: its figures, metrics.json and the HTML of each section,
which the review notebook calls one cell at a time (``review.Review``).

``review`` opens a client's period; ``sections/`` holds one module per section of the
page; ``findings`` and ``tiles`` the first screen; ``quality`` and ``lists`` the data
behind the figures; ``figure_table`` the table each section builds from the catalogue;
``page`` the frame of every HTML page the kit writes. Nothing is imported here, so the
command line can use ``page`` without loading the figures.
"""
