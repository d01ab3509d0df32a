# Awareness page: understanding human trafficking.
#
# Variables come from the document's facts and must never be retyped:
#   $hotline-phone   the national hotline number
#   $sms-short-code  the SMS short code
#   $sms-keyword     the keyword the SMS service answers to
#   $training-modules, $training-minutes  numbers describing the course

page-title = Understanding human trafficking
page-summary = What human trafficking is, how it starts, who it affects, and where to find confidential help at any hour.

## Getting help

help-heading = Get help now
help-intro = If you or someone you know may be caught in trafficking, a trained advocate can talk with you at any hour. You do not need to be certain before you reach out.
help-call = Call { $hotline-phone }
    .note = Free to call, at any hour of the day or night, every day of the week.
help-text = Text { $sms-keyword } to { $sms-short-code }
    .note = Message and data rates may apply. Reply HELP for help or STOP to cancel.
help-chat = Chat live with an advocate
    .note = Write to a real person in a private online chat.

## Leaving the page

quick-exit = Quick exit
    .hint = Leave this page right away. You can also press the Esc key.

## What trafficking is

definition-heading = What is human trafficking?
definition-body = Under US federal law, human trafficking means using force, fraud or coercion to make someone perform commercial sex, labor or services against their will.
definition-model = A three-part model helps to recognize it. Trafficking is present when at least one element from each of the three parts applies:
definition-action = Action: recruiting, harboring, transporting, providing or obtaining a person.
definition-means = Means: force, fraud or coercion.
definition-purpose = Purpose: commercial sex, or labor and services.

## Sex trafficking

sex-heading = Sex trafficking
sex-begin-question = How does it begin?
sex-begin-answer = Most victims know the trafficker, and many trust or love them. Traffickers take advantage of what a person needs: a place to live, money, affection or a sense of belonging. Kidnapping by a stranger is rare.
sex-who-question = Who are the traffickers?
sex-who-answer = Traffickers can be of any gender and any background. They are often romantic partners, family members, friends, people who present themselves as benefactors, or employers.
sex-risk-question = Who is at risk?
sex-risk-answer = Anyone can be targeted. Poverty, unstable housing, past trauma and addiction raise the risk, and discrimination leaves people of color, immigrants and LGBTQ+ people more exposed.
sex-stay-question = Why don't people just leave?
sex-stay-answer = Traffickers manipulate the people they exploit, often through a slow process called grooming. A victim may be emotionally attached to the trafficker, depend on them for money or shelter, or fear violence against themselves or their family.
sex-exit-question = How do people get out?
sex-exit-answer = Every story is different. Survivors are resilient: many leave on their own terms, some with help from others. Talk of "rescue" gives a misleading picture of how people actually get free.
sex-prevent-question = How can it be prevented?
sex-prevent-answer = Prosecuting traffickers matters, but it is not enough. Real prevention means reducing homelessness, family violence, poverty and discrimination, and offering more support services.

## Labor trafficking

labor-heading = Labor trafficking
labor-begin-question = How does it begin?
labor-begin-answer = It usually starts with a job offer. It turns into trafficking when the pay or the working conditions are abusive and the worker cannot quit or complain, because they are threatened or because their need for money is being exploited.
labor-who-question = Who are the traffickers?
labor-who-answer = Business owners, managers and supervisors, but also families and intimate partners.
labor-risk-question = Who is at risk?
labor-risk-answer = Immigrants are especially at risk, including people who live in the country legally.
labor-stay-question = Why don't people just leave?
labor-stay-answer = Traffickers keep control with threats, such as threatening to call immigration enforcement, and with debts that the worker can never pay off.
labor-prevent-question = How can it be prevented?
labor-prevent-answer = By enforcing labor protections, teaching workers about their rights and holding employers accountable.

## Points to remember

remember-heading = Points to remember
remember-smuggling = Trafficking is not smuggling. Smuggling is a crime against a border; trafficking is a crime against a person, and it can happen without anyone leaving home.
remember-force = Force, fraud or coercion must be what keeps the person in the situation. Unpaid wages alone are exploitation; threatening to have a worker deported for complaining makes it trafficking.
remember-minors = One exception: under federal law, any minor involved in commercial sex is a victim of trafficking. There is no such thing as a child prostitute.
remember-adults = Not all commercial sex between adults is trafficking, although people's choices lie on a spectrum.
remember-anywhere = Trafficking can happen in any kind of business, or within a family that has no business at all.
remember-vulnerable = Some groups are far more vulnerable than others.
remember-recognize = Many people do not see their situation as trafficking until after it has ended.

## Training

training-heading = Free online training
training-body = A free online course explains how to recognize trafficking in { $training-modules } short modules, about { $training-minutes } minutes in total.
training-link = Start the free training
