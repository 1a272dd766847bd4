"""Sent with `message=<OutboxMessage>` inside the transaction that records the outcome."""

from django.dispatch import Signal

message_sent = Signal()
message_failed = Signal()
