"""Words of the ready-to-paste delivery-time table for product listings, per buyer language.

Country names of the usual destinations of cross-border sellers; any other country is
shown by its ISO code (true, if less friendly).
"""

from __future__ import annotations

LANGUAGES = ("en", "ru", "es", "pt", "fr", "de")

HEADINGS = {
    "en": ("How long delivery takes to your country", "Country", "Delivery time", "{low}–{high} days"),
    "ru": ("Сколько идёт доставка в вашу страну", "Страна", "Срок доставки", "{low}–{high} дней"),
    "es": ("Cuánto tarda el envío a tu país", "País", "Plazo de entrega", "{low}–{high} días"),
    "pt": ("Quanto tempo leva a entrega para o seu país", "País", "Prazo de entrega", "{low}–{high} dias"),
    "fr": ("Délai de livraison vers votre pays", "Pays", "Délai", "{low} à {high} jours"),
    "de": ("Wie lange die Lieferung in Ihr Land dauert", "Land", "Lieferzeit", "{low}–{high} Tage"),
}

#: ISO code → names in en, ru, es, pt, fr, de (LANGUAGES order).
COUNTRIES: dict[str, tuple[str, str, str, str, str, str]] = {
    "US": ("United States", "США", "Estados Unidos", "Estados Unidos", "États-Unis", "USA"),
    "RU": ("Russia", "Россия", "Rusia", "Rússia", "Russie", "Russland"),
    "ES": ("Spain", "Испания", "España", "Espanha", "Espagne", "Spanien"),
    "BR": ("Brazil", "Бразилия", "Brasil", "Brasil", "Brésil", "Brasilien"),
    "FR": ("France", "Франция", "Francia", "França", "France", "Frankreich"),
    "DE": ("Germany", "Германия", "Alemania", "Alemanha", "Allemagne", "Deutschland"),
    "GB": ("United Kingdom", "Великобритания", "Reino Unido", "Reino Unido", "Royaume-Uni", "Vereinigtes Königreich"),
    "IT": ("Italy", "Италия", "Italia", "Itália", "Italie", "Italien"),
    "PT": ("Portugal", "Португалия", "Portugal", "Portugal", "Portugal", "Portugal"),
    "MX": ("Mexico", "Мексика", "México", "México", "Mexique", "Mexiko"),
    "CA": ("Canada", "Канада", "Canadá", "Canadá", "Canada", "Kanada"),
    "AU": ("Australia", "Австралия", "Australia", "Austrália", "Australie", "Australien"),
    "NL": ("Netherlands", "Нидерланды", "Países Bajos", "Países Baixos", "Pays-Bas", "Niederlande"),
    "PL": ("Poland", "Польша", "Polonia", "Polônia", "Pologne", "Polen"),
    "UA": ("Ukraine", "Украина", "Ucrania", "Ucrânia", "Ukraine", "Ukraine"),
    "KZ": ("Kazakhstan", "Казахстан", "Kazajistán", "Cazaquistão", "Kazakhstan", "Kasachstan"),
    "BY": ("Belarus", "Беларусь", "Bielorrusia", "Bielorrússia", "Biélorussie", "Belarus"),
    "AR": ("Argentina", "Аргентина", "Argentina", "Argentina", "Argentine", "Argentinien"),
    "CL": ("Chile", "Чили", "Chile", "Chile", "Chili", "Chile"),
    "CO": ("Colombia", "Колумбия", "Colombia", "Colômbia", "Colombie", "Kolumbien"),
    "BE": ("Belgium", "Бельгия", "Bélgica", "Bélgica", "Belgique", "Belgien"),
    "CH": ("Switzerland", "Швейцария", "Suiza", "Suíça", "Suisse", "Schweiz"),
    "AT": ("Austria", "Австрия", "Austria", "Áustria", "Autriche", "Österreich"),
    "CN": ("China", "Китай", "China", "China", "Chine", "China"),
    "QA": ("Qatar", "Катар", "Catar", "Catar", "Qatar", "Katar"),
    "AE": ("United Arab Emirates", "ОАЭ", "Emiratos Árabes Unidos", "Emirados Árabes Unidos", "Émirats arabes unis",
           "Vereinigte Arabische Emirate"),
    "FI": ("Finland", "Финляндия", "Finlandia", "Finlândia", "Finlande", "Finnland"),
    "IL": ("Israel", "Израиль", "Israel", "Israel", "Israël", "Israel"),
}


def country_name(code: str, language: str) -> str:
    names = COUNTRIES.get(code.upper())
    lang = language if language in LANGUAGES else "en"
    return names[LANGUAGES.index(lang)] if names else code.upper()
