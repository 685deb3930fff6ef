"""Simplified Chinese for the mail ``communitykit send`` builds (delivery/)."""

TEXT: dict[str, str] = {
    '{action} ({owner}, due {date}): {status}': '{action}（{owner}，截止 {date}）：{status}',
    '{action} ({owner}, due {date}): {status} · {since}':
        '{action}（{owner}，截止 {date}）：{status} · {since}',
    'since {period} ({days})': '自 {period} 起（{days}）',
}
