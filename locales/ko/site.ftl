# Page furniture shared by every document.

site-skip-link = 본문으로 바로 가기
site-language = 언어
site-contents = 이 페이지의 내용
site-footer = 비밀이 보장되는 도움을 24시간 받을 수 있습니다. { $hotline-phone }번으로 전화하거나 { $sms-short-code }번으로 { $sms-keyword } 문자를 보내세요.
