"""Chinese for refused answers: the playbook model's errors (plan/model_errors.py,
plain_errors.py's phrases) and YAML answers that cannot be read or do not load as written
(plan/answers_yaml.py, plan/validation.py)."""

TEXT: dict[str, str] = {
    # ---- the playbook model's errors (plan/model_errors.py, plain_errors.py's phrases) ----
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

    # ---- YAML that cannot be read (plan/answers_yaml.py, plan/validation.py) --------------
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

    # ---- values that do not load as written (plan/validation.py) --------------------------
    ' (written {written}, which YAML reads as {value}: put it in quotes, "{written}")':
        '（写的是 {written}，YAML 会读成 {value}：请加引号，写成 "{written}"）',
    'the text from {lost} on is read as a comment, so the value loses it; put the whole value '
    'in quotes to keep it':
        '从 {lost} 开始的文字会被当作注释，值中这部分会丢失；请给整个值加引号以保留它',
    '{written} is read as the number {value}, and saved so; put it in quotes to keep it as '
    'written: "{written}"':
        '{written} 会被读成数字 {value} 并按此保存；请加引号以保持原样："{written}"',
}
