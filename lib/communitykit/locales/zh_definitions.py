"""Simplified Chinese for the definitions and decisions (communitykit.definitions).

Keys are the English texts of definitions.py: section names, then definitions and
decisions, in its order. tests/test_definitions.py checks that every one has its Chinese
and that no key is left over.
"""

TEXT: dict[str, str] = {
    'Period and time':
        '周期与时间',
    'Who is who':
        '角色划分',
    'Responsiveness':
        '响应情况',
    'Presence and cadence':
        '账号活跃度与发布节奏',
    'Community health':
        '社区健康度',
    'Member levels':
        '成员层级',
    'Reach and growth':
        '触达与增长',
    'Listening':
        '倾听',
    'Rules and escalations':
        '规则与升级事件',
    'Advocates and community managers':
        '品牌拥护者与社区经理',
    'Goals':
        '目标',
    'Data coverage and quality':
        '数据覆盖与质量',
    'Period':
        '周期',
    "Half-open interval [start, end) of local dates in the client's timezone: a month (2026-10), an ISO week (2026-W43), a quarter (2026-Q3) or explicit dates. The previous period has the same length and ends where this one starts; changes compare the two.":
        '本地日期构成的左闭右开区间 [开始, 结束)，按客户所在时区计：一个月（2026-10）、一个 ISO 周（2026-W43）、一个季度（2026-Q3）或明确给出的日期。上期长度相同，并在本期开始时结束；变化即两者之比较。',
    'Timestamps':
        '时间戳',
    "Stored in UTC. A time without an offset in an export is read in the timezone the playbook declares for that file (exports.sources), else the client's; a local time that happens twice or not at all at a DST change is read as the earlier instant and counted in the file's import notes.":
        '以 UTC 存储。导出文件中不带时区偏移的时间，按运营手册为该文件声明的时区（exports.sources）读取，否则按客户时区；夏令时切换时出现两次或不存在的本地时间取较早的时刻，并记入该文件的导入备注。',
    'Roles':
        '角色',
    "Brand accounts and the roster in the playbook give each author a role (brand, community manager, employee, ambassador, influencer, bot); everyone else is a member. The team is the playbook's team_roles (brand and community managers unless employees are added); advocates are ambassadors, influencers and employees outside the team. Community figures count members only.":
        '运营手册中的品牌账号和人员名单为每位发言者确定角色（品牌、社区经理、员工、品牌大使、达人、机器人），其余人均为成员。团队即运营手册中的 team_roles（默认是品牌和社区经理，可加入员工）；品牌拥护者指团队之外的品牌大使、达人和员工。社区类指标只统计成员。',
    'Team post':
        '团队帖子',
    "A post whose author has a team role. A post in a post export whose author matches no account or roster entry is the brand's. Top-level lines of a brand account on chat platforms are posts too (announcements). Posts by advocates are advocate posts: they are not team posts, and member comments on them are not inbound.":
        '作者角色属于团队的帖子。帖子导出文件中作者对不上任何账号或名单人员的帖子算作品牌的帖子。聊天平台上品牌账号的顶层发言也是帖子（公告）。品牌拥护者发的帖子是拥护者帖子：不算团队帖子，成员在其下的评论也不算入站消息。',
    'Inbound message':
        '入站消息',
    "A member message, spam left out, that is a top-level comment on a team post; a reply to a team message; a direct message or a mention (as the export marks it); a message whose text names one of the playbook's brand accounts of its platform (@handle in any case, followed by a non-word character or the end); or a top-level message on a chat platform (the chat space is the brand's) or outside any post. Messages matching a rule category marked excluded_from_inbound (spam) are left out and counted as excluded as spam.":
        '成员发出的（不含垃圾信息）以下消息：团队帖子下的顶层评论；对团队消息的回复；私信或提及（以导出文件的标记为准）；正文点名运营手册中该平台某个品牌账号的消息（@账号名，不区分大小写，后接非单词字符或结尾）；聊天平台上的顶层消息（聊天空间属于品牌）或不属于任何帖子的顶层消息。命中标记为 excluded_from_inbound 的规则类别（垃圾信息）的消息不计入，另计为垃圾信息。',
    'Question':
        '提问',
    "An inbound message containing ? or ？; opening with an English interrogative (how, what, when, where, why, who, which), with an auxiliary followed by a subject (Can I, Is the, Do you; not Can't wait) or with wondering / anyone know, exclamations such as What a lovely idea! aside; or using a Chinese question form (吗, 呢 or 么 at the end, 怎么, 怎样, 如何, 什么, 啥, 咋, 哪, 为什么, 为啥, 多少, 能不能, 可不可以, 是否, 有没有, A不A, 请问) outside idioms that only look like one (没什么, 不知道为什么, 什么都, 哪里都, 多少有点).":
        "包含 ? 或 ？ 的入站消息；或以英文疑问词开头（how、what、when、where、why、who、which），或以助动词加主语开头（Can I、Is the、Do you；不含 Can't wait），或含 wondering / anyone know（What a lovely idea! 之类的感叹句除外）；或使用中文疑问形式（句末为吗、呢、么，或含怎么、怎样、如何、什么、啥、咋、哪、为什么、为啥、多少、能不能、可不可以、是否、有没有、A不A、请问），但不包括形似疑问的习惯用语（没什么、不知道为什么、什么都、哪里都、多少有点）。",
    'Answer on reply platforms':
        '回复型平台上的回复',
    "On platforms with reply threads a reply answers its parent message. It is a team answer, an advocate answer or a peer answer by its author's group (peer: a member other than the parent's author).":
        '在有回复串的平台上，一条回复即回复其父消息。按回复者所属群体分为团队回复、品牌拥护者回复或同伴回复（同伴：父消息作者以外的成员）。',
    'Mention':
        '提及',
    'A message mentions a person when the export lists them among its mentions, or when its text contains @name and name equals, in any case, the author id, author name or roster handle of an author of the same platform.':
        '导出文件将某人列为一条消息的提及对象，或消息正文含 @名称，且该名称（不区分大小写）等于同一平台某位发言者的作者 ID、作者名或名单中的账号名时，该消息即提及此人。',
    'Answer on chat platforms':
        '聊天平台上的回复',
    "On chat platforms (Discord, Slack, Telegram, Discourse, Messenger) the lines of each channel are read in time order. A line with a reply reference answers the message it refers to, whoever writes it. Else a line that mentions people answers, for each person mentioned other than its writer, their inbound messages in the channel within the window before it that the writer's group has not answered yet. Else (an unlinked line) a line by the team or an advocate answers at most one message: the nearest earlier inbound message in the channel, by someone else, within the window, not yet answered by its group. A member's unlinked line answers nothing, and a brand account's top-level line is an announcement, not an answer.":
        '在聊天平台（Discord、Slack、Telegram、Discourse、Messenger）上，按时间顺序读取每个频道的发言。带回复引用的发言即回复其引用的消息，无论由谁发出。否则，提及他人的发言回复被提及者（发言者本人除外）在该频道、时间窗口内此前发出、且发言者所属群体尚未回复的入站消息。否则（无关联的发言）由团队或品牌拥护者发出的发言最多回复一条消息：该频道中时间窗口内、由他人发出、其所属群体尚未回复的最近一条较早入站消息。成员的无关联发言不回复任何消息；品牌账号的顶层发言是公告，不是回复。',
    'Flat-thread window':
        '扁平会话时间窗口',
    'How far back a line on a chat platform can answer: a line written at time t answers messages created in [t − window, t). Playbook setting cadence.flat_thread_window; 24 hours of calendar time by default.':
        '聊天平台上一条发言能回溯回复的时长：在时刻 t 的发言回复创建于 [t − 窗口, t) 内的消息。运营手册设置项 cadence.flat_thread_window；默认按自然时间 24 小时。',
    'First answer':
        '首次回复',
    'For each inbound message and each group (team, advocates, peers), the earliest line of that group that answers it, before the period end. Its writer is the responder credited with it.':
        '对每条入站消息和每个群体（团队、品牌拥护者、同伴），该群体在期末之前最早回复它的那条发言。发言者即记入该回复的回复者。',
    'Answered':
        '已回复',
    "An inbound message the team gave a first answer before the period end. Answered by advocates: with an advocate's first answer; answered only by an advocate: with one and no team answer; answered by members (peers): with a peer's first answer.":
        '团队在期末之前给出首次回复的入站消息。品牌拥护者回复：有品牌拥护者的首次回复；仅由品牌拥护者回复：有品牌拥护者回复而无团队回复；成员（同伴）回复：有同伴的首次回复。',
    'Replies before their parent':
        '早于父消息的回复',
    "A reply stored with a time earlier than its parent's (a local time damaged at a DST change) answers nothing; such replies are counted in the data-quality account.":
        '记录时间早于其父消息的回复（夏令时切换时本地时间出错所致）不回复任何消息；这类回复计入数据质量统计。',
    'Business-hours clock':
        '工作时间计时',
    "Counts only opening time: the playbook's opening and closing time per weekday in the client's timezone, closed days left out. A message that arrives while closed starts its clock at the next opening; an answer given before that opening takes 0 business hours. The clock covers any instant asked of it, beyond the data too. A commitment of 8h on this clock is one working day of 09:00-17:00.":
        '只计营业时间：按客户时区、运营手册中每个工作日的开始与结束时间计算，休息日除外。在非营业时间到达的消息从下一次开门时开始计时；在那之前给出的回复用时为 0 个工作小时。计时覆盖所询问的任意时刻，包括数据范围之外。按此计时，8h 的承诺相当于 09:00-17:00 的一个工作日。',
    'Calendar clock':
        '自然时间计时',
    'Elapsed time, day and night.':
        '实际经过的时间，不分昼夜。',
    'Closed days':
        '休息日',
    "With business_hours.holidays.country set, that country's national public holidays are closed. The team's region (subdivision) closes its own holidays too only with subdivision_holidays: true; other holiday categories (optional, government, bank, ...) only when listed in categories (default: public). Without a country there are no public holidays: they are never guessed from the timezone. Days listed in extra are closed. A make-up working day (a weekend day the country declares a working day, such as Saturday 2026-10-10 in China) is open, with the hours of the first weekday from Monday to Friday that has hours.":
        '设置了 business_hours.holidays.country 时，该国的全国性法定节假日休息。团队所在地区（subdivision）自己的节假日，只有在 subdivision_holidays: true 时才休息；其他节假日类别（optional、government、bank 等）只有列入 categories（默认：public）时才休息。未设置国家则没有法定节假日，绝不根据时区推测。extra 中列出的日期休息。调休工作日（国家宣布为工作日的周末，如中国的 2026-10-10 星期六）照常营业，营业时间取周一至周五中第一个有营业时间的工作日。',
    'Response commitment':
        '回复承诺',
    'The time the playbook commits to answer in (cadence.response): one for questions, one for other messages, and optionally one per severity (low, medium, high, critical); on the business-hours clock unless clock: calendar. A message that matches rule categories (spam aside) takes the commitment of its highest matched severity that has one; else a question takes the question commitment and any other message the message commitment.':
        '运营手册承诺的回复时限（cadence.response）：提问一个、其他消息一个，还可按严重程度（low、medium、high、critical）分别设定；除非设置 clock: calendar，均按工作时间计。命中规则类别（垃圾信息除外）的消息采用其命中的、设有承诺的最高严重程度的时限；否则提问采用提问的时限，其他消息采用消息的时限。',
    'Due and pending':
        '到期与待处理',
    "A message is due when the time from its arrival to the period end, on its commitment's clock, reaches the commitment. A message neither due nor answered at the period end is pending.":
        '从消息到达到期末的时长（按其承诺的计时方式）达到承诺时限时，该消息即到期。期末时既未到期也未回复的消息为待处理。',
    'Response rate':
        '回复率',
    'Inbound messages answered by the team ÷ inbound messages, leaving out pending messages and the messages of channels without team activity.':
        '团队已回复的入站消息 ÷ 入站消息；待处理消息和无团队活动渠道的消息不计入。',
    'First response time':
        '首次回复时间',
    "Time of the team's first answer minus time of the message, for messages answered before the period end (channels without team activity left out); median and 90th percentile, the mean beside them labelled as such, on the business-hours clock and on the calendar clock.":
        '团队首次回复的时间减去消息的时间，只统计期末之前已回复的消息（无团队活动的渠道除外）；给出中位数和第 90 百分位（平均值列于其旁并注明），分别按工作时间和自然时间计。',
    'SLA compliance':
        '回复承诺达成率',
    'Due inbound messages the team answered within their commitment ÷ due inbound messages (channels without team activity left out). Missed the commitment: due messages not answered within it.':
        '团队在承诺时限内回复的到期入站消息 ÷ 到期入站消息（无团队活动的渠道除外）。超出承诺：未在时限内回复的到期消息。',
    'Pending from the previous period':
        '上期遗留的待处理消息',
    'What became, by the end of this period, of the messages the previous period left pending: answered within their commitment, answered late, or still unanswered. The summary says it.':
        '上期期末待处理的消息到本期期末的结果：在承诺时限内回复、超时回复或仍未回复。摘要中会说明。',
    'Unanswered questions':
        '未回复的提问',
    'Questions received in the period with no team, advocate or peer answer before its end, oldest first; all of them are listed. Question answer rate = questions with an answer from anyone ÷ questions.':
        '本期收到、到期末仍没有团队、品牌拥护者或同伴回复的提问，按时间从早到晚全部列出。提问回复率 = 得到任何人回复的提问 ÷ 提问。',
    'Channel without team activity':
        '无团队活动的渠道',
    "A channel with inbound messages in the period where, anywhere in the store, the team never wrote a message and no post came from an account the playbook names (a post export naming no account counts as the client's): usually exports that do not match the playbook's accounts. Its messages cannot be measured: they are counted, left out of the response rate, first response and commitment figures, and the summary names the channel as a data-quality finding instead of showing a 0 % response rate.":
        '本期有入站消息、但在整个数据存储中团队从未发过消息、也没有任何帖子来自运营手册列出的账号（未注明账号的帖子导出视为客户自己的）的渠道：通常是导出文件与运营手册中的账号对不上。其消息无法衡量：单独计数，不计入回复率、首次回复时间和回复承诺指标，摘要会把该渠道列为数据质量问题，而不是显示 0% 的回复率。',
    'Responsiveness per channel':
        '各渠道的响应情况',
    'The figures above per platform: inbound, answered, pending, due, response rate, first response median and 90th percentile on both clocks, answered within commitment, missed commitments, and whether the team is active in the channel at all.':
        '按平台给出以上指标：入站、已回复、待处理、到期、回复率、两种计时下首次回复时间的中位数和第 90 百分位、在承诺时限内回复、超出承诺的消息数，以及团队是否在该渠道有过任何活动。',
    'Responders':
        '回复者',
    "Per team member and advocate: first answers (messages where theirs was their group's first answer before the period end), median and 90th percentile time to those answers on both clocks, and the share of those answers given outside business hours.":
        '每位团队成员和品牌拥护者：首次回复数（其回复是所属群体在期末前首次回复的消息数）、两种计时下到这些回复的用时中位数和第 90 百分位，以及这些回复中在工作时间以外给出的占比。',
    'Team posts':
        '团队发帖',
    'Team posts published in the period, in every channel, announcements on chat platforms included.':
        '本期在各渠道发布的团队帖子，包括聊天平台上的公告。',
    'Content pillar':
        '内容支柱',
    "Each team post belongs to one of the playbook's content pillars: the label in the export when it names a pillar, else the first pillar whose patterns match its text, else other.":
        '每篇团队帖子归入运营手册中的一个内容支柱：导出文件中的标签若为某个支柱则以其为准，否则取匹配模式命中其正文的第一个支柱，否则为 other。',
    'Content mix':
        '内容结构',
    "Per pillar: team posts, their share of the period's team posts, the planned share from the playbook, and the gap = actual share − planned share, in points.":
        '每个内容支柱：团队帖子数、占本期团队帖子的比例、运营手册中的计划占比，以及差距 = 实际占比 − 计划占比（以百分点计）。',
    'Posts by pillar per channel':
        '各渠道按内容支柱的发帖数',
    "Team posts of the period counted per channel and pillar; a channel's rows add up to its team posts.":
        '本期团队帖子按渠道和内容支柱分别计数；一个渠道各行之和等于该渠道的团队帖子数。',
    'Cadence adherence':
        '发布节奏达成度',
    'Per channel and ISO week, min(actual posts ÷ planned posts, 1), averaged over channel-weeks. Planned posts of a channel = posts_per_week × days in the period ÷ 7.':
        '按渠道和 ISO 周计算 min(实际发帖数 ÷ 计划发帖数, 1)，再对所有渠道周取平均。某渠道的计划发帖数 = posts_per_week × 本期天数 ÷ 7。',
    'Longest silence':
        '最长沉默期',
    'Longest stretch of the period without a team post or team message, counted from the period start, between them and up to the period end; in calendar hours and in business hours.':
        '本期内没有团队帖子或团队消息的最长时段，从期初算起、在两者之间、直到期末；分别按自然时间和工作时间计。',
    'Inbound inside business hours':
        '工作时间内的入站消息',
    'Share of inbound messages that arrived while open on the business-hours clock. The chart beside it shows inbound messages per weekday and local hour against the opening hours.':
        '按工作时间计时、在营业时间内到达的入站消息占比。旁边的图表按星期和本地小时显示入站消息，并与营业时间对照。',
    'Active, new, returning':
        '活跃、新增、回访',
    'Distinct members writing in the period; new = never seen before it; returning = also active in the previous period. Retention = returning ÷ active in the previous period.':
        '本期发言的去重成员数；新增 = 此前从未出现过；回访 = 上期也活跃。留存率 = 回访成员 ÷ 上期活跃成员。',
    'Conversation':
        '会话',
    'A thread where two or more members wrote and a member replied to another member.':
        '有两名及以上成员发言、且有成员回复了其他成员的会话。',
    'Peer support rate':
        '同伴互助率',
    'Questions with a peer or advocate answer ÷ questions.':
        '得到同伴或品牌拥护者回复的提问 ÷ 提问总数。',
    'Member-to-member reply share':
        '成员互相回复占比',
    "Member replies whose parent is another member's message ÷ all member replies (spam left out).":
        '父消息为其他成员消息的成员回复 ÷ 全部成员回复（不含垃圾信息）。',
    'Member level':
        '成员层级划分',
    "Each member (platform and author, as active members are counted) who wrote in the period or the previous one is in exactly one level, from their member messages (spam left out) in those two periods, the level's rolling window. Champion: wrote in both periods and is among the top 10 % by messages in the window. Regular: wrote in both periods, not a champion. Participant: wrote in the period and not in the previous one, and was seen before it. Newcomer: wrote in the period and was never seen before it (a new member). Drifting: wrote in the previous period and not in this one. Everyone else is inactive and in no level.":
        '本期或上期发过言的每位成员（按平台与作者计，与活跃成员的计法相同）恰好属于一个层级，依据其在这两个周期（层级的滚动窗口）内的成员消息（不含垃圾信息）判定。核心成员：两个周期都发言，且按窗口内消息数位居前 10 %。常驻成员：两个周期都发言，但不是核心成员。参与者：本期发言、上期未发言，且此前出现过。新人：本期发言且此前从未出现过（即新增成员）。趋于沉寂：上期发言、本期未发言。其余成员为不活跃，不属于任何层级。',
    'Top 10 % by messages':
        '按消息数位居前 10 %',
    'Of the n members who wrote in the window, the ⌈n ÷ 10⌉ with the most messages in it, and every member tied with the last of them: a champion wrote at least as many messages as that member.':
        '在窗口内发言的 n 位成员中，窗口内消息最多的 ⌈n ÷ 10⌉ 位，以及与其中最后一位消息数相同的所有成员：核心成员的消息数不少于该成员。',
    'Level movement':
        '层级变动',
    "Each member's level at the end of the previous period (from the previous period and the one before it) against their level now, as counts from one level to another; inactive to inactive is not counted.":
        '每位成员在上期末的层级（依据上期及其前一期）与当前层级的对照，按从一个层级到另一个层级的人数计；不活跃到不活跃不计入。',
    'Drifting members to reach out to':
        '值得主动联系的沉寂成员',
    "Drifting members who were champions or regulars at the end of the previous period: champions first, then by messages in the previous level's window (most first), then by name (case ignored), channel and author id. The report lists the first 10 with their last day active.":
        '上期末为核心成员或常驻成员、本期趋于沉寂的成员：核心成员在前，其次按上一层级窗口内的消息数（多者在前），再按名称（不区分大小写）、渠道和作者 ID 排序。报告列出前 10 位及其最后活跃日期。',
    'Followers':
        '粉丝数',
    'Per channel, the last daily follower total inside the period (at its start: the last total before its first day). The total adds the channels that have totals.':
        '每个渠道期内最后一个每日粉丝总数（期初：第一天之前的最后一个总数）。总计为有粉丝总数的渠道之和。',
    'Follower growth':
        '粉丝增长',
    '(Followers at period end − at period start) ÷ followers at start; net = gained − lost where only daily gains and losses exist.':
        '（期末粉丝数 − 期初粉丝数）÷ 期初粉丝数；若只有每日新增和流失数据，净变化 = 新增 − 流失。',
    'Engagement':
        '互动',
    "Of a post: reactions + comments + shares + saves, clicks left out. The period's engagement adds up the team posts published in it (an advocate's posts count in Voices, not here).":
        '一篇帖子的互动 = 点赞等反应 + 评论 + 分享 + 收藏，不含点击。本期互动为本期发布的团队帖子之和（品牌拥护者的帖子计入发声者，不计入此处）。',
    'Engagement rate':
        '互动率',
    "A ratio of sums, not a mean of ratios, over the team posts published in the period: by impressions (the default), their engagement ÷ their impressions, over the posts that have impressions; by reach, the same with reach; by followers, the engagement of the posts of channels with a follower total ÷ those channels' followers at the period end. The playbook's reach.engagement_rate_by picks the one shown; metrics.json has all three. Per channel and per pillar, by impressions.":
        '按本期发布的团队帖子计算的总和之比，而非比率的平均：按曝光量（默认）为有曝光数据的帖子的互动 ÷ 其曝光量；按触达人数同理；按粉丝数为有粉丝总数的渠道的帖子互动 ÷ 这些渠道期末的粉丝数。运营手册中的 reach.engagement_rate_by 决定显示哪一种；metrics.json 中三种都有。各渠道和各内容支柱按曝光量计算同样的比率。',
    'Top posts':
        '热门帖子',
    "The period's posts with the most engagement, earliest first on a tie.":
        '本期互动最多的帖子，互动相同时较早发布的在前。',
    'Member messages':
        '成员消息',
    'Messages by members in the period, spam left out: the base of the themes, terms, sentiment and pain points. The requests register counts inbound member messages only.':
        '本期成员发出的消息（不含垃圾信息）：主题、热词、情绪和痛点的统计基础。诉求登记只统计入站成员消息。',
    'Themes':
        '主题',
    "Playbook themes are lists of keywords or regular expressions (any language), matched on the text and on its accent-folded lowercase form; a member message can belong to several. Share = messages of the theme ÷ member messages; the change is against the previous period's share.":
        '运营手册中的主题是关键词或正则表达式列表（任何语言），同时匹配原文及其去重音小写形式；一条成员消息可属于多个主题。占比 = 该主题消息数 ÷ 成员消息数；变化与上期占比相比。',
    'Trend':
        '趋势',
    "new when counted this period and not in the previous one; else up, down or same against the previous period's count.":
        '本期有而上期没有为“新出现”；否则与上期数量相比为上升、下降或持平。',
    'Emerging terms':
        '新兴词语',
    'English words and 2-3-word phrases without stopwords, and Chinese words from jieba segmentation; ranked by growth = ((messages now + 1) ÷ (member messages now + 1)) ÷ ((messages before + 1) ÷ (member messages before + 1)), kept when used in at least 3 messages by at least 2 members and growing.':
        '去除停用词后的英文单词和 2–3 词短语，以及经 jieba 分词得到的中文词；按增长排序：增长 = ((本期出现消息数 + 1) ÷ (本期成员消息数 + 1)) ÷ ((上期出现消息数 + 1) ÷ (上期成员消息数 + 1))；仅保留至少出现在 3 条消息、来自至少 2 位成员且在增长的词。',
    'Request':
        '诉求',
    'An inbound member message asking the brand for something (bring back, please add, wish you had, would love, could you make, any chance of; 求, 希望, 能不能出, 建议, 请推出, 什么时候出 ...). The requested object is normalised (lowercase, accents folded, punctuation, emoji, articles and stopwords dropped, plurals folded) and grouped; an object naming a playbook theme groups under that theme, whatever its language.':
        '向品牌提出诉求的入站成员消息（bring back、please add、wish you had、would love、could you make、any chance of；求、希望、能不能出、建议、请推出、什么时候出等）。诉求对象经过规范化（转小写、去除重音、去掉标点、表情、冠词和停用词、合并单复数）后归组；对象命中运营手册中的主题时，无论何种语言都归入该主题。',
    'Pain point':
        '痛点',
    'A member message with negative sentiment or a complaint pattern (still no refund, arrived crushed, 太慢, 还没到账, ...) that breaks no rule, grouped by theme (several possible; Other when none).':
        '情绪为负面或命中投诉句式（still no refund、arrived crushed、太慢、还没到账等）且未违反规则的成员消息，按主题归组（可属于多个主题；都不属于时归入“其他”）。',
    'Sentiment':
        '情感',
    "Per member message: the export's sentiment label when there is one, else VADER for Latin script (compound ≥ 0.05 positive, ≤ −0.05 negative) or the kit's Chinese lexicon with negation for Chinese; complaint patterns make a message negative. Net sentiment = (positive − negative) ÷ member messages; positive and negative shares = positive or negative messages ÷ member messages.":
        '逐条成员消息判断：导出文件带有情绪标签时以其为准；否则拉丁字母文本用 VADER（compound ≥ 0.05 为正面，≤ −0.05 为负面），中文用本工具自带的含否定处理的中文词典；命中投诉句式的消息判为负面。净情绪 = (正面 − 负面) ÷ 成员消息数；正面占比和负面占比 = 正面或负面消息数 ÷ 成员消息数。',
    'Owner team':
        '负责团队',
    "Each request, pain point and theme goes to its theme's owner in the playbook; items without a theme go to the community team.":
        '每条诉求、痛点和主题都交给运营手册中该主题的负责团队；不属于任何主题的条目交给社区团队。',
    'Flag and escalation':
        '违规标记与升级',
    "A member message matching a rule category's patterns is a flag; flags at or above the playbook's escalate_from severity are escalations, owned by the escalation matrix row of their severity and handled in time when a team answer follows within its handle_within, on the row's clock: calendar by default (the time runs at night and at weekends), or business (only opening hours count). Open escalations have no team answer before the period end.":
        '成员消息命中某一规则类别的匹配模式即记为一次违规标记；严重程度达到或高于运营手册中 escalate_from 的标记即为升级事件，由升级矩阵中对应严重程度那一行的负责人处理；若团队在该行 handle_within 时限内作出回复，即为按时处理；时限按该行的计时方式计算：默认按自然时间（夜间与周末照常计时），设为 business 时只计营业时间。期末之前仍无团队回复的升级事件为未处理。',
    'Voices':
        '发声者',
    'Per roster person: messages, top-level posts, conversations started (top-level messages someone else replied to), first answers to member questions given before the period end, likes earned, last day active; quiet advocates wrote nothing in the period.':
        '名单中的每个人：消息数、顶层帖子数、发起的会话数（有他人回复的顶层消息）、期末之前对成员提问给出的首次回复数、获赞数、最近活跃日期；沉默的拥护者指本期没有任何发言的品牌拥护者。',
    'Advocate share of answers':
        '品牌拥护者回复占比',
    'Inbound messages an advocate answered ÷ inbound messages answered by anyone (team, advocates, peers), counting a message once per group that answered it.':
        '品牌拥护者回复的入站消息 ÷ 得到任何人（团队、品牌拥护者、同伴）回复的入站消息；一条消息被几个群体回复就计几次。',
    'Goal status':
        '目标状态',
    "not started when the goal starts after the period's last day; met when the current value meets the target; partial data when the data of the goal's channel (or of the whole store) covers the period only in part, no data when it does not cover it or the figure cannot be computed; missed after the deadline; no baseline without one; else compared with the value expected by linear interpolation from baseline (at start) to target (at deadline): on track at or beyond it, at risk short of it by at most 10% of the baseline-to-target distance, off track beyond.":
        '目标开始日期在本期最后一天之后为“未开始”；当前值达到目标为“已达成”；目标所属渠道（或整个数据存储）的数据只覆盖本期一部分为“数据不完整”，完全未覆盖或指标无法计算为“无数据”；过了截止日期为“未达成”；没有基线为“无基线”；否则与从基线（开始时）到目标（截止时）线性插值得到的当前应达值比较：达到或超过为“进展正常”，差距不超过基线到目标距离的 10% 为“有风险”，超过则为“偏离目标”。',
    'Data coverage':
        '数据覆盖范围',
    "Per channel, the first and last local day with any post, message or daily row of that channel in the store. A period is fully covered when the store's first day is on or before its start and its last day on or after the period's last day; partly covered when the data covers only some of it; not covered when none. The same per channel. The summary says when this period or the previous one is partly covered.":
        '每个渠道在数据存储中有任何帖子、消息或每日数据的第一个和最后一个本地日期。数据存储的第一天不晚于周期开始、最后一天不早于周期最后一天时，该周期为完全覆盖；只覆盖其中一部分为部分覆盖；完全没有为未覆盖。各渠道同样判断。本期或上期只有部分覆盖时，摘要会说明。',
    'Data-quality account':
        '数据质量统计',
    'Per import file behind this period and the previous one: rows read, kept, duplicates removed and rejected (with row and reason), and notes such as times resolved at a DST change; with the messages excluded as spam and the replies stored before their parent.':
        '本期和上期所用的每个导入文件：读取、保留、去除重复和拒绝的行数（含行号和原因），以及诸如夏令时切换时的时间处理等备注；另有作为垃圾信息排除的消息数和记录时间早于父消息的回复数。',
    'As of the period end':
        '截至期末',
    "Every figure is computed as the data stood at the end of the period: an answer after the period end does not count, so a period's figures are the same in its own report and as the previous period of the next one.":
        '所有数据均按期末时的状态计算：期末之后的回复不计入，因此同一周期的数据在本期报告中与在下期报告的“上期”中保持一致。',
    'Partial weeks':
        '不完整周',
    'For cadence, a week only partly inside the period is planned pro rata: planned posts × days inside ÷ 7.':
        '计算发布节奏时，仅部分落在本期内的周按比例折算计划量：计划发帖数 × 期内天数 ÷ 7。',
    'Chat posts':
        '聊天平台发帖',
    'On chat platforms (Discord, Slack, Telegram, Discourse, Messenger) top-level messages of a brand account are posts (announcements), not answers; top-level member messages there are inbound.':
        '在聊天平台（Discord、Slack、Telegram、Discourse、Messenger）上，品牌账号的顶层消息是帖子（公告），不是回复；成员在那里发的顶层消息是入站消息。',
    'Linked and unlinked lines':
        '有关联与无关联的发言',
    'On chat platforms a reply reference or a mention counts for whoever writes it (team, advocate or member); a line with neither counts only for the team or an advocate, and answers a single message, so one line is never the first answer to the unrelated messages of several members.':
        '在聊天平台上，回复引用或提及无论由谁发出（团队、品牌拥护者或成员）都算回复；两者都没有的发言只有团队或品牌拥护者发出时才算，且只回复一条消息，因此一条发言绝不会成为多位成员互不相关消息的首次回复。',
    'Replies stored too early':
        '记录过早的回复',
    'A reply timed before its parent is kept in the data but answers nothing, rather than giving a negative response time.':
        '记录时间早于父消息的回复保留在数据中，但不回复任何消息，而不是得出负的回复时间。',
    'Commitments by severity':
        '按严重程度的回复承诺',
    'A flagged message takes the commitment of its highest matched severity when the playbook gives one, because a complaint that breaks a rule needs a faster answer than an ordinary question.':
        '运营手册设有相应时限时，被标记的消息采用其命中的最高严重程度的承诺，因为违反规则的投诉比普通提问更需要尽快回复。',
    'Holidays':
        '节假日',
    "Only national public holidays close the team by default: regional and other categories of days (such as Election Day or Lincoln's Birthday in New York) are closed only when the playbook asks. Make-up working days are open.":
        '默认只有全国性法定节假日休息：地区性及其他类别的日子（如纽约的选举日、林肯诞辰）只有运营手册要求时才休息。调休工作日照常营业。',
    'Percentiles':
        '百分位数',
    "Linear interpolation between ranks (numpy's default, Excel's PERCENTILE.INC).":
        '在相邻排位之间线性插值（numpy 的默认方法，即 Excel 的 PERCENTILE.INC）。',
    'Rounding':
        '四舍五入',
    'Half away from zero everywhere: hours to 2 places and ratios to 4 in metrics.json, and the minutes and percentages shown (0.625 h is 0.63 h).':
        '所有地方都采用四舍五入（远离零取整）：metrics.json 中小时保留 2 位、比率保留 4 位，显示的分钟数和百分比亦然（0.625 小时为 0.63 小时）。',
    'Partly covered periods':
        '部分覆盖的周期',
    'A change against a partly covered previous period is shown as such, and a fall to zero in a partly covered period is never claimed: missing data is not a fall.':
        '与只有部分数据覆盖的上期相比的变化会如实标明；部分覆盖的周期中绝不声称降到零：缺少数据不等于下降。',
    'Unmeasurable channels':
        '无法衡量的渠道',
    'A channel where the team has no activity at all is reported as a data-quality finding, not as a 0 % response rate.':
        '团队完全没有活动的渠道作为数据质量问题报告，而不是显示 0% 的回复率。',
    'Engagement rate basis':
        '互动率的分母',
    "Impressions by default, as most platforms report them; reach or followers when the playbook's reach.engagement_rate_by says so.":
        '默认按曝光量，与大多数平台的报告一致；运营手册的 reach.engagement_rate_by 另有规定时按触达人数或粉丝数。',
    'Spam':
        '垃圾信息',
    'Members whose messages match an excluded rule are left out of inbound and of active members for those messages.':
        '成员的消息若命中排除规则，这些消息既不计入入站消息，也不据此计为活跃成员。',
    'Escalation clock':
        '升级事件的计时',
    'Escalations are measured on the calendar clock: an escalation does not wait for opening hours. Exports carry no moderation log, so handled means a team answer.':
        '升级事件按自然时间计：升级事件不等营业时间。导出文件不含审核记录，因此“已处理”指团队已回复。',
    'Listening scope':
        '聆听范围',
    'Themes, terms, sentiment and pain points count member messages (spam excluded); the requests register counts inbound member messages only. First and last seen of a request are within the period.':
        '主题、热词、情绪和痛点统计成员消息（不含垃圾信息）；诉求登记只统计入站成员消息。诉求的首次与最近出现时间以本期为限。',
    'Language by script':
        '按文字判断语言',
    'A message with Han characters (at least a third of its letters) is Chinese; other Latin-script text is scored as English; other scripts get emoji-only sentiment.':
        '汉字至少占字母三分之一的消息视为中文；其他拉丁字母文本按英文评分；其他文字只按表情符号判断情绪。',
    'Mild positive questions':
        '轻微正面的提问',
    'A question whose only sentiment is mildly positive (Which is the tastiest?) counts as neutral: asking is not praising.':
        '只带轻微正面情绪的提问（如 Which is the tastiest?）计为中性：提问不等于称赞。',
    'Findings on enough data':
        '基于足够数据的发现',
    "A rate or a duration from a few items moves by chance, so the summary reports its change only when both periods reach a floor: the engagement rate 5 team posts (and 1,000 impressions when it is by impressions), the response rate 10 inbound messages answered or due, answers within commitment 10 messages due, the median first response 10 messages answered by the team, the peer support rate 10 questions. A count's change is reported from a previous count above 20, a duration's from a previous duration above 30 minutes, and only changes of at least 10 %. Below a floor the headline tile still shows the change, uncoloured and marked as resting on little data, and the summary gives the counts.":
        '由少量条目算出的比率或时长容易随机波动，因此只有两期都达到下限时，概要才报告其变化：互动率需 5 篇团队帖子（按曝光量计算时另需 1,000 次曝光），回复率需 10 条已回复或已到期的入站消息，承诺时限内回复需 10 条已到期的消息，首次回复中位数需 10 条团队已回复的消息，同伴支持率需 10 个问题。计数的变化仅在上期计数超过 20 时报告，时长的变化仅在上期时长超过 30 分钟时报告，且变化幅度至少为 10%。低于下限时，核心指标卡片仍显示变化，但不着色并标注数据较少，概要会给出相应条目数。',
}
