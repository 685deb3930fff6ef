"""Simplified Chinese for the member levels section (report/sections/member_levels.py)."""

TEXT: dict[str, str] = {
    'Champions': '核心成员',
    'Regulars': '常驻成员',
    'Participants': '参与者',
    'Newcomers': '新人',
    'Drifting': '趋于沉寂',
    'Inactive': '不活跃',
    'Champion': '核心成员',
    'Regular': '常驻成员',
    'Each member who wrote in this period or the previous one is in one level, from their '
    'messages in those two periods (spam left out): champions wrote in both and are among '
    'the top 10 % by messages (this period: at least {n} messages); regulars wrote in both; '
    'participants wrote now after a quiet period; newcomers wrote for the first time; '
    'drifting members wrote in the previous period and not in this one.':
        '本期或上期发过言的每位成员都属于一个层级，依据其在这两个周期内的消息（不含垃圾信息）'
        '判定：核心成员两个周期都发言，且消息数位居前 10 %（本期至少 {n} 条消息）；常驻成员两个'
        '周期都发言；参与者在沉寂一段时间后于本期发言；新人首次发言；趋于沉寂的成员上期发言、'
        '本期未发言。',
    'Level': '层级',
    'Previous period': '上期',
    'Change': '变化',
    'Movement since the previous period': '与上期相比的层级变动',
    'Members by their level at the end of the previous period (rows) and now (columns).':
        '按上期末层级（行）与当前层级（列）统计的成员数。',
    'Level before': '上期层级',
    '{n} members who were champions or regulars at the end of the previous period wrote '
    'nothing in this one. Messages before: theirs in the previous period and the one before '
    'it.':
        '上期末为核心成员或常驻成员的成员中，有 {n} 位本期没有发言。此前消息数：其在上期及其前一期'
        '的消息数。',
    'Messages before': '此前消息数',
}
