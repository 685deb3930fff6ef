"""Chinese for the review step (plan/review_step.py): the report's findings, the actions
still open and the draft review file."""

TEXT: dict[str, str] = {
    'Review of {period} ({first} – {last}) for {client}':
        '{client} {period} 复盘（{first} – {last}）',
    'The report of {period} is not rendered yet, so there are no findings to show. Render it '
    'with `{command}` and run this notebook again: the draft then lists its findings.':
        '{period} 的报告尚未生成，所以还没有可显示的发现。请先运行 `{command}` 生成报告，'
        '再运行本笔记本：草稿里就会列出报告的发现。',
    'From the rendered report: {path}': '来自已生成的报告：{path}',
    'The report has no findings for this period.': '报告在本期没有发现。',
    'Compared with': '对比',
    'Current': '当前值',
    'No action is open from earlier reviews.': '之前的复盘中没有仍未完成的行动项。',
    'Actions from earlier reviews not yet done or dropped: {n}. The draft lists them, to '
    'update their status.':
        '之前复盘中尚未完成或放弃的行动项：{n} 项。草稿会列出它们，以便更新状态。',
    'Draft written: {path}. Write the commentary and the actions there, remove the line '
    '`draft: true`, then render the report again with `{command}`.':
        '草稿已写入：{path}。请在其中写好点评和行动项，删掉 `draft: true` 这一行，'
        '再运行 `{command}` 重新生成报告。',
    'Not written yet: set save = True in the first cell and run again to write this draft to '
    '{path} (never over an existing file).':
        '尚未写入：把第一个单元格里的 save 改为 True 再运行一次，即可把这份草稿写入 {path}'
        '（已有文件时绝不覆盖）。',
    'A review file for {period} exists and is left as it is: {path}. Edit it there; its text '
    'and its check follow.':
        '{period} 的复盘文件已经存在，保持原样不动：{path}。请直接编辑该文件；'
        '下面是它的内容和检查结果。',
    'It has a mistake, and no report of the client runs until it is fixed: {problem}':
        '文件有错误，修正之前该客户的报告都无法生成：{problem}',
    'The file is valid (actions: {n}).': '文件有效（行动项：{n} 项）。',
    'It is still a draft: the report shows none of it until you remove the line '
    '`draft: true`.':
        '它仍是草稿：删掉 `draft: true` 这一行之前，报告不会显示它的任何内容。',
    'It has no commentary yet: the report shows only its actions.':
        '它还没有点评：报告只会显示其中的行动项。',
    'The report of {period} opens with its commentary.': '{period} 的报告会以这份点评开篇。',
}
