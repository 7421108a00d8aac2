# ruff: noqa: E501  (data: one post or template per line reads better than wrapped)
"""More illegal-goods families: buyer requests, coded talk, recruitment, short replies and
channel descriptions, so that no single sentence shape carries a category."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: dict[str, Families] = {
    "drugs": {
        "recruit": [
            "hiring runners in {city}, we supply the {drugx}, you deliver, 1k a week",
            "need a driver for {drugx} drops, cash daily, no experience needed",
        ],
        "reply": [
            "yeah I still got {drugx}, how much u need?",
            "{unit} left of the {drugx}, first come first served",
            "sorry bro out of {drugx} till friday, {drugx2} still there",
        ],
        "darkweb": [
            "new listing on the market: {drugx} {unit}, escrow, {shipping}",
            "top vendor, 2k sales, {drugx} and {drugx2}, PGP in profile",
        ],
        "sesh": [
            "pull up to mine, got {drugx} for sale, {price} a bag",
            "selling bags of {drugx} outside the club tonight 🤫",
        ],
        "script": [
            "can get you {drugx} without a script, real pharmacy stock, {price} per strip",
            "{drugx} 10mg tabs, no prescription, {coin}, {shipping}",
        ],
    },
    "weapons": {
        "recruit": [
            "selling piece to anyone who needs protection, {weaponx}, no questions, {slang_contact}",
            "can source {weaponx} for your crew, discreet",
        ],
        "reply": [
            "yeah the {weaponx} is still available, {price}, comes with ammo",
            "got two {weaponx} left, cash only, meet at the usual spot",
        ],
        "darkweb": [
            "listing: {weaponx}, untraceable, shipped hidden in electronics",
            "vendor ships {weaponx} worldwide in parts, escrow accepted",
        ],
        "ammo": [
            "boxes of 9mm and 7.62 for sale without licence, bulk discount",
            "ammo no ID needed, {price} per box, {slang_contact}",
        ],
    },
    "fake_documents": {
        "reply": [
            "yes I can make the {docx}, send photo and signature, {price}",
            "your {docx} will be ready in 5 days, pay half now",
        ],
        "darkweb": [
            "listing: {docx} {country}, passes scanners, tracked shipping",
            "vendor of {docx} and {docx2}, {coin} only, escrow",
        ],
        "exam": [
            "get your {docx} without taking the exam, database entry included",
            "no test, no school: {docx} delivered to your door, {price}",
        ],
    },
    "stolen_data": {
        "reply": [
            "I have {datax} for that bank, {price} each, want samples?",
            "sending you 5 {datax} to test, then we do bulk",
        ],
        "darkweb": [
            "listing: {datax} {country}, 85% valid, auto replace",
            "{datax} from a fresh stealer campaign, sorted by country",
        ],
        "insider": [
            "telecom insider, I pull {datax} on any number, {price}",
            "bank employee selling customer {datax}, {coin} only",
        ],
    },
    "fraud": {
        "reply": [
            "the {fraudx} still works, I made 3k last week, {price} for the guide",
            "send {price} and I'll add you to the {fraudx} group",
        ],
        "darkweb": [
            "listing: {fraudx}, updated for 2025, step by step",
            "vendor selling {fraudx} and {fraudx2}, escrow",
        ],
        "recruit": [
            "looking for people to open bank accounts for us, {price} per account",
            "need drops for packages bought with other people's cards, pay per parcel",
        ],
    },
    "cybercrime": {
        "reply": [
            "I can get into that account in 24h, {price}, half upfront",
            "yes the {cyberx} bypasses the latest antivirus, demo on request",
        ],
        "darkweb": [
            "listing: {cyberx} with 1 year updates and support",
            "forum sale: {cyberx}, {cyberx2}, escrow through admin",
        ],
        "recruit": [
            "ransomware affiliate program, 80% cut, need pentesters with access",
            "hiring coders for a {cyberx}, paid in {coin}",
        ],
    },
}

INTL: dict[str, dict[str, Families]] = {
    "ru": {
        "drugs": {
            "reply2": [
                "Да, {drugx} ещё есть, сколько надо?",
                "Нужны закладчики в {city}, зп от 100к, {contact}",
            ]
        },
        "weapons": {
            "reply2": [
                "{weaponx} ещё в наличии, {price}, с патронами",
                "Привезу {weaponx} в {city}, без документов",
            ]
        },
        "fake_documents": {
            "reply2": [
                "{docx} будет готов через 5 дней, предоплата 50%",
                "Права без сдачи экзаменов, внесём в базу ГИБДД, {price}",
            ]
        },
        "stolen_data": {
            "reply2": [
                "Пробью любого по номеру телефона: ФИО, адрес, паспорт, {price}",
                "Сотрудник банка, продаю {datax}, {contact}",
            ]
        },
        "fraud": {
            "reply2": [
                "Ищем дропов, открыть карту на себя, {price} за карту",
                "{fraudx} ещё работает, научу за {price}",
            ]
        },
        "cybercrime": {
            "reply2": [
                "Взломаю любой аккаунт за 24 часа, {price}",
                "{cyberx} обходит антивирус, демо по запросу",
            ]
        },
    },
    "es": {
        "drugs": {
            "reply2": [
                "Sí, todavía me queda {drugx}, ¿cuánto quieres?",
                "Busco repartidores de {drugx} en {city}, pago diario",
            ]
        },
        "weapons": {
            "reply2": [
                "La {weaponx} sigue disponible, {price}, con balas",
                "Te consigo {weaponx} sin papeles en {city}",
            ]
        },
        "fake_documents": {
            "reply2": [
                "Tu {docx} estará listo en 5 días, paga la mitad ahora",
                "Carnet de conducir sin examen, registrado, {price}",
            ]
        },
        "stolen_data": {
            "reply2": [
                "Tengo {datax} de ese banco, {price} cada uno",
                "Consulto datos de cualquier persona por su número, {price}",
            ]
        },
        "fraud": {
            "reply2": [
                "Buscamos gente para abrir cuentas bancarias, {price} por cuenta",
                "El {fraudx} todavía funciona, te enseño por {price}",
            ]
        },
        "cybercrime": {
            "reply2": [
                "Entro en cualquier cuenta en 24h, {price}",
                "El {cyberx} evade el antivirus, demo gratis",
            ]
        },
    },
    "de": {
        "drugs": {
            "reply2": [
                "Ja, hab noch {drugx}, wie viel brauchst du?",
                "Suchen Fahrer für {drugx} in {city}, Bargeld täglich",
            ]
        },
        "weapons": {
            "reply2": [
                "Die {weaponx} ist noch da, {price}, mit Munition",
                "Besorge dir {weaponx} ohne Papiere in {city}",
            ]
        },
        "fake_documents": {
            "reply2": [
                "Dein {docx} ist in 5 Tagen fertig, Hälfte vorab",
                "Führerschein ohne Prüfung, im Register eingetragen, {price}",
            ]
        },
        "stolen_data": {
            "reply2": [
                "Hab {datax} von der Bank, {price} pro Stück",
                "Finde alles über jede Person per Telefonnummer, {price}",
            ]
        },
        "fraud": {
            "reply2": [
                "Suchen Leute, die Konten eröffnen, {price} pro Konto",
                "Die {fraudx} läuft noch, ich zeig sie dir für {price}",
            ]
        },
        "cybercrime": {
            "reply2": [
                "Komme in jeden Account in 24h, {price}",
                "Der {cyberx} umgeht jeden Virenscanner, Demo möglich",
            ]
        },
    },
    "fr": {
        "drugs": {
            "reply2": [
                "Ouais il me reste de la {drugx}, t'en veux combien ?",
                "Recrute livreurs de {drugx} sur {city}, payé à la journée",
            ]
        },
        "weapons": {
            "reply2": [
                "Le {weaponx} est toujours dispo, {price}, avec munitions",
                "Je te trouve un {weaponx} sans papiers sur {city}",
            ]
        },
        "fake_documents": {
            "reply2": [
                "Ton {docx} sera prêt dans 5 jours, moitié d'avance",
                "Permis sans passer l'examen, enregistré au fichier, {price}",
            ]
        },
        "stolen_data": {
            "reply2": [
                "J'ai des {datax} de cette banque, {price} l'unité",
                "Je trouve tout sur n'importe qui avec son numéro, {price}",
            ]
        },
        "fraud": {
            "reply2": [
                "On cherche des gens pour ouvrir des comptes, {price} par compte",
                "La {fraudx} marche encore, je te l'apprends pour {price}",
            ]
        },
        "cybercrime": {
            "reply2": [
                "J'entre dans n'importe quel compte en 24h, {price}",
                "Le {cyberx} passe tous les antivirus, démo possible",
            ]
        },
    },
    "pt": {
        "drugs": {
            "reply2": [
                "Tenho {drugx} ainda, quanto você quer?",
                "Procuro aviãozinho em {city}, pagamento diário",
            ]
        },
        "weapons": {
            "reply2": [
                "O {weaponx} ainda tá disponível, {price}, com munição",
                "Arrumo {weaponx} sem registro em {city}",
            ]
        },
        "fake_documents": {
            "reply2": [
                "Seu {docx} fica pronto em 5 dias, metade adiantado",
                "CNH sem fazer prova, com registro no sistema, {price}",
            ]
        },
        "stolen_data": {
            "reply2": [
                "Tenho {datax} desse banco, {price} cada",
                "Puxo dados de qualquer pessoa pelo CPF, {price}",
            ]
        },
        "fraud": {
            "reply2": [
                "Procuramos laranjas pra abrir contas, {price} por conta",
                "O {fraudx} ainda funciona, ensino por {price}",
            ]
        },
        "cybercrime": {
            "reply2": [
                "Entro em qualquer conta em 24h, {price}",
                "O {cyberx} passa por qualquer antivírus, demonstração grátis",
            ]
        },
    },
    "ar": {
        "drugs": {"reply2": ["نعم عندي {drugx}، كم تحتاج؟", "نحتاج موزعين في {city}، الدفع يومي"]},
        "weapons": {"reply2": ["{weaponx} لا يزال متوفر، {price}، مع الذخيرة"]},
        "fake_documents": {"reply2": ["{docx} جاهز خلال خمسة أيام، نصف المبلغ مقدما"]},
        "stolen_data": {"reply2": ["عندي {datax} لهذا البنك، {price} للواحدة"]},
        "fraud": {"reply2": ["نبحث عن أشخاص لفتح حسابات بنكية، {price} للحساب"]},
        "cybercrime": {"reply2": ["أخترق أي حساب خلال 24 ساعة، {price}"]},
    },
}
