"""The states of a buyer message in the outbox and of a digest run (one definition each).

They are contracts: stored in the database, filtered on by `trackmon outbox list --state`, the
API and the console, and exported as the ``state`` label of the outbox metric.
"""

from __future__ import annotations

from enum import StrEnum


class MessageState(StrEnum):
    queued = "queued"          # waiting for its time (and the buyer's daytime)
    sending = "sending"        # claimed by one dispatcher under a lease
    sent = "sent"
    failed = "failed"          # gave up after retries, or refused by the server: an operator may retry
    superseded = "superseded"  # replaced by a more important message, or no longer true
    disabled = "disabled"      # its kind is not in messaging.enabled_kinds
    skipped = "skipped"        # a seller marked a manual message as not sent
    opted_out = "opted_out"    # the buyer unsubscribed from the store's emails


S = MessageState

#: Every state, in the order operators read them.
ALL_STATES: tuple[MessageState, ...] = tuple(MessageState)
#: Told, or about to be told: counts for "never twice" and the weekly cap.
ACTIVE_STATES: tuple[MessageState, ...] = (S.queued, S.sending, S.sent)
#: States an operator may put back in the queue.
RETRYABLE_STATES: tuple[MessageState, ...] = (S.failed, S.superseded, S.disabled)
#: How a seller closes a manual (no-email) message.
MANUAL_MARKS: tuple[MessageState, ...] = (S.sent, S.skipped)


class DigestRunState(StrEnum):
    claimed = "claimed"   # one replica is building and sending it
    sent = "sent"
    failed = "failed"
    empty = "empty"       # nothing to tell: recorded so the period is not sent twice


#: A digest period that is finished: never built again.
DIGEST_DONE_STATES: tuple[DigestRunState, ...] = (DigestRunState.sent, DigestRunState.empty)

__all__ = ["ACTIVE_STATES", "ALL_STATES", "DIGEST_DONE_STATES", "MANUAL_MARKS", "RETRYABLE_STATES",
           "DigestRunState", "MessageState"]
