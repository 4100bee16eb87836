# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Spanish carrier wording: Correos, Correos Express, SEUR, MRW, GLS Spain, CTT Express, Nacex, TIPSA,
Estafeta and the Argentine carriers (Correo Argentino, Andreani, Vía Cargo).

Patterns are folded (see `text.fold`): no accents, lower case. SEUR and CTT Express also send
terse situation names ("AUSENCIA PROLONGADA", "NO ACEPTAN PORTES", "MAL TRANSITADO"): each is read
as the event its code group gives it (see data/corpus/README.md)."""

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
        hasta tras segun este sus nuestro nuestra fue hemos usted seguimiento cartero buzon mensajero mensajeria
        paqueteria transportista encomienda salido nadie firmado robo hurto hurtado excepcion"""

RULES = table("es", [
    (F.returned, [r"(?:devuelt[oa]|entregado) al? (?:remitente|cliente)", r"entregad[oa] (?:al|en) origen", r"^devuelt[oa]$",
                  r"^retornado$",
                  r"devolucion entregada a origen", r"certificacion devolucion"]),
    (F.sender_attempt, [r"pendiente de recoger$", r"^informado$", r"registrado\.?$", r"pre-?admision", r"prerregistrad",
                        r"pre-?registrad", r"etiqueta creada", r"\bgrabado\b", r"\bmanifest(?:ad[oa]|o)\b", r"preimposicion",
                        r"pendiente de (?:entrada en red|entregar a|deposit)", r"^pendiente de recepcion",
                        r"recogida (?:asignada|solicitada|pendiente de aceptacion|fallida)", r"en bodega (?:del )?cliente"]),
    (F.sender_collected, [r"recogido (?:en|por) (?:origen|gls|el transportista|cliente)", r"envio recogido", r"recogida realizada"]),
    (F.return_trip, [r"en reparto (?:al|hacia el) remitente"]),
    (F.neutral_early, [r"sera entregado", r"se entregara", r"entregad[oa] (?:a|al|en) (?:operador|transportista|correos|aduana|broker|conexiones)",
                       r"(?:nuevo|segundo) reparto", r"datos del envio han sido modificados", r"en oficina de cambio"], (r"en proceso de entrega",), ""),
    (F.locker, [r"citypaq", r"casillero", r"armario inteligente", r"\blocker\b", r"taquilla"], (r"incidencia",)),
    (F.point, [r"punto (?:de )?(?:recogida|entrega|conveniencia|pack|seur pickup|mrw|nacex|ctt|collectt)", r"pointcorner",
               r"parcel ?shop", r"tienda (?:seur )?pickup", r"\bpudo\b", r"(?:en|repartidor) pick ?up\b", r"recepcionado en punto",
               r"depositado (?:en )?punto"],
     (r"retirado|entregado a|recogido por|incidencia|devolver|rechaza",)),
    (F.post_office, [r"disponible para (?:recoger|su recogida|retirar)", r"disponible en (?:oficina|sucursal|la oficina)",
                     r"listo para (?:recoger|retirar)", r"pendiente de recogida", r"en espera de (?:ser )?recogid",
                     r"a disposicion del destinatario", r"^en oficina$", r"reclame en oficina", r"recogida en agencia",
                     r"recoger(?:an)? en (?:delegacion|agencia)", r"pendiente de ser recogido",
                     r"en espera en sucursal", r"listo en oficina"]),
    (F.returning, [r"devolucion", r"(?:sera|sendo|ha sido) devuelto", r"devuelto al remitente", r"en devolucion",
                   r"finalizado plazo (?:de )?retirada", r"retorno al? remitente", r"\bdevolver\b"],
     (r"imposible devolver",)),
    (F.damaged_early, [r"deteriorad"]),
    (F.lost, [r"extraviad", r"perdid[oa]", r"\brobad[oa]\b", r"\brobo\b", r"\bhurt(?:o|ad[oa])\b", r"siniestro"]),
    (F.prohibited, [r"confiscad", r"incautad", r"material restringido", r"desechad", r"destruid", r"abandonad"]),
    (F.refused, [r"rehusad", r"rechazad", r"rechazo", r"no aceptan?\b", r"no conocen al remitente"]),
    (F.address, [r"direccion (?:incorrecta|incompleta|erronea|insuficiente)", r"destinatario desconocido",
                 r"no es la direccion actual", r"direccion actual del destinatario", r"domicilio desconocido",
                 r"cambio de domicilio", r"destinatario fallecid", r"(?:destinatario|domicilio|direccion) desconocid"]),
    (F.nobody, [r"(?:destinatario|cliente) ausente", r"\bausente\b", r"ausencia", r"cerrado", r"vacaciones",
                r"no contesta", r"no hay persona de contacto", r"destinatario sin identificar", r"\bnadie\b"], (r"declaracao|con excepcion",)),
    (F.failed, [r"intento de entrega", r"entrega fallida", r"no entregad", r"no se (?:ha )?(?:podido|pudo) entregar",
                r"no ha podido ser entregado", r"no se ha entregado", r"intento fallido", r"(?:reparto|entrega|visita) fallid",
                r"sin exito en la entrega", r"imposible entregar", r"sin efectivo",
                r"visita a destinatario re-?programa", r"intento entregar"]),
    (F.out_for_delivery, [r"en reparto", r"salio (?:a|para) (?:reparto|entrega|distribucion)", r"en distribucion",
                          r"en ruta de entrega", r"en proceso de entrega", r"\ben rpto\b", r"en proceso de distribucion", r"sale a reparto", r"en ruta al destinatario"]),
    (F.delivered, [r"\bentregad[oa]\b(?! (?:a|al|en) (?:operador|transportista|correos|aduana|la aduana|oficina|punto))(?! almacen)",
                   r"ha retirado el envio", r"recogido por el destinatario", r"recibido por el destinatario", r"firmado por", r"entrega efectuada", r"entrega sin verificar",
                   r"entrega parcial", r"prueba de entrega", r"entrega digitalizada"]),
    (F.damaged, [r"danad", r"averiad", r"roto", r"rotura", r"paquete abierto"]),
    (F.delayed, [r"retraso", r"demor", r"pospon", r"falta de tiempo", r"perdida de conexion"]),
    (F.exception, [r"estacionado", r"en almacen", r"almacen regulador", r"incidencia", r"anulad", r"cancelad", r"^no admitid",
                   r"faltan? (?:bultos|expedicion)", r"\berror (?:destino|en)\b", r"llegada por error", r"mal transitado",
                   r"no enlazad", r"datos (?:documentados|comunicados) incorrectos", r"pendiente datos",
                   r"retenid[oa] (?:en delegacion|por orden)", r"esperando instruccion", r"aclaracion en proceso",
                   r"almacenado temporalmente", r"accidente", r"averia", r"huelga", r"mal tiempo", r"clima adverso",
                   r"imposible devolver", r"\bnovedad\b", r"excepcion", r"indemnizacion", r"obstruccion", r"orden publico"]),
    (F.departed, [r"salida (?:del pais|de (?:la )?oficina de cambio)(?! de destino)", r"salio del pais de origen",
                  r"ha salido del pais de origen"]),
    (F.customs_released, [r"(?:liberado|despachad[oa]) (?:por|de|en) (?:la )?aduana", r"aduana.{0,20}(?:liberad|finalizad|completad)",
                          r"ha sido despachada"]),
    (F.customs_duties, [r"(?:pago|pagar|abonar) (?:de )?(?:los )?(?:aranceles|impuestos|derechos)", r"arancel"]),
    (F.customs_info, [r"(?:se requiere|requiere|falta) (?:documentacion|informacion|documentos)", r"documentacion (?:adicional|requerida)"]),
    (F.customs_held, [r"(?:retenido|detenido|retenida) (?:en|por) (?:la )?aduana"]),
    (F.customs, [r"aduan", r"despacho"]),
    (F.arrived, [r"llegada al pais de destino", r"(?:llego|ha llegado) al pais de destino", r"llegada a (?:espana|mexico|chile)",
                 r"oficina de cambio de destino"]),
    (F.label, [r"pre-?registrad", r"(?:informacion|datos) (?:del envio )?recibid", r"etiqueta"]),
    (F.picked_up, [r"admitid", r"admision", r"recogido (?:en|por)", r"recepcionado en las instalaciones de origen"]),
])

__all__ = ["RULES", "VOCAB"]
