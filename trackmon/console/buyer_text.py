"""The words of the buyer's tracking page, written by trackmon in the buyer's language.

`event_line()` is the one place a tracking event becomes a buyer-language sentence on the
page (carrier texts are in Chinese, English or the carrier's own words: the page never shows
them). Sub-statuses that matter to a buyer (customs, leaving China, arriving) have their own
sentence; otherwise the status's.
"""

from __future__ import annotations

from trackmon.messaging.render import FALLBACK_LANGUAGE, format_date

LANGUAGES = ("en", "ru", "es", "pt", "fr", "de")

# status or sub-status → (en, ru, es, pt, fr, de)
_LINES: dict[str, tuple[str, str, str, str, str, str]] = {
    "not_found": ("Waiting for the first scan by the carrier", "Ожидаем первую отметку перевозчика",
                  "Esperando el primer escaneo del transportista", "Aguardando a primeira leitura da transportadora",
                  "En attente du premier scan du transporteur", "Warten auf den ersten Scan des Versanddienstes"),
    "info_received": ("Shipping label created", "Создана транспортная накладная", "Etiqueta de envío creada",
                      "Etiqueta de envio criada", "Étiquette d'expédition créée", "Versandetikett erstellt"),
    "picked_up": ("Handed to the carrier", "Передано перевозчику", "Entregado al transportista",
                  "Entregue à transportadora", "Remis au transporteur", "An den Versanddienst übergeben"),
    "in_transit": ("On the way", "В пути", "En camino", "A caminho", "En route", "Unterwegs"),
    "departed_origin": ("Left the country of origin", "Покинуло страну отправления", "Salió del país de origen",
                        "Saiu do país de origem", "A quitté le pays d'origine", "Hat das Herkunftsland verlassen"),
    "arrived_destination": ("Arrived in your country", "Прибыло в вашу страну", "Llegó a tu país",
                            "Chegou ao seu país", "Arrivé dans votre pays", "In Ihrem Land angekommen"),
    "customs_processing": ("At customs", "На таможне", "En aduana", "Na alfândega", "En douane", "Beim Zoll"),
    "customs_held": ("Held at customs", "Задержано на таможне", "Retenido en aduana", "Retido na alfândega",
                     "Retenu en douane", "Vom Zoll zurückgehalten"),
    "customs_duties": ("Customs duties to pay", "Требуется оплатить таможенную пошлину", "Hay aranceles que pagar",
                       "Há impostos de importação a pagar", "Droits de douane à payer", "Zollgebühren zu zahlen"),
    "customs_information_required": (
        "Customs needs information from you", "Таможне нужны сведения от вас", "La aduana necesita información tuya",
        "A alfândega precisa de informações suas", "La douane a besoin d'informations de votre part",
        "Der Zoll benötigt Angaben von Ihnen"),
    "customs_released": ("Cleared customs", "Прошло таможню", "Liberado por la aduana", "Liberado pela alfândega",
                         "Dédouané", "Vom Zoll freigegeben"),
    "out_for_delivery": ("Out for delivery", "Передано курьеру для доставки", "En reparto", "Saiu para entrega",
                         "En cours de livraison", "In Zustellung"),
    "available_for_pickup": ("Waiting for you to pick it up", "Ожидает получения", "Listo para recoger",
                             "Aguardando retirada", "Disponible au retrait", "Zur Abholung bereit"),
    "delivery_failed": ("Delivery attempt failed", "Попытка доставки не удалась", "Intento de entrega fallido",
                        "Tentativa de entrega sem sucesso", "Échec de la tentative de livraison",
                        "Zustellversuch fehlgeschlagen"),
    "delivered": ("Delivered", "Вручено", "Entregado", "Entregue", "Livré", "Zugestellt"),
    "returning": ("Being sent back to the sender", "Возвращается отправителю", "En devolución al remitente",
                  "Em devolução ao remetente", "En retour vers l'expéditeur", "Wird an den Absender zurückgeschickt"),
    "returned": ("Returned to the sender", "Возвращено отправителю", "Devuelto al remitente",
                 "Devolvido ao remetente", "Retourné à l'expéditeur", "An den Absender zurückgeschickt"),
    "exception": ("The carrier reported a problem", "Перевозчик сообщил о проблеме",
                  "El transportista informó de un problema", "A transportadora informou um problema",
                  "Le transporteur a signalé un problème", "Der Versanddienst meldet ein Problem"),
    "expired": ("No more tracking news from the carrier", "Перевозчик больше не присылает новостей",
                "El transportista ya no da noticias", "A transportadora não envia mais notícias",
                "Le transporteur ne donne plus de nouvelles", "Keine Neuigkeiten mehr vom Versanddienst"),
    "unknown": ("Tracking update from the carrier", "Новость от перевозчика", "Novedad del transportista",
                "Atualização da transportadora", "Nouvelle du transporteur", "Neuigkeit vom Versanddienst"),
}

# page words → (en, ru, es, pt, fr, de)
_WORDS: dict[str, tuple[str, str, str, str, str, str]] = {
    "title": ("Your order {order_id}", "Ваш заказ {order_id}", "Tu pedido {order_id}", "Seu pedido {order_id}",
              "Votre commande {order_id}", "Ihre Bestellung {order_id}"),
    "from": ("from {store}", "от {store}", "de {store}", "de {store}", "de {store}", "von {store}"),
    "parcel": ("Parcel {number}", "Посылка {number}", "Paquete {number}", "Pacote {number}", "Colis {number}",
               "Paket {number}"),
    "estimate": ("Expected between {start} and {end}", "Ожидается с {start} по {end}",
                 "Llegada prevista entre el {start} y el {end}", "Previsão de chegada entre {start} e {end}",
                 "Livraison prévue entre le {start} et le {end}", "Voraussichtlich zwischen {start} und {end}"),
    "late": ("Taking longer than usual for this route.", "Доставка идёт дольше обычного для этого маршрута.",
             "El envío tarda más de lo habitual en esta ruta.",
             "A entrega está demorando mais do que o normal nesta rota.",
             "La livraison prend plus de temps que d'habitude sur ce trajet.",
             "Die Lieferung dauert auf dieser Strecke länger als üblich."),
    "delivered_on": ("Delivered on {date}", "Вручено {date}", "Entregado el {date}", "Entregue em {date}",
                     "Livré le {date}", "Zugestellt am {date}"),
    "timeline": ("Tracking history", "История отслеживания", "Historial de seguimiento", "Histórico de rastreamento",
                 "Historique du suivi", "Sendungsverlauf"),
    "no_events": ("No tracking news yet.", "Новостей от перевозчика пока нет.", "Aún no hay noticias del envío.",
                  "Ainda não há notícias do envio.", "Pas encore de nouvelles du colis.",
                  "Noch keine Neuigkeiten zur Sendung."),
    "pickup": ("Your parcel is waiting for you at {location}. Bring an ID and the tracking number {number}.",
               "Посылка ждёт вас: {location}. Возьмите с собой паспорт и трек-номер {number}.",
               "Tu paquete te espera en {location}. Lleva tu documento de identidad y el número {number}.",
               "Seu pacote está à sua espera em {location}. Leve um documento com foto e o código {number}.",
               "Votre colis vous attend à {location}. Munissez-vous d'une pièce d'identité et du numéro {number}.",
               "Ihr Paket wartet auf Sie: {location}. Bringen Sie einen Ausweis und die Nummer {number} mit."),
    "pickup_until": ("It is kept until {date}, then sent back.", "Её хранят до {date}, затем вернут отправителю.",
                     "Se guarda hasta el {date}; después se devuelve.", "Fica guardado até {date}; depois é devolvido.",
                     "Il est conservé jusqu'au {date}, puis renvoyé.",
                     "Es wird bis {date} aufbewahrt, danach zurückgeschickt."),
    "pickup_place": ("the pickup point", "пункт выдачи", "el punto de recogida", "o ponto de retirada",
                     "le point de retrait", "die Abholstelle"),
    "help": ("Questions? Write to {store}: {email}", "Вопросы? Напишите {store}: {email}",
             "¿Preguntas? Escribe a {store}: {email}", "Dúvidas? Escreva para {store}: {email}",
             "Des questions ? Écrivez à {store} : {email}", "Fragen? Schreiben Sie {store}: {email}"),
    "help_no_email": ("Questions? Write to {store} where you placed your order.",
                      "Вопросы? Напишите {store} там, где вы оформили заказ.",
                      "¿Preguntas? Escribe a {store} donde hiciste tu pedido.",
                      "Dúvidas? Escreva para {store} onde você fez o pedido.",
                      "Des questions ? Écrivez à {store} là où vous avez passé commande.",
                      "Fragen? Schreiben Sie {store} dort, wo Sie bestellt haben."),
    "updated": ("Page updated {date}", "Обновлено {date}", "Actualizado el {date}", "Atualizado em {date}",
                "Mis à jour le {date}", "Aktualisiert am {date}"),
}


def language_of(language: str | None) -> str:
    lang = (language or "").strip().lower().replace("_", "-").split("-", 1)[0]
    return lang if lang in LANGUAGES else FALLBACK_LANGUAGE


def _pick(table: dict[str, tuple[str, ...]], key: str, language: str) -> str:
    return table[key][LANGUAGES.index(language_of(language))]


def word(key: str, language: str, **values: object) -> str:
    return _pick(_WORDS, key, language).format(**values)


def event_line(status: str, sub_status: str | None, language: str) -> str:
    """What a tracking event means, in the buyer's language (one sentence, no carrier text)."""
    key = sub_status if sub_status in _LINES else status if status in _LINES else "unknown"
    return _pick(_LINES, key, language)


def day(value: object, language: str) -> str:
    return format_date(value, language_of(language))  # type: ignore[arg-type]
