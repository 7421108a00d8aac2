# ruff: noqa: E501  (data: one post or template per line reads better than wrapped)
"""Still more illegal-goods families: long sales pitches, FAQ-style posts, guarantees and
terms of sale, hashtags and code-mixed English in other languages."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: dict[str, Families] = {
    "drugs": {
        "faq": [
            "FAQ: do you ship {drugx}? yes, {shipping}. payment? {coin}. refunds? reship only",
            "how to order: 1) pick your {drugx} 2) pay in {coin} 3) get the drop location",
        ],
        "hashtags": [
            "#{drugx} #plug #{city} {slang_contact}",
            "fresh {drugx} 🔥 #420 #delivery #{city}",
        ],
        "pitch": [
            "tired of bunk {drugx}? ours is {drug_form}, reagent tested, {shipping}, {slang_contact}",
            "we've been serving {city} since {year}, {drugx} and {drugx2}, never a bust",
        ],
        "guarantee": [
            "{drugx} guaranteed or your money back, {coin}, {shipping}",
            "if your {drugx} gets seized we reship free, {slang_contact}",
        ],
    },
    "weapons": {
        "faq": [
            "FAQ: is the {weaponx} traceable? no. shipping? in parts. payment? {coin}",
            "how it works: pay 50%, we ship the {weaponx} disassembled, pay the rest",
        ],
        "pitch": [
            "protect yourself, {weaponx} without the paperwork hassle, {price}",
            "{weaponx} sourced from army stock, never registered, {slang_contact}",
        ],
        "hashtags": [
            "#{weaponx} #nopapers #{city} {slang_contact}",
            "{weaponx} 🔫 #forsale #untraceable",
        ],
    },
    "fake_documents": {
        "faq": [
            "FAQ: will the {docx} scan? yes. delivery? {shipping}. payment? {coin}",
            "how to order your {docx}: send photo, signature, details, pay, done",
        ],
        "pitch": [
            "stop waiting at the office, buy your {docx} with us, 100% undetectable",
            "{docx} for immigration, work or study, real looking, {price}",
        ],
        "hashtags": [
            "#fakeid #{city} {docx} {price}",
            "{docx} 🪪 #novelty #scannable {slang_contact}",
        ],
    },
    "stolen_data": {
        "faq": [
            "FAQ: are the {datax} valid? 90%+. replacement? 1 hour. payment? {coin}",
            "how to buy {datax}: register, top up balance, search by BIN",
        ],
        "pitch": [
            "best {datax} on the market, self-checked, sorted by bank and balance",
            "{datax} straight from our own stealer, never resold",
        ],
        "hashtags": [
            "#fullz #cvv #{city} {datax} {price}",
            "{datax} 💳 #fresh #valid {slang_contact}",
        ],
    },
    "fraud": {
        "faq": [
            "FAQ: does the {fraudx} still work? yes, tested this week. support? telegram",
            "how it works: you give us the account, we run the {fraudx}, 50/50 split",
        ],
        "pitch": [
            "make 5k a week with our {fraudx}, beginners welcome, {price}",
            "{fraudx} used by 300 students, proof of profit in channel",
        ],
        "hashtags": [
            "#method #cashout #{city} {fraudx}",
            "{fraudx} 💸 #easymoney #sauce {slang_contact}",
        ],
    },
    "cybercrime": {
        "faq": [
            "FAQ: is the {cyberx} detected? FUD on all AVs. updates? weekly. payment? {coin}",
            "how to order the {cyberx}: send target, pay, get access in 24h",
        ],
        "pitch": [
            "our {cyberx} got 2000 bots last month, rent it from {price}",
            "{cyberx} used by pros, panel, builder, and support included",
        ],
        "hashtags": [
            "#hacker #forhire #{city} {cyberx}",
            "{cyberx} 💻 #ddos #booter {slang_contact}",
        ],
    },
}

INTL: dict[str, dict[str, Families]] = {
    "ru": {
        "drugs": {
            "faq2": [
                "Как заказать: выбираешь {drugx}, оплачиваешь в BTC, получаешь координаты клада",
                "Гарантия: если клад не найден, перезаклад бесплатно. {drugx}, {contact}",
            ]
        },
        "weapons": {
            "faq2": [
                "{weaponx} без номеров, доставка разобранным, предоплата 50%",
                "Оружие под заказ, {weaponx}, никаких документов, {contact}",
            ]
        },
        "fake_documents": {
            "faq2": [
                "Как заказать {docx}: фото, подпись, данные, оплата, готово",
                "{docx} с гарантией, проходит любую проверку",
            ]
        },
        "stolen_data": {
            "faq2": [
                "{datax} с гарантией, замена в течение часа, оплата в крипте",
                "Пробив: ФИО, адрес, телефон, паспорт по любому человеку, {price}",
            ]
        },
        "fraud": {
            "faq2": [
                "Зарабатывай 100к в неделю по нашей схеме, обучение {price}",
                "Нужны дропы для обнала, платим за каждую карту",
            ]
        },
        "cybercrime": {
            "faq2": [
                "Как заказать {cyberx}: присылаешь ссылку, платишь, через сутки доступ",
                "Аренда ботнета от {price} в день, {contact}",
            ]
        },
    },
    "es": {
        "drugs": {
            "faq2": [
                "Cómo pedir: eliges la {drugx}, pagas en BTC y te mando la ubicación",
                "Garantía: si se pierde el paquete de {drugx}, reenvío gratis",
            ]
        },
        "weapons": {
            "faq2": [
                "{weaponx} sin número de serie, envío desmontado, 50% por adelantado",
                "Armas por encargo, {weaponx}, sin papeles, {contact}",
            ]
        },
        "fake_documents": {
            "faq2": [
                "Cómo pedir tu {docx}: foto, firma, datos, pago, listo",
                "{docx} con garantía, pasa cualquier control",
            ]
        },
        "stolen_data": {
            "faq2": [
                "{datax} garantizados, reposición en una hora, pago en cripto",
                "Te busco datos de cualquier persona: nombre, dirección, DNI, {price}",
            ]
        },
        "fraud": {
            "faq2": [
                "Gana 1000€ a la semana con nuestro método, curso {price}",
                "Necesitamos mulas para cobrar, pagamos por cada cuenta",
            ]
        },
        "cybercrime": {
            "faq2": [
                "Cómo pedir el {cyberx}: mandas el enlace, pagas, acceso en 24h",
                "Alquiler de botnet desde {price} al día, {contact}",
            ]
        },
    },
    "de": {
        "drugs": {
            "faq2": [
                "So bestellst du: {drugx} wählen, in BTC zahlen, Ablageort kommt per Chat",
                "Garantie: geht das Paket mit {drugx} verloren, schicken wir neu",
            ]
        },
        "weapons": {
            "faq2": [
                "{weaponx} ohne Seriennummer, Versand zerlegt, 50% Vorkasse",
                "Waffen auf Bestellung, {weaponx}, keine Papiere, {contact}",
            ]
        },
        "fake_documents": {
            "faq2": [
                "So bestellst du deinen {docx}: Foto, Unterschrift, Daten, zahlen, fertig",
                "{docx} mit Garantie, besteht jede Kontrolle",
            ]
        },
        "stolen_data": {
            "faq2": [
                "{datax} mit Garantie, Ersatz in einer Stunde, Zahlung in Krypto",
                "Finde Daten zu jeder Person: Name, Adresse, Ausweis, {price}",
            ]
        },
        "fraud": {
            "faq2": [
                "Verdiene 1000€ pro Woche mit unserer Masche, Kurs {price}",
                "Brauchen Finanzagenten, zahlen pro Konto",
            ]
        },
        "cybercrime": {
            "faq2": [
                "So bestellst du {cyberx}: Link schicken, zahlen, Zugang in 24h",
                "Botnetz mieten ab {price} pro Tag, {contact}",
            ]
        },
    },
    "fr": {
        "drugs": {
            "faq2": [
                "Comment commander : tu choisis ta {drugx}, tu paies en BTC, on t'envoie l'adresse",
                "Garantie : colis de {drugx} perdu = renvoi gratuit",
            ]
        },
        "weapons": {
            "faq2": [
                "{weaponx} sans numéro de série, envoi démonté, 50% d'avance",
                "Armes sur commande, {weaponx}, sans papiers, {contact}",
            ]
        },
        "fake_documents": {
            "faq2": [
                "Pour commander ton {docx} : photo, signature, infos, paiement, c'est fait",
                "{docx} garanti, passe tous les contrôles",
            ]
        },
        "stolen_data": {
            "faq2": [
                "{datax} garantis, remplacement en une heure, paiement crypto",
                "Je trouve les infos de n'importe qui : nom, adresse, pièce d'identité, {price}",
            ]
        },
        "fraud": {
            "faq2": [
                "Gagne 1000€ par semaine avec notre méthode, formation {price}",
                "On cherche des mules pour encaisser, payé par compte",
            ]
        },
        "cybercrime": {
            "faq2": [
                "Pour commander le {cyberx} : envoie le lien, paie, accès en 24h",
                "Location de botnet dès {price} par jour, {contact}",
            ]
        },
    },
    "pt": {
        "drugs": {
            "faq2": [
                "Como pedir: escolhe a {drugx}, paga em BTC e recebe a localização",
                "Garantia: se o pacote de {drugx} sumir, reenviamos grátis",
            ]
        },
        "weapons": {
            "faq2": [
                "{weaponx} sem numeração, envio desmontado, 50% adiantado",
                "Armas por encomenda, {weaponx}, sem documento, {contact}",
            ]
        },
        "fake_documents": {
            "faq2": [
                "Como pedir seu {docx}: foto, assinatura, dados, pagamento, pronto",
                "{docx} com garantia, passa em qualquer consulta",
            ]
        },
        "stolen_data": {
            "faq2": [
                "{datax} garantidos, troca em uma hora, pagamento em cripto",
                "Puxo dados de qualquer pessoa: nome, endereço, CPF, {price}",
            ]
        },
        "fraud": {
            "faq2": [
                "Ganhe 5 mil por semana com nosso método, curso {price}",
                "Precisamos de laranjas, pagamos por conta aberta",
            ]
        },
        "cybercrime": {
            "faq2": [
                "Como pedir o {cyberx}: manda o link, paga, acesso em 24h",
                "Aluguel de botnet a partir de {price} por dia, {contact}",
            ]
        },
    },
}
