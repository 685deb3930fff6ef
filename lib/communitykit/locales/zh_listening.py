"""Simplified Chinese for the report's Listening section."""

TEXT: dict[str, str] = {
    "Listening": "倾听",
    "{messages} member messages this period ({previous} in the previous one); net sentiment "
    "{net} (previously {net_before}); {requests} requests from {members} members; {pains} "
    "messages about a negative experience.":
        "本期成员消息 {messages} 条（上期 {previous} 条）；净情感 {net}（上期 {net_before}）；"
        "{members} 位成员提出 {requests} 条诉求；{pains} 条消息讲述负面体验。",
    "Net sentiment (points)": "净情感（百分点）",
    "{n} messages carried a sentiment label in the export, which was used as is.":
        "{n} 条消息在导出文件中带有情感标签，已直接采用。",
    "Sentiment": "情感",
    "This period": "本期",
    "Previous": "上期",
    "Language": "语言",
    "Messages": "消息",
    "positive": "正面",
    "neutral": "中性",
    "negative": "负面",
    "Themes": "主题",
    "Theme": "主题",
    "Owner": "负责团队",
    "Share": "占比",
    "Share change": "占比变化",
    "Trend": "趋势",
    "Examples": "示例",
    "{n} member messages matched no theme.": "{n} 条成员消息不属于任何主题。",
    "{value} pts": "{value} 个百分点",
    "Emerging terms": "新兴词语",
    "Words and phrases whose share of member messages grew most against the previous period "
    "(at least 3 messages from 2 members).":
        "与上期相比在成员消息中占比增长最多的词语和短语（至少 3 条消息、2 位成员）。",
    "Term": "词语",
    "Members": "成员",
    "Growth": "增长",
    "Requests register": "诉求登记",
    "Requested": "诉求内容",
    "First seen": "首次出现",
    "Last seen": "最近出现",
    "Asked as": "原始说法",
    "Pain points and negative experiences": "痛点与负面体验",
    "Complaint patterns": "投诉句式",
    "Other (no theme)": "其他（无主题）",
    "Other requests (no object named)": "其他请求（未写明对象）",
    "Insights for other teams": "给其他团队的洞察",
    "Each request, pain point and growing theme, routed to the team that owns its theme in "
    "the playbook (else the community team).":
        "每项诉求、痛点和上升的主题，都按策略手册中主题的负责团队分派（未指定时归社区团队）。",
    "Team": "团队",
    "Kind": "类型",
    "Item": "内容",
    "Example": "示例",
    "new": "新出现",
    "up": "上升",
    "down": "下降",
    "same": "持平",
    "request": "诉求",
    "pain point": "痛点",
    "theme": "主题",
    "English (Latin script)": "英文（拉丁字母）",
    "Chinese": "中文",
    "other scripts": "其他文字",
    # Issue 17: the kit's default owner (themes without one in the playbook).
    "community": "社区团队",
}
