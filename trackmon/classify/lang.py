"""Which of the classifier's languages a text is written in (script first, then vocabulary).

A Latin-script text with none of the words below is in a language the classifier does not
read: it gets no classification, so the carrier's own code status stands (never a guess).
Words are folded (see `text.fold`); only words of three letters or more count.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "pl", "nl", "tr", "ru", "zh", "ja", "ko")

_VOCAB: dict[str, str] = {
    "en": """the has have been was were is are your item items package packages parcel parcels shipment
        delivered delivery deliver arrived arrival departed departure processed picked pickup facility customs
        clearance received returned return sender shipper recipient receiver attempt attempted exception scan
        origin destination transit label information available ready collection collected held hold office post
        courier driver vehicle notice left refused posted address damaged lost delay delayed accepted acceptance
        posting dispatch dispatched export import airline flight sorting sort center centre hub depot station
        order created shipping tendered carrier route our you will not unable successful successfully complete
        completed signed signature missed reached business closed redelivery consignee addressee handed over
        shipment's package's inbound outbound warehouse service cleared released charges duties payment
        awaiting waiting expected scheduled loaded van truck today tomorrow agent locker point collect
        investigation rescheduled upgrade intercept merchandise receiver's incorrect incomplete missing
        ups usps dhl fedex tnt gls dpd ems network trailer disruption hazardous material prohibited restricted
        commodity international contents shortage discovered reported fallout weather flight plane aircraft
        train railroad mechanical failure late early scheduled tendered route routed misrouted destroyed
        seized counterfeit postage alcohol security inspection government agency paid due charge billing
        label voided void manifest processing process sorted center facility approved submitted electronic
        partner agent final attempt attempts unsuccessful failure rejected refuse refusal consignee apartment
        suite floor street city state country postal code zip directions building directory vacant rural
        residence residential commercial front back door porch mailbox reception mail room desk garage
        neighbor neighbour left safe place signed proof pod released clearance broker importer exporter
        documents documentation invoice information required needed missing additional details contact
        requested request arranged assigned available unavailable closed holiday strike vacation moved
        unknown insufficient illegible damaged damage broken lost missing stolen delayed delay arrive
        arriving depart departing leaving left reached transfer transferred forwarded forward sent send
        shipped ship ships with without they their them this that these those and for from into onto upon
        via over under after before while during then than also only just still yet soon now today tonight
        item's parcel's consolidated consolidation export exported imported bond presented inward outward
        exchange dispatched despatch despatched landed departed arrived handover handed formalities progress""",
    "es": """los las del envio entregado entregada entrega paquete destinatario remitente oficina reparto transito
        admitido admitida recogida recoger recogido disponible devuelto devolucion aduana aduanas intento ausente
        punto centro clasificado llegada salida sido esta con por para pendiente destino estacionado almacen
        mercancia despachada datos registrado fecha nuevo domicilio direccion incorrecta retenido rehusado
        cambio unidad alta tramitacion aduanera arancel informado ruta localidad conveniencia cerrado
        depositado pickup tienda vecino retirado instalaciones origen llegara retraso demore concertada
        prerregistrado preadmision admision etiqueta creada finalizado plazo retirada realizado proceso despacho
        anulado anulada reencaminado aceptado devolucion""",
    "pt": """objeto objecto entregue destinatario remetente para saiu entrega aguardando retirada encaminhado
        postado correios unidade recebido fiscalizacao aduaneira nao pode ser efetuada devolvido carteiro
        atendido endereco tentativa distribuicao transito estafeta aceitacao recepcao expedicao alfandega
        conseguida recolha remessa pagamento tributos favor aguarde transferencia coletado agencia cliente
        recusou receber mudou desconhecido expediente caixa postal apreendido extraviado roubado avariado
        conteudo importacao liberado armario inteligente etiqueta emitida postagem conferido localizado
        destino permuta partida chegada estacao deposito incidencia devolucao curso objetos lote
        artigos proibidos restritos feriado avisado apartado reclamado reexpedido despacho refugo falecido""",
    "fr": """votre colis est ete livre livree livraison destinataire expediteur retrait point bureau poste cours
        acheminement douane disponible instance avis passage absent retourne depose pris charge envoi site
        distribution tri pays arrive quitte sorti dedouanement commercant gardien voisin prepare expedie
        remis presente reporte retenu adresse incomplete echec consigne relais cityssimo jours ouvrables
        destinataire prochain nouveau mis sera pourra signale emballage degrade territoire reseau enlevement
        instruction distribue probleme attente retire traitement entree sortie declaratif distribuable retour
        anomalie incident refuse retrait effectue enregistre etiquette creee groupee agence transit""",
    "de": """die der das sendung wurde wird ist zugestellt zustellung empfanger absender filiale packstation
        abholung paketzentrum zielland zoll verzollung zustellfahrzeug geladen bearbeitet eingetroffen
        eingeliefert abgeholt angetroffen nicht konnte rucksendung auftragsdaten elektronisch ubermittelt
        angekundigt zustellbasis zustellversuch empfangsadresse geschlossen lagert benachrichtigt verlassen
        weitergeleitet transportiert zustellorganisation ubergeben vorbereitet auslandssendung sendungsdaten
        einlieferung weitertransport zurck zuruckgesandt eingeleitet station aufbewahrung beschadigt
        verzogerung heute erfolgreich nachnahme geplant umschlagbasis abholstandort zustellstandort paket
        auslieferung kurier durch fur bei aus nach von unterwegs nachbar briefkasten""",
    "it": """spedizione stata consegnata consegna transito ritiro disponibile mittente restituzione presa carico
        ufficio postale verifica svincolo paese estero data successo operatore acquisto andata buon fine
        verifiche contatta assistenza giorno lavorativo successivo indicata corso consegnato giacenza mancata
        irreperibilita assoluta destinatario deceduto sconosciuto trasferito indirizzo inesatto inesistente
        insufficiente furto smarrimento deterioramento rapina strada chiusa maltempo forza maggiore esito fascicolo
        chiuso dematerializzazione abilitata persona punti recapitista accettazione avviato estero ingresso invio
        rifiutato causa""",
    "pl": """przesylka przesylki doreczona doreczenia doreczenie odebrana kuriera kurierowi nadana nadanie wydana
        wydanie odmowa przyjecia przyjecie oddziale sortowni zarejestrowano dane paczkomat paczkopunkt odbior
        dostarczenie zaladunek rozwoz paczka paczke przygotowania trakcie doreczyl odbiorcy przesylke twoja
        przygotowana nadawce przekazano doreczeniu umieszczona paczkomacie przypomnienie czekajacej dostarczona
        uplynal termin brak mozliwosci przekazanie magazynu niedoreczalnych nieodebrana czeka oddziale
        odbiorcy oczekuje punkcie przekazanie przeladunek granica paczki zwrocona nadawcy""",
    "nl": """pakket zending bezorgd bezorger afgeleverd onderweg sorteercentrum ontvangen afhaalpunt afzender
        ontvanger niet thuis retour bezorging aangemeld gesorteerd opgehaald voorgemeld afgehaald afhaalzending
        afhaalopdracht afhaallocatie manco bezorgmoment bijgewerkt geweigerd beschadigd vermist vernietigd vertraagd
        uitgesteld aflevering inklaring douane aangifte invoeraangifte geannuleerd afgekeurd retourzending
        overhandigd gemist verzender geadresseerde pakketautomaat brievenbus buren bezorgen lukte zending
        zendingen pakketkluis verwerkt postbus verhuisd onbereikbaar onjuist onjuiste gecollecteerd voorraad
        distributieproces opslag calamiteit onbestelbaar wegens vanwege naar het een bij wij hebben komen keer""",
    "tr": """gonderi gonderiniz teslim edildi dagitima cikti kargo sube alici gonderici iade transfer merkezi
        yolda kabul edildi teslimat teslimatta teslimattadir subesinde kurye dagitimda hazirlaniyor merkezinde
        iadesi surecinde yonlendirildi yonlendirme parcali islem gormemis engellendi iptal edilmistir musteri
        musteriye adres adresi yanlis yetersiz edilmedi ulasilamiyor indirildi cikis cikisi
        tarafindan halde alinmadi birakildigi yapildi istegi bolge onayladi fatura""",
}
WORDS: dict[str, frozenset[str]] = {lang: frozenset(w for w in text.split() if len(w) >= 3)
                                    for lang, text in _VOCAB.items()}
_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in WORDS.items():
    for _w in _words:
        _INDEX[_w] = (*_INDEX.get(_w, ()), _lang)

_EN_SHORT = re.compile(r"\b(?:in|on|at|to|by|of|is|it|be|we|up|an|or|as|out)\b")
_ALL = frozenset(_INDEX)
_WORD = re.compile(r"[a-z]{3,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def languages(folded: str) -> frozenset[str]:
    """The classifier's languages found in a folded text (empty: a language it does not read)."""
    found: set[str] = set()
    if not folded.isascii():
        if _CYRILLIC.search(folded):
            found.add("ru")
        if _HANGUL.search(folded):
            found.add("ko")
        if _KANA.search(folded):
            found.add("ja")
        if _HAN.search(folded):
            found.add("zh")
            if "ja" not in found and "ko" not in found:
                found.add("ja")  # kanji-only Japanese labels ("配達完了") read with both tables
    words = set(_WORD.findall(folded))
    for word in _ALL.intersection(words):
        found.update(_INDEX[word])
    if len(found) < 2:  # plural forms ("packages", "parcels") when little else was found
        for word in _ALL.intersection(w[:-1] for w in words if w[-1] == "s"):
            found.update(_INDEX[word])
    if not found and folded.isascii() and _EN_SHORT.search(folded):
        found.add("en")  # "In Customs", "Out for delivery": short English function words
    return frozenset(found)


__all__ = ["LANGUAGES", "WORDS", "languages"]
