# ruff: noqa: E501  (phrase tables: one phrase per string reads better than wrapped regexes)
"""French carrier wording: La Poste / Colissimo, Chronopost, Mondial Relay, Relais Colis, Colis Privé, bpost, Swiss Post.

Patterns are folded (see `text.fold`): no accents, lower case."""

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
        donnees livreur chemin delai expire disposition retarde infructueuse echoue present lieu"""

RULES = table("fr", [
    (F.returned, [r"(?:remis|livree?|distribuee?|rendue?) a l'(?:expediteur|envoyeur)", r"(?:retour|colis retour) (?:livre|distribue|remis)",
                  r"(?:recu|receptionne|retire) par l'expediteur",
                  r"(?:arrivee?|revenue?|de retour) chez (?:l'expediteur|le vendeur|l'envoyeur)"]),
    (F.sender_attempt, [r"en (?:cours de )?preparation chez (?:votre |l')expediteur", r"l'expediteur (?:prepare|a prepare)",
                        r"pret a etre expedie", r"pas encore (?:ete )?(?:pris en charge|remis)", r"(?:envoi|colis) pret chez l'expediteur",
                        r"(?:va etre|pu etre) recupere(?: car il n'etait pas present)? dans (?:votre|la) boite", r"commande en preparation",
                        r"va bientot nous etre confie", r"declaratif receptionne", r"expedition groupee",
                        r"preparation par (?:votre |l')expediteur", r"en attente (?:de (?:la )?prise en charge|du depot|de depot|de remise)",
                        r"non remise? par (?:l'expediteur|le client|l'envoyeur|le vendeur)",
                        r"(?:enlevement|collecte|ramassage) (?:prevue?|planifiee?|programmee?|demandee?)"]),
    (F.sender_collected, [r"enlevement realise chez l'expediteur", r"(?:enleve|collecte|ramasse)e? (?:chez|aupres de) l'expediteur",
                          r"(?:enlevement|collecte|ramassage) (?:effectuee?|realisee?)", r"depose par (?:le client|l'envoyeur)",
                          r"depose .{0,40}par (?:l'expediteur|le client|l'envoyeur|le vendeur)", r"remis par le relais pickup au chauffeur", r"depose(?: par l'expediteur| au bureau de poste d'expedition)"]),
    (F.neutral_early, [r"en cours de livraison (?:en|au|dans le|dans votre) (?:point (?:de )?retrait|relais)", r"livre au transitaire",
                       r"en cours de livraison dans le bureau de poste", r"reexpedie au domicile", r"adresse au domicile",
                       r"livraison prevue", r"pret a etre livre", r"(?<!en cours de )livraison (?:a domicile|a un bureau)", r"reponse donnee par le destinataire",
                       r"instruction de livraison recue", r"nouveau point de livraison", r"livraison est actuellement suspendue",
                       r"a (?:choisi|demande|opte pour) (?:une |la )?livraison", r"(?:demande|choix|instruction)s? de livraison (?:a ete |est )?(?:prise? en compte|enregistree?|recue?)",
                       r"(?:reexpedie|redirige|readresse)e? (?:vers|au|a) (?:le |son |votre )?domicile",
                       r"en attente de distribution"], (r"deteriore", r"endommage"), ""),
    (F.locker, [r"\bconsigne\b", r"\bcasier\b", r"cityssimo", r"locker", r"automate", r"distributeur de colis"],
     (r"retire", r"remis au destinataire", r"echec", r"plus de casier", r"trop volumineux", r"refuse", r"ne peut", r"n'a pas pu",
      r"\b(?:vers|en route|en direction)\b", r"achemine")),
    (F.point, [r"point (?:de )?(?:retrait|relais|proximite|pickup)", r"relais pickup", r"chez (?:le|un|votre) commercant", r"autre commercant", r"point retrait",
               r"disponible (?:dans votre |au |en |dans le )relais", r"espace (?:relais|retrait)", r"bureau de tabac",
               r"(?:disponible|livree?|depose|arrivee?) (?:dans|au|en|chez) (?:votre |le |un |son )?(?:relais|magasin|commercant)"],
     (r"remis au destinataire au point", r"refuse", r"trop volumineux", r"ne peut", r"n'a pas pu", r"ferme", r"retire (?:par|au|en|dans)",
      r"retrait effectue", r"\b(?:vers|en route|en direction)\b", r"achemine", r"remis par le relais", r"remis au (?:chauffeur|transporteur)")),
    (F.post_office, [r"disponible (?:dans|en|au|a) (?:votre )?(?:bureau|point|agence)", r"(?:a|au) retirer", r"en instance",
                     r"attend d'etre retire", r"disponible au retrait", r"en attente d'etre retire", r"a disposition (?:en|dans|du destinataire)",
                     r"vous attend", r"(?:pret a|peut) etre retire", r"\bguichet\b", r"en attente de retrait", r"attente (?:d'etre )?retire",
                     r"mise? a (?:la )?disposition", r"(?:colis|envoi|article|commande) (?:est )?disponible\b", r"\bagence (?:de retrait|retrait)",
                     r"pret (?:pour|a) (?:le |la )?(?:ramassage|retrait|collecte)"],
     (r"annonce pour retrait", r"retire par", r"retrait effectue", r"\b(?:expiree?|depassee?|ecoulee?)\b", r"\b(?:vers|en route|en direction)\b", r"achemine", r"plus de casier")),
    (F.returning, [r"retour (?:a l'|vers l')?expediteur", r"en (?:cours de )?retour", r"(?:sera |est |il est )?retourne a l'expediteur",
                   r"retourne a l'expediteur", r"(?:renvoye|retourne|reexpedie)e? (?:a|vers) (?:l'expediteur|l'envoyeur|l'emetteur|son expediteur)",
                   r"retour (?:a|vers) l'envoyeur", r"\ben retour\b", r"\bretour en cours\b", r"renvoi (?:a|vers) l'expediteur"]),
    (F.lost, [r"\bperdue?\b", r"egare", r"\bvolee?\b", r"(?:colis|envoi) (?:est )?(?:manquant|introuvable)", r"\bspoli", r"\bperte\b", r"pas (?:pu )?(?:ete |etre )?retrouve"]),
    (F.refused, [r"refuse par (?:le )?destinataire", r"refus du destinataire", r"^colis refuse$", r"\brefusee?s?\b", r"\brefus\b"],
     (r"point relais", r"relais", r"consigne", r"casier", r"douan", r"\bexpedition\b")),
    (F.damaged_early, [r"deteriore"]),
    (F.address, [r"adresse .{0,25}(?:est |etant )?(?:incomplete|incorrecte|erronee|insuffisante|inconnue|introuvable|inexacte|illisible|invalide|inexistante)",
                 r"destinataire (?:inconnu|introuvable|demenage|decede)", r"\bdemenage\b", r"n'habite (?:pas|plus) a l'adresse", r"\bnpai\b",
                 r"defaut d'adressage", r"complement (?:d')?adresse", r"adresse (?:incomplete|incorrecte|erronee|inconnue|introuvable)",
                 r"boite aux lettres (?:non identifiable|inaccessible|introuvable|inexistante|absente|non accessible)",
                 r"(?:numero|rue|voie) (?:inexistante?|introuvable|inconnue?)"], (r"reachemine",)),
    (F.nobody, [r"destinataire (?:etait )?absent", r"\babsente?s?\b", r"avis de passage", r"\bavis (?:de livraison |de retrait )?laisse", r"absence du destinataire", r"\babsence\b",
                r"\bavise\b", r"destinataire (?:n'etait |etait )?(?:pas |non )present", r"(?:entreprise|societe|commerce|etablissement|magasin|bureau|destinataire) (?:est )?fermee?\b",
                r"\bfermeture\b"], (r"\bsms\b", r"e-?mail", r"courriel")),
    (F.failed, [r"tentative de livraison", r"pas (?:pu )?(?:ete |etre )?(?:livre|distribue)", r"non livre", r"echec de (?:la )?livraison",
                r"annonce pour retrait",
                r"ne peut (?:actuellement )?etre livre", r"n'a (?:pas )?pu etre (?:livre|remis)", r"livraison .{0,30}reportee",
                r"en attente d'instructions pour nouvelle livraison", r"informations complementaires pour nouvelle livraison",
                r"non distribuable", r"refuse par le point relais", r"trop volumineux", r"plus de casier", r"\bechec\b",
                r"(?:livraison|distribution|remise) impossible", r"non (?:livree?|distribuee?|remise?)\b", r"impossible de (?:livrer|distribuer)",
                r"acces (?:impossible|refuse|interdit)", r"(?:digicode|code d'acces|interphone)", r"non (?:reclamee?|retiree?|recuperee?)\b",
                r"pas ete (?:reclamee?|retiree?)\b", r"(?:nouvelle|deuxieme|seconde) (?:presentation|tentative)", r"en attente d'instructions?",
                r"boite aux lettres trop petite", r"(?:tente|essaye) de (?:vous )?(?:livrer|distribuer|remettre)",
                r"pas pu (?:vous )?(?:livrer|distribuer|remettre)\b",
                r"delai (?:de (?:mise a disposition|garde|retrait|instance) )?(?:expire|depasse|ecoule)",
                r"(?:livraison|distribution|remise) non effectuee", r"\binfructueuse?\b", r"(?:livraison|distribution|remise) a echoue", r"(?:livraison|distribution) (?:differee|ajournee)", r"\bnon distribue"]),
    (F.out_for_delivery, [r"en cours de livraison", r"en livraison", r"sera livre aujourd", r"en cours de distribution",
                          r"mise? en (?:distribution|livraison)", r"en tournee", r"(?:charge|embarque)e? (?:dans|sur) (?:le|un) (?:vehicule|camion)",
                          r"(?:avec|confie au|remis au) (?:le |notre |votre )?(?:livreur|facteur|chauffeur-livreur)", r"livreur (?:est )?en route",
                          r"en cours de remise", r"en route vers (?:votre|l') ?(?:adresse|domicile|destinataire)", r"^livraison en cours\b",
                          r"chargee? (?:pour|en) (?:la )?livraison", r"livreur (?:est )?en chemin", r"commence sa tournee",
                          r"tournee .{0,40}a commence", r"chargement dans le (?:vehicule|camion)"],
     (r"mettre en livraison", r"remise? en livraison", r"(?:relais|point|bureau|consigne|casier)")),
    (F.delivered, [r"(?:est|a ete|ont ete) (?:bien )?(?:livre|distribue|remis)", r"^livree?$", r"colis livre", r"remis au destinataire",
                   r"livraison effectuee", r"remis en main propre", r"depose dans (?:votre|la) boite aux lettres", r"^distribue$",
                   r"remis au gardien", r"remis a un voisin", r"livre au (?:gardien|voisin)", r"est livre",
                   r"retire par le destinataire", r"retrait effectue", r"colis livre au destinataire", r"\benvoi distribue\b",
                   r"^(?:envoi|commande|colis) (?:livree?|distribuee?)\b", r"livree? (?:a|au) (?:domicile|destinataire)",
                   r"\b(?:livree?s?|distribuee?s?)\b", r"(?:livraison|distribution|remise) (?:effectuee|reussie|realisee|terminee)",
                   r"(?:retire|recupere)e? par (?:le|la) (?:destinataire|client)", r"\bretiree? (?:au|en|dans|a la|a l'|par)", r"^(?:colis|envoi|article|commande) retiree?$",
                   r"retrait (?:du colis |de l'envoi |de la commande )?par (?:le|la) (?:destinataire|client)", r"depose (?:dans|en) (?:la |votre )?boite aux lettres", r"depose (?:en|dans un) lieu sur", r"depose dans (?:la|votre) case postale"],
     (r"(?:livree?|distribuee?) (?:a|au|aux|a la|a l') ?(?:transitaire|agence|depot|centre|plateforme|site|bureau d'echange|transporteur|partenaire|sous-traitant|hub)",
      r"a (?:etre )?livre", r"\bpret\b")),
    (F.damaged, [r"endommage", r"abime", r"deteriore", r"\bavarie\b", r"\bdetruit\b", r"\bcassee?s?\b", r"dechire", r"\bdegrade"]),
    (F.delayed, [r"retard", r"\bintemperies\b", r"\bgreve\b", r"\breprogrammee?\b"]),
    (F.exception, [r"incident", r"anomalie", r"prohibe", r"probleme en cours", r"retenu par nos services"], (r"dedouanement",)),
    (F.exception, [r"\bannulee?s?\b", r"\bannulation\b", r"\bsaisie?\b", r"confisque", r"\binterdit", r"marchandises? dangereuse",
                   r"\blitige\b", r"\bbloquee?\b", r"\bsuspendue?\b", r"(?:colis|envoi|contenu) (?:incomplet|ouvert)", r"\ben recherche\b",
                   r"recherches? en cours", r"\benquete\b", r"rencontr\w* (?:un|des) (?:problemes?|incidents?|soucis?|difficultes?)"], (r"douan", r"probleme resolu")),
    (F.departed, [r"a quitte le (?:pays d'(?:expedition|origine)|territoire)", r"quitte le pays d'origine", r"s'apprete a sortir du pays",
                  r"pret a partir de son territoire"]),
    (F.customs_released, [r"\bdedouanee?s?\b", r"dedouanement (?:termine|effectue|realise)", r"sorti de (?:la )?douane", r"sortie de douane"]),
    (F.customs_duties, [r"droits (?:et|de) (?:taxes|douane)", r"(?:payer|paiement) (?:des )?(?:droits|taxes)"]),
    (F.customs_info, [r"(?:informations?|documents?) (?:complementaires?|manquants?|requis)"]),
    (F.customs_held, [r"retenu (?:en|par la) douane", r"bloque en douane", r"retenu en douane"]),
    (F.customs, [r"douane", r"dedouanement"]),
    (F.arrived, [r"(?:arrive|arrivee) dans le pays (?:de destination|du destinataire)", r"(?:est arrive|arrive) en france",
                 r"sorti du bureau d'echange", r"quitte le bureau d'echange"]),
    (F.label, [r"(?:colis|envoi|commande) (?:est |a ete )?annoncee?\b", r"confirmation de preparation", r"donnees (?:d'expedition |de l'envoi |electroniques )?(?:recues|transmises)", r"prise de rendez-vous", r"informations? (?:de l'envoi |d'expedition |sur l'envoi )?(?:recues?|transmises?)", r"etiquette (?:d'expedition |de transport )?(?:creee|imprimee|editee|generee)",
               r"a cree (?:une |l')etiquette", r"etiquette creee", r"(?:colis|commande|envoi) enregistre"]),
    (F.picked_up, [r"pris en charge", r"remis (?:au transporteur|a la poste|a chronopost|au reseau)", r"\baccepte au bureau", r"depose (?:dans un point postal|au bureau de poste)", r"envoi depose"]),
])

__all__ = ["RULES", "VOCAB"]
