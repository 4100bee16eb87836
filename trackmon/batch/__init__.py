"""Set-based ingest of a batch of carrier answers (the poller's path).

`settle.settle_answers` reads the batch once per table (lease-held shipments with their
orders' other parcels, orders, alerts, stored events of the parcels whose answer changed),
runs the same pure steps as the per-parcel path (`ingest`: merge, derive the state, detect,
sync alerts; `messaging.planner.plan_order`) in memory, and writes each table with one
statement (`writes`). The per-parcel path (`ingest.ingest_snapshot`) stays for single
parcels: webhooks, `trackmon check`, and a batch whose bulk write was refused (the poller
then stores it parcel by parcel, each in its own savepoint, so the offending one is backed
off alone).

One difference from storing parcel by parcel: an order with several parcels in one batch is
detected and planned once, after all of them are stored (parcel by parcel, it was planned
after each, the first time with its sibling's old state).
"""
