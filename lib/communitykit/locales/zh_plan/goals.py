"""Chinese for the goals step (plan/goals.py, its history in plan/history_view.py)."""

TEXT: dict[str, str] = {
    # ---- goals ----------------------------------------------------------------------------
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

    # ---- the metrics' history and suggested targets (history that helps choose) -----------
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
}
