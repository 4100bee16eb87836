# ruff: noqa: E501  (a word list: one long string reads better than wrapped lines)
"""The words that mark a Latin-script text as English (see `lang.languages`); `en.VOCAB` is this list."""

VOCAB = """the has have been was were is are your item items package packages parcel parcels shipment delivered delivery deliver arrived arrival departed departure processed picked pickup facility customs
        clearance received returned return sender shipper recipient receiver attempt attempted exception scan origin destination transit label information available ready collection collected held
        hold office post courier driver vehicle notice left refused posted address damaged lost delay delayed accepted acceptance posting dispatch dispatched export import airline flight sorting sort
        center centre hub depot station order created shipping tendered carrier route our you will not unable successful successfully complete completed signed signature missed reached business closed
        redelivery consignee addressee handed over shipment's package's inbound outbound warehouse service cleared released charges duties payment awaiting waiting expected scheduled loaded van truck
        preload today tomorrow agent locker point collect investigation rescheduled upgrade intercept merchandise receiver's incorrect incomplete missing ups usps dhl fedex tnt gls dpd ems network trailer
        disruption hazardous material prohibited restricted commodity international contents shortage discovered reported fallout weather flight plane aircraft train railroad mechanical failure late
        early scheduled tendered route routed misrouted destroyed seized counterfeit postage alcohol security inspection government agency paid due charge billing label voided void manifest processing
        process sorted center facility approved submitted electronic partner agent final attempt attempts unsuccessful failure rejected refuse refusal consignee apartment suite floor street city state
        country postal code zip directions building directory vacant rural residence residential commercial front back door porch mailbox reception mail room desk garage neighbor neighbour left safe
        place signed proof pod released clearance broker importer exporter documents documentation invoice information required needed missing additional details contact requested request arranged
        assigned available unavailable closed holiday strike vacation moved unknown insufficient illegible damaged damage broken lost missing stolen delayed delay arrive arriving depart departing
        leaving left reached transfer transferred forwarded forward sent send shipped ship ships with without they their them this that these those and for from into onto upon via over under after
        before while during then than also only just still yet soon now today tonight item's parcel's consolidated consolidation export exported imported bond presented inward outward exchange
        dispatched despatch despatched landed departed arrived handover handed formalities progress such number undeliverable notification customer collect forwarding abroad vacant letter dead started
        clearing declaration driver ready pick deceased missent misdirected missorted receptacle acknowledgement redirected redirection concierge superintendent mailroom lodged parcelshop unclaimed
        being location access may because day next foreign time update made notify retained failed way second confirmed days accept airport working obtain updated upgraded original corrected saturday
        sunday future found once caused discarded make within contains contained cannot secure goods alternate new can provided off issues reasons consignment call assistance preference its release
        pending which must schedule either further instructions expired preferred ground duty severe correct tracking exceeds authorized circumstances incorrectly tried receive receiving does check
        emergency postman doorstep arrives coming going resolved problem issue recall recalled oversized overweight blocked full notified collecting attempting dropped drop reaching unloaded backlog
        downgrade aircraft traffic pallet collapsed discrepancy excursion temperature equipment malfunction accident bumped passenger perishables booking honored honoured lading vessel pier forwarder
        error derailment crew door desk person rear inside met majeure cut-off overage disposition cnee miscode disposed dispose locate stored timeframe
        undelivered other canceled cancelled cancellation missort stopped theft money excess weight measures record generated manifested despatching rto ofd
        ndr returns consignor seller success lack first"""

__all__ = ["VOCAB"]
