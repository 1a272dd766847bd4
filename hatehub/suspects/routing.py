"""Which route an identification request must take (pure: no Django).

DOMAIN.md section 10: communications data requests go through a single point of contact under the
Investigatory Powers Act 2016 Part 3; for US platforms, the UK-US Data Access Agreement (serious
crime only) or mutual legal assistance; accounts abroad are passed to the relevant country's
police (at Euro 2020, 123 of 207 criminal cases).

The rules, in order (the first that applies decides):
1. The account holder is believed to be outside the UK: pass the case to that country's police.
   The hub does not investigate a person abroad itself.
2. The provider's country is not known: find out first (its law enforcement guidelines).
3. The provider is in the UK: a Part 3 request direct to the provider.
4. The provider is in the US and the offence is serious crime: the UK-US Data Access Agreement.
   The Agreement defines serious crime as an offence punishable by a maximum term of
   imprisonment of at least three years, and an order under it may not target a US person or
   a person in the US: the SPoC confirms both.
5. Anywhere else (a US provider for an offence below that threshold, or a provider in another
   country): mutual legal assistance, through the UK Central Authority.

This is advice the SPoC sees and the request records, never a decision the software makes alone.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml

DOMESTIC = "ipa_part3_direct"
UK_US_DAA = "uk_us_daa"
MLA = "mutual_legal_assistance"
FOREIGN_POLICE = "foreign_police"
UNDETERMINED = "undetermined"

LABELS = {
    DOMESTIC: "Part 3 request direct to the provider (UK provider)",
    UK_US_DAA: "UK-US Data Access Agreement",
    MLA: "Mutual legal assistance",
    FOREIGN_POLICE: "Pass to the other country's police",
    UNDETERMINED: "Route not known yet: find where the provider is",
}

UK = "GB"
US = "US"
SOURCE = "DOMAIN.md section 10 (Investigatory Powers Act 2016 Part 3; UK-US Data Access Agreement)"

PROVIDERS_FILE = Path(__file__).with_name("data") / "provider_jurisdictions.yaml"


@dataclass(frozen=True)
class Facts:
    provider_country: str | None  # ISO 3166 alpha-2 of the company holding the data
    holder_location: str  # "uk" | "abroad" | "unknown"
    holder_country: str = ""  # as given, when abroad
    serious_crime: bool = False  # punishable by at least three years' imprisonment


@dataclass(frozen=True)
class Route:
    code: str
    reason: str
    conditions: tuple[str, ...] = field(default=())
    source: str = SOURCE

    @property
    def label(self) -> str:
        return LABELS[self.code]

    @property
    def explanation(self) -> str:
        return " ".join((self.reason, *self.conditions))


def _country(code: str | None) -> str | None:
    code = (code or "").strip().upper()
    return code or None


def decide(facts: Facts) -> Route:
    provider = _country(facts.provider_country)
    if facts.holder_location == "abroad":
        where = facts.holder_country.strip() or "the country they are in"
        conditions: tuple[str, ...] = ()
        if provider == US:
            conditions = (
                "The UK-US Data Access Agreement cannot be used to target a person in the US.",
            )
        return Route(
            FOREIGN_POLICE,
            f"The account holder is believed to be outside the UK ({where}): pass the case to "
            "that country's police through the international channels.",
            conditions,
        )
    if provider is None:
        return Route(
            UNDETERMINED,
            "The country of the company that holds the account's data is not known: check the "
            "platform's law enforcement guidelines, then choose it.",
        )
    if provider == UK:
        return Route(DOMESTIC, "The provider is in the UK: send the Part 3 request to it directly.")
    if provider == US and facts.serious_crime:
        return Route(
            UK_US_DAA,
            "The provider is in the US and the offence is serious crime (punishable by at least "
            "three years' imprisonment).",
            (
                "Confirm the account holder is not a US person and not in the US: an order under "
                "the Agreement may not target them.",
            ),
        )
    if provider == US:
        return Route(
            MLA,
            "The provider is in the US but the offence is below the Data Access Agreement's "
            "serious crime threshold (at least three years' imprisonment): use mutual legal "
            "assistance.",
        )
    return Route(
        MLA,
        f"The provider is outside the UK and the US ({provider}): use mutual legal assistance.",
    )


@dataclass(frozen=True)
class Provider:
    country: str
    entity: str


@dataclass(frozen=True)
class ProviderTable:
    version: int
    source: str
    last_checked: date
    providers: dict[str, Provider]

    def country_of(self, platform: str) -> str:
        provider = self.providers.get((platform or "").lower())
        return provider.country if provider else ""


class ProviderTableError(ValueError):
    pass


def parse_provider_table(text: str) -> ProviderTable:
    data = yaml.safe_load(text) or {}
    try:
        providers = {
            str(name).lower(): Provider(country=entry["country"], entity=entry["entity"])
            for name, entry in (data["providers"] or {}).items()
        }
        table = ProviderTable(
            version=int(data["version"]),
            source=str(data["source"]),
            last_checked=data["last_checked"],
            providers=providers,
        )
    except (KeyError, TypeError) as missing:
        raise ProviderTableError(f"provider table is missing {missing}") from missing
    if not isinstance(table.last_checked, date):
        raise ProviderTableError("provider table: last_checked must be a date")
    for name, provider in providers.items():
        if len(provider.country) != 2 or not provider.country.isalpha():
            raise ProviderTableError(f"provider {name}: country must be a two-letter code")
    return table


@cache
def provider_table() -> ProviderTable:
    return parse_provider_table(PROVIDERS_FILE.read_text(encoding="utf-8"))
