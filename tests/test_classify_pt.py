"""Portuguese rule families (Correios, CTT, Brazilian couriers) on real carrier wordings from the
corpus' TRAIN split (data/corpus/events/pt.csv; held-out rows are never used here)."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus
check = checker("pt")

CASES = [
    # CTT's acceptance (the parcel entered the network)
    ("Aceite", S.in_transit, U.picked_up),
    ("O envio foi aceite. O processo de envio foi iniciado", S.in_transit, U.picked_up),
    # customs: the Receita Federal inspects; a block for a tax review is a customs stage, not an exception
    ("Em fiscalização pela Receita Federal", S.in_transit, U.customs_processing),
    ("Objeto bloqueado por necessidade de revisão de impostos/tributos", S.in_transit, U.customs_duties),
    # forwarded to a pickup address is on its way, not yet waiting there
    ("Objeto encaminhado para retirada no endereço indicado - Para retirá-lo, é preciso informar o código do objeto.",
     S.in_transit, None),
    ("Objeto endereçado à empresa falida - Objeto será encaminhado para entrega ao administrador judicial",
     S.in_transit, None),
    # the sender side: a label, a pickup planned or tried at the sender, a post not yet made
    ("Etiqueta emitida - Aguardando postagem pelo remetente", S.info_received, U.label_created),
    ("Carteiro saiu para coleta do objeto", S.info_received, U.label_created),
    ("Remessa não coletada", S.info_received, U.label_created),
    ("Aguarda entrada nos CTT", S.info_received, U.label_created),
    ("A informação sobre o envio foi recebida", S.info_received, U.label_created),
    ("HAWB - Dados cadastrados", S.info_received, U.label_created),
    ("1ª Tentativa de Coleta", S.info_received, "any"),
    # the "cacifo"/smart-locker family: waiting in a locker is pickup, not delivered
    ("Objeto entregue na Caixa de Correios Inteligente", S.available_for_pickup, U.pickup_locker),
    ("No ponto de entrega", S.available_for_pickup, U.pickup_point),
    ("Objeto disponível para retirada em Caixa Postal", S.available_for_pickup, U.pickup_post_office),
    ("Avisado no apartado", S.available_for_pickup, U.pickup_post_office),
    # out for delivery (and out for delivery back to the sender is a return)
    ("Em entrega", S.out_for_delivery, "any"),
    ("Entrega em andamento (na rua)", S.out_for_delivery, "any"),
    ("O envio saiu para entrega. Será entregue durante o dia", S.out_for_delivery, "any"),
    ("Objeto saiu para entrega ao remetente", S.returning, U.returning),
    # delivered, and returned (back with the sender)
    ("Entregue", S.delivered, "any"),
    ("Entregue na caixa de correspondência", S.delivered, "any"),
    ("Entregue ao Remetente (Devolvido)", S.returned, U.returned),
    # failed attempts: nobody there, closed premises, refused, address problems, not collected in time
    ("Carteiro não atendido - Entrega não realizada", S.delivery_failed, U.nobody_home),
    ("Local fechado", S.delivery_failed, U.nobody_home),
    ("Empresa fechada - Coronavirus", S.delivery_failed, U.nobody_home),
    ("Recusado pelo porteiro", S.delivery_failed, U.refused),
    ("Objeto não entregue - cliente recusou-se a receber o objeto", S.delivery_failed, U.refused),
    ("Mudou-se", S.delivery_failed, U.bad_address),
    ("Destinatário não localizado", S.delivery_failed, U.bad_address),
    ("Recebedor desconhecido/Não localizado", S.delivery_failed, U.bad_address),
    ("Inconsistências no endereçamento do objeto", S.delivery_failed, U.bad_address),
    ("Falta Complemento", S.delivery_failed, U.bad_address),
    ("Necessário complementar endereço de entrega - Acesse o Fale Conosco > Reclamação > Objeto em processo de "
     "desembaraço", S.delivery_failed, U.bad_address),
    ("Destinatário não retirou objeto no prazo", S.delivery_failed, "any"),
    ("Local em reforma", S.delivery_failed, "any"),
    ("Não procurado", S.delivery_failed, "any"),
    ("Carteiro não atendido - Entrega não realizada - Aguarde: objeto estará disponível para retirada na unidade a "
     "ser informada", S.delivery_failed, U.nobody_home),
    # returns under way: "será devolvido", a return to the origin country
    ("Objeto devolvido ao país de origem", S.returning, U.returning),
    ("Devolvendo via Terceiro", S.returning, U.returning),
    ("Em devolução à origem por determinação da Receita Federal - Objeto poderá ser devolvido à origem ou "
     "encaminhado para refugo de acordo com orientação do remetente", S.returning, U.returning),
    # "poderá ser devolvido" is a possibility, not a return: import refused is the exception it names
    ("Não foi autorizada a entrada do objeto no país pelos órgãos fiscalizadores - Objeto em análise de destinação - "
     "poderá ser devolvido ao remetente, encaminhado para refugo ou apreendido", S.exception, U.other),
    # exceptions: lost, stolen, damaged, seized, cancelled, delivery suspended, delays
    ("Objeto não localizado no fluxo postal", S.exception, U.lost),
    ("Devolução extraviada", S.exception, U.lost),
    ("Extravio", S.exception, U.lost),
    ("Avaria", S.exception, U.damaged),
    ("Objeto apreendido por: POLICIA FEDERAL", S.exception, U.other),
    ("Cancelado", S.exception, U.other),
    ("Etiqueta expirada", S.exception, U.other),
    ("Solicitação de suspensão de entrega ao destinatário", S.exception, U.other),
    ("Desistência de postagem pelo remetente", S.exception, U.other),
    ("Entrega reprogramada", S.exception, U.delayed),
    ("Objeto com atraso na entrega", S.exception, U.delayed),
    # customs stages stay in transit
    ("Aguardando pagamento", S.in_transit, U.customs_duties),
    ("Declaração aduaneira ausente ou incorreta", S.in_transit, U.customs_information_required),
    ("Fiscalização aduaneira finalizada", S.in_transit, U.customs_released),
    # announced deliveries and ordinary scans are not deliveries
    ("Objeto recebido na unidade de distribuição - Entrega prevista para o próximo dia útil", S.in_transit, None),
    ("Objeto devolvido aos Correios", S.in_transit, None),
    ("Em espera", S.in_transit, None),
]


@pytest.mark.parametrize(("text", "status", "sub"), CASES)
def test_portuguese_families(text: str, status: Status, sub: SubStatus | str | None) -> None:
    check(text, status, sub)
