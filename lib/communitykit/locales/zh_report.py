"""Simplified Chinese for the report's shared sections."""

TEXT: dict[str, str] = {
    ' plus ': '，另加 ',
    (
        '(Followers at period end − at period start) ÷ followers at start; net = gained − lost '
        'where only daily gains and losses exist.'
    ):
        '（期末粉丝数 − 期初粉丝数）÷ 期初粉丝数；若只有每日新增和流失数据，净变化 = 新增 − 流失。',
    'A thread where two or more members wrote and a member replied to another member.':
        '有两名及以上成员发言、且有成员回复了其他成员的会话。',
    'Active, new, returning': '活跃、新增、回访',
    'Actual share': '实际占比',
    'Adherence': '达成度',
    'After': '用时',
    'Answered': '已回复',
    'Answers to questions': '回答提问数',
    'Appendix': '附录',
    'As of the period end': '截至期末',
    'At end': '期末',
    'Baseline': '基线',
    'Business hours': '工作时间',
    'By advocate role': '按拥护者角色',
    'Channel': '渠道',
    'Chat posts': '聊天平台发帖',
    'Community health': '社区健康度',
    'Community review': '社区运营复盘',
    'Content mix against plan': '内容结构与计划对比',
    'Contents': '目录',
    'Conversation': '会话',
    'Conversations started': '发起的会话',
    'Data quality': '数据质量',
    'Deadline': '截止日期',
    'Decision': '判定',
    'Decisions where the definitions leave a choice': '定义留有选择空间时的处理方式',
    'Definition': '定义',
    'Definitions': '指标定义',
    (
        'Distinct members writing in the period; new = never seen before it; returning = also '
        'active in the previous period. Retention = returning ÷ active in the previous period.'
    ):
        (
            '本期发言的去重成员数；新增 = 此前从未出现过；回访 = 上期也活跃。留存率 = 回访成员 ÷ '
            '上期活跃成员。'
        ),
    'Duplicate': '重复',
    'Escalations': '升级事件',
    (
        'Every figure is computed as the data stood at the end of the period: an answer after the '
        "period end does not count, so a period's figures are the same in its own report and as "
        'the previous period of the next one.'
    ):
        (
            '所有数据均按期末时的状态计算：期末之后的回复不计入，因此同一周期的数据在本期报告中与'
            '在下期报告的“上期”中保持一致。'
        ),
    'Examples': '示例',
    'Expected now': '当前应达值',
    'Figure': '指标',
    'File': '文件',
    'First answers': '首次回复数',
    'First response time': '首次回复时间',
    'Flag and escalation': '违规标记与升级',
    'Flags': '违规标记',
    'Follower growth': '粉丝增长',
    'Followers at start': '期初粉丝数',
    'Followers, previous and this period': '粉丝数：上期与本期',
    (
        'For cadence, a week only partly inside the period is planned pro rata: planned posts × '
        'days inside ÷ 7.'
    ):
        '计算发布节奏时，仅部分落在本期内的周按比例折算计划量：计划发帖数 × 期内天数 ÷ 7。',
    'Format': '格式',
    'Fri': '周五',
    'Gap': '差距',
    'Goal': '目标',
    'Goal status': '目标状态',
    'Goal “{goal}” is {status}: {now} against a target of {target}.':
        '目标“{goal}”{status}：当前为 {now}，目标值为 {target}。',
    'Goals': '目标',
    'Group': '类别',
    'Growth': '增长率',
    'Handle within': '处理时限',
    'Handled by': '处理人',
    'Holidays': '节假日',
    'Holidays in this period': '本期节假日',
    'Impressions': '曝光量',
    'Inbound message': '入站消息',
    'Kept': '保留',
    'Last active': '最近活跃',
    'Likes earned': '获赞数',
    "Linear interpolation between ranks (numpy's default, Excel's PERCENTILE.INC).":
        '在相邻排位之间线性插值（numpy 的默认方法，即 Excel 的 PERCENTILE.INC）。',
    'Longest silence': '最长沉默期',
    'Member': '成员',
    'Members this period and the previous one': '本期与上期成员',
    (
        'Members whose messages match an excluded rule are left out of inbound and of active '
        'members for those messages.'
    ):
        '成员的消息若命中排除规则，这些消息既不计入入站消息，也不据此计为活跃成员。',
    'Message': '消息',
    'Messages': '消息数',
    'Mon': '周一',
    'Net change': '净变化',
    'No goals are set in the playbook.': '运营手册中未设定目标。',
    'Nothing in this period.': '本期无相关内容。',
    'Nothing needs attention this period.': '本期没有需要关注的事项。',
    'Owner': '负责人',
    'Partial weeks': '不完整周',
    'People': '人员',
    'Percentiles': '百分位数',
    'Period': '周期',
    'Person': '人员',
    'Pillar': '内容支柱',
    'Planned': '计划',
    'Planned share': '计划占比',
    'Playbook': '运营手册',
    'Posts': '发帖数',
    'Posts per channel against plan': '各渠道发帖数与计划对比',
    'Presence and cadence': '账号活跃度与发布节奏',
    'Presence and responsiveness': '账号活跃度与响应',
    'Previous': '上期',
    'Published': '发布时间',
    'Question': '提问',
    'Questions with a peer or advocate answer ÷ questions.':
        '得到同伴或品牌拥护者回复的提问 ÷ 提问总数。',
    'Quiet advocates this period: {names}.': '本期沉默的拥护者：{names}。',
    'Reach and growth': '触达与增长',
    'Read': '读取',
    'Reason': '原因',
    'Received (local)': '收到时间（本地）',
    'Rejected': '已拒收',
    'Rejected rows': '被拒收的行',
    'Responder': '回复者',
    'Response commitments': '回复承诺',
    'Responsiveness': '响应情况',
    'Role': '角色',
    'Roles': '角色',
    'Row': '行',
    'Rule category': '规则类别',
    'Rules and escalations': '规则与升级事件',
    'SLA compliance': '回复承诺达成率',
    'Sat': '周六',
    'Setting': '设置项',
    'Settings used': '所用设置',
    'Severity': '严重程度',
    'Show the settings, definitions and data quality': '展开所用设置、指标定义与数据质量',
    'Show the table ({n} rows)': '展开表格（共 {n} 行）',
    'Spam': '垃圾信息',
    'Status': '状态',
    'Store version': '数据存储版本',
    'Summary': '概要',
    'Sun': '周日',
    'Target': '目标值',
    'Team roles': '团队角色',
    'Text': '内容',
    'This period': '本期',
    'Thu': '周四',
    'Timezone': '时区',
    'Top member request: “{item}” ({n} members asking; owner: {team}).':
        '成员最集中的诉求：“{item}”（{n} 位成员提出；负责团队：{team}）。',
    'Top posts': '热门帖子',
    'Tue': '周二',
    'Unanswered questions ({n}, oldest first)': '未回复的提问（{n} 条，按时间从早到晚）',
    'Value': '值',
    'Voices': '发声者',
    'Voices: advocates and community managers': '发声者：品牌拥护者与社区经理',
    'Wed': '周三',
    'What needs attention': '需要关注的事项',
    'What the kit does': '本工具的处理方式',
    'When members write (inbound messages, local time)': '成员发言时段（入站消息，本地时间）',
    'active': '活跃',
    'actual': '实际',
    'advocate': '品牌拥护者',
    'ambassador': '品牌大使',
    'at risk': '有风险',
    'better': '改善',
    'bot': '机器人',
    'brand': '品牌',
    'business': '工作时间',
    'calendar': '自然时间',
    'community manager': '社区经理',
    'critical': '严重',
    'employee': '员工',
    'followers': '粉丝数',
    'fri': '周五',
    'handled in time': '按时处理',
    'handled late': '延迟处理',
    'high': '高',
    'hour of day (local time); orange outline = business hours':
        '一天中的小时（本地时间）；橙色边框 = 工作时间',
    'influencer': '达人',
    'low': '低',
    'medium': '中',
    'member': '成员',
    'members': '成员数',
    'message': '消息',
    'met': '已达成',
    'missed': '未达成',
    'mon': '周一',
    'new': '新增',
    'no baseline': '无基线',
    'no change': '无变化',
    'no data': '无数据',
    'no previous figure': '无上期数据',
    'no public holidays': '无法定节假日',
    'none': '无',
    'off track': '偏离目标',
    'on track': '进展正常',
    'open': '未处理',
    'peer': '同伴',
    'planned': '计划',
    'posts in the period': '本期发帖数',
    'previous period': '上期',
    'public holidays of {region}': '{region}法定节假日',
    'question': '提问',
    'quiet': '沉默',
    'returning': '回访',
    'sat': '周六',
    'sun': '周日',
    'target': '目标值',
    'team': '团队',
    'this period': '本期',
    'thu': '周四',
    'tue': '周二',
    'version {v}, sha256 {sha}, last revision {rev}': '版本 {v}，sha256 {sha}，最近修订 {rev}',
    'vs {before}': '对比 {before}',
    'wed': '周三',
    'worse': '变差',
    (
        '{files} files behind this period and the previous one: {read} rows read, {kept} kept, '
        '{dup} duplicates removed, {rejected} rejected; {spam} messages excluded as spam.'
    ):
        (
            '本期与上期数据来自 {files} 个文件：共读取 {read} 行，保留 {kept} 行，去除重复 {dup} '
            '行，拒收 {rejected} 行；另有 {spam} 条消息作为垃圾信息被排除。'
        ),
    (
        '{flags} messages broke a rule ({previous} in the previous period); {escalations} were '
        'escalations: {in_time} handled in time, {late} late, {open} still open.'
    ):
        (
            '{flags} 条消息违反了规则（上期为 {previous} 条）；其中 {escalations} 条为升级事件：'
            '{in_time} 条按时处理，{late} 条延迟处理，{open} 条仍未处理。'
        ),
    '{h} h {m} min': '{h} 小时 {m} 分',
    '{m} min': '{m} 分钟',
    '{n} at risk': '{n} 项有风险',
    "Escalations still open: {n}. Each needs its owner's action.":
        '仍未处理的升级事件：{n} 个，需要各自的负责人跟进。',
    'Member questions from this period with no answer from anyone: {n}.':
        '本期有 {n} 个成员提问无人回复。',
    (
        'Messages that waited longer than the response commitment: {n}; {share} of due messages '
        'were answered in time.'
    ):
        '{n} 条消息的等待时间超出回复承诺；到期消息中有 {share} 按时得到回复。',
    '{n} met': '{n} 项已达成',
    '{n} missed': '{n} 项未达成',
    '{n} no baseline': '{n} 项无基线',
    '{n} no data': '{n} 项无数据',
    '{n} off track': '{n} 项偏离目标',
    '{n} on track': '{n} 项进展正常',
    '{pts} points': '{pts} 个百分点',
    '{pts} pts': '{pts} 个百分点',
    "{metric} rose {change} to {now} (from {before}).": "{metric}上升 {change}，达到 {now}（上期为 {before}）。",
    "{metric} fell {change} to {now} (from {before}).": "{metric}下降 {change}，降至 {now}（上期为 {before}）。",
    "messages per hour slot": "每小时时段的消息数",
    # Listening terms.
    'A member message with negative sentiment or a complaint pattern (still no refund, arrived crushed, 太慢, 还没到账, ...) that breaks no rule, grouped by theme (several possible; Other when none).':
        '情绪为负面或命中投诉句式（still no refund、arrived crushed、太慢、还没到账等）且未违反规则的成员消息，按主题归组（可属于多个主题；都不属于时归入“其他”）。',
    'A message with Han characters (at least a third of its letters) is Chinese; other Latin-script text is scored as English; other scripts get emoji-only sentiment.':
        '汉字至少占字母三分之一的消息视为中文；其他拉丁字母文本按英文评分；其他文字只按表情符号判断情绪。',
    'A question whose only sentiment is mildly positive (Which is the tastiest?) counts as neutral: asking is not praising.':
        '只带轻微正面情绪的提问（如 Which is the tastiest?）计为中性：提问不等于称赞。',
    'An inbound member message asking the brand for something (bring back, please add, wish you had, would love, could you make, any chance of; 求, 希望, 能不能出, 建议, 请推出, 什么时候出 ...). The requested object is normalised (lowercase, accents folded, punctuation, emoji, articles and stopwords dropped, plurals folded) and grouped; an object naming a playbook theme groups under that theme, whatever its language.':
        '向品牌提出诉求的入站成员消息（bring back、please add、wish you had、would love、could you make、any chance of；求、希望、能不能出、建议、请推出、什么时候出等）。诉求对象经过规范化（转小写、去除重音、去掉标点、表情、冠词和停用词、合并单复数）后归组；对象命中运营手册中的主题时，无论何种语言都归入该主题。',
    "An inbound message containing ? or ？; opening with an English interrogative (how, what, when, where, why, who, which), with an auxiliary followed by a subject (Can I, Is the, Do you; not Can't wait) or with wondering / anyone know, exclamations such as What a lovely idea! aside; or using a Chinese question form (吗, 呢 or 么 at the end, 怎么, 怎样, 如何, 什么, 啥, 咋, 哪, 为什么, 为啥, 多少, 能不能, 可不可以, 是否, 有没有, A不A, 请问) outside idioms that only look like one (没什么, 不知道为什么, 什么都, 哪里都, 多少有点).":
        "包含 ? 或 ？ 的入站消息；或以英文疑问词开头（how、what、when、where、why、who、which），或以助动词加主语开头（Can I、Is the、Do you；不含 Can't wait），或含 wondering / anyone know（What a lovely idea! 之类的感叹句除外）；或使用中文疑问形式（句末为吗、呢、么，或含怎么、怎样、如何、什么、啥、咋、哪、为什么、为啥、多少、能不能、可不可以、是否、有没有、A不A、请问），但不包括形似疑问的习惯用语（没什么、不知道为什么、什么都、哪里都、多少有点）。",
    "Each request, pain point and theme goes to its theme's owner in the playbook; items without a theme go to the community team.":
        '每条诉求、痛点和主题都交给运营手册中该主题的负责团队；不属于任何主题的条目交给社区团队。',
    'English words and 2-3-word phrases without stopwords, and Chinese words from jieba segmentation; ranked by growth = ((messages now + 1) ÷ (member messages now + 1)) ÷ ((messages before + 1) ÷ (member messages before + 1)), kept when used in at least 3 messages by at least 2 members and growing.':
        '去除停用词后的英文单词和 2–3 词短语，以及经 jieba 分词得到的中文词；按增长排序：增长 = ((本期出现消息数 + 1) ÷ (本期成员消息数 + 1)) ÷ ((上期出现消息数 + 1) ÷ (上期成员消息数 + 1))；仅保留至少出现在 3 条消息、来自至少 2 位成员且在增长的词。',
    'Language by script':
        '按文字判断语言',
    'Listening scope':
        '聆听范围',
    'Mild positive questions':
        '轻微正面的提问',
    'Owner team':
        '负责团队',
    'Pain point':
        '痛点',
    "Playbook themes are lists of keywords or regular expressions (any language), matched on the text and on its accent-folded lowercase form; a member message can belong to several. Share = messages of the theme ÷ member messages; the change is against the previous period's share.":
        '运营手册中的主题是关键词或正则表达式列表（任何语言），同时匹配原文及其去重音小写形式；一条成员消息可属于多个主题。占比 = 该主题消息数 ÷ 成员消息数；变化与上期占比相比。',
    'Request':
        '诉求',
    'Themes, terms, sentiment and pain points count member messages (spam excluded); the requests register counts inbound member messages only. First and last seen of a request are within the period.':
        '主题、热词、情绪和痛点统计成员消息（不含垃圾信息）；诉求登记只统计入站成员消息。诉求的首次与最近出现时间以本期为限。',
}
