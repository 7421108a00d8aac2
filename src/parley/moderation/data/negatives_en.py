# ruff: noqa: E501  (data: one post or template per line reads better than wrapped)
"""English template families labelled `none`: hard negatives that share words with illegal
ads (news, harm reduction, prescriptions, games, hunting, security work, scam warnings,
fiction, politics, legal marketplaces) and ordinary everyday chat."""

from __future__ import annotations

Families = dict[str, list[str]]

HARD: Families = {
    "news_seizure": [
        "Police in {city} seized {num} kilos of {drug} hidden in a shipment of bananas, {official}.",
        "BREAKING: customs officers at the port of {city} found {drug} worth millions in a container, {official}.",
        "Record haul: border police intercept {drug} and {drug2} on a truck heading to {city}, {outlet} reports.",
        "{outlet}: {num} tonnes of {drug} seized off the coast near {city} on {weekday}.",
    ],
    "news_arrest": [
        "Three men were arrested in {city} on suspicion of selling {drug} through a messaging app, {official}.",
        "A {city} court sentenced a man to {num} years for running an online {drug} shop.",
        "Investigators dismantled a gang that sold {drug} via social media; {num} suspects detained in {city}.",
        "Undercover officers posed as buyers of {drug} for months before the {weekday} raids, {official}.",
    ],
    "harm_reduction": [
        "If you're going to use {drug} this weekend, test it first with a reagent kit and never use alone. Stay safe 🙏",
        "Harm reduction reminder: fentanyl test strips are free at the {city} health centre on {weekday}s. Carry naloxone.",
        "Mixing {drug} with alcohol is dangerous. If a friend passes out, call an ambulance and put them in the recovery position.",
        "Drug checking service at the festival found {drug} cut with something nasty, check the warnings board.",
    ],
    "recovery": [
        "Day {num} clean from {drug} today. Thank you all for the support in this group ❤️",
        "NA meeting tonight at {hour}:00 in {city}, everyone struggling with {drug} is welcome.",
        "{relative} has been hooked on {drug} for years. Does anyone know a good rehab near {city}?",
        "Relapsed on {drug} after {num} months. Back to day one, but I'm not giving up.",
    ],
    "drug_policy": [
        "Portugal decriminalised possession of {drug} and overdose deaths fell. Should {city} do the same?",
        "The war on drugs has failed. Treat {drug} addiction as a health issue, not a crime.",
        "Parliament debates cannabis legalisation on {weekday}; write to your MP if you care either way.",
        "Interesting piece in {outlet} on supervised consumption rooms for {drug} users in {city}.",
    ],
    "prescription": [
        "My doctor prescribed {med} after my surgery, is it normal to feel this drowsy?",
        "Picked up my {med} refill at the pharmacy today, insurance finally covered it.",
        "Does anyone else take {med} for anxiety? Wondering how long the side effects last.",
        "{relative} was switched from {med} to {med2} and sleeps much better now.",
    ],
    "pharmacy_legal": [
        "The pharmacy on Main Street is open until {hour}pm on {weekday}s now, handy for prescriptions 💊",
        "Reminder: bring unused {med} back to any pharmacy for safe disposal, don't flush it.",
        "Pharmacist here: never share your {med} with anyone, the dose is set for you.",
        "Shortage of {med} at pharmacies in {city} again, my prescription took a week.",
    ],
    "cooking_coke_snow": [
        "Pizza, popcorn and a cold coke, perfect movie night in {city} 🍕🥤",
        "Snow is coming on {weekday} ❄️ anyone up for sledding in the park?",
        "Diet coke or regular? The eternal debate in our office 😂",
        "Ice on the pavements in {city} this morning, {relative} slipped twice ❄️",
    ],
    "lawn_grass": [
        "Finally mowed the grass on {weekday}, the garden looks great 🌿",
        "Any tips for getting grass to grow in shade? My lawn is patchy.",
        "Our dog loves rolling in the fresh grass after it rains 🐶",
        "Cutting the grass at {relative}'s place this weekend, borrowing their mower.",
    ],
    "pop_culture": [
        "Just finished Breaking Bad again, the chemistry teacher arc is still the best TV ever.",
        "Narcos season 2 is about the hunt for Escobar and his {drug} empire, worth watching.",
        "That documentary on {outlet} about the opium wars was fascinating history.",
        "The song everyone's humming this week is literally about {drug} 😂 nobody listens to lyrics",
    ],
    "news_weapons": [
        "Police in {city} recovered {num} illegal firearms during a raid, including a {weapon}, {official}.",
        "Report: trafficking of {weapon} parts through the post is rising, {outlet} warns.",
        "The suspect was charged in {city} with possession of an unlicensed {weapon}.",
        "{outlet} investigation: how {weapon} kits sold online end up in gang crime.",
    ],
    "gaming_weapons": [
        "Finally unlocked the gold {weapon} camo in {game} 🎮 took me {num} hours",
        "Best loadout for {game} right now? I'm running the {weapon} with an extended mag.",
        "lol I got killed by a sniper in {game} five times in a row 😭 the {weapon} is broken",
        "New {game} update nerfed the {weapon} and buffed shotguns, thoughts?",
        "Anyone up for {game} at {hour}? I need someone to carry me, my {weapon} aim is trash 😂",
    ],
    "hunting": [
        "Deer season opens on {weekday} 🦌 zeroed my rifle at the club range today.",
        "Took my hunting licence exam today, passed! Next step is the firearm permit.",
        "Any advice on ethical shot placement for boar? First season hunting with {relative}.",
        "Hunting club meeting in {city} on {weekday}: new rules on lead ammunition near wetlands.",
    ],
    "sport_shooting": [
        "Great day at the shooting range, my groupings at 25m are finally tight 🎯",
        "Our club in {city} hosts a beginner's course in sport shooting, licensed instructors, safety first.",
        "Cleaning my competition pistol after the match, any recommended solvents?",
        "Biathlon on TV this {weekday}, the shooting part is so tense 🎯",
    ],
    "military_history": [
        "The AK-47 was designed in 1947 and became the most produced rifle in history.",
        "Visited the war museum in {city}, the exhibit on WWII weapons was incredible.",
        "Grandpa served in the army and still tells stories about his old service rifle.",
        "{outlet} history podcast on how the {weapon} changed modern warfare, great listen.",
    ],
    "airsoft": [
        "Airsoft game on {weekday} at the forest field near {city}, bring eye protection and your replicas.",
        "Selling my airsoft {weapon} replica, orange tip, barely used, {price}.",
        "Paintball team building was brutal, I still have bruises 😂",
    ],
    "gun_policy": [
        "Gun control debate again after the shooting. Universal background checks poll at {percent}.",
        "Whatever your view on gun laws, please keep this chat civil.",
        "Our town's buyback program collected {num} firearms this year, {official}.",
    ],
    "doc_help": [
        "How long does it take to renew a {doc}? Mine expires next month.",
        "Lost my {doc} on the train in {city} 😩 what do I do first, police report?",
        "What documents do I need to apply for a {doc}? The website is confusing.",
        "The {doc} office in {city} has no appointments until {weekday} next month 😤",
    ],
    "doc_news": [
        "Police broke up a ring in {city} that forged {doc} and sold them online, {official}.",
        "A man was jailed for using a forged {doc} to get a job at the airport.",
        "Border guards are trained to spot fake {doc} with UV lamps, a fascinating {outlet} report.",
    ],
    "graduation": [
        "Finally got my {doc} in the mail after 4 years of hard work 🎓❤️",
        "{relative} passed the driving test today and got the licence, so proud!",
        "Our visa got approved! Moving to {city} in spring 🎉",
    ],
    "props": [
        "For our film we need a prop passport clearly marked SPECIMEN, any prop makers here?",
        "The museum in {city} has an exhibit on historical passports and stamps, really cool.",
    ],
    "breach_warning": [
        "Heads up: the {city} transit app had a data breach. Change your password and turn on 2FA.",
        "Check haveibeenpwned to see if your email was in the latest {platform} leak.",
        "Warning ⚠️ there's a phishing email pretending to be {platform}. Don't click the link.",
        "{outlet}: millions of {platform} records exposed in a breach; reset your password today.",
    ],
    "hacked_help": [
        "My {platform} got hacked and they changed the email 😭 how do I get it back?",
        "Someone logged into my {platform} account from another country, should I reset everything?",
        "{relative}'s {platform} was hacked and it's messaging people asking for money, how do we report it?",
    ],
    "security_news": [
        "A ransomware attack hit the hospital in {city}; surgeries were postponed, {official}.",
        "Researchers disclosed a critical vulnerability in a popular router, patch now.",
        "The botnet was taken down by an international police operation this week, {outlet} reports.",
    ],
    "ctf_pentest": [
        "Our team placed {num}th in the CTF this weekend 🏴 the pwn challenges were brutal.",
        "Doing an authorised penetration test for a client this week, scope is their web app.",
        "Got my first bug bounty payout from {platform} for an XSS 🎉 responsible disclosure works.",
        "Studying for the OSCP, any tips on privilege escalation labs?",
    ],
    "security_advice": [
        "Enable two-factor authentication on {platform} and use a password manager, please.",
        "How does ransomware usually get in? Trying to train our staff against phishing.",
        "Our company runs a phishing simulation every quarter to train employees.",
    ],
    "scam_warning": [
        "SCAM ALERT ⚠️ someone in this group is DMing people offering to double their bitcoin. It's fake, block and report.",
        "Beware of '{fraud}' offers, {relative} lost {price} to one. Report them.",
        "If anyone messages you about a '{fraud}', it's a scam. Admins, please ban them.",
        "Got a DM from {handle} offering {fraud}. Obvious scam, reported 🚩",
    ],
    "fraud_news": [
        "Police seized {num} thousand in counterfeit banknotes in {city} and arrested two people.",
        "The money mule network recruited students with promises of easy money, {official}.",
        "A Ponzi scheme promising guaranteed returns collapsed, leaving thousands without savings.",
    ],
    "investing_legit": [
        "I just put money into an index fund every month, boring but it works.",
        "BTC dropped {percent} this week, anyone else just holding?",
        "Is it a good idea to pay off my student loan before investing?",
    ],
    "marketplace": [
        "Selling {item}, good condition, {price}. DM me if interested, pickup in {city}.",
        "FOR SALE: {item} {price} or best offer, can ship. Message me.",
        "Giving away {item} for free, must collect by {weekday} in {city}.",
        "Anyone want {item}? {price}, delivery possible within {city}, DM.",
        "Restocked: {item} and {item2} back in our little shop in {city}, fast shipping 📦",
    ],
    "fiction": [
        "In chapter 3 of my novel the detective finally catches the {drug} dealer. Feedback welcome!",
        "Writing a crime thriller: would a smuggler hide a {weapon} in a piano? Asking for the plot 😅",
        "Our book club is reading a mystery about a passport forger in 1940s {city}.",
    ],
    "politics": [
        "The minister's new budget cuts funding for addiction services. Shameful.",
        "Vote on {weekday}! Polls open at {hour}:00 in {city}.",
        "Protest against the new police powers on {weekday} at the town hall in {city}.",
    ],
    "help_request": [
        "Someone at school offered {relative} {drug}. How do I talk about it without scaring them?",
        "A stranger offered me a fake ID for the club, I said no. Should I tell someone?",
        "I think {relative} is selling {drug}. I don't want trouble, what should I do?",
    ],
    "reporting": [
        "Reported a channel that was selling {drug} and fake passports, hope the mods act fast.",
        "Mods, there's a spam account posting {drug} ads in the comments, please remove it.",
        "I flagged a post offering {data}, how long does review take?",
        "Why is {handle} still here? They keep advertising {weapon}. Reported again.",
    ],
    "mod_announcement": [
        "Reminder from the admins: ads for drugs, weapons or fake documents are banned here and will be reported.",
        "Rules update: no selling of anything illegal. Legit marketplace posts go in the {weekday} thread.",
    ],
    "hyperbole": [
        "This new album is pure fire 🔥🔥 absolute bomb of a record",
        "I'm addicted to this coffee shop in {city}, their brownies are dangerous 😂",
        "We killed it at the quiz night, crushed the other teams 💥",
        "That goal was a rocket 🚀 the keeper had no chance",
    ],
    "parenting_safety": [
        "Talked to my teens about online safety and why they should never share passwords.",
        "School assembly on the dangers of {drug} today, good that they start early.",
    ],
    "med_science": [
        "Ketamine is being studied as a treatment for depression in supervised clinics.",
        "Psilocybin therapy trials show promising results for PTSD, says a new study in {outlet}.",
        "Methadone maintenance saves lives, the evidence is overwhelming.",
    ],
    "job_ads": [
        "We're hiring a barista in {city}! Experience preferred, DM for details.",
        "Looking for a freelance web developer for a small shop site, budget {price}.",
        "Our bakery in {city} needs weekend help, {price} a day plus pastries 🥐 DM",
    ],
}

ORDINARY: Families = {
    "services": [
        "Dog walking in {city}, {price} per walk, insured, DM for availability 🐶",
        "I fix laptops and phones, fair prices, same day, message me.",
        "Offering maths tutoring for high school, {price}/hour, online or in {city}.",
        "Home-cooked meals delivered in {city} every {weekday}, {price} per box, DM to order 🍲",
        "Wedding photographer available for {year} dates, portfolio in bio, DM for prices 📸",
        "Moving help with a van this weekend, {price} an hour, hit me up.",
    ],
    "events": [
        "Tickets for our charity gig on {weekday} are {price}, DM me to reserve 🎸",
        "Pottery workshop in {city}, {price} including materials, link in bio.",
        "Free yoga in the park every {weekday} at {hour}, bring a mat 🧘",
        "Quiz night at the Crown on {weekday}, teams of four, {price} entry, all to charity.",
    ],
    "small_shop": [
        "New stock just landed 🔥 vintage jackets and {item}, DM for prices, shipping worldwide.",
        "Our bakery now delivers in {city}, order before {hour}:00 for same day 🥐",
        "Handmade {item}, {price}, discreet gift wrapping available, DM to order.",
        "Restock alert: {item} back in the shop, limited stock, {contact_ok}",
        "Weekend special: {percent} off {item}, pickup in {city} or tracked shipping 📦",
    ],
    "meetup": [
        "Anyone up for coffee near the station tomorrow at {hour}? ☕",
        "Group ride this Sunday {hour}:00, meeting at the bridge, all paces welcome 🚲",
        "Board game night at mine on Friday, bring snacks!",
    ],
    "cooking": [
        "Made {dish} tonight and it turned out amazing 😍 recipe in the comments",
        "What's your secret for a good {dish}? Mine always comes out too dry.",
        "Meal prep Sunday: {dish} for the whole week 💪",
    ],
    "sports": [
        "What a match! {team} came back from two goals down ⚽",
        "Anyone watching the game tonight? Pub at {hour}?",
        "Finished my first half marathon today, legs are dead but happy 🏃",
    ],
    "tech": [
        "Anyone know why my laptop fan is so loud after the update?",
        "Python 3.12 is out, the error messages are so much nicer now.",
        "Which VPS provider do you use for small side projects?",
    ],
    "travel": [
        "Just landed in {city} ✈️ any recommendations for dinner?",
        "Train to {city} was delayed two hours again 😩",
        "Looking for a cheap hostel in {city} for next weekend, ideas?",
    ],
    "family": [
        "Happy birthday mum ❤️ love you!",
        "The kids finally slept through the night, miracle 🙏",
        "Family lunch at grandma's this Sunday, who's bringing dessert?",
    ],
    "pets": [
        "Our cat learned to open the fridge 😂 send help",
        "Adopted a puppy from the shelter today 🐶 name suggestions?",
    ],
    "work": [
        "Meeting moved to {hour}:30, same room.",
        "Can someone share the slides from yesterday's presentation?",
        "Friday deploys are a bad idea, change my mind 😅",
    ],
    "weather": [
        "Rain again all week in {city} 🌧️",
        "Finally sunny! Heading to the lake ☀️",
    ],
    "chatter": [
        "good morning everyone {emoji_neutral}",
        "lol same {emoji_neutral}",
        "thanks for adding me to the group!",
        "does anyone have the link to the event page?",
        "can't believe it's already {hour} o'clock",
    ],
    "music": [
        "New playlist for the gym is up, mostly 90s hip hop 🎧",
        "Concert tickets for Saturday sold out in ten minutes 😭",
    ],
    "study": [
        "Exam tomorrow and I still don't understand thermodynamics 😩",
        "Does anyone have notes from the history lecture?",
    ],
    "shopping": [
        "The bakery on the corner has the best croissants in {city}",
        "Black Friday deals on headphones, {percent} off at most shops",
    ],
    "health": [
        "Went to the gym three times this week, new record 💪",
        "Got my flu shot today, arm is sore but fine.",
    ],
}
