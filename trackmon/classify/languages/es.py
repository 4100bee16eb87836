# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Spanish carrier wording: Correos, SEUR, MRW, Correos Express and Latin American posts.

Patterns are folded (see `text.fold`): no accents, lower case."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """los las del envio entregado entregada entrega paquete destinatario remitente oficina reparto transito
        admitido admitida recogida recoger recogido disponible devuelto devolucion aduana aduanas intento ausente
        punto centro clasificado llegada salida sido esta con por para pendiente destino estacionado almacen
        mercancia despachada datos registrado fecha nuevo domicilio direccion incorrecta retenido rehusado
        cambio unidad alta tramitacion aduanera arancel informado ruta localidad conveniencia cerrado
        depositado pickup tienda vecino retirado instalaciones origen llegara retraso demore concertada
        prerregistrado preadmision admision etiqueta creada finalizado plazo retirada realizado proceso despacho
        anulado anulada reencaminado aceptado devolucion"""

RULES = table("es", [
    (F.returned, [r"(?:devuelto|entregado) al remitente", r"entregad[oa] (?:al|en) origen", r"^devuelto$"]),
    (F.sender_attempt, [r"pendiente de recoger$", r"^informado$", r"registrado\.?$", r"pre-?admision", r"prerregistrad",
                        r"pre-?registrad", r"etiqueta creada"]),
    (F.sender_collected, [r"recogido (?:en|por) (?:origen|gls|el transportista)", r"envio recogido"]),
    (F.return_trip, [r"en reparto (?:al|hacia el) remitente"]),
    (F.neutral_early, [r"sera entregado", r"se entregara", r"entregad[oa] (?:a|al|en) (?:operador|transportista|correos|aduana)",
                       r"(?:nuevo|segundo) reparto", r"datos del envio han sido modificados", r"en oficina de cambio"], (), ""),
    (F.locker, [r"citypaq", r"casillero", r"armario inteligente", r"\blocker\b", r"taquilla"]),
    (F.point, [r"punto (?:de )?(?:recogida|entrega|conveniencia|pack|seur pickup|mrw)", r"pointcorner", r"parcel shop",
               r"tienda (?:seur )?pickup"], (r"retirado|entregado a|recogido por",)),
    (F.post_office, [r"disponible para (?:recoger|su recogida|retirar)", r"disponible en (?:oficina|sucursal|la oficina)",
                     r"listo para (?:recoger|retirar)", r"pendiente de recogida", r"en espera de (?:ser )?recogid",
                     r"a disposicion del destinatario", r"^en oficina$", r"reclame en oficina", r"recogida en agencia"]),
    (F.returning, [r"devolucion", r"(?:sera|sendo|ha sido) devuelto", r"devuelto al remitente", r"en devolucion",
                   r"finalizado plazo (?:de )?retirada", r"retorno al remitente"]),
    (F.lost, [r"extraviad", r"perdid[oa]"]),
    (F.refused, [r"rehusad", r"rechazad", r"rechazo"]),
    (F.address, [r"direccion (?:incorrecta|incompleta|erronea|insuficiente)", r"destinatario desconocido",
                 r"no es la direccion actual", r"direccion actual del destinatario"]),
    (F.nobody, [r"(?:destinatario|cliente) ausente", r"\bausente\b", r"ausencia", r"cerrado"], (r"declaracao",)),
    (F.failed, [r"intento de entrega", r"entrega fallida", r"no entregad", r"no se (?:ha )?(?:podido|pudo) entregar",
                r"no ha podido ser entregado", r"no se ha entregado", r"intento fallido"]),
    (F.out_for_delivery, [r"en reparto", r"salio (?:a|para) (?:reparto|entrega|distribucion)", r"en distribucion",
                          r"en ruta de entrega", r"en proceso de entrega"]),
    (F.delivered, [r"\bentregad[oa]\b(?! (?:a|al|en) (?:operador|transportista|correos|aduana|la aduana|oficina|punto))",
                   r"ha retirado el envio", r"recogido por el destinatario"]),
    (F.damaged, [r"danad", r"averiad", r"roto"]),
    (F.delayed, [r"retraso", r"demor"]),
    (F.exception, [r"estacionado", r"en almacen", r"incidencia", r"anulad"]),
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
