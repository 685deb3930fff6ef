"""Chinese for the rules and guidelines step (plan/guidelines.py, the guidelines' promises in
plan/guidelines_promises.py, its history in plan/history_view.py)."""

TEXT: dict[str, str] = {
    # ---- guidelines -----------------------------------------------------------------------
    "Out of {members} messages by members in the store, each rule category's patterns match "
    'these (latest examples shown). Too many hits on harmless messages: make the pattern '
    'narrower. Known abuse missing: add a pattern.':
        '在已导入的 {members} 条成员消息中，各规则类别的匹配模式命中情况如下（列出最近的示例）。'
        '如果误伤了大量正常消息，请把模式收窄；如果已知的违规内容没有被识别，请补充模式。',
    'What the rules would have flagged': '按现有规则会被标记的消息',
    'Latest examples': '最近示例',
    'No rule categories yet.': '还没有规则类别。',
    'escalates': '需升级处理',
    'moderated as usual': '按常规管理',
    'Escalation matrix': '升级矩阵',
    'Flags of severity {severity} and above are escalations: the owner handles them within the '
    'time given.':
        '严重程度为“{severity}”及以上的标记属于升级事件，由负责人在规定时限内处理。',
    'Rule categories': '规则类别',
    'Handling': '处理方式',
    'How': '具体做法',
    'Within': '处理时限',
    'No rules yet.': '还没有规则。',
    'Public guidelines': '对外发布的社区公约',
    'Written in {language} to {folder}. The pinned version has {length} characters (limit '
    '{limit}).':
        '已用{language}写入 {folder}。置顶版本共 {length} 个字符（上限 {limit}）。',
    'English': '英文',

    # ---- promises derived from the settings (plan/guidelines_promises.py) -----------------
    'the guidelines cannot be written:': '无法生成社区公约：',
    '{placeholder} has no setting: add a rules.escalation row or a cadence.response '
    'commitment for severity {severity}':
        '{placeholder} 没有对应的设置：请为严重程度 {severity} 添加一行 rules.escalation，'
        '或一条 cadence.response 回复承诺',
    'unknown placeholder {placeholder}; the placeholders are {known}':
        '无法识别的占位符 {placeholder}；可用的占位符有：{known}',
    "'{found}' is a time promise written by hand, which the settings do not keep in step: "
    "write a placeholder instead, such as {{message_within}} (now '{now}'); the placeholders "
    'are {known}':
        '“{found}”是手写的时间承诺，设置改变时它不会跟着改变：请改用占位符，例如 '
        '{{message_within}}（现在是“{now}”）；可用的占位符有：{known}',

    # ---- what each rule pattern flags (history that helps choose) -------------------------
    'What each rule pattern flags today': '现有的每条匹配模式会标记哪些消息',
    'Out of {members} past messages by members, each pattern flags these (latest examples '
    'shown). A pattern above {limit} is almost surely catching ordinary talk.':
        '在过去 {members} 条成员消息中，每条匹配模式会标记的消息如下（附最近的示例）。'
        '标记超过 {limit} 的模式，几乎可以肯定误伤了正常交流。',
    'Pattern': '匹配模式',
    "the kit's {kind} rules": '工具自带的 {kind} 规则',
    'Patterns that flag too much': '标记过多的匹配模式',
    'Patterns of the answered rule categories': '答案中各规则类别的匹配模式',
    'rules/categories/{category}: pattern {pattern} flags {flagged} of the {members} past '
    'member messages ({share}), more than {limit}: it catches ordinary talk; make it narrower':
        'rules/categories/{category}：匹配模式 {pattern} 在过去 {members} 条成员消息中标记了 '
        '{flagged} 条（{share}），超过 {limit}：它误伤了正常交流，请把它收窄',
    ', and at severity {severity} every flag would be an escalation':
        '；而且严重程度为{severity}，每次标记都会成为一次升级',
    '; e.g. {example}': '；例如 {example}',
    'Promises the team cannot keep': '团队兑现不了的承诺',
    'rules/escalation ({severity}): handle_within {within} promises action {promise}, but the '
    'team is closed for up to {closure} in a row ({hours}): if someone is on call for it, say '
    'so with `clock: calendar`; otherwise set `clock: business` so the promise counts only '
    'opening hours':
        'rules/escalation（{severity}）：handle_within {within} 承诺{promise}处理，但团队最长'
        '会连续休息 {closure}（{hours}）：如果有人值班，请写上 `clock: calendar` 说明；否则请改为 '
        '`clock: business`，让承诺只按工作时间计算',
}
