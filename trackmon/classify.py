"""Multilingual tracking-event text classifier (en, zh, ru, es, pt, fr, de). Pure.

`classify_description()` maps one scan's text to a normalized (status, sub-status), or None
for an ordinary in-transit scan ("Processed through facility"). Rules are tried in order and
the first match wins, so the specific comes first: a return delivered back to the sender
before "delivered", "available for pickup" before "delivery attempted", "not delivered"
before "delivered", customs "released" before "held".

Matching is done on folded text: HTML entities decoded, whitespace collapsed, case-folded,
and accents stripped from Latin letters only ("livré" → "livre"; Cyrillic "й" is kept). The
patterns below are written in that folded form.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from trackmon.domain import Status, SubStatus

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Classification:
    status: Status
    sub_status: SubStatus | None


class Refined(NamedTuple):
    """Result of `refine`: a (status, sub_status) tuple that also has named fields."""

    status: Status
    sub_status: SubStatus | None


def normalize_text(text: str) -> str:
    """Decode HTML entities, collapse whitespace, case-fold: " Out&nbsp;for\\nDelivery" → "out for delivery"."""
    return _SPACE.sub(" ", html.unescape(text or "")).strip().casefold()


def _fold(text: str) -> str:
    """`normalize_text`, then accents stripped from Latin letters (é→e, ç→c, ü→u)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", normalize_text(text)):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


S, U = Status, SubStatus

# (status, sub_status, patterns[, exclusions]) — tried top to bottom; each pattern is searched in
# the folded text; a rule whose exclusion matches is skipped (a later rule may still match).
_RULES: list[tuple] = [
    # --- a return that reached the sender again (final) ---------------------------------
    (S.returned, U.returned, (
        r"(?<!being )(?<!be )(?<!is )returned to (the )?(original )?(sender|shipper)",
        r"delivered,? (back )?to (the )?(original )?(sender|shipper)",
        r"return (was )?delivered", r"returned,? delivered",
        r"退回妥投", r"退件签收", r"退回.{0,8}(已签收|签收成功)", r"寄件人已签收", r"已退还?(给)?寄件人",
        r"вручени[ея] отправителю", r"вручено отправителю", r"получено отправителем",
        r"(?<!sera )devuelto al remitente", r"entregado al remitente",
        r"(?<!sera )devolvido ao remetente", r"entregue ao remetente",
        r"(?<!sera )retourne a l'expediteur", r"(remis|livre) a l'expediteur",
        r"wurde (dem|an den) absender zugestellt", r"rucksendung wurde .{0,30}zugestellt",
    )),
    # --- waiting for collection: lockers, pickup points, post offices --------------------
    (S.available_for_pickup, U.pickup_locker, (
        r"(parcel )?locker", r"packstation", r"paketbox", r"citypaq", r"casillero",
        r"почтомат", r"постамат", r"快递柜", r"自提柜", r"丰巢", r"已(投|入|存)柜",
        r"consigne", r"armario inteligente",
    ), (  # … unless the buyer already took it out
        r"(collected|picked up|retrieved|removed) (from|at|by)", r"вручен|получено|выдано|изъято",
        r"已(取出|取件|签收)|取件成功", r"(fue |ha sido )?(recogido|retirado) (por|del|de)",
        r"foi retirado", r"a ete (retire|recupere)", r"abgeholt|entnommen",
    )),
    (S.available_for_pickup, U.pickup_point, (
        r"(available|ready|awaiting|waiting) .{0,40}(pick.?up point|access point|parcel ?shop|service point)",
        r"(delivered|arrived) (to|at) (the )?(ups )?(access point|pick.?up point|parcel ?shop|service point)",
        r"(pick.?up point|access point|parcel ?shop|service point).{0,30}(available|ready|awaiting|collect)",
        r"пункт(е|ы)? выдачи", r"驿站", r"代收点", r"自提点", r"已到达.{0,6}自提",
        r"point (de )?(retrait|relais)", r"relais pickup", r"punto de (recogida|entrega|conveniencia)",
        r"ponto de (retirada|coleta|entrega)", r"paketshop", r"packshop",
    )),
    (S.available_for_pickup, U.pickup_post_office, (
        r"(available|ready)\b.{0,40}\bfor (pick.?up|collection)", r"ready for (pick.?up|collection)",
        r"awaiting (collection|pick.?up)", r"waiting (for|to be) (collected|collection|picked up|pick.?up)",
        r"held at (the )?(post office|postal facility)", r"to be collected", r"collect (it|your (item|parcel))",
        r"прибыло в место вручения", r"ожидает (адресата|вручения|получения)", r"готово к (выдаче|вручению)",
        r"到达待取", r"待自提", r"待取件", r"待领取", r"请.{0,6}(领取|取件)", r"到邮局领取",
        r"disponible para (recoger|su recogida|retirar)", r"disponible en (oficina|sucursal)",
        r"listo para (recoger|retirar)", r"pendiente de recogida", r"en espera de (ser )?recogid",
        r"aguardando retirada", r"disponivel para retirada", r"aguardando (o )?destinatario",
        r"disponible (dans|en|au) (votre )?(bureau|point|agence)", r"(a|au) retirer",
        r"en instance", r"attend d'etre retire", r"disponible au retrait",
        r"zur abholung", r"abholbereit", r"kann .{0,40}abgeholt werden", r"liegt .{0,40}(filiale|bereit)",
    ), (  # sender-side pickups by the carrier are not the buyer's collection
        r"(carrier|courier|driver) (pick.?up|collection)", r"ready for (ups|fedex|dhl|usps|dispatch|shipment)",
        r"pick.?up (scheduled|requested)", r"awaiting (carrier|courier)",
        r"from (the )?(sender|shipper|merchant|seller)",
    )),
    # --- on its way back to the sender ----------------------------------------------------
    (S.returning, U.returning, (
        r"return(ing)? to (the )?(sender|shipper)", r"being returned", r"will be returned",
        r"return (is )?in progress", r"return initiated", r"returned to origin",
        r"возврат", r"возвращено", r"возвращается",
        r"退回", r"退件", r"退运", r"退还",
        r"devolucion", r"(sera|sendo) devuelto", r"en devolucion",
        r"devolucao", r"(sera|sendo) devolvido", r"em devolucao",
        r"retour (a l'|vers l')?expediteur", r"en (cours de )?retour", r"sera retourne",
        r"rucksendung", r"zuruckgesendet", r"zuruckgeschickt", r"retoure", r"rucklaufer",
    )),
    (S.exception, U.lost, (
        r"\blost\b", r"presumed missing", r"утрач", r"утер", r"丢失", r"遗失", r"extraviad",
        r"\bperdu\b", r"egare", r"\bverloren\b", r"verlust",
    )),
    # --- failed delivery attempts ---------------------------------------------------------
    (S.delivery_failed, U.refused, (
        r"refused", r"rejected by (the )?(recipient|addressee|consignee)", r"declined by",
        r"отказ", r"拒收", r"拒签", r"rehusad", r"rechazad", r"recusad", r"recusou",
        r"refuse par", r"\brefuse\b", r"verweigert",
    )),
    (S.delivery_failed, U.bad_address, (
        r"(incorrect|insufficient|incomplete|bad|wrong|invalid|unknown) address",
        r"address (is |was )?(unknown|incorrect|incomplete|insufficient|wrong|invalid)",
        r"(addressee|recipient|consignee) (unknown|moved)", r"no such (number|street|address)",
        r"unable to locate (the )?(address|recipient|addressee)", r"moved,? left no address",
        r"undeliverable as addressed",
        r"(неверн|неполн|неправильн|некорректн)\w* адрес", r"адресат (не найден|выбыл)", r"по указанному адресу",
        r"地址(不详|错误|有误|不正确|不全|不完整)", r"查无此人",
        r"direccion (incorrecta|incompleta|erronea|insuficiente)", r"destinatario desconocido",
        r"endereco (incorreto|insuficiente|incompleto|errado|inexistente)", r"destinatario (desconhecido|mudou)",
        r"adresse (incomplete|incorrecte|erronee|insuffisante)", r"destinataire inconnu",
        r"(adresse|anschrift) (unvollstandig|fehlerhaft|falsch|unzureichend)", r"empfanger (unbekannt|verzogen)",
    )),
    (S.delivery_failed, U.nobody_home, (
        r"no(body| one) (was )?(at )?home", r"no authori[sz]ed recipient",
        r"(recipient|receiver|addressee|consignee) (was |is )?"
        r"(not available|unavailable|not present|not (at )?home|unable to receive)",
        r"redelivery",
        r"business (was )?closed", r"notice left", r"no one available", r"nobody available",
        r"адресат отсутств", r"отсутстви\w* адресата", r"временное отсутствие",
        r"无人", r"收件人不在", r"联系不上", r"电话(无人接听|无法接通)",
        r"(destinatario|cliente) ausente", r"\bausente\b", r"carteiro nao atendido",
        r"destinataire absent", r"\babsent\b", r"avis de passage",
        r"nicht angetroffen", r"benachrichtigungskarte",
    )),
    (S.delivery_failed, None, (
        r"(delivery )?attempted(?! to)", r"delivery attempt", r"unable to deliver", r"could not be delivered",
        r"undeliver", r"not delivered", r"delivery (failed|unsuccessful|exception)", r"failed (delivery|attempt)",
        r"неудачная попытка", r"не вручен", r"не доставлен", r"попытка вручения",
        r"投递失败", r"派送失败", r"未妥投", r"未签收", r"(派送|投递)不成功", r"未能(派送|投递)",
        r"intento de entrega", r"entrega fallida", r"no entregad", r"no se (pudo|ha podido) entregar",
        r"tentativa de entrega", r"nao entregue", r"entrega nao (efetuada|realizada)",
        r"tentative de livraison", r"pas (pu )?(ete |etre )?livre", r"non livre", r"echec de (la )?livraison",
        r"zustellversuch", r"zustellung (war )?nicht moglich", r"nicht zugestellt", r"konnte nicht .{0,20}zugestellt",
    )),
    # --- out for delivery and delivered ---------------------------------------------------
    (S.out_for_delivery, None, (
        r"out for delivery", r"on (the )?(\w+ )?vehicle for delivery", r"with (the )?(delivery )?courier for delivery",
        r"loaded on delivery vehicle", r"on its way to (you|the recipient)",
        r"передано (почтальону|курьеру)", r"доставляется", r"выдано почтальону", r"в доставке",
        r"派送中", r"正在派送", r"待签收", r"派件中", r"安排投递", r"(正在|开始)投递", r"投递中", r"出班投递",
        r"en reparto", r"salio (a|para) (reparto|entrega|distribucion)", r"en distribucion",
        r"saiu para entrega", r"em rota de entrega", r"\bem entrega\b",
        r"en cours de livraison", r"en livraison", r"sera livre aujourd", r"en cours de distribution",
        r"in zustellung", r"wird .{0,30}zugestellt", r"zustellfahrzeug",
        r"auf dem weg zu (ihnen|dir|dem empfanger)",
    )),
    (S.delivered, None, (
        r"(?<!be )(?<!being )\bdelivered\b(?!,? (to|at) (the )?(customs|carrier|airline|local|post office|postal|"
        r"destination|partner|courier|hub|facility|warehouse|sorting|airport|delivery|operator|usps|ups|dhl))",
        r"(picked up|collected) by (the )?(recipient|addressee|customer|consignee)",
        r"individual picked up", r"picked up at (the )?(post office|postal facility)",
        r"вручени[ея] адресату", r"вручено адресату", r"получено адресатом", r"^вручение$", r"^вручено$",
        r"вручение адресату", r"\bвручено\b", r"доставлено получателю",
        r"已签收", r"签收", r"妥投", r"投递成功", r"派送成功", r"已送达", r"已交付收件人",
        r"\bentregad[oa]\b(?! (a|al|en) (operador|transportista|correos|aduana|la aduana|oficina))",
        r"\bentregue\b(?! (a|ao|a) (transportadora|correios?|operador|alfandega|agencia))",
        r"(est|a ete|ont ete) (bien )?(livre|distribue)", r"^livree?$", r"colis livre", r"remis au destinataire",
        r"livraison effectuee", r"remis en main propre", r"depose dans (votre|la) boite aux lettres",
        r"zugestellt", r"ausgeliefert", r"vom empfanger .{0,30}abgeholt", r"an empfanger ubergeben",
    )),
    (S.exception, U.damaged, (
        r"damaged", r"повреждени", r"повреждено", r"破损", r"损坏", r"danad", r"averiad", r"danificad", r"avariad",
        r"endommage", r"abime", r"beschadigt",
    )),
    # --- leaving the origin country -------------------------------------------------------
    (S.in_transit, U.departed_origin, (
        r"depart\w* (from )?(the )?(origin country|country of origin|outward office|origin airport)",
        r"left (the )?(origin country|country of origin)",
        r"left china", r"departed china", r"\bexport",
        r"dispatch\w* (from|to) (the )?(outward|origin|destination country)",
        r"handed over to (the )?(airline|air carrier|line ?haul)", r"(flight|airline) (has )?departed",
        r"despatch from outward office",
        r"экспорт", r"покинуло (страну|пределы) (отправления|китая)", r"передано перевозчику",
        r"передано авиаперевозчику",
        r"已离开中国", r"离开中国", r"已出口", r"出口", r"交航", r"航班(已)?起飞", r"离港", r"发往(目的国|国外|境外)",
        r"salida (del pais|de la oficina de cambio)", r"salio del pais de origen", r"ha salido del pais de origen",
        r"saiu do pais de origem", r"encaminhado para o (brasil|pais de destino)",
        r"a quitte le pays d'expedition", r"quitte le pays d'origine",
        r"hat das (ursprungs|abgangs|absender)land verlassen", r"exportiert",
    )),
    # --- customs ---------------------------------------------------------------------------
    (S.in_transit, U.customs_released, (
        r"(customs|import|clearance)\w*.{0,20}(released|cleared|completed|complete|finished|finalized)",
        r"(released|cleared) (from|by|through) customs", r"customs (status )?(updated to )?released",
        r"выпущено таможней", r"выпуск (разрешен|товаров)", r"таможенное оформление завершено",
        r"清关(完成|成功|结束)", r"海关放行", r"已放行", r"通关(完成|成功)",
        r"(liberado|despachado) (por|de|en) (la )?aduana", r"aduana.{0,20}(liberad|finalizad|completad)",
        r"fiscalizacao aduaneira finalizada", r"liberado (pela|na) (fiscalizacao|alfandega)",
        r"desembaraco (concluido|finalizado)",
        r"\bdedouanee?s?\b", r"dedouanement (termine|effectue|realise)",
        r"verzollt", r"zoll(abfertigung)? (ist )?(abgeschlossen|erledigt)", r"vom zoll freigegeben",
    )),
    (S.in_transit, U.customs_duties, (
        r"(import |customs )?(duties|duty|taxes|tax) (and taxes )?(are )?(due|payable|owed|unpaid|required|to be paid)",
        r"(import|customs) charges", r"pay(ment of)? (the )?(import |customs )?(duties|taxes|duty|fees)",
        r"awaiting payment", r"(duties|taxes) (must|need to) be paid",
        r"оплат\w* (таможенн|пошлин)", r"пошлин", r"таможенн\w* плате",
        r"(缴纳|支付|需缴|待缴).{0,4}(关税|税费|税款)", r"关税", r"税费",
        r"(pago|pagar|abonar) (de )?(los )?(aranceles|impuestos|derechos)", r"aranceles",
        r"aguardando pagamento", r"pagamento (do despacho|de tributos|pendente)", r"tributos",
        r"droits (et|de) (taxes|douane)", r"(payer|paiement) (des )?(droits|taxes)",
        r"(zoll|einfuhr)(gebuhr|abgabe)", r"zoll .{0,20}(zahlen|bezahlen)", r"einfuhrumsatzsteuer",
    )),
    (S.in_transit, U.customs_information_required, (
        r"(information|documents?|documentation|paperwork|invoice|id) (is |are )?(required|needed|missing|requested)",
        r"(additional|missing|further) (information|documents?|documentation)",
        r"request(ed)? (for )?(documents?|information)",
        r"(требуются|необходимы|запрошены|предоставьте) (документ|сведени|информаци)", r"документ\w* (для|не)",
        r"(须|需|需要|请)(提供|补充)", r"补充(资料|材料|文件)", r"提供(资料|证件|文件)",
        r"(se requiere|requiere|falta) (documentacion|informacion|documentos)", r"documentacion (adicional|requerida)",
        r"(informacoes|documentos) (adicionais|necessarios|pendentes)", r"aguardando (documentos|informacoes)",
        r"(informations?|documents?) (complementaires?|manquants?|requis)",
        r"(unterlagen|dokumente|informationen) (fehlen|benotigt|erforderlich|angefordert)",
        r"fehlende (unterlagen|dokumente)",
    )),
    (S.in_transit, U.customs_held, (
        r"held (in|by|at) (\w+ )?customs", r"(retention|retained|detained) (by|in|at) customs",
        r"customs (hold|held|delay|detention|inspection)", r"(clearance|import) delay",
        r"held for inspection", r"seized by customs",
        r"задержан\w* (тамож|на тамож)", r"таможенное оформление приостановлено",
        r"扣留", r"扣关", r"海关(查验|扣件|扣押)", r"被海关",
        r"(retenido|detenido|retenida) (en|por) (la )?aduana",
        r"retido (na|pela) (alfandega|fiscalizacao)",
        r"retenu (en|par la) douane", r"bloque en douane",
        r"vom zoll (zuruckgehalten|einbehalten)", r"zoll.{0,20}(zuruckgehalten|einbehalten|gestoppt)",
    )),
    (S.in_transit, U.customs_processing, (
        r"customs", r"(import|export) clearance", r"clearance (processing|in progress|event)",
        r"inbound into customs", r"presented to customs",
        r"тамож",
        r"清关", r"海关", r"报关", r"通关",
        r"aduana", r"aduaner",
        r"alfandega", r"fiscalizacao aduaneira", r"desembaraco",
        r"douane", r"dedouanement",
        r"\bzoll",
    )),
    # --- arrived in the destination country -----------------------------------------------
    (S.in_transit, U.arrived_destination, (
        r"arriv\w* (in|at|to) (the )?destination country", r"arriv\w* (in|at) (the )?country of destination",
        r"arrival at (the )?inward office", r"arrived at (the )?(destination|inward) (office of exchange|country)",
        r"import scan", r"\(inbound\)", r"inbound office of exchange", r"\bimport(ed)?\b",
        r"handed over to (the )?(local|last.?mile|destination) (carrier|courier|post)",
        r"received (by|at) (the )?(destination|local) (post|postal|carrier)",
        r"импорт", r"(прибыло|поступило) в (россию|рф|страну назначения)", r"прибыло на территорию",
        r"место международного обмена",
        r"到达目的地国家", r"到达目的国", r"(已)?(到达|抵达)(寄达国|目的国|目的地国)", r"进口", r"到达海外",
        r"llegada al pais de destino", r"(llego|ha llegado) al pais de destino", r"llegada a (espana|mexico|chile)",
        r"recebido pelos correios do brasil", r"chegou ao (brasil|pais de destino)",
        r"(arrive|arrivee) dans le pays de destination", r"(est arrive|arrive) en france",
        r"im zielland (angekommen|eingetroffen)", r"in deutschland (angekommen|eingetroffen)",
    )),
    # --- before pickup: label / electronic information only -------------------------------
    (S.info_received, U.label_created, (
        r"label (created|printed)", r"created a (shipping )?label",
        r"(electronic|shipment|shipping|order|pre.?shipment) (information|info|data) (received|sent)",
        r"awaiting item", r"pre.?advice", r"shipment (is )?(ready|being prepared)", r"order (processed|created)",
        r"(присвоен|зарегистрирован) (трек|идентификатор|почтовый)", r"трек.?номер присвоен",
        r"регистрация отправления",
        r"电子信息(已)?收到", r"已下单", r"订单(已)?(创建|生成)", r"等待揽收", r"待揽收", r"已(生成|打印)面单", r"预报",
        r"pre.?registrad", r"prerregistrad", r"(informacion|datos) (del envio )?recibid",
        r"etiqueta (criada|emitida|gerada)", r"aguardando postagem", r"informacoes (eletronicas )?enviadas",
        r"en (cours de )?preparation chez l'expediteur", r"l'expediteur (prepare|a prepare)", r"colis (est )?annonce",
        r"informations? (recues?|transmises?)",
        r"elektronisch (angekundigt|ubermittelt)", r"auftragsdaten", r"sendungsdaten (wurden )?ubermittelt",
    )),
    # --- in the carrier's hands at origin --------------------------------------------------
    (S.in_transit, U.picked_up, (
        r"picked up", r"posting/collection", r"^posting\b", r"\baccepted\b", r"acceptance", r"\bposted\b",
        r"origin scan",
        r"received by (the )?(carrier|courier|post)",
        r"shipment received", r"item received", r"collected from (the )?(sender|shipper)",
        r"^при[её]м\b", r"при[её]м (отправления|в отделении)", r"принято (в отделении|от отправителя|к пересылке)",
        r"已收寄", r"收寄", r"揽收", r"揽件", r"已揽", r"已取件",
        r"admitid", r"admision", r"recogido (en|por)",
        r"entregue (ao|a) (correios?|transportadora|agencia)", r"objeto postado", r"\bpostado\b", r"coletado",
        r"pris en charge", r"depose",
        r"eingeliefert", r"vom absender (ubergeben|abgeholt)", r"abgeholt",
    )),
]


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


#: (status, sub_status, pattern, exclusion pattern or None) compiled once.
_COMPILED: list[tuple[Status, SubStatus | None, re.Pattern[str], re.Pattern[str] | None]] = [
    (rule[0], rule[1], _compile(rule[2]), _compile(rule[3]) if len(rule) > 3 else None)  # type: ignore[misc]
    for rule in _RULES
]


@functools.lru_cache(maxsize=65536)
def classify_description(text: str) -> Classification | None:
    """The (status, sub_status) an event text states, or None for an ordinary scan.

    Pure, and carriers repeat the same phrases across parcels: answers are cached.
    """
    folded = _fold(text)
    if not folded:
        return None
    for status, sub, pattern, exclude in _COMPILED:
        if pattern.search(folded) and not (exclude and exclude.search(folded)):
            return Classification(status, sub)
    return None


#: Carrier statuses that are specific enough to keep whatever the text says.
_SPECIFIC = frozenset({
    Status.delivered, Status.returned, Status.returning, Status.delivery_failed,
    Status.available_for_pickup, Status.out_for_delivery, Status.expired,
})


#: Carrier sub-statuses that a customs text may make more specific.
_CUSTOMS_REFINABLE = frozenset({SubStatus.security, SubStatus.customs_processing})
_CUSTOMS_SPECIFIC = frozenset({SubStatus.customs_held, SubStatus.customs_duties,
                               SubStatus.customs_information_required})


def refine(status: Status, sub_status: SubStatus | None, description: str) -> Refined:
    """Make a generic carrier status more specific with the event text.

    A specific carrier status (delivered, returned, delivery_failed, …) is kept; only its
    missing sub-status may be filled from the text when the text agrees on the status. A
    generic status (in transit, unknown, not found, info received or exception without a
    sub-status) takes the text's classification when the text has one.
    """
    cls = classify_description(description) if description else None
    if cls is None:
        return Refined(status, sub_status)
    if sub_status in _CUSTOMS_REFINABLE and cls.sub_status in _CUSTOMS_SPECIFIC:
        # "security/customs/fee issue" or plain "customs processing" + a text that says
        # held / duties payable / documents required: the text is the more specific
        return Refined(cls.status, cls.sub_status)
    if status in _SPECIFIC:
        if sub_status is None and cls.status == status:
            return Refined(status, cls.sub_status)
        return Refined(status, sub_status)
    if status in (Status.unknown, Status.not_found) or sub_status in (None, SubStatus.other):
        return Refined(cls.status, cls.sub_status)
    return Refined(status, sub_status)


__all__ = ["Classification", "Refined", "classify_description", "normalize_text", "refine"]
