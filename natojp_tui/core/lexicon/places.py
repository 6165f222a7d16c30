"""Countries, nationalities, organisations and cities the core recognises."""

from __future__ import annotations

ORGANISATIONS: dict[str, str] = {
    "nato": "NATO",
    "alliance": "NATO",
    "allied": "NATO",
    "eu": "EU",
    "european union": "EU",
    "un": "UN",
    "united nations": "UN",
    "g7": "G7",
    "g20": "G20",
    "asean": "ASEAN",
    "osce": "OSCE",
    "european commission": "EU",
    "north atlantic treaty organization": "NATO",
    "north atlantic treaty organisation": "NATO",
    "european council": "EU",
}

COUNTRIES: tuple[str, ...] = (
    "Japan",
    "United States",
    "United Kingdom",
    "France",
    "Germany",
    "Italy",
    "Canada",
    "Australia",
    "New Zealand",
    "Republic of Korea",
    "South Korea",
    "Korea",
    "North Korea",
    "China",
    "Russia",
    "Ukraine",
    "India",
    "Poland",
    "Netherlands",
    "Belgium",
    "Norway",
    "Denmark",
    "Sweden",
    "Finland",
    "Spain",
    "Portugal",
    "Türkiye",
    "Turkey",
    "Greece",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Romania",
    "Bulgaria",
    "Hungary",
    "Czech Republic",
    "Czechia",
    "Slovakia",
    "Slovenia",
    "Croatia",
    "Albania",
    "Montenegro",
    "North Macedonia",
    "Iceland",
    "Luxembourg",
    "Georgia",
    "Moldova",
    "Afghanistan",
    "Iraq",
    "Mongolia",
    "Philippines",
    "Singapore",
    "Indonesia",
    "Viet Nam",
    "Vietnam",
    "Thailand",
    "Malaysia",
    "Austria",
    "Switzerland",
    "Ireland",
    "Israel",
    "Brazil",
    "Mexico",
    "Taiwan",
    "Pakistan",
    "Qatar",
)
# Words that name a place on their own in running text besides the countries above.
INFORMAL_COUNTRY_NAMES: tuple[str, ...] = ("America", "Britain", "Czech")
REGIONS: tuple[str, ...] = ("Europe", "Asia", "Africa")
# One word of a country's name that places it ("Japan", "Kingdom", "Zealand", "Korea").
COUNTRY_WORDS: frozenset[str] = frozenset(
    {c.split()[-1] for c in COUNTRIES} | {*INFORMAL_COUNTRY_NAMES, *REGIONS}
)
# Countries written with their article or as a two-word phrase.
COUNTRY_PHRASES: frozenset[str] = frozenset(
    {
        "the United States", "the United Kingdom", "the Republic of Korea", "South Korea",
        "New Zealand", "the Netherlands", "the Philippines", "the Czech Republic", "the US",
        "the U.S.", "the UK", "North Macedonia", "the Indo-Pacific", "the ROK", "ROK",
        "the DPRK", "DPRK",
    }
)  # fmt: skip

NATIONALITIES: dict[str, str] = {
    "japanese": "Japan",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "canadian": "Canada",
    "australian": "Australia",
    "korean": "Republic of Korea",
    "south korean": "Republic of Korea",
    "chinese": "China",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "indian": "India",
    "polish": "Poland",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "norwegian": "Norway",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "turkish": "Türkiye",
    "greek": "Greece",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "hungarian": "Hungary",
    "czech": "Czech Republic",
    "slovak": "Slovakia",
    "croatian": "Croatia",
    "georgian": "Georgia",
    "mongolian": "Mongolia",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "singaporean": "Singapore",
    "indonesian": "Indonesia",
    "vietnamese": "Viet Nam",
    "austrian": "Austria",
    "swiss": "Switzerland",
    "irish": "Ireland",
}

JAPANESE_CITIES: tuple[str, ...] = (
    "Tokyo", "Osaka", "Kyoto", "Hiroshima", "Nagasaki", "Yokosuka", "Yokohama", "Sapporo",
    "Fukuoka", "Sendai", "Kobe", "Nagoya", "Okinawa", "Naha", "Ichigaya", "Hakone", "Ise-Shima",
)  # fmt: skip
TOKYO_DISTRICTS: tuple[str, ...] = ("Nagatacho", "Kasumigaseki")
WORLD_CITIES: tuple[str, ...] = (
    "Brussels", "Mons", "Naples", "Norfolk", "Washington", "Vilnius", "Madrid", "Riga",
    "Tallinn", "Warsaw", "Bucharest", "Helsinki", "Stockholm", "Oslo", "Copenhagen", "Berlin",
    "Paris", "London", "Rome", "Lisbon", "Ottawa", "Canberra", "Sydney", "Wellington", "Seoul",
    "Busan", "Beijing", "Manila", "Jakarta", "Singapore", "Bangkok", "Hanoi", "Delhi",
    "Ankara", "Istanbul", "Athens", "Prague", "Budapest", "Bratislava", "Ljubljana", "Zagreb",
    "Sofia", "Tirana", "Podgorica", "Skopje", "Reykjavik", "Kyiv", "Kiev", "Chisinau",
    "Tbilisi", "Munich", "Wales", "Newport", "Chicago", "Strasbourg", "Geneva", "Vienna",
    "Brdo", "Hague", "Ramstein", "Brunssum",
    "Moscow", "Pyongyang", "Taipei", "Honolulu", "Hawaii", "Guam", "Vancouver", "Toronto",
    "Montreal", "Dubai", "Doha", "Riyadh", "Jerusalem", "Cairo", "Nairobi", "Islamabad",
    "Kabul", "Ulaanbaatar", "Yangon", "Dhaka", "Colombo", "Kathmandu", "Vientiane", "Suva",
    "Apia", "Honiara", "Perth", "Melbourne", "Brisbane", "Adelaide", "Auckland",
    "Christchurch", "Incheon", "Pyeongtaek", "Jeju", "Kaohsiung", "Mumbai", "Amsterdam",
    "Luxembourg", "Bern", "Zurich", "Davos", "Dublin", "Edinburgh", "Belfast", "Cardiff",
    "Milan", "Barcelona", "Porto", "Valletta", "Nicosia", "Minsk", "Kharkiv", "Odesa", "Lviv",
    "Rzeszow", "Krakow", "Gdansk", "Kaunas", "Hamburg", "Frankfurt", "Bonn", "Cologne",
    "Stuttgart",
)  # fmt: skip
# cities of two or three words, matched whole ("in New York", "visiting Kuala Lumpur")
MULTI_WORD_CITIES: tuple[str, ...] = (
    "New York", "New Delhi", "Kuala Lumpur", "Hong Kong", "Tel Aviv", "Abu Dhabi", "Phnom Penh",
    "Port Moresby", "Los Angeles", "San Francisco", "San Diego", "Mexico City", "Buenos Aires",
    "Sao Paulo", "Rio de Janeiro", "Addis Ababa", "Pearl Harbor", "Ho Chi Minh City",
)  # fmt: skip
CITIES: frozenset[str] = frozenset(
    (*JAPANESE_CITIES, *TOKYO_DISTRICTS, *WORLD_CITIES, *MULTI_WORD_CITIES)
)

# Capitals that stand for their government in wire style ("Seoul's Foreign Ministry").
CAPITALS: dict[str, str] = {
    "Tokyo": "Japan", "Seoul": "Republic of Korea", "Beijing": "China", "Moscow": "Russia",
    "Pyongyang": "North Korea", "Canberra": "Australia", "Wellington": "New Zealand",
    "Kyiv": "Ukraine", "Kiev": "Ukraine", "Manila": "Philippines", "Ottawa": "Canada",
    "London": "United Kingdom", "Paris": "France", "Berlin": "Germany", "Taipei": "Taiwan",
}  # fmt: skip
