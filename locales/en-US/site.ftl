# Page furniture shared by every document.

site-skip-link = Skip to main content
site-language = Language
site-contents = On this page
site-footer = Confidential help, day and night: call { $hotline-phone } or text { $sms-keyword } to { $sms-short-code }.
