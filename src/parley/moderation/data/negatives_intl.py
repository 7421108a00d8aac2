"""Template families labelled `none` in Russian, Spanish, German, French, Portuguese and
Arabic: news, pharmacies, everyday words that collide with slang (соль, фен, bala, Gras,
neige), games, scam warnings, document questions and ordinary chat."""

from __future__ import annotations

Families = dict[str, list[str]]

RU: Families = {
    "commerce": [
        "Домашняя выпечка на заказ, {price}, доставка по {city}, пишите в лс 🥐",
        "Репетитор по математике, {price} за час, онлайн или в {city}.",
        "Новое поступление: куртки и {item}, цены в лс, доставка по России 📦",
        "Билеты на концерт в субботу, {price}, пишите в личку.",
    ],
    "news2": [
        "Таможня {city} обнаружила {drug} в партии бананов, сообщает полиция.",
        "В {city} осудили администратора интернет-магазина наркотиков на {num} лет.",
        "МВД: за неделю в {city} изъято {num} единиц незаконного оружия.",
    ],
    "health": [
        "Врач выписал {med} по рецепту, пью по схеме, вроде помогает.",
        "В аптеке {city} опять нет {med}, где ещё можно найти по рецепту?",
        "Мама после операции на {med}, всё под контролем врачей.",
    ],
    "everyday": [
        "Кто в {city} знает хороший сервис по ремонту ноутбуков?",
        "Сегодня идём в кино в {hour}:00, кто с нами? 🎬",
        "Испекла пирог с яблоками, рецепт в комментариях 🍎",
        "Продаю {item} за {price}, самовывоз из {city}, пишите.",
        "На выходных едем на дачу, шашлыки и баня 🔥",
    ],
    "security": [
        "Включите двухфакторную аутентификацию в телеграме, сейчас много взломов.",
        "Наша команда заняла {num} место на CTF, задачи на реверс были жёсткие.",
        "Провели пентест по договору с заказчиком, нашли открытый порт, всё закрыли.",
    ],
    "news": [
        "Полиция {city} изъяла {num} кг наркотиков, задержаны трое подозреваемых.",
        "Суд приговорил продавца {drug} к {num} годам колонии.",
        "В {city} задержали группу, которая продавала поддельные паспорта.",
    ],
    "kitchen": [
        "Добавьте соль и перец по вкусу, тушите 20 минут 🍲",
        "Купила новый фен для волос, сушит за пять минут!",
        "Собирали шишки в лесу с детьми для поделок 🌲",
    ],
    "pharmacy": [
        "Врач выписал трамадол после операции, как долго его можно принимать?",
        "Аптека на углу работает круглосуточно, рецепт приняли без проблем.",
    ],
    "games": [
        "Прокачал АК-47 в Warzone до золотого камуфляжа 🎮",
        "Кто играет в CS2 вечером? Нужен пятый в команду.",
    ],
    "warnings": [
        "Осторожно, мошенники пишут от имени банка и просят код из смс!",
        "Мой аккаунт в телеграме взломали, как восстановить доступ?",
    ],
    "docs": [
        "Сколько стоит замена паспорта в МФЦ? Мой скоро истекает.",
        "Потеряла водительские права, что делать?",
    ],
    "chat": [
        "Всем доброе утро! Кто идёт на пробежку в {hour}?",
        "Продаю {item}, состояние отличное, пишите в лс, самовывоз {city}.",
        "Спасибо всем за поздравления ❤️",
    ],
    "hunting": [
        "Открытие охоты в субботу, карабин пристрелял, лицензия есть.",
        "Ходили в тир с друзьями, отлично пострелял 🎯",
    ],
}

ES: Families = {
    "commerce": [
        "Tartas caseras por encargo, {price}, entrega en {city}, escríbeme 🎂",
        "Clases de matemáticas, {price} la hora, online o en {city}.",
        "Nuevo stock: chaquetas y {item}, precios por privado, envíos a toda España 📦",
        "Entradas para el concierto del sábado, {price}, mándame DM.",
    ],
    "news2": [
        "La Guardia Civil intervino {num} armas en una operación en {city}.",
        "Condenado a {num} años el dueño de una tienda online de {drug}.",
        "Según la policía de {city}, la red vendía {drug} por redes sociales.",
    ],
    "health": [
        "Mi médico me cambió a {med}, a ver si me va mejor.",
        "En la farmacia de {city} no queda {med}, ¿dónde lo habéis encontrado?",
        "Llevo {num} días sin consumir {drug}, gracias por el apoyo ❤️",
    ],
    "everyday": [
        "¿Alguien conoce un buen taller de bicis en {city}?",
        "Hoy cine a las {hour}, ¿quién se apunta? 🎬",
        "Hice tortilla de patatas para la cena 😋",
        "Vendo {item} por {price}, recogida en {city}, mándame DM.",
        "Este finde barbacoa en casa de mis tíos 🔥",
    ],
    "security": [
        "Activad la verificación en dos pasos en whatsapp, hay muchos robos de cuentas.",
        "Nuestro equipo quedó {num}º en el CTF, los retos de web eran durísimos.",
        "Hicimos una auditoría de seguridad autorizada para un cliente, todo parcheado.",
    ],
    "news": [
        "La policía de {city} incautó {num} kilos de {drug} en el puerto.",
        "Detenidos tres hombres por vender armas ilegales por internet.",
        "Desarticulada una red que falsificaba pasaportes en {city}.",
    ],
    "kitchen": [
        "Una coca-cola bien fría y pizza, plan perfecto 🍕",
        "Hoy toca cortar la hierba del jardín 🌿",
        "¡Nieve en la sierra este finde! ❄️ ¿Quién se apunta?",
        "Se rompió el cristal de la ventana con el viento 😩",
    ],
    "pharmacy": [
        "Mi médico me recetó tramadol para el dolor, ¿es normal tener sueño?",
        "La farmacia de guardia está abierta hasta las {hour}.",
    ],
    "games": [
        "Saqué el camuflaje dorado del AK-47 en Warzone 🎮",
        "¿Alguien juega Fortnite esta noche?",
    ],
    "warnings": [
        "Cuidado con los mensajes que prometen duplicar tu bitcoin, es una estafa.",
        "Me hackearon la cuenta de instagram, ¿cómo la recupero?",
    ],
    "docs": [
        "¿Cuánto tarda renovar el pasaporte? El mío caduca el mes que viene.",
        "He perdido el DNI, ¿qué tengo que hacer?",
    ],
    "chat": [
        "¡Buenos días a todos! ¿Quedamos para un café a las {hour}?",
        "Vendo {item}, en buen estado, escríbeme al privado, recogida en {city}.",
        "Gracias por las felicitaciones ❤️",
    ],
    "hunting": [
        "Mañana empieza la temporada de caza, ya tengo la licencia en regla.",
        "Entrenamiento de tiro deportivo en el club, todo con seguridad 🎯",
    ],
}

DE: Families = {
    "commerce": [
        "Selbstgebackene Torten auf Bestellung, {price}, Lieferung in {city}, PN 🎂",
        "Nachhilfe in Mathe, {price} pro Stunde, online oder in {city}.",
        "Neue Ware: Jacken und {item}, Preise per PN, Versand deutschlandweit 📦",
        "Tickets fürs Konzert am Samstag, {price}, schreib mir.",
    ],
    "news2": [
        "Zoll findet {drug} in Bananenkisten im Hafen von {city}, meldet die Polizei.",
        "Betreiber eines Online-Shops für {drug} in {city} zu {num} Jahren verurteilt.",
        "Bei einer Razzia in {city} wurden {num} illegale Waffen sichergestellt.",
    ],
    "health": [
        "Mein Arzt hat mich auf {med} umgestellt, mal sehen, ob es besser wird.",
        "Die Apotheke in {city} hat kein {med} mehr, wo bekommt ihr es?",
        "Heute {num} Tage clean von {drug}, danke für eure Unterstützung ❤️",
    ],
    "everyday": [
        "Kennt jemand eine gute Fahrradwerkstatt in {city}?",
        "Heute Kino um {hour} Uhr, wer kommt mit? 🎬",
        "Apfelkuchen gebacken, Rezept in den Kommentaren 🍎",
        "Verkaufe {item} für {price}, Abholung in {city}, schreib mir.",
        "Am Wochenende grillen im Garten 🔥",
    ],
    "security": [
        "Bitte Zwei-Faktor-Authentifizierung bei WhatsApp aktivieren, es gibt viele Übernahmen.",
        "Unser Team wurde {num}. beim CTF, die Web-Aufgaben waren hart.",
        "Autorisierter Penetrationstest beim Kunden abgeschlossen, Lücken sind gepatcht.",
    ],
    "news": [
        "Die Polizei in {city} hat {num} Kilo {drug} beschlagnahmt.",
        "Drei Männer wegen illegalen Waffenhandels im Internet festgenommen.",
        "Fälscherbande in {city} aufgeflogen: gefälschte Pässe verkauft.",
    ],
    "kitchen": [
        "Heute endlich den Rasen gemäht, das Gras war knöchelhoch 🌿",
        "Schnee am Wochenende! ❄️ Wer kommt mit zum Rodeln?",
        "Pilze sammeln im Wald war super, heute gibt's Risotto 🍄",
        "Die Ersatzteile für mein Fahrrad sind endlich da.",
    ],
    "pharmacy": [
        "Mein Arzt hat mir Tilidin nach der OP verschrieben, ist Müdigkeit normal?",
        "Die Apotheke am Markt hat jetzt bis {hour} Uhr auf.",
    ],
    "games": [
        "Endlich die goldene Tarnung für die AK-47 in Warzone freigeschaltet 🎮",
        "Wer zockt heute Abend CS2?",
    ],
    "warnings": [
        "Achtung, Betrug: Jemand verspricht hier, euer Bitcoin zu verdoppeln. Melden!",
        "Mein Instagram wurde gehackt, wie bekomme ich es zurück?",
    ],
    "docs": [
        "Wie lange dauert es, einen neuen Reisepass zu bekommen?",
        "Führerschein verloren, was muss ich jetzt tun?",
    ],
    "chat": [
        "Guten Morgen zusammen! Kaffee um {hour}?",
        "Verkaufe {item}, guter Zustand, schreib mir privat, Abholung in {city}.",
        "Danke für die Glückwünsche ❤️",
    ],
    "hunting": [
        "Jagdsaison beginnt, Gewehr ist eingeschossen, Jagdschein liegt vor.",
        "Training im Schützenverein war super, neue Bestleistung 🎯",
    ],
}

FR: Families = {
    "commerce": [
        "Gâteaux maison sur commande, {price}, livraison sur {city}, écris-moi 🎂",
        "Cours de maths, {price} de l'heure, en ligne ou à {city}.",
        "Nouvel arrivage: vestes et {item}, prix en MP, envoi partout en France 📦",
        "Places pour le concert de samedi, {price}, MP.",
    ],
    "news2": [
        "Les douanes de {city} ont trouvé de la {drug} dans des cartons de bananes.",
        "Le gérant d'une boutique en ligne de {drug} condamné à {num} ans à {city}.",
        "Perquisition à {city}: {num} armes illégales saisies, selon la police.",
    ],
    "health": [
        "Mon médecin m'a passé sous {med}, on verra si ça va mieux.",
        "Plus de {med} dans les pharmacies de {city}, vous le trouvez où?",
        "{num} jours sans {drug} aujourd'hui, merci pour votre soutien ❤️",
    ],
    "everyday": [
        "Quelqu'un connaît un bon réparateur de vélos sur {city}?",
        "Ciné ce soir à {hour}h, qui vient? 🎬",
        "J'ai fait une tarte aux pommes, recette en commentaire 🍎",
        "Je vends {item} pour {price}, à récupérer sur {city}, MP.",
        "Barbecue ce week-end chez mes parents 🔥",
    ],
    "security": [
        "Activez la double authentification sur whatsapp, il y a plein de piratages.",
        "Notre équipe a fini {num}e au CTF, les épreuves web étaient dures.",
        "Test d'intrusion autorisé chez un client terminé, tout est corrigé.",
    ],
    "news": [
        "La police de {city} a saisi {num} kilos de {drug} au port.",
        "Trois hommes arrêtés pour trafic d'armes sur internet.",
        "Un réseau de faux papiers démantelé à {city}.",
    ],
    "kitchen": [
        "Un coca bien frais et une pizza, soirée parfaite 🍕",
        "De la neige ce week-end ❄️ qui vient faire de la luge?",
        "Omelette aux champignons ce soir, trop bon 🍄",
        "J'ai enfin tondu la pelouse, l'herbe était trop haute 🌿",
    ],
    "pharmacy": [
        "Mon médecin m'a prescrit du tramadol, c'est normal d'être fatigué?",
        "La pharmacie de garde est ouverte jusqu'à {hour}h.",
    ],
    "games": [
        "J'ai débloqué le camo doré de l'AK-47 sur Warzone 🎮",
        "Quelqu'un pour une partie de Valorant ce soir?",
    ],
    "warnings": [
        "Attention arnaque: quelqu'un propose de doubler vos bitcoins, signalez-le.",
        "Mon compte instagram a été piraté, comment le récupérer?",
    ],
    "docs": [
        "Combien de temps pour renouveler un passeport? Le mien expire bientôt.",
        "J'ai perdu mon permis de conduire, que faire?",
    ],
    "chat": [
        "Bonjour à tous! Un café à {hour}h?",
        "Je vends {item}, bon état, écris-moi en privé, à récupérer sur {city}.",
        "Merci pour vos messages ❤️",
    ],
    "hunting": [
        "L'ouverture de la chasse c'est samedi, permis validé.",
        "Entraînement au club de tir sportif, nouveau record 🎯",
    ],
}

PT: Families = {
    "commerce": [
        "Bolos caseiros por encomenda, {price}, entrega em {city}, chama no privado 🎂",
        "Aulas de matemática, {price} a hora, online ou em {city}.",
        "Chegou coleção nova: jaquetas e {item}, preço no direct, enviamos pra todo Brasil 📦",
        "Ingressos para o show de sábado, {price}, chama no PV.",
    ],
    "news2": [
        "A Receita encontrou {drug} escondida em caixas de banana no porto de {city}.",
        "Dono de loja online de {drug} é condenado a {num} anos em {city}.",
        "Operação em {city} apreende {num} armas ilegais, diz a polícia.",
    ],
    "health": [
        "Meu médico trocou meu remédio para {med}, vamos ver se melhora.",
        "Não tem {med} nas farmácias de {city}, onde vocês acharam?",
        "{num} dias sem usar {drug} hoje, obrigado pelo apoio ❤️",
    ],
    "everyday": [
        "Alguém conhece uma boa oficina de bike em {city}?",
        "Cinema hoje às {hour}, quem vem? 🎬",
        "Fiz bolo de cenoura com cobertura de chocolate 😋",
        "Vendo {item} por {price}, retirada em {city}, chama no privado.",
        "Churrasco no fim de semana na casa da minha tia 🔥",
    ],
    "security": [
        "Ativem a verificação em duas etapas no WhatsApp, tem muito golpe.",
        "Nosso time ficou em {num}º lugar no CTF, os desafios de web eram difíceis.",
        "Fizemos um pentest autorizado para um cliente, tudo corrigido.",
    ],
    "news": [
        "A polícia de {city} apreendeu {num} quilos de {drug} no porto.",
        "Três homens presos por vender armas ilegais pela internet.",
        "Quadrilha que falsificava documentos é presa em {city}.",
    ],
    "kitchen": [
        "Comprei bala de coco pra festa das crianças 🍬",
        "Um cafezinho passado na hora, pó de café fresquinho ☕",
        "Chimarrão com erva-mate nova, que delícia 🧉",
        "O cristal da janela quebrou com a ventania 😩",
    ],
    "pharmacy": [
        "O médico me receitou tramadol, é normal dar sono?",
        "A farmácia de plantão fica aberta até as {hour}h.",
    ],
    "games": [
        "Peguei a camuflagem dourada da AK-47 no Warzone 🎮",
        "Alguém joga Free Fire hoje à noite?",
    ],
    "warnings": [
        "Cuidado com o golpe do pix! Não passem código para ninguém.",
        "Hackearam meu instagram, como recupero a conta?",
    ],
    "docs": ["Quanto tempo demora pra renovar o passaporte?", "Perdi minha CNH, o que eu faço?"],
    "chat": [
        "Bom dia, pessoal! Café às {hour}?",
        "Vendo {item}, bom estado, chama no privado, retirada em {city}.",
        "Obrigada pelas mensagens ❤️",
    ],
    "hunting": [
        "Treino no clube de tiro esportivo hoje, tudo legalizado 🎯",
        "Fui à caça com meu pai, licença em dia.",
    ],
}

AR: Families = {
    "commerce": [
        "كيك بيتي حسب الطلب، {price}، توصيل في {city}، راسلوني 🎂",
        "دروس خصوصية رياضيات، {price} للساعة، أونلاين أو في {city}.",
        "وصلت تشكيلة جديدة من الجاكيتات و{item}، الأسعار بالخاص 📦",
        "تذاكر حفلة السبت، {price}، تواصل خاص.",
    ],
    "news2": [
        "الجمارك في {city} تضبط شحنة {drug} مخبأة في صناديق موز.",
        "الحكم على صاحب متجر إلكتروني لبيع {drug} بالسجن {num} سنوات.",
        "الشرطة في {city} تضبط {num} قطعة سلاح غير مرخصة.",
    ],
    "health": [
        "الدكتور غير لي الدواء إلى {med}، إن شاء الله يكون أحسن.",
        "ما في {med} بالصيدليات في {city}، وين لقيتوه؟",
        "{num} يوم بدون {drug} اليوم، شكراً على دعمكم ❤️",
    ],
    "everyday": [
        "حد يعرف محل تصليح دراجات منيح في {city}؟",
        "سينما اليوم الساعة {hour}، مين جاي؟ 🎬",
        "عملت كبسة للعشاء، الوصفة بالتعليقات 😋",
        "للبيع {item} بسعر {price}، الاستلام في {city}، راسلوني.",
        "شواء نهاية الأسبوع عند بيت جدي 🔥",
    ],
    "security": [
        "فعلوا التحقق بخطوتين في واتساب، في كثير سرقة حسابات.",
        "فريقنا حصل على المركز {num} في مسابقة CTF، التحديات كانت صعبة.",
        "عملنا اختبار اختراق مصرح به لشركة، وتم إصلاح الثغرات.",
    ],
    "news": [
        "ضبطت الشرطة في {city} كمية كبيرة من {drug} وألقت القبض على ثلاثة أشخاص.",
        "القبض على عصابة تزوير جوازات سفر في {city}.",
        "المحكمة تحكم بالسجن على تاجر أسلحة غير مرخصة.",
    ],
    "kitchen": [
        "حبوب القمح والشوفان مفيدة للفطور 🥣",
        "عملت كيكة بالشوكولاتة اليوم، طعمها رهيب 🎂",
        "الجو بارد جداً اليوم، يمكن ينزل ثلج ❄️",
    ],
    "pharmacy": [
        "الدكتور وصف لي ترامادول بعد العملية، هل النعاس طبيعي؟",
        "الصيدلية المناوبة مفتوحة حتى الساعة {hour}.",
    ],
    "games": ["حصلت على سكن ذهبي للكلاشنكوف في ببجي 🎮", "مين يلعب فورتنايت الليلة؟"],
    "warnings": [
        "انتبهوا من رسائل تعدكم بمضاعفة البيتكوين، هذا نصب.",
        "حسابي في انستغرام انسرق، كيف استرجعه؟",
    ],
    "docs": [
        "كم يستغرق تجديد جواز السفر؟ جوازي ينتهي الشهر القادم.",
        "ضاعت رخصة القيادة، شو لازم أعمل؟",
    ],
    "chat": [
        "صباح الخير يا جماعة! مين جاي على القهوة الساعة {hour}؟",
        "للبيع {item} بحالة ممتازة، راسلوني خاص، الاستلام في {city}.",
        "شكراً على التهاني ❤️",
    ],
}

ALL: dict[str, Families] = {
    "ru": RU, "es": ES, "de": DE, "fr": FR, "pt": PT, "ar": AR,
}  # fmt: skip
