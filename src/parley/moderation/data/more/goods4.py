"""Illegal-goods families where text-v2 was weakest: coded drug talk with no product word,
short reviews, reship terms, courier and money-mule recruiting, short buyer questions,
one-word weapon slang, and short replies in other languages."""

from __future__ import annotations

Families = dict[str, list[str]]

EN: dict[str, Families] = {
    "drugs": {
        "coded4": [
            "got {dcode} you asked about, same price as last time, pull up",
            "{dcode}? say less, 20 mins, same spot",
            "white or green today? both in, {slang_contact}",
            "menu updated 🔥 new strains landed, tap in for prices",
            "back in {city} this weekend, same number, same quality",
            "need {dqty}? got you, {paywith} or cash on meet",
            "8th 25, q 45, half 80, oz 150, no shorts",
            "just re-upped, smells crazy, first come first served",
            "can do {dqty} for {price} if you grab tonight",
            "the stuff from the coast is back, limited",
            "who needs a g tonight? driving round till 2",
            "dropping off in {city} all night, text the new number",
        ],
        "reviews4": [
            "10/10 would order again, hit hard 🔥",
            "strong stuff, took half and was gone all night",
            "stealth was perfect, landed in 3 days, quality A+",
            "vendor legit, product slaps, fast replies",
            "pressed well, clean roll, no comedown",
            "bit cut but decent for the price, will reorder",
            "best batch so far, the {drugx} is on point",
            "got my {dqty} today, weighed out right, smooth",
            "review: {drugx} from this guy is the real deal, tracking worked",
            "5 stars, bud was sticky and the pack smelled of nothing",
        ],
        "reship4": [
            "Q: pack seized? A: one free reship on the {drugx}, 50% after that",
            "stealth pack lost? send the tracking screenshot, we reship the {drugx} in 48h",
            "got a customs letter? don't sign anything, we reship to a new drop",
            "seizure policy: first one on us, second one half price",
            "no reship on orders under {price}, no exceptions",
            "we vac seal twice and reship if seized, {coin}",
        ],
        "couriers4": [
            "looking for drivers, {earn}, no questions, own car needed",
            "hiring runners in {city}, drop packages, paid daily",
            "need couriers for stash drops, {earn}, start tomorrow",
            "easy money: pick up, drop off, don't open the bag, {earn}",
            "need someone with a clean licence to run packs up north, {earn}",
            "drop workers wanted, we teach you how to hide the stash, {slang_contact}",
            "door to door, {earn}, phone provided, no experience needed",
        ],
        "buyer4": [
            "got any bud?",
            "who's got snow in {city}?",
            "anyone selling pingers near me?",
            "where can i get xans tonight",
            "plug for carts in {city}?",
            "u still got that gas?",
            "need {dqty} asap",
            "any1 holding?",
            "who's doing deliveries tonight, need {dcode}",
            "looking for a new connect, old one got locked up",
            "can anyone sort me out with some {drugx}?",
            "need a plug, pay {paywith}",
        ],
    },
    "weapons": {
        "slang4": [
            "{wslang} for sale, {wnote}",
            "{wslang} 4 sale dm",
            "got {wslang}s, {slang_contact}",
            "{wslang} {price} firm",
            "{wslang} available, {wnote}, {price}",
            "selling a {wnote} {wslang}",
            "{wslang} + {wslang2}, {price} for both",
            "who wants the {wslang}, {wnote}, {paywith}",
            "fresh {wslang}s in {city}, {wnote}",
            "{wslang} 🔫 {price}",
        ],
        "buyer4": [
            "anyone got a {wslang}?",
            "where to get a switch for my glock",
            "need a {wslang} asap, no questions",
            "who selling {wslang}s in {city}",
            "looking for a {wslang}, {wnote}, paying {paywith}",
            "need a ghost gun, who prints them?",
            "who can get me a piece without papers",
            "can someone get me a {wslang} by tonight",
        ],
    },
    "fake_documents": {
        "buyer4": [
            "who makes good fake ids?",
            "need a driver licence without doing the test, who can help",
            "can someone do a uni diploma by friday",
            "anyone know a guy for passports? paying well",
            "need a doctor's note with a real stamp for monday",
            "where do i get a scannable id for {city} bars",
        ],
        "license4": [
            "get your driving licence without the exam, registered in the system, {price}",
            "buy a real registered licence, no test, no school, {slang_contact}",
            "driving ban? we make you a clean licence in 5 days",
            "apostilled diploma from any university, no attendance, {price}",
            "sick notes and doctor's certificates with real stamps, any date",
            "notary stamps and signatures on any document, no originals needed",
            "bank statements and payslips made to order for rentals, {price}",
        ],
    },
    "stolen_data": {
        "short4": [
            "logs fresh",
            "fresh {datax} just dropped, {coin}",
            "db dump 2m lines, email:pass, {price}",
            "combo list 500k, hq, private",
            "bank logs with balance, {bank}, {slang_contact}",
            "{bank} logs w/ email access, {price}",
            "lifetime netflix and spotify accs, cracked, {price}",
            "who sells fullz? need dob and ssn",
            "need bank logs asap",
            "anyone got a fresh combo list?",
            "selling {datax}, replacement if dead",
        ],
    },
    "fraud": {
        "mules4": [
            "looking for people with a bank account, earn {earn} for receiving transfers",
            "rent your {bank} account to us, we pay 20% of everything that lands",
            "need drops for cashout, UK accounts, fast pay",
            "work from home: receive payments and forward them, {earn}",
            "quick cash: let us use your card for one day, £300 guaranteed",
            "got a {bank} account? we pay {earn}, no risk, {slang_contact}",
            "need account holders 18-25, you keep 10%, we do the rest",
            "open a business account for us and earn {earn}",
        ],
        "recruit4": [
            "need callers for bank scam lines, {earn}, script provided",
            "hiring for the refund team, we teach the {fraudx}",
            "looking for a guy to cash out cards at atms, {earn}",
            "selling counterfeit notes, 1:5, looks and feels real",
            "need people to pick up parcels bought with other people's cards",
            "join the team: we send phishing texts, you cash out, 50/50",
        ],
    },
    "cybercrime": {
        "short4": [
            "need someone to hack an insta, paying {paywith}",
            "who can take down a site for me? paying well",
            "FUD crypter rental, {price}/month",
            "OTP bot subscription, bypass 2FA on any bank, {price}",
            "will install a RAT on anyone's phone, you watch everything",
            "DDoS for hire, any target, {price}/hour",
            "0day for sale, RCE, no patch yet, {coin}",
            "can hack any snapchat in 24h, proof first",
            "selling access to a hacked corporate network, domain admin",
            "need a hacker to change my grades, {paywith}",
        ],
    },
}

INTL: dict[str, dict[str, Families]] = {
    "ru": {
        "drugs": {
            "short4": [
                "сколько за грамм?",
                "есть шишки?",
                "кто в {city} работает?",
                "нужен клад на сегодня",
                "отзыв: клад нашёл сразу, качество огонь",
                "Требуются курьеры-закладчики, от 100к в неделю, обучение",
                "Работа для курьеров: раскладка по городу, оплата каждый день",
                "Потеряли клад? Перезаклад бесплатно, пишите в бот",
            ],
        },
        "weapons": {
            "short4": [
                "есть ствол?",
                "нужен травмат без лицензии",
                "продам ствол, чистый, без номеров",
                "кто достанет пушку до вечера?",
            ],
        },
        "fraud": {
            "mules4": [
                "Ищем дропов, оформим карту на тебя, платим 5к",
                "Купим твою банковскую карту, 3000 за штуку",
                "Нужны люди с картами для приёма переводов, процент сразу",
                "Работа: принимаешь деньги на карту и переводишь дальше, 10%",
            ],
        },
        "fake_documents": {
            "short4": [
                "Права без экзамена, внесение в базу, {price}",
                "Больничный лист задним числом, с печатью",
                "кто сделает справку для работы?",
                "Диплом любого вуза с записью в реестре",
            ],
        },
        "stolen_data": {
            "short4": [
                "Пробив по номеру телефона, быстро",
                "Сливы баз клиентов банков, свежие",
                "есть логи?",
                "Продам аккаунты с привязанной картой",
            ],
        },
        "cybercrime": {
            "short4": [
                "Взлом ВК и телеграма под ключ",
                "кто может положить сайт конкурента?",
                "Аренда крипта FUD, {price} в месяц",
                "Установлю шпиона на телефон жены или мужа",
            ],
        },
    },
    "es": {
        "drugs": {
            "short4": [
                "¿tienes perico?",
                "¿hay material hoy?",
                "¿cuánto el gramo?",
                "¿quién tiene mota en {city}?",
                "reseña: llegó en 3 días, bien escondido, calidad top",
                "se buscan repartidores para entregar paquetes, pago diario, discreción",
                "trabajo fácil: llevar bolsas de un punto a otro, 200€ por viaje",
                "si la policía pilla el envío de la mota, lo reenviamos gratis",
            ],
        },
        "weapons": {
            "short4": [
                "¿tienes fierro?",
                "vendo cuete limpio, sin papeles",
                "¿quién vende una pistola sin registro?",
                "busco una escuadra para hoy",
            ],
        },
        "fraud": {
            "mules4": [
                "se busca gente con cuenta bancaria, ganá 20% por cada transferencia",
                "alquila tu cuenta del banco, te pagamos 300€ a la semana",
                "necesito mulas para recibir transferencias y sacarlas en efectivo",
                "trabajo desde casa: recibes dinero y lo reenvías, comisión 10%",
            ],
        },
        "fake_documents": {
            "short4": [
                "carnet de conducir sin examen, registrado, {price}",
                "¿quién me hace un DNI falso?",
                "bajas médicas con sello real, cualquier fecha",
                "títulos universitarios con apostilla sin estudiar",
            ],
        },
        "stolen_data": {
            "short4": [
                "¿alguien vende tarjetas con saldo?",
                "vendo base de datos de clientes, 1 millón de filas",
                "cuentas de netflix robadas, de por vida, {price}",
                "logs bancarios frescos, {contact}",
            ],
        },
        "cybercrime": {
            "short4": [
                "hackeo cualquier whatsapp en 24h",
                "¿quién puede tumbar una web?",
                "vendo acceso a servidores hackeados, {price}",
                "instalo espía en el móvil de tu pareja",
            ],
        },
    },
    "de": {
        "drugs": {
            "short4": [
                "hast du noch gras?",
                "wie viel für 5g?",
                "wer hat was in {city}?",
                "brauch was für heute abend",
                "Bewertung: kam in 2 Tagen, top Qualität, geruchsdicht",
                "Fahrer gesucht, Pakete ausliefern, keine Fragen, 300€ am Tag",
                "Kuriere gesucht: Abholen, ablegen, nicht reinschauen",
                "Paket mit dem Gras vom Zoll geschnappt? Wir schicken einmal gratis nach",
            ],
        },
        "weapons": {
            "short4": [
                "brauchst du ne knarre?",
                "verkaufe Pistole ohne WBK, sauber",
                "wer besorgt mir eine scharfe ohne Papiere?",
                "Knarre zu verkaufen, Munition dabei",
            ],
        },
        "fraud": {
            "mules4": [
                "Finanzagent gesucht: Zahlungen empfangen und weiterleiten, 10% Provision",
                "Wir kaufen dein Bankkonto, 500€ sofort",
                "Konto leihen gegen Bares, kein Risiko",
                "Nebenjob: Geld aufs Konto bekommen, abheben, weitergeben",
            ],
        },
        "fake_documents": {
            "short4": [
                "Führerschein ohne Prüfung, im System eingetragen, {price}",
                "wer macht mir einen Ausweis?",
                "Krankschreibung mit echtem Stempel, jedes Datum",
                "Zeugnisse und Diplome auf Bestellung",
            ],
        },
        "stolen_data": {
            "short4": [
                "verkaufe Kreditkartendaten mit Guthaben",
                "frische Bank-Logs, {contact}",
                "Kundendatenbank eines Shops, 800k Einträge",
                "Netflix Accounts gecrackt, lebenslang, {price}",
            ],
        },
        "cybercrime": {
            "short4": [
                "hacke jeden Instagram Account",
                "wer kann eine Website lahmlegen?",
                "DDoS Angriffe zu mieten, {price} pro Stunde",
                "Spionage-App heimlich aufs Handy deines Partners",
            ],
        },
    },
    "fr": {
        "drugs": {
            "short4": [
                "t'as de la beuh ?",
                "combien le g ?",
                "qui a du matos à {city} ?",
                "avis : livré en 2 jours, discret, qualité au top",
                "recrute livreurs, 200€ par jour, pas de questions",
                "cherche charbonneurs pour le point de deal, payé à la journée",
                "colis de beuh saisi par la douane ? on renvoie gratuitement une fois",
                "la frappe est arrivée, snap pour la carte",
            ],
        },
        "weapons": {
            "short4": [
                "t'as un calibre ?",
                "vends gun propre, sans papiers",
                "qui peut me trouver une arme ce soir ?",
                "kalash dispo, {price}, cash",
            ],
        },
        "fraud": {
            "mules4": [
                "cherche mules pour recevoir des virements, 300€ par opération",
                "prête ton RIB et gagne 500€, sans risque",
                "je rachète les comptes bancaires, paiement immédiat",
                "taf facile : tu reçois l'argent et tu le renvoies, 10% pour toi",
            ],
        },
        "fake_documents": {
            "short4": [
                "permis de conduire sans examen, enregistré en préfecture, {price}",
                "qui fait des fausses cartes d'identité ?",
                "arrêt maladie avec vrai tampon, n'importe quelle date",
                "diplômes et relevés de notes sur commande",
            ],
        },
        "stolen_data": {
            "short4": [
                "vends fiches clients avec IBAN, fraîches",
                "logs bancaires dispo, {contact}",
                "base de données d'un site e-commerce, 1M de lignes",
                "comptes netflix crackés, à vie, {price}",
            ],
        },
        "cybercrime": {
            "short4": [
                "je pirate n'importe quel compte snap",
                "qui peut faire tomber un site ?",
                "location de botnet, {price} par jour",
                "logiciel espion indétectable pour téléphone",
            ],
        },
    },
    "pt": {
        "drugs": {
            "short4": [
                "tem pó?",
                "quanto o grama?",
                "quem tem erva em {city}?",
                "avaliação: chegou em 3 dias, bem embalado, qualidade top",
                "precisa-se de entregadores, pagamento diário, sem perguntas",
                "vaga de avião: leva a mochila, recebe 500",
                "a polícia pegou o pacote do bagulho? reenvio grátis uma vez",
                "chegou o bagulho novo, chama no zap",
            ],
        },
        "weapons": {
            "short4": [
                "tem oitão?",
                "vendo peça limpa, sem registro",
                "quem arruma uma arma hoje?",
                "pistola sem numeração, {price}",
            ],
        },
        "fraud": {
            "mules4": [
                "aluga-se conta bancária, pagamos 500 por semana, laranja",
                "precisamos de laranjas com conta no banco, 20% pra você",
                "compro conta bancária, pago na hora",
                "trabalho fácil: recebe pix e repassa, comissão de 10%",
            ],
        },
        "fake_documents": {
            "short4": [
                "CNH sem prova, registrada no Detran, {price}",
                "quem faz RG falso?",
                "atestado médico com carimbo verdadeiro, qualquer data",
                "diploma de faculdade sem estudar, com registro no MEC",
            ],
        },
        "stolen_data": {
            "short4": [
                "consulta completa por CPF, dados de qualquer pessoa",
                "vendo cc com saldo alto, {contact}",
                "painel de consulta com dados vazados, {price}",
                "contas netflix vitalícias crackeadas",
            ],
        },
        "cybercrime": {
            "short4": [
                "hackeio qualquer whatsapp",
                "quem derruba um site pra mim?",
                "aluguel de botnet, {price} por dia",
                "espião pra celular, invisível",
            ],
        },
    },
    "ar": {
        "drugs": {
            "short4": [
                "عندك حشيش؟",
                "كم سعر الغرام؟",
                "مين عنده بضاعة في {city}؟",
                "مطلوب مندوبين لتوصيل طرود، دفع يومي، بدون أسئلة",
                "وصلت البضاعة، جودة عالية، توصيل سري",
                "تقييم: وصلت خلال يومين والنوعية ممتازة",
            ],
        },
        "weapons": {
            "short4": [
                "عندك مسدس؟",
                "للبيع قطعة نظيفة بدون ترخيص",
                "مين يجيب سلاح الليلة؟",
                "كلاشن للبيع، {price}",
            ],
        },
        "fraud": {
            "mules4": [
                "مطلوب اشخاص لديهم حسابات بنكية لاستلام تحويلات مقابل عمولة",
                "نشتري حسابك البنكي، الدفع فوراً",
                "استقبل حوالات على حسابك وحولها، 10% لك",
                "أجّر حسابك البنكي واربح 500 في الأسبوع",
            ],
        },
        "fake_documents": {
            "short4": [
                "رخصة قيادة بدون اختبار، مسجلة بالنظام",
                "مين يسوي هوية مزورة؟",
                "تقارير طبية بختم حقيقي بأي تاريخ",
                "شهادات جامعية بدون دراسة",
            ],
        },
        "stolen_data": {
            "short4": [
                "بيع بيانات عملاء البنوك، حديثة",
                "حسابات نتفليكس مخترقة مدى الحياة",
                "قاعدة بيانات متجر، مليون سطر",
                "بطاقات فيزا برصيد، {contact}",
            ],
        },
        "cybercrime": {
            "short4": [
                "اختراق أي حساب سناب خلال يوم",
                "مين يقدر يوقع موقع؟",
                "برنامج تجسس على الجوال، مخفي",
                "تأجير هجمات DDoS بالساعة",
            ],
        },
    },
}
