# Elementos de la página compartidos por todos los documentos.

site-skip-link = Saltar al contenido principal
site-language = Idioma
site-contents = En esta página
site-footer = Ayuda confidencial, las 24 horas del día: llama al { $hotline-phone } o envía { $sms-keyword } por mensaje de texto al { $sms-short-code }.
