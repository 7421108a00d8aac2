"""Lawful counterparts of goods6: shops' delivery guarantees, banks' own sign-up offers,
account recovery through official channels, documents from official offices, gun shops
and hunters' reviews, and people asking in few words about ordinary things."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: Families = {
    "bank_offers6": [
        "Open a {bank} account today and get £50 when you pay in your salary",
        "Refer a friend to {bank}: you both get {price}",
        "Student account with {bank}: no fees, free railcard",
        "Open an account in 10 minutes with just your ID and a selfie",
    ],
    "recovery6": [
        "Locked out of my email, the official recovery form worked after 2 days",
        "Never pay 'hackers' to recover an account, they're scammers",
        "Turn on 2FA, my Instagram was saved by it yesterday",
        "IT support: we reset staff passwords only after calling them back",
    ],
    "official_docs6": [
        "Your passport will be ready in 5 working days, collect it with your receipt",
        "The DMV mails the new licence within two weeks",
        "Certified copies of your degree are ready tomorrow at the registrar",
        "Photo booth at the post office prints passport photos in 5 minutes",
    ],
    "gun_shop6": [
        "Review: the {gun_ok} from our local dealer shoots tight groups, paperwork took a week",
        "Still have the {gun_ok}? interested, I have my licence and will meet at the dealer",
        "Gunsmith recommendation for a scope mount?",
        "Sold my {gun_ok} through the shop, transfer done today",
    ],
    "order_howto6": [
        "Ordering is easy: pick your box, pay online, we deliver on Friday",
        "Step 1 choose a plan, step 2 pay by card, step 3 enjoy your meals",
        "Minimum order 2 pizzas for delivery, free over {price}",
        "Menu in the pinned post, prices drop for groups of 10 or more",
    ],
}

INTL: dict[str, Families] = {
    "ru": {
        "docs6": [
            "Водительское удостоверение будет готово через 3 дня в ГИБДД",
            "Справку для работы выдают в поликлинике за один день",
            "Бот доставки суши: выбираешь сет, платишь картой, курьер через час",
            "Банк дарит 1000 рублей за оформление дебетовой карты",
        ],
        "asks6": [
            "есть синий цвет?",
            "сколько за килограмм яблок?",
            "кто едет на матч в субботу?",
            "есть свободный столик на вечер?",
            "а доставка сегодня будет?",
            "у кого есть зарядка для айфона?",
        ],
        "lawful6": [
            "Откройте счёт в банке онлайн и получите 500 бонусов",
            "Если заказ потерялся, отправим новый бесплатно",
            "Паспорт будет готов через 5 дней, заберите в МФЦ",
            "Заказ через бота: выбрали пиццу, оплатили, курьер привезёт",
            "Не платите «хакерам» за восстановление аккаунта, это мошенники",
        ],
    },
    "es": {
        "docs6": [
            "El carnet de conducir nuevo llega por correo en dos semanas",
            "El certificado médico lo da tu médico de cabecera el mismo día",
            "Bot de pedidos de sushi: eliges, pagas con tarjeta y llega en una hora",
            "El banco regala 100€ por domiciliar la nómina",
        ],
        "asks6": [
            "¿lo tienes en azul?",
            "¿cuánto el kilo de tomates?",
            "¿quién va al partido el sábado?",
            "¿hay mesa libre para esta noche?",
            "¿hoy hay reparto?",
            "¿alguien tiene un cargador de iPhone?",
        ],
        "lawful6": [
            "Abre tu cuenta online y llévate 50€ de regalo",
            "Si tu pedido se pierde, te mandamos otro gratis",
            "Tu pasaporte estará listo en 5 días hábiles",
            "Pide por la app: eliges el menú, pagas y te lo llevamos",
            "Nunca pagues a 'hackers' para recuperar una cuenta, son estafadores",
        ],
    },
    "de": {
        "docs6": [
            "Der neue Führerschein kommt in zwei Wochen per Post",
            "Die Krankschreibung bekommst du beim Hausarzt am selben Tag",
            "Sushi-Bot: Menü wählen, mit Karte zahlen, Lieferung in einer Stunde",
            "Die Bank schenkt dir 100€ für den Gehaltseingang",
        ],
        "asks6": [
            "gibt es das in blau?",
            "was kostet das Kilo Tomaten?",
            "wer fährt Samstag zum Spiel?",
            "habt ihr heute Abend noch einen Tisch frei?",
            "liefert ihr heute noch?",
            "hat jemand ein iPhone-Ladekabel?",
        ],
        "lawful6": [
            "Jetzt Girokonto eröffnen und 50€ Startguthaben sichern",
            "Geht deine Bestellung verloren, senden wir kostenlos neu",
            "Ihr Reisepass ist in 5 Werktagen abholbereit",
            "Bestellung per App: Menü wählen, zahlen, wir liefern",
            "Zahlt nie 'Hackern' für die Kontowiederherstellung, das sind Betrüger",
        ],
    },
    "fr": {
        "docs6": [
            "Le nouveau permis arrive par la poste sous deux semaines",
            "L'arrêt de travail se fait chez le médecin traitant le jour même",
            "Bot de commande de sushis : tu choisis, tu paies par carte, livré en une heure",
            "La banque offre 100€ pour l'ouverture d'un compte avec virement de salaire",
        ],
        "asks6": [
            "vous l'avez en bleu ?",
            "c'est combien le kilo de tomates ?",
            "qui va au match samedi ?",
            "il vous reste une table ce soir ?",
            "vous livrez aujourd'hui ?",
            "quelqu'un a un chargeur d'iPhone ?",
        ],
        "lawful6": [
            "Ouvrez votre compte en ligne et recevez 80€ offerts",
            "Commande perdue ? On vous la renvoie gratuitement",
            "Votre passeport sera prêt dans 5 jours ouvrés en mairie",
            "Commandez via l'appli : vous choisissez, vous payez, on livre",
            "Ne payez jamais des 'hackers' pour récupérer un compte, ce sont des arnaqueurs",
        ],
    },
    "pt": {
        "docs6": [
            "A CNH nova chega pelo correio em duas semanas",
            "O atestado médico você pega no posto de saúde no mesmo dia",
            "Bot de pedidos de sushi: escolhe, paga no cartão e chega em uma hora",
            "O banco dá R$100 para quem traz o salário",
        ],
        "asks6": [
            "tem na cor vermelha?",
            "quanto o quilo do tomate?",
            "quem vai no jogo sábado?",
            "tem mesa livre hoje à noite?",
            "vocês entregam hoje?",
            "alguém tem carregador de iPhone?",
        ],
        "lawful6": [
            "Abra sua conta digital e ganhe R$50 de bônus",
            "Se o pedido extraviar, mandamos outro de graça",
            "Seu passaporte fica pronto em 5 dias úteis",
            "Peça pelo app: escolhe o prato, paga e a gente entrega",
            "Nunca pague 'hackers' para recuperar conta, é golpe",
        ],
    },
    "ar": {
        "docs6": [
            "رخصة القيادة الجديدة تصل بالبريد خلال أسبوعين",
            "التقرير الطبي تأخذه من طبيب العائلة في نفس اليوم",
            "بوت طلبات السوشي: اختار وادفع بالبطاقة ويوصلك خلال ساعة",
            "البنك يعطيك 100 عند تحويل راتبك",
        ],
        "asks6": [
            "عندك نفس الموديل باللون الأزرق؟",
            "كم سعر كيلو الطماطم؟",
            "مين رايح المباراة يوم السبت؟",
            "في طاولة فاضية الليلة؟",
            "في توصيل اليوم؟",
            "أحد عنده شاحن ايفون؟",
        ],
        "lawful6": [
            "افتح حسابك البنكي أونلاين واحصل على مكافأة 50",
            "إذا ضاع طلبك نرسل لك واحداً جديداً مجاناً",
            "جواز سفرك سيكون جاهزاً خلال 5 أيام عمل",
            "اطلب عبر التطبيق: اختر الوجبة وادفع ونوصلها لك",
            "لا تدفع لمن يدعي أنه هاكر لاسترجاع حسابك، إنه نصاب",
        ],
    },
}
