# Página de concienciación: comprender la trata de personas.
#
# Las variables provienen de los datos del documento y nunca deben escribirse a mano:
#   $hotline-phone   el número de la línea de ayuda nacional
#   $sms-short-code  el código corto de SMS
#   $sms-keyword     la palabra clave a la que responde el servicio de SMS
#   $training-modules, $training-minutes  cifras que describen el curso

page-title = Comprender la trata de personas
page-summary = Qué es la trata de personas, cómo empieza, a quién afecta y dónde encontrar ayuda confidencial a cualquier hora.

## Obtener ayuda

help-heading = Pide ayuda ahora
help-intro = Si crees que tú o alguien que conoces podría estar en una situación de trata, una persona de apoyo capacitada puede hablar contigo a cualquier hora. No necesitas tener certeza para comunicarte.
help-call = Llama al { $hotline-phone }
    .note = Llamada gratuita, las 24 horas del día, los 7 días de la semana.
help-text = Envía { $sms-keyword } por mensaje de texto al { $sms-short-code }
    .note = Pueden aplicarse tarifas de mensajes y datos. Responde HELP para obtener ayuda o STOP para cancelar.
help-chat = Chatea en vivo con una persona de apoyo
    .note = Escribe a una persona real en un chat privado en línea.

## Salir de la página

quick-exit = Salida rápida
    .hint = Sal de esta página de inmediato. También puedes presionar la tecla Esc.

## Qué es la trata

definition-heading = ¿Qué es la trata de personas?
definition-body = Según la ley federal de EE. UU., la trata de personas consiste en usar la fuerza, el fraude o la coacción para obligar a alguien a realizar actos sexuales comerciales, trabajos o servicios en contra de su voluntad.
definition-model = Un modelo de tres partes ayuda a reconocerla. Hay trata cuando se cumple al menos un elemento de cada una de las tres partes:
definition-action = Acción: reclutar, acoger, trasladar, proporcionar u obtener a una persona.
definition-means = Medios: fuerza, fraude o coacción.
definition-purpose = Finalidad: sexo comercial, o trabajos y servicios.

## Trata con fines sexuales

sex-heading = Trata con fines sexuales
sex-begin-question = ¿Cómo empieza?
sex-begin-answer = La mayoría de las víctimas conocen a su tratante, y muchas confían en esa persona o la aman. Los tratantes se aprovechan de lo que la persona necesita: un lugar donde vivir, dinero, afecto o sentirse parte de algo. El secuestro por parte de un desconocido es poco común.
sex-who-question = ¿Quiénes son los tratantes?
sex-who-answer = Los tratantes pueden ser de cualquier género y de cualquier origen. A menudo son parejas sentimentales, familiares, amistades, personas que se presentan como benefactoras o empleadores.
sex-risk-question = ¿Quién corre riesgo?
sex-risk-answer = Cualquier persona puede convertirse en blanco. La pobreza, la vivienda inestable, los traumas del pasado y las adicciones aumentan el riesgo, y la discriminación deja más expuestas a las personas de color, a las personas inmigrantes y a las personas LGBTQ+.
sex-stay-question = ¿Por qué no se van sin más?
sex-stay-answer = Los tratantes manipulan a las personas que explotan, a menudo mediante un proceso lento de seducción y manipulación conocido como grooming. Una víctima puede tener un vínculo emocional con el tratante, depender de esa persona para tener dinero o un techo, o temer actos de violencia contra sí misma o contra su familia.
sex-exit-question = ¿Cómo logran salir?
sex-exit-answer = Cada historia es distinta. Las personas sobrevivientes son resilientes: muchas salen por decisión propia, algunas con ayuda de otras personas. Hablar de “rescate” da una imagen engañosa de cómo las personas se liberan en realidad.
sex-prevent-question = ¿Cómo se puede prevenir?
sex-prevent-answer = Procesar a los tratantes es importante, pero no basta. La verdadera prevención consiste en reducir la falta de vivienda, la violencia familiar, la pobreza y la discriminación, y en ofrecer más servicios de apoyo.

## Trata con fines de explotación laboral

labor-heading = Trata con fines de explotación laboral
labor-begin-question = ¿Cómo empieza?
labor-begin-answer = Por lo general, empieza con una oferta de trabajo. Se convierte en trata cuando el salario o las condiciones de trabajo son abusivos y la persona trabajadora no puede renunciar ni quejarse, porque la amenazan o porque se aprovechan de su necesidad de dinero.
labor-who-question = ¿Quiénes son los tratantes?
labor-who-answer = Dueños de negocios, gerentes y supervisores, pero también familias y parejas sentimentales.
labor-risk-question = ¿Quién corre riesgo?
labor-risk-answer = Las personas inmigrantes corren un riesgo especial, incluidas las que viven en el país de forma legal.
labor-stay-question = ¿Por qué no se van sin más?
labor-stay-answer = Los tratantes mantienen el control con amenazas, como la de llamar a las autoridades de inmigración, y con deudas que la persona trabajadora nunca podrá saldar.
labor-prevent-question = ¿Cómo se puede prevenir?
labor-prevent-answer = Haciendo cumplir las protecciones laborales, informando a las personas trabajadoras sobre sus derechos y haciendo que los empleadores rindan cuentas.

## Puntos clave

remember-heading = Puntos clave
remember-smuggling = La trata no es lo mismo que el tráfico ilícito de migrantes. El tráfico de migrantes es un delito contra una frontera; la trata es un delito contra una persona, y puede ocurrir sin que nadie salga de su casa.
remember-force = Lo que mantiene a la persona en esa situación debe ser la fuerza, el fraude o la coacción. Que no se paguen los salarios es, por sí solo, explotación; amenazar con hacer deportar a un trabajador si se queja lo convierte en trata.
remember-minors = Hay una excepción: según la ley federal, toda persona menor de edad involucrada en actos sexuales comerciales es víctima de trata. No existe la “prostitución infantil”: es explotación sexual.
remember-adults = No todo el sexo comercial entre adultos es trata, aunque las decisiones de las personas se sitúan en un espectro.
remember-anywhere = La trata puede ocurrir en cualquier tipo de negocio, o dentro de una familia que no tiene ningún negocio.
remember-vulnerable = Algunos grupos son mucho más vulnerables que otros.
remember-recognize = Muchas personas no reconocen su situación como trata hasta después de que ha terminado.

## Capacitación

training-heading = Capacitación gratuita en línea
training-body = Un curso gratuito en línea explica cómo reconocer la trata en { $training-modules } módulos breves, de unos { $training-minutes } minutos en total.
training-link = Comenzar la capacitación gratuita
