"""More `none` families with the shapes of illegal-goods posts: buyer questions, replies,
recruitment, listings and price lists for lawful things, and reports about crime."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: Families = {
    "legal_reply": [
        "yeah the {legal_item} is still available, {price}, pickup in {city}",
        "sorry, the {legal_item} sold yesterday, I have a second one though",
        "two left, cash or card on collection, message me",
    ],
    "legal_buyer_q": [
        "who sells a decent {legal_item} around {city}? budget {price}",
        "anyone know where to get {legal_item} cheap? need it by friday",
        "looking for a used {legal_item}, paying {price}, dm",
    ],
    "legal_recruit": [
        "hiring delivery drivers in {city}, own car, paid weekly, apply on our website",
        "we're hiring baristas, no experience needed, training provided",
        "need a part-time dog walker, {price}/hour",
    ],
    "legal_listing": [
        "new listing: {legal_item}, lightly used, {price}, ships tracked",
        "price list 📋 haircut {price} | beard {price2} | both {price3}",
        "MENU 📋 espresso {price} | latte {price2} | croissant {price3}",
    ],
    "legal_shop_channel": [
        "Official channel of our bakery 🥐 daily bread, cakes to order, menu pinned",
        "Welcome to the plant shop 🌱 monstera, ficus, cacti, delivery around {city}",
        "Our candle shop restocked 🕯️ lavender and vanilla, DM to order",
    ],
    "legal_pharmacy_shop": [
        "Online pharmacy (licensed): upload your prescription, we deliver {med_ok} in 24h",
        "Flu season: vaccines at the pharmacy without appointment 💉",
        "Sunscreen and {med_ok} 2-for-1 at the pharmacy this week",
    ],
    "darkweb_news": [
        "Police shut down a dark web market that sold {substance} and stolen cards",
        "Investigators traced bitcoin payments to a vendor who shipped {substance} in DVDs",
        "Report: stolen data prices on dark markets fell this year",
    ],
    "cyber_teaching": [
        "In today's lecture we'll build a keylogger in a VM to understand how defenders catch them",
        "Workshop: how phishing kits work and how to spot the fake login pages",
        "Blue team tip: watch for RDP brute force attempts in your logs",
    ],
    "scam_victim": [
        "I got scammed buying a {legal_item} online, paid and the seller vanished",
        "They called pretending to be my bank and I almost gave the code 😰",
        "My grandma fell for a fake lottery win, how do we report it?",
    ],
    "fraud_prevention": [
        "Counterfeit detection pens are cheap, every shop should have one",
        "Training for cashiers: how to spot fake banknotes, Tuesday {hour}:00",
        "Our bank will never ask you to move money to a 'safe account'",
    ],
    "doc_services_legal": [
        "Passport photos while you wait, {price}, biometric standard",
        "Notary and certified translations of diplomas and birth certificates",
        "Driving school: pass your test first time, lessons {price}",
        "Visa appointment help: we fill the forms, you bring original documents",
    ],
    "data_legit": [
        "Our newsletter list is opt-in only, unsubscribe any time",
        "Selling my old hard drive, wiped with 7 passes, {price}",
        "Database admin course: SQL, backups, user accounts",
        "Lead generation agency for B2B, GDPR compliant",
    ],
    "drug_talk_innocent": [
        "Documentary tonight about how {substance} changed the music scene in the 90s",
        "Why is {substance} so addictive? A neuroscientist explains",
        "Toxicology exam tomorrow, still can't remember the effects of {substance}",
    ],
    "weapon_talk_innocent": [
        "Museum has a whole room of Soviet weapons, the AK display is impressive",
        "My grandpa's old hunting rifle is now deactivated and hangs on the wall",
        "Airsoft game Sunday, bring your replica and full face protection",
    ],
    "chat_collision2": [
        "The kids are high on sugar after the party 😂",
        "That exam was a killer, I'm dead 💀",
        "Grinding all night on this project, need coffee",
        "Got blown away by the concert last night 🎸",
        "Dealer at the car show gave us a great price on the van",
        "Pharmacy ran out of {med_ok} again, ugh",
    ],
    "crypto_legit": [
        "Bought a bit of BTC on a regulated exchange, holding long term",
        "Paid with USDT for the freelance design job, invoice attached",
        "Monero privacy is interesting from a technical point of view",
    ],
    "gaming_market": [
        "Selling my CS2 knife skin, {price}, trade via Steam only",
        "WTS level 80 WoW account? No, that's against ToS, don't do it",
        "Trading Pokémon cards, looking for Charizard, have doubles",
    ],
}

INTL: dict[str, Families] = {
    "ru": {
        "legal2": [
            "Продам велосипед, {price}, самовывоз из {city}, пишите в лс",
            "Кто продаёт нормальный ноутбук в {city}? Бюджет {price}",
            "Требуются курьеры в {city}, оплата еженедельно, официальное трудоустройство",
            "Ищу репетитора по английскому, {price} за час",
        ],
        "news4": [
            "Хакеры атаковали сайт больницы в {city}, данные пациентов не пострадали",
            "Банк предупредил о новой схеме мошенничества с кодами из СМС",
            "Полиция закрыла магазин в даркнете, изъяты наркотики и оружие",
        ],
        "chat4": [
            "Кто знает, где купить хороший кофе в {city}?",
            "Вчера был на охоте, взял утку, ружьё по лицензии",
            "Сдал на права с первого раза! 🚗",
        ],
    },
    "es": {
        "legal2": [
            "Vendo bici, {price}, recogida en {city}, escríbeme",
            "¿Quién vende un portátil decente en {city}? Presupuesto {price}",
            "Buscamos repartidores en {city}, contrato y pago semanal",
            "Busco profe de inglés, {price} la hora",
        ],
        "news4": [
            "Hackers atacaron la web de un hospital en {city}, los datos están a salvo",
            "El banco alerta de una nueva estafa con códigos SMS",
            "La policía cerró un mercado de la dark web que vendía drogas y armas",
        ],
        "chat4": [
            "¿Dónde compro buen café en {city}?",
            "Ayer fuimos de caza, escopeta con licencia y todo en regla",
            "¡Aprobé el carnet a la primera! 🚗",
        ],
    },
    "de": {
        "legal2": [
            "Verkaufe Fahrrad, {price}, Abholung in {city}, schreibt mir",
            "Wer verkauft einen guten Laptop in {city}? Budget {price}",
            "Fahrer gesucht in {city}, fester Vertrag, wöchentliche Zahlung",
            "Suche Englischnachhilfe, {price} pro Stunde",
        ],
        "news4": [
            "Hacker greifen Website eines Krankenhauses in {city} an, Patientendaten sicher",
            "Bank warnt vor neuer Betrugsmasche mit SMS-Codes",
            "Polizei schließt Darknet-Marktplatz, Drogen und Waffen beschlagnahmt",
        ],
        "chat4": [
            "Wo gibt es guten Kaffee in {city}?",
            "Gestern auf der Jagd, Gewehr mit Jagdschein, alles legal",
            "Führerschein beim ersten Mal bestanden! 🚗",
        ],
    },
    "fr": {
        "legal2": [
            "Vends vélo, {price}, à récupérer à {city}, écrivez-moi",
            "Qui vend un bon ordinateur portable sur {city} ? budget {price}",
            "On recrute des livreurs à {city}, CDI, payé chaque semaine",
            "Je cherche un prof d'anglais, {price} de l'heure",
        ],
        "news4": [
            "Des hackers ont attaqué le site d'un hôpital de {city}, les données sont protégées",
            "La banque alerte sur une nouvelle arnaque aux codes SMS",
            "La police ferme un marché du dark web qui vendait drogues et armes",
        ],
        "chat4": [
            "Où acheter du bon café à {city} ?",
            "Hier à la chasse, fusil déclaré et permis en règle",
            "Permis obtenu du premier coup ! 🚗",
        ],
    },
    "pt": {
        "legal2": [
            "Vendo bicicleta, {price}, retirada em {city}, chama no privado",
            "Quem vende um notebook bom em {city}? Orçamento {price}",
            "Contratamos entregadores em {city}, carteira assinada, pagamento semanal",
            "Procuro professor de inglês, {price} a hora",
        ],
        "news4": [
            "Hackers atacaram o site de um hospital em {city}, dados dos pacientes seguros",
            "Banco alerta para novo golpe com códigos por SMS",
            "Polícia fecha mercado da dark web que vendia drogas e armas",
        ],
        "chat4": [
            "Onde compro café bom em {city}?",
            "Fui caçar ontem, espingarda registrada e tudo certo",
            "Passei na prova da CNH de primeira! 🚗",
        ],
    },
    "ar": {
        "legal2": [
            "للبيع دراجة، {price}، الاستلام من {city}",
            "مطلوب سائقين توصيل في {city}، عقد رسمي وراتب أسبوعي",
            "أبحث عن مدرس لغة إنجليزية، {price} للساعة",
        ],
        "news4": [
            "قراصنة هاجموا موقع مستشفى في {city}، بيانات المرضى آمنة",
            "البنك يحذر من احتيال جديد برموز الرسائل القصيرة",
            "الشرطة تغلق سوقا على الإنترنت المظلم كان يبيع المخدرات والأسلحة",
        ],
        "chat4": [
            "وين أشتري قهوة طيبة في {city}؟",
            "نجحت في امتحان رخصة القيادة من أول مرة 🚗",
            "مبروك التخرج يا أخي 🎓",
        ],
    },
}
