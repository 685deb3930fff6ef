"""Chinese for the cadence step (plan/cadence.py, its history in plan/history_view.py)."""

TEXT: dict[str, str] = {
    # ---- cadence --------------------------------------------------------------------------
    'History: {dates}': '历史情况：{dates}',
    'Posting rhythm': '发帖节奏',
    'Per week': '每周',
    'Busiest week': '最多的一周',
    'Planned per week': '计划每周',
    "Pillars are recognised by their patterns (first match wins); 'other' is every post no "
    'pattern matched.':
        '内容支柱按各自的匹配模式识别（以第一个命中的为准）；“其他”指没有命中任何模式的帖子。',
    'When members write': '成员什么时候发消息',
    'Response times today': '目前的回复速度',
    'Median (business)': '中位数（工作时间）',
    '90th percentile (business)': '第 90 百分位（工作时间）',
    'Median (calendar)': '中位数（自然时间）',
    'Commitment': '回复承诺',
    'within {time} ({clock})': '{time}内（{clock}）',
    'No inbound messages in this period.': '这段时间没有入站消息。',
    'Inbound messages by weekday and hour': '入站消息：按星期与小时分布',
    '{share} of inbound messages arrive in the planned business hours (holidays aside).':
        '有 {share} 的入站消息落在计划的工作时间内（不计节假日）。',
    'Holidays in the next {days} days': '未来 {days} 天的节假日',
    'The business-hours clock stops on these days; plan cover for the busy ones. Make-up '
    'working days, marked open, count as working days.':
        '这些日子工作时间计时暂停，消息多的日子请提前安排值班。标注“上班”的调休补班日按工作日计算。',
    'Date': '日期',
    'Day': '星期',
    'Holiday': '节假日',
    'No holidays in this window.': '这段时间没有节假日。',
    '{name} (open)': '{name}（上班）',
    'team day off': '团队休息日',
    'make-up working day': '调休补班日',
    'cadence/posts_per_week plans posts on {platform}, but the playbook has no {platform} '
    'account; add it under accounts first':
        'cadence/posts_per_week 计划在 {platform} 发帖，但运营手册里没有 {platform} 账号；'
        '请先在 accounts 中添加',

    # ---- what exists today (history that helps choose) ------------------------------------
    'What exists today: {dates}': '现状：{dates}',
    'Team posts per week': '团队每周发帖数',
    'Week of': '周（起始日）',
    'No whole week in this period.': '这段时期里没有完整的一周。',
    'Business hours and when members write': '工作时间与成员发消息的时间',
    'Open {hours}; the longest closure of a regular week is {closure}.':
        '工作时间：{hours}；平常一周里最长连续休息 {closure}。',
    'Members write most at {hours} (inbound messages).':
        '成员发消息最多的时段：{hours}（入站消息数）。',
    '{hour}:00–{hour}:59 ({count})': '{hour}:00–{hour}:59（{count} 条）',
}
