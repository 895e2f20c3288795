"""Build the DEMO training corpus: data/demo_corpus.jsonl (see data/DEMO_CORPUS.md).

    .venv/bin/python data/build_demo_corpus.py [--out data/demo_corpus.jsonl] [--seed 392]

2,000 synthetic, labelled reports (meldingen openbare ruimte) over the ACTIVE subcategories of
data/haarlem/categories.json, so that the product has a working category and queue classifier out of the box.
Every text is composed from the phrase tables in data/demo_phrases.py, which were written for this project;
nothing is taken or derived from real residents' reports. Each record carries "demo": true and an id
"demo-NNNNN". The output is fully determined by the seed.

How a report is made:
 1. counts per subcategory from the weights in demo_phrases.CATEGORIES (skewed; at least 8 each);
 2. about 8% of the reports are put in clusters of 2-4 reports of one subcategory within 30 m and
    30 days; ten "heavy" reporters send 4-8 reports each within two weeks near their home; about 60% of all
    reports carry a pseudonymous reporter id;
 3. a location is drawn uniformly inside a random Haarlem buurt (rejection sampling with shapely), a created
    time between 2025-01-01 and 2025-10-31 (seasonal categories only in their months), a channel
    (web 55%, api 25%, phone 15%, email 5%) and photos (about 40%);
 4. a signal level is drawn (none, complex or maatwerk) and a Dutch text is composed in a form that suits the
    channel (app quick-pick, short, medium, letter, phone note; about 4% English) with a signal sentence of
    the drawn kind, then made noisy (typos, lower case, no punctuation, no diacritics, SMS style, caps, emoji);
 5. the queue follows ../shared/TRIAGE_POLICY.md: the subcategory's default queue, raised by the text signal,
    by "third or later report of the same kind within 50 m in 30 days" (complex) and by "5 or more reports by
    the same reporter within 14 days" (maatwerk); maatwerk > complex > simple. The reason names the deciding
    signal. Both place and reporter rules are computed on the final data, so they hold for every record.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.prepared import prep

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_phrases as P  # noqa: E402

DATA = Path(__file__).resolve().parent
MUNICIPALITY = DATA / "haarlem"  # the categories and buurten the corpus is written for
N_REPORTS = 2000
MIN_PER_CATEGORY = 8
SEED = 392  # CBS code of Haarlem
START = datetime(2025, 1, 1, tzinfo=UTC)
END = datetime(2025, 11, 1, tzinfo=UTC)  # exclusive: up to 2025-10-31
CHANNELS = {"web": 0.55, "api": 0.25, "phone": 0.15, "email": 0.05}
PHOTO_SHARE = {"web": 0.45, "api": 0.62, "phone": 0.0, "email": 0.30}
REPORTER_SHARE = 0.60
CLUSTER_SHARE = 0.08
HEAVY_REPORTERS = [4, 4, 4, 5, 5, 6, 6, 7, 8, 6]  # reports per heavy reporter
ENGLISH_SHARE = 0.04
VAGUE_SHARE = 0.03  # of the simple reports without a signal
# chance of a text signal, by the subcategory's default queue: (maatwerk, complex)
SIGNAL_P = {"simple": (0.10, 0.10), "complex": (0.15, 0.30), "maatwerk": (0.40, 0.0)}
CLUSTER_RADIUS_M, CLUSTER_DAYS = 12.0, 28  # members lie within 24 m and 28 days of each other
RULE_RADIUS_M, RULE_DAYS, RULE_MIN_EARLIER = 50.0, 30, 2
REPORTER_WINDOW_DAYS, REPORTER_MIN_REPORTS = 14, 5
QUEUE_RANK = {"simple": 0, "complex": 1, "maatwerk": 2}
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 9, 9, 9, 9, 9, 10, 10, 10, 9, 8, 7, 4, 2]


# ------------------------------------------------------------------------------------------------ tables


def split(text: str) -> list[str]:
    """Phrase table cell -> list: one phrase per line, or several on a line separated by ' / '."""
    return [p.strip() for line in (text or "").splitlines() for p in line.split(" / ") if p.strip()]


def signals(text: str) -> list[tuple[str, str]]:
    """'text || reason' lines -> [(text, reason)]."""
    return [tuple(s.strip() for s in line.split("||", 1)) for line in split(text)]


class Category:
    def __init__(self, slug: str, table: dict, tax: dict):
        self.slug, self.main = slug, tax["main"]
        self.name_en, self.default = tax["name_en"], tax["default_queue"]
        self.weight, self.months = table["w"], table.get("months")
        self.quick, self.core = split(table.get("quick", "")), split(table["core"])
        self.more, self.en = split(table.get("more", "")), split(table["en"])
        self.cx, self.mw = signals(table.get("cx", "")), signals(table.get("mw", ""))
        main_k, main_m = P.MAIN_KINDS[self.main]
        self.cx_kinds = split(table.get("k", main_k).replace(" ", "\n"))
        self.mw_kinds = split(table.get("m", main_m).replace(" ", "\n"))
        self.why = table.get("why") or P.MAIN_WHY.get(self.main, "")


def load_categories() -> dict[str, Category]:
    taxonomy = json.loads((MUNICIPALITY / "categories.json").read_text(encoding="utf-8"))
    active = {}
    for main in taxonomy["main_categories"]:
        for sub in main["subcategories"]:
            if main["is_active"] and sub["is_active"]:
                active[sub["slug"]] = {"main": main["slug"], **sub}
    missing = sorted(set(P.CATEGORIES) - set(active))
    if missing:
        raise SystemExit(f"demo_phrases uses subcategories that are not active in categories.json: {missing}")
    return {slug: Category(slug, table, active[slug]) for slug, table in P.CATEGORIES.items()}


def allocate(cats: dict[str, Category], n: int) -> dict[str, int]:
    """Counts proportional to the weights, at least 8 each, summing to n."""
    small: set[str] = set()
    while True:  # categories whose share falls below the minimum get the minimum; the rest share the remainder
        budget = n - MIN_PER_CATEGORY * len(small)
        total = sum(c.weight for s, c in cats.items() if s not in small)
        below = {s for s, c in cats.items() if s not in small and c.weight * budget / total < MIN_PER_CATEGORY}
        if not below:
            break
        small |= below
    counts = {s: MIN_PER_CATEGORY if s in small else round(c.weight * budget / total) for s, c in cats.items()}
    by_weight = sorted(cats, key=lambda s: -cats[s].weight)
    i = 0
    while sum(counts.values()) != n:
        slug = by_weight[i % 12]  # spread the correction over the twelve biggest
        counts[slug] += 1 if sum(counts.values()) < n else -1
        i += 1
    return counts


# ------------------------------------------------------------------------------------------------ places


class Places:
    """Random points inside Haarlem's buurten (uniform buurt, then uniform point inside it)."""

    M_PER_DEG_LAT = 111_320.0

    def __init__(self, rng: random.Random):
        gj = json.loads((MUNICIPALITY / "areas" / "haarlem_buurten.geojson").read_text(encoding="utf-8"))
        self.rng = rng
        self.shapes = [shape(f["geometry"]) for f in gj["features"]]
        self.prepared = [prep(s) for s in self.shapes]

    def inside(self, lon: float, lat: float) -> bool:
        pt = Point(lon, lat)
        return any(p.contains(pt) for p in self.prepared)

    def random_point(self) -> tuple[float, float]:
        i = self.rng.randrange(len(self.shapes))
        minx, miny, maxx, maxy = self.shapes[i].bounds
        while True:
            lon, lat = self.rng.uniform(minx, maxx), self.rng.uniform(miny, maxy)
            if self.prepared[i].contains(Point(lon, lat)):
                return lat, lon

    def near(self, lat: float, lon: float, radius_m: float) -> tuple[float, float]:
        """A point within radius_m of (lat, lon) that is still inside Haarlem."""
        for _ in range(200):
            r, a = radius_m * math.sqrt(self.rng.random()), self.rng.uniform(0, 2 * math.pi)
            dlat = r * math.sin(a) / self.M_PER_DEG_LAT
            dlon = r * math.cos(a) / (self.M_PER_DEG_LAT * math.cos(math.radians(lat)))
            if self.inside(lon + dlon, lat + dlat):
                return lat + dlat, lon + dlon
        return lat, lon


def distance_m(a: dict, b: dict) -> float:
    dlat = (a["lat"] - b["lat"]) * Places.M_PER_DEG_LAT
    dlon = (a["lon"] - b["lon"]) * Places.M_PER_DEG_LAT * math.cos(math.radians(a["lat"]))
    return math.hypot(dlat, dlon)


def random_time(rng: random.Random, months=None, start=START, end=END) -> datetime:
    days = [start + timedelta(days=d) for d in range((end - start).days)]
    if months:
        days = [d for d in days if d.month in months] or days
    day = rng.choice(days)
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    return day + timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60))


def fill_values(rng: random.Random, streets: list[str] | None = None, nr: int | None = None) -> dict[str, str]:
    """One consistent set of placeholder values for one report; streets/nr pin the place (clusters, heavy
    reporters). Street names are not matched to the coordinates: the corpus has no street data."""
    street, street2 = rng.sample(streets or P.STREETS, 2)
    nr = str(nr or rng.randint(1, 180)) + (rng.choice("ab") if rng.random() < 0.08 else "")
    addr = rng.choices(
        [f"{street} {nr}", f"de hoek {street} / {street2}", f"{street} tegenover nr {nr}", f"{street} bij nr {nr}"],
        weights=[60, 12, 10, 18],
    )[0]
    return {
        "street": street,
        "street2": street2,
        "nr": nr,
        "nr2": str(rng.randint(1, 180)),
        "addr": addr,
        "park": rng.choice(P.PARKS),
        "when": rng.choice(P.WHEN),
        "time": rng.choice(P.TIMES),
        "pole": f"{rng.randint(10, 99)}-{rng.randint(100, 999)}",
    }


# ------------------------------------------------------------------------------------------------ noise

SMS_WORDS = (  # word=abbreviation
    "even=ff niet=nie alstublieft=aub alsjeblieft=aub maar=mr heel=hl graag=grg want=wnt groet=grt voor=vr "
    "gewoon=gwn weer=wr dat=da bedankt=bdankt ik=k met=mt helemaal=hlml wel=wl"
)
SMS = dict(pair.split("=") for pair in SMS_WORDS.split())
KEY_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wertyuioposdfghjklkxcvbnmn", strict=True))
EMOJI = ["😡", "🤬", "🙏", "👍", "💡", "🐀", "🚮", "🙈", "😤", "😩", "‼️", "🤮", "📸"]


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]  # swap
    if op == 1:
        return word[:i] + word[i + 1 :]  # drop
    if op == 2:
        return word[:i] + word[i] + word[i:]  # double
    return word[:i] + KEY_NEIGHBOURS.get(word[i].lower(), word[i]) + word[i + 1 :]  # neighbour key


def add_typos(text: str, rng: random.Random, n: int) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and not w.isupper()]
    for i in rng.sample(candidates, min(n, len(candidates))):
        words[i] = typo(words[i], rng)
    return " ".join(words)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def sms_style(text: str) -> str:
    text = text.lower().replace("\n", " ")
    text = re.sub(r"[a-zà-ÿ]+", lambda m: SMS.get(m.group(0), m.group(0)), text)
    return re.sub(r"[.,](\s|$)", r"\1", text).strip()


def shout(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    for i in rng.sample(candidates, min(rng.randint(1, 3), len(candidates))):
        words[i] = words[i].upper()
    return " ".join(words)


def make_noisy(text: str, rng: random.Random, form: str, angry: bool, style: dict) -> str:
    careful = form in ("letter", "phone")
    p = {
        "typos": 0.12 if careful else 0.28,
        "lower": 0.0 if careful else 0.13,
        "nopunct": 0.0 if careful else 0.1,
        "ascii": 0.25,
        "sms": 0.0 if careful else 0.05,
        "caps": 0.5 if angry else 0.03,
        "emoji": 0.2 if angry else 0.015,
    }
    p.update(style)
    if rng.random() < p["typos"]:
        text = add_typos(text, rng, rng.choice([1, 1, 1, 2, 3]))
    if rng.random() < p["ascii"]:
        text = strip_diacritics(text)
    if rng.random() < p["sms"]:
        text = sms_style(strip_diacritics(text))
    elif rng.random() < p["lower"]:
        text = text.lower()
    if rng.random() < p["nopunct"]:
        text = re.sub(r"[.,;:](\s|$)", r"\1", text).strip()
    if rng.random() < p["caps"]:
        text = shout(text, rng)
    if angry and rng.random() < 0.4:
        text = text.rstrip(".!") + rng.choice(["!!", "!!!", "!!!!", "!?"])
    if rng.random() < p["emoji"]:
        text = text + " " + rng.choice(EMOJI) * rng.choice([1, 1, 2, 3])
    return text


# ------------------------------------------------------------------------------------------------ texts


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:1].isupper() and not s[1:2].isupper() else s


def choose_signal(cat: Category, level: str, lang: str, rng: random.Random):
    """(kind, text, reason) of one signal sentence of the drawn level, or None if nothing fits."""
    if level == "none":
        return None
    own = cat.mw if level == "maatwerk" else cat.cx
    if lang == "en":
        kinds = [k for k in (cat.mw_kinds if level == "maatwerk" else cat.cx_kinds) if k in P.EN_SIGNALS]
        kinds += ["bundle"] if level == "complex" and "bundle" in cat.cx_kinds else []
        table = P.EN_SIGNALS
    else:
        kinds = list(cat.mw_kinds if level == "maatwerk" else cat.cx_kinds)
        kinds += ["own"] * (len(kinds) + 1) if own else []  # category-specific phrases: about half the time
        table = P.MAATWERK_SIGNALS if level == "maatwerk" else P.COMPLEX_SIGNALS
    if not kinds:
        return None
    kind = rng.choice(kinds)
    if kind == "bundle":
        return ("bundle", None, None)
    text, reason = rng.choice(own if kind == "own" else signals(table[kind]))
    return kind, text, reason


def bundle_sentence(cat: Category, cats: dict[str, Category], lang: str, rng: random.Random):
    other = cats[rng.choice([s for s in P.BUNDLE_FRIENDLY if s != cat.slug])]
    if lang == "en":
        text = rng.choice(P.EN_BUNDLE_JOINS) + lower_first(rng.choice(other.en))
    else:
        text = rng.choice(P.BUNDLE_JOINS) + lower_first(rng.choice(other.core))
    reason = f"Several unrelated problems in one report ({cat.name_en.lower()} and {other.name_en.lower()})"
    return text, reason


def pick_form(channel: str, cat: Category, rng: random.Random) -> str:
    if channel == "phone":
        return "phone"
    if channel == "email":
        return rng.choices(["letter", "medium"], weights=[65, 35])[0]
    forms, weights = ["quick", "short", "medium", "letter"], ([45, 38, 17, 0] if channel == "api" else [8, 32, 50, 10])
    form = rng.choices(forms, weights=weights)[0]
    return "short" if form == "quick" and not cat.quick else form


def compose(r: dict, cat: Category, cats: dict[str, Category], rng: random.Random) -> tuple[str, str | None]:
    """Text of one report and the reason of its text signal (None when the text carries no signal)."""
    v = fill_values(rng, r.get("streets"), r.get("nr"))
    sig = choose_signal(cat, r["level"], r["lang"], rng)
    sig_text = sig_reason = None
    if sig and sig[0] == "bundle":
        sig_text, sig_reason = bundle_sentence(cat, cats, r["lang"], rng)
    elif sig:
        sig_text, sig_reason = sig[1], sig[2]
    r["angry"] = bool(sig) and sig[0] in ("anger", "complaint") and rng.random() < 0.7
    photo_note = rng.choice(P.PHOTO_NOTES) if r["has_photos"] and rng.random() < 0.25 else None

    if r["lang"] == "en":
        v["addr"] = f"{v['street']} {v['nr']}"
        parts = [rng.choice(cat.en), sig_text, "Photo attached." if photo_note else None]
        r["form"] = "short"
        return " ".join(p for p in parts if p).format(**v), sig_reason

    if r["level"] == "none" and r["default"] == "simple" and rng.random() < VAGUE_SHARE:
        r["has_photos"], r["form"] = True, "vague"
        return rng.choice(P.VAGUE), None

    form = r.get("style_form") or pick_form(r["channel"], cat, rng)
    form = r["form"] = "short" if form == "quick" and not cat.quick else form
    core = rng.choice(cat.core)
    more = rng.choice(cat.more) if cat.more and rng.random() < 0.6 else None
    repeat = rng.choice(P.REPEAT_NOTES) if r.get("cluster_pos", 0) >= 1 and rng.random() < 0.35 else None
    sig_first = sig_text and sig[0] in ("anger", "complaint", "distress") and rng.random() < 0.3

    def with_signal(body: list) -> list:
        return ([sig_text] + body) if sig_first else (body + [sig_text])

    if form == "quick":
        quick = rng.choice(cat.quick)
        if len(quick.split()) < 3 and rng.random() < 0.6:
            quick += " " + rng.choice([v["addr"], v["street"], "bij " + v["addr"]])
        text = " ".join(p for p in with_signal([quick + ("." if sig_text else ""), repeat]) if p)
    elif form == "short":
        text = " ".join(p for p in with_signal([core, repeat]) + [photo_note] if p)
    elif form == "medium":
        opener = rng.choice(P.OPENERS) if rng.random() < 0.4 else None
        closer = rng.choice(P.CLOSERS) if rng.random() < 0.5 else None
        context = rng.choice(P.CONTEXT) if rng.random() < 0.2 else None
        body = [p for p in with_signal([context, core, more, repeat]) if p]
        text = " ".join(p for p in [opener, *body, photo_note, closer] if p)
    elif form == "letter":
        context = rng.sample(P.CONTEXT, rng.choice([0, 1, 1, 2]))
        body = [rng.choice(P.LETTER_INTROS) if rng.random() < 0.5 else None, *context, core, more, repeat]
        body = " ".join(p for p in with_signal(body) if p)
        text = f"{rng.choice(P.LETTER_GREETINGS)}\n\n{body}\n\n{rng.choice(P.LETTER_CLOSERS)}"
    else:  # phone: written down by the contact centre
        frames = P.PHONE_FRAMES if cat.quick else [f for f in P.PHONE_FRAMES if "{quick}" not in f]
        frame = rng.choice(frames)
        quick = lower_first(rng.choice(cat.quick)) if cat.quick else ""
        text = frame.replace("{core}", core).replace("{quick}", quick)
        if sig_text:
            text += " " + rng.choice(P.PHONE_SIGNAL_PREFIX) + sig_text
    return text.format(**v), sig_reason


# ------------------------------------------------------------------------------------------------ plan


def plan_reports(cats: dict[str, Category], rng: random.Random, places: Places) -> list[dict]:
    counts = allocate(cats, N_REPORTS)
    pool = [slug for slug, n in counts.items() for _ in range(n)]
    rng.shuffle(pool)
    reports = [{"category": slug} for slug in pool]
    free = defaultdict(list)  # category -> indices of reports not yet placed
    for i, r in enumerate(reports):
        free[r["category"]].append(i)

    # clusters of 2-4 reports of one kind at one place within a month
    placed, cluster_id = 0, 0
    while placed < CLUSTER_SHARE * N_REPORTS:
        size = rng.choices([2, 3, 4], weights=[30, 40, 30])[0]
        options = [s for s in P.CLUSTER_FRIENDLY if len(free[s]) >= size + 2]
        slug = rng.choices(options, weights=[len(free[s]) for s in options])[0]
        lat, lon = places.random_point()
        t0 = random_time(rng, cats[slug].months, end=END - timedelta(days=CLUSTER_DAYS))
        times = sorted([t0] + [t0 + timedelta(seconds=rng.randrange(CLUSTER_DAYS * 86400)) for _ in range(size - 1)])
        cluster_id += 1
        streets, nr = rng.sample(P.STREETS, 2), rng.randint(5, 175)
        for pos, t in enumerate(times):
            r = reports[free[slug].pop()]
            r["lat"], r["lon"] = places.near(lat, lon, CLUSTER_RADIUS_M)
            r.update(created=t, cluster=cluster_id, cluster_pos=pos, streets=streets, nr=nr + rng.randint(-4, 4))
        placed += size

    # heavy reporters: 4-8 reports near home within two weeks, each with a writing style of their own
    styles = [
        {"lower": 1.0, "nopunct": 1.0},
        {"style_form": "letter"},
        {"sms": 0.8},
        {"caps": 0.6, "emoji": 0.5},
        {"typos": 0.8},
        {},
        {"style_form": "quick"},
        {"lower": 1.0},
        {"style_form": "medium"},
        {"ascii": 1.0},
    ]
    everyday = P.BUNDLE_FRIENDLY + ["container-voor-papier-is-vol", "prullenbakkapot", "dode-dieren"]
    for h, n in enumerate(HEAVY_REPORTERS):
        home_lat, home_lon = places.random_point()
        t0 = random_time(rng, end=END - timedelta(days=14))
        offsets = sorted(rng.randrange(13 * 86400) for _ in range(n))
        style, streets = styles[h], rng.sample(P.STREETS, 4)
        for off in offsets:
            slug = rng.choices(everyday, weights=[len(free[s]) for s in everyday])[0]
            r = reports[free[slug].pop()]
            r["lat"], r["lon"] = places.near(home_lat, home_lon, 400.0)
            r.update(created=t0 + timedelta(seconds=off), reporter_key=f"heavy-{h}", style=style, streets=streets)
            if "style_form" in style:
                r["style_form"] = style["style_form"]

    # the rest: independent reports anywhere in Haarlem
    for r in reports:
        if "created" not in r:
            r["lat"], r["lon"] = places.random_point()
            r["created"] = random_time(rng, cats[r["category"]].months)

    # pseudonymous reporters for about 60%; some ordinary reporters send 2 or 3 reports over the year
    n_heavy = sum(HEAVY_REPORTERS)
    p_id = (REPORTER_SHARE * N_REPORTS - n_heavy) / (N_REPORTS - n_heavy)
    ordinary: list[list] = []
    for r in reports:
        if "reporter_key" in r or rng.random() >= p_id:
            continue
        reusable = [o for o in ordinary if o[1] < 3]
        if reusable and rng.random() < 0.2:
            o = rng.choice(reusable)
            o[1] += 1
        else:
            o = [f"ord-{len(ordinary)}", 1]
            ordinary.append(o)
        r["reporter_key"] = o[0]
    return reports


def draw_channel(r: dict, rng: random.Random) -> None:
    style = r.get("style", {})
    if "style_form" in style:  # a heavy reporter who always writes the same way uses one channel
        r["channel"] = {"letter": "email", "quick": "api", "medium": "web"}[style["style_form"]]
    else:
        r["channel"] = rng.choices(list(CHANNELS), weights=list(CHANNELS.values()))[0]
    if r["channel"] == "phone" and not 8 <= r["created"].hour < 18:  # the contact centre is open 8-18
        r["created"] = r["created"].replace(hour=rng.randrange(8, 18))
    r["has_photos"] = rng.random() < PHOTO_SHARE[r["channel"]]
    english = r["channel"] in ("web", "api") and not style and rng.random() < ENGLISH_SHARE / 0.8
    r["lang"] = "en" if english else "nl"


def draw_level(r: dict, cat: Category, rng: random.Random) -> None:
    p_mw, p_cx = SIGNAL_P[cat.default]
    if r.get("cluster_pos", 0) >= 2:
        p_cx = 0.0  # the place rule decides these; keep their reason unambiguous
    u = rng.random()
    r["level"] = "maatwerk" if u < p_mw else "complex" if u < p_mw + p_cx else "none"


# ------------------------------------------------------------------------------------------------ labels


def default_reason(cat: Category, rng: random.Random) -> str:
    if cat.default != "simple":
        return cat.why
    name = cat.name_en
    return rng.choice(
        [
            f"{name}: one clear issue, standard action",
            f"Single {name.lower()} report: standard job for the operational team",
            f"{name}: no signs of risk, recurrence or personal need; standard action",
        ]
    )


def ordinal(n: int) -> str:
    return {3: "Third", 4: "Fourth", 5: "Fifth"}.get(n, f"{n}th")


def label(reports: list[dict], cats: dict[str, Category], rng: random.Random) -> None:
    """Queue and reason per report, from the category default, the text signal and the place/reporter rules."""
    reports.sort(key=lambda r: r["created"])
    by_cat, by_reporter = defaultdict(list), defaultdict(list)
    for r in reports:
        cat = cats[r["category"]]
        window = timedelta(days=RULE_DAYS)
        earlier = [
            e
            for e in by_cat[r["category"]]
            if r["created"] - e["created"] <= window and distance_m(r, e) <= RULE_RADIUS_M
        ]
        by_cat[r["category"]].append(r)
        recent = []
        if r.get("reporter_key"):
            rwin = timedelta(days=REPORTER_WINDOW_DAYS)
            recent = [e for e in by_reporter[r["reporter_key"]] if r["created"] - e["created"] < rwin]
            by_reporter[r["reporter_key"]].append(r)

        candidates = [(cat.default, default_reason(cat, rng), 0)]
        if r["signal_reason"]:
            candidates.append((r["level"], r["signal_reason"], 2))
        if len(earlier) >= RULE_MIN_EARLIER:
            n = len(earlier) + 1
            candidates.append(
                (
                    "complex",
                    f"{ordinal(n)} report of the same kind within 50 m in 30 days: recurring problem at one place",
                    3,
                )
            )
        if len(recent) + 1 >= REPORTER_MIN_REPORTS:
            candidates.append(
                (
                    "maatwerk",
                    "Many reports by the same reporter in a short time "
                    f"({len(recent) + 1} in {REPORTER_WINDOW_DAYS} days)",
                    1,
                )
            )
        queue, reason, _ = max(candidates, key=lambda c: (QUEUE_RANK[c[0]], c[2]))
        r["queue"], r["reason"] = queue, reason
        r["rule"] = {"place": len(earlier) >= RULE_MIN_EARLIER, "reporter": len(recent) + 1 >= REPORTER_MIN_REPORTS}


# ------------------------------------------------------------------------------------------------ main


def build(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    cats = load_categories()
    places = Places(rng)
    reports = plan_reports(cats, rng, places)
    for r in reports:
        cat = cats[r["category"]]
        r["default"] = cat.default
        draw_channel(r, rng)
        draw_level(r, cat, rng)
        for _ in range(10):
            text, r["signal_reason"] = compose(r, cat, cats, rng)
            if len(text.split()) <= 85:
                break
        r["text"] = make_noisy(text, rng, r["form"], r["angry"], r.get("style", {}))
    label(reports, cats, rng)

    reporter_ids: dict[str, str] = {}
    out = []
    for i, r in enumerate(reports, start=1):  # chronological
        key = r.get("reporter_key")
        if key and key not in reporter_ids:
            reporter_ids[key] = f"r-{len(reporter_ids) + 1:04d}"
        out.append(
            {
                "id": f"demo-{i:05d}",
                "demo": True,
                "text": r["text"],
                "main_category": cats[r["category"]].main,
                "category": r["category"],
                "queue": r["queue"],
                "reason": r["reason"],
                "lat": round(r["lat"], 6),
                "lon": round(r["lon"], 6),
                "channel": r["channel"],
                "has_photos": r["has_photos"],
                "created": r["created"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                "reporter": reporter_ids.get(key) if key else None,
            }
        )
        r["id"] = out[-1]["id"]
    build.internal = reports  # for the summary
    return out


def summary(rows: list[dict]) -> str:
    n = len(rows)
    queues = Counter(r["queue"] for r in rows)
    cats = Counter(r["category"] for r in rows)
    internal = build.internal
    lines = [
        f"rows: {n}, subcategories: {len(cats)} (min {min(cats.values())}, max {max(cats.values())})",
        "queues: " + ", ".join(f"{q} {queues[q]} ({queues[q] / n:.1%})" for q in QUEUE_RANK),
        "channels: " + ", ".join(f"{c} {v / n:.1%}" for c, v in Counter(r["channel"] for r in rows).items()),
        f"photos: {sum(r['has_photos'] for r in rows) / n:.1%}, "
        f"with reporter id: {sum(r['reporter'] is not None for r in rows) / n:.1%}, "
        f"in clusters: {sum('cluster' in r for r in internal) / n:.1%}, "
        f"place rule fired: {sum(r['rule']['place'] for r in internal)}, "
        f"reporter rule fired: {sum(r['rule']['reporter'] for r in internal)}",
        f"english: {sum(r['lang'] == 'en' for r in internal) / n:.1%}, "
        f"words min/median/max: {sorted(len(r['text'].split()) for r in rows)[0]}/"
        f"{sorted(len(r['text'].split()) for r in rows)[n // 2]}/{max(len(r['text'].split()) for r in rows)}",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA / "demo_corpus.jsonl")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    rows = build(args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")
    print(summary(rows))


if __name__ == "__main__":
    main()
