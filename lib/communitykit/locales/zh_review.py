"""Simplified Chinese for the strategist's commentary and actions (report/sections/
commentary.py) and the draft review file (report/review_draft.py)."""

TEXT: dict[str, str] = {
    '(no report for this period yet: render it to list its findings here)':
        '（本期报告尚未生成：生成后可在此列出报告发现）',
    '{n} days': '{n} 天',
    'Action': '行动项',
    'Action owner': '负责人',
    'Actions': '行动项',
    (
        'Actions: what, owner, due (YYYY-MM-DD), status (open, in progress, done or dropped), '
        'and an id to update them in a later review.'
    ):
        '行动项：what（做什么）、owner（负责人）、due（截止日期 YYYY-MM-DD）、status（open、in progress、'
        'done 或 dropped），可加 id 以便在之后的复盘中更新。',
    'Closed this period': '本期关闭',
    'Commentary': '复盘点评',
    'Commentary and actions': '复盘点评与行动项',
    'Due': '截止日期',
    'Open actions': '待完成的行动项',
    'Review of {period} for {client}: a draft written by communitykit.':
        '{client} {period} 复盘：communitykit 生成的草稿。',
    'Since': '提出于',
    'The report shows none of this file until you remove the next line.':
        '删除下一行之前，报告不会显示本文件的任何内容。',
    'What happened': '本期情况',
    'What we do next': '下一步',
    'What we learned': '我们的收获',
    'done': '已完成',
    'dropped': '已放弃',
    'from the review of {period}': '来自 {period} 的复盘',
    'in progress': '进行中',
    'new this period': '本期新增',
    'overdue': '已逾期',
}
