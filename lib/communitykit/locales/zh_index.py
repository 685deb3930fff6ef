"""Simplified Chinese for the agency index (run/index_page.py, run/period_list.py,
run/standing.py)."""

TEXT: dict[str, str] = {
    'Report': '报告',
    'All periods': '全部周期',
    'of {n}': '（共 {n} 起）',
    'full': '完整',
    'partial': '不完整',
    'Weeks': '周报',
    'Months': '月报',
    'Quarters': '季报',
    'Other periods': '其他周期',
    '{n} need attention': '{n} 个需要关注',
    'none needs attention': '无需关注',
    '{n} failed': '{n} 份失败',
    '; {n} PDF failed': '；{n} 份 PDF 生成失败',
    'PDF failed': 'PDF 生成失败',
    '{n} clients': '{n} 个客户',
    '{n} periods': '{n} 个周期',
    'rendered {when}': '生成于 {when}',
    '{n} rows rejected at import': '导入时拒收 {n} 行',
    "the report's metrics.json cannot be read ({error})":
        '无法读取报告的 metrics.json（{error}）',
    'No period has been rendered yet: run report --all.':
        '尚未生成任何周期：请运行 report --all。',
    (
        'Sorted by need: reports that failed, then goals off track, then open escalations, '
        'then data problems, then the rest; by name within each.'
    ):
        '按需要关注的程度排序：先是生成失败的报告，然后是目标偏离、未处理的升级事件、'
        '数据问题，最后是其余客户；同一类中按名称排序。',
}
