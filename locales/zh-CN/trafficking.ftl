# Awareness page: understanding human trafficking.
#
# Variables come from the document's facts and must never be retyped:
#   $hotline-phone   the national hotline number
#   $sms-short-code  the SMS short code
#   $sms-keyword     the keyword the SMS service answers to
#   $training-modules, $training-minutes  numbers describing the course

page-title = 了解人口贩运
page-summary = 什么是人口贩运、它如何开始、会影响哪些人，以及在哪里可以随时获得保密的帮助。

## 寻求帮助

help-heading = 立即求助
help-intro = 如果您或您认识的人可能陷入了人口贩运，受过专业培训的援助人员随时都可以与您交谈。在联系我们之前，您不需要十分确定。
help-call = 拨打 { $hotline-phone }
    .note = 免费拨打，每天 24 小时，每周 7 天。
help-text = 发送短信 { $sms-keyword } 至 { $sms-short-code }
    .note = 可能会产生短信和数据费用。回复 HELP 获取帮助，回复 STOP 取消。
help-chat = 与援助人员在线实时交流
    .note = 在私密的在线聊天中与真人沟通。

## 离开本页

quick-exit = 快速离开
    .hint = 立即离开此页面。您也可以按 Esc 键。

## 什么是人口贩运

definition-heading = 什么是人口贩运？
definition-body = 根据美国联邦法律，人口贩运是指使用暴力、欺诈或胁迫手段，迫使他人违背本人意愿从事商业性交易、劳动或服务。
definition-model = 一个由三部分组成的模型有助于识别人口贩运。只要三个部分中各有至少一个要素成立，就构成人口贩运：
definition-action = 行为：招募、窝藏、运送、提供或获取某人。
definition-means = 手段：暴力、欺诈或胁迫。
definition-purpose = 目的：商业性交易，或劳动和服务。

## 性贩运

sex-heading = 性贩运
sex-begin-question = 它是如何开始的？
sex-begin-answer = 大多数受害者认识贩运者，其中许多人信任或爱着对方。贩运者会利用一个人的需求：住处、金钱、关爱或归属感。被陌生人绑架的情况很少见。
sex-who-question = 贩运者是什么人？
sex-who-answer = 贩运者可能是任何性别、任何背景的人。他们往往是恋人、家庭成员、朋友、以恩人自居的人或雇主。
sex-risk-question = 哪些人面临风险？
sex-risk-answer = 任何人都可能成为目标。贫困、住房不稳定、过往的创伤和成瘾问题都会增加风险，而歧视使有色人种、移民和 LGBTQ+ 群体更容易受到伤害。
sex-stay-question = 他们为什么不直接离开？
sex-stay-answer = 贩运者会操控他们所剥削的人，通常是通过一个被称为“诱骗”的缓慢过程。受害者可能在感情上依恋贩运者，在金钱或住处上依赖对方，或者害怕自己或家人遭受暴力。
sex-exit-question = 人们如何摆脱困境？
sex-exit-answer = 每个人的经历都不一样。幸存者具有很强的韧性：许多人按照自己的方式离开，也有些人得到了他人的帮助。“解救”这种说法，会让人误解人们实际上是如何重获自由的。
sex-prevent-question = 如何预防？
sex-prevent-answer = 起诉贩运者很重要，但这还不够。真正的预防意味着减少无家可归、家庭暴力、贫困和歧视，并提供更多的支持服务。

## 劳动力贩运

labor-heading = 劳动力贩运
labor-begin-question = 它是如何开始的？
labor-begin-answer = 它通常始于一份工作机会。当薪酬或工作条件带有虐待性质，而工人因为受到威胁，或因为对钱的需要被人利用，而无法辞职或投诉时，就构成了人口贩运。
labor-who-question = 贩运者是什么人？
labor-who-answer = 企业主、经理和主管，但也可能是家人和亲密伴侣。
labor-risk-question = 哪些人面临风险？
labor-risk-answer = 移民尤其面临风险，包括在这个国家合法居住的人。
labor-stay-question = 他们为什么不直接离开？
labor-stay-answer = 贩运者通过威胁来维持控制，例如威胁要向移民执法部门举报，还会让工人背上永远也还不清的债务。
labor-prevent-question = 如何预防？
labor-prevent-answer = 执行劳动保护措施，让工人了解自己的权利，并追究雇主的责任。

## 请记住

remember-heading = 请记住以下几点
remember-smuggling = 人口贩运不同于偷渡。偷渡是危害国家边境的犯罪；人口贩运是侵害个人的犯罪，即使没有任何人离开家乡，也可能发生。
remember-force = 让当事人无法脱身的，必须是暴力、欺诈或胁迫。仅仅拖欠工资属于剥削；而因为工人投诉就威胁要让其被驱逐出境，则构成人口贩运。
remember-minors = 有一个例外：根据联邦法律，任何卷入商业性交易的未成年人都是人口贩运的受害者。根本不存在所谓的“儿童妓女”。
remember-adults = 并非所有成年人之间的商业性交易都是人口贩运，不过人们的选择并非非此即彼，而是存在不同程度。
remember-anywhere = 人口贩运可能发生在任何类型的行业中，也可能发生在根本没有经营任何生意的家庭内部。
remember-vulnerable = 有些群体远比其他群体更容易受到伤害。
remember-recognize = 许多人直到事情结束之后，才意识到自己经历的是人口贩运。

## 培训

training-heading = 免费在线培训
training-body = 一门免费在线课程讲解如何识别人口贩运，课程共 { $training-modules } 个简短模块，总计约 { $training-minutes } 分钟。
training-link = 开始免费培训
