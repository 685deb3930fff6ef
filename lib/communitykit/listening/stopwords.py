"""Words that are never an emerging term, and the word classes that decide where a phrase
may start and end (docs/listening.md, emerging terms).

English needs no tagger: function words and fillers (``text.STOPWORDS_EN``), common verbs
in their usual forms, chat words and praise words never make a term and break phrases;
descriptive adjectives (``MODIFIERS_EN``) may open a phrase but neither end one nor stand
alone. Chinese: the shared stopwords plus question words, greetings, verbs of asking and
hoping; ``AFFIXES_ZH`` are the one-character verbs, adverbs, particles and measure words
trimmed off the edges of a word that jieba made up (not in its dictionary), so that
能不能出无糖款 yields 无糖, not 出无糖款.
"""

from __future__ import annotations

from .text import STOPWORDS_EN, STOPWORDS_ZH

VERBS_EN = frozenset((
    "add", "adds", "added", "adding", "arrive", "arrives", "arrived", "ask", "asks", "asked",
    "asking", "bring", "brings", "brought", "buy", "bought", "call", "called", "came", "check",
    "checked", "checking", "come", "comes", "coming", "done", "feel", "feels", "felt", "find",
    "finds", "found", "finished", "gave", "give", "gives", "giving", "go", "goes", "going",
    "gone", "guess", "hear", "heard", "help", "hope", "hoping", "keep", "keeps", "kept",
    "knew", "know", "knows", "left", "look", "looks", "looked", "looking", "made", "make",
    "makes", "making", "mean", "means", "meant", "need", "needs", "needed", "open", "opened",
    "put", "said", "saw", "say", "says", "see", "seem", "seems", "seen", "send", "sent",
    "share", "sharing", "show", "shows", "showed", "sound", "sounds", "start", "started",
    "starts", "stay", "stays", "stayed", "take", "takes", "taken", "taking", "tell", "tells",
    "think", "thinks", "thought", "told", "took", "tried", "tries", "try", "trying", "turn",
    "turned", "turns", "use", "used", "uses", "using", "wait", "waiting", "waited", "want",
    "wants", "wanted", "went", "wish", "wished", "wonder", "wondering", "work", "works",
    "worked", "ate", "eat", "eating", "love", "loved", "loves", "loving", "back", "tasted",
    "happen", "happened", "sure",
))

# Chat words: talk about the conversation, greetings, people and vague amounts.
CHAT_EN = frozenset((
    "question", "questions", "answer", "answers", "anyone", "anybody", "someone", "somebody",
    "something", "anything", "everything", "nothing", "everyone", "everybody", "people",
    "mine", "yours", "stuff", "way", "lots", "kind", "sort", "morning", "evening", "night",
    "tonight", "weekend", "weeks", "days", "months", "month", "year", "years", "hours",
    "minutes", "later", "soon", "ago", "again", "always", "never", "sometimes", "already",
    "yet", "almost", "quite", "pretty", "though", "actually", "definitely", "probably",
    "thanks", "welcome", "bye", "cheers", "wow", "haha", "hahaha", "lmao", "btw", "idk",
    "imo", "asap", "pls", "etc", "many", "enough", "less", "least", "another", "around",
    "without", "within", "next", "last", "since", "instead", "here", "there", "ones",
    "three", "kids", "right",
))

# Praise and judgement words: sentiment tells these, they are no topic.
PRAISE_EN = frozenset((
    "great", "good", "best", "better", "nice", "awesome", "amazing", "lovely", "perfect",
    "fantastic", "wonderful", "excellent", "cool", "bad", "worse", "worst", "terrible",
    "awful", "happy", "glad", "sad", "favourite", "favorite",
))

# Descriptive adjectives: they open a noun phrase (new packaging, fresh bread) but do
# not end one (biscuits nut free) and are no term alone.
MODIFIERS_EN = frozenset((
    "new", "old", "free", "fresh", "big", "bigger", "small", "smaller", "little", "large",
    "huge", "tiny", "hot", "cold", "warm", "sweet", "salty", "soft", "hard", "crunchy",
    "chewy", "crispy", "crisp", "flat", "full", "whole", "extra", "available", "ready",
    "cheap", "expensive", "easy", "simple", "real", "original", "same", "different",
    "long", "short", "high", "low", "early", "late",
))

TERM_STOPWORDS_EN = STOPWORDS_EN | VERBS_EN | CHAT_EN | PRAISE_EN

TERM_STOPWORDS_ZH = STOPWORDS_ZH | frozenset((
    "时候", "多少", "多久", "哪里", "哪个", "哪些", "哪儿", "这里", "那里", "这些", "那些",
    "有点", "一点", "有没有", "是不是", "怎么样", "怎样", "如何", "这么", "那么", "一样",
    "第一次", "早上好", "晚上好", "你好", "您好", "早安", "晚安", "希望", "建议", "求",
    "收到", "知道", "看到", "看看", "喜欢", "特别", "比较", "可能", "应该", "需要",
    "同问", "感谢", "一起", "东西", "时间", "之前", "之后", "以后", "以前", "最近", "其实",
    "确实", "还有", "或者", "另外", "只是", "只有", "不是", "不会", "不要", "出来", "起来",
    "您", "谁", "请", "刚刚", "终于", "马上", "赶紧", "一定", "肯定",
))

# One-character words trimmed off the edges of a word jieba made up from unknown text.
AFFIXES_ZH = frozenset(
    "出后能全太多很都也就还再又才没不要会被把给款个了的吗呢吧啊呀嘛么啦着过是在有"
    "和与及或就从到对为以于上下里中请求想让更最挺超"
)
