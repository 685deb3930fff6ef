"""The kit's own patterns per kind of rule break, in English and Chinese.

A playbook's rule category can say ``use: harassment`` to match these as well as its own
``patterns``. Each pattern is a Python regular expression searched in the message's
analysed text as written (no case folding: English patterns carry ``(?i)``). Every
repetition is bounded or over a single character class, so a pattern runs in time linear in
the text (tests/test_detectors_accuracy.py times them on adversarial texts).

The lists aim at precision first: a member wrongly flagged for hate or self-harm is worse
than a miss a moderator finds by reading. So idioms that borrow the words are left out on
purpose ("killed it", "I'd kill for a restock", "want to die lmao", 杀疯了, 笑死, 爱死了,
想死你们了, 跳楼价), as are quoted insults ("he called me an idiot", 骂我sb) and warnings
about scams (有人冒充客服找我要验证码). Measured on bench/eval/labelled-v2.csv
(bench/detectors.py; docs/listening.md has the figures).
"""

from __future__ import annotations

# Clause: the rest of a sentence, bounded so a pattern never scans far.
_S = r"[^.!?\n]"
_ZS = r"[^。！？!?\n]"  # the same in Chinese punctuation
# A joke marker shortly after a statement about dying ("... lmao", "... 😂"), read as hyperbole.
_JOKE = r"(?![^.!?\n]{0,40}(?:\blol\b|\blmao\b|\blmfao\b|\bhaha|\bjk\b|\bxd\b|😂|🤣|💀|😭))"
# Quoted insults: "someone called me an idiot", "骂我sb" are reports, not harassment.
_NOT_QUOTED_EN = r"(?<!called me )(?<!called me a )(?<!called me an )(?<!calls me )"
_JOKE_ZH = r"(?![^。！？!?\n]{0,10}(?:哈|hh|😂|🤣|笑死))"
_NOT_QUOTED_ZH = r"(?<!骂我)(?<!说我)(?<!叫我)(?<!骂)(?<!说我是)(?<!我是)(?<!我就是)(?<!我真是)"

SELF_HARM = (
    # -- English: the writer wants or plans to hurt or kill themselves --------------------
    r"(?i)(?<!could )(?<!makes me )(?<!made me )\b(?:kill|hurt|cut|harm|end) myself\b" + _JOKE,
    r"(?i)(?<!makes me )(?<!made me )(?<!make me )\b(?:i )?(?:really |just |honestly )?"
    r"want(?:ed)? to die\b" + _JOKE,
    r"(?i)\bend(?:ing)? it all\b|\b(?:end|ending|take|taking|took) my (?:own )?life\b",
    r"(?i)\b(?:i'?m|i am|feel(?:ing)?|been|get(?:ting)?) (?:so |really |very |kind of )?"
    r"suicidal\b|\b(?:commit(?:ting)?|thinking about|thoughts of|attempt(?:ed)?) suicide\b"
    r"|\bsuicide (?:note|plan|attempt)\b",
    r"(?i)\b(?:take|swallow|took|taking) (?:all|the whole bottle of|a bottle of|a handful of)"
    r" (?:of )?(?:my |the |these |those )?(?:pills|meds|tablets|sleeping pills)\b"
    r"|\boverdos(?:e|ed|ing) on (?:my |these |the )?(?:pills|meds|tablets|sleeping pills)\b",
    r"(?i)\b(?:don'?t|do not|no longer) want to (?:live|be alive|exist|wake up)\b"
    r"|\bno (?:reason|point) (?:to|in) (?:live|living|go on|going on|being alive)\b"
    r"|\b(?:everyone|world|they)(?:'d| would) be better off without me\b"
    r"|\bbetter off dead\b|\bcan'?t go on (?:anymore|any more)\b",
    r"(?i)\bself[- ]?harm(?:ing)?\b|\bcutting (?:myself|again)\b|\bstarted cutting\b"
    r"|\bscared (?:of )?(?:myself|what i(?:'ll| might| will| could) do)\b"
    r"|\bsay(?:ing)? goodbye (?:forever|for good|one last time)\b",
    # -- Chinese: 自杀 / 自残 / 轻生 / 不想活, saved-up pills, farewells --------------------
    r"(?:想|要|准备|打算|计划|考虑|决定|差点)(?:去)?自杀|自杀(?:的念头|的想法|算了)"
    r"|自残|割腕|割手|割自己|伤害自己|轻生|寻短见|(?:结束|了结)(?:自己的?)?(?:生命|一切)",
    r"(?<!得)(?<!到)不想活(?:了|下去)" + _JOKE_ZH + r"|(?:真的|实在|已经)活不下去"
    r"|活着(?:真的?)?(?:没|没有)(?:意思|意义)|从(?:这个)?世界上?消失|想就这样消失|消失算了",
    r"(?:攒|囤)(?:够|了|好)(?:了)?[^，。！？\n]{0,4}(?:药|安眠药)|药(?:已经|都)?(?:攒|囤)(?:够|好)|(?:吞|吃)了?(?:一整?瓶|很多)"
    r"(?:药|安眠药)",
    r"(?:跳楼|跳河|烧炭|上吊)(?!价|甩|大甩|清仓|大促|式)",
    r"(?:不是开玩笑|没开玩笑|认真的|说真的)" + _ZS + r"{0,12}(?:想死|死了算了|不想活)",
    r"(?:下辈子|来世)再见|永别了|(?:写|留)(?:好了?)?遗书|我的遗书",
)

HARASSMENT = (
    # -- English: telling someone to kill themselves, wishing them harm ------------------
    r"(?i)\bkys\b|\bkill (?:yo)?urself\b|\bunalive (?:yo)?urself\b|\bgo (?:and )?die\b"
    r"|\bdrink bleach\b|\b(?:hope|wish) (?:you|u|he|she|they) (?:die|dies|get cancer|rot)\b",
    # threats
    r"(?i)\bi know where you (?:live|work|sleep)\b|\bi know (?:which|what) (?:store|shop|branch"
    r"|location|office|school) you\b|\bwatch (?:your back|yourself|your kids)\b",
    r"(?i)\b(?:i'?ll|i will|i'?m gonna|i'?m going to|gonna|we'?ll|we will) (?:hurt|kill"
    r"|beat|punch|stab|shoot|smash|come for|track down|hunt down) (?:you|u|him|her|them|ur)\b",
    r"(?i)\b(?:deserves?|should|needs? to|ought to) (?:to )?(?:get |be )?(?:punched|slapped"
    r"|beaten|beat up|shot|stabbed|hit by a (?:car|bus|truck))\b",
    # insults aimed at a person (not quoted: "someone called me an idiot")
    r"(?i)" + _NOT_QUOTED_EN + r"\b(?:you(?:'re| are)?|ur|u r|you guys are|you people are"
    r"|y'?all are)(?: such| all)? (?:an? )?(?:fucking |stupid |complete |total |absolute )?"
    r"(?:idiots?|morons?|imbeciles?|losers?|clowns?|scum|pathetic|worthless|braindead"
    r"|dumbass(?:es)?|subhuman|pigs?|parasites?|trash|garbage)\b",
    r"(?i)" + _NOT_QUOTED_EN + r"\b(?:stupid|dumb|fat|ugly|worthless|pathetic) (?:bitch|whore"
    r"|slut|cunt|loser|idiot|moron|pig|cow)\b|\b(?:fuck|screw) (?:you|u|off)\b"
    r"|\bshut (?:the fuck )?up\b(?! and take)|\b(?:no ?one|nobody) (?:wants|likes|asked) you\b",
    # publishing someone's details so others go after them
    r"(?i)\b(?:his|her|their) (?:real name|home address|address|phone number|number) is\b"
    r"|\b(?:he|she) lives (?:at|on) \d|\bdox+(?:ing|ed)?\b|\b(?:go|let'?s) pay (?:him|her|them)"
    r" a visit\b",
    # -- Chinese: 去死 at someone, threats, insults at a person ----------------------------
    r"(?<!我)(?<!我要)(?<!我想)去死|死全家|全家(?:死光|暴毙)|(?<![A-Za-z])(?i:nmsl|cnm)"
    r"(?![A-Za-z])|你妈死了|草泥马|操你妈|(?:你|真|就是个?|纯)(?i:sb)(?![A-Za-z])",
    r"我知道你(?:住|在)(?:在)?哪|我知道你在哪(?:家店|里|儿)?上班|(?:弄死|打死|砍死|捅死|杀了)你"
    r"|别让我(?:碰到|遇到|看到|逮到|抓到)|(?:你|你们)?给我等着|(?:你|你们)等着瞧|走夜路小心",
    _NOT_QUOTED_ZH + r"(?:傻[逼比屄叉X×]|煞笔|脑瘫|智障|贱人|婊子|人渣|畜生|狗东西|王八蛋|杂种"
    r"|垃圾人)|(?:一群|一帮|你这个?|你个|你们这群|都是)废物",
    r"(?:你|你们)(?:这种人|这种货色|这号人)?(?:也|还)?配(?:玩|说话|活着|来|用|当)|回炉重造"
    r"|(?:滚|爬)(?:出去|远点|远一点|吧你)|(?:一群|一帮)(?:蠢货|白痴|智障|废物|傻子|猪)",
    r"人肉(?!串|包|叉)|开盒(?:他|她|了他|了她)|(?:大家|兄弟们|姐妹们)(?:一起)?(?:去|都去)(?:找|骂|冲|喷|堵)(?:他|她)",
    r"(?:他|她)(?:的)?(?:电话|手机号|住址|家庭住址|真名)(?:是|就是)",
)

HATE = (
    # -- English: "go back where you came from", slurs, attacks on a group ---------------
    r"(?i)\bgo back (?:to )?where (?:you|they|u) (?:came|come) from\b"
    r"|\bgo back to (?:your|their) (?:own )?country\b|\bsubhuman\b|\bsub-human\b",
    r"(?i)\bn[i1]gg(?:er|a|ah|uh|az)s?\b|\bfaggots?\b|\btrann(?:y|ies)\b"
    r"|\bretard(?:s|ed)?\b|\bspics?\b|\bkikes?\b|\bwetbacks?\b|\bgooks?\b"
    r"|\bragheads?\b|\bdykes?\b|\bspastics?\b|\bpakis?\b",
    r"(?i)\b(?:shithole|garbage|trash|filthy|dirty) (?:country|countries|race|religion"
    r"|people)\b|\b(?:inferior|filthy) (?:race|races|breed)\b",
    r"(?i)\b(?:women|girls|females|immigrants|foreigners|migrants|refugees|gays|lesbians"
    r"|trans (?:people|folks|women|men)|transgenders|muslims|jews|christians|hindus|blacks"
    r"|black people|asians|mexicans|indians|chinese people|arabs|africans|disabled people"
    r"|autistic people)\b" + _S + r"{0,40}\b(?:are (?:all )?(?:animals|vermin|scum|subhuman"
    r"|inferior|disgusting|parasites|rats|a disease|a plague|terrorists|criminals|rapists"
    r"|the problem)|ruin(?:s|ed|ing)? (?:every|everything|this|the|our)|don'?t belong"
    r"|should (?:all )?(?:be (?:banned|deported|removed|killed|gassed)|go back|die)"
    r"|shouldn'?t be allowed|(?:is|are) (?:why|the reason)" + _S + r"{0,30}\b(?:dying|dead"
    r"|ruined|trash|sucks|failing|worse)|not welcome|ban them|get out of (?:our|my|this))",
    r"(?i)\btypical (?:indians?|chinese|mexicans?|asians?|immigrants?|foreigners?|muslims?"
    r"|jews?|women|gays?|migrants?|africans?|arabs?)\b" + _S + r"{0,40}\b(?:garbage|trash|scam"
    r"|scammers?|dirty|stupid|lazy|thie(?:f|ves)|cheap|smell)",
    r"(?i)\b(?:being )?(?:gay|trans|lesbian|queer)\b" + _S + r"{0,20}\bis (?:a sin|a disease"
    r"|an illness|a mental illness|unnatural|disgusting)\b|\bgays?\b" + _S + r"{0,20}\b(?:burn in"
    r" hell|are groomers|are pedos?)\b",
    # -- Chinese: 地域黑, slurs, attacks on origin, religion, gender, sexuality, disability --
    r"[\u4e00-\u9fff]{1,4}人(?:都是|全是|就是|没一个好|没有一个好)(?:东西)?(?:骗子|小偷|贼|强盗|垃圾"
    r"|废物|土鳖|乡巴佬|穷鬼|人渣|畜生|素质差|没素质)",
    r"黑鬼|尼哥|死基佬|基佬(?:真|太|都|就|滚|恶心)|娘炮|阿三|小日本|日本鬼子|高丽棒子|支那|蝈蝻"
    r"|残废(?!军人)|(?:劣等|低等)(?:民族|人种)",
    r"(?:同性恋|基佬|gay|拉拉|变性人|跨性别|穆斯林|回民|黑人(?!问号)|犹太人|绿绿|外地人|农村人|残疾人"
    r"|女人|女的|娘们)" + _ZS + r"{0,6}(?:真恶心|恶心死|变态|有病|是病|去死|都该死|该死|不配|滚出"
    r"|滚回|劣等|就该死|别来|滚)",
    r"滚回(?:你们?|他们)?(?:的)?(?:老家|国|乡下|你的国家)|滚出(?:中国|我们|这里|这个国家)"
    r"|(?:女人|女的|娘们)(?:就(?:该|应该|不该|不应该|只配|别)|只配|不配)",
)

SCAM = (
    # -- English: fake support asking for codes, passwords, tokens, cards --------------
    r"(?i)(?<!never )(?<!don't )(?<!dont )(?<!do not )\b(?:send|give|dm|pm|tell|provide|share"
    r"|reply with|message)(?: me| us)?(?: with)? (?:your|ur)\b" + _S + r"{0,20}\b(?:password"
    r"|passcode"
    r"|pin\b|otp|one[- ]time (?:code|password)|verification code|2fa|security code|login code"
    r"|cvv|cvc|seed phrase|recovery phrase|private key|api (?:token|key)|access token|token"
    r"|card (?:number|details)|bank details|login details)",
    r"(?i)\b(?:official|verified) \w{0,20} ?(?:support|help ?desk|customer service|admin"
    r"|team|moderator)\b" + _S + r"{0,10}\b(?:here|dm|message me|contact me)\b"
    r"|\bverify your (?:card|payment|wallet)\b",
    r"(?i)\b(?:your )?(?:account|wallet|card) (?:will be|has been|is|was) (?:suspended|locked"
    r"|frozen|disabled|closed|restricted|terminated|compromised)\b[^\n]{0,80}\b(?:click|verify"
    r"|link|dm|send|log ?in|confirm)\b",
    # prizes that cost a fee
    r"(?i)\b(?:won|winner|prize|free|gift|reward|congratulations)\b[^\n]{0,60}\b(?:pay|cover)"
    r"(?: only| just)? (?:the |a )?(?:small )?(?:shipping|postage|delivery|handling|processing"
    r"|customs)(?: fee| cost| charge)?\b|\b(?:claim|collect) your (?:prize|reward|winnings)\b",
    # doubling schemes, task jobs, gift cards
    r"(?i)\b(?:invest|send|deposit)\b" + _S + r"{0,40}\b(?:get|receive|earn|make)\b" + _S
    + r"{0,30}\b(?:back|returns?|profit)\b" + _S + r"{0,30}\b(?:hours?|days?|guaranteed)\b",
    r"(?i)\b(?:double|triple|10x|2x) (?:your|ur) (?:money|btc|bitcoin|crypto|eth|investment)\b"
    r"|\b(?:guaranteed|risk[- ]free) (?:returns?|profits?|income)\b|\b\d{2,4} ?% (?:guaranteed"
    r"|daily|weekly) (?:returns?|profits?)\b|\b(?:forex|crypto|bitcoin|btc|binary options?)"
    r" (?:mentor|expert|signals?|program|investment plan)\b",
    r"(?i)\b(?:earn|make) \$?\d[\d,]*(?: ?k)?\$? (?:a|per|every) (?:day|hour)\b"
    r"|\b(?:pay|send|buy)\b" + _S + r"{0,20}\b(?:gift ?cards?|steam cards?)\b"
    r"|\bfree (?:discord )?nitro\b",
    # -- Chinese: 刷单, 翻倍, fake 客服 asking for 验证码/密码, prizes that cost 邮费 -----
    r"刷单|稳赚不赔|躺赚|(?:一天|一周|当天|三天)(?:就能?|即可)?(?:翻倍|回本)|(?:高额?|超高)(?:回报|返利"
    r"|收益|佣金)|(?:带你|教你|跟着我|老师带)(?:一起)?(?:炒币|炒股|炒外汇|投资|理财|赚钱)",
    r"(?:兼职|日结|日赚|日入)" + _ZS + r"{0,10}(?:日结|\d{3,}|私我|私聊|加[vV微我]|宝妈)",
    r"(?:(?:请|麻烦|需要)您?(?:私信)?(?:提供|发送|发给|告诉|报)|(?:提供|发送|发|告诉|报)(?:给)?(?:我|我们)"
    r"(?!们))" + _ZS + r"{0,10}(?:验证码|支付密码|银行卡号|卡号|账号密码|密码|CVV|安全码)",
    r"(?:账户|账号)(?:存在|出现)?(?:异常|风险|被冻结|冻结)[^\n]{0,30}(?:解冻|验证|点击|链接|私信|提供)",
    r"(?:领取|免费领|免费送)[^\n]{0,30}(?:登录|账号密码|验证码)",
    r"中奖[^\n]{0,40}(?:邮费|运费|手续费|保证金|税费|点击|链接)|(?:只需|仅需|只要)(?:支付|付)"
    + _ZS + r"{0,8}(?:邮费|运费|手续费|保证金)",
    r"(?:点击|戳)" + _ZS + r"{0,6}链接" + _ZS + r"{0,20}(?:领取|解冻|验证|退款|理赔)",
)

PERSONAL_DATA = (
    # -- contact details: e-mail (not a team's role address), phone numbers -------------
    r"(?i)(?<![a-z0-9._%+-])(?!(?:support|help|info|contact|hello|team|sales|service|noreply"
    r"|no-reply|press|admin|care|feedback)@)[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}\.[a-z]{2,10}\b",
    r"(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)",  # Chinese mobile: 1[3-9] and 9 digits
    r"(?<![\w+])\+\d{1,3}[ .-]?\(?\d{1,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,4}(?!\d)",
    r"(?<!\d)\(\d{3}\) ?\d{3}[ .-]\d{4}(?!\d)|(?<![\d-])\d{3}-\d{3}-\d{4}(?![\d-])",
    r"(?i)\b(?:call|text|phone|ring|whatsapp|tel|mobile|cell|my number|reach me)\b[^\n]{0,20}"
    r"(?<!\d)\d[\d .()-]{6,14}\d(?!\d)",
    r"(?:电话|手机|手机号|联系方式|号码|打给我|联系我)" + _ZS
    + r"{0,6}(?<!\d)\d[\d -]{6,14}\d(?!\d)",
    # -- messaging ids posted in public ---------------------------------------------------
    r"(?i)\bmy (?:whatsapp|telegram|wechat|snap(?:chat)?|kik|line|discord)(?: id| number"
    r"| handle| is|:)+ *@?[\w.-]{3,}",
    r"(?:微信|微信号|(?i:vx|wx)|V信|薇信|威信|QQ|qq|扣扣)(?:号)?(?:是|为|:|：)\s?[A-Za-z0-9_-]{5,}"
    r"|(?<![A-Za-z])(?i:qq)号?\s?[:：]?\s?\d{5,11}(?!\d)",
    # -- identity and payment numbers -----------------------------------------------------
    r"(?<![\dA-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}"
    r"[\dXx](?![\dA-Za-z])",  # Chinese resident ID (18 characters with a birth date)
    r"(?<![\d-])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![\d-])",  # payment card, 16-19
    r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])",  # US social security number
    r"身份证(?:号|号码)?(?:是|为|:|：)?\s?\d{6}",
    # -- street addresses with a number ---------------------------------------------------
    r"\b\d{1,5}[A-Za-z]? (?:[A-Z][a-z]+ ){1,3}(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard"
    r"|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Sq)\b",
    r"(?i)\b(?:apt|apartment|suite)\.? ?#?\d{1,5}\b|\b(?:i|he|she|they) lives? (?:at|on)"
    r" \d{1,5} \w+|\b(?:address is|deliver(?:ed)? to|ship(?:ped)? to) \d{1,5} \w+",
    r"[\u4e00-\u9fff]{1,8}(?:路|街|巷|胡同|大道)\d{1,5}号",
    r"(?:小区|花园|公寓|家园|新村|大厦|苑)\d{1,3}(?:栋|幢|号楼|座)|\d{1,3}(?:栋|幢|号楼|单元)\d{2,4}"
    r"(?:室|号)?",
    r"(?:收货人|收件人)(?:姓名)?[:：]\s?[\u4e00-\u9fff]{2,4}",
)

SPAM = (
    # -- floods: one letter or digit 12 times or more (not laughter, not 666 praise), or a
    #    short unit repeated six times (FIRST FIRST ..., 互关互关 ...)
    r"((?![hH哈呵嘿嘻6])[^\W_])\1{11,}",
    r"(?i)(?<![h哈])((?![h哈呵嘿嘻6]|lol|xd|233)[^\W_]{2,10}?)(?:[\s,.!~]{0,3}\1){5}",
    # -- follow-for-follow, like-for-like -------------------------------------------------
    r"(?i)\b(?:f4f|l4l|s4s|follow ?(?:4|for) ?follow|like ?(?:4|for) ?like|sub ?(?:4|for) ?sub"
    r"|follow ?back|followback)\b",
    r"互关|互粉|回关|互赞|(?:点赞|评论|关注)换(?:赞|评论|关注|粉)|关注必回|秒回关",
    # -- followers, likes and views for sale --------------------------------------------
    r"(?i)\b(?:buy|cheap|selling|sell|free)\b" + _S + r"{0,20}\b(?:followers|likes|views"
    r"|subscribers|subs)\b|\b\d+k? (?:real |active |instant )?(?:followers|likes|views"
    r"|subscribers)\b" + _S + r"{0,20}(?:\$|for only|cheap|dm)",
    r"刷粉|买粉|涨粉|刷赞|刷量|出售" + _ZS + r"{0,6}(?:粉丝|账号)|粉丝(?:出售|便宜)",
    # -- share-to-win giveaways that ask for no money ------------------------------------
    r"(?i)\b(?:share|retweet|rt|repost)\b[^\n]{0,40}\btag (?:\d+|two|three|five|your|a)"
    r" (?:friends?|people|mates)\b|\bgiveaway\b[^\n]{0,60}\b(?:share|retweet) (?:this|to)\b",
    r"(?:转发|分享)(?:到|给)?\d+个?(?:群|好友)|集赞\d*个?(?:送|领|免费)",
)

PROMOTION = (
    # -- English: other shops, channels, courses, services, competitor codes ----------
    r"(?i)\b(?:check out|visit|subscribe to|follow|join|sub to) (?:my|our) (?:new )?(?:shop"
    r"|store|channel|page|profile|youtube|twitch|tiktok|insta(?:gram)?|discord|server|group"
    r"|course|website|site|blog|podcast|etsy|onlyfans|stream)\b",
    r"(?i)\b(?:link|portfolio|shop|store|discount|code) (?:is )?in (?:my )?bio\b|\bhire me\b"
    r"|\b(?:dm|message|contact) me for (?:commissions?|rates|orders|prices?|a quote)\b"
    r"|\bcommissions (?:are )?open\b",
    r"(?i)\buse (?:my )?(?:code|coupon|promo code|referral code) [a-z]{0,12}\d{1,3}\b"
    r"|\bmy referral (?:code|link)\b",
    r"(?i)\b(?:try|switch to|go to|buy from|order from) (?!it\b|this\b|that\b|the\b|them\b"
    r"|a\b|an\b|again\b|my\b)[\w&'-]{2,30} instead\b",
    r"(?i)\bwe sell\b|\bwe(?:'re| are) selling\b|\b(?:same|similar)\b" + _S + r"{0,20}\b(?:at"
    r" half (?:the )?price|for half (?:the )?price|for less|cheaper)\b",
    r"(?i)\b(?:new|grand) (?:cafe|café|shop|store|restaurant|bakery|bar|salon|studio)\b" + _S
    + r"{0,30}\bopen(?:ing|s)?\b[^\n]{0,60}\b(?:come|visit|free samples|stop by)\b"
    r"|\b(?:visit|come (?:by|visit|see)) (?:us|our (?:shop|store|cafe|booth|stand))\b",
    r"(?i)discord\.gg/|t\.me/|chat\.whatsapp\.com|linktr\.ee/|\b(?:fiverr|upwork)\b"
    r"|\bfreelance\b[^\n]{0,40}\b(?:hire|available|dm|rates|portfolio)\b",
    # -- Chinese: 看我主页, 进群, 关注我的频道, 代购, 课程打折, 优惠码 ---------------------
    r"看我主页|主页(?:有|看|见|置顶)|点我头像|戳我头像|我的?橱窗|(?:进|加|来)(?:我的?|我们的?)(?:QQ|qq"
    r"|微信|vx|V|v)?群",
    r"(?:关注|订阅|来看)(?:一下)?(?:我的?|本)(?:抖音|B站|b站|频道|账号|直播间|公众号|小红书|视频号)"
    r"|(?:我的?|本)(?:抖音号|公众号|直播间|小店|网店|淘宝店|店铺)",
    r"(?:课程|网课|培训|训练营)" + _ZS + r"{0,8}(?:打折|优惠|报名|招生|限时)",
    r"一件代发|招代理|(?:加|私)(?:我|v|V|微|微信)" + _ZS + r"{0,6}(?:买|购|下单|咨询|拿货|订)",
    r"(?:我家|我们家|本店)" + _ZS + r"{0,10}(?:更便宜|半价|打折|优惠)|(?:优惠码|邀请码|推广码)"
    r"[:：]?\s?[A-Za-z0-9]{4,}",
)

LIBRARY: dict[str, tuple[str, ...]] = {
    "harassment": HARASSMENT,
    "hate": HATE,
    "spam": SPAM,
    "scam": SCAM,
    "personal_data": PERSONAL_DATA,
    "self_harm": SELF_HARM,
    "promotion": PROMOTION,
}


def patterns_for(kind: str) -> list[str]:
    """The kit's regular expressions for ``kind`` (one of ``LIBRARY``)."""
    return list(LIBRARY[kind])
