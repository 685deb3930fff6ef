"""Simplified Chinese for the report's notes on the data, its findings, goal statuses, the
agency index and the footer."""

TEXT: dict[str, str] = {
    # Responsiveness per channel, data coverage, cut lists, goal statuses.
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
    'The data has no day of the previous period: there is nothing to compare this period with.':
        '数据中没有上期任何一天的记录：本期无从比较。',
    # Findings on enough data, charts without data.
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
    # The chart font in the appendix.
    'Chart font':
        '图表字体',
    '{latin} only: no Chinese font on this machine, so Chinese text in the charts is drawn as boxes; install one with {command} (Debian/Ubuntu) or any Noto Sans CJK font, and render again':
        '仅 {latin}：本机没有中文字体，图表中的中文会显示为方框；请安装一种中文字体（Debian/Ubuntu：{command}，其他系统可装任一 Noto Sans CJK 字体），然后重新生成报告',
    # The agency index (run/portfolio.py) and the report's footer.
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
    # The mail of `communitykit send` (delivery/message.py).
    'The full report is attached: {files}. The HTML page opens in any browser and needs no network.':
        '完整报告见附件：{files}。HTML 页面可在任何浏览器中打开，无需联网。',
    'now {now}, target {target}':
        '当前 {now}，目标 {target}',
}
