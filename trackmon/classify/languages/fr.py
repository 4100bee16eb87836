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
        rendez commande preparation annonce recupere relais complement"""

RULES = table("fr", [
    (F.returned, [r"(?:remis|livre|distribue) a l'expediteur"]),
    (F.sender_attempt, [r"en (?:cours de )?preparation chez (?:votre |l')expediteur", r"l'expediteur (?:prepare|a prepare)",
                        r"pret a etre expedie", r"pas encore (?:ete )?(?:pris en charge|remis)", r"(?:envoi|colis) pret chez l'expediteur",
                        r"(?:va etre|pu etre) recupere(?: car il n'etait pas present)? dans (?:votre|la) boite", r"commande en preparation",
                        r"va bientot nous etre confie", r"declaratif receptionne", r"expedition groupee",
                        r"preparation par (?:votre |l')expediteur"]),
    (F.sender_collected, [r"enlevement realise chez l'expediteur", r"remis par le relais pickup au chauffeur", r"depose(?: par l'expediteur| au bureau de poste d'expedition)"]),
    (F.neutral_early, [r"en cours de livraison (?:en|au|dans le|dans votre) (?:point (?:de )?retrait|relais)", r"livre au transitaire",
                       r"en cours de livraison dans le bureau de poste", r"reexpedie au domicile", r"adresse au domicile",
                       r"livraison prevue", r"pret a etre livre", r"livraison (?:a domicile|a un bureau)", r"reponse donnee par le destinataire",
                       r"instruction de livraison recue", r"nouveau point de livraison", r"livraison est actuellement suspendue",
                       r"en attente de distribution"], (r"deteriore", r"endommage"), ""),
    (F.locker, [r"\bconsigne\b", r"\bcasier\b", r"cityssimo", r"locker", r"automate"],
     (r"retire", r"remis au destinataire", r"echec", r"plus de casier", r"trop volumineux", r"refuse", r"ne peut", r"n'a pas pu")),
    (F.point, [r"point (?:de )?(?:retrait|relais)", r"relais pickup", r"chez le commercant", r"autre commercant", r"point retrait",
               r"disponible (?:dans votre |au |en )relais"],
     (r"remis au destinataire au point", r"refuse", r"trop volumineux", r"ne peut", r"n'a pas pu", r"ferme")),
    (F.post_office, [r"disponible (?:dans|en|au|a) (?:votre )?(?:bureau|point|agence)", r"(?:a|au) retirer", r"en instance",
                     r"attend d'etre retire", r"disponible au retrait", r"en attente d'etre retire", r"a disposition (?:en|dans|du destinataire)",
                     r"vous attend", r"(?:pret a|peut) etre retire"], (r"annonce pour retrait",)),
    (F.returning, [r"retour (?:a l'|vers l')?expediteur", r"en (?:cours de )?retour", r"(?:sera |est |il est )?retourne a l'expediteur",
                   r"retourne a l'expediteur"]),
    (F.lost, [r"\bperdu\b", r"egare", r"\bvole\b"]),
    (F.refused, [r"refuse par (?:le )?destinataire", r"refus du destinataire", r"^colis refuse$"], (r"point relais",)),
    (F.damaged_early, [r"deteriore"]),
    (F.address, [r"adresse .{0,25}(?:est |etant )?(?:incomplete|incorrecte|erronee|insuffisante)", r"destinataire inconnu",
                 r"defaut d'adressage", r"complement (?:d')?adresse"], (r"reachemine",)),
    (F.nobody, [r"destinataire (?:etait )?absent", r"\babsent\b", r"avis de passage", r"absence du destinataire"]),
    (F.failed, [r"tentative de livraison", r"pas (?:pu )?(?:ete |etre )?(?:livre|distribue)", r"non livre", r"echec de (?:la )?livraison",
                r"annonce pour retrait",
                r"ne peut (?:actuellement )?etre livre", r"n'a (?:pas )?pu etre (?:livre|remis)", r"livraison .{0,30}reportee",
                r"en attente d'instructions pour nouvelle livraison", r"informations complementaires pour nouvelle livraison",
                r"non distribuable", r"refuse par le point relais", r"trop volumineux", r"plus de casier", r"\bechec\b",
                r"(?:livraison|distribution|remise) impossible"]),
    (F.out_for_delivery, [r"en cours de livraison", r"en livraison", r"sera livre aujourd", r"en cours de distribution",
                          r"mis en distribution", r"en tournee"], (r"mettre en livraison",)),
    (F.delivered, [r"(?:est|a ete|ont ete) (?:bien )?(?:livre|distribue|remis)", r"^livree?$", r"colis livre", r"remis au destinataire",
                   r"livraison effectuee", r"remis en main propre", r"depose dans (?:votre|la) boite aux lettres", r"^distribue$",
                   r"remis au gardien", r"remis a un voisin", r"livre au (?:gardien|voisin)", r"est livre",
                   r"retire par le destinataire", r"retrait effectue", r"colis livre au destinataire", r"\benvoi distribue\b",
                   r"^(?:envoi|commande|colis) (?:livree?|distribuee?)\b", r"livree? (?:a|au) (?:domicile|destinataire)"]),
    (F.damaged, [r"endommage", r"abime", r"deteriore", r"\bavarie\b", r"\bdetruit\b"]),
    (F.delayed, [r"retard"]),
    (F.exception, [r"incident", r"anomalie", r"prohibe", r"probleme en cours", r"retenu par nos services"], (r"dedouanement",)),
    (F.departed, [r"a quitte le (?:pays d'(?:expedition|origine)|territoire)", r"quitte le pays d'origine", r"s'apprete a sortir du pays",
                  r"pret a partir de son territoire"]),
    (F.customs_released, [r"\bdedouanee?s?\b", r"dedouanement (?:termine|effectue|realise)", r"sorti de (?:la )?douane", r"sortie de douane"]),
    (F.customs_duties, [r"droits (?:et|de) (?:taxes|douane)", r"(?:payer|paiement) (?:des )?(?:droits|taxes)"]),
    (F.customs_info, [r"(?:informations?|documents?) (?:complementaires?|manquants?|requis)"]),
    (F.customs_held, [r"retenu (?:en|par la) douane", r"bloque en douane", r"retenu en douane"]),
    (F.customs, [r"douane", r"dedouanement"]),
    (F.arrived, [r"(?:arrive|arrivee) dans le pays (?:de destination|du destinataire)", r"(?:est arrive|arrive) en france",
                 r"sorti du bureau d'echange", r"quitte le bureau d'echange"]),
    (F.label, [r"colis (?:est |a ete )?annonce", r"prise de rendez-vous", r"informations? (?:recues?|transmises?)", r"etiquette creee", r"(?:colis|commande|envoi) enregistre"]),
    (F.picked_up, [r"pris en charge", r"depose (?:dans un point postal|au bureau de poste)", r"envoi depose"]),
])

__all__ = ["RULES", "VOCAB"]
