"""Still more `none` families: FAQs and terms of sale of lawful shops, hashtags, policy
and safety explainers, and everyday words that collide with slang in several languages."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: Families = {
    "shop_faq": [
        "FAQ: do you ship abroad? yes, tracked. payment? card or PayPal. returns? 30 days",
        "How to order: pick your {legal_item}, pay at checkout, we ship in 24h",
        "Our guarantee: if your parcel is lost we resend it free",
    ],
    "hashtags_legal": [
        "#{city} #foodie #brunch best pancakes in town 🥞",
        "#sale #vintage #{city} {legal_item} {price}",
        "#hunting #season #{city} first buck of the year 🦌",
    ],
    "safety_explainers": [
        "How to tell if a pill is counterfeit: you can't by looking, test it",
        "Why you should never buy medicine from social media sellers",
        "Fake ID scanners at bars: how bouncers spot forgeries",
        "What is a money mule and why it can land you in prison",
    ],
    "law_explainers": [
        "Knife laws in the UK: what blade length can you carry?",
        "Is it legal to own a suppressor in Finland? Yes, with a permit",
        "Cannabis rules in Germany: you can grow three plants at home",
        "New law: selling stolen data is now punished with up to 5 years",
    ],
    "security_products": [
        "Our EDR blocks ransomware before it encrypts, free trial for SMEs",
        "Penetration testing services for banks, certified team, contact sales",
        "Phishing simulation platform for employee training, GDPR ready",
    ],
    "support_threads": [
        "My card was used for purchases I didn't make, the bank refunded me",
        "Someone opened a loan in my name, how do I freeze my credit?",
        "Account recovery took 3 days but I got my Instagram back 🙏",
    ],
    "everyday_sales_talk": [
        "Fresh bread just out of the oven 🥖 come by before it's gone",
        "Restock alert: our sourdough starter kits are back 🔥",
        "Tickets for Saturday's gig, {price} each, transfer via the official app",
    ],
    "medical_talk": [
        "Detox clinics in {city} with waiting lists of 6 months, this is a crisis",
        "Methadone program saved my life, 2 years stable now",
        "Nurse here: naloxone is easy to use, everyone should carry it",
    ],
    "fiction_games2": [
        "In my D&D campaign the rogue forges a royal seal, the party loves it",
        "Playing Papers, Please: spotting fake passports is harder than it looks",
        "Heist movie night: Ocean's Eleven then The Town 🍿",
        "Cyberpunk 2077 netrunner build: quickhacks are overpowered",
    ],
}

INTL: dict[str, Families] = {
    "ru": {
        "explain": [
            "Как отличить поддельную купюру: водяные знаки и защитная нить",
            "Что такое дропы и почему за это сажают, объясняем",
            "Закон: за продажу персональных данных до 5 лет",
        ],
        "shop_faq2": [
            "Как заказать: выбираете торт, оплачиваете картой, доставим завтра",
            "Гарантия: если посылка потерялась, отправим заново бесплатно",
        ],
    },
    "es": {
        "explain": [
            "Cómo detectar un billete falso: marca de agua e hilo de seguridad",
            "¿Qué es una mula financiera? Te puede llevar a prisión",
            "Nueva ley: vender datos personales robados, hasta 5 años",
        ],
        "shop_faq2": [
            "Cómo pedir: eliges la tarta, pagas con tarjeta y la llevamos mañana",
            "Garantía: si se pierde tu paquete, lo reenviamos gratis",
        ],
    },
    "de": {
        "explain": [
            "Falschgeld erkennen: Wasserzeichen und Sicherheitsfaden prüfen",
            "Was ist ein Finanzagent und warum ist das strafbar?",
            "Neues Gesetz: Handel mit gestohlenen Daten bis 5 Jahre Haft",
        ],
        "shop_faq2": [
            "So bestellst du: Torte wählen, mit Karte zahlen, wir liefern morgen",
            "Garantie: geht dein Paket verloren, schicken wir es kostenlos neu",
        ],
    },
    "fr": {
        "explain": [
            "Reconnaître un faux billet : filigrane et fil de sécurité",
            "C'est quoi une mule financière et pourquoi c'est puni",
            "Nouvelle loi : vendre des données volées, jusqu'à 5 ans de prison",
        ],
        "shop_faq2": [
            "Pour commander : choisissez votre gâteau, payez par carte, livré demain",
            "Garantie : colis perdu = renvoi gratuit",
        ],
    },
    "pt": {
        "explain": [
            "Como identificar nota falsa: marca d'água e fio de segurança",
            "O que é conta laranja e por que dá cadeia",
            "Nova lei: vender dados pessoais roubados dá até 5 anos",
        ],
        "shop_faq2": [
            "Como pedir: escolhe o bolo, paga no cartão e entregamos amanhã",
            "Garantia: se o pacote sumir, reenviamos grátis",
        ],
    },
    "ar": {
        "explain": [
            "كيف تكشف العملة المزورة: العلامة المائية وخيط الأمان",
            "قانون جديد: بيع البيانات الشخصية المسروقة يعاقب بالسجن",
        ],
    },
}
