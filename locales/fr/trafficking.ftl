# Page de sensibilisation : comprendre la traite des êtres humains.
#
# Les variables proviennent des données du document et ne doivent jamais être saisies à la main :
#   $hotline-phone   le numéro de la ligne d’assistance nationale
#   $sms-short-code  le numéro court SMS
#   $sms-keyword     le mot-clé auquel répond le service SMS
#   $training-modules, $training-minutes  nombres décrivant la formation

page-title = Comprendre la traite des êtres humains
page-summary = Ce qu’est la traite des êtres humains, comment elle commence, qui elle touche et où trouver une aide confidentielle à toute heure.

## Obtenir de l’aide

help-heading = Obtenir de l’aide maintenant
help-intro = Si vous pensez que vous-même ou une personne que vous connaissez pourriez être victime de traite, une personne formée à l’accompagnement des victimes peut vous parler à toute heure. Vous n’avez pas besoin d’avoir une certitude pour prendre contact.
help-call = Appelez le { $hotline-phone }
    .note = Appel gratuit, 24 heures sur 24, 7 jours sur 7.
help-text = Envoyez { $sms-keyword } par SMS au { $sms-short-code }
    .note = Des frais de messagerie et de données peuvent s’appliquer. Répondez HELP pour obtenir de l’aide ou STOP pour annuler.
help-chat = Discutez en direct avec un intervenant
    .note = Écrivez à une vraie personne dans une messagerie en ligne privée.

## Quitter la page

quick-exit = Sortie rapide
    .hint = Quittez cette page immédiatement. Vous pouvez aussi appuyer sur la touche Échap (Esc).

## Qu’est-ce que la traite

definition-heading = Qu’est-ce que la traite des êtres humains ?
definition-body = Selon le droit fédéral américain, la traite des êtres humains consiste à recourir à la force, à la fraude ou à la coercition pour contraindre une personne à se livrer à des actes sexuels tarifés ou à fournir un travail ou des services contre son gré.
definition-model = Un modèle en trois volets aide à la reconnaître. Il y a traite lorsqu’au moins un élément de chacun des trois volets est présent :
definition-action = L’acte : recruter, héberger, transporter, fournir ou obtenir une personne.
definition-means = Les moyens : la force, la fraude ou la coercition.
definition-purpose = Le but : des actes sexuels tarifés, ou un travail et des services.

## Traite à des fins d’exploitation sexuelle

sex-heading = Traite à des fins d’exploitation sexuelle
sex-begin-question = Comment cela commence-t-il ?
sex-begin-answer = La plupart des victimes connaissent leur trafiquant, et beaucoup lui font confiance ou l’aiment. Les trafiquants profitent de ce dont la personne a besoin : un logement, de l’argent, de l’affection ou un sentiment d’appartenance. L’enlèvement par un inconnu est rare.
sex-who-question = Qui sont les trafiquants ?
sex-who-answer = Les trafiquants peuvent être de tout genre et de tout milieu. Ce sont souvent des partenaires amoureux, des membres de la famille, des amis, des personnes qui se présentent comme des bienfaiteurs, ou des employeurs.
sex-risk-question = Qui est à risque ?
sex-risk-answer = Tout le monde peut être ciblé. La pauvreté, l’instabilité du logement, les traumatismes passés et les addictions augmentent le risque, et la discrimination expose davantage les personnes racisées, les personnes immigrées et les personnes LGBTQ+.
sex-stay-question = Pourquoi ne pas simplement partir ?
sex-stay-answer = Les trafiquants manipulent les personnes qu’ils exploitent, souvent par un lent processus d’emprise et de mise en confiance appelé « grooming ». Une victime peut être attachée affectivement à son trafiquant, dépendre de lui pour l’argent ou le logement, ou craindre des violences contre elle-même ou contre sa famille.
sex-exit-question = Comment en sortir ?
sex-exit-answer = Chaque histoire est différente. Les personnes survivantes font preuve de résilience : beaucoup partent à leurs propres conditions, certaines avec l’aide d’autrui. Parler de « sauvetage » donne une image trompeuse de la manière dont les personnes se libèrent réellement.
sex-prevent-question = Comment la prévenir ?
sex-prevent-answer = Poursuivre les trafiquants en justice est important, mais ne suffit pas. Une véritable prévention passe par la réduction du sans-abrisme, des violences familiales, de la pauvreté et des discriminations, et par davantage de services de soutien.

## Traite à des fins d’exploitation par le travail

labor-heading = Traite à des fins d’exploitation par le travail
labor-begin-question = Comment cela commence-t-il ?
labor-begin-answer = Cela commence généralement par une offre d’emploi. Il s’agit de traite lorsque le salaire ou les conditions de travail sont abusifs et que la personne ne peut ni démissionner ni se plaindre, parce qu’elle est menacée ou parce que l’on exploite son besoin d’argent.
labor-who-question = Qui sont les trafiquants ?
labor-who-answer = Des chefs d’entreprise, des responsables et des superviseurs, mais aussi des familles et des partenaires intimes.
labor-risk-question = Qui est à risque ?
labor-risk-answer = Les personnes immigrées sont particulièrement exposées, y compris celles qui vivent légalement dans le pays.
labor-stay-question = Pourquoi ne pas simplement partir ?
labor-stay-answer = Les trafiquants gardent le contrôle par des menaces, par exemple celle d’appeler les services de l’immigration, et par des dettes que la personne ne pourra jamais rembourser.
labor-prevent-question = Comment la prévenir ?
labor-prevent-answer = En faisant respecter le droit du travail, en informant les travailleurs de leurs droits et en obligeant les employeurs à rendre des comptes.

## Points à retenir

remember-heading = Points à retenir
remember-smuggling = La traite n’est pas le trafic de migrants. Le trafic de migrants est un crime contre une frontière ; la traite est un crime contre une personne, et elle peut avoir lieu sans que personne ne quitte son domicile.
remember-force = C’est la force, la fraude ou la coercition qui doit maintenir la personne dans cette situation. Des salaires impayés, à eux seuls, relèvent de l’exploitation ; mais menacer un travailleur de le faire expulser s’il se plaint, c’est de la traite.
remember-minors = Une exception : selon le droit fédéral, tout mineur impliqué dans des actes sexuels tarifés est victime de traite. La « prostitution infantile » n’existe pas : il s’agit d’exploitation sexuelle d’enfants.
remember-adults = Les actes sexuels tarifés entre adultes ne relèvent pas tous de la traite, même si les choix des personnes se situent sur un continuum.
remember-anywhere = La traite peut exister dans tout type d’entreprise, ou au sein d’une famille qui n’a aucune activité commerciale.
remember-vulnerable = Certains groupes sont bien plus vulnérables que d’autres.
remember-recognize = Beaucoup de personnes ne reconnaissent leur situation comme de la traite qu’une fois celle-ci terminée.

## Formation

training-heading = Formation gratuite en ligne
training-body = Une formation gratuite en ligne explique comment reconnaître la traite en { $training-modules } courts modules, pour une durée totale d’environ { $training-minutes } minutes.
training-link = Commencer la formation gratuite
