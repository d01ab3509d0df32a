# Éléments de page communs à tous les documents.

site-skip-link = Aller au contenu principal
site-language = Langue
site-contents = Sur cette page
site-footer = Aide confidentielle, 24 heures sur 24 : appelez le { $hotline-phone } ou envoyez { $sms-keyword } par SMS au { $sms-short-code }.
