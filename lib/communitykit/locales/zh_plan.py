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
