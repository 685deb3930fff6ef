"""Running notebooks: the kernels, the one notebook runner, publishing a report, the report
as a job, batches of jobs, and clean stops.

- ``lean_imports``: keeps a grammar out of the import chain (imported before nbformat);
- ``kernels``: fresh and warm kernels, and the kernel client;
- ``engine``: the papermill engine that writes the executed notebook once;
- ``guard``: the review notebook's parameters, and the cell a failed run stopped in;
- ``notebook``: the runner the report and the planning steps share;
- ``publish``: staging folder, HTML page, swap into place, recovery of a half-done swap;
- ``jobs``: one report as a job, with the checks that need no kernel;
- ``portfolio``: every client's report for a period, and the agency's index pages;
- ``standing``: each client's row of the index, read from metrics.json, and the order of need;
- ``index_page``: a period's index; ``period_list``: the index of periods;
- ``stops``: SIGINT and SIGTERM end a command's kernels and workers first;
- ``cores``: how many cores a report's text analysis may use.
"""
