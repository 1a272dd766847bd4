from django.db import models


class Force(models.Model):
    """A police force: the 45 territorial forces of the UK, plus British Transport Police."""

    # Null for special forces (British Transport Police), which have no police force area.
    ons_code = models.CharField("ONS code", max_length=9, unique=True, null=True, blank=True)
    short_name = models.CharField(max_length=100)
    name = models.CharField(max_length=150)
    police_uk_id = models.SlugField("data.police.uk id", max_length=60, unique=True)
    country = models.CharField(max_length=30, blank=True)
    territorial = models.BooleanField(default=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
