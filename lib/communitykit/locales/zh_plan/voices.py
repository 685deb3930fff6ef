"""Chinese for the voices step (plan/voices.py, its history in plan/history_view.py)."""

TEXT: dict[str, str] = {
    # ---- voices ---------------------------------------------------------------------------
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

    # ---- who answers members (history that helps choose) ----------------------------------
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
}
