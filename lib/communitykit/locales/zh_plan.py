"""Simplified Chinese for the planning notebooks' steps (``communitykit.plan``): what they
show, the checks they refuse answers with, and the playbook model's errors
(``plan/validation.py``). Texts the report already translates are not repeated here."""

TEXT: dict[str, str] = {
    # ---- shared by every step (plan/common.py) -------------------------------------------
    ', ': '、',
    ': ': '：',
    ' [key path: \'{key}\']': '［键路径：\'{key}\'］',
    '(top level)': '（顶层）',
    'Current answers in the playbook': '运营手册中的现有设置',
    'No data imported for {client} yet, so there is no history to show. Import the exports '
    'with `communitykit import {client}` and run this notebook again to see it; you can still '
    'plan and save.':
        '{client} 还没有导入任何数据，因此暂时看不到历史情况。用 `communitykit import {client}` '
        '导入平台导出文件后重新运行本笔记本即可查看；在此之前也可以先做规划并保存。',
    'No answers given: nothing to save. Edit the answers cell or pass --answers.':
        '没有填写答案，无需保存。请在答案单元格中填写，或在命令行用 --answers 指定答案文件。',
    'Nothing to show.': '暂无内容。',
    'The answers are valid; they change {changed}. Set save = True to write them into {path}.':
        '答案检查通过，将修改：{changed}。把 save 设为 True 后再运行一次，即可写入 {path}。',
    "Saved into {path}: changed {changed}; revision '{note}' recorded.":
        '已保存到 {path}：修改了 {changed}；已记录修订“{note}”。',
    'nothing (same values)': '无（取值与原来相同）',
    '{path}: the {step} answers were not saved:': '{path}：{step} 步骤的答案未保存：',
    '{title} planned': '{title}规划',
    'answers for the {step} step cannot hold {unknown}; allowed: {allowed}':
        '{step} 步骤的答案中不能包含 {unknown}；可以填写的键：{allowed}',
    'answers file not found': '找不到答案文件',
    'an answers file is a mapping of playbook sections':
        '答案文件应为运营手册各部分的键值映射',
    'other': '其他',

    # ---- step titles (the default revision note; Goals and Voices are the report's) ----------
    'Rules and guidelines': '社区规则与公约',
    'Cadence and presence': '发布节奏与在线值守',

    # ---- guidelines ------------------------------------------------------------------------
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

    # ---- goals -----------------------------------------------------------------------------
    'no data has been imported for this client yet': '该客户还没有导入任何数据',
    ' on {channel}': '（{channel}）',
    'posts': '帖子',
    'messages': '消息',
    'account daily': '账号每日数据',
    'the store has no {table} rows{where}': '数据库中没有{table}记录{where}',
    "the {table} exports{where} have no values in the '{column}' column":
        '{table}导出文件{where}的“{column}”列没有数值',
    'nothing in {period}{where} to measure it from': '{period}{where}没有可用于计算的数据',
    'Baselines in {period} ({dates})': '{period} 的基线（{dates}）',
    "Each metric of the catalogue measured on the client's own data over the baseline period, "
    'all channels together. A goal needs a metric that can be measured here.':
        '用该客户自己的数据，在基线期内计算指标目录中的每一项指标（所有渠道合计）。'
        '目标只能选用在这里算得出数值的指标。',
    'Metric': '指标',
    'What': '含义',
    'Better when': '怎样算更好',
    'higher': '越高越好',
    'lower': '越低越好',
    'cannot measure: {why}': '无法计算：{why}',
    'goals: give a list of goals (id, metric, target, deadline)':
        'goals：请以列表形式填写目标（id、metric、target、deadline）',
    'goals: each goal is a mapping, got {goal}': 'goals：每个目标都应是键值映射，实际为 {goal}',
    "goal {goal}: the client's data cannot measure {metric} ({label}){where} in {period}: {why}":
        '目标 {goal}：该客户的数据无法在 {period} 计算 {metric}（{label}）{where}：{why}',
    'goal {goal}: no data to measure a baseline; give baseline: {{value: ...}}':
        '目标 {goal}：没有数据可以计算基线；请直接填写 baseline: {{value: ...}}',
    'goal {goal}: direction {direction} contradicts the metric {metric}, where higher is '
    'better; use at_least':
        '目标 {goal}：方向 {direction} 与指标 {metric} 不符，该指标越高越好，请改用 at_least',
    'goal {goal}: direction {direction} contradicts the metric {metric}, where lower is '
    'better; use at_most':
        '目标 {goal}：方向 {direction} 与指标 {metric} 不符，该指标越低越好，请改用 at_most',
    'goal {goal}: the target {target} is already met by the baseline {baseline}; set a target '
    'beyond it':
        '目标 {goal}：基线 {baseline} 已经达到目标值 {target}，请设定一个超出基线的目标值',
    'goal {goal}: direction {direction} but the target {target} is below the baseline '
    '{baseline}, so it is already met; raise the target':
        '目标 {goal}：方向为 {direction}，但目标值 {target} 低于基线 {baseline}，等于已经达成；'
        '请提高目标值',
    'goal {goal}: direction {direction} but the target {target} is above the baseline '
    '{baseline}, so it is already met; lower the target':
        '目标 {goal}：方向为 {direction}，但目标值 {target} 高于基线 {baseline}，等于已经达成；'
        '请降低目标值',
    'Goals in the playbook': '运营手册中的目标',
    'entered': '手动填写',
    'all channels': '全部渠道',
    'Measured on': '基线来源',
    'Start → deadline': '开始 → 截止',
    'No goals yet.': '还没有目标。',

    # ---- cadence ---------------------------------------------------------------------------
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

    # ---- voices ----------------------------------------------------------------------------
    'Who speaks for the brand: {dates}': '谁在为品牌发声：{dates}',
    'Members not on the roster who answer others most often are the first people to invite as '
    'ambassadors.':
        '不在名单上、却最常帮别人解答问题的成员，是最值得优先邀请的品牌大使人选。',
    'Most helpful members (not on the roster)': '最乐于助人的成员（不在名单上）',
    'Roster people in the data': '名单成员的发言情况',
    'Inactive roster people (nothing in the last {days} days)':
        '不活跃的名单成员（最近 {days} 天没有发言）',
    'Name': '名称',
    'Platforms': '平台',
    'Replies': '回复数',
    'Handles': '账号数',
    'never in the data': '数据中从未出现',
    'No member messages in this period.': '这段时间没有成员消息。',
    'No roster person wrote in this period (check the handles).':
        '这段时间名单上没有人发言（请检查账号是否填写正确）。',
    'Everyone on the roster is active.': '名单上的每个人都很活跃。',
    'roster: {name} appears more than once': 'roster：{name} 出现了不止一次',
    'roster: the {platform} handle {handle} belongs to both {first} and {second}':
        'roster：{platform} 账号 {handle} 同时属于 {first} 和 {second}',

    # ---- the playbook model's errors (plan/validation.py, plain_errors.py's phrases) --------
    '{path}: {n} problems:': '{path}：共 {n} 个问题：',
    'this key is missing and is required': '缺少这个必填项',
    'unknown key {name}; check the spelling against playbooks/templates/TEMPLATE.yaml':
        '无法识别的键 {name}；请对照 playbooks/templates/TEMPLATE.yaml 检查拼写',
    'unknown key {name}; did you mean {close}?': '无法识别的键 {name}；你是不是想写 {close}？',
    '{input} is not one of the choices: {expected}': '{input} 不在可选范围内，只能是：{expected}',
    'expected {what}, got {input}': '应为{what}，填写的是 {input}',
    "a list, such as [a, b] (or one item per line starting with '- ')":
        "列表，例如 [a, b]（或每行一项，以 '- ' 开头）",
    'keys with values, such as {name: Alex, role: employee}':
        '键值对，例如 {name: 小林, role: employee}',
    'text': '文字',
    'true or false': '布尔值 true 或 false',
    'a whole number, such as 3': '整数，例如 3',
    'a number, such as 2.5': '数字，例如 2.5',
    'a date written YYYY-MM-DD, such as 2026-03-31': '日期，格式为 YYYY-MM-DD，例如 2026-03-31',
    'must be {bound}, got {input}': '应{bound}，填写的是 {input}',
    'more than {gt}': '大于 {gt}',
    'at least {ge}': '不小于 {ge}',
    'less than {lt}': '小于 {lt}',
    'at most {le}': '不大于 {le}',
    'must not be empty': '不能为空',
    'must be a finite number, got {input}': '应为有限的数字，填写的是 {input}',
    '{input} is not written as expected (see TEMPLATE.yaml for the form)':
        '{input} 的写法不对（格式见 TEMPLATE.yaml）',
    '{input} is not a time: use 24-hour time such as 09:00 or 17:30':
        '{input} 不是有效的时间：请用 24 小时制，例如 09:00 或 17:30',
    "{input} is not an id: use lowercase letters, digits, '-' and '_', starting with a letter "
    'or digit, such as answer-faster':
        "{input} 不是有效的 id：只能用小写字母、数字、'-' 和 '_'，并以字母或数字开头，例如 "
        'answer-faster',
}

# ---- issue 18, the lab as a workspace (cli_plan.cmd_lab) ------------------------------------
TEXT.update({
    'JupyterLab on the planning notebooks of {client}: {folder}':
        'JupyterLab 已打开 {client} 的规划笔记本：{folder}',
    'saved answers go into {playbook}; the guidelines into {guidelines}':
        '保存的答案写入 {playbook}；社区准则写入 {guidelines}',
    'JupyterLab on {root}': 'JupyterLab 已打开 {root}',
    'stop with Ctrl-C (JupyterLab and its kernels end with it)':
        '按 Ctrl-C 停止（JupyterLab 及其内核随之结束）',
})

# ---- issue 18, promises derived from the settings (plan/guidelines_doc.py) --------------------
TEXT.update({
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
})

# ---- issue 18, history that helps choose (plan/history_view.py and the four steps) ------------
TEXT.update({
    # goals
    "Each metric of the catalogue measured on the client's own data over the six periods up "
    'to the baseline period, all channels together; the last column is the baseline. A goal '
    'needs a metric that can be measured here.':
        '指标目录中的每一项指标，用这个客户自己的数据，在截至基线期的六个时期里分别计算'
        '（所有渠道合计）；最后一列就是基线。目标只能选在这里算得出数值的指标。',
    'The suggested target is the best value of these periods when it beats the latest '
    '(reached before, so realistic); else the trend carried {ahead} periods on when it goes '
    'the better way; else the latest improved by {step}. The trend is flat when it changes '
    'less than {flat} of the mean over the periods.':
        '建议目标的取法：这几期里的最好成绩好于最近一期时，取这个最好成绩（以前做到过，'
        '所以切实可行）；否则，趋势朝更好的方向走时，把趋势再往后延 {ahead} 期；否则在最近'
        '一期的基础上改善 {step}。趋势在这几期里的变化不到平均值的 {flat} 时，记为持平。',
    'Suggested target': '建议目标',
    'Why': '理由',
    'rising': '上升',
    'falling': '下降',
    'flat': '持平',
    'too little data': '数据太少',
    'fewer than two periods with a value': '有数值的时期不到两个',
    'the best of the last {n} periods: reached before, so realistic':
        '最近 {n} 期中的最好成绩：以前做到过，所以切实可行',
    'the trend carried {n} periods on': '按趋势再往后延 {n} 期',
    'the latest value raised by {share}': '在最近一期的基础上提高 {share}',
    'the latest value lowered by {share}': '在最近一期的基础上降低 {share}',
    'the latest value is 0, so a change from it says nothing: choose an absolute target (a '
    'goal on it asks you to confirm it)':
        '最近一期为 0，从 0 出发的变化说明不了什么：请定一个绝对目标（用这项指标定目标时，'
        '会请你确认）',
    'History of the metrics': '各项指标的历史',
    'Six periods up to {period}; dashed: the suggested target':
        '截至 {period} 的六个时期；虚线：建议目标',
    'goal {goal}: {metric}{where} was 0 in {period}, so a change from it says nothing: is '
    '{target} the absolute level you want? Confirm it by giving the goal baseline: '
    '{{value: 0}}':
        '目标 {goal}：{metric}{where}在 {period} 为 0，从 0 出发的变化说明不了什么：{target} '
        '是你想达到的绝对水平吗？如果是，请在这个目标里写上 baseline: {{value: 0}} 加以确认',
    # rules
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
    # cadence
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
    # voices
    'Who answers members: {dates}': '谁在回复成员：{dates}',
    'First answers to inbound messages by the team, by roster people outside the team '
    '(advocates) and by members (peers), as the review report counts them; in chat channels a '
    'line without a reply answers the nearest earlier message waiting for its group.':
        '团队、团队以外的名单成员（品牌拥护者）和普通成员（同伴）对入站消息的首次回复，统计方法'
        '与复盘报告相同；在聊天频道里，不带回复引用的发言算作回复之前最近一条还在等这一类人回复'
        '的消息。',
    'Answers as': '回复身份',
    'Outside business hours': '工作时间以外',
    'Nobody answered an inbound message in this period.': '这段时期里没有人回复入站消息。',
    'And {n} more members with fewer first answers.': '另有 {n} 位成员的首次回复更少。',
    'Suggested for the roster': '推荐加入名单',
    'Members not on the roster with at least {n} first answers in this period. To invite '
    'them, add these entries to the roster list (with everyone already on it) and adjust the '
    'role and asks:':
        '这段时期里首次回复至少 {n} 次、但不在名单上的成员。要邀请他们，请把下面的条目加进名单'
        '列表（名单上原有的人也要写上），并按需修改角色和请他们做的事：',
    'No member outside the roster gave {n} or more first answers in this period.':
        '这段时期里，名单以外没有成员的首次回复达到 {n} 次。',
    'Not suggested, as several accounts on one platform use the name: {names}.':
        '以下名字在同一平台上有多个账号使用，因此没有推荐：{names}。',
    "Answers members' questions": '解答成员的问题',
})

# ---- issue 18, answers as a strategist writes them, errors in their file, safe edits ---------
# (plan/common.py, plan/validation.py, plan/run.py)
TEXT.update({
    # where the answers are
    'your answers': '你填写的答案',
    'your answers in the notebook': '你在笔记本中填写的答案',
    'line {line}, ': '第 {line} 行，',
    '{path} (already in the playbook, not in your answers)': '{path}（运营手册原有内容，不在你的答案中）',
    'not UTF-8 text ({reason}); save the answers file as UTF-8':
        '不是 UTF-8 编码的文本（{reason}）；请把答案文件另存为 UTF-8',
    'Copy from here into the answers cell, between r""" and """ (or into an answers file), and '
    'keep what you change: keys you leave out keep their value, a list you give replaces the '
    'whole list.':
        '可以从这里复制到答案单元格的 r""" 和 """ 之间（或复制到答案文件中），只保留要修改的部分：'
        '没有填写的键保持原值，填写的列表会整体替换原来的列表。',
    'the answers cell holds {kind}: write the answers as YAML text between r""" and """, or as '
    'a Python dict':
        '答案单元格里是 {kind}：请把答案写成 r""" 和 """ 之间的 YAML 文本，或写成 Python 字典',
    # YAML that cannot be read
    'answers are playbook sections with their values, such as cadence: {{posts_per_week: '
    '{{instagram: 3}}}}; got {got}':
        '答案应是运营手册的各个部分及其取值，例如 cadence: {{posts_per_week: {{weibo: 3}}}}；'
        '填写的是 {got}',
    'not valid YAML: {problem}': '不是有效的 YAML：{problem}',
    '{value} is not a date: write YYYY-MM-DD with a real month and day, such as 2026-03-31':
        '{value} 不是有效的日期：请按 YYYY-MM-DD 填写真实存在的月份和日期，例如 2026-03-31',
    'the text holds a control character ({char}); a \\b, \\a or \\1 inside a Python string '
    'becomes one: write the answers between r""" and """ (a raw string), or use an answers file':
        '文本中有控制字符（{char}）；Python 字符串里的 \\b、\\a 或 \\1 会变成这种字符：请把答案写在 '
        'r""" 和 """ 之间（原始字符串），或改用答案文件',
    'the key {key} is given twice at the same level: keep one': '同一层级中键 {key} 出现了两次：只保留一个',
    "a ': ' inside a value, or a key on the line before without its ':'; put a value holding "
    '\': \' in quotes, such as asks: "Note: bring flour"':
        "值中含有 ': '，或上一行的键缺少 ':'；含有 ': ' 的值请加引号，例如 asks: \"注意: 自带面粉\"",
    'a tab: indent with spaces only': '出现了制表符（Tab）：缩进只能用空格',
    'a value cannot start with {char}: put it in quotes, such as handle: "{char}name"':
        '值不能以 {char} 开头：请加引号，例如 handle: "{char}name"',
    'a quote opened here is not closed': '这里开始的引号没有闭合',
    "'*' at the start of a value refers to an anchor in YAML: put the value in quotes, such as "
    'note: "*important*"':
        "在 YAML 中，值开头的 '*' 表示引用锚点：请给这个值加引号，例如 note: \"*重要*\"",
    'a list or mapping in brackets is not closed, or two items lack a comma between them':
        '方括号或花括号中的列表或映射没有闭合，或两项之间缺少逗号',
    "the indentation does not line up: keys of the same mapping start in the same column, and "
    "list items with the same '- '":
        "缩进没有对齐：同一映射中的键要从同一列开始，列表各项的 '- ' 也要对齐",
    "a key without ':' after it": "键后面缺少 ':'",
    # values that do not load as written
    ' (written {written}, which YAML reads as {value}: put it in quotes, "{written}")':
        '（写的是 {written}，YAML 会读成 {value}：请加引号，写成 "{written}"）',
    'the text from {lost} on is read as a comment, so the value loses it; put the whole value '
    'in quotes to keep it':
        '从 {lost} 开始的文字会被当作注释，值中这部分会丢失；请给整个值加引号以保留它',
    '{written} is read as the number {value}, and saved so; put it in quotes to keep it as '
    'written: "{written}"':
        '{written} 会被读成数字 {value} 并按此保存；请加引号以保持原样："{written}"',
    # safe edits
    'replace: give a list of keys, such as replace: [rules.categories, roster]':
        'replace：请填写键的列表，例如 replace: [rules.categories, roster]',
    "replace: {unknown} is not in this step's sections ({sections}); use e.g. replace: "
    '[{example}]':
        'replace：{unknown} 不属于本步骤的部分（{sections}）；例如可写 replace: [{example}]',
    "Your answers drop what the playbook holds now (a list or a key you give replaces the "
    "playbook's whole):":
        '你的答案会删除运营手册中现有的以下内容（填写的列表或键会整体替换手册中的原有内容）：',
    'If that is what you mean, add replace: [{keys}] to your answers and this warning goes; to '
    'keep them, give them in your answers too.':
        '如果确实要删除，请在答案中加上 replace: [{keys}]，这条提醒就不会再出现；'
        '如果要保留，请把它们也写进答案。',
})
TEXT.update({  # issue 18, the lab as a workspace: a broken lab copy
    'this copy is not a notebook JupyterLab can open ({problem}); delete it and run '
    '`communitykit lab {client}` again for a fresh copy':
        '这份副本不是 JupyterLab 能打开的笔记本（{problem}）；请删除它，再运行 '
        '`communitykit lab {client}` 重新生成一份',
})
