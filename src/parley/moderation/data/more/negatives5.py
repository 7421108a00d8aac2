"""More lawful look-alikes, two families per language so that both training and dev see
some: delivery and warehouse jobs, shops' delivery guarantees, bank and account help,
IT courses and admin chat, licences and certificates done the lawful way, gun owners and
hunters, short questions about ordinary things."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: Families = {
    "jobs5": [
        "We're hiring van drivers in {driving_city}, full licence, 40h/week, holiday pay",
        "Amazon Flex: pick your blocks, deliver parcels, paid weekly",
        "Night shift in our distribution centre, forklift licence a plus",
        "Bike couriers wanted for our bakery, mornings only",
        "Student job: delivering flyers on weekends, {price} per round",
    ],
    "bank_help5": [
        "How do I open a business account with {bank}? what documents do they want?",
        "{bank} froze my account for a week after a big transfer, is that normal?",
        "Can I receive my salary on a {bank} account from abroad?",
        "Transferring money to family in Morocco: Wise or Western Union?",
        "Joint account with my partner, which bank has no fees?",
    ],
    "it_chat5": [
        "pg_dump keeps timing out on the big table, any flags I'm missing?",
        "Our logs fill the disk every night, logrotate config help please",
        "Need someone to fix the login page on our WordPress site, paid gig",
        "Looking for a pentester for our app before launch, with a contract",
        "Selling my old ThinkPad, 16GB RAM, clean Windows install, {price}",
        "Bug bounty paid out 2k for an IDOR I found, responsible disclosure ftw",
    ],
    "gun_owner5": [
        "Range day tomorrow, bringing the {gun_ok}, anyone want to join?",
        "Gun safe recommendations? need one before my permit comes through",
        "Selling my {gun_ok} to a licensed buyer only, transfer through a dealer",
        "Hunting season opens Saturday, deer tags are in",
        "Cleaning kit and ear protection for sale, {price}",
    ],
    "ordinary_reviews5": [
        "10/10 would go again, the ramen hits different",
        "Strong coffee, smooth finish, will reorder",
        "Arrived in 2 days, packed well, the plant is thriving 🌱",
        "Best batch of sourdough so far, crust is perfect",
        "Bit pricey but decent quality, the jacket fits great",
    ],
    "ordinary_asks5": [
        "who's got a ladder I can borrow?",
        "anyone selling a pram near {driving_city}?",
        "need a plumber asap, pipe burst",
        "where can i get a cheap haircut tonight",
        "any1 got a spare charger for a Switch?",
        "who's driving to the match, need a lift",
    ],
}

INTL: dict[str, Families] = {
    "ru": {
        "jobs5": [
            "Требуются водители-экспедиторы, официальное трудоустройство, ЗП 90 000",
            "Ищем курьеров в пекарню, график 2/2",
            "Работа на складе: комплектовщик, оплата каждую неделю",
            "Подработка для студентов: раздача листовок, выходные",
        ],
        "asks5": [
            "сколько стоит маникюр у вас?",
            "есть ещё билеты на субботу?",
            "Как открыть счёт для ИП в Тинькофф?",
            "Курс по базам данных PostgreSQL, начало в мае",
            "Если посылка потерялась, отправим повторно бесплатно",
            "Продам охотничье ружьё, только с лицензией, через магазин",
        ],
    },
    "es": {
        "jobs5": [
            "Se buscan conductores de furgoneta, contrato indefinido",
            "Trabajo en almacén: preparación de pedidos, turno de noche",
            "Repartidores en bici para panadería, solo mañanas",
            "Empleo para estudiantes: reparto de folletos los fines de semana",
        ],
        "asks5": [
            "¿cuánto cuesta el corte de pelo?",
            "¿quedan entradas para el sábado?",
            "¿Cómo abro una cuenta de empresa en el banco?",
            "Curso de PostgreSQL para principiantes, empieza en mayo",
            "Si tu paquete se pierde, te enviamos otro sin coste",
            "Vendo escopeta de caza solo a persona con licencia",
        ],
    },
    "de": {
        "jobs5": [
            "Lagerhelfer gesucht, Nachtschicht, Festanstellung",
            "Kurierfahrer für Apotheke gesucht, Minijob",
            "Wir suchen Zusteller für Zeitungen, frühmorgens",
            "Fahrradkuriere für Bäckerei gesucht, nur vormittags",
        ],
        "asks5": [
            "was kostet ein Haarschnitt bei euch?",
            "gibt es noch Tickets für Samstag?",
            "Wie eröffne ich ein Geschäftskonto bei der Sparkasse?",
            "Datenbank-Kurs: PostgreSQL für Anfänger, Start im Mai",
            "Geht dein Paket verloren, schicken wir kostenlos Ersatz",
            "Verkaufe Jagdflinte nur an WBK-Inhaber",
        ],
    },
    "fr": {
        "jobs5": [
            "Recherche chauffeurs-livreurs en CDI, permis B",
            "Préparateur de commandes en entrepôt, équipe de nuit",
            "Livreurs à vélo pour boulangerie, le matin",
            "Job étudiant : distribution de prospectus le week-end",
        ],
        "asks5": [
            "c'est combien la coupe ?",
            "il reste des billets pour samedi ?",
            "Comment ouvrir un compte pro à la banque ?",
            "Formation PostgreSQL pour débutants, début en mai",
            "Si votre colis est perdu, on vous en renvoie un gratuitement",
            "Vends fusil de chasse uniquement à un titulaire du permis",
        ],
    },
    "pt": {
        "jobs5": [
            "Vaga para motorista de van, carteira assinada",
            "Auxiliar de estoque, turno da noite",
            "Entregador de bicicleta para padaria, só de manhã",
            "Bico para estudante: entregar panfletos no fim de semana",
        ],
        "asks5": [
            "quanto custa o corte?",
            "ainda tem ingresso pra sábado?",
            "Como abrir conta PJ no banco?",
            "Curso de PostgreSQL para iniciantes, começa em maio",
            "Se o pacote extraviar, enviamos outro sem custo",
            "Vendo espingarda de caça só para quem tem porte",
        ],
    },
    "ar": {
        "jobs5": [
            "مطلوب سائقين لشركة شحن، عقد رسمي",
            "مطلوب عامل مستودع، دوام ليلي",
            "مطلوب مندوب توصيل لصيدلية، دوام جزئي",
            "عمل للطلاب: توزيع منشورات في العطلة",
        ],
        "asks5": [
            "كم سعر قص الشعر؟",
            "في تذاكر لسه ليوم السبت؟",
            "كيف أفتح حساب تجاري في البنك؟",
            "دورة قواعد بيانات للمبتدئين تبدأ في مايو",
            "إذا ضاع الطرد نرسل لك بديلاً مجاناً",
            "بندقية صيد للبيع فقط لحامل الترخيص",
        ],
    },
}
