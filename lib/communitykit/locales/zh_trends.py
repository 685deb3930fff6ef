"""Simplified Chinese for the trends block and the report links (report/sparklines.py)."""

TEXT: dict[str, str] = {
    'Trends': '趋势',
    'Each headline figure over the last six periods of this length, from the reports '
    'already rendered; a period whose report is not rendered is a gap, not a zero.':
        '每项核心指标在最近六个同长度周期内的数值，取自已生成的报告；报告尚未生成的周期留空，'
        '不记为零。',
    'not rendered': '报告未生成',
    'no figure': '未测得',
    'report cannot be read': '报告无法读取',
    'Gaps: {periods}': '空缺：{periods}',
    'Not rendered: {periods}.': '报告未生成的周期：{periods}。',
    'Figures only, no report rendered: {periods}.': '仅计算了数据、未生成报告的周期：{periods}。',
    'Goal (dashed): from {baseline} to {target} by {deadline}':
        '目标（虚线）：从 {baseline} 到 {deadline} 前达到 {target}',
    '{figure}, the last {n} periods, oldest first: {values}':
        '{figure}，最近 {n} 个周期，由早到晚：{values}',
    'A year before ({period}): {value}': '一年前（{period}）：{value}',
    '← previous report': '← 上一期报告',
    'next report →': '下一期报告 →',
    'Reports': '报告',
}
