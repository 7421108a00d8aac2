"""Template families for the six illegal-goods categories in Russian, Spanish, German,
French, Portuguese and Arabic. Same slot names as the English families."""

from __future__ import annotations

Families = dict[str, list[str]]

RU: dict[str, Families] = {
    "drugs": {
        "shop": [
            "{drug} и {drug2} в наличии, {price}, закладки по городу {city}. {contact}",
            "Магазин работает 24/7 🔥 {drug}, {drug2}, {drug3}. {contact}",
        ],
        "promo": [
            "Акция! {drug} {qty} всего {price}, {contact}",
            "Новый завоз: {drug} высшего качества, {contact}",
        ],
        "ask": [
            "Где взять {drug} в {city}? Нужно срочно, заплачу {price}",
            "Кто продаст {drug}? Оплата в крипте, пишите в лс",
        ],
    },
    "weapons": {
        "offer": [
            "Продам {weapon}, без документов, чистый, {price}. {contact}",
            "{weapon} и {weapon2} в наличии, без лицензии, {contact}",
        ],
        "ask": [
            "Куплю {weapon} без документов в {city}, {price}",
            "Нужен {weapon}, без регистрации, пишите в лс",
        ],
        "list": [
            "Оружие: {weapon} — {price}, {weapon2} — {price2}. Доставка по России. {contact}",
            "Переделка {weapon} под боевой, {contact}",
        ],
    },
    "fake_documents": {
        "offer": [
            "Сделаем {doc} и {doc2} за 3 дня, с проводкой по базе, {price}. {contact}",
            "Купить {doc} без экзаменов, {price}, {contact}",
        ],
        "list": [
            "{doc} любого вуза с печатями, {price}. {contact}",
            "{doc} задним числом, любые даты, {contact}",
        ],
        "ask": [
            "Кто делает {doc}? Нужно чтобы проходило проверку, {price}",
            "Нужен {doc} срочно, без очереди, пишите",
        ],
    },
    "stolen_data": {
        "offer": [
            "Продаю {data}, свежие, {price}, {contact}",
            "{data} по всем регионам, актуальные, {contact}",
        ],
        "lookup": [
            "{data}: ФИО, адрес, паспорт по номеру телефона, {price}",
            "Пробив любого человека за 15 минут, {price}, {contact}",
        ],
        "ask": ["Куплю {data} оптом, оплата в крипте", "Нужны {data}, свежие, пишите цены"],
    },
    "fraud": {
        "offer": [
            "{fraud}, качество как настоящие, {price}, {contact}",
            "Продаю {fraud}, проходят детектор, {contact}",
        ],
        "scheme": [
            "Рабочая {fraud} {year}, доход от {price} в день, {contact}",
            "Ищем {fraud}, платим {percent} с каждого перевода, {contact}",
        ],
        "invest": [
            "{fraud} за 24 часа, гарантия, {contact}",
            "Вложи {price} — получи в 10 раз больше, {fraud}, пишите в лс",
        ],
    },
    "cybercrime": {
        "offer": [
            "{cyber} на заказ, любая сложность, {price}, {contact}",
            "Услуги: {cyber}, {cyber2}, анонимно, {contact}",
        ],
        "sell": [
            "Продам {cyber}, не палится антивирусами, {price}",
            "{cyber} в аренду, оплата в крипте, {contact}",
        ],
        "ask": [
            "Нужен {cyber}, заплачу {price}, пишите в лс",
            "Ищу человека для {cyber}, оплата сразу",
        ],
    },
}

ES: dict[str, Families] = {
    "drugs": {
        "shop": [
            "{drug} y {drug2} disponibles en {city} 🔥 {price}, envío discreto. {contact}",
            "Menú del finde: {drug} {price}, {drug2} {price2}. {contact}",
        ],
        "promo": [
            "Oferta: {qty} de {drug} por solo {price}, {contact}",
            "Llegó {drug} de la buena, calidad top, {contact}",
        ],
        "ask": [
            "¿Alguien vende {drug} en {city}? Pago {price}",
            "Busco {drug} para esta noche, pago en efectivo, MD",
        ],
    },
    "weapons": {
        "offer": [
            "Vendo {weapon} sin papeles, limpia, {price}. {contact}",
            "{weapon} y {weapon2} disponibles, sin licencia, {contact}",
        ],
        "ask": [
            "Compro {weapon} sin registro en {city}, pago bien",
            "¿Quién consigue un {weapon}? sin papeles, urgente",
        ],
        "list": [
            "Armas: {weapon} {price}, {weapon2} {price2}, entrega en mano. {contact}",
            "Tenemos {weapon} con número de serie borrado, {contact}",
        ],
    },
    "fake_documents": {
        "offer": [
            "Hacemos {doc} y {doc2} de cualquier país, registrados, {price}. {contact}",
            "Compra tu {doc} sin examen, {contact}",
        ],
        "list": [
            "{doc} de cualquier universidad, verificable, {price}. {contact}",
            "{doc} con holograma, pasa cualquier control, {contact}",
        ],
        "ask": [
            "¿Alguien hace {doc}? Que pase la verificación, pago {price}",
            "Necesito un {doc} falso urgente, escribidme",
        ],
    },
    "stolen_data": {
        "offer": [
            "Vendo {data} frescas, {price}, {contact}",
            "{data} válidas, con saldo, reemplazo si no funcionan, {contact}",
        ],
        "bulk": [
            "{data} de clientes de bancos, miles de registros, {price}",
            "Paquetes de {data} actualizados cada día, {contact}",
        ],
        "ask": [
            "Compro {data} al por mayor, pago en cripto",
            "Busco {data} con saldo, mandadme precios",
        ],
    },
    "fraud": {
        "offer": [
            "{fraud} de alta calidad, pasan el rotulador, {price}. {contact}",
            "Vendo {fraud}, indetectables, {contact}",
        ],
        "scheme": [
            "{fraud} que funciona en {year}, gana {price} al día, {contact}",
            "Buscamos {fraud}, te llevas el {percent} de cada transferencia",
        ],
        "invest": [
            "{fraud} en 24 horas, {contact}",
            "Invierte {price} y recibe 10 veces más, {fraud}, escríbeme",
        ],
    },
    "cybercrime": {
        "offer": [
            "{cyber} por encargo, cualquier cuenta, {price}. {contact}",
            "Servicio de {cyber} y {cyber2}, anónimo, {contact}",
        ],
        "sell": [
            "Vendo {cyber}, indetectable por antivirus, {price}",
            "{cyber} en alquiler por horas, pago en cripto, {contact}",
        ],
        "ask": ["Necesito {cyber}, pago {price}", "¿Quién sabe {cyber}? pago bien, privado"],
    },
}

DE: dict[str, Families] = {
    "drugs": {
        "shop": [
            "{drug} und {drug2} am Start in {city} 🔥 {price}, diskreter Versand. {contact}",
            "Neue Ware: {drug} top Qualität, {contact}",
        ],
        "promo": [
            "Angebot: {qty} {drug} nur {price}, {contact}",
            "Lieferservice {city}: {drug}, {drug2}, {drug3}. {contact}",
        ],
        "ask": [
            "Hat jemand {drug} in {city}? Zahle {price}",
            "Suche {drug} für heute Abend, bitte PN",
        ],
    },
    "weapons": {
        "offer": [
            "Verkaufe {weapon} ohne Waffenschein, sauber, {price}. {contact}",
            "{weapon} und {weapon2} verfügbar, ohne Papiere, {contact}",
        ],
        "ask": [
            "Suche {weapon} ohne Papiere in {city}, zahle gut",
            "Wer kann mir eine {weapon} besorgen? ohne WBK",
        ],
        "list": [
            "Waffen: {weapon} {price}, {weapon2} {price2}, Übergabe persönlich. {contact}",
            "{weapon} mit entfernter Seriennummer, {contact}",
        ],
    },
    "fake_documents": {
        "offer": [
            "Wir machen {doc} und {doc2}, registriert, {price}. {contact}",
            "{doc} ohne Prüfung kaufen, {contact}",
        ],
        "list": [
            "{doc} jeder Uni, echt aussehend, {price}. {contact}",
            "{doc} mit Hologramm, besteht jede Kontrolle, {contact}",
        ],
        "ask": [
            "Wer macht {doc}? Muss echt wirken, zahle {price}",
            "Brauche dringend einen falschen {doc}",
        ],
    },
    "stolen_data": {
        "offer": [
            "Verkaufe {data}, frisch, {price}, {contact}",
            "{data} mit Guthaben, Ersatz falls tot, {contact}",
        ],
        "bulk": [
            "{data} von Bankkunden, tausende Datensätze, {price}",
            "Täglich neue {data}, {contact}",
        ],
        "ask": [
            "Kaufe {data} in großen Mengen, Zahlung in Krypto",
            "Suche {data} mit Guthaben, PN mit Preisen",
        ],
    },
    "fraud": {
        "offer": [
            "{fraud} in Top-Qualität, besteht den Prüfstift, {price}. {contact}",
            "Verkaufe {fraud}, nicht zu erkennen, {contact}",
        ],
        "scheme": [
            "{fraud} funktioniert {year} noch, {price} am Tag, {contact}",
            "Suchen {fraud}, {percent} von jeder Überweisung für dich",
        ],
        "invest": [
            "{fraud} in 24 Stunden, {contact}",
            "Investiere {price} und bekomme das Zehnfache, {fraud}, schreib mir",
        ],
    },
    "cybercrime": {
        "offer": [
            "{cyber} auf Bestellung, jedes Konto, {price}. {contact}",
            "Service: {cyber} und {cyber2}, anonym, {contact}",
        ],
        "sell": [
            "Verkaufe {cyber}, von keinem Virenscanner erkannt, {price}",
            "{cyber} stundenweise zu mieten, Krypto-Zahlung, {contact}",
        ],
        "ask": ["Brauche {cyber}, zahle {price}", "Wer kann {cyber}? Zahle gut, privat"],
    },
}

FR: dict[str, Families] = {
    "drugs": {
        "shop": [
            "{drug} et {drug2} dispo sur {city} 🔥 {price}, livraison discrète. {contact}",
            "Nouvelle carte: {drug} {price}, {drug2} {price2}. {contact}",
        ],
        "promo": [
            "Promo: {qty} de {drug} à {price}, {contact}",
            "Arrivage de {drug}, qualité premium, {contact}",
        ],
        "ask": [
            "Quelqu'un vend de la {drug} sur {city}? je paie {price}",
            "Je cherche {drug} pour ce soir, MP svp",
        ],
    },
    "weapons": {
        "offer": [
            "Vends {weapon} sans permis, propre, {price}. {contact}",
            "{weapon} et {weapon2} dispo, sans papiers, {contact}",
        ],
        "ask": [
            "J'achète {weapon} sans papiers sur {city}, je paie bien",
            "Qui peut me trouver un {weapon}? sans déclaration",
        ],
        "list": [
            "Armes: {weapon} {price}, {weapon2} {price2}, remise en main propre. {contact}",
            "{weapon} avec numéro de série limé, {contact}",
        ],
    },
    "fake_documents": {
        "offer": [
            "On fait {doc} et {doc2}, enregistrés, {price}. {contact}",
            "Achète ton {doc} sans examen, {contact}",
        ],
        "list": [
            "{doc} de n'importe quelle université, vérifiable, {price}. {contact}",
            "{doc} avec hologramme, passe tous les contrôles, {contact}",
        ],
        "ask": [
            "Quelqu'un fait des {doc}? Faut que ça passe les contrôles, {price}",
            "Besoin d'un faux {doc} en urgence",
        ],
    },
    "stolen_data": {
        "offer": [
            "Vends {data}, fraîches, {price}, {contact}",
            "{data} valides avec solde, remplacement si mortes, {contact}",
        ],
        "bulk": [
            "{data} de clients de banques, des milliers de lignes, {price}",
            "{data} à jour tous les jours, {contact}",
        ],
        "ask": [
            "J'achète {data} en gros, paiement crypto",
            "Je cherche {data} avec solde, MP les prix",
        ],
    },
    "fraud": {
        "offer": [
            "{fraud} haute qualité, passent le stylo détecteur, {price}. {contact}",
            "Vends {fraud}, indétectables, {contact}",
        ],
        "scheme": [
            "{fraud} qui marche en {year}, {price} par jour, {contact}",
            "On cherche des {fraud}, {percent} de chaque virement pour toi",
        ],
        "invest": [
            "{fraud} en 24h, {contact}",
            "Investis {price} et reçois 10 fois plus, {fraud}, écris-moi",
        ],
    },
    "cybercrime": {
        "offer": [
            "{cyber} sur commande, n'importe quel compte, {price}. {contact}",
            "Service de {cyber} et {cyber2}, anonyme, {contact}",
        ],
        "sell": [
            "Vends {cyber}, indétectable par les antivirus, {price}",
            "{cyber} à louer à l'heure, paiement crypto, {contact}",
        ],
        "ask": [
            "Besoin de {cyber}, je paie {price}",
            "Qui sait faire du {cyber}? je paie bien, MP",
        ],
    },
}

PT: dict[str, Families] = {
    "drugs": {
        "shop": [
            "{drug} e {drug2} disponíveis em {city} 🔥 {price}, entrega discreta. {contact}",
            "Cardápio do fim de semana: {drug} {price}, {drug2} {price2}. {contact}",
        ],
        "promo": [
            "Promoção: {qty} de {drug} por {price}, {contact}",
            "Chegou {drug} da boa, qualidade top, {contact}",
        ],
        "ask": [
            "Alguém vende {drug} em {city}? pago {price}",
            "Procuro {drug} pra hoje à noite, chama no PV",
        ],
    },
    "weapons": {
        "offer": [
            "Vendo {weapon} sem registro, limpa, {price}. {contact}",
            "{weapon} e {weapon2} disponíveis, sem documento, {contact}",
        ],
        "ask": [
            "Compro {weapon} sem registro em {city}, pago bem",
            "Quem arruma um {weapon}? sem papel, urgente",
        ],
        "list": [
            "Armas: {weapon} {price}, {weapon2} {price2}, entrega em mãos. {contact}",
            "{weapon} com numeração raspada, {contact}",
        ],
    },
    "fake_documents": {
        "offer": [
            "Fazemos {doc} e {doc2}, com registro no sistema, {price}. {contact}",
            "Compre sua {doc} sem prova, {contact}",
        ],
        "list": [
            "{doc} de qualquer faculdade, com registro no MEC, {price}. {contact}",
            "{doc} com holograma, passa em qualquer blitz, {contact}",
        ],
        "ask": [
            "Alguém faz {doc}? tem que passar na verificação, pago {price}",
            "Preciso de um {doc} falso urgente",
        ],
    },
    "stolen_data": {
        "offer": [
            "Vendo {data}, atualizados, {price}, {contact}",
            "{data} com saldo, troca se não funcionar, {contact}",
        ],
        "bulk": [
            "{data} de clientes de banco, milhares de registros, {price}",
            "{data} atualizado todo dia, {contact}",
        ],
        "ask": [
            "Compro {data} em quantidade, pago em cripto",
            "Procuro {data} com saldo, manda preço no PV",
        ],
    },
    "fraud": {
        "offer": [
            "{fraud} de alta qualidade, passa na caneta, {price}. {contact}",
            "Vendo {fraud}, perfeitas, {contact}",
        ],
        "scheme": [
            "{fraud} funcionando em {year}, ganhe {price} por dia, {contact}",
            "Procuramos {fraud}, você fica com {percent} de cada transferência",
        ],
        "invest": [
            "{fraud} em 24 horas, {contact}",
            "Invista {price} e receba 10 vezes mais, {fraud}, chama no PV",
        ],
    },
    "cybercrime": {
        "offer": [
            "{cyber} sob encomenda, qualquer conta, {price}. {contact}",
            "Serviço de {cyber} e {cyber2}, anônimo, {contact}",
        ],
        "sell": [
            "Vendo {cyber}, indetectável por antivírus, {price}",
            "{cyber} por hora, pagamento em cripto, {contact}",
        ],
        "ask": ["Preciso de {cyber}, pago {price}", "Quem faz {cyber}? pago bem, chama no privado"],
    },
}

AR: dict[str, Families] = {
    "drugs": {
        "shop": [
            "{drug} و{drug2} متوفر في {city} 🔥 {price}، توصيل سري. {contact}",
            "متوفر {drug} نوعية ممتازة، {contact}",
        ],
        "promo": [
            "عرض خاص: {drug} بسعر {price}، {contact}",
            "وصلت كمية جديدة من {drug}، {contact}",
        ],
        "ask": ["مين يبيع {drug} في {city}؟ ادفع {price}", "ابحث عن {drug} الليلة، راسلوني خاص"],
    },
    "weapons": {
        "offer": [
            "{weapon} للبيع بدون ترخيص، نظيف، {price}. {contact}",
            "متوفر {weapon} و{weapon2} بدون أوراق، {contact}",
        ],
        "ask": [
            "اشتري {weapon} بدون ترخيص في {city}، ادفع منيح",
            "مين بيقدر يجيب {weapon}؟ بدون أوراق",
        ],
    },
    "fake_documents": {
        "offer": [
            "نصدر {doc} و{doc2} لأي دولة، {price}. {contact}",
            "{doc} مزورة بجودة عالية تعدي أي فحص، {contact}",
        ],
        "ask": ["مين يعمل {doc}؟ لازم تعدي الفحص، ادفع {price}", "محتاج {doc} مزورة بسرعة"],
    },
    "stolen_data": {
        "offer": [
            "للبيع {data} جديدة، {price}، {contact}",
            "{data} فيها رصيد، تبديل إذا ما اشتغلت، {contact}",
        ],
        "ask": ["اشتري {data} بالجملة، الدفع كريبتو", "ابحث عن {data} برصيد، راسلوني بالأسعار"],
    },
    "fraud": {
        "offer": [
            "{fraud} جودة عالية تعدي الكشف، {price}. {contact}",
            "للبيع {fraud}، ما تنكشف، {contact}",
        ],
        "invest": [
            "{fraud} خلال 24 ساعة، {contact}",
            "استثمر {price} واربح عشر أضعاف، {fraud}، راسلني",
        ],
    },
    "cybercrime": {
        "offer": [
            "{cyber} حسب الطلب، أي حساب، {price}. {contact}",
            "خدمات {cyber} و{cyber2}، بسرية تامة، {contact}",
        ],
        "ask": ["محتاج {cyber}، ادفع {price}", "مين يعرف {cyber}؟ ادفع منيح، خاص"],
    },
}

ALL: dict[str, dict[str, Families]] = {
    "ru": RU, "es": ES, "de": DE, "fr": FR, "pt": PT, "ar": AR,
}  # fmt: skip
