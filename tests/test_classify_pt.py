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
    # --- family phrases: one wording reads the Brazilian and the European forms alike ---
    # the sender side: not yet handed in, or a collection planned, under way or tried
    ("Coletando", S.info_received, U.label_created),
    ("Aguardando Objeto na Agência", S.info_received, U.label_created),
    ("Aguarda entrada na rede", S.info_received, U.label_created),
    ("Objeto não coletado", S.info_received, U.label_created),
    ("Em arquivo-aguardando Postagem", S.info_received, U.label_created),
    ("Remessa cadastrada", S.info_received, U.label_created),
    # handed in: postado, coletado, recolha efetuada
    ("Postado nos correios", S.in_transit, U.picked_up),
    ("Objeto coletado", S.in_transit, U.picked_up),
    ("Recolha Efetuada", S.in_transit, U.picked_up),
    # returned (final) versus on its way back: the participle, the noun and the gerund of "devolver"
    ("Devolvido", S.returned, U.returned),
    ("Objeto devolvido ao remetente", S.returned, U.returned),
    ("Em devolução", S.returning, U.returning),
    ("Em devolução para o remetente", S.returning, U.returning),
    ("Devolução automática", S.returning, U.returning),
    ("Lote de objetos incompleto - Em devolução ao remetente", S.returning, U.returning),
    ("Objeto será devolvido por solicitação do contratante/remetente", S.returning, U.returning),
    ("As dimensões do objeto impossibilitam o tratamento e a entrega - Objeto será devolvido ao remetente",
     S.returning, U.returning),
    # a refused import and an unclaimed parcel go back whatever the negation says
    ("A importação do objeto/conteúdo não foi autorizada pelos órgãos fiscalizadores", S.returning, U.returning),
    ("Objeto não reclamado", S.returning, U.returning),
    ("Remetente não retirou objeto na Unidade dos Correios", S.returning, U.returning),
    # waiting at the post office
    ("Aguardando Retirada", S.available_for_pickup, U.pickup_post_office),
    # nobody answered, closed premises
    ("O destinatário não atendeu.", S.delivery_failed, U.nobody_home),
    ("Empresa sem expediente - Entrega não realizada", S.delivery_failed, U.nobody_home),
    ("Ausente 3ª tentativa", S.delivery_failed, U.nobody_home),
    # the address or the recipient at it
    ("Desconhecido", S.delivery_failed, U.bad_address),
    ("Destinatário falecido", S.delivery_failed, U.bad_address),
    ("Caixa Postal Cancelada", S.delivery_failed, U.bad_address),
    ("Localidade desconhecida no Brasil", S.delivery_failed, U.bad_address),
    ("Endereço de difícil acesso", S.delivery_failed, U.bad_address),
    ("A entrega não pode ser efetuada - Logradouro com numeração irregular - Objeto sujeito a atraso na entrega ou "
     "a devolução ao remetente", S.delivery_failed, U.bad_address),
    # not delivered, not collected in time, a place that cannot be served
    ("Entrega Não Conseguida (Incidência)", S.delivery_failed, None),
    ("Tentativa de entrega não efetuada", S.delivery_failed, None),
    ("Coleta ou entrega de objeto não efetuada - Será realizada nova tentativa de coleta ou entrega",
     S.delivery_failed, None),
    ("Destinatário pediu segunda entrega", S.delivery_failed, None),
    ("O envio não foi levantado.", S.delivery_failed, None),
    ("Prazo de retirada pelo destinatário encerrado", S.delivery_failed, "any"),
    ("Feriado Local", S.delivery_failed, None),
    ("Zona rural", S.delivery_failed, None),
    ("Objeto sem distribuição domiciliária", S.delivery_failed, None),
    ("Local demolido", S.delivery_failed, None),
    # out for delivery
    ("Remessa em rota de entrega", S.out_for_delivery, None),
    ("Objeto saiu para entrega ao destinatário", S.out_for_delivery, None),
    # lost or stolen, damaged
    ("Objeto roubado", S.exception, U.lost),
    ("Furto", S.exception, U.lost),
    ("Objeto e/ou conteúdo avariado por acidente com veículo", S.exception, U.damaged),
    ("Objeto danificado", S.exception, U.damaged),
    # held: import/export refused, the sender's request, destroyed or scrapped, unpaid, non-conforming, force majeure
    ("Não foi autorizada a saída do objeto do país pelos órgãos fiscalizadores - Objeto em análise de destinação - "
     "poderá ser devolvido ao remetente, encaminhado para refugo ou apreendido", S.exception, U.other),
    ("Retido a pedido do remetente", S.exception, U.other),
    ("Entrega de objeto bloqueada a pedido do remetente - Objeto em análise de destinação", S.exception, U.other),
    ("Aguarda informação do remetente", S.exception, U.other),
    ("Protocolado para Destruicao", S.exception, U.other),
    ("Envio para refugo", S.exception, U.other),
    ("Pagamento não efetuado no prazo - Objeto em análise de destinação", S.exception, U.other),
    ("Prazo de pagamento encerrado - Objeto em análise de destinação", S.exception, U.other),
    ("Remessa incompleta", S.exception, U.other),
    ("Problemas na documentação do objeto - Procure a agência de postagem em até 2 dias úteis", S.exception, U.other),
    ("Eventos naturais", S.exception, U.other),
    ("Lockdown - Coronavirus", S.exception, U.other),
    ("Objeto contém líquido, impossibilitando seu transporte - Em tratamento, aguarde", S.exception, U.other),
    ("Artigos proibidos", S.exception, U.other),
    ("Objeto refugado - Devolução proibida por órgão anuente ou não contratada pelo remetente", S.exception, U.other),
    ("Desistência do Cliente ECT", S.exception, U.other),
    ("2ª Tentativa / Coleta Cancelada", S.exception, U.other),
    ("Paralisação rodoviária", S.exception, U.delayed),
    # customs: export at origin, released without tax, taxed
    ("Aguardando autorização para exportação", S.in_transit, None),
    ("Liberado sem tributação", S.in_transit, U.customs_released),
    ("RFB - Objeto Tributado - Emissão da nota de tributação", S.in_transit, U.customs_duties),
    # the carrier's own run called off is an ordinary scan, not a failed delivery
    ("Saída não efetuada - Em tratamento, aguarde.", S.in_transit, None),
    ("Saída para entrega cancelada - Será efetuada nova saída para entrega", S.in_transit, None),
    # --- the Brazilian carriers' occurrence tables (PROCEDA OCOREN, Total Express, Frete Rápido, Azul Cargo) and the
    # status texts of Mercado Livre and LogAPI: the same families in the wordings of road carriers and platforms ---
    # the sender side: a post pending, a collection asked for or set up, a driver sought, the CT-e issued
    ("Postagem Pendente", S.info_received, U.label_created),
    ("Solicitacao de coleta recebida pelo transportador", S.info_received, U.label_created),
    ("Coleta cadastrada no sistema", S.info_received, U.label_created),
    ("Recoleta autorizada", S.info_received, U.label_created),
    ("Buscando condutor", S.info_received, U.label_created),
    ("Motoboy a caminho da loja", S.info_received, U.label_created),
    ("CT-e emitido", S.info_received, U.label_created),
    # collected, in transit: ordinary scans ("Entrega agendada" is a plan, not a delivery)
    ("Coletado / Postado", S.in_transit, U.picked_up),
    ("RECEBIDA E PROCESSADA NO CD", S.in_transit, None),
    ("Em transferência filial destino", S.in_transit, None),
    ("Chegada na cidade ou filial de destino", S.in_transit, None),
    ("Entrega agendada", S.in_transit, None),
    ("REDESPACHADO CORREIO", S.in_transit, None),
    ("TRANSFERENCIA", S.in_transit, None),
    # out for delivery: Total Express's "EM ROTA" / "PROCESSO DE ENTREGA"
    ("PROCESSO DE ENTREGA", S.out_for_delivery, None),
    ("EM ROTA", S.out_for_delivery, None),
    ("Saiu para entrega ao comprador", S.out_for_delivery, None),
    # delivered, also delivered again
    ("Entrega realizada Normalmente", S.delivered, None),
    ("Mercadoria Reentregue ao Cliente Destino", S.delivered, None),
    ("Entrega realizada fora do prazo", S.delivered, None),
    # waiting at a locker or a PUDO point ("no PUDO" is not the Spanish "could not")
    ("Entregue em Locker", S.available_for_pickup, U.pickup_locker),
    ("Encomenda depositada no PUDO", S.available_for_pickup, U.pickup_point),
    ("Disponivel para retirada nos Correios", S.available_for_pickup, U.pickup_post_office),
    # refused: the goods not as ordered, accepted only on conditions
    ("Recusa por falta de Pedido de Compra", S.delivery_failed, U.refused),
    ("Preço Mercadoria em Desacordo com o Pedido Compra", S.delivery_failed, U.refused),
    ("Cliente Destino somente Recebe Mercadoria com Frete Pago", S.delivery_failed, U.refused),
    # the address: not located however far the noun stands, a part missing, a CEP conflict, the recipient gone
    ("Endereço do Cliente Destino não localizado", S.delivery_failed, U.bad_address),
    ("ENDERECO DO CLIENTE DESTINO NAO FOI LOCALIZADO", S.delivery_failed, U.bad_address),
    ("NUMERO INDICADO NÃO LOCALIZADO", S.delivery_failed, U.bad_address),
    ("FALTA BLOCO DO EDIFICIO / SALA", S.delivery_failed, U.bad_address),
    ("CONFLITO CEP/LOCALIDADE", S.delivery_failed, U.bad_address),
    ("DESTINATARIO DEMITIDO", S.delivery_failed, U.bad_address),
    ("DESTINATARIO DESCONHECIDO NO LOCAL", S.delivery_failed, U.bad_address),
    # nobody there: absent, closed for good, for the stocktake or the collective holidays
    ("Entrega sem sucesso por comprador ausente", S.delivery_failed, U.nobody_home),
    ("Cliente Destino Encerrou Atividades", S.delivery_failed, U.nobody_home),
    ("Cliente Fechado para Balanço", S.delivery_failed, U.nobody_home),
    ("Férias Coletivas", S.delivery_failed, U.nobody_home),
    # failed: not served or a dangerous region (not dangerous goods), a re-delivery, hampered, nobody entitled
    ("Transportadora não Atende a Cidade do Cliente Destino", S.delivery_failed, None),
    ("AREA URBANA NAO ATENDIDA", S.delivery_failed, None),
    ("Entrega sem sucesso por região perigosa", S.delivery_failed, None),
    ("Reentrega Solicitada pelo Cliente", S.delivery_failed, None),
    ("Reentrega / recoleta solicitada pelo embarcador", S.delivery_failed, None),
    ("Entrega Prejudicada por Horário/Falta de Tempo Hábil", S.delivery_failed, None),
    ("Funcionário não autorizado a Receber Mercadorias", S.delivery_failed, None),
    ("RECEBEDOR SEM IDENTIFICACAO", S.delivery_failed, None),
    ("Entrega nao realizada por restricao de horario", S.delivery_failed, None),
    # returns under way
    ("Não entregue - Em devolução ao vendedor", S.returning, U.returning),
    ("Processo de devolucao iniciado", S.returning, U.returning),
    # exceptions: lost or stolen, damaged, a missed connection (a delay, not a loss), discarded, a tax hold on
    # the invoice (not customs), weather, cancelled, a bare "Problema"
    ("Roubo de Carga", S.exception, U.lost),
    ("EXTRAVIO / TRANSFERÊNCIA RODOVIARIA", S.exception, U.lost),
    ("MERCADORIA AVARIADA", S.exception, U.damaged),
    ("PERDA DE EMBARQUE POR HORÁRIO DE CORTE", S.exception, U.delayed),
    ("ENCOMENDA DESCARTADA", S.exception, U.other),
    ("Nota Fiscal Retida pela Fiscalização", S.exception, U.other),
    ("Interpéries climáticas", S.exception, U.other),
    ("INTEMPERIES", S.exception, U.other),
    ("Embalagem Sinistrada", S.exception, U.other),
    ("Remessa cancelada - erro nas informacoes", S.exception, U.other),
    ("Problema", S.exception, U.other),
    # recorded Loggi and Anjun Express responses: the data file first, signed for at the end, and the carrier's
    # "ponto de entrega" (Anjun's delivery depot) reached is a scan, not a pickup point
    ("Arquivo integrado", S.info_received, U.label_created),
    ("O pacote foi assinado para", S.delivered, None),
    ("Objeto chegou ao ponto de entrega", S.in_transit, None),
    # European Portuguese reason codes (MEO's TrackTrace for its couriers, CTT-style): the pre-reform spelling
    # ("incorrecto", "objecto", "efectuou") reads as the current one
    ("ENDEREÇO INCORRECTO", S.delivery_failed, U.bad_address),
    ("OBJECTO MAL ENDEREÇADO", S.delivery_failed, U.bad_address),
    ("DIFICULDADES EM LOCALIZAR DESTINATÁRIO", S.delivery_failed, U.bad_address),
    ("RECUSADO (NÃO ADERIU)", S.delivery_failed, U.refused),
    ("DESTINATÁRIO PEDIU 2ª ENTREGA", S.delivery_failed, None),
    ("CLIENTE NÃO EFECTUOU PAGAMENTO", S.delivery_failed, None),
    ("FERIADO MUNICIPAL", S.delivery_failed, None),
    ("OBJECTO ESTRAGADO", S.exception, U.damaged),
    ("RECOLHIDO NO CLIENTE", S.in_transit, U.picked_up),
    ("DEVOLUÇÃO SOLICITADA POR EMPRESA CLIENTE", S.returning, U.returning),
    # CTT, GLS Portugal and Rangel as a Portuguese courier platform maps them: the sender side, loaded on the
    # delivery van (a future "irá ser entregue" is no delivery), a change asked for (no new state), a delivery
    # impossible or put off by the recipient, payment means unavailable, held for duties (a customs stage)
    ("Os dados do volume foram introduzidos no sistema GLS", S.info_received, U.label_created),
    ("Alteração Morada de Recolha. Pedido pelo Remetente", S.info_received, U.label_created),
    ("O volume está carregado no veículo de entrega da GLS e irá ser entregue no decorrer do dia.",
     S.out_for_delivery, None),
    ("Alteração Ponto Ctt de Entrega. Pedido pelo Destinatário", S.in_transit, None),
    ("Alteração Opção de Não Entrega. Pedido pelo Destinatário", S.in_transit, None),
    ("Não saiu para Distribuição", S.in_transit, None),
    ("Retido para DUTIES / TAXES", S.in_transit, U.customs_duties),
    ("Entrega Bem Sucedida - Com Danos", S.delivered, None),
    ("Destinatario Tem Apartado / Cci. Avisado no Apartado", S.available_for_pickup, U.pickup_post_office),
    ("Entrega impossível", S.delivery_failed, None),
    ("Solicitação Entrega em Data Posterior", S.delivery_failed, None),
    ("Objeto Com Cobrança - Multibanco Indisponível.", S.delivery_failed, None),
    ("Covid 19 - Local Interdito.", S.delivery_failed, None),
    ("Envio Recusado pelo Destinatário - Não Encomendado", S.delivery_failed, U.refused),
    ("Morada incompleta/ Insuficiente", S.delivery_failed, U.bad_address),
    ("Devolver ao expedidor", S.returning, U.returning),
    ("Identificados Danos no Envio", S.exception, U.damaged),
    ("Reagendamento de Entrega", S.exception, U.delayed),
    ("Atraso", S.exception, U.delayed),
    ("Aguarda inst. do expedidor", S.exception, U.other),
    ("Documentação Em Falta.", S.exception, U.other),
    ("Retido por Motivos de Segurança Aérea", S.exception, U.other),
    ("Objecto Não Localizado.", S.exception, U.lost),
]


@pytest.mark.parametrize(("text", "status", "sub"), CASES)
def test_portuguese_families(text: str, status: Status, sub: SubStatus | str | None) -> None:
    check(text, status, sub)
