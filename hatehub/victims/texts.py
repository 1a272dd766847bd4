"""The words of every Victims' Code message, in English and Welsh (pure data, no Django).

Plain English (GOV.UK style: short sentences, "we" and "you", no jargon). The Welsh is the
project's own translation and must be checked by a Welsh translator before a force relies on it
(docs/victims.md). Placeholders are ``{name}``-style and must be in ``PLACEHOLDERS``; a test
renders every event, outcome and explanation in both languages and fails on any left over.
"""

from __future__ import annotations

LANGUAGES = ("en", "cy")

#: Every placeholder a text may use, with what fills it (see messages.MessageContext).
PLACEHOLDERS = {
    "name": "the reporter's name, if given",
    "reference": "the report's reference",
    "date": "the day the report was received",
    "force": "the force dealing with it, or 'the police'",
    "sender": "the hub or force the message is from",
    "track_link": "a single-use Track my report link (added when the message is sent)",
    "report_url": "where to report again",
    "review_closes": "last day to ask for a Victims' Right to Review",
    "support_service": "the support service the details went to",
    "release_terms": "on what terms a suspect was released",
    "review_result": "the result of a Right to Review",
    "explanation": "the officer's own explanation",
}

#: Why no further action is possible: the explanations the officer chooses between.
NFA_REASONS = (
    "suspect_not_identified",
    "suspect_abroad",
    "not_criminal",
    "platform_removed",
    "other",
)
NFA_REASON_LABELS = {
    "suspect_not_identified": "Suspect not identified",
    "suspect_abroad": "Suspect lives abroad",
    "not_criminal": "Content is offensive but not criminal",
    "platform_removed": "Platform removed it; no one to act against",
    "other": "Another reason (write it)",
}

_MONTHS_CY = (
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
)  # fmt: skip


def format_date(day, language: str) -> str:
    """26 November 2026 / 26 Tachwedd 2026."""
    if language == "cy":
        return f"{day.day} {_MONTHS_CY[day.month - 1]} {day.year}"
    return f"{day.day} {day:%B %Y}"


TEXTS: dict[str, dict] = {
    "en": {
        "greeting_named": "Dear {name},",
        "greeting": "Hello,",
        "subject": "Update on your report {reference}",
        "subject_received": "We have received your report {reference}",
        "subject_discreet": "Update about reference {reference}",
        "hub": "Online Hate Crime Hub",
        "the_police": "the police",
        "release_terms": "while the police continue their enquiries",
        "review_result": "The reasons for the result are below.",
        "events": {
            "report_received": (
                "Thank you for reporting online hate. We received your report on {date}. "
                "A police officer at the Online Hate Crime Hub will look at it and decide what "
                "happens next. We will tell you about every important decision."
            ),
            "decision_to_record": (
                "We have looked at your report and recorded it as a crime. It will be looked "
                "into by {force}. We will tell you when there is news."
            ),
            "decision_not_to_record": (
                "We have looked carefully at your report. We have decided not to record it as "
                "a crime."
            ),
            "decision_not_to_investigate": (
                "We have decided that the police will not investigate your report any further."
            ),
            "allocated_to_force": (
                "Your report has been passed to {force}, the police force that will look into "
                "it. They will contact you if they need to know more."
            ),
            "transferred_to_force": (
                "Your report has been moved to {force}, because they are the right police force "
                "to deal with it."
            ),
            "suspect_identified": (
                "We have identified a person we think may be responsible. We will tell you what "
                "happens next."
            ),
            "suspect_arrested": "A person has been arrested in connection with your report.",
            "suspect_interviewed": "The police have interviewed a person about your report.",
            "suspect_charged": (
                "A person has been charged with an offence in connection with your report. The "
                "case will now go to court. We will tell you what happens next, including the "
                "dates of any court hearings."
            ),
            "suspect_released": (
                "A person who was arrested in connection with your report has been released "
                "{release_terms}."
            ),
            "outcome": "The police have finished dealing with your report. The result is:",
            "support_referral": (
                "As you asked, we have passed your details to {support_service}. They will "
                "contact you to offer free and confidential help. You can tell them if you do "
                "not want their help."
            ),
            "right_to_review_acknowledge": (
                "We have received your request for a review of the decision about your report. "
                "An officer who was not part of the first decision will review it. We will tell "
                "you the result."
            ),
            "right_to_review_decision": (
                "The review of the decision about your report is complete. {review_result}"
            ),
        },
        "outcomes": {
            1: (
                "A person has been charged or summonsed to court for the offence you reported. "
                "We will tell you about court dates and what happens next."
            ),
            2: (
                "The person responsible, who is under 18, has been given a youth caution. This "
                "is a formal warning. It stays on police records."
            ),
            3: (
                "The person responsible has been given an adult caution. This is a formal "
                "warning. They admitted the offence, and it stays on their police record."
            ),
            4: (
                "The person responsible admitted this offence and asked the court to take it "
                "into account when sentencing them for another offence."
            ),
            5: "The person responsible has died, so no further action can be taken.",
            6: "The person responsible has been given a penalty notice for disorder (a fine).",
            7: "The person responsible has been given a formal warning.",
            8: (
                "The matter has been dealt with by a community resolution. This is an informal "
                "way of dealing with less serious offences, such as an apology or putting right "
                "the harm done, agreed with you where possible."
            ),
            9: (
                "The Crown Prosecution Service (CPS) decided that prosecuting the person "
                "responsible would not be in the public interest."
            ),
            10: (
                "The police decided that formal action against the person responsible would "
                "not be in the public interest."
            ),
            11: (
                "The person responsible is under the age of criminal responsibility (10 years "
                "old), so they cannot be prosecuted."
            ),
            12: "The person responsible is too ill to be prosecuted.",
            13: (
                "A prosecution is not possible because the victim or a key witness has died or "
                "is too ill to give evidence."
            ),
            14: (
                "We could not identify the person responsible, and you told us you do not want "
                "further action."
            ),
            15: (
                "We identified the person we believe is responsible, but there is not enough "
                "evidence to take action against them."
            ),
            16: (
                "We identified the person we believe is responsible. You told us you do not "
                "want the police to take further action, so we will not."
            ),
            17: (
                "The time limit for prosecuting this offence has passed, so the person "
                "responsible cannot be prosecuted."
            ),
            18: (
                "We have finished our investigation, but we could not identify the person "
                "responsible."
            ),
            19: (
                "Your report was not passed to the police by Action Fraud's National Fraud "
                "Intelligence Bureau."
            ),
            20: (
                "Your report has been passed to another organisation that is responsible for "
                "dealing with it."
            ),
            21: (
                "The police decided that further investigation would not be in the public interest."
            ),
            22: (
                "The person responsible has been referred to a diversionary, educational or "
                "intervention activity. This aims to stop them offending again."
            ),
        },
        "nfa_heading": "Why the police cannot take further action",
        "nfa": {
            "suspect_not_identified": (
                "We could not find out who posted the content. Many online accounts use false "
                "names, and websites and apps based outside the UK often do not have to tell us "
                "who runs an account. Without knowing who is responsible, the police cannot take "
                "action against them."
            ),
            "suspect_abroad": (
                "The person we believe is responsible lives outside the UK. UK police cannot "
                "usually arrest or charge someone who lives in another country for this kind of "
                "offence."
            ),
            "not_criminal": (
                "We checked what was posted against the law. We understand it was offensive and "
                "upsetting, but it does not meet the legal test for a crime. This does not mean "
                "we think it was acceptable."
            ),
            "platform_removed": (
                "The website or app has removed the content, so other people can no longer see "
                "it. We could not link it to a person we can identify, so the police cannot take "
                "further action."
            ),
            "other": "{explanation}",
        },
        "still_do_heading": "What you can still do",
        "still_do": (
            "If you find out more, such as who runs the account, tell us and quote your "
            "reference {reference}.",
            "If it happens again, report it again at {report_url}. Every report helps us see "
            "patterns and protect other people.",
            "You can also report the content to the website or app where you saw it.",
        ),
        "review_police": (
            "You have the right to ask for a review of this decision (the Victims' Right to "
            "Review). Ask by {review_closes}. An officer who was not part of the decision will "
            "look at it again. To ask, reply to this message or contact us, quoting your "
            "reference {reference}."
        ),
        "review_cps": (
            "The Crown Prosecution Service made this decision. You can ask the CPS to review it "
            "under its Victims' Right to Review scheme. Ask as soon as you can; we can tell you "
            "how."
        ),
        "support": (
            "Support is free and confidential, whether or not the police take action. Victim "
            "Support: call 08 08 16 89 111 (free, 24 hours a day, every day) or visit "
            "www.victimsupport.org.uk. Ask us if you would like us to refer you."
        ),
        # The complainant said yes to a referral: never offer what they already accepted.
        "support_consented": (
            "Support is free and confidential, whether or not the police take action. As you "
            "asked, we will pass your details to a support service, and they will contact you. "
            "If you want help before then, call Victim Support on 08 08 16 89 111 (free, 24 "
            "hours a day, every day) or visit www.victimsupport.org.uk."
        ),
        "support_referred": (
            "Support is free and confidential, whether or not the police take action. If you "
            "need help at any time, call Victim Support on 08 08 16 89 111 (free, 24 hours a "
            "day, every day) or visit www.victimsupport.org.uk."
        ),
        "reference_line": "Your reference is {reference}.",
        "track": (
            "See your report's progress and the updates we have sent you on Track my report: "
            "{track_link}\nThis link works once. After that, use your reference and the secret "
            "code you were given when you reported."
        ),
        # Reported through a partner: they were never shown a Track my report code.
        "track_no_code": (
            "See your report's progress and the updates we have sent you on Track my report: "
            "{track_link}\nThis link works once. Each message we send you has a new link."
        ),
        "emergency": ("If anyone is in immediate danger, call 999. For non-emergencies, call 101."),
        "sign_off": "{sender}",
        "sms": (
            "{sender}: there is an update on your report {reference}. Read it at {track_link} "
            "(the link works once). If anyone is in immediate danger, call 999."
        ),
        "sms_received": (
            "{sender}: we have received your report {reference}. Follow its progress at "
            "{track_link} (the link works once). If anyone is in immediate danger, call 999."
        ),
    },
    "cy": {
        "greeting_named": "Annwyl {name},",
        "greeting": "Helo,",
        "subject": "Diweddariad am eich adroddiad {reference}",
        "subject_received": "Rydym wedi cael eich adroddiad {reference}",
        "subject_discreet": "Diweddariad am gyfeirnod {reference}",
        "hub": "Yr Hyb Troseddau Casineb Ar-lein",
        "the_police": "yr heddlu",
        "release_terms": "tra bod yr heddlu'n parhau â'u hymholiadau",
        "review_result": "Mae'r rhesymau dros y canlyniad isod.",
        "events": {
            "report_received": (
                "Diolch am roi gwybod am gasineb ar-lein. Cawsom eich adroddiad ar {date}. "
                "Bydd swyddog heddlu yn yr Hyb Troseddau Casineb Ar-lein yn edrych arno ac yn "
                "penderfynu beth sy'n digwydd nesaf. Byddwn yn rhoi gwybod i chi am bob "
                "penderfyniad pwysig."
            ),
            "decision_to_record": (
                "Rydym wedi edrych ar eich adroddiad ac wedi ei gofnodi fel trosedd. Bydd "
                "{force} yn ymchwilio iddo. Byddwn yn rhoi gwybod i chi pan fydd newyddion."
            ),
            "decision_not_to_record": (
                "Rydym wedi edrych yn ofalus ar eich adroddiad. Rydym wedi penderfynu peidio "
                "â'i gofnodi fel trosedd."
            ),
            "decision_not_to_investigate": (
                "Rydym wedi penderfynu na fydd yr heddlu'n ymchwilio ymhellach i'ch adroddiad."
            ),
            "allocated_to_force": (
                "Mae eich adroddiad wedi cael ei anfon at {force}, yr heddlu a fydd yn "
                "ymchwilio iddo. Byddant yn cysylltu â chi os oes angen iddynt wybod mwy."
            ),
            "transferred_to_force": (
                "Mae eich adroddiad wedi cael ei symud at {force}, oherwydd mai nhw yw'r "
                "heddlu cywir i ddelio ag ef."
            ),
            "suspect_identified": (
                "Rydym wedi dod o hyd i berson rydym yn credu a allai fod yn gyfrifol. Byddwn "
                "yn rhoi gwybod i chi beth sy'n digwydd nesaf."
            ),
            "suspect_arrested": "Mae person wedi cael ei arestio mewn cysylltiad â'ch adroddiad.",
            "suspect_interviewed": "Mae'r heddlu wedi cyfweld â pherson am eich adroddiad.",
            "suspect_charged": (
                "Mae person wedi cael ei gyhuddo o drosedd mewn cysylltiad â'ch adroddiad. Bydd "
                "yr achos yn mynd i'r llys nawr. Byddwn yn rhoi gwybod i chi beth sy'n digwydd "
                "nesaf, gan gynnwys dyddiadau unrhyw wrandawiadau llys."
            ),
            "suspect_released": (
                "Mae person a gafodd ei arestio mewn cysylltiad â'ch adroddiad wedi cael ei "
                "ryddhau {release_terms}."
            ),
            "outcome": "Mae'r heddlu wedi gorffen delio â'ch adroddiad. Y canlyniad yw:",
            "support_referral": (
                "Fel y gofynnoch, rydym wedi anfon eich manylion at {support_service}. Byddant "
                "yn cysylltu â chi i gynnig help am ddim ac yn gyfrinachol. Gallwch ddweud "
                "wrthynt os nad ydych eisiau eu help."
            ),
            "right_to_review_acknowledge": (
                "Rydym wedi cael eich cais i adolygu'r penderfyniad am eich adroddiad. Bydd "
                "swyddog nad oedd yn rhan o'r penderfyniad cyntaf yn ei adolygu. Byddwn yn rhoi "
                "gwybod i chi am y canlyniad."
            ),
            "right_to_review_decision": (
                "Mae'r adolygiad o'r penderfyniad am eich adroddiad wedi'i gwblhau. {review_result}"
            ),
        },
        "outcomes": {
            1: (
                "Mae person wedi cael ei gyhuddo neu ei wysio i'r llys am y drosedd y rhoesoch "
                "wybod amdani. Byddwn yn rhoi gwybod i chi am ddyddiadau llys a beth sy'n "
                "digwydd nesaf."
            ),
            2: (
                "Mae'r person cyfrifol, sydd o dan 18 oed, wedi cael rhybudd ieuenctid. Rhybudd "
                "ffurfiol yw hwn. Mae'n aros ar gofnodion yr heddlu."
            ),
            3: (
                "Mae'r person cyfrifol wedi cael rhybudd oedolyn. Rhybudd ffurfiol yw hwn. "
                "Cyfaddefodd y drosedd, ac mae'n aros ar ei gofnod heddlu."
            ),
            4: (
                "Cyfaddefodd y person cyfrifol y drosedd hon a gofynnodd i'r llys ei hystyried "
                "wrth ei ddedfrydu am drosedd arall."
            ),
            5: "Mae'r person cyfrifol wedi marw, felly does dim modd gweithredu ymhellach.",
            6: "Mae'r person cyfrifol wedi cael hysbysiad cosb am anhrefn (dirwy).",
            7: "Mae'r person cyfrifol wedi cael rhybudd ffurfiol.",
            8: (
                "Mae'r mater wedi cael ei ddatrys drwy ddatrysiad cymunedol. Mae hon yn ffordd "
                "anffurfiol o ddelio â throseddau llai difrifol, fel ymddiheuriad neu unioni'r "
                "niwed a wnaed, wedi'i chytuno â chi lle bo modd."
            ),
            9: (
                "Penderfynodd Gwasanaeth Erlyn y Goron (CPS) na fyddai erlyn y person cyfrifol "
                "er budd y cyhoedd."
            ),
            10: (
                "Penderfynodd yr heddlu na fyddai cymryd camau ffurfiol yn erbyn y person "
                "cyfrifol er budd y cyhoedd."
            ),
            11: (
                "Mae'r person cyfrifol o dan oed cyfrifoldeb troseddol (10 oed), felly does dim "
                "modd ei erlyn."
            ),
            12: "Mae'r person cyfrifol yn rhy sâl i gael ei erlyn.",
            13: (
                "Does dim modd erlyn oherwydd bod y dioddefwr neu dyst allweddol wedi marw neu'n "
                "rhy sâl i roi tystiolaeth."
            ),
            14: (
                "Doedd dim modd i ni ddod o hyd i'r person cyfrifol, a dywedoch wrthym nad ydych "
                "eisiau i ni weithredu ymhellach."
            ),
            15: (
                "Rydym wedi dod o hyd i'r person rydym yn credu sy'n gyfrifol, ond does dim "
                "digon o dystiolaeth i weithredu yn ei erbyn."
            ),
            16: (
                "Rydym wedi dod o hyd i'r person rydym yn credu sy'n gyfrifol. Dywedoch wrthym "
                "nad ydych eisiau i'r heddlu weithredu ymhellach, felly ni fyddwn yn gwneud "
                "hynny."
            ),
            17: (
                "Mae'r terfyn amser ar gyfer erlyn y drosedd hon wedi mynd heibio, felly does "
                "dim modd erlyn y person cyfrifol."
            ),
            18: (
                "Rydym wedi gorffen ein hymchwiliad, ond doedd dim modd i ni ddod o hyd i'r "
                "person cyfrifol."
            ),
            19: (
                "Ni chafodd eich adroddiad ei anfon at yr heddlu gan Swyddfa Gwybodaeth Twyll "
                "Genedlaethol Action Fraud."
            ),
            20: (
                "Mae eich adroddiad wedi cael ei anfon at sefydliad arall sy'n gyfrifol am "
                "ddelio ag ef."
            ),
            21: "Penderfynodd yr heddlu na fyddai ymchwilio ymhellach er budd y cyhoedd.",
            22: (
                "Mae'r person cyfrifol wedi cael ei gyfeirio at weithgaredd dargyfeiriol, "
                "addysgol neu ymyrraeth. Nod hyn yw ei atal rhag troseddu eto."
            ),
        },
        "nfa_heading": "Pam na all yr heddlu weithredu ymhellach",
        "nfa": {
            "suspect_not_identified": (
                "Doedd dim modd i ni ddarganfod pwy bostiodd y cynnwys. Mae llawer o gyfrifon "
                "ar-lein yn defnyddio enwau ffug, ac yn aml does dim rhaid i wefannau ac apiau y "
                "tu allan i'r DU ddweud wrthym pwy sy'n rhedeg cyfrif. Heb wybod pwy sy'n "
                "gyfrifol, does dim modd i'r heddlu weithredu yn eu herbyn."
            ),
            "suspect_abroad": (
                "Mae'r person rydym yn credu sy'n gyfrifol yn byw y tu allan i'r DU. Fel arfer, "
                "does dim modd i heddlu'r DU arestio na chyhuddo rhywun sy'n byw mewn gwlad "
                "arall am y math hwn o drosedd."
            ),
            "not_criminal": (
                "Rydym wedi cymharu'r hyn a bostiwyd â'r gyfraith. Rydym yn deall ei fod yn "
                "sarhaus ac yn peri gofid, ond nid yw'n bodloni'r prawf cyfreithiol ar gyfer "
                "trosedd. Nid yw hyn yn golygu ein bod yn credu ei fod yn dderbyniol."
            ),
            "platform_removed": (
                "Mae'r wefan neu'r ap wedi dileu'r cynnwys, felly ni all pobl eraill ei weld "
                "mwyach. Doedd dim modd i ni ei gysylltu â pherson y gallwn ei adnabod, felly "
                "does dim modd i'r heddlu weithredu ymhellach."
            ),
            "other": "{explanation}",
        },
        "still_do_heading": "Beth allwch chi ei wneud o hyd",
        "still_do": (
            "Os byddwch yn dod i wybod mwy, fel pwy sy'n rhedeg y cyfrif, rhowch wybod i ni a "
            "rhowch eich cyfeirnod {reference}.",
            "Os bydd yn digwydd eto, rhowch wybod eto yn {report_url}. Mae pob adroddiad yn ein "
            "helpu i weld patrymau a diogelu pobl eraill.",
            "Gallwch hefyd roi gwybod am y cynnwys i'r wefan neu'r ap lle gwelsoch chi ef.",
        ),
        "review_police": (
            "Mae gennych hawl i ofyn am adolygiad o'r penderfyniad hwn (Hawl Dioddefwyr i "
            "Adolygiad). Gofynnwch erbyn {review_closes}. Bydd swyddog nad oedd yn rhan o'r "
            "penderfyniad yn edrych arno eto. I ofyn, atebwch y neges hon neu cysylltwch â ni, "
            "gan roi eich cyfeirnod {reference}."
        ),
        "review_cps": (
            "Gwasanaeth Erlyn y Goron wnaeth y penderfyniad hwn. Gallwch ofyn i'r CPS ei "
            "adolygu o dan ei gynllun Hawl Dioddefwyr i Adolygiad. Gofynnwch cyn gynted ag y "
            "gallwch; gallwn ddweud wrthych sut."
        ),
        "support": (
            "Mae cymorth am ddim ac yn gyfrinachol, p'un a yw'r heddlu'n gweithredu ai peidio. "
            "Cymorth i Ddioddefwyr: ffoniwch 08 08 16 89 111 (am ddim, 24 awr y dydd, bob dydd) "
            "neu ewch i www.victimsupport.org.uk. Gofynnwch i ni os hoffech i ni eich cyfeirio."
        ),
        "support_consented": (
            "Mae cymorth am ddim ac yn gyfrinachol, p'un a yw'r heddlu'n gweithredu ai peidio. "
            "Fel y gofynnoch, byddwn yn anfon eich manylion at wasanaeth cymorth, a byddant yn "
            "cysylltu â chi. Os hoffech gael help cyn hynny, ffoniwch Cymorth i Ddioddefwyr ar "
            "08 08 16 89 111 (am ddim, 24 awr y dydd, bob dydd) neu ewch i "
            "www.victimsupport.org.uk."
        ),
        "support_referred": (
            "Mae cymorth am ddim ac yn gyfrinachol, p'un a yw'r heddlu'n gweithredu ai peidio. "
            "Os oes angen help arnoch ar unrhyw adeg, ffoniwch Cymorth i Ddioddefwyr ar 08 08 16 "
            "89 111 (am ddim, 24 awr y dydd, bob dydd) neu ewch i www.victimsupport.org.uk."
        ),
        "reference_line": "Eich cyfeirnod yw {reference}.",
        "track": (
            "Gwelwch hynt eich adroddiad a'r diweddariadau rydym wedi'u hanfon atoch ar Dilyn "
            "fy adroddiad: {track_link}\nMae'r ddolen hon yn gweithio unwaith. Ar ôl hynny, "
            "defnyddiwch eich cyfeirnod a'r cod cyfrinachol a gawsoch pan wnaethoch roi gwybod."
        ),
        "track_no_code": (
            "Gwelwch hynt eich adroddiad a'r diweddariadau rydym wedi'u hanfon atoch ar Dilyn "
            "fy adroddiad: {track_link}\nMae'r ddolen hon yn gweithio unwaith. Mae dolen newydd "
            "ym mhob neges a anfonwn atoch."
        ),
        "emergency": (
            "Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999. Pan nad yw'n argyfwng, "
            "ffoniwch 101."
        ),
        "sign_off": "{sender}",
        "sms": (
            "{sender}: mae diweddariad am eich adroddiad {reference}. Darllenwch ef yn "
            "{track_link} (mae'r ddolen yn gweithio unwaith). Os oes unrhyw un mewn perygl "
            "uniongyrchol, ffoniwch 999."
        ),
        "sms_received": (
            "{sender}: rydym wedi cael eich adroddiad {reference}. Dilynwch ei hynt yn "
            "{track_link} (mae'r ddolen yn gweithio unwaith). Os oes unrhyw un mewn perygl "
            "uniongyrchol, ffoniwch 999."
        ),
    },
}
