# Page furniture shared by every document.

site-skip-link = Chuyển đến nội dung chính
site-language = Ngôn ngữ
site-contents = Trên trang này
site-footer = Trợ giúp bảo mật 24 giờ một ngày: gọi { $hotline-phone } hoặc nhắn tin { $sms-keyword } đến { $sms-short-code }.
