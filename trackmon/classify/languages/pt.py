# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Portuguese carrier wording: Correios and the Brazilian couriers (Jadlog, Loggi, Total Express,
Mobi, Flash Courier, Azul Cargo, Anjun), the road carriers' PROCEDA occurrence codes and the
platforms' status texts (Frete Rápido, Mercado Livre, LogAPI), CTT and the couriers of Portugal
(DPD, lojas/pontos, cacifos).

Patterns are folded (see `text.fold`): no accents, lower case. They are written by family, in the
general forms both variants share (participles, negated deliveries, absence, address, refusal,
pickup places, returns, holds), not as one carrier's sentence; `bench.loo_rules` measures how the
table reads wordings it was not written from. Brazilian and European words stand side by side:
retirada/levantamento, coleta/recolha, endereço/morada, carteiro/estafeta, agência/loja CTT,
armário inteligente/cacifo, caixa postal/apartado, entrega não realizada/não conseguida.

Sender and recipient are told apart: a collection from the sender (coleta/recolha, postagem) is
data received; "remetente não retirou" is a return nobody collected; "destinatário não retirou"
is a failed delivery. "Poderá ser devolvido" is a possibility, not a return; "será devolvido" is
a decided return (the returning family is guarded against negation only). The road carriers add
their own reasons for a failed delivery: goods refused as not ordered, places not served, a
re-delivery ("reentrega"), premises closed for the stocktake or the collective holidays."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """objeto objecto entregue destinatario remetente para saiu entrega aguardando retirada encaminhado
        postado correios unidade recebido fiscalizacao aduaneira nao pode ser efetuada devolvido carteiro
        atendido endereco tentativa distribuicao transito estafeta aceitacao recepcao expedicao alfandega
        conseguida recolha remessa pagamento tributos favor aguarde transferencia coletado agencia cliente
        recusou receber mudou desconhecido expediente caixa postal apreendido extraviado roubado avariado
        conteudo importacao liberado armario inteligente etiqueta emitida postagem conferido localizado
        destino permuta partida chegada estacao deposito incidencia devolucao curso objetos lote
        artigos proibidos restritos feriado avisado apartado reclamado reexpedido despacho refugo falecido
        aguarda ctt rede cadastrada cadastrados coleta coletada recusado porteiro demolido fechado fechada
        rural complemento desistencia suspensao bloqueada reprogramada paralisacao rodoviaria naturais
        lockdown extravio avaria sinistro devolvendo terceiro informacao enderecamento inconsistencias
        procurado andamento cancelado cancelada reforma viajando ferias greve abrangencia sinistrado furtado
        localidade coletando documentacao apreensao liquido atendeu levantado morada levantamento aceite insucesso
        envio encomenda adiada reagendada estafeta desalfandegamento recolhido violado danificado atrasado
        bloqueado ausencia loja ponto rota coleta roubo assalto carga acidente falida desalfandegado tributado disponivel cacifo depositado pacote risco conseguimos entregar
        entregamos remarcada saida mercadoria avariada entregador exportacao tributacao devolvida furto ausente
        emissao incorreto incorreta insuficiente cep fora falhada frustrada recusa embalagem sinistrada
        reentrega reentregue encerrou atividades coletivas demitido faleceu bloco contato ramal intemperies
        interperies climaticas urbana atendida conflito recebedor identificacao perda descartada processo
        pendente problema transportadora cidade frete prejudicada regiao perigosa desacordo buscando condutor
        motoboy recoleta emitido autorizado arquivo integrado assinado dificuldades localizar estragado
        enderecado efectuou incorrecto retido retida dados introduzidos atraso expedidor ficheiro
        interdito danos multibanco indisponivel decisao formato alteracao"""

# The sender's names (Correios' "contratante" is the contract customer who sent it), and the words of a
# parcel still travelling to a pickup place (not waiting there yet).
_SENDER = r"(?:remetente|expedidor|contratante)"
_ON_ITS_WAY = (r"a caminho", r"em rota", r"encaminhad", r"transferencia")
# Places a carrier serves or not ("cidade não atendida", "região perigosa"); a missed connection or cut-off.
_PLACE = r"\b(?:cidade|area(?: urbana| rural)?|regiao|zona|localidade|bairro|municipio|cep|rota)"
_MISSED = r"\bperda de (?:embarque|conexao|voo)\b|\bhorario de corte\b"

RULES = table("pt", [
    # back with the sender: "entregue/devolvido ao remetente", the bare "Devolvido"
    (F.returned, [r"(?:devolvid[oa]|entregue|restituid[oa]) ao " + _SENDER + r"|\bdevolucao (?:realizada|efetuada|efectuada|concluida|finalizada)\b|^(?:(?:o )?(?:objec?to|envio|encomenda|pacote) )?(?:foi )?devolvid[oa]\.?$"],
     (r"pode(?:ra)? ser devolvid",)),
    # the sender side: the parcel is not yet in the carrier's hands ...
    (F.sender_attempt, [r"aguarda(?:ndo)? (?:a |o )?(?:postagem|entrada (?:n[ao]s?|em) (?:rede|ctt|correios|transportadora)|objeto n[ao] (?:agencia|loja|unidade de postagem))"
                        r"|\bnao (?:foi )?(?:coletad|recolhid|postad)[oa]|\betiqueta (?:emitida|gerada)"
                        # ... or a collection from the sender is planned, under way or was tried
                        r"|(?:saiu|saida|em rota|a caminho) (?:para|de) (?:a )?(?:coleta|recolha)|\btentativa de (?:coleta|recolha)\b(?! ou entrega)|\b(?:coletando|recolhendo)\b"
                        r"|aguarda(?:ndo)? (?:a )?(?:coleta|recolha)|(?:coleta|recolha) (?:agendada|solicitada|programada|pedida|prevista|em andamento)|^a coletar$"
                        r"|\b(?:postagem|coleta|recolha) pendente\b|\bpendente de (?:postagem|coleta|recolha)\b"
                        # a collection asked for or set up: "solicitação de coleta recebida", "coleta cadastrada", "recoleta autorizada"
                        r"|\bsolicitac(?:ao|oes) de (?:coleta|recolha)\b|\b(?:coleta|recolha) (?:cadastrada|registada|registrada|reagendada|autorizada|confirmada)\b|\brecoleta\b"
                        # a driver sought or on the way to the sender: "buscando condutor", "motoboy a caminho da loja"
                        r"|\b(?:buscando|procurando) (?:condutor|motorista|motoboy|entregador|estafeta|coletor)\b"
                        r"|\b(?:condutor|motorista|motoboy|entregador|estafeta|coletor) a caminho d[ao] (?:loja|remetente|vendedor|expedidor|coleta|recolha)\b"
                        r"|\balteracao (?:d[aeo] )?(?:data|morada|periodo|janela horaria|hora) de (?:recolha|coleta)\b"],
     (r"\breentrega",)),
    # ordinary scans that mention a delivery: announced, or the carrier's own run called off
    (F.neutral_early, [r"\b(?:sera|serao|vai ser|devera ser|ira ser|irao ser) entregue|\b(?:entrega|chegada) (?:prevista|estimada)|\bprevisao de entrega",
                       r"\bsaida (?:para (?:a )?entrega )?(?:nao efetuada|cancelada)",
                       # en route to a facility ("rota" is not the Spanish "broken"); handed back to the post by a courier
                       r"\bem rota (?:para|a|ao|de) (?:o |a )?(?:centro|unidade|base|hub|armazem|agencia|terminal|cd|transferencia)\b",
                       r"\b(?:devolvid|repassad)[oa] (?:aos?|[ao]) (?:correios|ctt|transportadora)\b",
                       # a change of the delivery's data asked for by the recipient or the sender: the parcel's state is unchanged
                       r"^alteracao\b"], (r"saiu para entrega", r"carregad[oa] no veiculo"), ""),
    (F.locker, [r"\b(?:cacifo|locker|armario (?:inteligente|automatico)|caixa (?:de correios )?inteligente)\b"],
     (r"\b(?:levantad|retirad)[oa] (?:pelo|pela|do|da|no|na)", r"\bpara o cacifo", *_ON_ITS_WAY)),
    (F.point, [r"\bponto (?:de )?(?:retirada|coleta|entrega|pickup|levantamento|recolha)\b|\b(?:loja|ponto|balcao) (?:ctt|payshop|parceir[oa]|dpd)\b|\bpayshop\b"
               r"|(?:disponivel|aguarda|pronto|entregue|depositad[oa])\b.{0,30}\b(?:loja|ponto|balcao|pickup|pudo)\b|\b(?:rede|ponto) pudo\b"],
     (r"\b(?:levantad|retirad)[oa] (?:pelo|no|na)", r"\bpara o ponto", r"\bchegou ao ponto de entrega\b", *_ON_ITS_WAY)),
    # "depositada no PUDO": the clause reader takes "no pudo" for the Spanish "could not", so this phrase is not guarded
    (F.point, [r"\b(?:depositad[oa]|disponivel|entregue|aguarda(?:ndo)?) n[oa] pudo\b"], (), ""),
    # waiting at the post office, agency or PO box ("aguardando retirada", "disponível para levantamento", "avisado no apartado")
    (F.post_office, [r"\b(?:aguarda(?:ndo)?|disponivel|pront[oa]|avisad[oa]|depositad[oa])\b(?: [a-z]+){0,3}? (?:(?:para|n[ao]|em) )?(?:a |o )?(?:retirada|levantamento|levantar|retirar|apartado|caixa postal|estacao|balcao|agencia)\b",
                     r"aguardando (?:o )?destinatario|destinatario solicitou recolha|para (?:levantar|retirar|levantamento|retirada)\b|disponivel para (?:o )?(?:destinatario|cliente)"],
     (r"(?:estara|ficara) disponivel", r"nao (?:foi )?(?:levantad|retirad)", r"prazo (?:de|para) (?:retirada|levantamento) (?:encerrado|expirado|esgotado)", *_ON_ITS_WAY)),
    # a decided return that no negation can hide: import refused, nobody claimed it
    (F.returning, [r"\bimportacao (?:do (?:objeto|conteudo)(?:/conteudo)? )?nao (?:foi )?autorizad[oa]",
                   r"\b(?:objec?to|envio|encomenda|remessa) nao reclamad[oa]|\b" + _SENDER + r" nao (?:retirou|buscou|levantou|reclamou)"], (), ""),
    # on its way back: "em devolução ao remetente", "saiu para entrega ao remetente", "será devolvido", "devolvendo"
    (F.returning, [r"\bdevolver (?:ao|a|para o) " + _SENDER + r"\b|\b(?:devolucao|entrega|retorno|regresso|rota|(?:reenviad|reencaminhad|enviad|encaminhad|retornad|reexpedid)[oa]) (?:a|ao|para o|de volta ao) (?:" + _SENDER + r"|origem|pais de origem)\b",
                   r"(?<!podera ser )(?<!pode ser )\b(?:devolv(?:id[oa]s?|endo|er)|devolucao|retornando|em retorno)\b(?! (?:aos?|a) (?:correios|ctt|transportadora|agencia|unidade))"],
     (r"sujeit[oa] a", r"extravi|perdid|roubad|furtad")),
    (F.prohibited, [r"\bproibid[oa]s?\b|\b(?:artigos?|produtos?|mercadorias?|itens|materia(?:l|is)) (?:restrit|perigos)|\b(?:perigos[oa]s?|inflamave(?:l|is))\b"
                    r"|\bcontem (?:liquido|material perigoso|bateria)|\bconteudo (?:liquido|inflamavel|perigoso)"],
     (_PLACE + r" (?:perigos|de risco)",)),
    # lost or stolen: extraviado, perdido, roubado, furtado, assalto, not found in the network
    (F.lost, [r"\b(?:extravi(?:o|ad[oa]s?)|perd(?:a|id[oa]s?)|roub(?:o|ad[oa]s?)|furt(?:o|ad[oa]s?)|assalt(?:o|ad[oa]s?))\b|\bnao (?:foi )?localizad[oa]"],
     (r"(?:destinatario|recebedor|cliente|endereco|rua|numero|localidade|logradouro|morada)\b.{0,20}nao (?:foi )?localizad", _MISSED)),
    (F.refused, [r"\brecus(?:ad[oa]|ou|a)",
                  # goods not as ordered: "mercadoria em desacordo com o pedido", "preço ... em desacordo"
                  r"\b(?:mercadorias?|produtos?|precos?|quantidade|pedido)\b(?: [a-z]+){0,2} em desacordo\b",
                  # the recipient takes it only on conditions: "cliente destino somente recebe ... com frete pago"
                  r"\b(?:cliente|destinatario)(?: destino)? (?:somente|so|nao) (?:recebe|aceita)\b"]),
    (F.address, [
        # the address itself: incorrect, insufficient, unknown, non-existent, cancelled PO box
        r"\b(?:endereco|enderecamento|morada|localidade|logradouro|caixa postal|cep|codigo postal|rua|bairro|numero)\b(?: [a-z]+){0,3}? (?:incorrec?t|insuficient|incomplet|errad|inexistent|desconhecid|invalid|ilegive|irregular|cancelad|nao (?:foi )?(?:encontrad|localizad)|nao existe|de dificil acesso)",
        # something missing or wrong in the address: inconsistências no endereçamento, falta complemento
        r"\b(?:inconsistencias?|erros?|falta|problemas?|irregularidades?|complementar|corrigir|confirmar|conflito|divergencia)(?: (?:de|n[oa]|d[oa]|o))? (?:endereco|enderecamento|morada|complemento|numero|cep)\b",
        # a part of the address missing: falta bloco / sala / número do apartamento / nome de contato
        r"\bfalta (?:d[eo] )?(?:bloco|sala|andar|apartamento|apto?|numero|nome|referencia|ponto de referencia)\b",
        # the recipient: moved, unknown, deceased, not found at the address
        r"(?:^|\b(?:destinatario|cliente|recebedor|morador|empresa)s? )(?:desconhecid[oa]|mudou(?:-se| de endereco)?|falecid[oa]|faleceu|demitid[oa]|nao (?:foi )?(?:localizad|encontrad|identificad)[oa])",
        r"\bmal enderecad[oa]\b|\bimpossivel (?:de )?localizar\b|\b(?:dificuldades?|impossibilidade) (?:em|de|para) (?:localizar|encontrar) (?:o |a )?(?:destinatario|endereco|morada|cliente|local)\b",
        r"destinatario tem (?:apartado|caixa postal)|(?:numero|cep) (?:inexistente|incorreto|errado|invalido)|nao existe o numero"]),
    # the words of an unknown, moved or unlocated recipient or address wherever they stand: a second reading of the
    # phrases above ("Desconhecido", "mudou-se"; an object "não localizado" is lost, read before)
    (F.address, [r"\bdesconhecid[oa]s?\b", r"\bmudou(?:-se| de (?:endereco|morada))", r"\bnao (?:foi )?localizad[oa]\b"],
     (r"\b(?:status|estado|motivo|evento|situacao|codigo|erro|objeto|remetente) (?:\w+ )?(?:desconhecid|nao (?:foi )?localizad)",)),
    (F.nobody, [r"\bausen(?:te|cia)\b|\b(?:destinatario|cliente|morador|recebedor)(?: esta| encontra-se)? (?:viajando|em viagem|(?:de|em) ferias)\b",
                # nobody answered the carrier: carteiro não atendido, o destinatário não atendeu
                r"\b(?:carteiro|estafeta|entregador|motorista|destinatario|cliente|morador|recebedor|telefone|campainha)s?\b(?: [a-z]+){0,2} nao (?:foi )?(?:atendid[oa]|atendeu|atende|respondeu|responde)\b"
                r"|\bninguem (?:atendeu|atende|respondeu|em casa|para receber)|\bnao (?:se encontrava|estava (?:presente|em casa|no local))|nao (?:havia|ha|houve|estava) (?:ninguem|quem (?:receb|atend))",
                # closed premises: empresa sem expediente, estabelecimento fechado/encerrado
                r"\b(?:fechad[oa]|sem expediente|ferias coletivas)\b|\bencerrou (?:as )?(?:suas )?atividades\b|\b(?:estabelecimento|empresa|loja|local|escritorio|comercio)s? (?:esta )?encerrad[oa]|^encerrad[oa]$"],
     (r"declaracao",)),
    (F.failed, [
        # not delivered: entrega não realizada/conseguida/efetuada, não entregue, tentativa de entrega, a second delivery
        r"(?<!ainda )\bnao (?:foi )?entregue\b|\bentrega\b(?: [a-z/]+){0,3}? nao (?:pode ser |foi |e )?(?:efetuada|efectuada|realizada|conseguida|concretizada|concluida|possivel)"
        r"|\btentativas? de entrega\b|\b(?:entrega|tentativa|visita) (?:falhad[oa]|mal sucedid[oa]|frustrad[oa])|\b(?:segunda|2a|nova|outra) (?:entrega|tentativa de entrega)\b|\bnao (?:foi )?possivel (?:entregar|efetuar|efectuar|realizar|concluir|a entrega)"
        r"|\bimpossibilidade de (?:entrega|entregar)|\bentrega impossivel\b|\bentrega (?:em|para) (?:data|dia) posterior\b|\bentrega adiada pelo destinatario\b|\b(?:insucesso|sem sucesso)\b|\bnao (?:conseguimos|conseguiu|conseguiram) entregar",
        # not collected by the recipient in time: não retirou, não foi levantado, não procurado, prazo de retirada encerrado
        r"\bnao (?:foi )?(?:levantad|retirad|procurad)[oa]|\bnao (?:retirou|levantou|procurou)\b|\bprazo (?:de|para) (?:retirada|levantamento|guarda)(?: [a-z]+){0,3}? (?:encerrado|expirado|esgotado|excedido|vencido)",
        # the place cannot be served: demolished, under works, rural or risk zone, no home delivery, holiday, strike
        r"\b(?:local|imovel|predio) (?:demolido|em (?:reforma|obras)|interdit[oa]|interditado|abandonado|inacessivel)|\b(?:zona|area) (?:rural|de risco)\b|\bsem distribuicao\b|\bfora d[ae] (?:area|abrangencia|zona)\b"
        r"|\bferiado\b|\bgreve\b|\b(?:acesso|entrada) (?:negad|restrit|impedid|bloquead|interditad|dificil)|\b(?:sem|dificil|de dificil|restricao de) acesso\b|\binacessivel\b",
        r"\b(?:cliente|destinatario)\b(?: [a-z]+)? nao (?:efec?tuou|fez|realizou) (?:o )?pagamento\b|\b(?:multibanco|pagamento|tpa|terminal de pagamento) indisponivel\b|\bnao apresentou (?:o )?documento|\bpendente (?:de )?pagamento\b|\b(?:recebedor|destinatario|cliente) sem (?:identificacao|documento|documentacao)\b",
        # the carrier does not serve the place: "cidade não atendida", "não atende a cidade do cliente"
        _PLACE + r"\b(?: [a-z]+){0,2} nao atendid[oa]|\bnao atende (?:a |o )?" + _PLACE + r"\b",
        _PLACE + r" (?:perigos[oa]|de risco)\b",
        # a re-delivery asked for, a delivery hampered, nobody entitled to receive it
        r"\breentregas?\b|\bentrega (?:prejudicada|impedida|impossibilitada|inviabilizada)|\bnao autorizad[oa] (?:a|para) receber\b"]),
    # a delivery or attempt "não efetuada / realizada / conseguida" wherever the words stand (a second reading of the
    # phrases above), not a payment, a collection, a departure or a clearance that was not made
    (F.failed, [r"\bnao (?:foi )?(?:efetuad|efectuad|realizad|conseguid|concretizad)[oa]\b"],
     (r"\b(?:pagamento|coleta|recolha|postagem|saida|devolucao|desembaraco|fiscalizacao|importacao|exportacao|tributacao)\b(?: [a-z]+){0,3} nao (?:foi )?(?:efetuad|efectuad|realizad|conseguid|concretizad)",
      r"\bliberacao\b.{0,40}\bnao (?:foi )?(?:efetuad|realizad)")),
    (F.out_for_delivery, [r"\bcarregad[oa] no veiculo (?:de entrega|de distribuicao)\b|\b(?:saiu|saida|sai) para (?:a )?(?:entrega|distribuicao)\b|\bem (?:rota de )?(?:entrega|distribuicao)\b|\b(?:entrega|distribuicao) em (?:andamento|curso)\b"
                          r"|\b(?:em )?processo de entrega\b|\b(?:objec?to|envio|remessa|encomenda|pacote) em rota\b|^em rota$|\ba caminho d[oa] (?:destinatario|endereco|cliente)|\b(?:com|entregue ao) (?:o )?(?:carteiro|estafeta|entregador)\b"]),
    (F.delivered, [r"\b(?:foi )?assinad[oa] (?:por|para|pel[oa])\b|\b(?:re)?entregue\b(?! (?:aos?|as?) (?:transportadora|correios?|ctt|operador|alfandega|agencia))|\bentregamos\b|\bentrega (?:realizada|efetuada|registrada|concluida|finalizada|efectuada|conseguida|bem sucedida)",
                   r"\blevantad[oa]\b|\brecebid[oa] pelo (?:destinatario|cliente)|(?<!para )(?<!de )(?<!aguardando )\bretirad[oa] (?:pelo (?:destinatario|cliente)|(?:da|do|na|no|em) (?:caixa de correios inteligente|cacifo|armario|locker|ponto|loja|agencia))"]),
    (F.damaged, [r"\b(?:danificad|avariad|violad|quebrad|amassad|molhad|rasgad|estragad)[oa]s?\b|\bdanos\b|\bavarias?\b|\bincendio\b|\bembalagem (?:aberta|rasgada|violada)"]),
    (F.exception, [
        r"\bnao (?:foi )?autorizad[oa] a (?:entrada|saida)|\b(?:entrada|saida) do objeto (?:no|do) pais nao (?:foi )?autorizad[oa]",
        r"\bapreen(?:dido|dida|sao)\b",
        # the sender (or recipient) stops it or must decide: retido a pedido do remetente, aguarda informação do remetente
        r"\b(?:retid|bloquead|suspens|cancelad|parad|interrompid|sustad)[oa] a pedido d[oa] (?:" + _SENDER + r"|destinatario)\b"
        r"|\baguarda(?:ndo)? (?:a |as )?(?:informac(?:ao|oes)|instruc(?:ao|oes)|inst\.?|decisao|resposta) d[oa] (?:" + _SENDER + r"|destinatario)\b|\baguarda(?:ndo)? decisao\b",
        # destroyed or sent to scrap
        r"\b(?:destruid[oa]|destruicao|refug(?:o|os|ad[oa])|descartad[oa]|descarte)\b",
        # the state tax inspection (not customs) holds the invoice: "nota fiscal retida pela fiscalização"
        r"\bnota fiscal (?:retida|apreendida|bloqueada)\b|\bproblemas? fisca(?:l|is)\b|^problemas?(?: operaciona(?:l|is))?$",
        # unpaid or an action not taken in time
        r"\b(?:pagamento|acao necessaria a liberacao do objeto|liberacao do objeto) nao (?:efetuad|realizad|confirmad)[oa]|\bprazo (?:de|para) pagamento (?:encerrado|expirado|esgotado|vencido)",
        r"\bdesistencia\b", r"\bsinistr",
        # a shipment that does not meet the conditions: incomplete, papers or packing at fault, too big
        r"\b(?:remessa|envio|lote|encomenda|volume)s? incomplet[oa]s?|\b(?:problemas?|pendencias?|irregularidades?) (?:na|de|da|com a|no|do) (?:documentacao|embalagem|etiqueta)"
        r"|\bembalagem (?:inadequada|insuficiente|irregular)|\b(?:sem|falta de) etiqueta\b|\b(?:documentacao|documentos) em falta\b|\b(?:sem|falta de) (?:documentacao|guia de transporte)\b|\bfora de formato\b|\bexcesso de (?:peso|dimensoes)|\bdimensoes (?:do objeto )?(?:impossibilitam|fora)",
        # force majeure
        r"\b(?:eventos? naturais|desastres? naturais|catastrofe|calamidade|enchentes?|inundac(?:ao|oes)|temporal|lockdown|pandemia|quarentena|intemperies?|interperies|(?:condicoes|intemperies|interperies) climaticas)\b"]),
    # held, suspended, cancelled, expired: an exception unless the hold is a customs or tax one
    (F.exception, [r"\b(?:suspens(?:ao|[oa])|cancelad[oa]|cancelamento|anulad[oa]|expirad[oa]|bloquead[oa]|interrompid[oa]|retid[oa]|parad[oa])\b",
                   r"em analise de destinacao|\bindenizad|\bacidente\b"], (r"alfandeg", r"fiscaliza", r"aduan", r"receita federal", r"impost", r"tribut", r"\b(?:duties|taxes|taxas)\b")),
    (F.delayed, [r"\b(?:atras(?:o|ad[oa])|reprogramad[oa]|adiad[oa]|reagendad[oa]|reagendamento|reprogramacao|remarcad[oa]|paralisac(?:ao|oes)|demora)\b", _MISSED], (r"sujeit[oa] a",)),
    # export at origin is the departure side, import customs the destination's
    (F.export_clearance, [r"\b(?:autorizacao|desembaraco|liberacao|despacho|fiscalizacao) (?:para |de |da )?exportacao\b"]),
    (F.departed, [r"saiu do pais de origem|encaminhado para o (?:brasil|pais de destino)|expedicao internacional|unidade de exportacao"]),
    (F.customs_released, [r"fiscalizacao aduaneira finalizada|liberad[oa] (?:pela|na) (?:fiscalizacao|alfandega)|desembaraco (?:concluido|finalizado)|saida de alfandega|objeto liberado|\bdesalfandegad[oa]\b"]),
    (F.customs_released, [r"\bliberad[oa] sem (?:tributacao|impostos|taxas)"], (), ""),
    (F.customs_duties, [r"\bretid[oa] para (?:duties|taxes|taxas|impostos|direitos)\b|aguarda(?:ndo)? (?:o )?pagamento|pagamento (?:do despacho|de tributos|pendente|de direitos|de impostos|de taxas)|\btribut|\bicms\b|direitos (?:aduaneiros|alfandegarios)|\bimpostos?\b"]),
    (F.customs_info, [r"(?:informacoes|documentos) (?:adicionais|necessarios|pendentes)|aguardando (?:documentos|informacoes)|declaracao aduaneira"]),
    (F.customs_held, [r"retid[oa] (?:na|pela|para) (?:alfandega|fiscalizacao)"]),
    (F.customs, [r"alfandega|fiscalizacao aduaneira|desembaraco|aguarda despacho|\baduaneir|receita federal|\bem importacao\b|procedimentos declarativos"]),
    (F.arrived, [r"recebido (?:pelos correios do brasil|no brasil)|(?:chegou|chegada) (?:a|ao) (?:brasil|portugal|pais de destino)|recepcao internacional"]),
    # the shipment's data received: etiqueta criada, dados cadastrados, a informação sobre o envio foi recebida
    (F.label, [r"\betiqueta (?:criada|emitida|gerada)|\bct-?e (?:autorizado|emitido|gerado)\b|^emissao(?: de (?:etiqueta|cte|ct-e))?$|\bpre-?postad[oa]\b|\b(?:dados|informac(?:ao|oes)|arquivo)\b(?: (?:eletronicas|sobre o envio|do envio|da remessa|do volume|do objec?to))?(?: foi| foram)? (?:cadastrad|recebid|enviad|registad|registrad|integrad|introduzid)[oa]s?\b|^data entry\b"
                r"|\b(?:remessa|envio|objec?to|encomenda|pedido) (?:cadastrad|registad|registrad|criad)[oa]\b"]),
    (F.picked_up, [r"\b(?:postad[oa]|coletad[oa]|recolhid[oa]|aceite|aceitacao|admitid[oa])\b|\b(?:coleta|recolha) (?:realizada|efetuada|efectuada|concluida)"
                   r"|\b(?:entregue|depositad[oa]) (?:aos?|nos?|[ao]) (?:correios?|ctt|transportadora)\b"]),
])

__all__ = ["RULES", "VOCAB"]
