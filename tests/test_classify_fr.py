"""French rule families (La Poste / Colissimo, Chronopost, Mondial Relay, Relais Colis, Colis Privé,
bpost, Swiss Post, Canada Post) on real carrier wordings from the corpus' TRAIN split
(data/corpus/events/fr.csv; held-out rows are never used here)."""

from __future__ import annotations

import pytest

from tests.classify_corpus import checker
from trackmon.domain import Status, SubStatus

S, U = Status, SubStatus
check = checker("fr")

CASES = [
    # general forms of the failed-attempt and refusal families (Colis Privé wording fragments)
    ("nous avons tenté de livrer", S.delivery_failed, "any"),
    ("n'avons pas pu livrer", S.delivery_failed, "any"),
    ("refusé", S.delivery_failed, U.refused),
    # a relay refusing the parcel is a failed attempt, not the recipient's refusal
    ("Colis refusé par le point relais car il est en surcharge", S.delivery_failed, "any"),
    # handed over at the relay, and the out-for-delivery / pickup-point families
    ("vous a été remis au relais", S.delivered, "any"),
    ("a été livré", S.delivered, "any"),
    ("en cours de distribution par le livreur", S.out_for_delivery, "any"),
    ("disponible en point relais", S.available_for_pickup, U.pickup_point),
    # on its way to the pickup point, or to be dropped off there: not yet available
    ("Votre colis est en cours de livraison en point de retrait.", S.in_transit, None),
    ("va être prochainement déposé", S.in_transit, None),
    # the sender side: prepared, announced, a pickup from the sender's letterbox planned or missed
    ("Votre Colissimo va bientôt nous être confié ! Il est en cours de préparation chez votre expéditeur.",
     S.info_received, U.label_created),
    ("Colis prêt chez l'expéditeur", S.info_received, U.label_created),
    ("Votre colis va être récupéré dans votre boite aux lettres aujourd'hui.", S.info_received, U.label_created),
    ("Votre colis n'a pas pu être récupéré car il n'était pas présent dans la boite à lettres. Vous pouvez le "
     "déposer en bureau en poste ou chez un commerçant du réseau La Poste.", S.info_received, U.label_created),
    ("Votre colis a été annoncé", S.info_received, U.label_created),
    ("Prise de rendez-vous", S.info_received, U.label_created),
    ("Commande en préparation", S.info_received, U.label_created),
    # collected from the sender, or dropped off by them
    ("Colis déposé par l'expéditeur", S.in_transit, U.picked_up),
    ("Colis pris en charge dans notre réseau", S.in_transit, U.picked_up),
    # pickup points, lockers, post offices
    ("Disponible au relais", S.available_for_pickup, U.pickup_point),
    ("Votre colis est disponible dans votre Relais Colis", S.available_for_pickup, U.pickup_point),
    ("Envoi mis à disposition au point de retrait", S.available_for_pickup, U.pickup_point),
    ("Disponible en consigne", S.available_for_pickup, U.pickup_locker),
    ("Votre colis est à disposition en boîte postale", S.available_for_pickup, U.pickup_post_office),
    ("Colis à disposition du destinataire pendant 10 jours dans un site postal autre que choisi.",
     S.available_for_pickup, U.pickup_post_office),
    # on its way to a pickup point is not yet there
    ("Votre colis est en cours de livraison dans votre Relais Colis", S.in_transit, None),
    # out for delivery
    ("Mis en livraison", S.out_for_delivery, "any"),
    ("Envoi en cours de livraison", S.out_for_delivery, "any"),
    # delivered; handed to a forwarder is not delivered
    ("Envoi distribué", S.delivered, "any"),
    ("Votre colis a été remis à un voisin", S.delivered, "any"),
    ("Colis livré au transitaire.", S.in_transit, None),
    # back with the sender vs. on the way back
    ("Le colis est livré à l'expéditeur suite à un retour", S.returned, U.returned),
    ("Le colis est retourné à l'expéditeur suite à un refus du destinataire", S.returning, U.returning),
    # failed attempts
    ("Votre colis n'a pas pu être distribué par manque d'information. Merci de prendre contact avec notre Service "
     "Client via le formulaire disponible sur Internet, afin de fournir les compléments nécessaires",
     S.delivery_failed, "any"),
    ("COMPLEMENT ADRESSE", S.delivery_failed, U.bad_address),
    ("Colis refusé", S.delivery_failed, U.refused),
    ("La livraison de votre colis a été reportée pour absence du destinataire ou cas de force majeure",
     S.delivery_failed, U.nobody_home),
    ("La livraison de votre colis a été reportée pour fermeture ou accès impossible.", S.delivery_failed, "any"),
    # a notice left after a missed attempt: the attempt failed (the post office wording comes after)
    ("Annoncé pour retrait (invitation à retirer un envoi)", S.delivery_failed, "any"),
    # exceptions
    ("Colis perdu", S.exception, U.lost),
    ("Colis retardé durant l'acheminement", S.exception, U.delayed),
    ("Anomalie", S.exception, U.other),
    # customs stages stay in transit
    ("Retenu en Douane", S.in_transit, U.customs_held),
    ("Votre colis est sorti de la douane.", S.in_transit, U.customs_released),
    # announced or planned deliveries are not deliveries
    ("Votre colis est en attente de distribution et sera livré prochainement.", S.in_transit, None),
    ("Votre colis est prêt à être livré", S.in_transit, None),
    # one phrase per family reads several carriers: a delivery negated in any tense or word order
    ("N'a pas pu être livré", S.delivery_failed, "any"),
    ("Votre colis n'a pu être livré. Le destinataire peut nous faire part de son choix de livraison aujourd'hui "
     "jusqu'à minuit en cliquant ici.", S.delivery_failed, "any"),
    ("Votre colis ne peut être livré ce jour, l’accès à l’adresse de livraison étant impossible. Il sera remis en "
     "livraison au plus tôt.", S.delivery_failed, "any"),
    ("Non distribuable", S.delivery_failed, "any"),
    ("Échec de livraison", S.delivery_failed, "any"),
    ("En attente d'informations complémentaires pour nouvelle livraison", S.delivery_failed, "any"),
    ("La livraison de votre colis a été reportée pour accès impossible.", S.delivery_failed, "any"),
    # a pickup point or locker with no room: a failed attempt
    ("Colis trop volumineux pour le casier ou pour le point relais choisi", S.delivery_failed, "any"),
    # the address family in either word order, the nobody-home family in both genders
    ("Adresse incorrecte", S.delivery_failed, U.bad_address),
    ("L'adresse de votre colis est incomplète, nous recherchons la partie non renseignée pour le livrer.",
     S.delivery_failed, U.bad_address),
    ("Echec de livraison suite à l'absence du destinataire.", S.delivery_failed, U.nobody_home),
    ("Envoi présenté à l'adresse indiquée mais destinataire absent", S.delivery_failed, U.nobody_home),
    # going back to the sender, as a noun or a participle
    ("Retour expéditeur", S.returning, U.returning),
    ("Colis en retour expéditeur", S.returning, U.returning),
    ("Retour à l'expéditeur", S.returning, U.returning),
    ("Votre colis n'a pas été retiré dans les délais impartis , il est retourné à l'expéditeur.",
     S.returning, U.returning),
    ("Le colis ne peut être livré dans un automate de retrait Cityssimo en raison de l’absence de coordonnées du "
     "destinataire. Le colis sera retourné à l’expéditeur.", S.returning, U.returning),
    # handed over to the recipient or a neighbour, collected at the point
    ("Colis remis au destinataire au point de retrait.", S.delivered, "any"),
    ("Votre colis a été remis au gardien ou à l'accueil.", S.delivered, "any"),
    ("Livraison effectuée", S.delivered, "any"),
    ("Retrait effectué", S.delivered, "any"),
    ("Retiré par le destinataire", S.delivered, "any"),
    ("Votre colis est livré mais le destinataire a signalé un emballage fortement dégradé.", S.delivered, "any"),
    # waiting for pickup, whatever the place
    ("Disponible dans votre Point Relais", S.available_for_pickup, U.pickup_point),
    ("Envoi en instance au point de retrait", S.available_for_pickup, U.pickup_point),
    ("Votre colis est disponible au bureau de poste. Le destinataire une fois l'avis d'instance reçu, dispose de 15 "
     "jours consécutifs pour retirer le colis sur présentation d'une pièce d'identité.",
     S.available_for_pickup, U.pickup_post_office),
    ("En attente d'être retiré au guichet", S.available_for_pickup, U.pickup_post_office),
    # not yet at the point, or redirected from it: ordinary scans
    ("Votre colis ne peut être livré dans le point de retrait choisi. Le destinataire sera informé du nouveau point "
     "de livraison.", S.in_transit, None),
    ("Le colis ne peut être livré dans l’automate de retrait Cityssimo : sa taille n’est pas adaptée au casier. Il "
     "sera adressé au domicile du Destinataire.", S.in_transit, None),
    ("La livraison est actuellement suspendue sur ce secteur. Le colis sera mis à disposition du destinataire dans "
     "son bureau de poste habituel.", S.in_transit, None),
    ("Votre colis est déterioré et ne peut être livré dans un espace Cityssimo, il est rééxpédié au domicile du "
     "destinataire.", S.exception, U.damaged),
    # the sender side: not handed over yet, data received, shipment registered
    ("Votre colis n'a pas encore été remis à La Poste par l'expediteur.", S.info_received, U.label_created),
    ("Votre colis est prêt à être expédié, il n'est pas encore pris en charge par La Poste.",
     S.info_received, U.label_created),
    ("Déclaratif réceptionné", S.info_received, U.label_created),
    ("Information transmise par l'expéditeur", S.info_received, U.label_created),
    ("Étiquette créée", S.info_received, U.label_created),
    ("Colis enregistré", S.info_received, U.label_created),
    ("Colis faisant partie d'une expédition groupée", S.info_received, U.label_created),
    ("Votre colis a été déposé au bureau de poste d'expédition", S.in_transit, U.picked_up),
    # out for delivery, departures and arrivals, exceptions
    ("Commande en livraison", S.out_for_delivery, "any"),
    ("Votre colis s'apprête à sortir du pays d'origine", S.in_transit, U.departed_origin),
    ("Votre colis est prêt à partir de son territoire d’expédition. Il va être remis au transporteur pour son "
     "acheminement.", S.in_transit, U.departed_origin),
    ("Colis entré dans le pays de destination", S.in_transit, U.arrived_destination),
    ("Incident", S.exception, U.other),
    ("Problème en cours", S.exception, U.other),
    ("Problème résolu", S.in_transit, None),
    ("Identification du contenu de votre colis en cours, il est retenu par nos services", S.exception, U.other),
    ("Le contenu de votre colis est prohibé dans le pays de destination, il est retenu en douane. Etude du dossier "
     "par la douane", S.exception, "any"),
    ("Vos colis sont retenus en douane. Le nombre de colis ne correspond pas à la déclaration. Etude du dossier par "
     "la douane", S.in_transit, U.customs_held),
    ("Dédouanement accompli", S.in_transit, U.customs_released),
    # Canada Post's fixed-length texts abbreviate the sender ("l'exp.", "l'expéd."): still a return
    ("Refusé par les Douanes. Info de l'exp. inacceptable. Article retourné à l'exp.", S.returning, U.returning),
    ("Article int. renvoyé à l'expéd.; étiquette d'expédition inexacte ou manquante", S.returning, U.returning),
    # on the way back, or an attempt to bring it back, is a return; sent back successfully is final
    ("L'article a été retourné et est en route à l'Expéditeur", S.returning, U.returning),
    ("Tentative de renvoyer article à expéditeur. Carte laissée indiquant où ramasser.", S.returning, U.returning),
    ("L'article renvoyé à l'expéditeur est sorti pour livraison.", S.returning, U.returning),
    ("L'article a été renvoyé avec succès à l'expéditeur.", S.returned, U.returned),
    # a redirection that failed, a processing error, a parcel disposed of: exceptions
    ("L'article n'a pas pu être redirigé", S.exception, U.other),
    ("Article réacheminé en raison d'une erreur de traitement; Délai possible", S.exception, "any"),
    ("Période d'attente a expiré; Article a été éliminé", S.exception, U.other),
    # a possible delay, a delivery postponed or late (an attempt that failed stays a failed attempt)
    ("Vérification de l'adresse du destinataire; délai possible", S.exception, U.delayed),
    ("La livraison de l'article est reportée au jour ouvrable suivant.", S.exception, U.delayed),
    ("Livraison reportée au prochain jour ouvrable", S.exception, U.delayed),
    ("Interruption de travail touchant cet emplacement; article en retard", S.exception, U.delayed),
    ("Tentative de livraison. Reportée au jour ouvrable suivant.", S.delivery_failed, "any"),
    # held at the recipient's request (abbreviated) is not a problem
    ("Article arrivé à l'installation postale. Article retenu à la demande du dest.", S.in_transit, "any"),
    # delivered into the recipient's own box, to the recipient's partner, or a signature on record
    ("Livré à la boîte postale communautaire ou à l'casier à colis", S.delivered, "any"),
    ("Livré au partenaire de livraison du destinataire", S.delivered, "any"),
    ("Livré à la porte avant du destinataire", S.delivered, "any"),
    ("Image de la signature enregistrée pour consultation en ligne", S.delivered, "any"),
    # "sorti pour livraison": out for delivery
    ("Sorti pour livraison", S.out_for_delivery, "any"),
    ("Article sorti pour livraison", S.out_for_delivery, "any"),
    # Canadian "ramassage": waiting for pickup
    ("Envoi disponible pour le ramassage", S.available_for_pickup, "any"),
    ("Article peut être ramassé au bureau de poste", S.available_for_pickup, "any"),
    # preparing an export is the carrier's stage, not the sender's preparation
    ("Article du régime international en préparation pour fins d'exportation", S.in_transit, "any"),
    # the shipper's electronic data submitted
    ("Les renseignements électroniques ont été soumis par l'expéditeur", S.info_received, U.label_created),
    # the Relais Colis network's own scans (its name is not a pickup point)
    ("Colis en transit entre les sites Relais Colis.", S.in_transit, "any"),
    ("Votre colis est pris en charge par le Relais Colis", S.in_transit, U.picked_up),
    ("Colis déposé dans le Relais", S.in_transit, U.picked_up),
]


@pytest.mark.parametrize(("text", "status", "sub"), CASES)
def test_french_families(text: str, status: Status, sub: SubStatus | str | None) -> None:
    check(text, status, sub)
