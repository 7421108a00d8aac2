# ruff: noqa: E501  (data: one post or template per line reads better than wrapped)
"""New template families for the six illegal-goods categories, in English and in Russian,
Spanish, German, French, Portuguese and Arabic: other sentence shapes than the first
families (terse lists, buyer questions, reviews, channel blurbs, code-mixed posts)."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: dict[str, Families] = {
    "drugs": {
        "terse": [
            "{drugx} {unit} {price} {slang_contact}",
            "got {drugx} n {drugx2}, {shipping}, {slang_contact}",
            "{drugx} avail rn {emoji_hot} {coin}",
        ],
        "buyer_q": [
            "who got {drugx} round {city}?? tryna grab {unit}",
            "any1 know a plug for {drugx} near {city}, {coin} ready",
            "need {unit} of {drugx} asap, paying {price}, dm",
        ],
        "review": [
            "copped {unit} of {drugx} from {handle}, legit af, {shipping} 💯",
            "vouch for {handle}: {drugx} was {drug_form}, will order again",
            "5 stars, {drugx} arrived in 2 days, {shipping}",
        ],
        "channel_blurb": [
            "🌿 {city} PLUG 🌿 {drugx} | {drugx2} | {drugx3} — {shipping} — {coin} — {slang_contact}",
            "official channel of the {city} candy shop 🍬 {drugx}, {drugx2}, menu pinned",
        ],
        "pricing": [
            "{drugx}: 1g {price} / 3.5g {price2} / 7g {price3}. {shipping}",
            "{unit} {drugx} = {price}, two for {price2}, {coin}",
        ],
        "pharma_no_rx": [
            "real {drugx} pressed by pharma, no doctor no problem, {shipping}",
            "skip the doctor 💊 {drugx} and {drugx2} shipped to you, {coin}",
        ],
        "party": [
            "heading to the rave? stock up, {drugx} and {drugx2} in {city} tonight, {slang_contact}",
            "weekend bundle 🎶 {unit} {drugx} + {drugx2} {price}",
        ],
        "grower": [
            "homegrown {drugx} harvest done 🌱 {unit} {price}, {slang_contact}",
            "indoor {drugx}, sticky and loud, selling {unit}s {price}",
        ],
        "coded": [
            "got that white girl ❄️ and that green 🍃, {slang_contact}",
            "candy 🍬 and snow ❄️ for the weekend, {coin}, {shipping}",
            "the good stuff for your nose 👃 {price}/g, {slang_contact}",
        ],
        "driver": [
            "driver on the road till 3am in {city} 🚗 {drugx} {drugx2}, text for the menu",
            "{city} delivery runs every hour, {drugx} {unit} {price}, {slang_contact}",
        ],
        "vendor_update": [
            "vendor update: {drugx} back in stock, {drugx2} sold out, {shipping}",
            "restocked {drugx} and {drugx2} 🔥 prices in the bot {handle}",
        ],
        "mixed_lang": [
            "bro tengo {drugx} y {drugx2}, {city}, {slang_contact}",
            "{drugx} dispo sur {city} 🔥 {slang_contact} {coin}",
        ],
    },
    "weapons": {
        "terse": [
            "{weaponx} for sale {price}, no paperwork, {slang_contact}",
            "got a {weaponx} 4 sale, clean, {slang_contact}",
            "{weaponx} + {weaponx2}, {price}, cash only",
        ],
        "buyer_q": [
            "need a {weaponx} asap no background check, {city}",
            "who selling a {weaponx} round {city}? no papers",
            "looking to buy {weaponx}, off paper, paying {price}",
        ],
        "kit": [
            "{weaponx} kit, unserialized, ships in parts, {coin}",
            "complete {weaponx} build, no FFL, no records, {shipping}",
        ],
        "explosive": [
            "{weaponx} and {weaponx2} available, serious buyers, {coin}",
            "can get {weaponx} in bulk, delivery to {city}",
        ],
        "street": [
            "need a {weaponx}? got you, body count zero 😅 {price}, {slang_contact}",
            "{weaponx} with extended clip, {price}, meet in {city}",
        ],
        "converted": [
            "converted blank firers to live, {weaponx} ready, {price}",
            "auto conversion for your {weaponx}, done in a day, {slang_contact}",
        ],
        "arsenal": [
            "ARSENAL LIST 🔫 {weaponx} {price} | {weaponx2} {price2} | ammo by the box",
            "in stock: {weaponx}, {weaponx2}, {weaponx3}. no license needed",
        ],
        "review": [
            "got my {weaponx} from {handle}, no serial as promised 👌",
            "legit seller, {weaponx} arrived {shipping}",
        ],
    },
    "fake_documents": {
        "terse": [
            "{docx} any state {price} {slang_contact}",
            "{docx} + {docx2} combo {price}, {shipping}",
            "making {docx} that scan, {slang_contact}",
        ],
        "buyer_q": [
            "where can i get a {docx} made? dont care if its fake lol",
            "need a {docx} for {country} asap, who makes them?",
            "anyone do {docx}? need it to pass a check",
        ],
        "quality": [
            "our {docx} pass UV and barcode checks, holograms included, {price}",
            "{docx} with real hologram and microprint, scannable, {shipping}",
        ],
        "registered": [
            "registered {docx} in the government database, not a copy, {price}",
            "genuine {docx} through insider, {country}, {slang_contact}",
        ],
        "students": [
            "college kids 🎓 {docx} for the bars, 2 for {price}, {slang_contact}",
            "under 21? {docx} that works at clubs, {shipping}",
        ],
        "papers": [
            "need papers? {docx}, {docx2}, {docx3} — {country}, {price}",
            "fast {docx} for visa applications, no questions, {coin}",
        ],
        "edit": [
            "I edit {docx} and bank statements, photoshop perfect, {price}",
            "custom {docx}, any name any photo, {slang_contact}",
        ],
    },
    "stolen_data": {
        "terse": [
            "{datax} fresh {price} {slang_contact}",
            "selling {datax} + {datax2}, bulk {price}",
            "{datax} valid 90%, {coin}",
        ],
        "buyer_q": [
            "who got {datax}? need US, paying {coin}",
            "looking for {datax} with high balance, trusted only",
            "need {datax} for my method, vendor?",
        ],
        "shop": [
            "autoshop open 🛒 {datax}, {datax2}, {datax3}, replacement 1h, {coin}",
            "{datax} shop restocked daily, checker included",
        ],
        "leak": [
            "leaked {datax} from a big retailer, 2M rows, {price}",
            "fresh breach: {datax} with emails, phones, addresses, {coin}",
        ],
        "lookup": [
            "lookups: name → SSN, DOB, address, {price} each, {slang_contact}",
            "doxxing service, give me a phone number and I get {datax}",
        ],
        "balance": [
            "{datax} with balance 5k+, {price}, replace if dead",
            "high balance {datax}, tested, {coin}",
        ],
        "accounts": [
            "cracked {datax} lifetime warranty {price}",
            "{datax} bulk 100 for {price}, {slang_contact}",
        ],
    },
    "fraud": {
        "terse": [
            "{fraudx} {price} {slang_contact}",
            "{fraudx} works 2025 ✅ {coin}",
            "teaching {fraudx}, {price}",
        ],
        "buyer_q": [
            "anyone got a working {fraudx}? paying well",
            "need {fraudx}, who's legit?",
            "looking for a {fraudx} that still works",
        ],
        "counterfeit": [
            "grade A {fraudx}, pass pen and UV, 1:5 ratio",
            "{fraudx} undetectable, €50 and €20 notes, {shipping}",
        ],
        "mule": [
            "need people with bank accounts, earn 500/week, just receive and send money, {slang_contact}",
            "rent your bank account to us, easy money, {coin}",
        ],
        "refund": [
            "refunding any store: Amazon, Apple, Nike, you keep the item, 15% fee",
            "{fraudx} for big retailers, guaranteed or free",
        ],
        "invest": [
            "send 0.1 BTC get 0.5 back in 24h, guaranteed 🚀 {slang_contact}",
            "join our trading signal group, 300% monthly returns guaranteed, send USDT to start",
        ],
        "scam_kit": [
            "selling {fraudx}, ready to use, victims included",
            "{fraudx} + scripts + lead lists, {price}",
        ],
        "cashout": [
            "I cash out {datax}, 60/40 split, {slang_contact}",
            "cashout service for bank logs, fast and safe, {coin}",
        ],
    },
    "cybercrime": {
        "terse": [
            "{cyberx} for sale {price} {slang_contact}",
            "{cyberx} + {cyberx2} bundle, {coin}",
            "selling {cyberx}, FUD, {price}",
        ],
        "buyer_q": [
            "need someone for {cyberx}, will pay {coin}",
            "who does {cyberx}? my ex changed the password",
            "looking for a hacker for {cyberx}, paying {price}",
        ],
        "hire": [
            "hacker for hire 👨‍💻 {cyberx}, {cyberx2}, results in 24h, {slang_contact}",
            "professional {cyberx} service, discreet, pay after proof",
        ],
        "tool": [
            "{cyberx} v3 bypasses Defender, lifetime licence {price}",
            "new {cyberx} with panel and builder, {coin}",
        ],
        "access": [
            "selling {cyberx} to a US company, revenue 50M, {price}",
            "{cyberx} available, admin rights, {coin} only",
        ],
        "ddos": [
            "take down any website or game server, {price}/hour",
            "{cyberx} plans from {price}, 500 Gbps, bypass cloudflare",
        ],
        "spy": [
            "read anyone's messages remotely, {cyberx}, no physical access needed",
            "catch a cheater: {cyberx}, see all chats, {price}",
        ],
    },
}

INTL: dict[str, dict[str, Families]] = {
    "ru": {
        "drugs": {
            "menu2": [
                "{drugx} 1г {price}, {drugx2} 2г {price2}, клады по {city}. {contact}",
                "В наличии {drugx}, {drugx2}. Оплата BTC, {contact}",
            ],
            "ask2": [
                "Ребят, где в {city} достать {drugx}? Срочно",
                "Ищу {drugx}, {city}, оплата сразу",
            ],
            "slang": [
                "Работаем! Мягкий и твёрдый, {drugx} отличного качества, {contact}",
                "Нужны курьеры-закладчики, {city}, оплата ежедневно, {contact}",
            ],
        },
        "weapons": {
            "offer2": [
                "Есть {weaponx}, чистый, без бумаг, {price}, {contact}",
                "Продаю {weaponx} и {weaponx2}, {city}, {contact}",
            ],
            "ask2": [
                "Нужен {weaponx} без регистрации, {city}",
                "Куплю {weaponx}, можно с переделкой",
            ],
        },
        "fake_documents": {
            "offer2": [
                "Оформим {docx} за неделю, настоящий бланк, {price}",
                "{docx} и {docx2} под ключ, без очередей, {contact}",
            ],
            "ask2": [
                "Кто может сделать {docx}? Срочно нужен",
                "Нужен {docx} задним числом, заплачу",
            ],
        },
        "stolen_data": {
            "offer2": [
                "{datax} — быстро и анонимно, {price}, {contact}",
                "Свежие {datax}, много, {contact}",
            ],
            "ask2": ["Нужен {datax} по человеку, кто делает?", "Куплю {datax}, оплата в крипте"],
        },
        "fraud": {
            "offer2": [
                "{fraudx}, доход от 100к в месяц, обучаю, {contact}",
                "Продаю {fraudx}, качество отличное, {price}",
            ],
            "ask2": ["Ищу рабочую {fraudx}, готов платить", "Нужны {fraudx}, кто в теме?"],
        },
        "cybercrime": {
            "offer2": [
                "{cyberx} на заказ, результат за сутки, {contact}",
                "Услуги: {cyberx}, {cyberx2}. Анонимно, {price}",
            ],
            "ask2": ["Нужен хакер: {cyberx}, плачу хорошо", "Кто делает {cyberx}? Надо срочно"],
        },
    },
    "es": {
        "drugs": {
            "menu2": [
                "{drugx} {price} el gramo, {drugx2} también, {city}, {contact}",
                "Hay {drugx} y {drugx2} de la buena 🔥 {contact}",
            ],
            "ask2": [
                "¿Alguien sabe dónde pillar {drugx} en {city}?",
                "Busco {drugx} para el finde, pago {price}",
            ],
            "slang": [
                "Servicio a domicilio en {city}: {drugx}, {drugx2}, {contact}",
                "Tengo {drugx} recién llegada, calidad top, {contact}",
            ],
        },
        "weapons": {
            "offer2": [
                "Vendo {weaponx} sin papeles, {price}, {contact}",
                "{weaponx} y {weaponx2} disponibles, entrega en {city}",
            ],
            "ask2": [
                "Busco {weaponx} sin registro, {city}",
                "¿Quién vende {weaponx}? Pago en efectivo",
            ],
        },
        "fake_documents": {
            "offer2": [
                "Hacemos {docx} y {docx2} originales, {price}, {contact}",
                "{docx} en 48 horas, pasa cualquier control",
            ],
            "ask2": ["Necesito un {docx} falso, ¿quién lo hace?", "¿Alguien hace {docx}? urgente"],
        },
        "stolen_data": {
            "offer2": [
                "Vendo {datax} frescos, {price}, {contact}",
                "{datax} con saldo, reposición garantizada",
            ],
            "ask2": ["Compro {datax}, pago en cripto", "¿Quién tiene {datax}? necesito ya"],
        },
        "fraud": {
            "offer2": [
                "Vendo {fraudx}, calidad AAA, {contact}",
                "Enseño {fraudx}, ganancias diarias, {price}",
            ],
            "ask2": ["Busco {fraudx} que funcione", "¿Alguien tiene {fraudx}? pago bien"],
        },
        "cybercrime": {
            "offer2": [
                "Ofrezco {cyberx} y {cyberx2}, discreto, {contact}",
                "{cyberx} en 24h, pagas al ver resultados",
            ],
            "ask2": ["Necesito {cyberx}, pago bien", "¿Alguien hace {cyberx}? es urgente"],
        },
    },
    "de": {
        "drugs": {
            "menu2": [
                "{drugx} {price} pro Gramm, {drugx2} auch da, {city}, {contact}",
                "Frisch rein: {drugx} und {drugx2} 🔥 {contact}",
            ],
            "ask2": [
                "Wer hat {drugx} in {city}? Brauche heute noch",
                "Suche {drugx} fürs Wochenende, zahle {price}",
            ],
            "slang": [
                "Lieferservice {city}: {drugx}, {drugx2}, diskret, {contact}",
                "Beste {drugx} der Stadt, nur Stammkunden, {contact}",
            ],
        },
        "weapons": {
            "offer2": [
                "Verkaufe {weaponx} ohne WBK, {price}, {contact}",
                "{weaponx} und {weaponx2} zu haben, Übergabe in {city}",
            ],
            "ask2": ["Suche {weaponx} ohne Papiere, {city}", "Wer kann {weaponx} besorgen? Bar"],
        },
        "fake_documents": {
            "offer2": [
                "Wir machen {docx} und {docx2}, echt wirkend, {price}",
                "{docx} in 3 Tagen, besteht jede Kontrolle, {contact}",
            ],
            "ask2": [
                "Brauche einen gefälschten {docx}, wer macht das?",
                "Kann jemand {docx} besorgen? dringend",
            ],
        },
        "stolen_data": {
            "offer2": [
                "Verkaufe {datax}, frisch, {price}, {contact}",
                "{datax} mit Guthaben, Ersatz bei Ausfall",
            ],
            "ask2": ["Kaufe {datax}, zahle in Krypto", "Wer hat {datax}? brauche sofort"],
        },
        "fraud": {
            "offer2": [
                "{fraudx} in bester Qualität, {contact}",
                "Ich zeige dir {fraudx}, 1000€ am Tag, {price}",
            ],
            "ask2": ["Suche {fraudx}, die noch funktioniert", "Hat jemand {fraudx}? zahle gut"],
        },
        "cybercrime": {
            "offer2": [
                "Biete {cyberx} und {cyberx2}, anonym, {contact}",
                "{cyberx} in 24 Stunden, Zahlung nach Beweis",
            ],
            "ask2": ["Brauche jemanden für {cyberx}, zahle gut", "Wer macht {cyberx}? eilig"],
        },
    },
    "fr": {
        "drugs": {
            "menu2": [
                "{drugx} {price} le g, {drugx2} aussi, {city}, {contact}",
                "Arrivage {drugx} et {drugx2} 🔥 {contact}",
            ],
            "ask2": [
                "Qui a de la {drugx} sur {city} ? besoin ce soir",
                "Je cherche {drugx} pour le week-end, je paie {price}",
            ],
            "slang": [
                "Livraison {city} 7j/7 : {drugx}, {drugx2}, {contact}",
                "Du {drugx} de qualité, que pour les habitués, {contact}",
            ],
        },
        "weapons": {
            "offer2": [
                "Vends {weaponx} sans papiers, {price}, {contact}",
                "{weaponx} et {weaponx2} dispo, remise en main propre à {city}",
            ],
            "ask2": [
                "Je cherche un {weaponx} sans déclaration, {city}",
                "Qui vend un {weaponx} ? paiement cash",
            ],
        },
        "fake_documents": {
            "offer2": [
                "On fait {docx} et {docx2}, comme des vrais, {price}",
                "{docx} en 72h, passe tous les contrôles, {contact}",
            ],
            "ask2": [
                "Besoin d'un faux {docx}, qui fait ça ?",
                "Quelqu'un peut faire un {docx} ? urgent",
            ],
        },
        "stolen_data": {
            "offer2": [
                "Vends {datax} frais, {price}, {contact}",
                "{datax} avec solde, remplacement garanti",
            ],
            "ask2": ["J'achète {datax}, paiement crypto", "Qui a des {datax} ? besoin vite"],
        },
        "fraud": {
            "offer2": [
                "{fraudx} qualité top, {contact}",
                "Je t'apprends la {fraudx}, 500€ par jour, {price}",
            ],
            "ask2": [
                "Je cherche une {fraudx} qui marche",
                "Quelqu'un a des {fraudx} ? je paie bien",
            ],
        },
        "cybercrime": {
            "offer2": [
                "Je propose {cyberx} et {cyberx2}, discret, {contact}",
                "{cyberx} en 24h, paiement après preuve",
            ],
            "ask2": [
                "Besoin de quelqu'un pour {cyberx}, je paie",
                "Qui fait du {cyberx} ? c'est urgent",
            ],
        },
    },
    "pt": {
        "drugs": {
            "menu2": [
                "{drugx} {price} o grama, {drugx2} também, {city}, {contact}",
                "Chegou {drugx} e {drugx2} 🔥 {contact}",
            ],
            "ask2": [
                "Alguém sabe onde arrumar {drugx} em {city}?",
                "Procuro {drugx} pro fim de semana, pago {price}",
            ],
            "slang": [
                "Delivery em {city}: {drugx}, {drugx2}, chama no pv",
                "Tenho {drugx} da boa, só pra conhecido, {contact}",
            ],
        },
        "weapons": {
            "offer2": [
                "Vendo {weaponx} sem registro, {price}, {contact}",
                "{weaponx} e {weaponx2} na mão, entrega em {city}",
            ],
            "ask2": [
                "Procuro {weaponx} sem documento, {city}",
                "Quem vende {weaponx}? pago à vista",
            ],
        },
        "fake_documents": {
            "offer2": [
                "Fazemos {docx} e {docx2} iguais ao original, {price}",
                "{docx} em 48h, passa em qualquer blitz, {contact}",
            ],
            "ask2": ["Preciso de um {docx} falso, quem faz?", "Alguém faz {docx}? urgente"],
        },
        "stolen_data": {
            "offer2": [
                "Vendo {datax} atualizados, {price}, {contact}",
                "{datax} com saldo, troca garantida",
            ],
            "ask2": ["Compro {datax}, pago em cripto", "Quem tem {datax}? preciso agora"],
        },
        "fraud": {
            "offer2": ["{fraudx} de primeira, {contact}", "Ensino {fraudx}, lucro diário, {price}"],
            "ask2": ["Procuro {fraudx} que funcione", "Alguém tem {fraudx}? pago bem"],
        },
        "cybercrime": {
            "offer2": [
                "Faço {cyberx} e {cyberx2}, sigilo total, {contact}",
                "{cyberx} em 24h, paga depois da prova",
            ],
            "ask2": ["Preciso de alguém pra {cyberx}, pago bem", "Quem faz {cyberx}? urgente"],
        },
    },
    "ar": {
        "drugs": {
            "menu2": [
                "{drugx} و{drugx2} متوفر، {price}، توصيل في {city}، {contact}",
                "وصل {drugx} جديد، جودة عالية 🔥 {contact}",
            ],
            "ask2": ["مين عنده {drugx} في {city}؟ ضروري", "أبحث عن {drugx}، الدفع فوري"],
        },
        "weapons": {
            "offer2": [
                "للبيع {weaponx} بدون أوراق، {price}، {contact}",
                "متوفر {weaponx} و{weaponx2}، التسليم في {city}",
            ],
        },
        "fake_documents": {
            "offer2": [
                "نصنع {docx} و{docx2} مطابقة للأصل، {price}",
                "{docx} خلال يومين، {contact}",
            ],
        },
        "stolen_data": {
            "offer2": ["للبيع {datax} جديدة، {price}، {contact}", "{datax} برصيد، استبدال مضمون"],
        },
        "fraud": {
            "offer2": ["{fraudx} بجودة عالية، {contact}", "نعلمك {fraudx}، ربح يومي، {price}"],
        },
        "cybercrime": {
            "offer2": [
                "نقدم خدمة {cyberx} و{cyberx2}، سرية تامة، {contact}",
                "{cyberx} خلال 24 ساعة، الدفع بعد الإثبات",
            ],
        },
    },
}
