"""A second family per language for the weak spots of goods4 (recruiting couriers and
account holders, reviews, reship terms, short offers and asks), so that both training and
dev hold some, and more English coded talk."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: dict[str, Families] = {
    "drugs": {
        "coded5": [
            "same as before? i'm out by 10, {paywith}",
            "party favours for the weekend, {slang_contact}",
            "got {dcode} and {dcode2}, prices in the pinned post",
            "pulled up with {dcode}, who's ready",
            "restock: {dqty} bags made up, pickup or drop",
            "sorted anyone who needs {dcode} for the festival",
        ],
        "runner5": [
            "young lads wanted to run a line out of town, {earn}, phone and train fare paid",
            "need someone to hold the bag for a week, {earn}",
            "runner wanted, you pick up, you drop, you don't ask, {earn}",
            "looking for a new driver for the line, {earn}, clean car",
        ],
    },
    "weapons": {
        "slang5": [
            "who need a {wslang}? {wnote}",
            "{wslang} and a box of rounds, {price}",
            "just got {wslang}s in, {paywith} only",
            "{wslang} for trade, want {dcode}",
        ],
    },
    "fraud": {
        "mules5": [
            "students! earn {earn} by lending your {bank} account for a week",
            "need UK account holders, money comes in, you send it on, {earn}",
            "paying for old {bank} accounts, must be 6+ months, {paywith}",
            "sell me your bank login, {earn}, no risk to you",
        ],
    },
    "stolen_data": {
        "logs5": [
            "{bank} logs 5k+ balance, {paywith}, replacement 1h",
            "fresh email:pass for {bank}, checked today",
            "selling leaked {db} dump of a crypto exchange, 300k users",
            "lookup service: name, address, phone and SSN of anyone, {price}",
        ],
    },
}

INTL: dict[str, dict[str, Families]] = {
    "ru": {
        "drugs": {
            "recruit5": [
                "Работа курьером: забрал, спрятал, отправил фото, от 3000 за клад",
                "Набор в команду: склад, курьер, фасовщик, оплата в BTC",
                "Отзыв: всё пришло, вес честный, вставило отлично",
                "Ищешь? Пиши в бот, всё есть, город {city}",
            ],
        },
        "fraud": {
            "mules5": [
                "Сдай карту в аренду, 10к в неделю, без риска",
                "Оформи карту на себя и получи 5000 сразу",
                "Нужны дропы с картами Сбера, оплата сразу",
            ],
        },
    },
    "es": {
        "drugs": {
            "recruit5": [
                "busco gente para llevar paquetes de la costa, 300€ el viaje",
                "reseña: el material llegó perfecto, muy puro, repito",
                "¿quién pasa algo para el finde?",
                "hay de todo para la fiesta, escribe por privado",
            ],
        },
        "fraud": {
            "mules5": [
                "compro cuentas bancarias, pago al momento",
                "presta tu tarjeta una semana y gana 200€",
                "buscamos titulares de cuentas para recibir pagos, 15% para ti",
            ],
        },
    },
    "de": {
        "drugs": {
            "recruit5": [
                "suche Leute, die Päckchen verstecken, 50€ pro Bunker",
                "Bewertung: Ware top, Gewicht stimmt, gerne wieder",
                "wer hat was fürs Wochenende?",
                "alles da für die Party, schreib privat",
            ],
        },
        "fraud": {
            "mules5": [
                "suche Kontoinhaber, Geld kommt rein, du überweist weiter, 15%",
                "verkauf mir dein altes Konto, 300€ bar",
                "Karte verleihen für eine Woche, 200€ leicht verdient",
            ],
        },
    },
    "fr": {
        "drugs": {
            "recruit5": [
                "cherche nourrice pour garder la marchandise, 500€ la semaine",
                "avis : matos reçu, bien pesé, très bonne qualité",
                "qui a quelque chose pour ce week-end ?",
                "tout dispo pour la soirée, écris en privé",
            ],
        },
        "fraud": {
            "mules5": [
                "on cherche des gens avec un compte en banque, 20% pour toi",
                "loue ta carte bancaire une semaine, 300€",
                "rachat de comptes bancaires de plus de 6 mois",
            ],
        },
    },
    "pt": {
        "drugs": {
            "recruit5": [
                "procura-se gente pra guardar mercadoria, 500 por semana",
                "avaliação: chegou certinho, peso certo, qualidade braba",
                "alguém tem algo pro fim de semana?",
                "tem de tudo pra festa, chama no privado",
            ],
        },
        "fraud": {
            "mules5": [
                "compro conta de banco antiga, pago no pix",
                "empresta teu cartão uma semana e ganha 300",
                "preciso de laranja com conta PJ, 20% pra você",
            ],
        },
    },
    "ar": {
        "drugs": {
            "recruit5": [
                "مطلوب شباب لتخزين البضاعة، 500 بالأسبوع",
                "تقييم: البضاعة وصلت والوزن مضبوط والنوعية نار",
                "مين عنده شي للويكند؟",
                "كل شي متوفر للحفلة، راسلني خاص",
            ],
        },
        "fraud": {
            "mules5": [
                "نشتري حسابات بنكية قديمة، الدفع فوري",
                "أجّر بطاقتك البنكية لمدة أسبوع واربح 300",
                "مطلوب أشخاص لاستلام أموال وتحويلها، 15% لك",
            ],
        },
    },
}
