# Awareness page: understanding human trafficking.
#
# Variables come from the document's facts and must never be retyped:
#   $hotline-phone   the national hotline number
#   $sms-short-code  the SMS short code
#   $sms-keyword     the keyword the SMS service answers to
#   $training-modules, $training-minutes  numbers describing the course

page-title = Hiểu về nạn buôn người
page-summary = Buôn người là gì, bắt đầu như thế nào, ảnh hưởng đến những ai, và tìm sự trợ giúp bảo mật ở đâu vào bất kỳ giờ nào.

## Nhận trợ giúp

help-heading = Nhận trợ giúp ngay
help-intro = Nếu bạn hoặc người bạn quen có thể đang bị mắc kẹt trong tình trạng buôn người, một nhân viên hỗ trợ đã qua đào tạo có thể trò chuyện với bạn vào bất kỳ giờ nào. Bạn không cần phải chắc chắn rồi mới liên hệ.
help-call = Gọi { $hotline-phone }
    .note = Gọi miễn phí, 24 giờ một ngày, 7 ngày một tuần.
help-text = Nhắn tin { $sms-keyword } đến { $sms-short-code }
    .note = Có thể áp dụng phí tin nhắn và dữ liệu. Trả lời HELP để được trợ giúp hoặc STOP để hủy.
help-chat = Trò chuyện trực tiếp với nhân viên hỗ trợ
    .note = Nhắn tin với một người thật trong khung trò chuyện trực tuyến riêng tư.

## Rời khỏi trang

quick-exit = Thoát nhanh
    .hint = Rời khỏi trang này ngay lập tức. Bạn cũng có thể nhấn phím Esc.

## Buôn người là gì

definition-heading = Buôn người là gì?
definition-body = Theo luật liên bang Hoa Kỳ, buôn người là việc dùng vũ lực, lừa gạt hoặc cưỡng ép để buộc một người tham gia hoạt động tình dục thương mại, lao động hoặc phục vụ trái với ý muốn của họ.
definition-model = Một mô hình gồm ba phần giúp nhận biết tình trạng này. Buôn người xảy ra khi có ít nhất một yếu tố thuộc mỗi phần trong ba phần sau:
definition-action = Hành vi: tuyển mộ, chứa chấp, vận chuyển, cung cấp hoặc tiếp nhận một người.
definition-means = Phương thức: vũ lực, lừa gạt hoặc cưỡng ép.
definition-purpose = Mục đích: hoạt động tình dục thương mại, hoặc lao động và phục vụ.

## Buôn người vì mục đích tình dục

sex-heading = Buôn người vì mục đích tình dục
sex-begin-question = Chuyện này bắt đầu như thế nào?
sex-begin-answer = Phần lớn nạn nhân quen biết kẻ buôn người, và nhiều người tin tưởng hoặc yêu thương kẻ đó. Kẻ buôn người lợi dụng những gì một người đang cần: chỗ ở, tiền bạc, tình cảm hoặc cảm giác được thuộc về một nơi nào đó. Việc bị người lạ bắt cóc là rất hiếm.
sex-who-question = Kẻ buôn người là ai?
sex-who-answer = Kẻ buôn người có thể thuộc bất kỳ giới tính và hoàn cảnh xuất thân nào. Đó thường là người yêu, người trong gia đình, bạn bè, những kẻ tự nhận mình là ân nhân, hoặc chủ lao động.
sex-risk-question = Ai có nguy cơ?
sex-risk-answer = Bất kỳ ai cũng có thể trở thành mục tiêu. Nghèo đói, nơi ở không ổn định, sang chấn trong quá khứ và nghiện ngập làm tăng nguy cơ, còn sự phân biệt đối xử khiến người da màu, người nhập cư và người LGBTQ+ dễ bị tổn thương hơn.
sex-stay-question = Tại sao họ không bỏ đi?
sex-stay-answer = Kẻ buôn người thao túng những người mà chúng bóc lột, thường thông qua một quá trình dụ dỗ, lôi kéo diễn ra từ từ. Nạn nhân có thể gắn bó về mặt tình cảm với kẻ buôn người, phụ thuộc vào kẻ đó về tiền bạc hoặc chỗ ở, hoặc sợ bản thân hay gia đình bị bạo hành.
sex-exit-question = Làm thế nào để thoát ra?
sex-exit-answer = Mỗi câu chuyện đều khác nhau. Những người sống sót rất kiên cường: nhiều người tự rời đi theo cách của riêng mình, một số người nhờ có sự giúp đỡ của người khác. Cách nói “giải cứu” tạo ra hình ảnh sai lệch về cách mọi người thực sự giành lại tự do.
sex-prevent-question = Làm thế nào để phòng ngừa?
sex-prevent-answer = Truy tố kẻ buôn người là điều quan trọng, nhưng chưa đủ. Phòng ngừa thực sự nghĩa là giảm tình trạng vô gia cư, bạo lực gia đình, nghèo đói và phân biệt đối xử, đồng thời cung cấp thêm các dịch vụ hỗ trợ.

## Buôn người vì mục đích bóc lột lao động

labor-heading = Buôn người vì mục đích bóc lột lao động
labor-begin-question = Chuyện này bắt đầu như thế nào?
labor-begin-answer = Thường thì mọi chuyện bắt đầu bằng một lời mời làm việc. Nó trở thành buôn người khi tiền lương hoặc điều kiện làm việc mang tính ngược đãi, và người lao động không thể nghỉ việc hay khiếu nại vì bị đe dọa, hoặc vì nhu cầu cần tiền của họ đang bị lợi dụng.
labor-who-question = Kẻ buôn người là ai?
labor-who-answer = Chủ doanh nghiệp, người quản lý và người giám sát, nhưng cũng có thể là người trong gia đình và bạn đời.
labor-risk-question = Ai có nguy cơ?
labor-risk-answer = Người nhập cư đặc biệt có nguy cơ, kể cả những người đang sinh sống hợp pháp tại quốc gia này.
labor-stay-question = Tại sao họ không bỏ đi?
labor-stay-answer = Kẻ buôn người duy trì sự kiểm soát bằng những lời đe dọa, chẳng hạn như dọa báo cho cơ quan thực thi luật di trú, và bằng những khoản nợ mà người lao động không bao giờ trả hết được.
labor-prevent-question = Làm thế nào để phòng ngừa?
labor-prevent-answer = Bằng cách thực thi các quy định bảo vệ người lao động, giúp người lao động hiểu rõ quyền của mình và buộc chủ lao động phải chịu trách nhiệm.

## Những điều cần ghi nhớ

remember-heading = Những điều cần ghi nhớ
remember-smuggling = Buôn người không phải là đưa người vượt biên trái phép. Đưa người vượt biên trái phép là tội phạm xâm phạm biên giới; buôn người là tội phạm xâm hại con người, và có thể xảy ra mà không ai phải rời khỏi nhà.
remember-force = Điều giữ chân người đó trong hoàn cảnh ấy phải là vũ lực, lừa gạt hoặc cưỡng ép. Chỉ riêng việc không trả lương là bóc lột; còn đe dọa khiến người lao động bị trục xuất vì họ khiếu nại thì đó là buôn người.
remember-minors = Có một ngoại lệ: theo luật liên bang, bất kỳ người chưa thành niên nào bị lôi kéo vào hoạt động tình dục thương mại đều là nạn nhân của buôn người. Không hề có cái gọi là “trẻ em hành nghề mại dâm”.
remember-adults = Không phải mọi hoạt động tình dục thương mại giữa người trưởng thành đều là buôn người, dù lựa chọn của mỗi người có nhiều mức độ khác nhau.
remember-anywhere = Buôn người có thể xảy ra trong bất kỳ loại hình kinh doanh nào, hoặc ngay trong một gia đình không hề kinh doanh gì.
remember-vulnerable = Một số nhóm người dễ bị tổn thương hơn nhiều so với những nhóm khác.
remember-recognize = Nhiều người chỉ nhận ra hoàn cảnh của mình là buôn người sau khi mọi chuyện đã kết thúc.

## Đào tạo

training-heading = Khóa đào tạo trực tuyến miễn phí
training-body = Một khóa học trực tuyến miễn phí hướng dẫn cách nhận biết nạn buôn người qua { $training-modules } học phần ngắn, tổng cộng khoảng { $training-minutes } phút.
training-link = Bắt đầu khóa đào tạo miễn phí
