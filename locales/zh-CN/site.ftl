# Page furniture shared by every document.

site-skip-link = 跳到主要内容
site-language = 语言
site-contents = 本页内容
site-footer = 全天 24 小时提供保密帮助：拨打 { $hotline-phone }，或发送短信 { $sms-keyword } 至 { $sms-short-code }。
