"""Chinese shared by every planning step: the answers, saving, the lab (plan/common.py,
plan/run.py, cli_plan.cmd_lab)."""

TEXT: dict[str, str] = {
    # ---- shared by every step (plan/common.py) --------------------------------------------
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

    # ---- step titles (the default revision note; Goals and Voices are the report's) -------
    'Rules and guidelines': '社区规则与公约',
    'Cadence and presence': '发布节奏与在线值守',

    # ---- the lab as a workspace (cli_plan.cmd_lab) ----------------------------------------
    'JupyterLab on the planning notebooks of {client}: {folder}':
        'JupyterLab 已打开 {client} 的规划笔记本：{folder}',
    'saved answers go into {playbook}; the guidelines into {guidelines}':
        '保存的答案写入 {playbook}；社区准则写入 {guidelines}',
    'JupyterLab on {root}': 'JupyterLab 已打开 {root}',
    'stop with Ctrl-C (JupyterLab and its kernels end with it)':
        '按 Ctrl-C 停止（JupyterLab 及其内核随之结束）',

    # ---- the lab as a workspace: a broken lab copy ----------------------------------------
    'this copy is not a notebook JupyterLab can open ({problem}); delete it and run '
    '`communitykit lab {client}` again for a fresh copy':
        '这份副本不是 JupyterLab 能打开的笔记本（{problem}）；请删除它，再运行 '
        '`communitykit lab {client}` 重新生成一份',

    # ---- where the answers are (plan/common.py, plan/validation.py) -----------------------
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

    # ---- safe edits: what answers drop (plan/save.py, plan/common.py) ---------------------
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
}
