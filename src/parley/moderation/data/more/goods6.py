"""A third batch for the weak spots: ordering how-tos and replies in every language,
opening accounts for others, breaking into accounts, people-search services, weapons
replies, reviews and kits, documents made to order, and buyers asking in few words."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: dict[str, Families] = {
    "drugs": {
        "howto6": [
            "step 1 message the bot, step 2 pay in {coin}, step 3 pick up the stash at the pin",
            "ordering is easy: send the amount you want, pay, get coords and a photo",
            "minimum order {dqty}, stealth shipping, {drugx} tested before it goes out",
            "menu in the pinned post, prices drop when you take {dqty} or more",
        ],
        "replies6": [
            "yeah still got {dcode}, how many u need?",
            "only {dqty} left, come quick",
            "sold out of {dcode}, more on thursday",
            "can drop it at yours in an hour, cash ready",
        ],
    },
    "weapons": {
        "replies6": [
            "still got the {wslang}, {wnote}, meet tonight",
            "yeah the {weaponx} is still here, comes with two mags",
            "sold the {wslang}, got another one friday",
            "{wslang} arrived, works perfect, seller legit",
            "review: {weaponx} came in parts, assembled in 10 min, {wnote}",
            "full kit: frame, slide, barrel, no FFL, no background check",
        ],
    },
    "fraud": {
        "accounts6": [
            "open a bank account in your name for us, {earn}, takes 20 minutes",
            "we pay you to sign up for {bank} and hand over the card and app",
            "need people to register crypto exchange accounts with their ID, {earn}",
            "send us a selfie with your ID and get {earn}, we handle the rest",
        ],
    },
    "cybercrime": {
        "access6": [
            "I get into any account in 24h, {price}, proof first",
            "forgot your ex's password? I don't care, I get in anyway",
            "need access to someone's email? give me the address, {price}",
            "we break into phones remotely, messages and photos, {paywith}",
        ],
    },
    "stolen_data": {
        "lookup6": [
            "find everything about anyone from a phone number, {price}",
            "dox service: home address, workplace, family, {paywith}",
            "I have the customer database of that bank, {price} per thousand",
            "private lookup bot: plates, passports, phone owners",
        ],
    },
    "fake_documents": {
        "ready6": [
            "your {docx} will be ready in 4 days, half up front",
            "send the details, we print the {docx} with hologram, {price}",
            "{docx} ready tomorrow, passes the scanner, {slang_contact}",
        ],
    },
}

INTL: dict[str, dict[str, Families]] = {
    "ru": {
        "drugs": {
            "howto6": [
                "Заказ через бота: выбрал, оплатил, получил фото и координаты",
                "Минималка 1 грамм, по городу клады каждый день",
            ],
        },
        "fraud": {
            "accounts6": [
                "Открой счёт на себя и передай нам доступ, платим 7000",
                "Ищем людей оформить карты на своё имя, оплата сразу",
            ],
        },
        "cybercrime": {
            "access6": [
                "Войду в любой аккаунт за сутки, предоплата",
                "Взломаю почту по адресу, быстро и анонимно",
            ],
        },
        "weapons": {
            "replies6": [
                "Да, ствол ещё есть, патроны в комплекте",
                "Отзыв: пистолет пришёл разобранным, всё работает",
            ],
        },
    },
    "es": {
        "drugs": {
            "howto6": [
                "Pide por el bot: eliges, pagas y te llega la foto con la ubicación",
                "Mínimo un gramo, entrego en mano por toda la ciudad",
            ],
        },
        "fraud": {
            "accounts6": [
                "Abre una cuenta a tu nombre y pásanos el acceso, te pagamos 200€",
                "Gana dinero prestando tu identidad para abrir cuentas",
            ],
        },
        "cybercrime": {
            "access6": [
                "Entro en cualquier cuenta en 24h, pago por adelantado",
                "Te consigo la contraseña de cualquier correo",
            ],
        },
        "stolen_data": {
            "lookup6": [
                "Busco todo de cualquier persona con su número de teléfono",
                "Tengo la base de clientes de ese banco, precio por mil",
            ],
        },
    },
    "de": {
        "drugs": {
            "howto6": [
                "Bestellung über den Bot: aussuchen, zahlen, Foto vom Versteck kommt",
                "Ab einem Gramm, Übergabe in der ganzen Stadt",
            ],
        },
        "fraud": {
            "accounts6": [
                "Eröffne ein Konto auf deinen Namen und gib uns den Zugang, 300€",
                "Verdiene Geld mit deinem Ausweis: wir eröffnen Konten",
            ],
        },
        "cybercrime": {
            "access6": [
                "Ich knacke jedes Passwort, Bezahlung vorab",
                "Zugang zu fremden Handys, Nachrichten und Fotos, anonym",
            ],
        },
        "fake_documents": {
            "ready6": [
                "Dein Ausweis ist in 4 Tagen fertig, Hälfte vorab",
                "Führerschein mit Hologramm, Lieferung per Post",
            ],
        },
    },
    "fr": {
        "drugs": {
            "howto6": [
                "Commande via le bot : tu choisis, tu paies, tu reçois la photo de la planque",
                "Minimum un gramme, livraison dans toute la ville",
            ],
        },
        "fraud": {
            "accounts6": [
                "Ouvre un compte à ton nom et donne-nous l'accès, 300€",
                "Gagne de l'argent avec ta carte d'identité, on ouvre les comptes",
            ],
        },
        "cybercrime": {
            "access6": [
                "Je rentre dans n'importe quel compte en 24h, paiement d'avance",
                "Récupère les messages de n'importe quel téléphone, discret",
            ],
        },
        "stolen_data": {
            "lookup6": [
                "Je trouve tout sur n'importe qui avec un numéro de téléphone",
                "J'ai le fichier clients de cette banque, prix par millier",
            ],
        },
    },
    "pt": {
        "drugs": {
            "howto6": [
                "Pede pelo bot: escolhe, paga e recebe a foto do esconderijo",
                "Mínimo um grama, entrego em toda a cidade",
            ],
        },
        "fraud": {
            "accounts6": [
                "Abre conta no teu nome e passa o acesso, pagamos 500",
                "Ganhe dinheiro emprestando seu CPF pra abrir contas",
            ],
        },
        "cybercrime": {
            "access6": [
                "Invado qualquer conta em 24h, pagamento antecipado",
                "Pego a senha de qualquer e-mail, sigilo total",
            ],
        },
        "weapons": {
            "replies6": [
                "ainda tenho a peça, com munição, entrego hoje",
                "chegou a pistola, funcionando, vendedor confiável",
            ],
        },
    },
    "ar": {
        "drugs": {
            "howto6": [
                "اطلب عبر البوت: اختار، ادفع، توصلك صورة المكان",
                "أقل كمية غرام، توصيل لكل المدينة",
            ],
        },
        "fraud": {
            "accounts6": [
                "افتح حساب باسمك وأعطنا الدخول، ندفع 300",
                "اربح مال مقابل استخدام هويتك لفتح حسابات",
            ],
        },
        "cybercrime": {
            "access6": [
                "أدخل أي حساب خلال 24 ساعة، الدفع مقدماً",
                "أجيب لك كلمة سر أي إيميل",
            ],
        },
        "stolen_data": {
            "lookup6": [
                "أجيب لك كل معلومات أي شخص من رقم جواله",
                "عندي بيانات عملاء هذا البنك، السعر لكل ألف",
            ],
        },
    },
}
