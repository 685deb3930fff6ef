"""Word lists and message templates of the demo client (Northwind Biscuit Co.).

Written for the demo; ``{x}`` in a template is filled with a product name.
"""

from __future__ import annotations

PRODUCTS_EN = ("oat biscuits", "ginger snaps", "butter cookies", "shortbread", "cheddar crackers")
PRODUCTS_ZH = ("燕麦饼干", "姜饼", "黄油曲奇", "酥饼", "芝士薄脆")

MEMBER_NAMES = (
    "amy.bakes", "ben_on_toast", "carla.eats", "dan_the_dunker", "ella_crumbs", "finn.snacks",
    "gina_kitchen", "harry.h", "isla_makes", "jack_munch", "kate.loves.tea", "leo.ate.it",
    "maya_sweet", "nate_nibbles", "olivia.oven", "pete_pantry", "quinn.q", "rosa_rolls",
    "sam.snack", "tara_treats", "uma.u", "vic_bites", "will_whisk", "xena.x", "yara_yum",
    "zack.z", "wang.lei", "li.na88", "zhang.wei", "chen.jing", "liu.yang", "huang.min",
    "zhao.xin", "zhou.ting", "wu.hao", "xu.fang", "sun.li", "ma.chao", "hu.yan", "guo.qiang",
)

QUESTIONS_EN = (
    "When will the {x} be back in stock?",
    "Do you ship to Canada?",
    "How long do the {x} stay fresh once opened?",
    "Are the {x} nut free?",
    "How far ahead do gift boxes need to be ordered?",
    "Which stores carry the {x}?",
    "Is there a discount code for first orders?",
    "What time does the bake-along start on Saturday?",
    "Does the {x} recipe work with gluten-free flour?",
    "Where can I find the ingredient list for the {x}?",
)
QUESTIONS_ZH = (
    "{x}什么时候补货？",
    "请问可以寄到上海吗？",
    "{x}开封后能放多久呢",
    "这个含坚果吗？",
    "怎么用优惠码？",
    "哪里可以买到{x}？",
    "礼盒多少钱？",
)
PRAISE_EN = (
    "Love these {x}!", "Best {x} I have ever had.", "My kids ask for these every day",
    "The new packaging looks great", "Perfect with a cup of tea",
    "Baked the recipe, turned out great",
)
PRAISE_ZH = ("太好吃了！", "{x}真的好香", "包装很漂亮", "孩子们特别喜欢", "配茶刚刚好")
CHATTER_EN = (
    "Just finished my batch for the weekend", "Anyone else doing the bake-along?",
    "Rainy day, oven on", "Trying the shortbread recipe tonight", "Good morning bakers",
    "Mine came out a bit flat but tasty", "Sharing a photo of my tray later",
)
CHATTER_ZH = ("周末在家烤饼干", "今天也来打卡", "第一次做，有点紧张", "大家早上好")
COMPLAINTS_EN = (
    "My order arrived crushed", "Delivery took two weeks, not happy",
    "The {x} tasted stale this time", "Still waiting for a refund on my order",
    "Why did the price go up again? Too expensive now",
)
COMPLAINTS_ZH = ("快递太慢了", "收到的时候全碎了", "太贵了", "客服一直不回复")
DELIVERY_COMPLAINTS = (  # the complaints above that name the delivery theme
    "My order arrived crushed", "Delivery took two weeks, not happy",
    "Still waiting for a refund on my order", "快递太慢了",
)
PRICE_COMPLAINTS = (
    "Prices went up 30%? Too expensive, I'm out", "Way too expensive now, sad",
    "These used to be affordable", "价格涨太多了，太贵了",
)
REQUESTS_JALAPENO = (
    "please bring back the jalapeño biscuits",
    "bring back jalapeno biscuits!!",
    "Bring back the Jalapeño biscuits please",
    "求复刻墨西哥辣椒饼干",
    "希望墨西哥辣椒饼干回归",
    "Please bring back jalapeno biscuits, they were the best",
)
REQUESTS_OTHER = (
    "please add a gluten-free option", "wish you had vegan butter cookies",
    "能不能出无糖款", "建议出小包装", "please add a family size box",
)
TEAM_ANSWERS_EN = (
    "Thanks for asking! We'll check and get back to you shortly.",
    "Great question: yes, you can find it on our website under Orders.",
    "They keep for about three weeks in an airtight tin.",
    "We ship across the US and Canada, details are in the FAQ.",
    "So sorry about that, please send us a DM with your order number.",
    "Thank you, that means a lot to the bakery team!",
)
TEAM_ANSWERS_ZH = (
    "谢谢关注！我们会尽快回复您。", "可以的，请私信我们订单号。", "开封后建议三周内吃完。",
)
ADVOCATE_ANSWERS = (
    "I asked them last month: yes it is!", "Mine lasted about three weeks in a tin",
    "The big supermarket near me has them", "You can use code WELCOME10, worked for me",
    "我上周问过，可以的", "Try the help-desk channel, they are quick there",
)
PEER_ANSWERS = (
    "Same question here!", "I think the FAQ says yes", "Mine came in a week",
    "同问", "Check the pinned post",
)
SPAM = (
    "free followers at bit.ly/grow-fast", "DM me for a promo on crypto giveaway",
    "crypto giveaway!!! bit.ly/xyz",
)
HARASSMENT = ("you people are trash", "what a bunch of idiots running this page",
              "idiots, all of you")
DISCRIMINATION = ("go back to your own country",)
HOSTILE_MARKUP = (
    "<script>alert('x')</script> is this safe?",
    "<img src=x onerror=alert(1)> look at my bake?",
    "[click for a prize](javascript:alert(1))",
    "Only $5 off $10 orders? math $x^2$ fail",
    "\u202etxt.exe is the recipe, right?",
)
POST_CAPTIONS = {
    "question": ("Which flavour should we bake next?", "What is your favourite tea pairing?",
                 "Tell us: crunchy or chewy?", "你最喜欢哪一款？"),
    "tip": ("Tip: keep biscuits crisp in an airtight tin", "How to get even browning in any oven",
            "Tip: chill the dough for 30 minutes", "小技巧：面团冷藏更好操作"),
    "update": ("New: ginger snaps are now in stores", "Update on delivery times this week",
               "New recipe card inside every box", "上新：燕麦饼干"),
    "promotion": ("20% off all gift boxes this weekend", "Summer sale on shortbread",
                  "Discount for bakers' club members", "周末优惠，全场八折"),
    "event": ("Join us live for Saturday's bake-along", "Live Q&A with our head baker",
              "Bake-along this Sunday: cheddar crackers", "Join us at the farmers market"),
}
