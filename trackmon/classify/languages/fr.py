# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""French carrier wording: La Poste / Colissimo, Chronopost, DPD France, Mondial Relay, Relais Colis, GLS France,
Colis Privé, Ciblex, bpost, Swiss Post, Canada Post / Canpar.

Patterns are folded (see `text.fold`): no accents, lower case. Participles are written in both genders and
numbers ("livree?s?": livré, livrée, livrés, livrées). Each phrase is a family's general form (its synonyms,
word orders and the carriers' fixed wordings), so that one phrase reads the wordings of several carriers."""

from __future__ import annotations

from trackmon.classify.rules import F, table

# Words that mark a Latin-script text as written in this language (see `lang.languages`).
VOCAB = """votre colis est ete livre livree livraison destinataire expediteur retrait point bureau poste cours
        acheminement douane disponible instance avis passage absent retourne depose pris charge envoi site
        distribution tri pays arrive quitte sorti dedouanement commercant gardien voisin prepare expedie
        remis presente reporte retenu adresse incomplete echec consigne relais cityssimo jours ouvrables
        destinataire prochain nouveau mis sera pourra signale emballage degrade territoire reseau enlevement
        instruction distribue probleme attente retire traitement entree sortie declaratif distribuable retour
        anomalie incident refuse retrait effectue enregistre etiquette creee groupee agence transit
        rendez commande preparation annonce recupere relais complement avise demenage habite npai livreur facteur
        envoyeur annule annulee reclame inconnu introuvable endommage retard casier tournee refus livrer avons
        tente distribuer remettre droits taxes payer dedouane article ramassage laisse accepte recherche
        donnees livreur chemin delai expire disposition retarde infructueuse echoue present lieu
        injoignable joignable volumineux encombrant prohibe interdit confisque egare perdu
        abime deteriore exportation dedouanee cueillette vehicule guichet
        entreprise societe magasin fermee comptoir ramasse acces interdite
        marchandise deuxieme personne domicile boite lettres enregistree consultation ligne"""

# Who sends (as opposed to who receives), and the places a recipient picks a parcel up from.
_SENDER = r"(?:l'|votre |son |le )?(?:expediteur|envoyeur|emetteur|vendeur|e-commercant|marchand|exp(?:ed)?\b)"
_PICKUP_PLACE = r"(?:point|relais|consigne|casier|locker|automate|espace|bureau|agence|commercant|magasin|parcel ?shop)"
# A reason given for a customs hold ("Adresse incomplète, votre colis est retenu en douane") is a customs stage.
_CUSTOMS_HOLD = r"(?:retenue?s?|bloquee?s?) en douane"
# What the recipient asked for (a hold or a later delivery on request is not a problem).
_ASKED = r"\ba demande\b|(?:a la|sur|selon) (?:la |l')?(?:demande|ordre|instruction)s? du (?:destinataire|dest\b|client)"
# A pickup point or locker that cannot take the parcel (also read before the pickup families as their exclusion).
_NO_ROOM = r"(?:relais|retrait|consigne|casier|locker|commercant)s? (?:est |etait |etant )?(?:complete?|pleine?|saturee?)s?\b|trop (?:volumineux|lourde?|grande?|encombrant|petite)|plus de (?:casier|place|emplacement)|aucun (?:casier|emplacement) (?:libre|disponible)|\ben surcharge\b|\bsaturee?s?\b"
_NOT_AT_PICKUP = (r"\b(?:vers|en route|en direction)\b", r"achemine", r"\ben transit\b", r"pris en charge par", r"\bechec", r"refuse", r"ne peut", r"n'a pas pu", r"pas pu", _NO_ROOM)

RULES = table("fr", [
    # back with the sender (a future return is still a return on its way: the family is guarded)
    (F.returned, [rf"(?:remise?|livree?|distribuee?|rendue?|restituee?)s? (?:a|au|chez) {_SENDER}",
                  rf"(?:recue?|receptionnee?|retiree?|recuperee?)s? par {_SENDER}",
                  rf"(?:arrivee?s?|revenue?s?|de retour) (?:a|au|chez|aupres de) {_SENDER}",
                  r"\bretour (?:livre|distribue|remis|receptionne)",
                  r"(?:livree?|distribuee?|remise?)s? .{0,30}suite a (?:un|son) retour",
                  rf"(?:renvoyee?|retournee?|reexpediee?)s? avec succes (?:a|au|chez) {_SENDER}"]),
    # the sender has not handed the parcel over yet: prepared, ready, to be collected from the sender
    (F.sender_attempt, [r"pas encore (?:ete )?(?:pris en charge|remise?|confiee?|deposee?|expediee?)",
                        rf"\bprete? (?:a etre expediee?|pour (?:l'|son )?(?:expedition|envoi|enlevement)|chez {_SENDER})",
                        r"(?:nous (?:sera|etre)|va (?:bientot )?nous etre) (?:bientot |prochainement )?confiee?",
                        r"en attente (?:de (?:la )?prise en charge|du depot|de depot|de remise|d'enlevement|de collecte)",
                        rf"non remise? par (?:{_SENDER}|le client)",
                        r"(?:enlevement|collecte|ramassage) (?:prevue?|planifiee?|programmee?|demandee?)",
                        r"(?:va etre|sera|pu etre|doit etre) recuperee? .{0,50}boite",
                        r"expedition groupee", r"faisant partie d'une? (?:expedition|envoi|lot|commande)"]),
    (F.sender_attempt, [r"\ben (?:cours de )?preparation\b", rf"{_SENDER} (?:prepare|a prepare)"],
     (r"pour (?:la |sa )?livraison", r"facteur", r"livreur", r"tournee", r"agence", r"centre", r"plateforme", r"depot\b", r"site de", r"export")),
    # collected from the sender, or dropped off by the sender
    (F.sender_collected, [rf"deposee?s? .{{0,40}}(?:par (?:{_SENDER}|le client)|d'expedition|de depart|d'origine)",
                          rf"(?:enlevee?|collectee?|ramassee?)s? (?:chez|aupres de) (?:{_SENDER}|le client)",
                          r"(?:enlevement|collecte|ramassage|cueillette) (?:effectuee?|realisee?|reussie?)", r"(?:a ete |est )recuperee? dans (?:votre|la|sa) boite",
                          r"remise? par (?:le |la |l'|un |une )?(?:relais|point|commercant|bureau|magasin)\b.{0,30}\b(?:au|a l'|a un) (?:chauffeur|transporteur|livreur|coursier)"]),
    # ordinary scans that name a delivery: on the way to a pickup point, redirected, planned, chosen by the recipient
    (F.neutral_early, [rf"en cours de (?:livraison|acheminement|transfert) (?:vers |en |au |a |dans )(?:le |la |l'|votre |un |une )?{_PICKUP_PLACE}",
                       r"livree?s? (?:au|a un|a son|a notre) (?:transitaire|sous-traitant|partenaire|agent|centre|depot|hub|plateforme)(?![^.;]{0,30}\bdu destinataire)",
                       r"(?:reexpedie|redirige|readresse|adresse|reoriente|reachemine)e?s? (?:vers|au|a) (?:le |son |votre |l')?(?:domicile|adresse)",
                       r"\blivraison (?:prevue|estimee|previsionnelle|planifiee|programmee)(?! (?:aujourd'hui|ce jour|dans la journee))",
                       r"\bprete? (?:a etre|pour (?:la|sa|une)) (?:livree?|livraison|distribuee?|distribution)",
                       r"\b(?:reponse|choix|demande|instruction)s? (?:de (?:livraison|retrait) )?(?:a ete |est )?(?:donnee?|recue?|enregistree?|prise? en compte|transmise?|validee?)",
                       r"a (?:choisi|demande|opte pour) (?:une |la )?livraison", r"(?<!en cours de )livraison (?:a domicile|a un bureau)",
                       r"nouve(?:au|l|lle) (?:point|relais|lieu|bureau|agence|consigne) de (?:livraison|retrait)",
                       r"(?:livraison|distribution) (?:est )?(?:actuellement |temporairement |momentanement )?suspendue (?:sur|dans|pour) (?:ce|le|votre|la|cette) (?:secteur|zone|quartier|commune|localite|region)",
                       r"en attente de (?:distribution|livraison|tri|traitement|acheminement)"], (r"deteriore", r"endommage", r"abime")),
    # a delivery announced for later (not a failed attempt, not out for delivery today)
    (F.neutral_early, [r"(?:sera|seront|va etre|vont etre) (?:prochainement |bientot |rapidement )?(?:mise?s? a (?:la )?disposition|disponibles?|presentee?s?|livree?s?|distribuee?s?|remise?s? en livraison|deposee?s?)"],
     (r"pas pu", r"n'a pu", r"n'ont pu", r"ne peut", r"absent", r"\bechec", r"refus", r"retour", r"tentative", r"\bsi\b", r"aujourd'hui", r"ce jour", r"dans la journee",
      r"\b(?:probleme|incident|anomalie|retard|greve|intemperies)")),
    # a locker or pickup point that cannot be used: the parcel goes on elsewhere (an ordinary scan)
    (F.neutral_early, [rf"ne (?:peut|pouvait|pourra) (?:pas )?etre (?:livree?|deposee?|distribuee?) (?:dans|en|au|a) (?:le |l'|la |un |une |votre )?{_PICKUP_PLACE}"],
     (r"retour", r"deteriore", r"endommage", r"abime", r"refus", r"ferme", _NO_ROOM)),
    # waiting for the recipient: locker, pickup point, post office
    (F.locker, [r"\b(?:consigne|casier|locker|automate|cityssimo|distributeur de colis|pickup station)s?\b"],
     (r"\bretiree?s?\b", r"remis au destinataire", r"consignes? de (?:livraison|retrait)", r"hors service", r"en panne",
      r"livree?s? (?:a|dans|au) (?:la |sa |votre )?boite", *_NOT_AT_PICKUP)),
    (F.point, [r"point (?:de |d')?(?:retrait|relais|proximite|pickup|enlevement)", r"relais (?:pickup|colis)|espace (?:relais|retrait)|bureau de tabac|parcel ?shop",
               r"chez (?:le|un|votre|son) commercant|autre commercant",
               r"(?:disponible|livree?|arrivee?|receptionnee?) (?:dans|au|en|chez) (?:votre |le |un |son )?(?:relais|magasin|commercant)|deposee? (?:dans|au|en|chez) (?:votre|son) (?:relais|magasin|commercant)|deposee? (?:dans|au|en|chez) (?:le |la |un |une )?(?:relais|magasin|commercant)(?: \w+)? (?:choisie?|selectionnee?)"],
     (r"remis au destinataire au point", r"ferme", r"(?:retiree?|recuperee?) (?:par|au|en|dans)", r"retrait effectue", r"remis par le relais", r"remis au (?:chauffeur|transporteur)", *_NOT_AT_PICKUP)),
    (F.post_office, [r"\b(?:(?:disponible|(?:mise?s? )?a (?:la )?disposition) (?:en|dans|au|aux|a|chez|pour|du destinataire|jusqu\w*)|en instance|(?:en attente|attend) (?:d'etre retiree?|de (?:son |votre )?retrait))\b",
                     r"(?:colis|envoi|article|commande|objet) (?:est )?(?:disponible|pret a etre retire|a retirer)\b", r"(?:a|au) retirer",
                     r"arrivee? (?:dans|a|au) (?:votre|son) bureau (?:de poste)?", r"vous attend", r"(?:pret a|peut) etre (?:retiree?|ramassee?|recuperee?)", r"comptoir postal|\bguichet\b", r"\bagence (?:de retrait|retrait)",
                     r"pret (?:pour|a) (?:le |la )?(?:ramassage|retrait|collecte)"],
     (r"(?:annoncee?|avisee?) pour (?:le )?retrait", r"(?<!d'etre )\bretiree?s? (?:par|au|en|dans|a la|a l')", r"deposee?s? (?:au|en) guichet", r"retrait effectue", r"\b(?:expiree?|depassee?|ecoulee?)\b", *_NOT_AT_PICKUP)),
    # on its way back to the sender
    (F.returning, [rf"(?:\b(?:retour|renvoi) (?:a |vers |chez )?|(?:renvoye|retourne|reexpedie|remis|rendu|reachemine|redirige)e?s? (?:a|au|vers|chez) ){_SENDER}",
                   r"\ben (?:cours de )?retour\b|\bretour en cours\b|^(?:colis|envoi) retour\b",
                   rf"en route (?:a|au|vers|pour|chez) {_SENDER}", rf"\b(?:renvoyer|retourner|reexpedier)\b.{{0,30}} (?:a|au|vers|chez) {_SENDER}"]),
    # a return named as a noun is decided even when its reason is negated in the same clause ("non réclamé, retour à l'expéditeur")
    (F.returning, [rf"\b(?:retour|renvoi) (?:a |vers )?{_SENDER}"], (r"(?:pas de|sans|aucun) retour",), "h"),
    (F.damaged_early, [r"\b(?:deteriore|endommage|abime|casse)e?s?\b"], (r"\blivree?s? mais", r"(?:est|a ete) (?:bien )?livree?")),
    (F.lost, [r"\b(?:perdue?s?|egaree?s?|volee?s?|spoliee?s?|perte|spoliation)\b",
              r"(?:colis|envoi|article|objet|marchandise)s? (?:est |a ete )?(?:manquante?|introuvable|disparue?)\b",
              r"pas (?:pu )?(?:ete |etre )?retrouvee?"]),
    # goods that may not travel: prohibited, dangerous, seized
    (F.prohibited, [r"\bprohibee?s?\b|\binterdite?s? (?:a l'importation|a l'exportation|a l'envoi|au transport|dans le pays|par la reglementation)",
                    r"contenu .{0,30}(?:interdit|non autorise|dangereux|illicite)",
                    r"marchandises? (?:dangereuses?|interdites?|illicites?)|\b(?:saisie?s?|confisquee?s?|detruite?s?) (?:par|en|a la) (?:la )?douane|\bconfisquee?s?\b|\bcontrefa\w*"]),
    # a failed attempt: refused, address, nobody there, or otherwise not delivered
    (F.refused, [r"\brefus(?:ee?s?)?\b", r"(?:non|pas) acceptee? par (?:le |la )?destinataire"],
     (r"point relais", r"relais", r"consigne", r"casier", r"commercant", r"douan", r"\bexpedition\b")),
    (F.address, [r"\badress(?:e|age)\b.{0,30}\b(?:incomplete|incorrecte|erronee|insuffisante|inconnue|introuvable|inexacte|illisible|invalide|inexistante|fausse|imprecise)|\b(?:complement|defaut|erreur|probleme|manque) (?:d'|de |d )?(?:adresse|adressage)",
                 r"destinataire (?:inconnu|introuvable|demenage|decede|parti)", r"\bdemenagee?\b", r"n'habite (?:pas|plus)", r"\bnpai\b",
                 r"boite aux lettres (?:non identifiable|non identifiee|inaccessible|introuvable|inexistante|absente|non accessible)",
                 r"(?:numero|rue|voie|batiment|etage|appartement) (?:inexistante?|introuvable|inconnue?|manquante?)",
                 r"(?:pas|impossible de) (?:pu )?trouve\w* (?:l'|votre |son )?adresse"], (r"reachemine", _CUSTOMS_HOLD)),
    (F.nobody, [r"\babsen(?:te?s?|ce)\b|personne (?:au domicile|a l'adresse|pour (?:receptionner|recevoir))|aucune personne", r"avis de passage|\bavis (?:de livraison |de retrait )?laisse",
                r"destinataire (?:n'etait |n'est |etait |est )?(?:pas |non )(?:present|joignable)|(?:pu|pas) (?:ete |etre )?(?:joint|contacte)e?\b|\binjoignable\b|ne (?:repond|reponds) pas|sans reponse|pas de reponse|\bavise\b",
                r"(?:entreprise|societe|commerce|etablissement|magasin|bureau|destinataire|locaux|boutique|relais|retrait|commercant)(?: choisie?)? (?:est |etait |etant )?fermee?s?\b|\bfermeture\b"],
     (r"\bsms\b", r"e-?mail", r"courriel", _CUSTOMS_HOLD)),
    (F.failed, [r"(?:\bnon|\bpas|n'a|n'ont|ne (?:peut|peuvent|pouvons|pourra|pourrons))(?: pas| pu| ete| etre| actuellement)*(?: vous| le| la| les| lui)? (?:livr|distribu|remis\b|remettre|deposer)\w*",
                r"\bechec\b|a echoue|\binfructueuse?s?\b", _NO_ROOM,
                r"(?:nouvelle|deuxieme|seconde) (?:presentation|tentative|livraison)",
                r"(?:tente|essaye) de (?:vous )?(?:livrer|distribuer|remettre|joindre|contacter)",
                r"(?:avons|a|ont) (?:tente|essaye)\b|\btentative (?:de |d')?(?:livraison|distribution|remise)|livraison tentee",
                r"(?:annoncee?|avisee?) pour (?:le )?retrait", r"invitation a (?:venir )?(?:retirer|chercher)|avis (?:d'instance|de mise en instance) (?:laisse|depose|emis)",
                r"(?:refusee?|non acceptee?) par (?:le |la |l')?(?:point|relais|commercant|consigne|bureau)",
                r"\bacces\b.{0,40}\b(?:impossible|refuse|interdit|difficile|bloque)|digicode|code d'acces|interphone",
                r"(?:livraison|distribution|remise) (?:de votre colis |du colis )?(?:a ete |est )?(?:impossible|non effectuee|interrompue)",
                r"impossible de (?:livrer|distribuer|remettre|deposer)",
                r"non (?:reclamee?|retiree?|recuperee?)\b|pas ete (?:reclamee?|retiree?)\b",
                r"delai (?:de (?:mise a disposition|garde|retrait|instance) )?(?:expire|depasse|ecoule|echu)"], (_CUSTOMS_HOLD,)),
    # waiting for the recipient's instructions after an attempt (not the customs' nor the sender's)
    (F.failed, [r"(?:en attente|dans l'attente|besoin) (?:d'|de |des )(?:vos |nouvelles |ses )?(?:instructions?|informations?|complements?|precisions)"],
     (r"douan", r"export", r"import", r"expediteur", r"enlevement")),
    # out for delivery (to the home: not to a pickup point, not back on the road)
    (F.out_for_delivery, [r"\ben (?:cours de )?(?:livraison|distribution|remise)\b|\btournee\b", r"\bsortie?s? pour (?:la )?(?:livraison|distribution)",
                          r"(?:charge|chargement|embarque)e?s? (?:dans|sur|a bord d'un|a bord du) (?:le |un |notre )?(?:vehicule|camion|fourgon)",
                          r"(?:avec|confiee? au|remise? au|pris en charge par) (?:le |notre |votre )?(?:livreur|facteur|chauffeur-livreur|coursier)",
                          r"livreur (?:est )?(?:en route|en chemin)|en route vers (?:votre|l') ?(?:adresse|domicile|destinataire)"],
     (r"mettre en livraison", r"remise? en livraison", r"relais|point|bureau|consigne|casier|locker", r"acheminement|vers (?:l'|notre |le |la )(?:agence|centre|plateforme|hub|depot)")),
    (F.out_for_delivery, [r"(?:sera|va etre) (?:livree?|distribuee?)\b.{0,30}\b(?:aujourd'hui|ce jour|dans la journee)|(?:livraison|distribution) (?:prevue |estimee )?(?:aujourd'hui|ce jour|dans la journee)"], (), "n"),
    (F.delivered, [r"\bremise?s? (?:en mains? propres?|(?:au|a la|a l'|a un|a une|a son|a sa|a votre) ?(?:destinataire|gardien|gardienne|voisin|voisine|accueil|concierge|client|reception|mandataire))",
                   r"(?:est|a ete|ont ete|sont) (?:bien )?(?:livre|distribue|remis)", r"livree?s? (?:au|a|a un|a la|a l') ?(?:gardien|voisin|destinataire|domicile|accueil|concierge)",
                   r"\b(?:(?:livraison|distribution|remise|retrait)(?: du colis| de l'envoi| de la commande)? (?:effectuee?|reussie?|realisee?|terminee?|confirmee?)|(?:retrait|retiree?|recuperee?)(?: du colis| de l'envoi| de la commande)? par (?:vous|(?:le|la|son) (?:destinataire|client)))",
                   rf"\bretiree? (?:au|en|dans|du|de la|de l'|a la|a l')|\brecuperee? (?:au|en|dans|a la|a l') ?(?:le |la |l'|votre |un |une )?{_PICKUP_PLACE}", r"^(?:colis|envoi|article|commande) retiree?$",
                   r"deposee? (?:dans|en) (?:la |votre |sa )?(?:boite aux lettres|boite a lettres|case postale)|deposee? (?:en|dans un) lieu sur|deposee? (?:devant|derriere|sur|sous) (?:la |votre |sa |le )?(?:porte|paillasson|palier|terrasse)",
                   r"\bsignature\b.{0,20}\b(?:enregistree|disponible|recueillie|obtenue)",
                   r"\b(?:livree?s?|distribuee?s?)\b"],
     (r"(?:livree?|distribuee?|remise?) (?:a|au|aux|a la|a l') ?(?:transitaire|agence|depot|centre|plateforme|site|bureau d'echange|transporteur|partenaire|sous-traitant|hub|la poste|reseau|notre reseau|chauffeur|douane)(?![^.;]{0,30}\bdu destinataire)",
      r"\ba (?:etre livre|livrer)", r"\bpret\b", r"d'etre (?:retiree?|recuperee?)")),
    (F.damaged, [r"\b(?:endommage|abime|deteriore|avarie|detruit|casse|dechire|degrade|ecrase|mouille)e?s?\b"]),
    (F.delayed, [r"\bretard", r"\bdelais? possibles?|possibles? (?:retard|delai)", r"\breportee?s?\b", r"(?:livraison|distribution) (?:de (?:votre |l'|la |ce |cet )?(?:colis|envoi|article|commande|objet) )?(?:a ete |est )?(?:differee|ajournee|decalee|repoussee)|ne sera pas (?:livree?|distribuee?) (?:aujourd'hui|ce jour|a la date prevue|dans les delais)", r"\bintemperies\b|\bgreve\b|conditions? (?:meteo\w*|climatiques?)|force majeure|\binondations?\b|\bneige\b", r"\breprogrammee?\b"], (_ASKED,)),
    # something went wrong with the parcel (not customs: customs stages stay in transit)
    (F.exception, [r"\b(?:incident|anomalie|probleme|souci|difficulte)s?\b",
                   r"\b(?:bloquee?|retenue?|immobilisee?)s?\b", r"\bidentification (?:(?:du contenu|du colis|de l'envoi|de votre colis) )*(?:en cours|impossible)|en cours d'identification",
                   r"\bannul(?:ee?s?|ation)\b", r"\blitige\b", r"\bsuspendue?s?\b", r"(?:colis|envoi|contenu) (?:incomplet|ouvert)",
                   r"\ben recherche\b|recherches? en cours|\benquete\b|\ben souffrance\b",
                   r"(?:pas pu|impossible de|ne (?:peut|pouvons|pourra)(?: pas)?) (?:etre )?(?:redirig|reexpedi|readress|reorient)\w*",
                   r"erreur (?:de |d')(?:tri|traitement|acheminement|routage)",
                   r"\beliminee?s?\b|mise? au rebut"],
     (r"douan", r"\bdroits\b", r"\btaxes?\b", r"resolu", r"regle\b", _ASKED)),
    # customs: export at origin, then the destination's customs
    (F.export_clearance, [r"(?:dedouanement|formalites? (?:douanieres?|de douane)|declaration|controle douanier|douane)\b.{0,20}\b(?:a l'|d'|en |pour l')?export(?:ation)?\b",
                          r"\bexport(?:ation)?\b.{0,20}\b(?:douane|dedouanement)"],
     (r"\bimport", r"termine", r"effectue", r"accompli", r"realise", r"valide", r"finalise")),
    (F.departed, [r"(?:quitte|sortir|sorti|sortie|partir|parti|depart)e? (?:de |du |le |la )?(?:son |le )?(?:pays|territoire)\b(?! de destination| du destinataire)",
                  r"(?:dedouanement|formalites?) .{0,20}export\w* (?:termine|effectue|accompli|realise|valide|finalise)e?s?"]),
    (F.customs_released, [r"\bdedouanee?s?\b|dedouanement (?:termine|effectue|realise|accompli|finalise|valide)",
                          r"sorti\w* de (?:la )?douane|liberee?s? par (?:la )?douane|\bmainlevee\b"]),
    (F.customs_duties, [r"droits (?:et|de) (?:taxes|douane)|(?:payer|paiement|reglement|regler) (?:des |les )?(?:droits|taxes|frais de douane|frais de dedouanement)",
                        r"taxes? (?:a payer|a regler|dues?)\b|frais de (?:dedouanement|douane) a (?:payer|regler)"]),
    (F.customs_info, [r"(?:informations?|documents?) (?:complementaires?|manquants?|requis)"]),
    (F.customs_held, [r"(?:retenue?s?|bloquee?s?|immobilisee?s?) (?:en|par la|a la|dans la) douane"]),
    (F.customs, [r"douane", r"dedouanement"]),
    (F.arrived, [r"(?:arrivee?|entree?|parvenue?)s? (?:dans|en|au) (?:le )?(?:pays (?:de destination|du destinataire)|france)",
                 r"(?:sorti|quitte) (?:du |le )bureau d'echange"]),
    # the shipment is announced: registered, label created, data received
    (F.label, [r"(?:colis|envoi|commande|expedition|bordereau|etiquette)(?: d'expedition| de transport)? (?:est |a ete )?(?:annoncee?|enregistree?|creee?|imprimee?|editee?|generee?)\b",
               r"\b(?:declaratif|donnees|informations?|renseignements?)\b(?: (?:de l'envoi|d'envoi|d'expedition|sur l'envoi|electroniques|de l'expediteur|du colis))?(?: ont ete| a ete| sont)? (?:recue?s?|receptionnee?s?|transmise?s?|enregistree?s?|soumise?s?|fournie?s?)|(?:avons|a|nous a) (?:recu|transmis|communique) (?:les |vos )?(?:informations|donnees)",
               r"a (?:cree|imprime|edite) (?:une |l')etiquette",
               r"confirmation de preparation", r"(?:prise|demande|proposition) de rendez-vous"]),
    (F.picked_up, [r"\bprise? en charge\b", r"remise? (?:au transporteur|a la poste|a chronopost|au reseau|a notre reseau)", r"\baccepte au bureau",
                   r"(?:envoi|colis) depose|depose (?:dans un point postal|au bureau de poste|en bureau de poste|au guichet)"]),
])

__all__ = ["RULES", "VOCAB"]
