from __future__ import annotations

from django.db import models

from advisor.assessments.models import Assessment


class IdempotentCreation(models.Model):
    """An assessment created by POST /api/v1/assessments under an Idempotency-Key.

    Keys belong to the client that sent them (its address, as the rate limits see it), so
    nobody can collect another client's edit link by guessing its key; the body's digest tells a
    retry from a different request under the same key.
    """

    client = models.CharField(max_length=45)
    key = models.CharField(max_length=255)
    body_digest = models.CharField(max_length=64)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "key"], name="one_creation_per_client_key")]

    def __str__(self) -> str:
        return self.key
