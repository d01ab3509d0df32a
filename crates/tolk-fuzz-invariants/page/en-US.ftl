site-skip-link = Skip to content
site-language = Language
site-contents = On this page
site-footer = Call { $hotline-phone } or text { $sms-keyword } to { $sms-short-code }.
page-title = Human trafficking
page-summary = What it is, where to find help.
help-heading = Get help now
    .contact = Call the { $hotline-name }
help-intro = If you may be trafficked, an advocate can talk with you at any hour, day or night.
help-call = Call { $hotline-phone }
    .note = Free, day and night.
help-text = Text { $sms-keyword } to { $sms-short-code }
    .note = Rates may apply.
help-chat = Chat, or write to { $help-email }
    .note = A person answers.
quick-exit = Quick exit
    .hint = Leave this page now.
learn-heading = What is it?
    .parts = Two parts
    .means = Means: force, fraud or coercion.
    .purpose = Purpose: sex or labor.
    .question = How does it begin?
    .answer = Often with someone the victim trusts.
learn-minors = Any minor in commercial sex is a victim.
    .title = Remember
training-link = { $training-modules ->
        [one] Take the course
       *[other] Take the { $training-modules } modules ({ $training-minutes } min)
    }
