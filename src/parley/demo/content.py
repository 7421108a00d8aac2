"""Posts for the demo world, generated from templates with a fixed seed so every seed run
produces the same world."""

from __future__ import annotations

import random

NEWS = [
    "Welcome to Parley! Public channels and groups are searchable; private chats never are.",
    "New: invite links can now expire and carry a member limit.",
    "Our transparency report for the last half-year is published at /transparency.",
    "Reminder: report posts that sell illegal goods. Every decision cites a rule and can be "
    "appealed.",
    "Slow mode is available in groups: 10 s to 1 h between posts per member.",
    "We never hand over message content. Legal requests can disclose only a phone number and IP "
    "addresses, and only for confirmed violations of disclosable rules.",
    "Tip: pin the important messages in your group so newcomers find them.",
    "Bots written for Telegram's Bot API run against Parley unchanged. See docs/bot-api.md.",
    "Scheduled maintenance tonight 02:00–02:15 UTC. Messages sent meanwhile arrive afterwards.",
    "Channels have no subscriber limit. Groups hold up to 200,000 members.",
    "Search now understands prefixes as you type: 'cycl' finds cycling.",
    "Two officers must approve every legal disclosure. Each step is in the audit log.",
]

RIDE_PLACES = [
    "the river loop",
    "Hill Road",
    "the old harbour",
    "the forest trail",
    "Lakeside park",
    "the north bridge",
    "Market square",
]
RIDE_TIMES = [
    "Saturday 8:00",
    "Sunday 9:30",
    "Wednesday after work",
    "Friday 18:00",
    "tomorrow morning",
]
RIDE_LINES = [
    "Ride to {place} on {time}, about {km} km at an easy pace. Who's in? #ride",
    "My chain keeps skipping on the big cog. Any tips before {time}? #repair",
    "Great ride today! {km} km to {place} and back, coffee at the bakery. #ride",
    "Reminder: lights on after sunset, the ride to {place} ends late. #safety",
    "Does anyone have a spare 29er inner tube? I'll swap for cake. #repair",
    "New route idea: {place} then along the canal, {km} km total. #route",
    "Weather looks wet for {time}; we'll decide at 7:00 in here.",
    "Welcome to the new members! Introduce yourselves and your bikes.",
    "Lost a blue water bottle near {place}. If you find it, it's mine 🙂",
    "Tyre pressure question: how much do you run on gravel? #gear",
]

RECIPES = [
    "lentil soup",
    "sourdough bread",
    "shakshuka",
    "mushroom risotto",
    "banana bread",
    "pad thai",
    "borscht",
    "hummus",
    "apple crumble",
    "chicken tagine",
    "ramen",
    "pierogi",
    "dal",
    "gazpacho",
    "focaccia",
]
KITCHEN_LINES = [
    "Today's recipe: {dish}. Takes about {mins} minutes and feeds four. #recipe",
    "Quick tip for {dish}: salt early, taste often, and rest it before serving. #tip",
    "You asked for a vegetarian {dish}. Here it is, with smoked paprika. #recipe #vegetarian",
    "Weekend project: {dish} from scratch. Share your photos in the comments! #weekend",
    "The secret of a good {dish} is patience. {mins} minutes on low heat. #tip",
    "Борщ по-домашнему: свёкла, капуста, немного уксуса. #recipe",
    "Leftover bread? Turn it into {dish} croutons. Nothing wasted. #zerowaste",
]

DEV_LINES = [
    "Has anyone benchmarked asyncio against threads for {topic}?",
    "PSA: pin your dependencies. A minor release just broke our {topic} pipeline. #python",
    "Type hints caught a real bug in our {topic} code today. mypy --strict ftw. #typing",
    "Looking for reviewers for a small PR on {topic}. Tests included!",
    "What's your favourite library for {topic}? Asking for a side project.",
    "TIL: sqlite WAL mode makes concurrent readers painless. #sqlite",
    "Meetup on Thursday: lightning talks about {topic}. Bring a laptop. #meetup",
    "Security reminder: never log tokens or phone numbers. Mask them. #security",
    "Is pydantic v2 worth the migration for {topic}? We saw a 5x speed-up.",
    "Our CI went from 20 to 6 minutes after caching wheels. #ci",
]
DEV_TOPICS = [
    "web scraping",
    "data pipelines",
    "websockets",
    "search",
    "testing",
    "packaging",
    "CLI tools",
    "machine learning",
    "databases",
]

WORLD_LINES = [
    "Police dismantled a network selling counterfeit medicines online; 12 arrests. #news",
    "City council approves new bike lanes along the river. #local",
    "Report: phishing messages impersonating delivery companies rose 40% this year. #security",
    "Court sentences fraudster who sold fake concert tickets on social media. #news",
    "Harm-reduction groups open free drug-checking service at festivals this summer. #health",
    "Researchers publish analysis of ransomware groups' payment flows. #cybersecurity",
    "Elections next month: here is how to check that you are registered. #politics",
    "Warning from consumer agency: 'too good to be true' phone deals are usually scams. #scams",
    "Pharmacies report shortage of children's fever medicine; alternatives listed. #health",
    "Museum returns stolen artefacts recovered by customs. #culture",
    "Weather: heat wave expected until Sunday; drink water and check on neighbours. #weather",
    "Novel review: a crime thriller about a gun smuggler that never glamorises the trade. #books",
]

MARKET_LINES = [
    "🔥 fresh stock: xanax bars, oxy 30s, discreet shipping worldwide. DM @nightmarket_2049 #shop",
    "c0ca1ne 90% pure, 1g-100g, stealth post, pay in BTC only #shop",
    "Selling glock 19 + ammo, no papers needed, meet in person or dead drop #shop",
    "Fake passports EU/US, scannable, real database entry guaranteed. DM for prices #docs",
    "Fullz + CVV fresh dumps, 95% valid, bulk discounts, escrow accepted #data",
    "Buy driver's license any state, hologram included, 7 days delivery #docs",
    "mdma crystals 84%, pills 250mg, tracked shipping EU #shop",
    "Hacked accounts for sale: netflix, paypal with balance, spotify. Instant delivery #data",
    "DDoS for hire, take down any site 1h-24h, cheap rates #services",
    "Counterfeit €50 notes, pass UV pen test, min order 20 #money",
]


def news_posts() -> list[str]:
    return list(NEWS)


def ride_posts(rng: random.Random, n: int) -> list[str]:
    return [
        rng.choice(RIDE_LINES).format(place=rng.choice(RIDE_PLACES), time=rng.choice(RIDE_TIMES),
                                      km=rng.choice([25, 40, 55, 70, 90]))
        for _ in range(n)
    ]  # fmt: skip


def kitchen_posts(rng: random.Random, n: int) -> list[str]:
    lines = KITCHEN_LINES
    return [rng.choice(lines).format(dish=rng.choice(RECIPES), mins=rng.choice([20, 45, 90]))
            for _ in range(n)]  # fmt: skip


def dev_posts(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(DEV_LINES).format(topic=rng.choice(DEV_TOPICS)) for _ in range(n)]


def world_posts(rng: random.Random, n: int) -> list[str]:
    lines = list(WORLD_LINES)
    rng.shuffle(lines)
    return [lines[i % len(lines)] for i in range(n)]


def market_posts() -> list[str]:
    return list(MARKET_LINES)
