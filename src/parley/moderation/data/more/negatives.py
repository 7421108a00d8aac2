# ruff: noqa: E501  (data: one post or template per line reads better than wrapped)
"""New `none` families: posts that share words, slang or shape with illegal-goods ads but
are innocent: news, harm reduction, recovery, prescriptions, lawful sales (knives, hunting
rifles through a licensed dealer, VPNs, software), security research and teaching, scam
warnings, fiction and games, politics, document help, word collisions in everyday talk."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: Families = {
    "court_news": [
        "Court sentences {city} man to {num} years for selling {substance} through a Telegram channel",
        "Jury convicts two brothers of running a {substance} ring out of a car wash in {city}",
        "Appeals court upholds sentence for dark web vendor who shipped {substance} worldwide",
    ],
    "seizure_news": [
        "Border agents found {num} kg of {substance} hidden in a shipment of bananas, officials said",
        "Police raid in {city} uncovers {substance} lab, three arrested",
        "Customs seize {num} illegal pistols and ammunition at the port of {city}",
    ],
    "cyber_news": [
        "Europol takes down {threat} infrastructure used against hospitals",
        "Researchers say {threat} hit {num} companies in {city} last month",
        "The company confirmed {threat} exposed customer emails; passwords were not affected",
    ],
    "fraud_news": [
        "Police warn of counterfeit 50 euro notes circulating in {city} shops",
        "Man jailed for running a Ponzi scheme that promised 300% returns",
        "Bank says SIM swap fraud cases doubled this year, customers urged to use app-based 2FA",
    ],
    "harm_reduction2": [
        "If you're going to use {substance}, start low, go slow and don't mix with alcohol",
        "Free drug checking at the festival tent, no police, no judgement, get your stuff tested",
        "Carry naloxone. It reverses opioid overdoses and pharmacies give it out free",
        "Fentanyl test strips are legal here now, ask at the needle exchange",
    ],
    "recovery2": [
        "{num} days clean from {substance} today, thank you all for the support ❤️",
        "NA meeting tonight at {hour}pm in the church hall, everyone welcome",
        "My brother is struggling with {substance}, how do I help without enabling him?",
    ],
    "policy2": [
        "Decriminalising {substance} possession in Portugal cut overdose deaths, the study says",
        "Should {city} open supervised injection sites? Council votes on {weekday}",
        "Cannabis is legal in Germany now, but buying from dealers still isn't",
    ],
    "pharmacy2": [
        "Pharmacist here: never take {med_ok} with alcohol, and finish the course your doctor gave you",
        "My prescription for {med_ok} ran out, the GP renewed it online, easy",
        "Is it safe to take {med_ok} and ibuprofen together? Asking for my mum",
        "Pharmacy on the corner has {med_ok} back in stock, bring your prescription",
    ],
    "medical": [
        "After my surgery they gave me {med_ok} for the pain, weaned off after a week",
        "ADHD diagnosis at 30, starting {med_ok} on Monday, nervous but hopeful",
        "Hospital switched dad to {med_ok}, doctors say the dose is fine",
    ],
    "knife_shop": [
        "Handmade kitchen knives, Damascus steel, {price}, shipping in {city}",
        "Selling my old {legal_item}, barely used, {price}, pickup only",
        "Whittling knives and carving kits back in stock 🪵",
    ],
    "licensed_guns": [
        "Licensed dealer: {gun_ok} in stock, valid firearms licence and ID required at pickup",
        "Hunting club selling used {gun_ok}, transfer through the dealer with licence check",
        "Range day Saturday, bring your permit, ear pro and eye pro",
        "Background check passed, picked up my first {gun_ok} for duck season",
    ],
    "games_weapons": [
        "Best loadout for the {gun_ok} in Warzone season {num}?",
        "Finally unlocked the {gun_ok} skin in CS2, it cost me {num} cases 😭",
        "In Tarkov I sold my {gun_ok} to the trader for roubles lol",
        "GTA heist went wrong, we lost all the weapons and the cash 😂",
    ],
    "fiction": [
        "In chapter {num} the cartel boss hides the cocaine in the piano",
        "Breaking Bad rewatch: Walter cooking meth in the RV is still the best episode",
        "My novel's villain sells fake passports out of a bakery, too cliché?",
        "Watching Narcos tonight, Pablo's empire was insane",
    ],
    "security_research": [
        "Wrote up how the {threat} we analysed talks to its C2 server, IOCs at the end",
        "Our red team got domain admin in 3 hours, report sent to the client under NDA",
        "CVE patched: update your {tech} firmware now, exploit is public",
        "Bug bounty paid out {price} for an IDOR, disclosed responsibly 🎉",
        "Teaching a malware analysis course, we reverse a ransomware sample in a sandbox",
    ],
    "security_help": [
        "Got an email saying my account was hacked and they want bitcoin, it's a scam right?",
        "How do I know if my {tech} has malware? Battery drains fast",
        "Someone logged into my Netflix from another country, changed the password and enabled 2FA",
        "Is it safe to use public Wi-Fi with a VPN?",
    ],
    "legal_software": [
        "Selling {legal_item}, genuine key from the official store, {price}",
        "Our VPN has a 30-day money-back guarantee, no logs, audited",
        "Password manager family plan, split the cost? {price} a year each",
        "Black Friday: antivirus and VPN bundle {price} 🔒",
    ],
    "scam_warning2": [
        "⚠️ SCAM: fake 'bank security team' calls asking you to move money to a safe account",
        "Warning: someone is selling fake concert tickets in this group, don't pay by friends & family",
        "PSA: nobody doubles your crypto. Giveaways using Elon's face are scams",
        "If a 'recruiter' asks you to receive money and forward it, that's money muling, report it",
        "Got a text about an unpaid parcel fee? It's phishing, don't click the link",
    ],
    "doc_help2": [
        "How long does a {docs_ok} renewal take at the consulate in {city}?",
        "Lost my {docs_ok} abroad, the embassy gave me an emergency travel document",
        "Photo booth near the town hall does biometric {docs_ok} photos for {price}",
        "Certified translation of my {docs_ok} for the visa, any recommendations?",
    ],
    "doc_news2": [
        "Police dismantled a fake {docs_ok} workshop in {city}, hundreds of blanks seized",
        "New {docs_ok} design has a polycarbonate page to stop forgeries",
        "Diploma mill exposed: thousands bought fake degrees online, says report",
    ],
    "data_privacy": [
        "Have I Been Pwned says my email was in a breach, changed my passwords",
        "GDPR request: I asked the company for all my data and got 80 pages",
        "Our company needs a data protection officer, apply via the careers page",
        "Data analyst job: SQL, Python, customer databases, {price}/year",
    ],
    "finance_legit": [
        "Our bank raised savings rates to 3%, worth switching?",
        "Index funds beat most traders over 10 years, boring but works",
        "Paid my rent with a bank transfer and kept the receipt, landlord confirmed",
        "Tax refund finally arrived after 6 weeks 🙌",
    ],
    "word_collision": [
        "This cake is the bomb 💣 recipe in comments",
        "My phone screen cracked again, who fixes it cheaply in {city}?",
        "Snow ❄️ all weekend, the kids built a snowman",
        "Hash browns and coffee, best breakfast ☕",
        "Pulled weeds in the garden for 3 hours 🌿 my back hurts",
        "That new song is fire 🔥 on repeat",
        "Need some ice for the party, who's bringing the cooler?",
        "Got the COVID shot and the flu jab on the same day 💉",
        "Speed test says 900 Mbps, new fibre is crazy fast",
        "Crystal glasses for the wedding gift list 💎",
    ],
    "slang_collision": [
        "Bro that outfit is gas 🔥",
        "This beat is loud af, turn it up",
        "We're gonna blow up this weekend at the gig 🎸",
        "The zaza emoji in the group chat is just for the memes 😂",
        "She killed it on stage last night 💀",
        "That deal is a steal, 50% off sneakers 👟",
    ],
    "market_legal": [
        "Selling my {legal_item} for {price}, pickup in {city}, DM me",
        "Moving sale: {legal_item}, bookshelf and lamps, everything must go",
        "Homemade jam and honey, {price} a jar, delivery around {city} 🍯",
        "Selling two {legal_item}s, pay on collection, cash or card",
    ],
    "cbd_legal": [
        "Licensed CBD shop: oils and balms, lab reports online, over 18 only",
        "Our hemp tea is legal and THC-free, ships across the EU",
        "Dispensary in Amsterdam: bring ID, consume on premises only",
    ],
    "politics": [
        "The war on drugs filled prisons and did nothing for addiction",
        "Gun control debate tonight on TV: background checks for all sales?",
        "Border policy should go after traffickers, not asylum seekers",
        "Vote yes on the measure to fund addiction treatment",
    ],
    "parenting": [
        "Found vape cartridges in my teen's bag, how do I talk to him about it?",
        "School is hosting a talk about online scams and sextortion for parents",
        "Teach your kids: never share passwords, not even with friends",
    ],
    "pets_animals": [
        "My {pet} ate a weed from the garden, vet says it's harmless",
        "Our {pet} knocked the cocoa powder everywhere 😂",
        "Adopting a {pet} this weekend, any tips?",
    ],
    "jobs": [
        "Hiring: penetration tester with OSCP, full time, {city}",
        "Pharmacy technician wanted, evening shifts",
        "Security guard job, licence required, nights",
        "Courier jobs in {city}, own bike, paid weekly",
    ],
    "history": [
        "The AK-47 was designed in 1947 and became the world's most produced rifle",
        "Prohibition in the 1920s gave rise to organised crime in Chicago",
        "Enigma machines and codebreaking at Bletchley Park, fascinating museum",
    ],
    "group_admin": [
        "Reminder: selling drugs, weapons or fake documents here gets you banned",
        "Mods removed a spam post offering 'fullz'. Report those, don't reply",
        "Group rules: no scams, no hacking services, no adult content",
    ],
    "ctf_learning": [
        "Solved my first buffer overflow on HackTheBox 🎉",
        "Which is better for learning pentesting, TryHackMe or HTB?",
        "Studying for Security+, any good notes on phishing and social engineering?",
    ],
    "casual_questions": [
        "Where can I buy a good {legal_item} in {city}?",
        "Anyone know a cheap place to fix a {tech}?",
        "Who's got a spare charger at the office? 🔌",
    ],
}

INTL: dict[str, Families] = {
    "ru": {
        "news3": [
            "В {city} задержали закладчика с {num} свёртками {drugx}, возбуждено дело",
            "Суд в {city} вынес приговор хакерам, взломавшим банк",
            "Полиция предупреждает: в магазинах {city} появились фальшивые купюры",
        ],
        "harm": [
            "Если употребляешь, не смешивай с алкоголем и не будь один, береги себя",
            "Реабилитационный центр в {city}, анонимно и бесплатно, звоните",
            "Уже {num} дней трезвости, спасибо группе поддержки ❤️",
        ],
        "pharmacy3": [
            "Врач назначил {med_ok}, принимаю по рецепту, вопросы по дозировке",
            "В аптеке есть {med_ok}, только по рецепту",
        ],
        "legal_sale": [
            "Продаю охотничье ружьё через магазин, с переоформлением лицензии",
            "Продаю кухонные ножи ручной работы, {price}",
            "Продам роутер и ноутбук, {price}, самовывоз {city}",
        ],
        "warn3": [
            "Внимание! Мошенники продают поддельные билеты, не переводите предоплату",
            "Никогда не сообщайте код из СМС, даже если звонят «из банка»",
            "Взломали страницу ВК, как вернуть? Писал в поддержку",
        ],
        "docs3": [
            "Как продлить загранпаспорт через госуслуги? Сколько ждать?",
            "Потерял водительские права, что делать, куда идти?",
        ],
        "chat3": [
            "Снег выпал, дети катаются на санках ❄️",
            "Шишки для поделок собрали в парке 🌲",
            "Соль закончилась, кто идёт в магазин?",
            "Фен сломался, посоветуйте новый",
        ],
        "games3": [
            "Купил скин на калаш в CS2, красота 🎮",
            "В Escape from Tarkov продал ствол торговцу",
        ],
        "it3": [
            "Прошли курс по кибербезопасности, разбирали фишинг",
            "Нашёл уязвимость, сообщил по программе bug bounty",
        ],
    },
    "es": {
        "news3": [
            "La policía de {city} detuvo a una banda que vendía {drugx} por Telegram",
            "Condenan a hackers que robaron datos de clientes de un banco",
            "Alerta por billetes falsos de 50 euros en comercios de {city}",
        ],
        "harm": [
            "Si vas a consumir, no mezcles y no estés solo, cuídate",
            "Centro de ayuda para adicciones en {city}, gratuito y anónimo",
            "Hoy cumplo {num} días limpio, gracias por el apoyo ❤️",
        ],
        "pharmacy3": [
            "El médico me recetó {med_ok}, ¿se puede tomar con café?",
            "En la farmacia ya hay {med_ok}, con receta",
        ],
        "legal_sale": [
            "Vendo escopeta de caza con licencia, transferencia en armería",
            "Cuchillos de cocina artesanales, {price}",
            "Vendo portátil y router, {price}, recogida en {city}",
        ],
        "warn3": [
            "Cuidado: estafadores piden el código SMS haciéndose pasar por el banco",
            "Ojo con las entradas falsas que venden en este grupo",
            "Me hackearon el Instagram, ¿cómo lo recupero?",
        ],
        "docs3": [
            "¿Cuánto tarda renovar el pasaporte en {city}?",
            "Perdí el DNI, ¿qué hago para sacar uno nuevo?",
        ],
        "chat3": [
            "Nieve en la sierra este finde ❄️ ¿quién viene?",
            "Qué rico el chocolate caliente con churros",
            "La maría de mi abuela hace la mejor paella",
            "Compré hierba para el jardín 🌿",
        ],
        "games3": ["Conseguí la AK dorada en Warzone 🎮", "En GTA perdimos todas las armas jaja"],
        "it3": [
            "Curso de ciberseguridad: hoy analizamos phishing",
            "Reporté una vulnerabilidad en un programa de bug bounty",
        ],
    },
    "de": {
        "news3": [
            "Polizei {city} hebt Drogenring aus, {drugx} sichergestellt",
            "Gericht verurteilt Hacker wegen Ransomware-Angriffen auf Kliniken",
            "Falschgeld im Umlauf: Polizei warnt Händler in {city}",
        ],
        "harm": [
            "Wenn du konsumierst: nicht mischen, nicht allein, Drug-Checking nutzen",
            "Suchtberatung in {city}, anonym und kostenlos",
            "{num} Tage clean heute, danke an alle ❤️",
        ],
        "pharmacy3": [
            "Arzt hat mir {med_ok} verschrieben, darf ich dazu Alkohol trinken?",
            "Apotheke hat {med_ok} wieder da, nur mit Rezept",
        ],
        "legal_sale": [
            "Verkaufe Jagdgewehr, nur an WBK-Inhaber, Übergabe beim Büchsenmacher",
            "Handgemachte Küchenmesser, {price}",
            "Verkaufe Laptop und Router, {price}, Abholung in {city}",
        ],
        "warn3": [
            "Achtung Betrug: falsche Bankmitarbeiter fragen nach TAN",
            "Vorsicht vor Fake-Tickets in dieser Gruppe",
            "Mein Instagram wurde gehackt, wie bekomme ich es zurück?",
        ],
        "docs3": [
            "Wie lange dauert ein neuer Reisepass in {city}?",
            "Führerschein verloren, was muss ich tun?",
        ],
        "chat3": [
            "Schnee im Harz, wer fährt mit? ❄️",
            "Gras mähen am Samstag, dann grillen 🌿",
            "Die Pilze aus dem Wald waren lecker, Risotto 🍄",
            "Speed-Dating heute Abend in {city} 😅",
        ],
        "games3": [
            "Goldene AK in Warzone freigeschaltet 🎮",
            "In GTA haben wir alle Waffen verloren 😂",
        ],
        "it3": [
            "Pentest-Schulung: heute Phishing-Kampagnen erkennen",
            "Schwachstelle über Bug-Bounty gemeldet",
        ],
    },
    "fr": {
        "news3": [
            "La police de {city} démantèle un réseau de {drugx}, trois interpellations",
            "Des hackers condamnés pour une attaque par rançongiciel contre un hôpital",
            "Faux billets : la police alerte les commerçants de {city}",
        ],
        "harm": [
            "Si tu consommes, ne mélange pas et ne sois pas seul, fais tester tes produits",
            "CSAPA de {city} : aide gratuite et anonyme",
            "{num} jours sans consommer aujourd'hui, merci à tous ❤️",
        ],
        "pharmacy3": [
            "Mon médecin m'a prescrit {med_ok}, je peux boire un verre ?",
            "La pharmacie a de nouveau {med_ok}, sur ordonnance",
        ],
        "legal_sale": [
            "Vends fusil de chasse, permis de chasser exigé, passage chez l'armurier",
            "Couteaux de cuisine artisanaux, {price}",
            "Vends ordinateur portable et box, {price}, à retirer à {city}",
        ],
        "warn3": [
            "Attention arnaque : un faux conseiller bancaire demande vos codes",
            "Méfiez-vous des faux billets de concert vendus ici",
            "On m'a piraté mon Instagram, comment le récupérer ?",
        ],
        "docs3": [
            "Combien de temps pour refaire un passeport à {city} ?",
            "J'ai perdu mon permis de conduire, quelles démarches ?",
        ],
        "chat3": [
            "Neige en montagne ce week-end ❄️ qui vient ?",
            "J'ai tondu l'herbe, maintenant barbecue 🌿",
            "Les champignons de la forêt étaient délicieux 🍄",
            "Coca bien fraîche et pizza ce soir 🍕",
        ],
        "games3": [
            "J'ai débloqué la kalash dorée sur Warzone 🎮",
            "Sur GTA on a perdu toutes les armes mdr",
        ],
        "it3": [
            "Formation cybersécurité : aujourd'hui on étudie le phishing",
            "J'ai signalé une faille via un programme de bug bounty",
        ],
    },
    "pt": {
        "news3": [
            "Polícia de {city} prende grupo que vendia {drugx} pelo Telegram",
            "Hackers condenados por roubar dados de clientes de banco",
            "Alerta: notas falsas circulando no comércio de {city}",
        ],
        "harm": [
            "Se for usar, não misture e não fique sozinho, se cuida",
            "CAPS AD em {city}, atendimento gratuito",
            "Hoje faz {num} dias limpo, obrigado pelo apoio ❤️",
        ],
        "pharmacy3": [
            "O médico receitou {med_ok}, posso tomar com café?",
            "A farmácia já tem {med_ok}, só com receita",
        ],
        "legal_sale": [
            "Vendo espingarda de caça com registro, transferência legal",
            "Facas de cozinha artesanais, {price}",
            "Vendo notebook e roteador, {price}, retirada em {city}",
        ],
        "warn3": [
            "Cuidado com o golpe do falso funcionário do banco pedindo código",
            "Atenção: ingressos falsos sendo vendidos neste grupo",
            "Hackearam meu Instagram, como recupero?",
        ],
        "docs3": [
            "Quanto tempo demora para tirar passaporte em {city}?",
            "Perdi meu RG, como faço a segunda via?",
        ],
        "chat3": [
            "Comprei bala de coco pra festa 🍬",
            "Cortei a grama e agora churrasco 🌿",
            "Pó de café acabou, alguém passa no mercado?",
            "Que frio, parece que vai nevar ❄️",
        ],
        "games3": ["Peguei a AK dourada no Warzone 🎮", "No GTA perdemos todas as armas kkkk"],
        "it3": [
            "Curso de segurança da informação: hoje estudamos phishing",
            "Reportei uma falha num programa de bug bounty",
        ],
    },
    "ar": {
        "news3": [
            "الشرطة في {city} تضبط شحنة {drugx} وتعتقل ثلاثة أشخاص",
            "محكمة تدين قراصنة سرقوا بيانات عملاء بنك",
            "تحذير من عملات مزورة في أسواق {city}",
        ],
        "harm": [
            "مركز علاج الإدمان في {city}، سري ومجاني",
            "اليوم {num} يوم بدون تعاطي، شكرا على الدعم",
        ],
        "pharmacy3": [
            "الطبيب وصف لي {med_ok}، هل يمكن أخذه مع القهوة؟",
            "الصيدلية فيها {med_ok}، بوصفة طبية فقط",
        ],
        "warn3": [
            "احذروا: محتالون ينتحلون صفة البنك ويطلبون رمز التحقق",
            "تم اختراق حسابي في انستغرام، كيف أسترجعه؟",
        ],
        "chat3": [
            "الثلج في الجبال هذا الأسبوع ❄️",
            "اشتريت عشب للحديقة 🌿",
            "قهوة وكيك مع العائلة ☕",
        ],
    },
}
