"""Simplified Chinese for the report's shared sections."""

TEXT: dict[str, str] = {
    ' plus ': '，另加 ',
    (
        '(Followers at period end − at period start) ÷ followers at start; net = gained − lost '
        'where only daily gains and losses exist.'
    ):
        '（期末粉丝数 − 期初粉丝数）÷ 期初粉丝数；若只有每日新增和流失数据，净变化 = 新增 − 流失。',
    (
        "A member message matching a rule category's patterns is a flag; flags at or above the "
        "playbook's escalate_from severity are escalations, owned by the escalation matrix row of "
        'their severity and handled in time when a team answer follows within its handle_within ('
        'calendar clock).'
    ):
        (
            '成员消息命中某一规则类别的匹配模式即记为一次违规标记；严重程度达到或高于运营手册中 '
            'escalate_from 的标记即为升级事件，由升级矩阵中对应严重程度那一行的负责人处理；若团队'
            '在该行 handle_within 时限内（按自然时间计）作出回复，即为按时处理。'
        ),
    (
        "A member message that is a top-level comment on the client's post or in the client's "
        'chat space, a reply to a team message, a DM or a mention. Messages matching a rule '
        'marked excluded_from_inbound (spam) are left out and counted.'
    ):
        (
            '成员发出的以下消息：在客户帖子下或客户聊天空间中的顶层评论、对团队消息的回复、私信或'
            '提及。命中标记为 excluded_from_inbound 的规则（垃圾信息）的消息不计入，但会单独统计。'
        ),
    (
        'A team member replied to the message, or on chat platforms (flat threads) a team member '
        "wrote in the same channel after it and before the member's next message there. Advocate "
        'and peer answers are counted apart.'
    ):
        (
            '团队成员回复了该消息；在聊天平台（扁平会话）上，则指团队成员在该消息之后、该成员在同'
            '一频道下一条消息之前于该频道发言。品牌拥护者和同伴的回复单独统计。'
        ),
    'A thread where two or more members wrote and a member replied to another member.':
        '有两名及以上成员发言、且有成员回复了其他成员的会话。',
    'Active members': '活跃成员',
    'Active, new, returning': '活跃、新增、回访',
    'Actual share': '实际占比',
    'Adherence': '达成度',
    'Advocate share of answers': '品牌拥护者回复占比',
    (
        'Advocates gave {n} answers, {share} of all answers ({previous} in the previous period). '
        'Quiet advocates: {quiet}.'
    ):
        (
            '品牌拥护者共回复 {n} 次，占全部回复的 {share}（上期为 {previous}）。沉默的拥护者：'
            '{quiet}。'
        ),
    'After': '用时',
    (
        'An inbound message containing ? or ？, starting with an English interrogative, or using '
        'a Chinese question form (吗/呢 at the end, 怎么, 如何, 什么, 哪, 为什么, 多少, 能不能, 可'
        '不可以, 是否).'
    ):
        (
            '包含 ? 或 ？、以英文疑问词开头，或使用中文疑问形式（句末为吗/呢，或含怎么、如何、什么'
            '、哪、为什么、多少、能不能、可不可以、是否）的入站消息。'
        ),
    'Answered': '已回复',
    (
        'Answered inbound messages ÷ inbound messages, leaving out messages not yet due and not '
        'yet answered at the end of the period (shown as pending).'
    ):
        '已回复的入站消息 ÷ 入站消息；期末尚未到期且尚未回复的消息不计入（显示为待处理）。',
    'Answered within commitment': '在承诺时限内回复',
    'Answers to questions': '回答提问数',
    'Appendix': '附录',
    'As of the period end': '截至期末',
    'At end': '期末',
    'Baseline': '基线',
    (
        "Brand accounts and the roster in the playbook decide each author's role; everyone else "
        "is a member. The team is the playbook's team_roles; advocates are ambassadors, "
        'influencers and employees not in the team.'
    ):
        (
            '每位发言者的角色由运营手册中的品牌账号和人员名单确定，其余人均为成员。团队即运营手册'
            '中的 team_roles；品牌拥护者指不属于团队的品牌大使、达人和员工。'
        ),
    'Business hours': '工作时间',
    'By advocate role': '按拥护者角色',
    'Cadence adherence': '发布节奏达成度',
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
    (
        "Due inbound messages answered within the playbook's commitment for their kind (question "
        'or message) ÷ due inbound messages.'
    ):
        '在运营手册对应类型（提问或消息）的回复承诺内得到回复的到期入站消息 ÷ 到期入站消息。',
    'Duplicate': '重复',
    'Engagement': '互动',
    'Engagement rate': '互动率',
    'Engagement rate (by impressions)': '互动率（按曝光量）',
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
    'First response, 90th percentile (business hours)': '首次回复时间，第 90 百分位（工作时间）',
    'First response, 90th percentile (calendar hours)': '首次回复时间，第 90 百分位（自然时间）',
    'First response, median (business hours)': '首次回复时间，中位数（工作时间）',
    'First response, median (calendar hours)': '首次回复时间，中位数（自然时间）',
    'Flag and escalation': '违规标记与升级',
    'Flags': '违规标记',
    'Flat-thread answers': '扁平会话中的回复',
    'Follower growth': '粉丝增长',
    'Follower growth rate': '粉丝增长率',
    'Followers': '粉丝数',
    (
        'Followers at period start is the last daily total before the first day; at period end '
        'the last daily total inside the period.'
    ):
        '期初粉丝数取首日之前最后一个每日总数；期末粉丝数取本期内最后一个每日总数。',
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
    (
        "Half-open interval [start, end) of local dates in the client's timezone; the previous "
        'period has the same length and ends where this one starts.'
    ):
        '按客户所在时区本地日期计的半开区间 [start, end)；上期长度相同，并在本期开始处结束。',
    'Handle within': '处理时限',
    'Handled by': '处理人',
    'Holidays': '节假日',
    'Holidays in this period': '本期节假日',
    'Impressions': '曝光量',
    'Inbound inside business hours': '工作时间内的入站消息',
    'Inbound message': '入站消息',
    'Inbound messages': '入站消息',
    'Kept': '保留',
    'Last active': '最近活跃',
    'Likes earned': '获赞数',
    "Linear interpolation between ranks (numpy's default, Excel's PERCENTILE.INC).":
        '在相邻排位之间线性插值（numpy 的默认方法，即 Excel 的 PERCENTILE.INC）。',
    'Longest silence': '最长沉默期',
    'Longest silence (calendar hours)': '最长沉默期（自然时间）',
    'Longest stretch of the period without a team post or team message.':
        '本期内团队没有发帖也没有发消息的最长时段。',
    'Median wait (business)': '等待时间中位数（工作时间）',
    'Member': '成员',
    'Member conversations': '成员会话',
    'Member-to-member reply share': '成员互相回复占比',
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
    'New members': '新增成员',
    'No goals are set in the playbook.': '运营手册中未设定目标。',
    'Nothing in this period.': '本期无相关内容。',
    'Nothing needs attention this period.': '本期没有需要关注的事项。',
    (
        'On chat platforms (Discord, Slack, Telegram, Discourse) top-level messages of a brand '
        'account are posts (announcements), not answers; top-level member messages there are '
        'inbound.'
    ):
        (
            '在聊天平台（Discord、Slack、Telegram、Discourse）上，品牌账号发出的顶层消息视为发帖（'
            '公告），而非回复；成员在这些平台上发出的顶层消息计为入站消息。'
        ),
    'Open escalations': '未处理的升级事件',
    'Owner': '负责人',
    'Partial weeks': '不完整周',
    'Peer support rate': '同伴互助率',
    'People': '人员',
    'Per channel and ISO week, min(actual posts ÷ planned posts, 1), averaged over channel-weeks.':
        '按渠道和 ISO 周计算 min(实际发帖数 ÷ 计划发帖数, 1)，再对所有“渠道-周”取平均。',
    (
        'Per roster person: messages, top-level posts, conversations started (top-level messages '
        'someone else replied to), first answers to member questions, likes earned, last day '
        'active; quiet advocates wrote nothing in the period. Advocate share of answers = inbound '
        'messages answered by an advocate ÷ those answered by anyone (team, advocates, peers; a '
        'message can count for several).'
    ):
        (
            '名单中每个人的消息数、顶层发帖数、发起的会话（有他人回复的顶层消息）、对成员提问的首'
            '次回复、获赞数和最近活跃日期；沉默的拥护者指本期没有任何发言的品牌拥护者。品牌拥护者'
            '回复占比 = 由品牌拥护者回复的入站消息 ÷ 由任何人（团队、品牌拥护者、同伴）回复的入站'
            '消息（一条消息可同时计入多方）。'
        ),
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
    'Questions': '提问',
    'Questions with a peer or advocate answer ÷ questions.':
        '得到同伴或品牌拥护者回复的提问 ÷ 提问总数。',
    'Quiet advocates this period: {names}.': '本期沉默的拥护者：{names}。',
    'Reach and growth': '触达与增长',
    (
        'Reactions + comments + shares + saves (clicks excluded) summed over posts published in '
        'the period ÷ their impressions summed (a ratio of sums).'
    ):
        (
            '本期发布帖子的（表态 + 评论 + 分享 + 收藏）总和（不含点击）÷ 这些帖子的曝光量总和（总'
            '和之比）。'
        ),
    'Read': '读取',
    'Reason': '原因',
    'Received (local)': '收到时间（本地）',
    'Rejected': '已拒收',
    'Rejected rows': '被拒收的行',
    'Responder': '回复者',
    'Response commitments': '回复承诺',
    'Response rate': '回复率',
    'Responsiveness': '响应情况',
    'Retention': '留存率',
    'Returning members': '回访成员',
    'Role': '角色',
    'Roles': '角色',
    'Row': '行',
    'Rule category': '规则类别',
    'Rule flags': '违规标记',
    'Rules and escalations': '规则与升级事件',
    'SLA compliance': '回复承诺达成率',
    'Sat': '周六',
    'Setting': '设置项',
    'Settings used': '所用设置',
    'Severity': '严重程度',
    'Spam': '垃圾信息',
    'Status': '状态',
    'Store version': '数据存储版本',
    'Summary': '概要',
    'Sun': '周日',
    'Target': '目标值',
    'Team posts': '团队发帖',
    'Team roles': '团队角色',
    'Text': '内容',
    'The flat-thread rule applies to team and advocate answers; peer answers need a reply link.':
        '扁平会话规则适用于团队和品牌拥护者的回复；同伴回复须有明确的回复关系。',
    'This period': '本期',
    'Thu': '周四',
    (
        'Time of the first team answer minus time of the message; median and 90th percentile, on '
        'the business-hours clock (opening hours, weekdays and holidays of the playbook) and on '
        'the calendar clock.'
    ):
        (
            '团队首次回复时间减去消息发出时间；分别按工作时间（运营手册中的营业时段、工作日和节假'
            '日）和自然时间计算中位数与第 90 百分位。'
        ),
    'Timezone': '时区',
    'Top member request: “{item}” ({n} members asking; owner: {team}).':
        '成员最集中的诉求：“{item}”（{n} 位成员提出；负责团队：{team}）。',
    'Top posts': '热门帖子',
    'Tue': '周二',
    'Unanswered questions': '未回复的提问',
    'Unanswered questions ({n}, oldest first)': '未回复的提问（{n} 条，按时间从早到晚）',
    'Value': '值',
    'Voices': '发声者',
    'Voices: advocates and community managers': '发声者：品牌拥护者与社区经理',
    'Wed': '周三',
    'What needs attention': '需要关注的事项',
    'What the kit does': '本工具的处理方式',
    'When members write (inbound messages, local time)': '成员发言时段（入站消息，本地时间）',
    'Who answered first': '谁最先回复',
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
    (
        'met when the current value meets the target; else compared with the value expected by '
        'linear interpolation from baseline (at start) to target (at deadline): on track at or '
        'beyond it, at risk within 10% of the baseline-to-target distance, off track beyond; '
        'missed after the deadline.'
    ):
        (
            '当前值达到目标值即为已达成；否则与从基线（起始时）到目标值（截止时）线性插值得出的当'
            '前应达值比较：达到或超过应达值为进展正常，落后幅度在基线到目标值差距的 10% 以内为有风'
            '险，超过则为偏离目标；过了截止日期仍未达到为未达成。'
        ),
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
    # listening definitions and catalogue labels
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
    'Messages about a negative experience':
        '负面体验消息',
    'Mild positive questions':
        '轻微正面的提问',
    'Net sentiment':
        '净情绪',
    'Owner team':
        '负责团队',
    'Pain point':
        '痛点',
    "Per member message: the export's sentiment label when there is one, else VADER for Latin script (compound ≥ 0.05 positive, ≤ −0.05 negative) or the kit's Chinese lexicon with negation for Chinese; complaint patterns make a message negative. Net sentiment = (positive − negative) ÷ member messages.":
        '逐条成员消息判断：导出文件带有情绪标签时以其为准；否则拉丁字母文本用 VADER（compound ≥ 0.05 为正面，≤ −0.05 为负面），中文用本工具自带的含否定处理的中文词典；命中投诉句式的消息判为负面。净情绪 = (正面 − 负面) ÷ 成员消息数。',
    "Playbook themes are lists of keywords or regular expressions (any language), matched on the text and on its accent-folded lowercase form; a member message can belong to several. Share = messages of the theme ÷ member messages; the change is against the previous period's share.":
        '运营手册中的主题是关键词或正则表达式列表（任何语言），同时匹配原文及其去重音小写形式；一条成员消息可属于多个主题。占比 = 该主题消息数 ÷ 成员消息数；变化与上期占比相比。',
    'Request':
        '诉求',
    'Themes, terms, sentiment and pain points count member messages (spam excluded); the requests register counts inbound member messages only. First and last seen of a request are within the period.':
        '主题、热词、情绪和痛点统计成员消息（不含垃圾信息）；诉求登记只统计入站成员消息。诉求的首次与最近出现时间以本期为限。',
    # Issue 15: per-channel responsiveness, data coverage, cut lists, goal statuses.
    '(previous period partly covered)':
        '（上期数据不完整）',
    '(this period partly covered)':
        '（本期数据不完整）',
    '90th pct (business h)':
        '第 90 百分位（工作小时）',
    '90th pct (calendar h)':
        '第 90 百分位（自然小时）',
    '90th pct wait (business h)':
        '等待时间第 90 百分位（工作小时）',
    '90th pct wait (calendar h)':
        '等待时间第 90 百分位（自然小时）',
    "A message's first answer by the team and its first answer by an advocate are each credited to the person who gave it; waits are from the message to that answer.":
        '一条消息的团队首次回复和品牌拥护者首次回复分别记在给出该回复的人名下；等待时间从消息发出算到该回复。',
    'Advocates answered {n} inbound messages: {share} of the answers to inbound messages by anyone (team, advocates, members), a message answered by several groups counting once for each ({previous} in the previous period). Quiet advocates: {quiet}.':
        '品牌拥护者回复了 {n} 条入站消息，占所有人（团队、拥护者、成员）对入站消息所作回复的 {share}；一条消息被多个群体回复时，每个群体各计一次（上期为 {previous}）。沉默的拥护者：{quiet}。',
    'All channels':
        '全部渠道',
    'Answered outside business hours':
        '工作时间外回复占比',
    'Channels with inbound messages and no team activity in the data, left out of the response figures: {channels}.':
        '有入站消息、但数据中没有任何团队活动的渠道，未计入回复指标：{channels}。',
    'Data coverage':
        '数据覆盖范围',
    'Engagement rate (by followers)':
        '互动率（按粉丝数）',
    'Engagement rate (by reach)':
        '互动率（按触达人数）',
    'First answers by person':
        '按人员统计的首次回复',
    'First day with data':
        '数据首日',
    'Inbound':
        '入站',
    'Last day with data':
        '数据末日',
    'Lower than in the previous period, but not reported as a fall: {labels}. The data covers this period only in part ({gaps}).':
        '低于上期，但不作为下降报告：{labels}。本期数据不完整（{gaps}）。',
    'Make-up working days in this period':
        '本期调休上班日',
    'Median (business h)':
        '中位数（工作小时）',
    'Median (calendar h)':
        '中位数（自然小时）',
    'Median wait (business h)':
        '等待时间中位数（工作小时）',
    'Median wait (calendar h)':
        '等待时间中位数（自然小时）',
    'Messages pending at the end of the previous period: {n}. Since then: answered in time {in_time}, answered late {late}, still unanswered {open}.':
        '上期期末待处理的消息：{n} 条。此后 {in_time} 条按时得到回复，{late} 条逾时回复，{open} 条至今未回复。',
    'Posts with impressions': '有曝光数据的帖子',
    'Posts in the post exports that carry impressions; announcements on chat platforms have none, so the content mix counts more.':
        '帖子导出中带有曝光数据的帖子；聊天平台上的公告没有曝光数据，因此内容结构中的帖子数更多。',
    '{n} message texts are longer than {limit} characters: only their first {limit} characters are analysed (listening, rules, questions); the whole text is kept and shown.':
        '{n} 条消息的文字超过 {limit} 个字符：只分析其前 {limit} 个字符（倾听、规则、提问）；全文照常保存和显示。',
    'Pending':
        '待处理',
    "Planned: the playbook's posts per week, pro rata for partial weeks.":
        '计划：运营手册中的每周发帖数，不足一周的按天数折算。',
    'Posts by pillar and channel':
        '各渠道按内容支柱的发帖数',
    'Responsiveness by channel':
        '各渠道响应情况',
    'The data covers the previous period only in part ({gaps}): changes against it are marked as such.':
        '上期数据不完整（{gaps}）：与上期的对比均已注明。',
    'The data covers the previous period only in part.':
        '上期数据不完整。',
    'The data covers this period only in part ({gaps}): days without data are missing, not zero.':
        '本期数据不完整（{gaps}）：没有数据的日子是数据缺失，而不是零。',
    'The data covers this period only in part.':
        '本期数据不完整。',
    'Top {n} posts by engagement':
        '互动最高的 {n} 条帖子',
    'Within commitment':
        '承诺时限内',
    'and {n} more':
        '另有 {n} 条',
    'categories: {names}':
        '类别：{names}',
    'no figure this period':
        '本期无数据',
    'not measured: no team activity in the data':
        '无法衡量：数据中没有团队活动',
    'not started':
        '未开始',
    'partial data':
        '数据不完整',
    '{n} not started':
        '{n} 项未开始',
    '{n} partial data':
        '{n} 项数据不完整',
    '{channel} from {first}':
        '{channel} 自 {first} 起',
    '{channel} from {first} to {last}':
        '{channel} 自 {first} 至 {last}',
    '{channel} to {last}':
        '{channel} 至 {last} 止',
    '{channel}: no data':
        '{channel}：无数据',
    "{channel}: {n} inbound messages and no activity by the team's accounts in the store; check that the playbook's accounts match the exports. Its messages are left out of the response figures.":
        '{channel}：有 {n} 条入站消息，但数据中没有团队账号的任何活动；请检查运营手册中的账号是否与导出文件一致。该渠道的消息未计入回复指标。',
    '{n} replies are stored as written before the message they answer (local times that occur twice when clocks go back): they answer nothing and are left out of the response figures.':
        '有 {n} 条回复的存储时间早于其所回复的消息（时钟回拨时同一本地时间会出现两次）：这些回复不算作对任何消息的回复，也不计入回复指标。',
    '… and {n} more.':
        '……另有 {n} 条。',
    '… and {n} more: all of them are in {file} beside this report.':
        '……另有 {n} 条：完整列表见本报告旁的 {file}。',
    'Answered by advocates':
        '由品牌拥护者回复',
    'Answered by members (peers)':
        '由成员回复（同伴互助）',
    'Answered by the team':
        '由团队回复',
    'Answered only by an advocate':
        '仅由品牌拥护者回复',
    'Conversations':
        '会话数',
    'Excluded as spam':
        '作为垃圾信息排除',
    'First response, 90th pct (business h)':
        '首次回复时间，第 90 百分位（工作小时）',
    'First response, 90th pct (calendar h)':
        '首次回复时间，第 90 百分位（自然小时）',
    'First response, mean (business h)':
        '首次回复时间，平均值（工作小时）',
    'First response, median (business h)':
        '首次回复时间，中位数（工作小时）',
    'First response, median (calendar h)':
        '首次回复时间，中位数（自然小时）',
    'Followers (channels with totals)':
        '粉丝数（有总数的渠道）',
    'Longest silence (business)':
        '最长静默（工作时间）',
    'Longest silence (calendar)':
        '最长静默（自然时间）',
    'Missed the commitment':
        '超出承诺时限',
    'Pending (not yet due)':
        '待处理（尚未到期）',
    'The data has no day of the previous period: there is nothing to compare this period with.':
        '数据中没有上期任何一天的记录：本期无从比较。',
    # Issue 16: findings on enough data, charts without data.
    '; ':
        '；',
    '{metric} ({counts})':
        '{metric}（{counts}）',
    '(little data)':
        '（数据较少）',
    'Too little data to compare with the previous period, so these changes are not reported as findings: {figures}.':
        '数据太少，无法与上期比较，以下变化不作为发现报告：{figures}。',
    '{noun} this period: {count}, at least {minimum} needed':
        '本期{noun}：{count}，至少需要 {minimum}',
    '{noun} in the previous period: {count}, at least {minimum} needed':
        '上期{noun}：{count}，至少需要 {minimum}',
    'team posts':
        '团队帖子数',
    'impressions':
        '曝光量',
    'inbound messages answered or due':
        '已回复或已到期的入站消息数',
    'messages due':
        '已到期的消息数',
    'messages answered by the team':
        '团队已回复的消息数',
    'questions':
        '问题数',
    '{title}: no data in this period.':
        '{title}：本期没有数据。',
    # Issue 17: the chart font in the appendix.
    'Chart font':
        '图表字体',
    '{latin} only: no Chinese font on this machine, so Chinese text in the charts is drawn as boxes; install one with {command} (Debian/Ubuntu) or any Noto Sans CJK font, and render again':
        '仅 {latin}：本机没有中文字体，图表中的中文会显示为方框；请安装一种中文字体（Debian/Ubuntu：{command}，其他系统可装任一 Noto Sans CJK 字体），然后重新生成报告',
    # Issue 17: the agency index (portfolio.py) and the report's footer.
    'Community reviews':
        '社区运营复盘汇总',
    'Client':
        '客户',
    '{done} of {n} reports rendered':
        '已生成 {done}/{n} 份报告',
    '; {n} failed':
        '；{n} 份失败',
    'failed':
        '失败',
    'no goals':
        '未设目标',
    'data check':
        '数据检查',
    '{platform}: inbound messages and no team activity in the data':
        '{platform}：有入站消息，但数据中没有任何团队活动',
    'the data covers this period only in part':
        '本期数据不完整',
    'Made with communitykit':
        '由 communitykit 生成',
}
