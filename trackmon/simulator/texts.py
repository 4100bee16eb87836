"""Words and places of the simulated China → destination postal journeys (pure data).

Each destination names its language, the airport/exchange office where mail enters the
country, and last-mile cities with their IANA time zones (so local offsets and DST are right).
Phrases are written for this project in the style of each post's public tracking pages.
"""

from __future__ import annotations

from dataclasses import dataclass

ORIGIN_TZ = "Asia/Shanghai"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    tz: str
    country: str


@dataclass(frozen=True, slots=True)
class Destination:
    country: str
    language: str
    gateway: Place                 # office of exchange / customs where mail enters
    cities: tuple[Place, ...]      # last-mile delivery offices


def _places(country: str, *pairs: tuple[str, str]) -> tuple[Place, ...]:
    return tuple(Place(name, tz, country) for name, tz in pairs)


DESTINATIONS: dict[str, Destination] = {
    "RU": Destination("RU", "ru", Place("Москва, Внуково ММПО", "Europe/Moscow", "RU"), _places(
        "RU", ("Екатеринбург 620014", "Asia/Yekaterinburg"), ("Казань 420111", "Europe/Moscow"),
        ("Новосибирск 630099", "Asia/Novosibirsk"), ("Санкт-Петербург 190000", "Europe/Moscow"))),
    "US": Destination("US", "en", Place("JAMAICA, NY 11430 (ISC NEW YORK)", "America/New_York", "US"), _places(
        "US", ("CHICAGO, IL 60607", "America/Chicago"), ("LOS ANGELES, CA 90012", "America/Los_Angeles"),
        ("DENVER, CO 80202", "America/Denver"), ("AUSTIN, TX 78701", "America/Chicago"))),
    "GB": Destination("GB", "en", Place("Heathrow Worldwide Distribution Centre", "Europe/London", "GB"), _places(
        "GB", ("London Mail Centre", "Europe/London"), ("Manchester Delivery Office", "Europe/London"))),
    "ES": Destination("ES", "es", Place("Madrid-Barajas, Centro de Admisión Internacional", "Europe/Madrid", "ES"),
                      _places("ES", ("Valencia 46001", "Europe/Madrid"), ("Sevilla 41001", "Europe/Madrid"),
                              ("Las Palmas de Gran Canaria 35001", "Atlantic/Canary"))),
    "MX": Destination("MX", "es", Place("Ciudad de México, Aduana Postal", "America/Mexico_City", "MX"), _places(
        "MX", ("Guadalajara, Jal.", "America/Mexico_City"), ("Monterrey, N.L.", "America/Monterrey"),
        ("Tijuana, B.C.", "America/Tijuana"))),
    "BR": Destination("BR", "pt", Place("Curitiba / PR", "America/Sao_Paulo", "BR"), _places(
        "BR", ("São Paulo / SP", "America/Sao_Paulo"), ("Manaus / AM", "America/Manaus"),
        ("Recife / PE", "America/Recife"))),
    "FR": Destination("FR", "fr", Place("Roissy-en-France, Plateforme Internationale", "Europe/Paris", "FR"),
                      _places("FR", ("Lyon PFC", "Europe/Paris"), ("Marseille PPDC", "Europe/Paris"),
                              ("Paris 11", "Europe/Paris"))),
    "DE": Destination("DE", "de", Place("Frankfurt am Main, Internationaler Postaustausch", "Europe/Berlin", "DE"),
                      _places("DE", ("Berlin", "Europe/Berlin"), ("München", "Europe/Berlin"),
                              ("Hamburg", "Europe/Berlin"))),
    "IT": Destination("IT", "it", Place("Milano, Centro Scambi Internazionali", "Europe/Rome", "IT"),
                      _places("IT", ("Roma Centro Smistamento", "Europe/Rome"),
                              ("Napoli UP 12", "Europe/Rome"), ("Torino UP 3", "Europe/Rome"))),
    "PL": Destination("PL", "pl", Place("Warszawa, Urząd Wymiany Przesyłek", "Europe/Warsaw", "PL"),
                      _places("PL", ("UP Kraków 1", "Europe/Warsaw"), ("UP Wrocław 2", "Europe/Warsaw"),
                              ("UP Gdańsk 50", "Europe/Warsaw"))),
}

#: China-side scans: (Chinese text, English text). `{office}` / `{next}` are filled in.
ORIGIN_PHRASES: dict[str, tuple[str, str]] = {
    "info": ("收到电子信息", "Electronic information received"),
    "accept": ("【{office}】已收寄，揽投员：李师傅", "Acceptance"),
    "sorting": ("【{office}】已处理", "Processed at sorting centre"),
    "leave": ("离开【{office}】，下一站【{next}】", "Departure from sorting centre, next stop {next}"),
    "arrive_exchange": ("到达【{office}】", "Arrival at outward office of exchange"),
    "export_customs": ("【{office}】出口海关已放行", "Export customs clearance completed"),
    "handover": ("【{office}】已交航空公司运输", "Handed over to airline"),
    "depart": ("离开【{office}】，已发往目的国", "Departure from outward office of exchange"),
    "return_arrive": ("退回件到达【{office}】", "Returned item arrived at office of exchange"),
    "returned": ("已退回寄件人，妥投", "Returned to sender, delivered"),
}

ORIGIN_OFFICES = (("深圳邮区中心", "Shenzhen Mail Processing Centre"),
                  ("广州邮区中心", "Guangzhou Mail Processing Centre"))
ORIGIN_EXCHANGE = ("广州国际", "Guangzhou International")

#: Destination-side scans per language.
DEST_PHRASES: dict[str, dict[str, str]] = {
    "ru": {
        "arrival": "Прибыло в Россию", "customs_in": "Передано таможне",
        "held": "Задержано таможней", "duties": "Требуется уплата таможенной пошлины получателем",
        "released": "Выпущено таможней", "sorting": "Сортировка",
        "departed": "Покинуло сортировочный центр", "to_office": "Прибыло в место вручения",
        "out": "Передано почтальону для доставки", "delivered": "Вручение адресату",
        "pickup": "Ожидает адресата в месте вручения",
        "reminder": "Ожидает адресата в месте вручения, повторное извещение",
        "failed": "Неудачная попытка вручения: временное отсутствие адресата",
        "returning": "Возврат отправителю: истёк срок хранения", "lost": "Отправление утрачено",
    },
    "en": {
        "arrival": "Arrived in destination country", "customs_in": "Inbound into customs",
        "held": "Held by customs", "duties": "Customs duties payable by the recipient",
        "released": "Customs clearance completed", "sorting": "Processed through sorting facility",
        "departed": "Departed sorting facility", "to_office": "Arrived at post office",
        "out": "Out for delivery", "delivered": "Delivered, in/at mailbox",
        "pickup": "Available for pickup at post office, awaiting collection",
        "reminder": "Reminder to pick up your item at the post office",
        "failed": "Delivery attempted, notice left (no authorized recipient available)",
        "returning": "Return to sender: not collected", "lost": "Item presumed lost",
    },
    "es": {
        "arrival": "Llegada al país de destino", "customs_in": "En proceso de despacho aduanero",
        "held": "Retenido en aduana", "duties": "Pendiente de pago de aranceles e impuestos de importación",
        "released": "Despachado por aduana", "sorting": "En tránsito, en centro de clasificación",
        "departed": "Salida del centro de tratamiento", "to_office": "Llegada a la oficina de entrega",
        "out": "En reparto", "delivered": "Entregado",
        "pickup": "Disponible para recoger en la oficina",
        "reminder": "Segundo aviso: disponible para recoger en la oficina",
        "failed": "Entrega fallida: destinatario ausente",
        "returning": "Devuelto al remitente: plazo de recogida vencido", "lost": "Envío extraviado",
    },
    "pt": {
        "arrival": "Objeto recebido pelos Correios do Brasil",
        "customs_in": "Objeto encaminhado para fiscalização aduaneira",
        "held": "Objeto retido pela fiscalização aduaneira", "duties": "Aguardando pagamento de tributos",
        "released": "Fiscalização aduaneira finalizada", "sorting": "Objeto em trânsito - por favor aguarde",
        "departed": "Objeto saiu da unidade de tratamento",
        "to_office": "Objeto recebido na unidade de distribuição",
        "out": "Objeto saiu para entrega ao destinatário", "delivered": "Objeto entregue ao destinatário",
        "pickup": "Objeto aguardando retirada no endereço indicado",
        "reminder": "Objeto ainda aguardando retirada na agência",
        "failed": "Carteiro não atendido: destinatário ausente",
        "returning": "Objeto devolvido ao remetente: não retirado", "lost": "Objeto extraviado",
    },
    "fr": {
        "arrival": "Votre colis est arrivé en France", "customs_in": "Votre colis est en cours de dédouanement",
        "held": "Votre colis est retenu par la douane", "duties": "Des droits de douane sont à régler",
        "released": "Votre colis a été dédouané", "sorting": "Votre colis est en cours d'acheminement",
        "departed": "Votre colis a quitté le centre de tri",
        "to_office": "Votre colis est arrivé sur son site de distribution",
        "out": "Votre colis est en cours de livraison", "delivered": "Votre colis est livré",
        "pickup": "Votre colis est disponible dans votre bureau de poste",
        "reminder": "Votre colis vous attend toujours dans votre bureau de poste",
        "failed": "Votre colis n'a pas pu être livré : destinataire absent",
        "returning": "Votre colis est retourné à l'expéditeur", "lost": "Votre colis est perdu",
    },
    "de": {
        "arrival": "Die Sendung ist im Zielland angekommen",
        "customs_in": "Die Sendung wurde der Zollabfertigung übergeben",
        "held": "Die Sendung wird vom Zoll zurückgehalten", "duties": "Einfuhrabgaben sind vom Empfänger zu zahlen",
        "released": "Die Sendung wurde vom Zoll freigegeben", "sorting": "Die Sendung wurde im Paketzentrum bearbeitet",
        "departed": "Die Sendung hat das Paketzentrum verlassen",
        "to_office": "Die Sendung ist in der Zustellbasis eingetroffen",
        "out": "Die Sendung wurde in das Zustellfahrzeug geladen", "delivered": "Die Sendung wurde zugestellt",
        "pickup": "Die Sendung liegt in der Filiale zur Abholung bereit",
        "reminder": "Erinnerung: Die Sendung liegt noch in der Filiale zur Abholung bereit",
        "failed": "Der Empfänger wurde nicht angetroffen",
        "returning": "Die Sendung wird an den Absender zurückgeschickt", "lost": "Die Sendung gilt als verloren",
    },
    "it": {
        "arrival": "La spedizione è arrivata in Italia", "customs_in": "La spedizione è in lavorazione doganale",
        "held": "La spedizione è trattenuta in dogana", "duties": "Oneri doganali a carico del destinatario",
        "released": "La spedizione è stata sdoganata",
        "sorting": "La spedizione è in lavorazione presso il Centro di Smistamento",
        "departed": "La spedizione è partita dal Centro di Smistamento",
        "to_office": "La spedizione è arrivata presso l'Ufficio di recapito",
        "out": "La spedizione è in consegna", "delivered": "La spedizione è stata consegnata",
        "pickup": "La spedizione è in giacenza presso l'Ufficio Postale",
        "reminder": "Secondo avviso: la spedizione è ancora in giacenza presso l'Ufficio Postale",
        "failed": "Tentativo di consegna non riuscito: destinatario assente",
        "returning": "La spedizione è in restituzione al mittente: compiuta giacenza",
        "lost": "La spedizione risulta smarrita",
    },
    "pl": {
        "arrival": "Przyjęcie przesyłki w kraju przeznaczenia", "customs_in": "Przesyłka przekazana do odprawy celnej",
        "held": "Przesyłka zatrzymana przez urząd celny", "duties": "Należności celne do zapłaty przez adresata",
        "released": "Odprawa celna zakończona", "sorting": "Przesyłka w sortowni",
        "departed": "Wysłanie przesyłki z sortowni",
        "to_office": "Przesyłka przyjęta w placówce doręczającej",
        "out": "Przekazano do doręczenia", "delivered": "Doręczenie przesyłki",
        "pickup": "Przesyłka czeka na odbiór w placówce pocztowej",
        "reminder": "Przypomnienie: przesyłka nadal czeka na odbiór w placówce pocztowej",
        "failed": "Nieudana próba doręczenia: adresat nieobecny",
        "returning": "Zwrot przesyłki do nadawcy: nie podjęto w terminie",
        "lost": "Przesyłka zaginiona",
    },
}

#: Airports where mail changes planes on the way (English scans).
TRANSIT_HUBS = (Place("DOHA, QA", "Asia/Qatar", "QA"), Place("HELSINKI, FI", "Europe/Helsinki", "FI"),
                Place("DUBAI, AE", "Asia/Dubai", "AE"))

#: English in-flight scans between the two posts (UPU style).
TRANSIT_PHRASES = {
    "flight": "Arrival at transit hub, in flight to destination",
    "return_depart": "Departure from inward office of exchange, returning to origin",
}
