# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Spanish carrier wording: Correos, Correos Express, SEUR, MRW, GLS Spain, CTT Express, Nacex, TIPSA,
Estafeta, the Argentine carriers (Correo Argentino, Andreani, Vía Cargo, iFlow) and the Colombian,
Ecuadorian and Chilean ones (Coordinadora, Interrapidísimo, Servientrega, Envía, Starken …).

Patterns are folded (see `text.fold`): no accents, lower case. They are written by family, in the
general forms carriers share (participles, negated deliveries, absence, address, refusal, pickup
points, returns, holds), not as single carriers' sentences: each phrase is one concept with its
synonyms and forms (nobody there: "ausente", "ausencia", "cerrado", "vacaciones", "sin moradores"),
so one phrase reads the wordings of several carriers; `bench.loo_rules` measures how the table
reads wordings it was not written from. SEUR and CTT Express also send terse situation names
("AUSENCIA PROLONGADA", "NO ACEPTAN PORTES", "MAL TRANSITADO"): each is read as the event its code
group gives it (see data/corpus/README.md). MRW names both parties: the sender's side of a collection
("Remitente ausente", "Dirección de recogida incorrecta") is data received, not a failed delivery."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
# Only words Portuguese, Italian, French and English do not share, so their texts do not pull
# in this table.
VOCAB = """los las del envio entregado entregada entrega paquete destinatario remitente oficina reparto transito
        admitido admitida recogida recoger recogido disponible devuelto devolucion aduana aduanas intento ausente
        punto centro clasificado llegada salida sido esta con por para pendiente destino estacionado almacen
        mercancia despachada datos registrado fecha nuevo domicilio direccion incorrecta retenido rehusado
        cambio unidad alta tramitacion aduanera arancel informado ruta localidad conveniencia cerrado
        depositado pickup tienda vecino retirado instalaciones origen llegara retraso demore concertada
        prerregistrado preadmision admision etiqueta creada finalizado plazo retirada realizado proceso despacho
        anulado anulada reencaminado aceptado devolucion
        abierto accidente aceptan aceptacion aclaracion almacenado arrastre asignada averia bulto bultos cierre
        clasificacion concertacion concertado conexion confiscado conocen contesta delegacion desconocido
        desechada despues destruccion devuelta dirigiendo disculpa disposicion distribucion efectivo efectuada
        encuentra enlace enlazada expedicion faltan fallido flota fuera gestion grabado hacia hay huelga
        importacion imposible impuesto incidencia incorrectos indican ingreso inspeccion instruccion lectura
        listo llegado movimiento nueva operaciones pdte podido posible preconfirmada preimposicion pudo puede
        recepcion recepcionada recepcionado rechaza rechazo recibe recibido recogeran recoleccion relacion
        repartidor retencion retenida revision robado rotura rpto saldra salio sin siniestro sufrido
        telefono tiempo transitado ubicado vacaciones vehiculo viaje
        seur nacex tipsa mrw collectt parcelshop ausencia adverso restringido abandonada destruida manifestada
        retornado sucursal novedad indemnizacion obstruccion incautado fallecido digitalizada certificacion prueba
        bodega recolectado traslado camino pospone posponga orden
        fiesta retener plaza duplicada duplicado sacada
        rechazado rechazada danado danada fallida entregar aceptada reexpedicion redestinado arribo factura remitent recoger
        llego nieve lluvia calle conserje portero recibida entregamos pudimos lamentamos molestias caja concertar manana hoy
        ayer tercer solicitud importe impuestos tramite clasificado consigna taquilla ubicacion llamada llamar rehuso rehusa
        acepta aceptar franquicia embalaje ilegible paralizacion inundacion carretera aplaza emisor primera segunda tercera trasladado trasladada falta faltan
        recaudo recaudar telemercadeo cubre conocen indemnizada confirmacion condiciones
        hasta tras segun este sus nuestro nuestra fue hemos usted seguimiento cartero buzon mensajero mensajeria
        paqueteria transportista encomienda salido nadie firmado robo hurto hurtado excepcion
        acceso casillero lleno encontraba encontro retrasado agotado dinero niega manifestacion peligrosa hecho recogera exportacion finalizada
        manifestado registrada recanalizado posicionado provisional entrego distribuidor motorizado chofer"""

# Within a family the concepts are tried in the order written: the narrower reading comes first.
RULES = table("es", [
    # back with the sender (final): a return handed over at origin
    (F.returned, [r"entregad[oa] (?:al?|en) (?:remitente|expedidor|origen)|(?:devuelt|retornad)[oa] al? (?:remitente|cliente|expedidor|emisor)"
                  r"|recibid[oa] por (?:el )?(?:remitente|expedidor)|devolucion (?:entregada|finalizada|completada|recibida)|certificacion (?:de )?devolucion",
                  r"^(?:devuelt|retornad)[oa]s?$"]),
    # the sender's side: announced, not yet handed over, collection planned or missed
    (F.sender_attempt, [
        # data announced by the sender (pre-advice, label, manifest)
        r"pre-?(?:admision|admitid|imposicion|registr|aviso)|prerregistr|registrad[oa]\.?$|\bgrabad[oa]\b|\bmanifest(?:ad[oa]|o)\b|^informad[oa]\b"
        r"|etiqueta (?:creada|generada|impresa|emitida)|(?:envio|guia|orden|pedido) (?:creado|creada|generad[oa]|documentad[oa]|grabad[oa])"
        r"|(?:datos|informacion) (?:del envio |de envio )?recibid",
        # the same in the other order, and the shipment said to be registered
        r"(?:hemos |se han? |ha |han )?recibid[oa]s? (?:la |los |toda la )?(?:informacion|datos) (?:de|del|sobre) (?:su |tu |el |este )?(?:envio|pedido|paquete)"
        r"|(?:envio|pedido|guia|expedicion|paquete|orden) (?:ha sido |fue |esta |queda |quedo )?(?:registrad[oa]|dad[oa] de alta)\b",
        # not yet handed to the carrier
        r"pendiente de (?:entrada en red|entregar (?:a|al|en)|deposit|admision|recepcion en|ingreso|recibir en)|^pendiente de recepcion"
        r"|\ba recibir (?:por|en)\b|en bodega (?:del )?(?:cliente|remitente)|recepcion provisional"
        r"|(?:remitente|vendedor|expedidor|tienda) (?:aun |todavia )?no (?:ha )?(?:entregado|enviado|despachado|depositado)",
        # a collection asked for, planned or missed
        r"recogida (?:asignada|solicitada|programada|planificada|confirmada|pendiente|fallida|no realizada|sin exito)|pendiente de recoger$"
        r"|pendiente de (?:la )?recogida (?:por (?:el |parte del )?(?:transportista|mensajero|repartidor)|en (?:origen|cliente))|(?:solicitud|orden|aviso) de recogida|intento de recogida|no se (?:ha )?(?:podido|pudo) recoger",
        # the sender absent, unknown, at a wrong address, or postponing the collection
        r"(?:remitente|emisor|expedidor) (?:ausente|desconocido|cerrado|no (?:entrega|tiene|prepara|esta))|(?:direccion|domicilio|datos) de recogida"
        r"|(?:aplaza|pospone|reprograma)\w* (?:la )?recogida"]),
    (F.sender_collected, [r"recogid[oa] en (?:origen|cliente|agencia|domicilio)|recogid[oa] por (?:gls|el transportista|el mensajero|el repartidor|mrw|seur|nacex|ctt|agencia)"
                          r"|(?:envio|paquete|bulto|mercancia)s? recogid|recogida (?:realizada|efectuada|completada|con ok)|recolectad[oa]|recoleccion (?:realizada|exitosa|efectuada)"]),
    (F.return_trip, [r"en reparto (?:al|hacia el) remitente"]),
    (F.neutral_early, [r"sera entregado|se entregara", r"entregad[oa] (?:a|al|en) (?:la )?(?:operador|transportista|transportadora|correos|aduana|broker|conexiones|courier|mensajeria|paqueteria|aerolinea|linea aerea)\b",
                       # a further attempt announced alone is the next step, not the failed attempt
                       r"^(?:nuevo|segundo|otro) reparto$|(?:para|programad[oa] (?:para|a)) (?:un )?(?:nuevo|segundo|otro) (?:intento|reparto)",
                       r"datos del envio han sido modificados", r"en oficina de cambio", r"\bviajando (?:en |por )?(?:ruta|hacia)"],
     (r"en proceso de entrega",), ""),
    # a locker or pickup point that could not take the parcel (full, broken, an incident)
    (F.pickup_problem, [r"(?:incidencia|problema|averia) (?:en|con) (?:el |la )?(?:locker|casillero|citypaq|taquilla|pudo|punto|parcel ?shop)"
                        r"|(?:locker|casillero|citypaq|taquilla) (?:llen[oa]|complet[oa]|averiad|fuera de servicio)"]),
    # a parcel waiting in a locker
    (F.locker, [r"citypaq|casillero|armario inteligente|\blockers?\b|taquilla|buzon inteligente"],
     (r"incidencia|llen[oa]|no cabe|averi|fuera de servicio|retirad|recogido por|entregado a|devol|caducad",)),
    (F.point, [
        # the pickup-point networks by name
        r"punto (?:de )?(?:recogida|entrega|retiro|venta|conveniencia|pack|seur|mrw|nacex|ctt|collectt|gls|dhl|celeritas|servicio|correos|dro+p\b)|pointcorner"
        r"|parcel ?shop|nacexshop|mrw point|tienda (?:seur )?pick ?up|(?:en|al|del?|punto) pudo\b|(?:en|repartidor) pick ?up\b",
        # left at, received in or waiting at "the point"
        r"(?:depositad[oa]|recepcionad[oa]|entregad[oa]|disponible|recibid[oa]|esperando|^en) (?:en )?(?:el |un |su )?punto\b(?! de (?:origen|destino|control))"],
     (r"retirad|entregado a|recogido por|incidencia|devol|rechaza",)),
    (F.post_office, [
        # ready, waiting, to be collected by the recipient
        r"disponible (?:para|en) (?:su )?(?:recog|retir)|listo (?:para|en) (?:su )?(?:recog|retir)|pendiente (?:de|por) (?:ser )?(?:recogid|retirad)|pendiente (?:de|por) (?:su )?(?:recogida|retiro)"
        r"|pendiente (?:de|por) (?:recoger|retirar|reclamar) en|(?:en|a) ocurre\b|(?:en )?espera de (?:ser )?(?:recogid|retirad)|esperando (?:ser )?(?:recogid|retirad)|a (?:su |tu |la )?disposicion del? (?:destinatario|cliente)"
        r"|(?:puede|pueden|podra) (?:pasar a )?(?:recoger|retirar)|en lista de correos",
        # at the office, branch, agency or franchise for the recipient
        r"^en (?:la )?(?:oficina|sucursal)$|(?:disponible|listo|en espera|esperando|reclam\w*|retir(?:ar|o)|recoger(?:a|an|lo|la)?|ser recogid[oa]|depositad[oa]) en (?:la )?(?:oficina|sucursal|agencia|delegacion|franquicia|nave)\b(?! (?:de )?(?:destino|origen))"
        r"|en (?:la )?(?:oficina|sucursal|agencia) (?:para|de) (?:su )?(?:retiro|retirar|recoger)|(?:agencia|oficina|sucursal|delegacion|franquicia) sin (?:recoger|retirar|reclamar)|recogida en (?:agencia|oficina|sucursal|delegacion)",
        # the same a few words apart: "recogerán en la delegación", "para reclamar en nuestra oficina"
        r"\b(?:recoger(?:a|an|lo|la)?|retirar(?:lo|la)?|reclamar(?:lo|la)?)\b(?: \w+){1,3} (?:oficina|sucursal|agencia|delegacion|franquicia)\b(?! (?:de )?(?:destino|origen))"
        r"|\b(?:oficina|sucursal|agencia|delegacion|franquicia)\b(?: \w+){0,2} (?:para|sin) (?:\w+ )?(?:recoger|retirar|reclamar)\b"]),
    # the parcel goes back (a reason inside does not make it a failed attempt); the pickup period over sends it back
    (F.returning, [r"(?:finalizad|vencid|cumplid|agotad|expirad|caducad)[oa] (?:el )?(?:plazo|periodo)|(?:caducad|vencid)[oa] en (?:el |la )?(?:citypaq|locker|taquilla|casillero|oficina|punto|sucursal)|pla?zo\W?(?:de )?(?:(?:retirada|permanencia|custodia|recogida|almacenaje)(?: \w+){0,3} )?(?:finalizad|vencid|cumplid|agotad|expirad|caducad)",
                   r"devolucion|devuelt[oa]|devuelv|\bdevolver(?:a|an|emos|lo|la)?\b|retorn(?:o|ando) (?:al?|hacia) (?:remitente|origen)|en retorno|retornando|regres(?:a|o|ando) (?:al?|hacia) (?:remitente|origen)"],
     (r"imposible (?:de )?devol|anulad|cancelad|(?:posible|eventual) devolucion",)),
    (F.returning, [r"no (?:ha sido )?(?:retirad|recogid|reclamad)[oa]s? (?:en (?:el )?plazo|a tiempo|dentro del plazo)|sin (?:retirar|recoger|reclamar) (?:en|dentro del) plazo"], (), "h"),
    # damaged goods, whatever happens to the rest (a refusal for damage is a refusal)
    (F.damaged_early, [r"deteriorad|danad|averiad[oa]|rotura|\brotos?\b|\brotas?\b(?! de )|mojad|golpead|aplastad|mal estado|(?:paquete|bulto|embalaje|caja|envio) (?:abiert|manipulad|violentad)"],
     (r"rechaz|rehus|no aceptan?\b|entregad|vehiculo|camion|furgon",)),
    (F.lost, [r"extraviad|extravio|perdid[oa](?! (?:de )?(?:conexion|enlace))|\brobad[oa]\b|\brobo\b|\bhurt(?:o|ad[oa])\b|siniestr|sustraid|sustraccion"
              r"|(?:envio|paquete|bulto|expedicion|mercancia) no (?:localizad|encontrad)|no se (?:localiza|encuentra) (?:el |la )?(?:envio|paquete|bulto|expedicion|mercancia)"]),
    (F.prohibited, [r"confiscad|incautad|decomisad|requisad|(?:material|mercancia|articulo|contenido|producto)s? (?:restringid|prohibid|peligros)",
                    r"desechad|destruid|destruccion|destruir|abandonad"]),
    (F.refused, [r"rehus|rechaz(?:ad[oa]s?|o|a|an)\b|\bse nieg(?:a|an|o)\b|no (?:lo |la )?(?:aceptan?|quiere|quieren|desea|admite)\b|no (?:conocen|reconoce\w*) (?:al? )?remitente"
                 r"|no (?:hizo|realizo|ha (?:hecho|realizado)) (?:el |ningun )?pedido|no (?:reconoce|conoce) (?:el )?(?:pedido|envio|compra)|no (?:lo )?(?:ha )?solicit(?:ado|o)\b|\bno solicitad[oa]s?\b"]),
    (F.address, [
        # the address itself wrong, incomplete, unknown or not found
        r"(?:direccion|domicilio|calle|numero|codigo postal)(?: de entrega| del destinatario)? (?:incorrect|incomplet|erron|errad|insuficient|deficient|inexistent|desconocid|equivocad|falsa|ilegible|no existe|no (?:localizad|encontrad|ubicad)|ilocalizable)"
        r"|(?:falta|faltan|sin) (?:datos (?:de|en) )?(?:la |el )?(?:direccion|numero\b|piso|puerta|codigo postal)|(?:portal|piso|puerta|escalera) (?:incorrect|erron|equivocad)|no existe (?:la )?(?:direccion|calle|numero)"
        r"|no (?:se )?(?:localiza|localizad[oa]|localizo|encuentra|encontro) (?:la )?(?:direccion|domicilio|calle)|sin localizar"
        r"|(?:faltan?|insuficientes?|incorrectos?) (?:los )?datos (?:de|del) (?:destinatario|direccion|entrega)|datos (?:de|del) (?:destinatario|direccion|entrega) (?:incorrectos|incompletos|insuficientes|erroneos)",
        # the recipient unknown there, moved away or deceased
        r"destinatario (?:desconocido|no (?:existe|localizado|encontrado|identificado|ubicado|reside|vive)|sin identificar|trasladado|fallecid)|(?:^|destinatario |cliente |titular )no (?:se )?localiza(?:d[oa])?\b"
        r"|(?:cliente|destinatario|empresa) (?:se (?:ha )?)?traslad|se (?:ha )?(?:mud(?:ado|o|aron)|traslad(?:ado|o|aron))\b|cambio de (?:domicilio|direccion)|no es (?:la|su) direccion actual|direccion actual del destinatario"
        r"|no (?:conocen|conoce) (?:al? )?(?:destinatario|cliente)|no se localiza (?:al? )?(?:destinatario|cliente)|\bno reside\b|ya no vive",
        r"fallecid",
        r"(?:direccion|domicilio)(?: \w+){1,3} (?:es |esta |resulta )?(?:incorrect|incomplet|erron|insuficient|equivocad|inexistent)",
        # a zone the carrier does not serve or cannot reach
        r"(?:zona|direccion|sector|area) (?:de )?(?:dificil acceso|peligrosa|roja|no accesible|sin acceso|restringida)|dificil acceso|no se cubre|sin cobertura|fuera de cobertura"
        r"|(?:no hay|sin) acceso (?:al? |para )?(?:domicilio|direccion|edificio|zona|vivienda|calle|urbanizacion|destino)|no (?:se )?(?:ha )?(?:podido|pudo) acceder"
        r"|(?:zona|sector|poblacion|localidad) no cubiert|no cubrimiento"]),
    # "unknown" alone names the recipient or the address (the sender's side is read above)
    (F.address, [r"\bdesconocid[oa]s?\b"], (r"(?:motivo|causa|razon|estado|error|incidencia|contenido) desconocid|remitente|expedidor|emisor",)),
    (F.nobody, [
        # nobody there: absent, closed, on holiday, a notice left
        r"\bausen(?:te|tes|cia)\b|(?:^|destinatario |cliente |domicilio |local |negocio |empresa |establecimiento |comercio |tienda |porteria )cerrad[oa]s?\b|(?:por|horario de) cierre\b|vacaciones|(?:se )?dej\w* aviso|aviso en buzon|fuera de horario\b(?! de recoleccion)|horario (?:de (?:entrega |reparto )?)?(?:cierre|no compatible|incompatible)|sin moradores",
        # the recipient not reachable: no answer, phone off or wrong, nobody to receive
        r"no (?:contesta|contestan|responde|responden|atiende|atienden|coge)\b|sin respuesta|no hay (?:persona|nadie|quien)|\bnadie\b|(?:sin|no hay) responsable"
        r"|no (?:se )?(?:ha )?(?:podido|pudo|logrado|logro|pudimos) (?:contactar|comunicar(?:se)?) (?:con |a |al )?(?:el |la )?(?:destinatario|cliente|titular|interesado)"
        r"|no se (?:encuentra|encontro|encontraba) (?:a |al )?(?:el |la )?(?:titular|destinatario|cliente|nadie|persona|responsable|interesado)"
        r"|no (?:esta|estaba) (?:el |la )?(?:destinatario|cliente|responsable|titular|en (?:casa|el domicilio))|(?:destinatario|cliente|titular) no (?:se (?:encuentra|encontraba|encontro)|disponible)|sin (?:telefono|numero de telefono)\b|buzon de voz|(?:telefono|movil|celular) (?:erroneo|incorrecto|equivocado|apagado|no disponible|fuera de servicio)",
        # the phone: not answered, switched off or wrong, in either order and a few words apart
        r"\bno (?:contesta|contestan|responde|responden|atiende|atienden|coge)\b(?: \w+){0,2} (?:el |al )?(?:telefono|movil|celular|llamadas?)\b"
        r"|\b(?:telefono|movil|celular)\b(?: \w+){0,2} no (?:contesta|responde|atiende|disponible|existe|valido|operativo)\b"],
     (r"declaracao|(?:cerrad[oa]|en cierre) (?:por|con) (?:incidencia|excepcion|siniestro|novedad)",)),
    (F.failed, [
        # the recipient cannot pay the cash on delivery
        r"sin (?:efectivo|dinero|fondos)|no (?:tiene|dispone de) (?:el )?(?:dinero|importe|efectivo)|no (?:paga|puede pagar|abona)\b|no cancela (?:el )?(?:valor|importe|reembolso|recaudo)",
        # a visit or an attempt was made
        r"intent(?:o|os|ado|ada|amos|aron)? (?:de )?(?:entrega|entregar|reparto|visita)|(?:primer|segundo|tercer|1er|2do|3er|ultimo) intento|\b(?:1|2|3|primera|segunda|tercera)a? visita\b"
        r"|se (?:realiza|realizo|efectua|efectuo|hizo) (?:la )?visita|\bse visita\b|visita (?:sin entrega|fallida|a destinatario re-?programa)|(?:cliente|destinatario) (?:solicita|pide) (?:nueva|otra) (?:fecha|entrega|visita)",
        # not delivered, unsuccessful, impossible
        r"\bno entregad|\bsin entregar\b|\bno (?:se )?(?:(?:ha|han|hemos|fue|pudo|pudimos|logro|logramos|puede|podemos) )?(?:(?:podido|sido|logrado) )?(?:ser )?entreg(?:ad[oa]s?|ar(?:lo|la)?|o|aron|a|an)\b"
        r"|no se (?:logra|logro|pudo realizar|realiza|ha realizado|ha podido realizar) (?:la )?entrega|no (?:ha sido|fue|es|ha resultado|resulto) posible (?:la |realizar la )?entreg"
        r"|imposible (?:de )?(?:la )?entreg|entrega imposible|(?:reparto|entrega|visita|intento)s? (?:\w+ )?(?:fallid|frustrad)|sin exito|(?:entrega|reparto) no (?:efectuad|realizad|completad)"
        r"|no (?:se )?(?:ha )?(?:podido|pudo|puede|logrado|logro|pudimos|hemos podido) (?:completar|realizar|efectuar|hacer|concretar|finalizar) (?:la |su )?entrega",
        r"\bno\b(?: \w+){1,4} (?:entregad[oa]s?|entregar(?:lo|la|le)?)\b"]),
    # "fallido" alone is a failed delivery, not a missed link, payment, collection or clearance
    (F.failed, [r"\bfallid[oa]s?\b"], (r"(?:conexion|enlace|arrastre|pago|cobro|recogida|recoleccion|aduana|despacho|sistema|transmision|lectura|escaneo)s? (?:\w+ )?fallid",), "h"),
    (F.out_for_delivery, [
        r"en (?:reparto|rpto|distribucion)\b|reparto en curso|con (?:el )?(?:repartidor|mensajero|cartero)|en manos del (?:repartidor|mensajero|cartero)|asignad[oa] (?:a|al) (?:repartidor|mensajero|ruta de reparto)|en (?:el )?vehiculo de (?:reparto|entrega)",
        r"(?:sale|salio|salida|ha salido|sacad[oa]) (?:a|para|en) (?:reparto|entrega|distribucion|ruta de (?:entrega|reparto))",
        r"en ruta (?:de|para) (?:la )?(?:entrega|reparto|distribucion)|en (?:ruta|camino) (?:al|hacia el|a su|a tu|hacia su) (?:destinatario|domicilio|direccion|casa)|en proceso de (?:entrega|distribucion)",
        # the courier has it or is on the way with it
        r"en poder del (?:distribuidor|cartero|repartidor|mensajero|motorizado|courier)|(?:asignad|cargad)[oa] (?:a|al|en) (?:el |la |un |una )?(?:cartero|motorizado|chofer|courier|vehiculo de reparto|furgoneta de reparto)|entregad[oa] (?:a|al) (?:cartero|motorizado|chofer)\b"
        r"|(?:repartidor|mensajero|cartero|motorizado|courier) (?:ya )?(?:esta )?(?:en camino|en ruta|de camino)|\b(?:llega|recibiras|recibes|entregaremos) hoy\b"]),
    # handed on "a reparto" / "a distribución" in any wording (sent, passed, taken out), not while still waiting for it
    (F.out_for_delivery, [r"\ba (?:reparto|distribucion)\b"], (r"pendiente (?:de |para )?(?:salir|salida|pasar|envio)|(?:antes|despues) de (?:salir|pasar)|en espera de (?:salir|salida)",)),
    (F.delivered, [r"\bentregad[oa]s?\b(?! (?:a|al|en) (?:operador|transportista|correos|aduana|la aduana|oficina|punto))(?! almacen)|\bse (?:le |lo |la )?entreg(?:o|aron)\b|\bentregamos\b",
                   # taken out of a point, office or locker by the recipient
                   r"retirad[oa] (?:el (?:envio|paquete|pedido) )?(?:de|en|desde) (?:la |el |un )?(?:mrw point|punto|oficina|sucursal|agencia|tienda|locker|taquilla|casillero|citypaq|pick ?up|parcel ?shop|pudo)"
                   r"|retirad[oa] por (?:el )?(?:destinatario|cliente)|recogid[oa] por (?:el )?(?:destinatario|cliente final)|(?:destinatario|cliente) ha (?:retirado|recogido)",
                   r"recibid[oa] (?:conforme(?: por)?|por) (?:el |la )?(?:destinatario|cliente|titular|vecino|portero|conserje|autorizado)|recepcion conforme|firmad[oa] por|prueba de entrega"
                   r"|entrega (?:efectuada|realizada|completada|confirmada|exitosa|correcta|sin verificar|parcial|digitalizada|certificada)|entrega (?:en|a) (?:la )?(?:porteria|conserjeria|recepcion)"]),
    (F.exception, [
        # held, parked or stored at a depot (not by customs)
        r"estacionad[oa]|almacenad[oa]|(?:^en|entregad[oa](?: en| al)?) almacen\b|almacen regulador|(?:\bretenid|detenid|bloquead|inmovilizad|paralizad)[oa](?! (?:en |por )?(?:la )?aduana)|\bretener\b|paralizacion",
        # cancelled or voided before it moved
        r"anulad|cancelad|^no admitid|\b(?:anula|cancela)\b",
        # the shipment's record: data missing, wrong or duplicated, a bad label or package
        r"datos (?:documentados |comunicados )?(?:incorrectos|erroneos|incompletos|insuficientes)|pendiente (?:de )?(?:recibir )?(?:los )?datos|faltan datos|duplicad"
        r"|etiqueta (?:ilegible|incorrecta|erronea|danada)|sin etiqueta|mal (?:embalad|etiquetad)|embalaje (?:defectuoso|incorrecto|insuficiente)|exceso de (?:peso|medidas|dimensiones)|sobrepeso",
        # misrouted, missorted, a missed link
        r"mal (?:transitad|encaminad|dirigid|clasificad|canalizad|enrutad|codificad)|\brecanalizad|\berror (?:de |en )?(?:destino|clasificacion|encaminamiento|ruta|etiquetado|datos)\b|\berror en\b"
        r"|(?:llegada|enviado|encaminado|llego) por error|desviad[oa]|no enlazad|perdida (?:de )?(?:conexion|enlace)",
        # parcels or goods missing, short or over
        r"faltan? (?:de |un |una |algun )?(?:bultos?|expedicion|mercancia|piezas?)\b|\bfaltan? en (?:origen|destino)|faltante|sobrante|\bsobran? bultos?|\bsobra\b|sin bultos"
        r"|no (?:llego|ha llegado|se recibio|se ha recibido) (?:el |la )?(?:envio|paquete|bulto|mercancia)\b|(?:envio|expedicion|bultos?) incomplet",
        # waiting for instructions, a clarification or a solution
        r"(?:esperando|espera de|pendiente de|a la espera de) (?:las? )?(?:instruccion|solucion|resolucion|respuesta|aclaracion|indicaciones)|aclaracion en proceso|en aclaracion",
        # the carrier calling the recipient to confirm
        r"telemercadeo|confirmacion telefonica|validacion telefonica|llamada de confirmacion",
        # weather
        r"mal tiempo|clima(?:tologi\w*)? advers|(?:condiciones|causas|razones|motivos) (?:climatologicas|meteorologicas|climaticas|atmosfericas)|climatolog|meteorolog"
        r"|temporal de|\bnevadas?\b|\bnieve\b|\blluvias?\b|inundacion|tormenta|huracan|granizo|catastrofe|desastre natural|emergencia",
        r"\b(?:clima|tiempo|condiciones|meteorologia)\b.{0,20}\badvers|\badvers[oa]s?\b.{0,12}\b(?:clima|climatolog|meteorolog|tiempo)",
        r"\bvias? publicas?\b",
        # strikes, holidays, public order, force majeure
        r"huelga|\bparo (?:nacional|de transporte|camionero)|\bfiesta\b|\bfestivo\b|\bferiado\b|dia (?:inhabil|no laborable)|fuerza mayor|orden publico|disturbios|protestas?\b|manifestacion(?:es)? (?:en|de|publica|social)",
        # the road: accident, breakdown, closed or blocked
        r"accidente|averia|obstruccion|cierre de (?:vias|carreteras?|calles?|fronteras?)|vias? (?:cerrad|bloquead)|carretera cortada|corte de (?:carretera|trafico|via)|via publica|derrumbe",
        # a return in doubt: possible, or impossible
        r"(?:posible|eventual|imposible) (?:de )?devol\w*|no (?:se )?(?:puede|pudo) devolver",
        r"indemniz",
        # a service not done, when no family above says which (a collection, a delivery)
        r"^no realizad[oa]s?$|posicionad[oa] en per\b",
        # an incident or novelty opened on the shipment, when no concept above names it
        r"incidencia|\bnovedad\b|excepcion|anomalia|\bproblemas?\b|reclamacion"],
     # held for taxes or duties is a customs stage (also Portuguese "bloqueado … impostos/tributos"); a solved incident is over
     (r"\b(?:impuest|impost|tribut|arancel)", r"(?:incidencia|novedad) (?:resuelta|solucionada|subsanada)|(?:resuelta|solucionada|subsanada) (?:la )?(?:incidencia|novedad)")),
    (F.export_clearance, [r"(?:aduana|despacho|tramitacion|tramite|gestion|declaracion|control)(?: aduaner[oa])? de (?:exportacion|salida)|aduana de origen|exportacion en (?:curso|proceso)"],
     (r"importacion|finalizad|completad|terminad|liberad|autorizad",)),
    (F.departed, [r"salida (?:del pais|de (?:la )?oficina de cambio)(?! de destino)|(?:salio|ha salido) del pais de origen"
                  r"|exportacion (?:finalizada|completada|autorizada|realizada)|(?:finalizad|completad)[oa] (?:la )?(?:tramitacion|gestion|despacho) de exportacion"
                  r"|(?:tramitacion|gestion|despacho|aduana) (?:aduaner[oa] )?de exportacion (?:finalizad|completad|realizad|terminad)"],
     (r"importacion",)),
    (F.customs_released, [r"(?:liberad[oa]|despachad[oa]) (?:por|de|en) (?:la )?aduana|aduana.{0,20}(?:liberad|finalizad|completad)|ha sido despachada"
                          r"|(?:finalizad|completad|terminad)[oa] (?:la )?(?:tramitacion|gestion|despacho) (?:aduaner[oa]|de importacion)|(?:tramitacion|gestion) aduanera (?:finalizada|completada)"]),
    (F.customs_duties, [r"(?:pago|pagar|abonar|abono|cobro) (?:de )?(?:los )?(?:aranceles|impuestos|derechos|tasas|gastos de aduana)|arancel|impuestos? (?:de importacion|aduaner)|(?:tasas|impuestos|derechos)(?: aduaner[oa]s| de importacion)? pendientes? de pago"]),
    (F.customs_info, [r"(?:se requiere|requiere|falta|faltan|pendiente de) (?:la )?(?:documentacion|informacion|documentos)|documentacion (?:aduanera )?(?:adicional|requerida|pendiente|incompleta)"]),
    (F.customs_held, [r"(?:retenid|detenid|bloquead|inmovilizad)[oa] (?:en |por )?(?:la )?aduana"]),
    (F.customs, [r"aduan|despacho|\bdua\b|importacion"]),
    # late: a delay, a postponed delivery, no time left on the round
    (F.delayed, [r"retras|demor|pospon|posterga|aplaz|reprogramad[oa]|falta de tiempo|fuera de plazo|entrega tardia"]),
    (F.arrived, [r"llegada al pais de destino|(?:llego|ha llegado) al pais de destino|llegada a (?:espana|mexico|chile|argentina|colombia|peru)|oficina de cambio de destino"]),
    (F.label, [r"pre-?registrad|(?:informacion|datos) (?:del envio )?recibid|etiqueta"]),
    (F.picked_up, [r"admitid|admision|recogido (?:en|por)|recepcionado en las instalaciones de origen"]),
])

__all__ = ["RULES", "VOCAB"]
