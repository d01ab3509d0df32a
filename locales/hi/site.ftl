# Page furniture shared by every document.

site-skip-link = मुख्य सामग्री पर जाएँ
site-language = भाषा
site-contents = इस पेज पर
site-footer = गोपनीय मदद, दिन के 24 घंटे: { $hotline-phone } पर कॉल करें या { $sms-keyword } लिखकर { $sms-short-code } पर भेजें।
