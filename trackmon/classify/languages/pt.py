# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""Portuguese carrier wording: Correios and Brazilian couriers (Mobi, Flash Courier), CTT (Portugal).

Patterns are folded (see `text.fold`): no accents, lower case."""

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
        entregamos remarcada saida mercadoria avariada"""

RULES = table("pt", [
    (F.returned, [r"(?:devolvido|entregue) ao remetente", r"entregue ao remetente", r"entregue ao remetente \(devolvido\)",
                  r"^devolvido$", r"objeto devolvido ao remetente$"], (r"podera ser devolvido",)),
    (F.sender_attempt, [r"aguardando postagem", r"aguarda entrada", r"etiqueta emitida", r"saiu para coleta",
                        r"(?:remessa|objeto) nao coletad", r"\bcoletando\b", r"^\d+a tentativa de coleta", r"^a coletar$",
                        r"aguardando objeto na agencia", r"aguardando (?:a )?coleta", r"(?:coleta|recolha) (?:agendada|solicitada|programada|pedida|prevista)",
                        r"aguarda(?:ndo)? (?:a )?recolha", r"aguarda(?:ndo)? (?:entrada|entrega) (?:nos|aos|no|na) (?:ctt|correios|transportadora)"]),
    (F.return_trip, [r"saiu para entrega ao remetente", r"(?:em rota|saiu) (?:de entrega )?(?:para|ao) (?:o )?remetente"]),
    (F.neutral_early, [r"(?:sera|serao) entregue", r"entrega prevista", r"objeto devolvido aos correios",
                       r"saida para entrega cancelada", r"saida nao efetuada"], (r"saiu para entrega",), ""),
    (F.locker, [r"armario inteligente", r"caixa de correios inteligente", r"cacifo", r"\blocker\b"],
     (r"\b(?:levantad|retirad)[oa] (?:pelo|pela|do|da|no|na)", r"a caminho", r"\bpara o cacifo", r"encaminhad")),
    (F.point, [r"ponto (?:de )?(?:retirada|coleta|entrega|pickup|levantamento)", r"(?:ponto|loja) ctt", r"\bpayshop\b",
               r"(?:disponivel|aguarda|pronto) .{0,30}\b(?:loja|ponto|estacao|balcao)\b"],
     (r"\b(?:levantad|retirad)[oa] (?:pelo|no|na)", r"a caminho", r"em rota", r"encaminhad", r"transferencia", r"\bpara o ponto")),
    (F.point, [r"(?:disponivel|aguarda|pronto|entregue|depositad[oa]) (?:n[oa]|em) (?:ponto )?pickup\b"]),
    (F.post_office, [r"aguardando retirada", r"disponivel para retirada", r"aguardando (?:o )?destinatario", r"avisado n[ao] (?:estacao|apartado)",
                     r"destinatario solicitou recolha", r"disponivel para levantamento",
                     r"pronto para (?:retirada|levantamento)", r"disponivel (?:na agencia|no ponto)", r"aguarda(?:ndo)? (?:o )?levantamento",
                     r"para (?:levantar|retirar|levantamento|retirada)\b", r"\bavisad[oa] (?:n[ao]|em)\b", r"disponivel para (?:o )?(?:destinatario|cliente)"],
     (r"estara disponivel para retirada", r"nao (?:foi )?(?:levantad|retirad)", r"prazo (?:de|para) (?:retirada|levantamento) (?:encerrado|expirado|esgotado)",
      r"encaminhad", r"a caminho", r"em rota")),
    (F.returning, [r"devolucao", r"(?:sera|sendo) devolvido", r"em devolucao", r"devolvido ao remetente", r"\bdevolvendo\b",
                   r"devolvido ao pais de origem", r"retorno ao remetente", r"\bretornando\b",
                   r"(?:reenviad|reencaminhad|enviad|encaminhad|retornad|reexpedid)[oa] (?:ao|para o) remetente", r"regresso ao remetente",
                   r"a devolver\b"],
     (r"sujeito a", r"extraviad", r"podera ser devolvido")),
    (F.returning, [r"em devolucao (?:a origem|ao remetente)", r"remetente nao (?:retirou|buscou|levantou)", r"importacao do objeto/conteudo nao foi autorizada",
                   r"(?:objeto|envio|encomenda|remessa) nao reclamad[oa]"], (), ""),
    (F.prohibited, [r"proibid", r"artigos restritos", r"\bperigos[oa]s?\b", r"\binflamave(?:l|is)\b"]),
    (F.lost, [r"extraviad", r"\bperda\b", r"\bassalt(?:o|ad[oa])\b", r"\bperdid[oa]\b", r"\bextravio\b", r"nao localizado", r"roubado", r"\bfurt(?:o|ad[oa])\b", r"\broubo\b"],
     (r"(?:destinatario|recebedor|cliente|endereco|rua|numero) .{0,20}nao localizad",)),
    (F.refused, [r"recus", r"recusad"]),
    (F.address, [r"endereco (?:do destinatario |de entrega |do cliente )?(?:incorreto|insuficiente|incompleto|errado|inexistente|desconhecido|de dificil acesso|nao encontrado)",
                 r"(?:destinatario|cliente|recebedor) (?:desconhecido|mudou|nao localizado)", r"^desconhecido$", r"\bmudou-se\b",
                 r"numeracao irregular", r"destinatario tem apartado", r"falecido", r"inconsistencias? no enderecamento",
                 r"falta (?:de )?complemento", r"caixa postal cancelada", r"(?:rua|numero) nao localizad", r"\bdesconhecid[oa]\b",
                 r"nao existe o numero", r"numero inexistente", r"complementar endereco", r"\bcep (?:incorreto|errado|invalido|inexistente)", r"dificil acesso",
                 r"(?:endereco|local|logradouro|destinatario|cliente|recebedor|morada) (?:nao (?:encontrad|localizad|existe)|inexistente)",
                 r"\bmorada (?:incorreta|incompleta|insuficiente|desconhecida|inexistente|errada|ilegivel|invalida)", r"\bmudou\b",
                 r"endereco (?:ilegivel|invalido|nao existe)", r"\bmorada\b.{0,20}\b(?:nao existe|nao encontrad)"]),
    (F.nobody, [r"carteiro nao atendido", r"destinatario ausente", r"empresa sem expediente", r"ausente", r"inacessivel",
                r"\bfechad[oa]\b", r"\bviajando\b", r"\bferias\b", r"(?:destinatario|cliente) nao atendeu", r"\bausencia\b",
                r"nao (?:havia|ha|houve) (?:ninguem|quem (?:receb|atend))", r"(?:estabelecimento|empresa|loja|local|escritorio|comercio) encerrad",
                r"^encerrad[oa]$"],
     (r"declaracao",)),
    (F.failed, [r"tentativa de entrega", r"nao entregue", r"entrega nao (?:efetuada|realizada|conseguida|pode ser efetuada)",
                r"a entrega nao pode ser efetuada", r"nao efetuada", r"nova tentativa", r"entrega nao efetuada", r"feriado",
                r"sem distribuicao domiciliaria", r"segunda entrega", r"pendente pagamento", r"em greve",
                r"nao apresentou documento", r"nao retirou objeto", r"prazo de retirada", r"nao procurado",
                r"local (?:demolido|em reforma)", r"zona rural", r"area de risco", r"\bgreve\b", r"fora de (?:area|abrangencia)",
                r"nao foi (?:levantad|retirad)[oa]", r"\binsucesso\b", r"\bsem sucesso\b", r"impossibilidade de (?:entrega|entregar)",
                r"nao (?:foi )?possivel (?:entregar|efetuar a entrega|realizar a entrega|concluir a entrega|efectuar a entrega)",
                r"acesso (?:negado|restrito|impedido|bloqueado|dificil)", r"\bsem acesso\b", r"nao (?:reclamad|levantad|retirad)[oa]\b",
                r"entrega nao (?:efectuada|concretizada)", r"nao (?:conseguimos|conseguiu|conseguiram) entregar"]),
    (F.out_for_delivery, [r"saiu para entrega", r"em rota de entrega", r"\bem entrega\b", r"em distribuicao",
                          r"entrega em andamento", r"saiu para (?:a )?distribuicao", r"\bsaida para (?:a )?entrega\b", r"entrega em curso", r"(?:objeto|envio|remessa|encomenda) em rota\b",
                          r"a caminho do (?:destinatario|endereco|cliente)", r"(?:com|entregue ao) (?:o )?(?:carteiro|estafeta|entregador)\b"]),
    (F.delivered, [r"\bentregue\b(?! (?:a|ao|a) (?:transportadora|correios?|operador|alfandega|agencia))", r"entrega conseguida",
                   r"objeto entregue", r"entrega (?:realizada|efetuada|registrada|concluida|finalizada|efectuada)",
                   r"\blevantad[oa]\b", r"recebid[oa] pelo (?:destinatario|cliente)", r"\bentregamos\b",
                   r"\bretirad[oa] (?:da|do|na|no|em) (?:caixa de correios inteligente|cacifo|armario|locker|ponto|loja|agencia)", r"\bretirad[oa] pelo (?:destinatario|cliente)"]),
    (F.damaged, [r"danificad", r"\bavaria", r"incendio", r"\bviolad[oa]\b", r"\bquebrad[oa]\b", r"embalagem (?:aberta|rasgada)"]),
    (F.delayed, [r"atraso", r"reprogramad", r"paralisacao", r"\batrasad[oa]\b", r"\badiad[oa]\b", r"\breagendad[oa]\b", r"\bremarcad[oa]\b"], (r"sujeito a",)),
    (F.exception, [r"apreendido", r"retido / parado", r"proibido", r"destruid", r"refugo", r"remessa incompleta",
                   r"aguarda informacao do remetente", r"etiqueta (?:cancelada|expirada)", r"desistencia de postagem", r"suspensao d[ae] entrega",
                   r"entrega de objeto bloqueada", r"retido a pedido", r"eventos naturais", r"lockdown", r"\bsinistr", r"\bcancelad[oa]\b",
                   r"problemas? na documentacao", r"nao foi autorizada a (?:entrada|saida)", r"liberacao do objeto nao realizada",
                   r"encaminhado para apreensao", r"pagamento nao efetuado no prazo", r"prazo de pagamento encerrado",
                   r"desistencia do cliente", r"contem liquido", r"\bdesistencia\b", r"\bapreens", r"(?:contem|conteudo) (?:liquido|inflamavel|perigoso)",
                   r"(?:problemas?|pendencias?|irregularidades?) (?:na|de|da|com a) documentacao", r"pagamento nao (?:efetuado|realizado|confirmado)",
                   r"prazo (?:de|para) pagamento (?:encerrado|expirado|esgotado)"]),
    (F.exception, [r"\bbloquead[oa]\b", r"\bsuspens[oa]\b", r"\binterrompid[oa]\b", r"em analise de destinacao", r"\bindenizad",
                   r"\bretid[oa]\b", r"\bacidente\b"], (r"alfandeg", r"fiscaliza", r"aduan", r"receita federal", r"impost", r"tribut")),
    (F.departed, [r"saiu do pais de origem", r"encaminhado para o (?:brasil|pais de destino)", r"expedicao internacional",
                  r"unidade de exportacao"]),
    (F.customs_released, [r"fiscalizacao aduaneira finalizada", r"liberado (?:pela|na) (?:fiscalizacao|alfandega)",
                          r"desembaraco (?:concluido|finalizado)", r"saida de alfandega", r"objeto liberado", r"\bdesalfandegad[oa]\b",
                          r"liberad[oa] sem tributacao"]),
    (F.customs_duties, [r"aguardando pagamento", r"pagamento (?:do despacho|de tributos|pendente|de direitos|de impostos|de taxas)", r"tributo", r"icms",
                        r"direitos (?:aduaneiros|alfandegarios)", r"\bimpostos?\b"]),
    (F.customs_info, [r"(?:informacoes|documentos) (?:adicionais|necessarios|pendentes)", r"aguardando (?:documentos|informacoes)",
                      r"declaracao aduaneira"]),
    (F.customs_held, [r"retid[oa] (?:na|pela|para) (?:alfandega|fiscalizacao)"]),
    (F.customs, [r"alfandega", r"fiscalizacao aduaneira", r"desembaraco", r"aguarda despacho", r"\baduaneir", r"receita federal"]),
    (F.arrived, [r"recebido (?:pelos correios do brasil|no brasil)", r"chegou ao (?:brasil|pais de destino)",
                 r"recepcao internacional", r"objeto recebido no brasil"]),
    (F.label, [r"etiqueta (?:criada|emitida|gerada)", r"\bpre-?postad[oa]\b", r"informacoes (?:eletronicas )?enviadas", r"\bcadastrad[oa]s?\b", r"informacao sobre o envio foi recebida"]),
    (F.picked_up, [r"objeto postado", r"\bpostado\b", r"coletado", r"aceitacao", r"recolha efetuada", r"\baceite\b", r"\brecolhid[oa]\b",
                   r"(?:coleta|recolha) (?:realizada|efetuada|efectuada)",
                   r"entregue (?:ao|a) (?:correios?|transportadora|agencia)"]),
])

__all__ = ["RULES", "VOCAB"]
