# ruff: noqa: E501  (data: one post or template per line reads better than wrapped)
"""English template families for the six illegal-goods categories.

A family is a few ways of writing one kind of post; families, never single rows, are what the
builder assigns to the training or held-out split. Slots name phrasebook lists."""

from __future__ import annotations

Families = dict[str, list[str]]

DRUGS: Families = {
    "menu": [
        "{opener} {drug} {qty} {price}, {drug2} {qty2} {price2}. {delivery}. {contact}",
        "MENU 📋\n{drug} – {price}\n{drug2} – {price2}\n{drug3} – {price3}\n{contact}",
    ],
    "restock": [
        "{opener} fresh {drug} just landed {emoji_hot} {drug_form}, {delivery}. {contact}",
        "restock alert: {drug} is back {emoji_hot} {contact} before it's gone",
    ],
    "plug": [
        "your local plug in {city} 🔌 {drug}, {drug2} and more. {delivery}, {contact}",
        "need a plug in {city}? I got {drug} and {drug2}, hit me up",
    ],
    "no_rx": [
        "{drug} without prescription, {qty} for {price}, {delivery}. {contact}",
        "no script needed: {drug}, {drug2}, {drug3}. pharma grade, {payment}. {contact}",
    ],
    "deal": [
        "deal of the week: {qty} {drug} only {price}, buy 2 get 1 free {emoji_hot}",
        "{drug} promo — first order {percent} off, {contact}",
    ],
    "quality_claim": [
        "{drug_form} {drug}, tested {percent} purity, {delivery}. {payment} accepted",
        "best {drug} in {city} no cap {emoji_hot} {drug_form}, {contact}",
    ],
    "dead_drop": [
        "drops all over {city} ✅ {drug} {qty} {price}, pay in {payment}, coordinates after payment",
        "{drug} in {city}, contactless pick-up spots, order through {handle}",
    ],
    "bot_order": [
        "order {drug} 24/7 through our bot {handle}, {delivery}, {payment}",
        "automatic shop 🤖 {drug}, {drug2}, {drug3}. bot: {handle}",
    ],
    "question_buy": [
        "anyone selling {drug} in {city}? need {qty} tonight, paying {price}",
        "looking for {drug} near {city}, who can sort me out? {payment} ready",
    ],
    "party_pack": [
        "party packs for the weekend 🎉 {drug} + {drug2}, {price}, {delivery}",
        "festival season 🎪 stock up on {drug} now, {contact}",
    ],
    "wholesale": [
        "wholesale only: {drug} from {qty}, serious buyers, {payment}, {contact}",
        "bulk {drug} available, price drops after {qty}, {delivery}",
    ],
    "reviews": [
        "another happy customer 🙌 '{drug} was {drug_form}, delivered same day' — order via {handle}",
        "vouches in pinned ✅ {drug} {price}, {delivery}",
    ],
    "vape_carts": [
        "{drug} carts and edibles 🍫 all flavours, {price} each, {delivery}",
        "edibles, carts, {drug} — fast {delivery}, {contact}",
    ],
    "shop_channel": [
        "Welcome to the shop! We sell {drug}, {drug2} and {drug3}. Read rules, then {contact}",
        "channel for regulars only: {drug} menu updated daily, {contact}",
    ],
    "emoji_ad": [
        "❄️❄️ {qty} {price} 🍁 {qty2} {price2} 💊 {price3} {delivery} {contact}",
        "🌿🌿 {drug} 💊 {drug2} ❄️ {drug3} — {contact}",
    ],
    "price_drop": [
        "prices dropped!! {drug} now {price} for {qty} {emoji_hot} {contact}",
        "cheapest {drug} you'll find, {price}/{qty}, {delivery}",
    ],
    "sample": [
        "free samples of {drug} for new customers, {delivery}, {contact}",
        "try before you buy: {drug} tester {price}, {contact}",
    ],
    "pharmacy_fake": [
        "online pharmacy, no prescription: {drug}, {drug2}, shipped in {num} days, {payment}",
        "buy {drug} online without doctor visit, discreet pack, {contact}",
    ],
    "casual_offer": [
        "got some {drug} left if anyone wants, {price} for {qty}, {city} only",
        "still got {drug}, lmk if u want some, can meet today",
    ],
    "street_slang": [
        "that gas just touched down 💨 {qty} for {price}, pull up or {contact}",
        "zaza and loud in stock, {qty} {price}, {city}, {contact}",
    ],
}

WEAPONS: Families = {
    "offer": [
        "{opener} {weapon} for sale, {weapon_cond}, {price}. {contact}",
        "selling {weapon} {weapon_cond}, {delivery}, {contact}",
    ],
    "no_papers": [
        "{weapon} available, no license needed, no background check, {payment}",
        "need a {weapon} without the paperwork? {contact}",
    ],
    "untraceable": [
        "untraceable {weapon}, serial removed, {price}, {delivery}",
        "clean pieces, never been used, {weapon} and {weapon2}, {contact}",
    ],
    "ghost_kit": [
        "{weapon} kits ready to finish at home, no serial, {price}, {delivery}",
        "printed frames, {weapon}, ships in parts so no one asks questions. {contact}",
    ],
    "conversion": [
        "{weapon} in stock, makes it full auto, {price}, {contact}",
        "auto conversion parts for {weapon2}, fits most models, {delivery}",
    ],
    "explosives": [
        "{weapon} available, serious buyers only, {contact}",
        "have {weapon} and detonators, can deliver in {city}, {payment}",
    ],
    "ammo_bulk": [
        "{weapon} boxes, no ID required, {price} per box, {delivery}",
        "selling {weapon} in bulk, no questions, {city} pickup",
    ],
    "question_buy": [
        "who can get me a {weapon} in {city}? no paperwork, paying {price}",
        "looking for a {weapon}, {weapon_cond}, cash ready, DM me",
    ],
    "arsenal_list": [
        "ARSENAL LIST\n{weapon} – {price}\n{weapon2} – {price2}\n{weapon3} – {price3}\n{contact}",
        "list updated 🔫 {weapon}, {weapon2}, {weapon3}. {weapon_cond}. {contact}",
    ],
    "dark_shop": [
        "weapons shop 🔫 {weapon}, {weapon2}, {delivery}, pay {payment}",
        "our store ships {weapon} worldwide, hidden in electronics, {contact}",
    ],
    "street": [
        "got a {weapon} for sale, {weapon_cond}, {city}, {contact}",
        "strap for sale 🔫 {weapon}, {price}, hit me up",
    ],
    "import": [
        "imported {weapon} from the Balkans, {weapon_cond}, {price}",
        "fresh shipment: {weapon} and {weapon2}, {weapon_cond}, {contact}",
    ],
    "suppressor": [
        "{weapon} for any caliber, no tax stamp, no paperwork, {price}",
        "solvent trap kits 'for cleaning' 😉 make your own {weapon}, {contact}",
    ],
    "armor_mix": [
        "{weapon} + {weapon2} bundle, {weapon_cond}, {price}, {delivery}",
        "combo deal: {weapon} with {weapon2}, {payment}, {contact}",
    ],
    "emoji_ad": [
        "🔫🔫 {weapon} {price} 💣 {weapon2} {price2} 📦 {delivery} {contact}",
        "🔫 {weapon} | {weapon_cond} | {price} | {contact}",
    ],
    "rent": [
        "renting out a {weapon} by the day, {price}, {contact}",
        "need a {weapon} for a job? rent or buy, {weapon_cond}",
    ],
}

FAKE_DOCUMENTS: Families = {
    "offer": [
        "{opener} {country} {doc} for sale, {doc_cond}, {price}. {contact}",
        "we make {country} {doc}, {doc_cond}, {delivery}, {contact}",
    ],
    "real_or_fake": [
        "buy real or fake {doc} online, {doc_cond}, any country, {contact}",
        "genuine and novelty {doc}, {doc2}, {doc3}. {contact}",
    ],
    "diploma": [
        "get your {doc} without studying 🎓 any university, {doc_cond}, {price}",
        "need a {doc}? we print from any school, verifiable, {contact}",
    ],
    "covid": [
        "{doc} in {num} hours, QR works, no jab needed, {price}",
        "{doc} available, {doc_cond}, message {handle}",
    ],
    "sick_note": [
        "{doc} for any dates with doctor's stamp, {price}, {delivery}",
        "need a day off? {doc} that passes HR, {contact}",
    ],
    "proof_docs": [
        "{doc} and {doc2} editing, pass any KYC, {price}, {contact}",
        "custom {doc}, any bank, any amount, pass verification, {contact}",
    ],
    "license": [
        "{country} {doc} without exams, {doc_cond}, {price}",
        "get your {doc} without the test, {doc_cond}, {delivery}",
    ],
    "immigration": [
        "{doc} and {doc2} for {country}, {doc_cond}, no interview, {contact}",
        "fast {country} {doc}, {doc_cond}, {price}, {payment}",
    ],
    "templates": [
        "{doc} templates PSD, {country}, editable name and photo, {price}",
        "editable {country} {doc} template, high resolution, for 'verification' {contact}",
    ],
    "price_list": [
        "PRICE LIST\n{doc} – {price}\n{doc2} – {price2}\n{doc3} – {price3}\n{contact}",
        "our documents: {doc}, {doc2}, {doc3}. {doc_cond}. {contact}",
    ],
    "question_buy": [
        "who can make a {country} {doc}? need it {doc_cond}, paying {price}",
        "looking for someone who does {doc}, needs to pass checks, DM",
    ],
    "camouflage": [
        "{country} {doc} — {doc_cond}. Perfect for bars, banks, travel. {contact}",
        "IDs for students 😉 {doc}, {doc_cond}, bulk discount, {contact}",
    ],
    "emoji_ad": [
        "🛂 {doc} 🪪 {doc2} 🎓 {doc3} — {doc_cond} {contact}",
        "🪪 {country} {doc} {price} ✅ {doc_cond} {contact}",
    ],
    "db_registered": [
        "registered {doc}, entered in the official system, pass any check, {price}",
        "real database-registered {country} {doc}, {contact}",
    ],
}

STOLEN_DATA: Families = {
    "shop": [
        "{opener} {data_cond} {data} in stock, {price} each, {contact}",
        "selling {data} {data_cond}, {payment}, {contact}",
    ],
    "cards": [
        "{data} {data_cond}, {percent} valid rate, {payment}, {contact}",
        "{country} {data} with balance, replacement if dead, {contact}",
    ],
    "logs": [
        "{data} {data_cond}, {num}k lines, {price}, {contact}",
        "daily {data} drops 🔓 {data_cond}, subscribe via {handle}",
    ],
    "db_leak": [
        "{data} of a {country} retailer, {num}k rows, names, emails, phones, {price}",
        "{country} customer database for sale, {data_cond}, {payment}",
    ],
    "accounts": [
        "{data} {price} each, {data_cond}, bulk discount, {contact}",
        "selling {data} cheap, {data_cond}, instant delivery by bot {handle}",
    ],
    "lookup": [
        "lookup service: name, address, phone, SSN by any number, {price} per search",
        "I can find anyone's data — address, passport, bank — {price}, {contact}",
    ],
    "bank_logs": [
        "{data} with online access, {data_cond}, {price} per log, {contact}",
        "bank logs {data_cond}, balance {price}+, cashout guide included",
    ],
    "price_list": [
        "PRICES\n{data} – {price}\n{data2} – {price2}\n{data3} – {price3}\n{contact}",
        "our stock: {data}, {data2}, {data3}. {data_cond}. {contact}",
    ],
    "question_buy": [
        "who sells {data} {data_cond}? buying in bulk, {payment}",
        "need {data} for {country}, {data_cond}, DM me prices",
    ],
    "combo": [
        "{data} {num}M lines {data_cond}, good for cracking, {price}",
        "private {data} for config makers, {data_cond}, {contact}",
    ],
    "emoji_ad": [
        "💳 {data} 🔓 {data2} 📧 {data3} — {data_cond} {contact}",
        "💳💳 {data} {price} {data_cond} {contact}",
    ],
    "subscription": [
        "VIP access: {data} every day, {price}/month, {contact}",
        "join the private channel for fresh {data} {data_cond}, {payment}",
    ],
    "sim": [
        "{data} + SMS access, {data_cond}, {price}, {contact}",
        "verified {data} with phone and email access, {price}, {delivery}",
    ],
}

FRAUD: Families = {
    "counterfeit": [
        "{opener} {fraud}, {fraud_cond}, {price} for {num} notes, {delivery}",
        "high quality {fraud}, {fraud_cond}, UV ok, {contact}",
    ],
    "refund": [
        "{fraud} for any store, {fraud_cond}, {percent} fee, {contact}",
        "we do {fraud}: you keep the item, get your money back. {contact}",
    ],
    "mule": [
        "easy money 💸 we need {fraud}, get {percent} of every transfer, {contact}",
        "looking for people with bank accounts, {fraud}, {price} a week, no experience",
    ],
    "doubling": [
        "send 0.1 BTC and get 0.2 back 🚀 {fraud}, {fraud_cond}, {contact}",
        "{fraud}: {fraud_cond}, profit in 24h, ask {handle}",
    ],
    "methods": [
        "selling {fraud} {year}, {fraud_cond}, step by step, {price}",
        "{fraud} still working in {year}, {fraud_cond}, {contact}",
    ],
    "invest_scam": [
        "{fraud} — {percent} monthly, {fraud_cond}, join now {link}",
        "turn {price} into 10x in a week with {fraud}, {fraud_cond}, {contact}",
    ],
    "flip": [
        "{fraud}: send {price} and receive 10x in one hour, {fraud_cond}",
        "legit {fraud} 💸 {fraud_cond}, only {num} spots today, {contact}",
    ],
    "fake_reviews": [
        "{fraud} for your shop, 5 stars, {price} per 10, {fraud_cond}",
        "boost your listing with {fraud}, {fraud_cond}, {contact}",
    ],
    "tutorial": [
        "{fraud} tutorial + support, {fraud_cond}, {price}, {contact}",
        "learn {fraud} — I made {price} last week, {fraud_cond}",
    ],
    "question": [
        "anyone have a working {fraud}? paying well, {payment}",
        "looking for {fraud}, {fraud_cond}, DM me",
    ],
    "emoji_ad": [
        "💵💵 {fraud} {fraud_cond} {price} {contact}",
        "💸 {fraud} 💸 {fraud2} 💸 {fraud_cond} {contact}",
    ],
    "list": [
        "SERVICES\n{fraud} – {price}\n{fraud2} – {price2}\n{fraud3} – {price3}\n{contact}",
        "what we offer: {fraud}, {fraud2}, {fraud3}. {fraud_cond}. {contact}",
    ],
}

CYBERCRIME: Families = {
    "malware": [
        "{opener} {cyber} for sale, {cyber_cond}, {price}, {contact}",
        "selling {cyber} {cyber_cond}, {payment}, {contact}",
    ],
    "hack_for_hire": [
        "{cyber} — any account in 24h, {cyber_cond}, {price}, {contact}",
        "lost access or want into someone's account? {cyber}, {cyber_cond}",
    ],
    "ddos": [
        "{cyber} — take any site offline, {cyber_cond}, {price} per hour",
        "take down your competitor's website 💥 {cyber}, {cyber_cond}, {contact}",
    ],
    "phishing": [
        "{cyber} for any bank, {cyber_cond}, {price}, {contact}",
        "ready {cyber} with admin panel, {cyber_cond}, hosting included",
    ],
    "raas": [
        "{cyber} affiliate program, {percent} split, {cyber_cond}, {contact}",
        "join our {cyber} partner program, you bring access, we do the rest",
    ],
    "access": [
        "selling access to corporate networks, {cyber} ready, {price}",
        "{cyber} to companies in {country}, admin rights, {contact}",
    ],
    "sim_swap": [
        "{cyber}, any carrier in {country}, {price}, {cyber_cond}",
        "{cyber} — take over numbers, bypass 2FA, {contact}",
    ],
    "spam_tools": [
        "{cyber} with {num}k sends per hour, {cyber_cond}, {price}",
        "bulk {cyber}, inbox guaranteed, {contact}",
    ],
    "price_list": [
        "TOOLS\n{cyber} – {price}\n{cyber2} – {price2}\n{cyber3} – {price3}\n{contact}",
        "available: {cyber}, {cyber2}, {cyber3}. {cyber_cond}. {contact}",
    ],
    "question_buy": [
        "need someone to hack an instagram account, paying {price}, {payment}",
        "who can do {cyber}? need it for a target in {city}, paying well",
    ],
    "emoji_ad": [
        "💻🦠 {cyber} {cyber_cond} {price} {contact}",
        "🔓 {cyber} 🔓 {cyber2} — {cyber_cond} {contact}",
    ],
    "subscription": [
        "{cyber} subscription {price}/week, {cyber_cond}, updates daily",
        "monthly {cyber} plan, {cyber_cond}, crypto only, {contact}",
    ],
}

ALL: dict[str, Families] = {
    "drugs": DRUGS,
    "weapons": WEAPONS,
    "fake_documents": FAKE_DOCUMENTS,
    "stolen_data": STOLEN_DATA,
    "fraud": FRAUD,
    "cybercrime": CYBERCRIME,
}
