# Awareness page: understanding human trafficking.
#
# Variables come from the document's facts and must never be retyped:
#   $hotline-phone   the national hotline number
#   $sms-short-code  the SMS short code
#   $sms-keyword     the keyword the SMS service answers to
#   $training-modules, $training-minutes  numbers describing the course

page-title = 인신매매 바로 알기
page-summary = 인신매매란 무엇인지, 어떻게 시작되는지, 누가 피해를 입는지, 그리고 언제든 비밀이 보장되는 도움을 어디서 받을 수 있는지 알려 드립니다.

## Getting help

help-heading = 지금 도움 받기
help-intro = 본인이나 아는 사람이 인신매매에 휘말렸을 수 있다면, 교육받은 상담원이 언제든지 이야기를 들어 드립니다. 확신이 없어도 연락하셔도 됩니다.
help-call = { $hotline-phone }번으로 전화하기
    .note = 무료 전화이며, 하루 24시간, 주 7일 이용할 수 있습니다.
help-text = { $sms-short-code }번으로 { $sms-keyword } 문자 보내기
    .note = 메시지 및 데이터 요금이 부과될 수 있습니다. 도움이 필요하면 HELP, 수신을 중단하려면 STOP이라고 답장하세요.
help-chat = 상담원과 실시간 채팅하기
    .note = 비공개 온라인 채팅에서 실제 상담원과 글로 대화할 수 있습니다.

## Leaving the page

quick-exit = 빠른 나가기
    .hint = 이 페이지에서 바로 나갑니다. Esc 키를 눌러도 됩니다.

## What trafficking is

definition-heading = 인신매매란 무엇인가요?
definition-body = 미국 연방법에 따르면 인신매매란 폭력, 사기 또는 강압을 이용해 본인의 의사에 반하여 상업적 성행위, 노동 또는 서비스를 하게 만드는 것을 말합니다.
definition-model = 세 부분으로 이루어진 모델을 알면 인신매매를 알아보는 데 도움이 됩니다. 세 부분에서 각각 한 가지 이상의 요소가 해당하면 인신매매로 봅니다.
definition-action = 행위: 사람을 모집, 은닉, 이송, 제공 또는 획득하는 것
definition-means = 수단: 폭력, 사기 또는 강압
definition-purpose = 목적: 상업적 성행위, 또는 노동 및 서비스

## Sex trafficking

sex-heading = 성 착취 목적의 인신매매
sex-begin-question = 어떻게 시작되나요?
sex-begin-answer = 피해자 대부분은 인신매매범과 아는 사이이며, 상당수는 그 사람을 믿거나 사랑합니다. 인신매매범은 살 곳, 돈, 애정, 소속감처럼 상대에게 필요한 것을 악용합니다. 낯선 사람에게 납치되는 경우는 드뭅니다.
sex-who-question = 인신매매범은 누구인가요?
sex-who-answer = 인신매매범은 성별이나 배경과 관계없이 누구든 될 수 있습니다. 연인, 가족, 친구, 후원자 행세를 하는 사람, 또는 고용주인 경우가 많습니다.
sex-risk-question = 누가 위험한가요?
sex-risk-answer = 누구나 표적이 될 수 있습니다. 빈곤, 불안정한 주거, 과거의 트라우마, 중독은 위험을 높이며, 차별 때문에 유색인종, 이민자, LGBTQ+ 당사자는 더 큰 위험에 노출됩니다.
sex-stay-question = 왜 그냥 떠나지 않나요?
sex-stay-answer = 인신매매범은 착취 대상을 조종하는데, 흔히 '그루밍'이라고 불리는 서서히 진행되는 과정을 거칩니다. 피해자는 인신매매범에게 정서적으로 얽매여 있거나, 돈이나 잘 곳을 그 사람에게 의존하거나, 자신이나 가족이 폭력을 당할까 봐 두려워할 수 있습니다.
sex-exit-question = 어떻게 벗어나나요?
sex-exit-answer = 사람마다 겪는 과정은 모두 다릅니다. 생존자들은 강한 회복력을 지니고 있습니다. 많은 사람이 스스로 정한 방식으로 벗어나고, 다른 사람의 도움을 받아 벗어나는 사람도 있습니다. '구출'이라는 표현은 사람들이 실제로 어떻게 자유를 되찾는지에 대해 잘못된 인상을 줍니다.
sex-prevent-question = 어떻게 예방할 수 있나요?
sex-prevent-answer = 인신매매범을 기소하는 것도 중요하지만 그것만으로는 충분하지 않습니다. 진정한 예방은 노숙, 가정폭력, 빈곤, 차별을 줄이고 더 많은 지원 서비스를 제공하는 것입니다.
