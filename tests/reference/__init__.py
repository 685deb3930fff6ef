"""A brute-force reference for the report's figures, and the scenarios it is checked on.

Written apart from the kit's code path (METRICS.md and the issue-15 decisions only), as
plainly as possible: loops over messages and a minute-by-minute business clock.
"""
