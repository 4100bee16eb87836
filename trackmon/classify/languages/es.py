# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Spanish carrier wording: Correos, Correos Express, SEUR, MRW, GLS Spain, CTT Express, Nacex, TIPSA,
Estafeta, the Argentine carriers (Correo Argentino, Andreani, Vía Cargo, iFlow) and the Colombian,
Ecuadorian and Chilean ones (Coordinadora, Interrapidísimo, Servientrega, Envía, Starken …).

Patterns are folded (see `text.fold`): no accents, lower case. They are written by family, in the
general forms carriers share (participles, negated deliveries, absence, address, refusal, pickup
points, returns, holds), not as single carriers' sentences; `bench.loo_rules` measures how the table
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
        paqueteria transportista encomienda salido nadie firmado robo hurto hurtado excepcion"""

RULES = table("es", [
    # back with the sender (final): a return handed over at origin
    (F.returned, [r"(?:devuelt[oa]|entregad[oa]|retornad[oa]) al? (?:remitente|cliente|expedidor)", r"entregad[oa] (?:al|en|a) origen", r"^devuelt[oa]$",
                  r"^retornado$", r"devolucion (?:entregada|finalizada|completada)", r"certificacion devolucion",
                  r"recibid[oa] por (?:el )?(?:remitente|expedidor)"]),
    # the sender's side: registered, label made, collection planned / assigned / missed
    (F.sender_attempt, [r"pendiente de recoger$", r"^informado$", r"registrado\.?$", r"pre-?admision", r"prerregistrad",
                        r"pre-?registrad", r"etiqueta (?:creada|generada|impresa|emitida)", r"\bgrabado\b", r"\bmanifest(?:ad[oa]|o)\b", r"preimposicion",
                        r"pendiente de (?:entrada en red|entregar (?:a|al|en)|deposit|admision|recepcion en)", r"^pendiente de recepcion",
                        r"recogida (?:asignada|solicitada|programada|planificada|confirmada|pendiente|fallida|no realizada|sin exito)",
                        r"(?:solicitud|orden|aviso) de recogida", r"intento de recogida", r"no se (?:ha )?(?:podido|pudo) recoger",
                        r"en bodega (?:del )?cliente", r"(?:envio|guia|orden|pedido) (?:creado|creada|generad[oa]|documentad[oa]|grabad[oa])",
                        r"(?:datos|informacion) (?:del envio |de envio )?recibid", r"pendiente de ingreso",
                        # the sender's side of a collection: absent, unknown, wrong address, postponed, data missing
                        r"(?:remitente|emisor|expedidor) (?:ausente|desconocido|cerrado|no (?:entrega|tiene|prepara))",
                        r"(?:direccion|domicilio|datos) de recogida", r"aplaza (?:la )?recogida", r"pendiente de recibir en", r"\ba recibir por\b"]),
    (F.sender_collected, [r"recogid[oa] (?:en|por) (?:origen|gls|el transportista|cliente|el mensajero|agencia)", r"(?:envio|paquete|bulto)s? recogid",
                          r"recogida (?:realizada|efectuada|completada|con ok)", r"recolectad[oa]", r"recoleccion (?:realizada|exitosa|efectuada)"]),
    (F.return_trip, [r"en reparto (?:al|hacia el) remitente"]),
    (F.neutral_early, [r"sera entregado", r"se entregara", r"entregad[oa] (?:a|al|en) (?:operador|transportista|correos|aduana|broker|conexiones)",
                       r"(?:nuevo|segundo) reparto", r"datos del envio han sido modificados", r"en oficina de cambio",
                       r"(?:para|programad[oa] (?:para|a)) (?:un )?nuevo intento"], (r"en proceso de entrega",), ""),
    # a locker that could not take the parcel (full, broken): an exception, before any locker rule of any language
    (F.pickup_problem, [r"(?:incidencia|problema|averia) (?:en|con) (?:el )?(?:locker|casillero|citypaq|taquilla)",
                        r"(?:locker|casillero|citypaq|taquilla) (?:llen[oa]|averiad|fuera de servicio)"]),
    # a parcel waiting in a locker
    (F.locker, [r"citypaq", r"casillero", r"armario inteligente", r"\blockers?\b", r"taquilla", r"buzon inteligente"],
     (r"incidencia|llen[oa]|no cabe|averi|fuera de servicio|retirad|recogido por|entregado a|devol|caducad",)),
    (F.point, [r"punto (?:de )?(?:recogida|entrega|retiro|venta|conveniencia|pack|seur pickup|seur|mrw|nacex|ctt|collectt|gls|dhl|celeritas|servicio)", r"pointcorner",
               r"parcel ?shop", r"nacexshop", r"mrw point", r"tienda (?:seur )?pickup", r"\bpudo\b", r"(?:en|repartidor) pick ?up\b", r"recepcionado en punto", r"punto dro+p\b",
               r"depositado (?:en )?punto"],
     (r"retirad|entregado a|recogido por|incidencia|devol|rechaza",)),
    (F.post_office, [r"disponible (?:para|en) (?:su )?(?:recog|retir)", r"disponible en (?:oficina|sucursal|la oficina|agencia|delegacion|tienda)",
                     r"listo (?:para|en) (?:su )?(?:recog|retir|oficina|sucursal)", r"listo en oficina", r"pendiente de (?:su )?recogida", r"(?:en )?espera de (?:ser )?(?:recogid|retirad)",
                     r"esperando (?:ser )?(?:recogid|retirad)", r"a (?:su |tu |la )?disposicion del destinatario", r"^en oficina$", r"reclame en oficina", r"reclam\w* en (?:oficina|sucursal|agencia)",
                     r"recogida en (?:agencia|oficina|sucursal|delegacion)", r"recoger(?:an)? en (?:delegacion|agencia|oficina|sucursal)",
                     r"pendiente de (?:ser )?(?:recogid|retirad)", r"pendiente de retiro", r"en espera en sucursal", r"retiro en (?:sucursal|oficina|agencia)",
                     r"(?:puede|pueden) (?:pasar a )?(?:recoger|retirar)", r"en lista de correos", r"depositado en (?:oficina|sucursal|agencia)",
                     r"pendiente de (?:recoger|retirar) en", r"recoger(?:an)? en franquicia",
                     r"(?:agencia|oficina|sucursal) sin (?:recoger|retirar|reclamar)"]),
    # the parcel goes back (a reason inside does not make it a failed attempt)
    (F.returning, [r"devolucion", r"devuelt[oa]", r"en devolucion", r"finalizado plazo (?:de )?retirada", r"plazo (?:de )?(?:retirada|permanencia|custodia) (?:finalizado|vencido|cumplido|agotado)",
                   r"retorno al? (?:remitente|origen)", r"\bdevolver\b", r"se devuelve", r"en retorno", r"retornando",
                   r"regres(?:a|o|ando) (?:al?|hacia) (?:remitente|origen)"],
     (r"imposible devolver|anulad|cancelad|(?:posible|eventual) devolucion",)),
    (F.damaged_early, [r"deteriorad"]),
    (F.lost, [r"extraviad", r"extravio", r"perdid[oa]", r"\brobad[oa]\b", r"\brobo\b", r"\bhurt(?:o|ad[oa])\b", r"siniestro", r"sustraid", r"sustraccion"]),
    (F.prohibited, [r"confiscad", r"incautad", r"decomisad", r"material (?:restringido|prohibido|peligroso)", r"mercancia (?:prohibida|peligrosa)",
                    r"desechad", r"destruid", r"destruccion", r"destruir", r"abandonad"]),
    (F.refused, [r"rehus", r"rechazad", r"rechazo", r"\brechaza\b", r"no aceptan?\b", r"no (?:lo |la )?(?:acepta|quiere|quieren|desea)\b",
                 r"no conocen al remitente"]),
    (F.address, [r"(?:direccion|domicilio|dirección|calle|numero|codigo postal)(?: de entrega| del destinatario)? (?:incorrect|incomplet|erron|insuficient|inexistent|desconocid|equivocad|falsa|no existe|no (?:localizad|encontrad)|ilocalizable)",
                 r"destinatario (?:desconocido|no (?:existe|localizado|encontrado|identificado)|se (?:ha )?mudado|trasladado|fallecid)",
                 r"no es la direccion actual", r"direccion actual del destinatario", r"cambio de (?:domicilio|direccion)", r"se (?:ha )?mudado",
                 r"(?:falta|faltan|sin) (?:datos (?:de|en) )?(?:la |el )?(?:direccion|numero\b|piso|puerta|codigo postal)",
                 r"(?:cliente|destinatario|empresa) (?:se ha )?traslad", r"se ha trasladado",
                 r"(?:destinatario|domicilio|direccion) desconocid", r"destinatario sin identificar",
                 r"no (?:se )?(?:localiza|localizado|localizada|encuentra la direccion|existe (?:la )?direccion)", r"sin localizar",
                 r"(?:faltan?|insuficientes?|incorrectos?) (?:los )?datos (?:de|del) (?:destinatario|direccion|entrega)",
                 r"datos (?:de|del) (?:destinatario|direccion|entrega) (?:incorrectos|incompletos|insuficientes|erroneos)",
                 r"(?:zona|direccion) (?:de )?(?:dificil acceso|peligrosa|no accesible|sin acceso|restringida)", r"dificil acceso",
                 r"no (?:conocen|conoce) (?:al? )?(?:destinatario|cliente)", r"no se cubre", r"sin cobertura", r"fuera de cobertura",
                 r"(?:zona|sector|poblacion) no cubiert", r"no cubrimiento"]),
    (F.nobody, [r"(?:destinatario|cliente) ausente", r"\bausente\b", r"ausencia", r"cerrado", r"vacaciones",
                r"no (?:contesta|responde|atiende)", r"no hay (?:persona|nadie)", r"\bnadie\b",
                r"no se (?:encuentra|encontro|encontraba) (?:a |al )?(?:el |la )?(?:titular|destinatario|cliente|nadie|persona|responsable)",
                r"(?:telefono|movil) (?:erroneo|incorrecto|apagado|no disponible)", r"(?:se )?dej\w* aviso", r"aviso en buzon",
                r"no (?:esta|estaba) (?:el |la )?(?:destinatario|cliente|responsable|en (?:casa|el domicilio))", r"fuera de horario de entrega",
                r"(?:sin|no hay) responsable", r"horario (?:de )?(?:cierre|no compatible)", r"fuera de horario\b(?! de recoleccion)"],
     (r"declaracao|(?:cerrad[oa]|en cierre) (?:por|con) (?:incidencia|excepcion|siniestro)",)),
    (F.failed, [r"intento de entrega", r"intento (?:de )?(?:reparto|visita)", r"entrega fallida", r"\bno entregad", r"\bsin entregar\b",
                r"\bno (?:se )?(?:(?:ha|han|hemos|fue|pudo|pudimos|logro|logramos|puede|podemos) )?(?:(?:podido|sido|logrado) )?(?:ser )?entreg(?:ad[oa]s?|ar(?:lo|la)?|o|aron|a|an)\b",
                r"no se (?:logra|logro|pudo realizar|realiza) (?:la )?entrega",
                r"no (?:ha sido|fue|es|ha resultado) posible (?:la |realizar la )?entreg", r"intento fallido", r"(?:reparto|entrega|visita|intento)s? (?:\w+ )?fallid",
                r"sin exito", r"imposible (?:de )?(?:la )?entreg", r"sin efectivo", r"(?:primer|segundo|tercer|1er|2do|3er) intento",
                r"visita a destinatario re-?programa", r"intento entregar", r"se realiza visita",
                r"(?:entrega|reparto) no (?:efectuad|realizad|completad)", r"no se realiza (?:la )?entrega", r"visita sin entrega",
                r"(?:cliente|destinatario) (?:solicita|pide) (?:nueva|otra) (?:fecha|entrega|visita)", r"(?:sin|no tiene) (?:dinero|el importe)",
                r"no (?:paga|puede pagar|abona)\b", r"\b(?:1|2|3|primera|segunda|tercera)a? visita\b"]),
    (F.out_for_delivery, [r"en reparto", r"(?:sale|salio|salida|ha salido) (?:a|para|en) (?:reparto|entrega|distribucion|ruta de (?:entrega|reparto))", r"en distribucion",
                          r"en ruta (?:de|para) (?:la )?(?:entrega|reparto|distribucion)", r"en proceso de (?:entrega|distribucion)", r"\ben rpto\b", r"sale a reparto",
                          r"en ruta (?:al|hacia el) destinatario", r"en camino (?:al|hacia el|a su|a tu) (?:destinatario|domicilio)",
                          r"con (?:el )?(?:repartidor|mensajero|cartero)", r"en manos del (?:repartidor|mensajero|cartero)",
                          r"asignad[oa] (?:a|al) (?:repartidor|mensajero|ruta de reparto)", r"reparto en curso", r"sacad[oa] a reparto"]),
    (F.delivered, [r"\bentregad[oa]s?\b(?! (?:a|al|en) (?:operador|transportista|correos|aduana|la aduana|oficina|punto))(?! almacen)",
                   r"ha retirado el envio", r"retirad[oa] por (?:el )?(?:destinatario|cliente)", r"recogid[oa] por (?:el )?(?:destinatario|cliente final)",
                   r"recibid[oa] (?:por|conforme)(?: el| la)? (?:destinatario|cliente|titular|vecino|portero|conserje|autorizado)", r"recepcion conforme",
                   r"retirad[oa] (?:de|en) (?:mrw point|punto|oficina|sucursal|tienda|locker|taquilla)",
                   r"firmad[oa] por", r"entrega (?:efectuada|realizada|completada|confirmada|exitosa|correcta|sin verificar|parcial|digitalizada)",
                   r"prueba de entrega"]),
    (F.damaged, [r"danad", r"averiad", r"\broto\b", r"\brota\b", r"rotura", r"(?:paquete|bulto|embalaje|caja) abiert", r"mojad", r"golpead", r"mal estado"]),
    (F.delayed, [r"retraso", r"demor", r"pospon", r"aplazad", r"\baplaza\b", r"falta de tiempo", r"perdida de (?:conexion|enlace)", r"fuera de plazo"]),
    (F.exception, [r"estacionado", r"en almacen", r"almacen regulador", r"incidencia", r"anulad", r"cancelad", r"^no admitid",
                   r"faltan? (?:bultos|expedicion)", r"\berror (?:de |en )?(?:destino|clasificacion|encaminamiento|ruta|etiquetado|datos)\b", r"\berror en\b",
                   r"(?:llegada|enviado|encaminado) por error", r"mal (?:transitado|encaminad|dirigid|clasificad)",
                   r"no enlazad", r"datos (?:documentados|comunicados) incorrectos", r"pendiente (?:de )?(?:recibir )?(?:los )?datos",
                   r"\b(?:anula|cancela)\b", r"(?:posible|eventual) devolucion",
                   r"retenid[oa](?! (?:en |por )?(?:la )?aduana)", r"detenid[oa](?! (?:en |por )?(?:la )?aduana)", r"paralizad", r"bloquead", r"inmovilizad",
                   r"(?:esperando|espera de|pendiente de) instruccion", r"aclaracion en proceso",
                   r"almacenado temporalmente", r"accidente", r"averia", r"huelga", r"mal tiempo", r"clima adverso", r"climatolog", r"meteorolog",
                   r"fuerza mayor", r"imposible devolver", r"\bnovedad\b", r"excepcion", r"indemniz",
                   r"telemercadeo", r"confirmacion telefonica", r"no (?:llego|ha llegado|se recibio) (?:el )?(?:envio|paquete|bulto)\b", r"fisico faltante", r"reclamacion", r"obstruccion", r"orden publico",
                   r"\bfiesta\b", r"\bfestivo\b", r"\bretener\b", r"\bfaltan? en (?:origen|destino)", r"duplicad",
                   r"anomalia", r"\bproblemas?\b", r"faltante", r"sobrante", r"\bfaltan? (?:de )?mercancia", r"\bsobran? bultos?", r"sin bultos",
                   r"mal canalizad", r"\bsobra\b", r"mal (?:embalad|etiquetad)", r"embalaje (?:defectuoso|incorrecto|insuficiente)",
                   r"etiqueta (?:ilegible|incorrecta|erronea|danada)", r"sin etiqueta", r"exceso de (?:peso|medidas|dimensiones)", r"sobrepeso",
                   r"(?:pendiente de |en espera de |esperando )(?:solucion|resolucion|respuesta)", r"desviad[oa]", r"paralizacion",
                   r"(?:inundacion|nevada|temporal|tormenta|lluvias?) ", r"catastrofe", r"emergencia", r"corte de (?:carretera|trafico)",
                   r"carretera cortada", r"averia (?:del |de )?vehiculo", r"cierre de (?:vias|carreteras?|calles?)", r"vias? (?:cerrad|bloquead)"],
     # held for taxes or duties is a customs stage (also Portuguese "bloqueado … impostos/tributos")
     (r"\b(?:impuest|impost|tribut|arancel)",)),
    (F.departed, [r"salida (?:del pais|de (?:la )?oficina de cambio)(?! de destino)", r"salio del pais de origen",
                  r"ha salido del pais de origen"]),
    (F.customs_released, [r"(?:liberado|despachad[oa]) (?:por|de|en) (?:la )?aduana", r"aduana.{0,20}(?:liberad|finalizad|completad)",
                          r"ha sido despachada"]),
    (F.customs_duties, [r"(?:pago|pagar|abonar|cobro) (?:de )?(?:los )?(?:aranceles|impuestos|derechos|tasas)", r"arancel"]),
    (F.customs_info, [r"(?:se requiere|requiere|falta) (?:documentacion|informacion|documentos)", r"documentacion (?:adicional|requerida)"]),
    (F.customs_held, [r"(?:retenido|detenido|retenida|detenida) (?:en |por )?(?:la )?aduana"]),
    (F.customs, [r"aduan", r"despacho", r"\bdua\b", r"importacion"]),
    (F.arrived, [r"llegada al pais de destino", r"(?:llego|ha llegado) al pais de destino", r"llegada a (?:espana|mexico|chile)",
                 r"oficina de cambio de destino"]),
    (F.label, [r"pre-?registrad", r"(?:informacion|datos) (?:del envio )?recibid", r"etiqueta"]),
    (F.picked_up, [r"admitid", r"admision", r"recogido (?:en|por)", r"recepcionado en las instalaciones de origen"]),
])

__all__ = ["RULES", "VOCAB"]
