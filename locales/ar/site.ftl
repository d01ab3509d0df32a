# Page furniture shared by every document.

site-skip-link = انتقل إلى المحتوى الرئيسي
site-language = اللغة
site-contents = في هذه الصفحة
site-footer = مساعدة سرية على مدار الساعة: اتصل بالرقم { $hotline-phone } أو أرسل رسالة نصية بكلمة { $sms-keyword } إلى الرقم { $sms-short-code }.
