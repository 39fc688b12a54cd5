#!/usr/bin/env python3
"""Generates the sample data for Kompass: 16 interview sessions for the
fictional municipality Eksempelvik (October 2026), its fictional earlier
evaluations (2014 in full, 2018 total only, 2022 in full), the fictional
evaluations of 24 other municipalities (2012-2025, a third of them totals
only) and the fictional national average over all of them, computed by
`kompass benchmark` (run when target/debug/kompass is built) and checked
here with exact fractions.

    python3 scripts/make_sample_sessions.py          # generate, then check
    python3 scripts/make_sample_sessions.py --check  # only check what is on disk

Everything is deterministic (seeded); running it twice gives the same bytes.
All people, figures and findings are fictional.

Writes:
    sessions/eksempelvik/<ULID>.json               (16 files, kompass.session v1)
    sessions/baselines/eksempelvik-{2014,2018,2022}.{json,csv}
    sessions/benchmark/<municipality>-<year>.json  (24 earlier evaluations)
    sessions/baselines/nasjonalt-snitt-2026.json   (kompass benchmark of the 27)
"""

import csv
import datetime as dt
import hashlib
import io
import json
import math
import os
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANK_PATH = os.path.join(ROOT, "assets", "banks", "kommunekompasset.json")
OUT_DIR = os.path.join(ROOT, "sessions", "eksempelvik")
BASE_DIR = os.path.join(ROOT, "sessions", "baselines")
BENCH_DIR = os.path.join(ROOT, "sessions", "benchmark")
NATIONAL = "nasjonalt-snitt-2026"
EARLIER = ("eksempelvik-2014", "eksempelvik-2018", "eksempelvik-2022")
# Fictional municipalities of the fictional national average: name, year,
# level (share of the maximum), and whether only the total was published.
OTHERS = [
    ("Nordfjell", 2012, 0.52, False), ("Sjøbygd", 2012, 0.47, True), ("Elvedal", 2013, 0.58, False),
    ("Granlia", 2013, 0.44, True), ("Havnøy", 2014, 0.61, False), ("Lyngmo", 2015, 0.55, False),
    ("Bjørkås", 2015, 0.50, True), ("Fjellstad", 2016, 0.63, False), ("Strandvik", 2016, 0.57, False),
    ("Nordfjell", 2017, 0.59, False), ("Vestby", 2017, 0.48, True), ("Øyrand", 2018, 0.66, False),
    ("Mosjødal", 2018, 0.54, False), ("Kvernes", 2019, 0.60, True), ("Sjøbygd", 2019, 0.56, False),
    ("Tindeby", 2020, 0.62, False), ("Elvedal", 2021, 0.67, False), ("Lauvhamn", 2021, 0.51, True),
    ("Granlia", 2022, 0.58, False), ("Havnøy", 2023, 0.70, False), ("Runde", 2023, 0.53, True),
    ("Lyngmo", 2024, 0.64, False), ("Fjordheim", 2024, 0.59, False), ("Tindeby", 2025, 0.68, True),
]
MUNICIPALITY = "Eksempelvik"
TZ = dt.timezone(dt.timedelta(hours=2))  # CEST, October 2026
SEED = "kompass-eksempelvik-2026"
DIMS = ("system", "extent", "results")
ROLES = ("mayor", "chief_executive", "sector_head", "unit_leader", "staff_leader", "union_rep")
MANAGEMENT = ("mayor", "chief_executive", "sector_head")
ULID_RE = re.compile(r"^[0-7][0-9A-HJKMNP-TV-Z]{25}$")
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

# ---------------------------------------------------------------------------
# The "true" Eksempelvik 2026: a level 0-4 per sub-area (before role bias).
# Strong: 3 Styring og kontroll, 2.3 klima. Weak: 5 Brukernes fokus, 7.4.
# ---------------------------------------------------------------------------
TRUE = {
    "1.1": 2.1, "1.2": 2.8, "1.3": 2.3, "1.4": 1.8, "1.5": 2.9,
    "2.1": 2.9, "2.2": 2.5, "2.3": 3.4, "2.4": 2.6,
    "3.1": 3.2, "3.2": 3.3, "3.3": 3.2, "3.4": 3.0,
    "4.1": 2.6, "4.2": 2.9, "4.3": 2.5, "4.4": 2.2, "4.5": 2.6,
    "5.1": 1.5, "5.2": 1.8, "5.3": 1.9, "5.4": 1.7, "5.5": 1.6,
    "6.1": 2.1, "6.2": 2.0, "6.3": 2.4, "6.4": 2.5,
    "7.1": 2.6, "7.2": 2.4, "7.3": 2.4, "7.4": 1.2,
    "8.1": 2.8, "8.2": 2.5, "8.3": 1.9, "8.4": 2.6,
}
# Systems tend to be better described than used, and used more than evaluated.
DIM_OFFSET = {"system": 0.35, "extent": -0.1, "results": -0.35}
# Per-question adjustments to the sub-area level.
Q_ADJ = {
    "1.1.1": -0.2, "1.1.2": -1.0, "1.2.2": 0.4, "1.3.3": 0.4, "1.5.3": 0.3,
    "2.3.1": 0.2, "3.2.2": 0.2, "3.4.1": 0.2, "4.2.2": 0.4, "4.3.1": 0.5, "4.5.1": 0.5,
    "4.4.1": 0.3, "5.1.1": -0.3, "5.1.2": 0.6, "5.4.2": 0.4, "5.3.2": -0.2,
    "6.4.2": 0.2, "7.2.2": -0.1, "7.4.1": 0.5, "7.4.2": -0.4, "8.2.1": 0.5,
    "8.3.1": -0.3, "8.3.2": 0.3, "8.1.2": -0.6,
}
# Per-question, per-sector differences (oppvekst / helse / teknisk / samfunn).
SECTOR_ADJ = {
    "5.1.2": {"oppvekst": 1.0, "helse": -0.8},
    "5.5.2": {"oppvekst": 0.8, "helse": -0.5},
    "5.4.2": {"teknisk": 1.0, "helse": -0.6},
    "6.2.2": {"helse": 0.8, "oppvekst": -0.8},
    "6.3.1": {"helse": 0.6, "oppvekst": -0.6},
    "4.4.1": {"helse": 0.4},
    "7.3.2": {"helse": -0.4},
    "8.2.2": {"helse": -0.6},
}
# Questions where management and union reps see very different things:
# management gets +mgmt, union reps -union (per dimension).
CONTESTED = {
    "7.1.1": ({"system": 0.4, "extent": 0.6, "results": 0.3}, {"system": 0.8, "extent": 1.3, "results": 0.8}),
    "7.1.2": ({"system": 0.5, "extent": 0.5, "results": 0.3}, {"system": 1.0, "extent": 1.2, "results": 1.0}),
    "7.3.2": ({"system": 0.3, "extent": 0.5, "results": 0.4}, {"system": 0.6, "extent": 1.0, "results": 1.2}),
    "8.4.2": ({"system": 0.4, "extent": 0.7, "results": 0.3}, {"system": 0.5, "extent": 1.4, "results": 0.8}),
    "8.3.1": ({"system": 0.5, "extent": 0.6, "results": 0.3}, {"system": 0.8, "extent": 1.2, "results": 0.8}),
    "4.4.2": ({"system": 0.6, "extent": 0.6, "results": 0.6}, {"system": 1.0, "extent": 1.2, "results": 1.2}),
    "6.3.1": ({"system": 0.5, "extent": 0.5, "results": 0.5}, {"system": 0.6, "extent": 1.2, "results": 1.2}),
    "8.2.2": ({"system": 0.3, "extent": 0.4, "results": 0.3}, {"system": 0.6, "extent": 1.0, "results": 0.8}),
}
# Questions everybody sees the same way: bias damped, little noise.
CONSENSUS = {"1.2.2", "1.5.3", "2.3.1", "2.3.2", "3.2.2", "3.3.1", "3.3.3",
             "4.2.2", "4.3.1", "4.5.1", "5.3.2", "7.2.2", "7.4.2"}

# Role bias (added to the level), by voice; union reps harder in areas 7/8 and on extent.
def bias(voice, role, area, dim):
    b = {"mayor": 0.6, "formannskap": 0.4, "ce": 0.5, "sector": 0.3, "unit": 0.0,
         "hr": 0.1, "okonomi": 0.1, "union": -0.5}[voice]
    if voice == "union":
        if area in ("7", "8"):
            b -= 0.5
        if dim == "extent":
            b -= 0.35
    elif voice == "hr" and area in ("7", "8"):
        b += 0.5
    elif voice == "okonomi":
        b += {"3": 0.5, "4": 0.5, "6": -0.3}.get(area, 0.0)
    elif voice in ("mayor", "formannskap", "ce") and dim == "results":
        b -= 0.3  # even the rosy ones admit little is evaluated
    return b


def truth(qid, dim):
    sub = qid.rsplit(".", 1)[0]
    return TRUE[sub] + DIM_OFFSET[dim] + Q_ADJ.get(qid, 0.0)


def clamp_round(x):
    return max(0, min(4, int(math.floor(x + 0.5))))


# ---------------------------------------------------------------------------
# People and the interview plan. Fictional names.
# ---------------------------------------------------------------------------
INGRID, TORSTEIN, MARI = "Ingrid Solheim Berg", "Torstein Aasland", "Mari Kvåle"

SESSIONS = [
    dict(key="kd", day=13, start="09:00", minutes=148, interviewer=INGRID, voice="ce", sector="all",
         people=[("Geir Håkonsen", "chief_executive")], who=["KD"]),
    dict(key="ordforer", day=13, start="09:15", minutes=100, interviewer=TORSTEIN, voice="mayor", sector="all",
         people=[("Randi Hovland", "mayor")], who=["ordføreren"]),
    dict(key="asskd", day=13, start="12:30", minutes=140, interviewer=INGRID, voice="ce", sector="all",
         people=[("Liv Marit Strand", "chief_executive")], who=["ass. KD"]),
    dict(key="oppvekst", day=13, start="12:45", minutes=135, interviewer=TORSTEIN, voice="sector", sector="oppvekst",
         people=[("Hanne Lie Bakke", "sector_head")], who=["kommunalsjef oppvekst"]),
    dict(key="helse", day=14, start="08:30", minutes=145, interviewer=INGRID, voice="sector", sector="helse",
         people=[("Eirik Nygård", "sector_head"), ("Tone Bjørnstad", "sector_head")],
         who=["kommunalsjef helse og omsorg", "ass. kommunalsjef helse og omsorg"]),
    dict(key="hr", day=14, start="09:00", minutes=110, interviewer=MARI, voice="hr", sector="all",
         people=[("Marte Vik Olsen", "staff_leader")], who=["HR-sjefen"]),
    dict(key="teknisk", day=14, start="12:30", minutes=125, interviewer=TORSTEIN, voice="sector", sector="teknisk",
         people=[("Per Ove Rønning", "sector_head")], who=["kommunalsjef teknisk"]),
    dict(key="okonomi", day=14, start="13:00", minutes=100, interviewer=MARI, voice="okonomi", sector="all",
         people=[("Bjørn Eide", "staff_leader")], who=["økonomisjefen"]),
    dict(key="samfunn", day=15, start="08:30", minutes=130, interviewer=TORSTEIN, voice="sector", sector="samfunn",
         people=[("Silje Aamodt", "sector_head")], who=["kommunalsjef samfunnsutvikling"]),
    dict(key="skole", day=15, start="09:00", minutes=95, interviewer=MARI, voice="unit", sector="oppvekst",
         people=[("Anders Fjeld", "unit_leader")], who=["rektor"], unit="skolen", staff_n=48),
    dict(key="sykehjem", day=15, start="12:30", minutes=100, interviewer=INGRID, voice="unit", sector="helse",
         people=[("Kari-Anne Solberg", "unit_leader")], who=["enhetsleder sykehjem"], unit="sykehjemmet", staff_n=85),
    dict(key="udf", day=15, start="13:00", minutes=75, interviewer=MARI, voice="union", sector="oppvekst",
         people=[("Guro Lunde", "union_rep")], who=["HTV Utdanningsforbundet", "HTV"]),
    dict(key="barnehage", day=16, start="08:30", minutes=85, interviewer=TORSTEIN, voice="unit", sector="oppvekst",
         people=[("Ragnhild Tveit", "unit_leader")], who=["styrer"], unit="barnehagen", staff_n=24),
    dict(key="fagforbundet", day=16, start="09:00", minutes=90, interviewer=INGRID, voice="union", sector="helse",
         people=[("Terje Brekke", "union_rep"), ("Ane Sofie Myhre", "union_rep")], who=["HTV Fagforbundet", "HTV NSF"]),
    dict(key="hjemmetjeneste", day=16, start="11:00", minutes=95, interviewer=MARI, voice="unit", sector="helse",
         people=[("Jon Inge Berntsen", "unit_leader")], who=["enhetsleder hjemmetjenesten"], unit="hjemmetjenesten", staff_n=62),
    dict(key="formannskap", day=16, start="12:30", minutes=105, interviewer=TORSTEIN, voice="formannskap", sector="all",
         people=[("Randi Hovland", "mayor"), ("Kjell Arne Moen", "mayor"), ("Sunniva Dahl", "mayor")],
         who=["ordføreren", "opposisjonsleder Moen"]),
]

# ---------------------------------------------------------------------------
# Phrases that are not tied to one question. Each is used at most once per
# session, so no sentence repeats across many questions.
# ---------------------------------------------------------------------------
GENERIC = {
    "p": ["Virker godt innarbeidet.", "Konkrete eksempler gitt.", "Dokumentasjon lovet ettersendt.",
          "Tydelig ansvar.", "Godt forankret i ledergruppen.", "Gode eksempler fra flere sektorer.", "Fungerer etter det vi hører.",
          "Kjenner godt til dette, svarte utfyllende."],
    "m": ["Varierer mellom sektorene.", "Noe på plass, men lite systematisk.", "Personavhengig.",
          "Mye er under arbeid.", "Lite dokumentert.", "Kjent i ledergruppen, mindre ute i enhetene.",
          "Godt i gang, men ikke i mål.", "Bra intensjoner, ujevn praksis.", "Litt usikker på detaljene.",
          "Henviste videre for detaljer."],
    "n": ["Lite på plass.", "Ikke prioritert de siste årene.", "Ingen konkrete eksempler.",
          "Erkjenner at dette er en svakhet.", "Snakket om lenge uten at noe skjer.", "Ikke noe system for dette.",
          "Må sjekkes mot dokumentasjonen, men virker svakt.", "Ble litt stille da vi spurte om eksempler."],
}
PERSPECTIVE = {
    "mayor": {"p": ["Ordføreren viser til vedtak i KST.", "Politisk godt forankret, mener ordføreren."],
              "m": ["Ordføreren mener det går riktig vei.", "Politikerne etterspør dette lite, innrømmer ordføreren."],
              "n": ["Ordføreren erkjenner at politikken ikke har etterspurt dette."]},
    "formannskap": {"p": ["Hele gruppen enig her.", "Posisjon og opposisjon enige om at dette fungerer."],
                    "m": ["Uenighet i gruppen: posisjonen fornøyd, opposisjonen mer kritisk.",
                          "Opposisjonen savner mer informasjon."],
                    "n": ["Også posisjonen innrømmer at dette er svakt."]},
    "ce": {"p": ["Viser til vedtatte planer og årshjul.", "Tydelig forankret i ledergruppen."],
           "m": ["Står på listen over ting ledergruppen skal ta tak i.", "Erkjenner at gjennomføringen varierer."],
           "n": ["Erkjenner at dette ikke har vært prioritert."]},
    "sector": {"p": ["Egen sektor ligger godt an, mener kommunalsjefen.", "Godt kjent i egen sektor."],
               "m": ["Ulikt mellom sektorene, egen sektor litt foran.", "Mye er delegert til enhetslederne."],
               "n": ["Sektoren har ikke hatt kapasitet til dette."]},
    "unit": {"p": ["Fungerer godt i {unit}.", "Merker dette i hverdagen i {unit}."],
             "m": ["I {unit} fungerer det ok, usikker på resten av kommunen.", "Mye ansvar lagt på enhetsleder."],
             "n": ["Merker lite til dette i {unit}.", "Enhetsleder har ikke fått noe om dette fra sentralt hold."]},
    "hr": {"p": ["HR har laget rammeverket og følger opp.", "HR-sjefen viser til tall i HR-systemet."],
           "m": ["Rammeverket er på plass, oppfølgingen ligger i linja.", "HR ser store forskjeller mellom enhetene."],
           "n": ["HR har ikke kapasitet til å følge opp."]},
    "okonomi": {"p": ["Økonomi har god oversikt.", "Følges tett i økonomirapporteringen."],
                "m": ["Økonomisjefen ser mest økonomisiden, mindre kvalitet.", "Tallene finnes, men brukes ulikt."],
                "n": ["Ikke noe økonomi har vært involvert i."]},
    "union": {"p": ["TV-ene er stort sett enige i at dette fungerer."],
              "m": ["Fungerer bedre i oppvekst enn i helse og omsorg.", "TV-ene blir informert, men lite involvert.",
                    "Finnes sentralt, men merkes lite ute på avdelingene."],
              "n": ["Medlemmene kjenner lite til dette.", "TV-ene opplever dette som ledelsens prosjekt.",
                    "Ikke noe medlemmene merker i hverdagen."]},
}
GAP = ["Finnes på papiret, men brukes ikke likt i enhetene.", "Godt beskrevet, men mange kjenner ikke til det.",
       "Systemet er der, bruken varierer.", "Omfanget er problemet, ikke systemet.",
       "Vedtatt, men ikke tatt i bruk overalt.", "Står i planen, men er lite kjent ute i linja.",
       "Sentralt på plass, ujevnt i enhetene.", "Gode dokumenter, svak etterlevelse."]
NO_RESULTS = ["Lite evaluering av effekten.", "Ingen systematisk oppfølging av resultatene.", "Evalueres ikke.",
              "Resultatene brukes lite til å justere kursen.", "Ingen har sett på om det virker.",
              "Følges ikke opp med målinger.", "Lite læring av resultatene.",
              "Usikkert om tiltakene har effekt – ikke målt."]
NULL_NOTES = {
    "all": ["Rakk ikke dette ordentlig, kun kort berørt – ikke scoret.", "Hoppet over pga. tid.",
            "Informanten kjente ikke til dette – ikke scoret.", "Tidsnød, tas i oppfølgingsintervju.",
            "Kom ikke så langt, ikke scoret.", "Informanten henviste videre – ikke scoret."],
    "results": ["Resultatdelen ikke vurdert – rakk ikke å spørre om oppfølgingen.",
                "Vet ikke hvordan dette følges opp – resultat ikke scoret.",
                "Usikkert svar om resultater, ikke scoret.", "Resultat: avventer dokumentasjon før scoring.",
                "Ikke scoret på resultat, må sjekkes mot årsmeldingen.",
                "Resultat står åpent – spør kommunalsjefene.",
                "Fikk ikke svar på hvordan det evalueres, resultat ikke scoret.",
                "Resultat ikke scoret, for lite grunnlag."],
    "extent": ["Usikker på omfanget i resten av organisasjonen – omfang ikke scoret.",
               "Omfang ikke scoret, svaret gjaldt bare egen del av organisasjonen.",
               "Omfang uklart – må sjekkes mot de andre intervjuene."],
    "system+results": ["Bare omfang var tydelig i svaret – resten tas i oppfølging.",
                       "Kun omfanget kom tydelig fram, system og resultat ikke scoret."],
}
FLAG_NOTES = ["Følg opp: be om dokumentasjon.", "Sjekk mot det KD sa.", "Motstridende opplysninger – avklar i oppsummeringsmøtet.",
              "Be om tall fra HR.", "Be om kopi av planen.", "Sjekk mot HTV-intervjuet."]

# Closing workshop: themes, wording variants, and which voices name them.
PRIORITY_THEMES = {
    "intern": (["Bedre intern kommunikasjon", "Bedre informasjonsflyt fra ledelsen og ut i enhetene",
                "Intern kommunikasjon – nå ansatte uten PC", "Styrke den interne kommunikasjonen"],
               {"union": 3, "unit": 3, "hr": 2, "ce": 1, "sector": 1}),
    "bruker": (["Styrke brukermedvirkning", "Mer brukermedvirkning i tjenesteutviklingen",
                "Brukerundersøkelser som faktisk følges opp", "Involvere brukere og pårørende mer"],
               {"ce": 3, "sector": 3, "unit": 2, "mayor": 1, "formannskap": 1, "union": 1}),
    "sykefravaer": (["Redusere sykefraværet", "Lavere sykefravær i helse og omsorg", "Nærværsarbeid",
                     "Få ned sykefraværet"], {"hr": 3, "union": 2, "unit": 2, "ce": 2, "sector": 1, "mayor": 1}),
    "heltid": (["Heltidskultur", "Flere hele stillinger", "Heltidskultur i helse og omsorg", "Mindre uønsket deltid"],
               {"union": 3, "hr": 2, "sector": 2, "ce": 1, "unit": 1, "formannskap": 1}),
    "digital": (["Digitalisering av tjenester", "Digitale søknader og innsyn i egen sak",
                 "Digitalisering og velferdsteknologi", "Ta ut gevinster av digitaliseringen"],
                {"ce": 2, "mayor": 2, "formannskap": 2, "okonomi": 2, "sector": 2, "unit": 1}),
    "demokrati": (["Strategi for lokaldemokrati og innbyggerdialog", "Mer innbyggerdialog",
                   "Lage en plan for lokaldemokratiet"], {"mayor": 3, "formannskap": 3, "ce": 1}),
    "kvalitet": (["Felles kvalitetssystem i hele kommunen", "Bruke avvikssystemet til læring",
                  "Felles kvalitetsstrategi"], {"ce": 2, "sector": 2, "unit": 1, "union": 1}),
    "rekruttering": (["Rekruttere og beholde sykepleiere", "Rekruttering av fagfolk",
                      "Beholde kompetansen vi har"], {"hr": 2, "sector": 2, "unit": 2, "mayor": 1}),
    "parts": (["Tidligere involvering av tillitsvalgte", "Bedre partssamarbeid i enhetene",
               "Involvere TV før beslutningene er tatt"], {"union": 3}),
    "mangfold": (["Plan for mangfold og inkludering i arbeidslivet", "Mer mangfold blant de ansatte"],
                 {"hr": 2, "union": 1, "ce": 1}),
    "lederstotte": (["Mer tid til ledelse – færre ansatte per leder", "Bedre lederstøtte fra HR og økonomi"],
                    {"unit": 3, "union": 1, "hr": 1}),
    "okonomi": (["Økonomisk handlingsrom og bærekraftig drift", "Sikre økonomisk handlingsrom"],
                {"okonomi": 3, "mayor": 2, "formannskap": 2, "ce": 2}),
    "service": (["Servicestrategi og felles servicestandard", "Bedre svartider på henvendelser",
                 "Bedre tilgjengelighet på telefon"], {"ce": 1, "mayor": 1, "formannskap": 2, "sector": 1}),
}
# ---------------------------------------------------------------------------
# Question-specific content: what interviewees say (p = positive, m = mixed,
# n = negative), role-specific remarks (r), quotes (q) and finding texts
# (S = strength, C = challenge, W = weakness). Several finding variants per
# theme on purpose: reviewers get near-duplicates to merge.
# ---------------------------------------------------------------------------
Q = {
"1.1.1": dict(
    p=["Kommunikasjonsstrategi fra 2019, mener den fortsatt er dekkende.",
       "Kommunikasjonsrådgiver i stab har tydelig ansvar og god kontroll på kanalene.",
       "Mål for kommunikasjon står i HØP og omtales i årsmeldingen."],
    m=["Strategien er fra 2019 og skulle vært revidert.",
       "Ansvaret ligger hos kommunikasjonsrådgiver (60 % stilling), sektorene gjør mye selv.",
       "Ingen måling av om målene nås, bortsett fra statistikk på FB og nettsiden."],
    n=["Strategien fra 2019 er ikke revidert, få kjenner til den.",
       "Ingen tydelige mål for kommunikasjonsarbeidet.",
       "Kommunikasjon skjer ad hoc og avhenger av enkeltpersoner."],
    q=[("n", None, "«Strategien ligger i en skuff et sted» sier {who}.")],
    S=["Har en vedtatt kommunikasjonsstrategi", "Tydelig ansvar for kommunikasjon i stab"],
    C=["Kommunikasjonsstrategien er utdatert og bør revideres", "Kommunikasjonsstrategien fra 2019 må oppdateres"],
    W=["Mangler mål for kommunikasjonsarbeidet", "Ingen måling av effekten av kommunikasjonsarbeidet"]),
"1.1.2": dict(
    p=["Ungdomsrådet og innbyggerpanelet trekkes fram som gode tiltak.",
       "Demokratiutvikling er nevnt i samfunnsdelen av kommuneplanen."],
    m=["Ingen egen plan, men enkelttiltak: ungdomsråd, innbyggerpanel prøvd i 2024.",
       "Valgdeltakelse 2023 ca. 63 %, ingen mål for den.",
       "Tiltak for unge, lite for grupper som sjelden deltar."],
    n=["Har ingen strategi for lokaldemokrati.",
       "Ikke politisk vedtatt noe om demokratiutvikling.",
       "Tiltakene som finnes evalueres ikke."],
    q=[("n", ["mayor", "chief_executive"], "«Det har vi snakket om i hvert fall to valgperioder» sier {who}.")],
    S=["Aktivt ungdomsråd med eget budsjett"],
    C=["Demokratitiltakene er ikke samlet i en plan", "Enkelttiltak for demokratiutvikling, men ingen helhet"],
    W=["Mangler strategi for lokaldemokrati", "Har ingen plan for utvikling av lokaldemokratiet", "Ingen strategi for demokratiutvikling"]),
"1.2.1": dict(
    p=["Ny nettside i 2025, skrevet i klarspråk.",
       "Aktiv på Facebook, mange følgere og raske svar.",
       "Kommunikasjonsrådgiver har ansvaret for at nettsiden er oppdatert."],
    m=["Nettsiden er ny, men sektorenes sider er ujevnt oppdatert.",
       "Lite informasjon på andre språk, noe på engelsk og ukrainsk.",
       "Lokalavisa brukes for å nå dem som ikke er digitale."],
    n=["Mye utdatert info på nettsiden, særlig under helse.",
       "Ingen plan for å nå innbyggere som ikke er digitale.",
       "Følger ikke med på hvordan informasjonen brukes."],
    S=["Ny nettside i klarspråk", "God bruk av sosiale medier"],
    C=["Nettsidene er ujevnt oppdatert", "Informasjon på andre språk er mangelfull"],
    W=["Mangler informasjon på andre språk", "Ingen rutiner for å holde nettsidene oppdatert"]),
"1.2.2": dict(
    p=["Sakspapirer og protokoller ligger på nett i møteportalen.",
       "KST-møtene direktesendes siden 2021, opptakene ligger ute.",
       "Ordfører legger ut kort oppsummering på FB etter hvert KST."],
    m=["Direktesending fungerer, men vanskelig å finne fram fra opptak til saksdokumentene.",
       "Ingen kortversjoner av store saker."],
    n=["Sakspapirene er tunge å lese, ingen kortversjoner.",
       "Lite markedsføring av møtene på forhånd."],
    S=["Direktesender kommunestyremøtene", "Sakspapirer og opptak av møter er tilgjengelig på nett"],
    C=["Mangler kortversjoner av viktige politiske saker"],
    W=["Ingen samleside om hvordan innbyggerne kan påvirke"]),
"1.3.1": dict(
    p=["Åpen spørretime før hvert KST-møte.",
       "Kontaktinfo til alle KST-medlemmer på nettsiden.",
       "Ordfører har «åpen dør» på torsdager."],
    m=["Spørretimen brukes lite, ca. 3–4 ganger i året.",
       "Innbyggerne får sjelden vite hva som skjedde med innspillene."],
    n=["Politikerne møter innbyggerne mest gjennom partiene.",
       "Ingen faste arenaer utenfor møtesalen."],
    q=[("p", ["mayor"], "«Folk ringer meg direkte, det er jo fordelen med en liten kommune» sier {who}.")],
    S=["Åpen spørretime i kommunestyret", "Ordfører er lett tilgjengelig for innbyggerne"],
    C=["Åpen spørretime brukes lite", "Innbyggerne får lite tilbakemelding på innspill"],
    W=["Mangler faste arenaer for dialog mellom innbyggere og politikere"]),
"1.3.2": dict(
    p=["Bred medvirkning i arbeidet med samfunnsdelen 2024: folkemøter, verksteder, digital kartløsning.",
       "Sentrumsplanen ble endret etter innspill fra innbyggerne – konkret eksempel."],
    m=["Medvirkning utover lovkrav i store planer, ellers lite.",
       "Ingen medvirkningsstrategi, avgjøres sak for sak.",
       "Innbyggerpanel prøvd én gang, ikke videreført."],
    n=["Innbyggerne kommer inn sent, ofte først ved høring.",
       "Medvirkningsprosessene evalueres ikke."],
    S=["God medvirkning i arbeidet med kommuneplanens samfunnsdel", "Bred innbyggermedvirkning i planarbeid"],
    C=["Medvirkning avgjøres sak for sak, uten felles strategi", "Innbyggere involveres ofte sent i prosessene"],
    W=["Mangler strategi for innbyggermedvirkning"]),
"1.3.3": dict(
    p=["Ungdomsrådet har eget budsjett (50 000 kr) og talerett i KST.",
       "Barnetråkk gjennomført ved alle skolene i forbindelse med planarbeid.",
       "Eldrerådet og rådet for personer med funksjonsnedsettelse får alle relevante saker."],
    m=["Rådene fungerer, men får sakene sent.",
       "Ungdomsrådet er aktivt, men rekrutterer fra de samme miljøene."],
    n=["Lite oppsøkende arbeid mot grupper som ikke deltar i organiserte fora.",
       "Innbyggere med innvandrerbakgrunn nås i liten grad."],
    S=["Aktivt ungdomsråd med reell innflytelse", "Ungdomsrådet har eget budsjett og talerett"],
    C=["Rådene får sakene for sent til å påvirke"],
    W=["Når i liten grad innbyggere med innvandrerbakgrunn"]),
"1.4.1": dict(
    p=["Årsmeldingen ligger på nett, KOSTRA-tall presenteres i budsjettet."],
    m=["Resultater fra nasjonale prøver ligger ute, ellers lite.",
       "Årsmeldingen er lang og lite lesbar for innbyggerne.",
       "Ingen kortversjon av årsmeldingen."],
    n=["Publiserer i liten grad resultater per tjeneste.",
       "Dårlige resultater kommer mest ut via lokalavisa.",
       "Ingen rutine for å publisere brukerundersøkelser."],
    q=[("n", None, "«Vi er ikke så flinke til å skryte – eller til å innrømme» sier {who}.")],
    S=["Publiserer årsmelding og KOSTRA-tall på nett"],
    C=["Årsmeldingen er lite tilgjengelig for innbyggerne", "Resultater presenteres lite forståelig for innbyggerne"],
    W=["Publiserer ikke resultater fra brukerundersøkelser", "Mangler rutiner for å informere innbyggerne om resultater"]),
"1.4.2": dict(
    p=["Tilsyns- og revisjonsrapporter legges fram for KU og publiseres.",
       "Åpen postjournal, innsyn besvares normalt innen 3 virkedager."],
    m=["Tilsynsrapporter publiseres, men oppfølgingen kommuniseres lite.",
       "Klagestatistikk finnes i noen sektorer, ikke samlet."],
    n=["Ingen samlet oversikt over klager.",
       "Lite åpenhet om avvik utover det som må."],
    S=["Åpen postjournal og rask behandling av innsynskrav", "Publiserer tilsyns- og revisjonsrapporter"],
    C=["Oppfølging etter tilsyn kommuniseres lite til innbyggerne"],
    W=["Mangler samlet klagestatistikk"]),
"1.5.1": dict(
    p=["Felles mal for saksframlegg, revidert 2024, med egne punkter for økonomi, klima og folkehelse.",
       "KD og kommunalsjef kvalitetssikrer alle saker til FSK og KST.",
       "Politikerne sier sakene er grundige."],
    m=["Malen er god, men alternative løsninger mangler ofte.",
       "Varierer mellom sektorene hvor gode saksframleggene er.",
       "Ingen systematisk tilbakemelding fra politikerne på sakskvaliteten."],
    n=["Opposisjonen mener sakene ofte er lagt opp mot én konklusjon.",
       "Sakene kommer sent ut, lite tid til å sette seg inn."],
    q=[("m", ["mayor"], "«Vi får ofte bare ett forslag, og da er det jo i praksis bestemt» sier {who}.")],
    S=["God mal for saksframlegg med konsekvensvurderinger", "Saksframlegg kvalitetssikres av kommunedirektøren"],
    C=["Politikerne får sjelden alternative løsninger å velge mellom", "Saksframleggene har sjelden alternativer"],
    W=[]),
"1.5.2": dict(
    p=["Folkevalgtopplæring ved start av perioden i samarbeid med KS.",
       "Temamøter før KST ca. 4 ganger i året, bl.a. om økonomi og klima."],
    m=["God opplæring ved start, mindre etterpå.",
       "Vararepresentanter får lite opplæring.",
       "Opplæringen evalueres ikke."],
    n=["Lite opplæring etter første året.",
       "Innholdet bestemmes av administrasjonen, ikke ut fra politikernes behov."],
    S=["Folkevalgtopplæring i samarbeid med KS", "Jevnlige temamøter for folkevalgte"],
    C=["Lite opplæring av folkevalgte etter oppstarten av perioden", "Vararepresentanter får lite opplæring"],
    W=["Folkevalgtopplæringen evalueres ikke"]),
"1.5.3": dict(
    p=["Etiske retningslinjer for folkevalgte revidert 2024 og drøftet i KST.",
       "Rutine for trusler og hets mot folkevalgte vedtatt 2025.",
       "Habilitet tas opp i starten av hvert møte."],
    m=["Retningslinjene finnes, ikke diskutert siden vedtaket.",
       "Registreringen i styrevervregisteret er ikke komplett."],
    n=["Flere folkevalgte har opplevd hets i sosiale medier uten at det er fulgt opp."],
    S=["Oppdaterte etiske retningslinjer for folkevalgte", "Har rutine for håndtering av trusler og hets mot folkevalgte"],
    C=["Ikke alle folkevalgte er registrert i styrevervregisteret"],
    W=[]),
"2.1.1": dict(
    p=["Samfunnsdelen vedtatt 2024 med FNs bærekraftsmål som rammeverk.",
       "Planstrategien vedtatt 2024, god politisk forankring.",
       "Visjonen «Eksempelvik – nær og framtidsrettet» brukes mye."],
    m=["Samfunnsdelen er ny, men brukes lite når det prioriteres i budsjettet.",
       "Det regionale samarbeidet om planarbeid er svakt."],
    n=["Samfunnsdelen er lite kjent i enhetene."],
    q=[("p", ["mayor", "chief_executive", "sector_head"], "«Den nye samfunnsdelen er det beste plandokumentet vi har hatt» sier {who}.")],
    S=["Har en oppdatert samfunnsdel av kommuneplanen", "Ny samfunnsdel med bærekraftsmålene som rammeverk", "Oppdatert kommuneplan med bærekraftsmålene"],
    C=["Samfunnsdelen brukes lite i prioriteringene"],
    W=[]),
"2.1.2": dict(
    p=["Handlingsdelen rulleres årlig sammen med HØP.",
       "Hvert tiltak har en ansvarlig kommunalsjef."],
    m=["Koblingen mellom handlingsdel og budsjett er der, men svak.",
       "Rapporterer på tiltak, ikke på om samfunnsmålene nås.",
       "Mangler indikatorer for flere av samfunnsmålene."],
    n=["Mange tiltak uten finansiering.",
       "Lite rapportering på måloppnåelse."],
    S=["Handlingsdelen er koblet til økonomiplanen", "Handlingsdel rulleres årlig med HØP"],
    C=["Mangler indikatorer for å følge opp samfunnsmålene", "Rapporterer lite på om samfunnsmålene nås"],
    W=[]),
"2.2.1": dict(
    p=["BTI-modellen (bedre tverrfaglig innsats) er innført i oppvekst.",
       "Godt samarbeid med NAV om unge utenfor arbeid – eget ungdomsteam.",
       "Fritidskortet og gratis kulturskoleplass for familier med lav inntekt."],
    m=["Mange gode tiltak, men lite samordnet mellom sektorene.",
       "Integreringen av flyktninger fungerer, men få kommer i jobb.",
       "Måler lite effekt av tiltakene."],
    n=["Mangler oversikt over hvilke grupper som er mest utsatt.",
       "Sektorene jobber med de samme familiene uten å snakke sammen."],
    r={"unit_leader": ["Ser barnefattigdom tydelig i {unit}, f.eks. ved turer og utstyr.",
                       "Samarbeidet med NAV og helsestasjonen er personavhengig."]},
    S=["God tverrfaglig innsats for barn og unge (BTI)", "Godt samarbeid med NAV om unge utenfor arbeid"],
    C=["Tiltak mot utenforskap er lite samordnet", "Måler lite effekten av tiltak mot utenforskap"],
    W=["Mangler plan mot barnefattigdom"]),
"2.2.2": dict(
    p=["Oversiktsdokument for folkehelse oppdatert 2023 og brukt i samfunnsdelen.",
       "Folkehelsekoordinator i 50 % stilling koordinerer på tvers.",
       "Egen plan for kriminalitetsforebygging (SLT)."],
    m=["Folkehelseoversikten finnes, men brukes ujevnt i sektorplanene.",
       "Ingen plan for likeverd og likestilling i befolkningen."],
    n=["Folkehelse oppleves som helsesektorens ansvar.",
       "Levekårsforskjellene i sentrum er kjent, men lite fulgt opp."],
    S=["Oppdatert oversikt over folkehelse og levekår", "Godt SLT-arbeid"],
    C=["Folkehelseperspektivet er ikke gjennomgående i alle sektorer"],
    W=["Mangler plan for likeverd og likestilling i befolkningen", "Har ikke plan for likestilling i befolkningen"]),
"2.3.1": dict(
    p=["Klima- og miljøplan vedtatt 2023 med konkrete mål.",
       "Klimabudsjett fra 2024, rapporteres i tertialrapportene.",
       "Miljøkrav i alle større innkjøp via innkjøpssamarbeidet.",
       "Seks enheter er miljøfyrtårnsertifisert."],
    m=["Klimabudsjettet er nytt, usikkert hvordan det påvirker prioriteringene.",
       "Samarbeidet med næringslivet om klimatiltak er i startfasen."],
    n=["Utslippene fra transport går ikke ned."],
    q=[("p", None, "«Klima er noe vi faktisk har fått til» sier {who}.")],
    S=["Har en oppdatert klima- og miljøplan", "Har klimabudsjett som følges opp i rapporteringen", "Oppdatert klima- og miljøplan med klimabudsjett"],
    C=["Lite samarbeid med næringslivet om klimatiltak"],
    W=[]),
"2.3.2": dict(
    p=["Helhetlig ROS oppdatert 2025, inkl. stormflo og overvann.",
       "Klimatilpasning er tatt inn i arealdelen, hensynssoner for flom og skred.",
       "Overvannsplan vedtatt, følges opp i byggesaker."],
    m=["Naturregnskap er under arbeid, ikke ferdig.",
       "Kartleggingen av naturmangfold er gammel."],
    n=["Naturhensyn taper ofte mot utbygging."],
    S=["Oppdatert helhetlig ROS-analyse", "Klimatilpasning er godt integrert i arealplanleggingen"],
    C=["Naturmangfold er svakt kartlagt"],
    W=["Mangler naturregnskap"]),
"2.4.1": dict(
    p=["Frivillighetspolitikk vedtatt 2022, frivilligsentral med 1,5 årsverk.",
       "Årlig frivillighetsforum med lag og foreninger.",
       "Samskaping: nærmiljøanlegget ble bygget sammen med idrettslaget."],
    m=["Frivilligsentralen fungerer godt, men samarbeidet med enhetene er tilfeldig.",
       "Tilskuddsordningene er kjent, men søknadsprosessen er tungvint."],
    n=["Frivillige opplever kommunen som vanskelig å samarbeide med."],
    r={"unit_leader": ["I {unit} bidrar frivillige bl.a. med turer og aktiviteter, avtalt direkte med enheten."]},
    S=["Vedtatt frivillighetspolitikk", "Aktiv frivilligsentral", "Godt samarbeid med frivillige lag og organisasjoner"],
    C=["Samarbeidet med frivillige er tilfeldig i enhetene"],
    W=[]),
"2.4.2": dict(
    p=["Strategisk næringsplan fra 2021, næringsforum møtes fire ganger i året.",
       "Næringsrådgiver gir veiledning til etablerere.",
       "Kulturskolen har god dekning, ventelisten er borte."],
    m=["Næringsplanen er lite fulgt opp etter vedtaket.",
       "Kulturplanen er fra 2015 og utdatert."],
    n=["Næringslivet opplever saksbehandlingen som treg.",
       "Ingen oversikt over behovene til lokale bedrifter."],
    S=["Aktivt næringsforum", "God veiledning for etablerere"],
    C=["Kulturplanen er utdatert", "Næringsplanen følges lite opp"],
    W=[]),
"3.1.1": dict(
    p=["Mål- og resultatstyring beskrevet i eget dokument, revidert 2024.",
       "Årshjul for styring og rapportering vedtatt av KST.",
       "Delegeringsreglementet revidert 2024."],
    m=["Modellen er godt beskrevet, men ikke alle ledere kjenner den.",
       "Presenteres litt ulikt i HØP og i årsmeldingen."],
    n=["Enhetslederne opplever modellen som et rent økonomistyringsverktøy."],
    S=["Godt beskrevet styringsmodell med årshjul", "Oppdatert delegeringsreglement", "Tydelig mål- og resultatstyring"],
    C=["Styringsmodellen er lite kjent blant enhetslederne"],
    W=[]),
"3.1.2": dict(
    p=["Gjennomgående mål fra samfunnsdelen til HØP og virksomhetsplaner.",
       "Felles mal for virksomhetsplaner.",
       "Lederavtalene henviser til målene i HØP."],
    m=["De fleste enheter har virksomhetsplan, ikke alle.",
       "Rød tråd er tydelig for økonomi, svakere for kvalitet og samfunnsmål."],
    n=["Virksomhetsplanene lages for å leveres, brukes lite.",
       "Ser ikke koblingen til kommuneplanen fra enhetsnivå."],
    r={"unit_leader": ["Virksomhetsplanen for {unit} er laget, men brukes mest i januar.",
                       "Målene kommer ovenfra, lite rom for egne mål."]},
    S=["Rød tråd fra kommuneplan til virksomhetsplaner", "Felles mal for virksomhetsplaner"],
    C=["Ikke alle enheter har virksomhetsplan", "Virksomhetsplanene brukes lite i det daglige"],
    W=[]),
"3.2.1": dict(
    p=["KST vedtar mål for alle tjenesteområder i HØP.",
       "Budsjettkonferansen i juni gir strategiske debatter.",
       "Tydelige politiske prioriteringer, bl.a. i skolestruktursaken."],
    m=["Mange mål, ikke alle er målbare.",
       "Mye tid i KST går til enkeltsaker."],
    n=["Målene er i hovedsak økonomi og sykefravær."],
    S=["Kommunestyret vedtar mål for alle tjenesteområder", "Tydelige politiske prioriteringer i budsjettet"],
    C=["Mye tid i kommunestyret går til enkeltsaker framfor strategi"],
    W=[]),
"3.2.2": dict(
    p=["Restanseliste til FSK hvert tertial.",
       "KU følger opp vedtak aktivt.",
       "Status for alle vedtak i tertialrapporten."],
    m=["Restanselisten er lang, gamle saker blir liggende."],
    n=["Vedtak blir liggende uten at noen spør etter dem."],
    S=["Jevnlig rapportering på status for politiske vedtak", "Restanseliste for politiske vedtak hvert tertial"],
    C=["Gamle vedtak blir liggende på restanselisten"],
    W=[]),
"3.2.3": dict(
    p=["Budsjettkonferanse i juni med felles kunnskapsgrunnlag.",
       "Strategikonferanse for hele KST i februar.",
       "Gruppeledermøter underveis i budsjettprosessen."],
    m=["Opposisjonen opplever å komme sent inn.",
       "Kunnskapsgrunnlaget er omfattende, men kommer sent."],
    n=["Posisjonen lager budsjettet, opposisjonen får se det ferdig."],
    r={"formannskap": ["Opposisjonen i gruppen mener de kommer for sent inn, ordføreren er uenig."]},
    S=["Politikerne involveres tidlig gjennom budsjettkonferanse", "Tidlig politisk involvering i budsjettarbeidet"],
    C=["Opposisjonen opplever å bli involvert sent i budsjettarbeidet"],
    W=[]),
"3.3.1": dict(
    p=["Tertialrapporter med måloppnåelse på alle målområder.",
       "Årsmeldingen rapporterer på alle målene i HØP, med trafikklys.",
       "Sammenligner med tidligere år og KOSTRA."],
    m=["Rapportene er omfattende, politikerne leser mest økonomidelen."],
    n=["Rapporteringen er tung og lite lest."],
    S=["God rapportering til folkevalgte på alle målområder", "Tertialrapporter med måloppnåelse på alle områder"],
    C=["Rapportene er omfattende og lite brukt i politiske diskusjoner"],
    W=[]),
"3.3.2": dict(
    p=["Resultatdialog mellom KD, kommunalsjef og enhetsleder to ganger i året.",
       "Økonomiavvik analyseres månedlig sammen med økonomirådgiver.",
       "Ledelsens gjennomgang i helse og omsorg hvert år."],
    m=["Avvik i økonomi analyseres godt, avvik i kvalitet mindre.",
       "Korrigerende tiltak beskrives, men følges lite opp."],
    n=["Resultatdialogen er mest en økonomigjennomgang.",
       "Lite støtte til analyse i enhetene."],
    r={"unit_leader": ["Resultatdialogen med kommunalsjef oppleves nyttig, men kort.",
                       "Får økonomirapport hver måned, analysen må enhetsleder gjøre selv."]},
    S=["Fast resultatdialog mellom ledernivåene", "God oppfølging av økonomiske avvik"],
    C=["Avvik i kvalitet analyseres lite sammenlignet med økonomi", "Resultatdialogen dreier seg mest om økonomi"],
    W=[]),
"3.3.3": dict(
    p=["Internkontrollsystemet revidert etter ny kommunelov, rapporteres årlig til KST.",
       "Risikovurderinger gjøres i alle sektorer, mal i kvalitetssystemet.",
       "KU har en aktiv plan for forvaltningsrevisjon, siste om barnevern 2025."],
    m=["Risikovurderinger gjøres, men ujevnt i enhetene.",
       "Avvik på systemnivå følges opp, men lite læring på tvers."],
    n=["Internkontrollen oppleves som mye papir."],
    S=["Godt system for internkontroll", "Internkontroll rapporteres årlig til kommunestyret", "Har et godt internkontrollsystem"],
    C=["Risikovurderinger gjøres ujevnt i enhetene"],
    W=[]),
"3.4.1": dict(
    p=["Rolleavklaring i starten av perioden, delegeringsreglementet revidert 2024.",
       "Retningslinjer for kontakt mellom politikere og ansatte.",
       "Lite konflikter om roller."],
    m=["Noen politikere tar kontakt direkte med enhetsledere, håndteres av KD.",
       "Retningslinjene er lite kjent blant nye politikere."],
    n=["Uklare roller i enkeltsaker, bl.a. skolestruktursaken."],
    S=["Tydelig rolleavklaring mellom politikk og administrasjon", "God rollefordeling mellom folkevalgte og administrasjonen"],
    C=["Politikere kontakter enhetsledere direkte i enkeltsaker"],
    W=[]),
"3.4.2": dict(
    p=["Fast ukemøte mellom ordfører og KD.",
       "Felles samling for FSK, ledergruppen og HTV-ene en gang i året.",
       "Godt tillitsforhold, beskrives som «kort vei»."],
    m=["Samspillet er ikke evaluert.",
       "HTV-ene er med på samlingen, ellers lite."],
    n=["TV-ene opplever å stå utenfor.",
       "Tilliten er personavhengig."],
    r={"union_rep": ["HTV-ene er med på én samling i året, ellers ingen arena med politikerne.",
                     "Opplever at politikerne får et for rosenrødt bilde av arbeidsforholdene."]},
    S=["Godt samspill mellom ordfører og kommunedirektør", "God tillit mellom politisk og administrativ ledelse"],
    C=["Samspillet mellom politikk og administrasjon er ikke evaluert"],
    W=["Tillitsvalgte er lite involvert i felles arenaer"]),
"4.1.1": dict(
    p=["Handlingsregler: netto driftsresultat 1,75 %, disposisjonsfond min. 8 %.",
       "Omstillingsprogrammet «Omstilling 2028» har konkrete mål.",
       "Prioriteringene er tydelige i HØP."],
    m=["Omstillingsprogrammet er i gang, gevinstene er lite dokumentert.",
       "Mest ostehøvel, lite reell prioritering mellom tjenester."],
    n=["Innsparinger går ut over kvaliteten uten at det vurderes.",
       "Ingen gevinstrealisering."],
    q=[("m", None, "«Det blir ostehøvel hvert år» sier {who}.")],
    S=["Vedtatte handlingsregler for økonomien", "Omstillingsprogram med konkrete mål"],
    C=["Gevinster av omstilling dokumenteres lite", "Mangler gevinstrealisering"],
    W=[]),
"4.1.2": dict(
    p=["Månedlig økonomirapportering til alle enhetsledere.",
       "Nøkkeltall per tjeneste i HØP (kostnad per plass, per elev).",
       "Økonomirådgiver følger hver sektor tett."],
    m=["God kontroll på kostnader, kobles lite mot resultater.",
       "Nøkkeltallene finnes, men brukes ulikt."],
    n=["Ser ikke kostnader og kvalitet i sammenheng."],
    r={"unit_leader": ["Følger med på lønn og vikarbruk i {unit} hver måned."]},
    S=["God månedlig økonomirapportering", "God kostnadskontroll i enhetene"],
    C=["Ressursbruk ses lite i sammenheng med resultater", "Kostnader og kvalitet ses lite i sammenheng"],
    W=[]),
"4.2.1": dict(
    p=["Befolkningsframskrivinger brukes i HØP, ser 10–15 år fram.",
       "Egen analyse av eldrebølgen, omsorgstrappen revidert.",
       "Behovsplan for skole og barnehage fra 2024."],
    m=["Analysene finnes, men konsekvensene for tjenestestrukturen er ikke tatt.",
       "Politikerne involveres først når analysene er ferdige."],
    n=["Planlegger i praksis mest ett år fram."],
    r={"sector_head": ["Tallene er kjent, men strukturendringer er politisk vanskelig."]},
    S=["God bruk av befolkningsframskrivinger i planleggingen", "Har analysert behovene i eldreomsorgen fram mot 2040"],
    C=["Demografianalysene følges lite opp med strukturelle valg"],
    W=[]),
"4.2.2": dict(
    p=["Finansielle måltall vedtatt, følges opp i alle rapporter.",
       "Disposisjonsfond på ca. 9 % av driftsinntektene.",
       "Vedlikeholdsplan for bygg, revideres årlig."],
    m=["Lånegjelden er høy etter den nye skolen.",
       "Vedlikeholdsetterslep på noen bygg."],
    n=["Handlingsrommet er i ferd med å spises opp av renter og avdrag."],
    S=["Har vedtatte finansielle måltall", "Solid disposisjonsfond", "God langsiktig økonomistyring"],
    C=["Høy lånegjeld begrenser handlingsrommet", "Vedlikeholdsetterslep på kommunale bygg"],
    W=[]),
"4.3.1": dict(
    p=["KOSTRA-analyse hvert år i budsjettprosessen.",
       "Sammenligner med kommunegruppen og tre nabokommuner.",
       "Deltar i KS effektiviseringsnettverk for pleie og omsorg."],
    m=["KOSTRA-analysen lages av økonomi, brukes lite i enhetene."],
    n=["KOSTRA-tallene brukes lite utover budsjettet."],
    S=["Bruker KOSTRA aktivt i budsjettarbeidet", "Årlige KOSTRA-analyser"],
    C=["KOSTRA-tall brukes lite ute i enhetene"],
    W=[]),
"4.3.2": dict(
    p=["Studiebesøk i to kommuner om heltid i 2025.",
       "Sammenligner enhetene innbyrdes i helse og omsorg."],
    m=["Læring fra andre er tilfeldig og personavhengig.",
       "Sammenligning mellom egne skoler skjer uformelt."],
    n=["Ingen systematisk sammenligning av arbeidsmåter.",
       "Lite kultur for å lære av beste praksis."],
    S=["Lærer av andre kommuner gjennom studiebesøk"],
    C=["Læring fra andre kommuner er tilfeldig", "Sammenligninger mellom egne enheter brukes lite"],
    W=["Mangler systematisk læring fra beste praksis"]),
"4.4.1": dict(
    p=["Digitaliseringsstrategi fra 2023 i regionalt samarbeid.",
       "Velferdsteknologi godt i gang: digitalt tilsyn og medisindispensere.",
       "Digitale skjemaer for byggesak, barnehage og SFO."],
    m=["Strategien er vedtatt, men mangler gevinstrealisering.",
       "Digitaliseringen drives av enkelte ildsjeler.",
       "Mange fagsystemer som ikke snakker sammen."],
    n=["Helse og omsorg har fortsatt mye papir.",
       "IKT-støtten er underdimensjonert."],
    r={"unit_leader": ["Mye tid går med til fagsystemer som ikke snakker sammen.",
                       "Medisindispenserne har spart mange besøk i hjemmetjenesten."]},
    S=["Har en digitaliseringsstrategi", "God bruk av velferdsteknologi i hjemmetjenesten", "Velferdsteknologi er tatt i bruk"],
    C=["Gevinster av digitalisering tas ikke ut", "Digitaliseringsstrategien mangler gevinstrealisering"],
    W=["IKT-støtten er for svak"]),
"4.4.2": dict(
    p=["Heltidsprosjekt i helse og omsorg med langvakter.",
       "Tverrfaglige team i hjemmetjenesten.",
       "Ny oppgavedeling mellom sykepleiere og fagarbeidere."],
    m=["Heltidsprosjektet er i gang på to enheter.",
       "Ny oppgavedeling prøves ut, ikke evaluert."],
    n=["Langvaktforsøket ble innført uten reell drøfting.",
       "Lite prosessforbedring utenfor helse."],
    r={"union_rep": ["Medlemmene opplever nye turnuser som innsparing, ikke utvikling.",
                     "Fagarbeidere får flere oppgaver uten kompetanseheving."]},
    q=[("n", ["union_rep"], "«Heltid er bra, men det må ikke bli en ny måte å spare på» sier {who}."),
       ("p", ["chief_executive", "sector_head"], "«Langvaktene har gjort det mye lettere å rekruttere» sier {who}.")],
    S=["Heltidsprosjekt med langvakter i helse og omsorg", "Tar i bruk nye arbeidsmåter i helse og omsorg"],
    C=["Nye arbeidsmåter er ikke evaluert", "Ny oppgavedeling er lite evaluert"],
    W=["Mangler reell involvering av ansatte i omstilling"]),
"4.5.1": dict(
    p=["Mange interkommunale samarbeid: legevakt, barnevern, IKT, innkjøp.",
       "Godt samarbeid med helseforetaket om utskrivningsklare pasienter.",
       "Felles innkjøp gir gode priser."],
    m=["Mange samarbeid, oversikten er krevende."],
    n=["Samarbeidene styres lite fra kommunens side."],
    S=["Omfattende interkommunalt samarbeid", "Godt samarbeid med helseforetaket"],
    C=["Mange samarbeidsordninger gir svak oversikt"],
    W=[]),
"4.5.2": dict(
    p=["Eierskapsmelding fra 2022, eiermøter i alle IKS.",
       "Kontraktsoppfølging via innkjøpssamarbeidet."],
    m=["Eierskapsmeldingen bør oppdateres.",
       "Interkommunale ordninger evalueres sjelden."],
    n=["Ingen systematisk evaluering av de interkommunale ordningene.",
       "Politikerne har lite oversikt over selskapene."],
    S=["Har eierskapsmelding og jevnlige eiermøter"],
    C=["Interkommunale ordninger evalueres sjelden", "Eierskapsmeldingen er utdatert"],
    W=["Mangler evaluering av interkommunale samarbeid"]),
"5.1.1": dict(
    p=["Brukerperspektivet er omtalt i samfunnsdelen.",
       "Tjenestene er opptatt av brukerne, men uten felles strategi."],
    m=["Ingen servicestrategi, enkelte sektorer har serviceerklæringer.",
       "Mål for servicenivå finnes bare for byggesak."],
    n=["Ingen servicestrategi eller felles servicemål.",
       "Brukerfokus er opp til hver enhet.",
       "Servicetorget ble lagt ned i 2020 uten erstatning."],
    q=[("n", None, "«Vi har ikke en servicestrategi, vi har ildsjeler» sier {who}.")],
    S=["Brukerperspektivet er forankret i kommuneplanen"],
    C=["Serviceerklæringer finnes bare i enkelte sektorer"],
    W=["Mangler servicestrategi", "Har ingen felles servicestrategi", "Mangler felles mål for service"]),
"5.1.2": dict(
    p=["Elevundersøkelsen og foreldreundersøkelsen i barnehage brukes aktivt.",
       "Innbyggerundersøkelse gjennomført i 2024."],
    m=["Brukerundersøkelser i oppvekst, lite i helse og omsorg.",
       "Resultatene gjennomgås i noen enheter, ikke alle.",
       "Pårørendeundersøkelsen på sykehjem ble sist gjort i 2022."],
    n=["Ingen brukerundersøkelser i helse og omsorg siden 2022.",
       "Resultatene følges ikke opp."],
    r={"unit_leader": ["Resultatene for {unit} gjennomgås på personalmøte.",
                       "Få svar på undersøkelsen i {unit}, vanskelig å bruke."]},
    S=["Bruker resultater fra brukerundersøkelser aktivt i oppvekst"],
    C=["Brukerundersøkelser gjennomføres bare i deler av kommunen", "Resultater fra brukerundersøkelser følges ulikt opp"],
    W=["Mangler brukerundersøkelser i helse og omsorg", "Gjennomfører ikke brukerundersøkelser i pleie og omsorg"]),
"5.2.1": dict(
    p=["Verdiene «åpen, nær, framtidsrettet» brukes i introduksjonen for nyansatte.",
       "Refleksjon over brukermøter på personalmøtene i helse."],
    m=["Introduksjonen for nyansatte varierer mellom enhetene.",
       "Ingen felles serviceopplæring."],
    n=["Ingen serviceopplæring.",
       "Tilbakemeldinger om dårlig service fanges ikke opp systematisk."],
    r={"union_rep": ["Vikarer og nyansatte får ofte ingen introduksjon.",
                     "Lite tid til refleksjon, turnusen er for stram."]},
    S=["Bruker felles verdier i introduksjon av nyansatte"],
    C=["Introduksjonen av nyansatte varierer mellom enhetene"],
    W=["Mangler serviceopplæring", "Ingen felles opplæring i service"]),
"5.2.2": dict(
    p=["Førstelinja i teknisk kan gi svar direkte i enkle saker."],
    m=["Handlingsrommet er ikke beskrevet, avhenger av leder.",
       "Saker som gjelder flere enheter blir ofte liggende."],
    n=["Ingen rutiner for saker på tvers av enheter.",
       "Ansatte må ofte spørre leder."],
    S=["Førstelinjen har myndighet til å løse enkle saker"],
    C=["Handlingsrommet i førstelinjen er ikke beskrevet"],
    W=["Mangler rutiner for saker som gjelder flere enheter", "Ingen rutiner for henvendelser på tvers av enhetene"]),
"5.3.1": dict(
    p=["Sentralbord og chat på nettsiden.",
       "Nettsiden oppfyller kravene til universell utforming."],
    m=["Servicetorget er lagt ned, telefon og chat i stedet.",
       "Telefontilgjengeligheten måles ikke."],
    n=["Vanskelig å nå fram på telefon, særlig til helse.",
       "Tolk brukes lite i førstekontakten."],
    S=["Universelt utformet nettside"],
    C=["Telefontilgjengeligheten måles ikke"],
    W=["Mangler servicetorg eller felles kontaktpunkt", "Ikke lenger et felles servicetorg"]),
"5.3.2": dict(
    p=["Saksbehandlingstid i byggesak rapporteres til KST."],
    m=["Mål for svartid bare i byggesak, der følges det godt opp.",
       "Foreløpig svar sendes i noen sektorer."],
    n=["Ingen felles mål for svartid.",
       "Foreløpig svar sendes sjelden.",
       "Ingen statistikk utenom byggesak."],
    S=["Følger godt opp saksbehandlingstid i byggesak"],
    C=["Svartid følges bare opp i byggesak"],
    W=["Mangler felles mål for svartid", "Ingen mål for svartid på henvendelser"]),
"5.4.1": dict(
    p=["Tjenestebeskrivelser for barnehage og SFO på nett."],
    m=["Noen tjenestebeskrivelser, ikke oppdatert.",
       "Informasjon om klagerett står i vedtakene."],
    n=["Ingen servicegarantier.",
       "Tjenestebeskrivelser mangler i helse og omsorg.",
       "Innbyggerne vet lite om hva de kan forvente."],
    S=["Tjenestebeskrivelser for oppvekst er på plass"],
    C=["Tjenestebeskrivelsene er få og utdaterte"],
    W=["Mangler servicegarantier", "Har ikke servicegarantier", "Mangler tjenestebeskrivelser i helse og omsorg"]),
"5.4.2": dict(
    p=["Digitale søknader for byggesak, barnehage og SFO.",
       "Innsyn i egen sak for byggesak."],
    m=["Helse og omsorg har mest papirskjemaer.",
       "Statusvarsler bare i byggesak."],
    n=["Søkerne kan ikke se hvor saken står.",
       "Lite veiledning på andre språk."],
    S=["Digitale søknader i flere tjenester"],
    C=["Få tjenester har innsyn i egen sak", "Helse og omsorg har få digitale søknader"],
    W=["Mangler digitale søknader i helse og omsorg"]),
"5.5.1": dict(
    p=["Individuell plan og koordinator for brukere med sammensatte behov.",
       "«Hva er viktig for deg?»-samtaler på sykehjemmet."],
    m=["IP brukes, men ikke for alle som har rett til det.",
       "Brukerens ønsker dokumenteres ulikt."],
    n=["Få reelle valgmuligheter i tjenestene.",
       "Vedtak fattes uten samtale med brukeren."],
    r={"union_rep": ["Ansatte har ikke tid til å følge opp brukerens ønsker.",
                     "Vedtakene er for lite fleksible, sier TV-ene."]},
    S=["Bruker «Hva er viktig for deg?»-samtaler"],
    C=["Individuell plan brukes ikke for alle med rett til det"],
    W=["Brukerne har få valgmuligheter i tjenestene"]),
"5.5.2": dict(
    p=["Samarbeidsutvalg i alle skoler og barnehager.",
       "Pårørendeforening ved sykehjemmet."],
    m=["Brukerråd finnes i oppvekst, lite i helse.",
       "Klager brukes lite til læring."],
    n=["Ingen brukerråd i helse og omsorg.",
       "Klager behandles enkeltvis, ikke som kilde til forbedring.",
       "Tjenestedesign er ikke tatt i bruk."],
    q=[("n", None, "«Brukerne blir spurt når vi allerede har bestemt oss» sier {who}.")],
    S=["Aktive samarbeidsutvalg i skoler og barnehager"],
    C=["Brukermedvirkning i tjenesteutvikling er lite systematisk", "Lite systematisk brukermedvirkning i tjenesteutviklingen"],
    W=["Mangler brukerråd i helse og omsorg", "Klager brukes ikke til læring"]),
"6.1.1": dict(
    p=["Kvalitet er omtalt i HØP og i styringsmodellen.",
       "Helse og omsorg har egen kvalitetsplan."],
    m=["Ingen felles kvalitetsstrategi, bare sektorvise planer.",
       "Kvalitetssystemet er i bruk, men ikke koblet til styringen."],
    n=["Mangler felles kvalitetsstrategi.",
       "Kvalitet er ikke politisk forankret."],
    S=["Egen kvalitetsplan i helse og omsorg"],
    C=["Kvalitetsarbeidet er lite koblet til styringssystemet"],
    W=["Mangler felles kvalitetsstrategi", "Har ingen overordnet kvalitetsstrategi"]),
"6.1.2": dict(
    p=["Følger nasjonale kvalitetsindikatorer i helse og skole.",
       "Kvalitetsmål for alle tjenesteområder i HØP."],
    m=["Kvalitetsmål finnes, mest lovpålagte indikatorer.",
       "Ikke alle tjenester har beskrevet hva god kvalitet er."],
    n=["Ingen mål for brukeropplevd kvalitet.",
       "Målingene brukes lite til å prioritere."],
    S=["Følger nasjonale kvalitetsindikatorer"],
    C=["Ikke alle tjenester har definert god kvalitet"],
    W=["Mangler mål for brukeropplevd kvalitet"]),
"6.2.1": dict(
    p=["Ass. KD har ansvaret for kvalitet i ledergruppen.",
       "Felles elektronisk kvalitetssystem for hele kommunen."],
    m=["Kvalitetssystemet er felles, men brukes mest i helse.",
       "Lite erfaringsdeling mellom sektorene."],
    n=["Ingen kvalitetsråd eller nettverk på tvers.",
       "Hver sektor har sine egne prosedyrer."],
    S=["Felles kvalitetssystem for hele kommunen", "Tydelig ansvar for kvalitet i ledergruppen"],
    C=["Kvalitetssystemet brukes ulikt i sektorene", "Felles kvalitetssystem brukes ujevnt"],
    W=["Mangler arena for erfaringsdeling om kvalitet på tvers"]),
"6.2.2": dict(
    p=["Kvalitetsrådgiver i helse og omsorg.",
       "Opplæring i kvalitetssystemet for nye ledere."],
    m=["Kvalitetsrådgiveren dekker bare helse.",
       "Opplæringen av ansatte i kvalitetssystemet overlates til enhetene."],
    n=["Enhetslederne står alene når de skal starte forbedringsarbeid.",
       "Kvalitetsrådgiverstillingen i oppvekst ble kuttet i 2023."],
    S=["Kvalitetsrådgiver gir god støtte i helse og omsorg"],
    C=["Støtten til kvalitetsarbeid er ulik mellom sektorene"],
    W=["Mangler støtte til kvalitetsarbeid i oppvekst", "Enhetene får lite støtte i kvalitetsarbeidet"]),
"6.3.1": dict(
    p=["Avvikssystem i alle enheter, ca. 1 400 avvik i fjor.",
       "Avvik gjennomgås månedlig i ledermøtene i helse og omsorg.",
       "Forbedringstavler på to sykehjemsavdelinger."],
    m=["Avvik meldes mye i helse, lite i oppvekst og teknisk.",
       "Avvikene registreres, men brukes lite til læring."],
    n=["Den som melder avvik får sjelden tilbakemelding.",
       "Ingen system for forbedringsforslag."],
    r={"union_rep": ["Medlemmene sier de slutter å melde avvik fordi ingenting skjer.",
                     "Avvik om bemanning lukkes uten tiltak."]},
    q=[("n", ["union_rep", "unit_leader"], "«Vi melder og melder, men hører aldri noe» sier {who}."),
       ("p", ["chief_executive", "sector_head"], "«Avvik er gull for oss» sier {who}.")],
    S=["Godt innarbeidet avvikssystem", "Avvik brukes til læring i helse og omsorg"],
    C=["Avvik brukes lite til læring", "Avvikssystemet brukes mest til registrering"],
    W=["Mangler system for forbedringsforslag fra ansatte", "Ansatte får ikke tilbakemelding på avvik"]),
"6.3.2": dict(
    p=["Velferdsteknologiprosjektene er gode eksempler på nye løsninger.",
       "Kurs i tjenestedesign for ledere i helse."],
    m=["Ingen innovasjonsmidler, prosjektene finansieres av statstilskudd.",
       "Gode løsninger spres lite mellom enhetene."],
    n=["Ingen tid til utviklingsarbeid.",
       "Lite rom for å prøve og feile."],
    r={"union_rep": ["Ansatte har idéer, men ikke tid.",
                     "Innovasjon oppleves som noe som kommer ovenfra."]},
    S=["Tar i bruk velferdsteknologi"],
    C=["Gode løsninger spres lite mellom enhetene"],
    W=["Mangler innovasjonsmidler", "Ingen egne midler til innovasjon"]),
"6.4.1": dict(
    p=["Regionalt kvalitetsnettverk i helse.",
       "Samarbeid med høgskolen om praksis og FoU i sykepleie.",
       "Deltar i KS-nettverk for heltid og for lederutvikling."],
    m=["Deltar i nettverk, men læringen tas lite hjem.",
       "Mye avhenger av enkeltpersoner."],
    n=["Lite samarbeid med FoU-miljøer utenfor helse."],
    S=["Deltar aktivt i KS-nettverk", "Godt samarbeid med høgskolen"],
    C=["Læring fra nettverk tas lite hjem i organisasjonen"],
    W=[]),
"6.4.2": dict(
    p=["Gode rutiner for overgangen barnehage–skole.",
       "Koordinerende enhet fungerer godt.",
       "Tverrfaglig team for barn og unge (BTI)."],
    m=["Overgangen sykehjem–hjemmetjeneste fungerer varierende.",
       "Samarbeidet skjer mest mellom personer, ikke systemer."],
    n=["Siloer mellom sektorene.",
       "Ingen felles rutiner for overganger i helse og omsorg."],
    r={"union_rep": ["Ansatte opplever «vi og dem» mellom sykehjem og hjemmetjeneste."]},
    S=["God overgang mellom barnehage og skole", "Godt fungerende koordinerende enhet"],
    C=["Samarbeidet på tvers er personavhengig", "Overgangene i helse og omsorg fungerer varierende"],
    W=["Sektorene arbeider i siloer"]),
"7.1.1": dict(
    p=["Arbeidsgiverstrategi vedtatt 2021, årlig handlingsplan.",
       "Mål om 60 % heltid i helse og omsorg innen 2027.",
       "Livsfasepolitikk med seniortiltak."],
    m=["Strategien skulle vært revidert i år.",
       "Heltidsandelen i helse og omsorg er ca. 45 %."],
    n=["Strategien er ukjent ute i enhetene.",
       "Lite politisk oppfølging av arbeidsgiverstrategien."],
    r={"union_rep": ["HTV-ene var ikke med da strategien ble laget.",
                     "Heltidsmålet er ikke fulgt opp i turnusene."]},
    q=[("n", ["union_rep"], "«Vi har planen, men ingen bruker den» sier {who}."),
       ("p", ["chief_executive", "staff_leader"], "«Arbeidsgiverstrategien er vårt viktigste verktøy» sier {who}.")],
    S=["Vedtatt arbeidsgiverstrategi", "Har en arbeidsgiverstrategi med mål for heltid"],
    C=["Arbeidsgiverstrategien er lite kjent i organisasjonen", "Arbeidsgiverstrategien bør revideres"],
    W=["Lav andel heltid i helse og omsorg"]),
"7.1.2": dict(
    p=["Faste IDF-møter hver måned.",
       "TV og VO er med i alle omstillingsprosjekter.",
       "Partssammensatt gruppe for heltid."],
    m=["Partssamarbeidet er godt sentralt, varierer i enhetene.",
       "TV-ene kommer inn når rammene er lagt."],
    n=["TV-ene involveres sent ved budsjettkutt.",
       "Drøftinger blir orienteringer."],
    r={"union_rep": ["IDF-møtene er ofte rene orienteringer.",
                     "Budsjettkuttene i fjor høst ble lagt fram ferdig."]},
    q=[("n", ["union_rep"], "«Vi blir informert, ikke involvert» sier {who}."),
       ("p", ["chief_executive", "staff_leader"], "«Vi har et veldig godt partssamarbeid» sier {who}.")],
    S=["Godt formalisert partssamarbeid", "Faste møter med tillitsvalgte"],
    C=["Tillitsvalgte involveres sent i omstillingsprosesser", "Partssamarbeidet varierer mellom enhetene"],
    W=["Tillitsvalgte blir informert, ikke involvert"]),
"7.2.1": dict(
    p=["Strategisk kompetanseplan fra 2022 med årlig rullering.",
       "Kompetansekartlegging i helse og omsorg."],
    m=["Kompetanseplanen finnes sentralt, ikke i alle enheter.",
       "Kobles lite til tjenesteutviklingen."],
    n=["Ingen kompetansekartlegging i de fleste enhetene.",
       "Midler til kompetanse fordeles etter hvem som spør først."],
    S=["Har strategisk kompetanseplan"],
    C=["Ikke alle enheter har kompetanseplan", "Kompetanseplanene er ujevnt fulgt opp"],
    W=["Mangler kompetansekartlegging i flere enheter"]),
"7.2.2": dict(
    p=["12 lærlinger, godt lærlingeprogram.",
       "Studentpraksis i samarbeid med høgskolen."],
    m=["Vanskelig å rekruttere sykepleiere, spesialpedagoger og ingeniører.",
       "Sluttsamtaler gjennomføres ikke systematisk.",
       "Introduksjonsprogram for nyansatte er under utvikling."],
    n=["Mister mange sykepleiere til nabokommunene.",
       "Ingen oversikt over hvorfor folk slutter."],
    S=["Godt lærlingeprogram"],
    C=["Krevende å rekruttere sykepleiere", "Rekruttering av sykepleiere og spesialpedagoger er krevende"],
    W=["Gjennomfører ikke systematiske sluttsamtaler", "Mangler oversikt over hvorfor ansatte slutter"]),
"7.2.3": dict(
    p=["Mange lærere på videreutdanning (Kompetanse for kvalitet).",
       "Hospitering mellom sykehjem og hjemmetjeneste."],
    m=["Ny kompetanse tas lite i bruk etter videreutdanning.",
       "Ingen oversikt over kompetansen i organisasjonen."],
    n=["Fagarbeidere får lite etterutdanning.",
       "Deltidsansatte faller utenfor kompetansetiltakene."],
    S=["Satser på videreutdanning av lærere"],
    C=["Ny kompetanse tas lite i bruk etter videreutdanning"],
    W=["Mangler oversikt over kompetansen i organisasjonen"]),
"7.3.1": dict(
    p=["10-FAKTOR hvert annet år, sist i 2025.",
       "Alle enheter skal lage handlingsplan etter 10-FAKTOR.",
       "AMU behandler resultater og sykefravær hvert kvartal."],
    m=["Oppfølgingen av 10-FAKTOR varierer mye.",
       "Vernerunder gjennomføres, ikke alltid med VO."],
    n=["Ikke alle enheter har laget handlingsplan.",
       "Konflikter håndteres for sent."],
    r={"union_rep": ["HVO opplever at AMU er en formalitet.",
                     "Handlingsplanene etter 10-FAKTOR blir ikke fulgt opp."]},
    S=["Gjennomfører medarbeiderundersøkelse jevnlig", "Systematisk bruk av 10-FAKTOR"],
    C=["Oppfølgingen av medarbeiderundersøkelsen varierer", "Medarbeiderundersøkelsen følges ulikt opp i enhetene"],
    W=["Ikke alle enheter følger opp medarbeiderundersøkelsen"]),
"7.3.2": dict(
    p=["Mål om 92 % nærvær, rutine for oppfølging i HR-systemet.",
       "BHT brukes aktivt.",
       "Nærværsprosjektet på sykehjemmet har gitt resultater."],
    m=["Sykefravær ca. 9,8 %, ca. 13 % i helse og omsorg.",
       "God rutine for oppfølging, lite forebyggende."],
    n=["Lederne står alene med oppfølgingen.",
       "Lite analyse av årsakene."],
    r={"union_rep": ["Medlemmene opplever oppfølgingen som kontroll, ikke støtte.",
                     "Høy arbeidsbelastning er hovedårsaken, mener TV-ene."],
       "unit_leader": ["Sykefraværet i {unit} varierer mye, langtidsfraværet er mest krevende."]},
    q=[("n", ["union_rep", "unit_leader"], "«Vi følger opp sykmeldte, men ingen spør hvorfor de blir syke» sier {who}.")],
    S=["God rutine for sykefraværsoppfølging", "Aktiv bruk av bedriftshelsetjenesten"],
    C=["Høyt sykefravær i helse og omsorg", "Sykefraværet er høyt, særlig i helse og omsorg"],
    W=["Lite forebyggende arbeid for å redusere sykefraværet", "Mangler analyse av årsakene til sykefraværet"]),
"7.4.1": dict(
    p=["Lønnskartlegging i 2024, redegjørelse i årsmeldingen.",
       "Rutine for varsling og trakassering."],
    m=["ARP-redegjørelsen er på plass, men få tiltak.",
       "Deltid rammer mest kvinner, kjent men lite gjort."],
    n=["Ingen tiltak etter lønnskartleggingen.",
       "Få kjenner rutinen mot trakassering."],
    S=["Har gjennomført lønnskartlegging"],
    C=["Aktivitets- og redegjørelsesplikten følges opp formelt, men med få tiltak", "Lite tiltak etter lønnskartleggingen"],
    W=["Mangler tiltak for likestilling"]),
"7.4.2": dict(
    p=["Språkopplæring for fagarbeidere med innvandrerbakgrunn på sykehjemmet."],
    m=["Deltar i inkluderingsdugnaden, men få er ansatt.",
       "Mangfold er ikke et tema i rekrutteringen."],
    n=["Ingen mål for mangfold.",
       "Ledergruppen er svært homogen.",
       "Ingen plan for mangfold."],
    S=["Språkopplæring på arbeidsplassen"],
    C=["Inkluderingsdugnaden har gitt få resultater"],
    W=["Mangler plan for mangfold", "Har ingen mål for mangfold blant ansatte", "Mangler strategi for mangfold i arbeidslivet"]),
"8.1.1": dict(
    p=["Lederplattform fra 2020, brukes i rekruttering og lederavtaler.",
       "Ledelsesprinsippene er knyttet til verdiene."],
    m=["Lederplattformen er kjent blant ledere, mindre blant ansatte.",
       "Ikke revidert siden 2020."],
    n=["Medarbeiderne vet ikke hva de kan forvente av leder."],
    S=["Har lederplattform", "Tydelig lederplattform knyttet til verdiene"],
    C=["Lederplattformen er lite kjent blant medarbeiderne"],
    W=[]),
"8.1.2": dict(
    p=["Verdiene brukes aktivt, bl.a. i medarbeidersamtalen."],
    m=["Ingen medarbeiderplattform, men felles verdier og etiske retningslinjer.",
       "Arbeidet med medarbeiderplattform startet, men stoppet opp."],
    n=["Ingen beskrivelse av godt medarbeiderskap.",
       "Ansatte og TV har ikke vært med på å utforme forventningene."],
    S=["Felles verdier brukes i medarbeidersamtalen"],
    C=["Arbeidet med medarbeiderplattform har stoppet opp"],
    W=["Mangler medarbeiderplattform", "Har ikke beskrevet godt medarbeiderskap"]),
"8.2.1": dict(
    p=["Alle enhetsledere har skriftlig lederavtale.",
       "Delegert budsjett- og personalansvar.",
       "Faste oppfølgingssamtaler med kommunalsjef."],
    m=["Lederavtalene oppdateres ikke hvert år.",
       "Uklart hvor mye enhetsleder kan omdisponere."],
    n=["Oppfølgingen fra nærmeste leder er tilfeldig."],
    S=["Alle enhetsledere har lederavtale", "Tydelig delegert myndighet til enhetslederne"],
    C=["Lederavtalene oppdateres ikke jevnlig"],
    W=[]),
"8.2.2": dict(
    p=["Ledernettverk for enhetsledere.",
       "HR og økonomi gir støtte ved behov."],
    m=["Noen ledere har over 60 ansatte.",
       "HR-støtten er god i krevende saker, men kapasiteten er liten."],
    n=["For mange ansatte per leder i helse og omsorg.",
       "Lite tid til ledelse, mye administrasjon."],
    r={"unit_leader": ["Har ca. {staff_n} ansatte, lite tid til den enkelte.",
                       "Bruker mye tid på turnus og vikarer."],
       "union_rep": ["Avdelingslederne er så presset at medlemmene ikke får oppfølging."]},
    q=[("n", ["unit_leader"], "«Jeg leder mange mennesker og har ikke tid til noen av dem» sier {who}.")],
    S=["God støtte fra HR i krevende personalsaker"],
    C=["Stort kontrollspenn for enkelte ledere", "For mange medarbeidere per leder i deler av organisasjonen"],
    W=["Lederne har for lite tid til ledelse", "Lederne får for lite administrativ støtte"]),
"8.3.1": dict(
    p=["KD-brev hver måned på intranett.",
       "Ledermøter annenhver uke."],
    m=["Intranettet er utdatert og lite brukt.",
       "Informasjonen stopper ofte hos mellomlederne."],
    n=["Ansatte uten PC nås ikke.",
       "Ingen kanal for innspill oppover.",
       "Måler ikke om den interne kommunikasjonen fungerer."],
    r={"union_rep": ["Medlemmene leser om vedtakene i lokalavisa først.",
                     "Turnusansatte får ikke med seg noe fra intranettet."]},
    q=[("n", ["union_rep", "unit_leader"], "«Vi får vite ting fra lokalavisa før vi får det fra ledelsen» sier {who}.")],
    S=["Jevnlig informasjon fra kommunedirektøren"],
    C=["Informasjonen stopper ofte hos mellomlederne", "Intranettet er utdatert"],
    W=["Når ikke ansatte uten fast PC-arbeidsplass", "Ansatte uten PC får lite informasjon"]),
"8.3.2": dict(
    p=["Månedlige økonomirapporter og sykefraværstall i HR-systemet.",
       "Økonomirådgiver hjelper med analysen."],
    m=["Tallene finnes, men i flere systemer.",
       "Savner kvalitetsdata sammen med økonomi."],
    n=["Ingen ledelsesinformasjonssystem.",
       "Vanskelig å hente ut tall for egen enhet."],
    S=["Lederne får god økonomirapportering"],
    C=["Styringsinformasjonen er spredt i mange systemer"],
    W=["Mangler ledelsesinformasjonssystem", "Har ikke felles system for styringsinformasjon"]),
"8.4.1": dict(
    p=["Lederutviklingsprogram 2022–23 for alle ledere.",
       "Ledersamlinger fire ganger i året.",
       "Introduksjonsprogram for nye ledere."],
    m=["Lederutviklingsprogrammet er ikke videreført.",
       "Ingen systematisk lederevaluering."],
    n=["Nye ledere får lite introduksjon.",
       "Ingen plan for lederrekruttering."],
    S=["Har gjennomført felles lederutviklingsprogram", "Jevnlige ledersamlinger"],
    C=["Lederutviklingsprogrammet er ikke videreført"],
    W=["Mangler lederevaluering", "Lederne får ikke systematisk tilbakemelding fra medarbeiderne"]),
"8.4.2": dict(
    p=["Medarbeidersamtaler skal gjennomføres årlig med alle.",
       "10-FAKTOR brukes for å følge med på engasjementet.",
       "Medarbeiderne involveres i måldiskusjoner på personalmøter."],
    m=["Medarbeidersamtaler gjennomføres i de fleste enheter.",
       "Anerkjennelse er lite systematisk."],
    n=["Medarbeidersamtaler gjennomføres ikke i alle enheter.",
       "Mange har ikke hatt medarbeidersamtale på to år."],
    r={"union_rep": ["Mange medlemmer har ikke hatt medarbeidersamtale på flere år."]},
    S=["Medarbeidersamtaler gjennomføres jevnlig"],
    C=["Medarbeidersamtaler gjennomføres ikke i alle enheter", "Ikke alle ansatte får medarbeidersamtale"],
    W=["Mangler system for oppfølging av medarbeidersamtalene"]),
}

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------
def load_bank():
    raw = open(BANK_PATH, "rb").read()
    bank = json.loads(raw)
    questions = []  # (qid, roles, area, sub)
    for area in bank["areas"]:
        for sub in area["subareas"]:
            for q in sub["questions"]:
                questions.append((q["id"], list(q["roles"]), area["id"], sub["id"]))
    return bank, hashlib.sha256(raw).hexdigest(), questions


def ulid(ms, key):
    rand = int.from_bytes(hashlib.sha256(f"{SEED}/ulid/{key}".encode()).digest()[:10], "big")
    v = (ms << 80) | rand
    return "".join(CROCKFORD[(v >> (5 * (25 - i))) & 31] for i in range(26))


def ulid_ms(u):
    v = 0
    for ch in u:
        v = v * 32 + CROCKFORD.index(ch)
    return v >> 80


def shared_noise(qid, dim):
    return random.Random(f"{SEED}/q/{qid}/{dim}").gauss(0, 0.25)


def fill(text, s, rng):
    return (text.replace("{unit}", s.get("unit", "enheten"))
                .replace("{staff_n}", str(s.get("staff_n", 50)))
                .replace("{who}", rng.choice(s["who"])))


def score_question(s, role_set, qid, area, rng, mood):
    voice, sector = s["voice"], s["sector"]
    out = {}
    for d in DIMS:
        t = truth(qid, d) + shared_noise(qid, d)
        b = bias(voice, None, area, d)
        if qid in CONSENSUS:
            x = t + 0.15 * b + rng.gauss(0, 0.12)
        else:
            sa = SECTOR_ADJ.get(qid, {}).get(sector, 0.0)
            sa *= {"unit": 1.0, "sector": 0.6, "union": 0.5}.get(voice, 0.0)
            c = 0.0
            if qid in CONTESTED:
                mgmt, union = CONTESTED[qid]
                if voice in ("mayor", "formannskap", "ce", "sector"):
                    c = mgmt[d]
                elif voice in ("hr", "okonomi"):
                    c = 0.5 * mgmt[d]
                elif voice == "union":
                    c = -0.8 * union[d]
            x = t + b + sa + c + mood + rng.gauss(0, 0.45)
        out[d] = clamp_round(x)
    return out


def sentiment(scores):
    vals = [v for v in scores.values() if v is not None]
    m = sum(vals) / len(vals)
    return "p" if m >= 2.75 else "n" if m <= 1.6 else "m"


def pick_unused(pool, used, rng):
    free = [x for x in pool if x not in used]
    if not free:
        return None
    x = rng.choice(free)
    used.add(x)
    return x


def compose_notes(s, role_set, qid, scores, null_kind, flagged, rng, used):
    content = Q[qid]
    voice = s["voice"]
    vals = {d: v for d, v in scores.items() if v is not None}
    parts = []
    if not vals:
        parts.append(pick_unused(NULL_NOTES["all"], used, rng) or rng.choice(NULL_NOTES["all"]))
        if rng.random() < 0.4 and content["m"]:
            frag = rng.choice(content["m"])
            parts.insert(0, "Kort nevnt: " + frag[0].lower() + frag[1:])
        if flagged:
            parts.append(pick_unused(FLAG_NOTES, used, rng) or FLAG_NOTES[0])
        return " ".join(fill(p, s, rng) for p in dict.fromkeys(parts))
    sent = sentiment(vals)
    pool = content[sent] or content["m"]
    k = 1 if len(pool) == 1 or rng.random() < 0.45 else 2
    parts.extend(rng.sample(pool, k))
    if rng.random() < 0.25:
        other = {"p": "m", "n": "m", "m": rng.choice("pn")}[sent]
        if content[other]:
            parts.append(rng.choice(content[other]))
    extra = []
    rfrag = content.get("r", {})
    own = rfrag.get(voice) or next((rfrag[r] for r in sorted(role_set) if r in rfrag), None)
    if own and not (voice == "union" and sent == "p") and rng.random() < 0.6:
        extra.append(rng.choice(own))
    quotes = [q for q in content.get("q", []) if q[0] == sent and (q[1] is None or role_set & set(q[1]))]
    if quotes and rng.random() < 0.4:
        extra.append(rng.choice(quotes)[2])
    if vals.get("system") is not None and vals.get("extent") is not None and vals["system"] - vals["extent"] >= 2 \
            and rng.random() < 0.8:
        extra.append(pick_unused(GAP, used, rng) or rng.choice(GAP))
    elif vals.get("results") is not None and vals["results"] <= 1 and vals.get("system", 0) >= 2 and rng.random() < 0.4:
        extra.append(pick_unused(NO_RESULTS, used, rng) or rng.choice(NO_RESULTS))
    if rng.random() < 0.25:
        p = pick_unused(PERSPECTIVE[voice][sent], used, rng)
        if p:
            extra.append(p)
    elif rng.random() < 0.2:
        p = pick_unused(GENERIC[sent], used, rng)
        if p:
            extra.append(p)
    tail = []
    if null_kind:
        tail.append(pick_unused(NULL_NOTES[null_kind], used, rng) or rng.choice(NULL_NOTES[null_kind]))
    if flagged:
        tail.append(pick_unused(FLAG_NOTES, used, rng) or FLAG_NOTES[0])
    parts = parts + extra
    parts = parts[: 5 - len(tail)] + tail
    if not tail and rng.random() < 0.015:
        return ""
    return " ".join(fill(p, s, rng) for p in dict.fromkeys(parts))


def make_findings(qid, scores, flagged, rng):
    vals = {d: v for d, v in scores.items() if v is not None}
    if not vals:
        return []
    m = sum(vals.values()) / len(vals)
    extreme = m >= 3.3 or m <= 1.0
    if rng.random() > (0.45 if (flagged or extreme) else 0.28):
        return []
    content = Q[qid]
    gap = vals.get("system", 0) - vals.get("extent", vals.get("system", 0)) >= 2
    kind = "C" if gap else "S" if m >= 3 else "C" if m >= 1.75 else "W"
    if not content[kind]:
        kind = {"S": "C", "W": "C", "C": "S" if m >= 2.4 else "W"}[kind]
    if not content[kind]:
        return []
    names = {"S": "strength", "C": "challenge", "W": "weakness"}
    out = [{"kind": names[kind], "text": rng.choice(content[kind])}]
    if rng.random() < 0.22:
        second = {"S": "C", "C": "S" if (gap or m >= 2.4) else "W", "W": "C"}[kind]
        if content[second]:
            out.append({"kind": names[second], "text": rng.choice(content[second])})
    return out


def make_priorities(s, rng):
    voice = s["voice"]
    themes = sorted(PRIORITY_THEMES)
    weights = [PRIORITY_THEMES[t][1].get(voice, 0.25) for t in themes]
    n = rng.randint(3, 6)
    chosen = []
    while len(chosen) < n:
        t = rng.choices(themes, weights)[0]
        if t not in chosen:
            chosen.append(t)
    return [rng.choice(PRIORITY_THEMES[t][0]) for t in chosen]


def make_session(s, bank_meta, questions):
    rng = random.Random(f"{SEED}/session/{s['key']}")
    role_set = {r for _, r in s["people"]}
    asked = [(qid, area) for qid, roles, area, _ in questions if set(roles) & role_set]
    mood = rng.gauss(0, 0.15)
    scores = {qid: score_question(s, role_set, qid, area, rng, mood) for qid, area in asked}

    ids = [qid for qid, _ in asked]
    n_null = rng.randint(2, 6)
    nulls = {}
    for qid in rng.sample(ids, n_null):
        kind = rng.choices(["results", "all", "extent", "system+results"], [0.5, 0.25, 0.13, 0.12])[0]
        nulls[qid] = kind
        for d in {"results": ["results"], "all": list(DIMS), "extent": ["extent"],
                  "system+results": ["system", "results"]}[kind]:
            scores[qid][d] = None
    n_flag = rng.choice([0, 1, 1, 2])
    contested_here = [q for q in ids if q in CONTESTED]
    flag_pool = contested_here if (contested_here and s["voice"] in ("union", "ce", "hr")) else ids
    flagged = set(rng.sample(flag_pool, min(n_flag, len(flag_pool))))

    used = set()
    answers, weights = {}, []
    for qid in ids:
        sc = scores[qid]
        nk = nulls.get(qid)
        notes = compose_notes(s, role_set, qid, sc, None if nk == "all" else nk, qid in flagged, rng, used)
        findings = make_findings(qid, sc, qid in flagged, rng)
        answers[qid] = {"scores": {d: sc[d] for d in DIMS}, "notes": notes, "findings": findings,
                        "flagged": qid in flagged, "seconds": 0}
        w = rng.lognormvariate(0, 0.4) * (1 + 0.2 * notes.count(". "))
        if nk == "all":
            w *= 0.3
        if qid in flagged:
            w *= 1.4
        weights.append(w)

    overhead = rng.randint(12, 22) * 60
    avail = s["minutes"] * 60 - overhead
    spare = avail - 60 * len(ids)
    assert spare > 0, (s["key"], avail, len(ids))
    total_w = sum(weights)
    for qid, w in zip(ids, weights):
        answers[qid]["seconds"] = min(600, int(round(60 + spare * w / total_w)))
    duration = sum(a["seconds"] for a in answers.values()) + overhead

    hh, mm = map(int, s["start"].split(":"))
    start = dt.datetime(2026, 10, s["day"], hh, mm, tzinfo=TZ)
    end = start + dt.timedelta(seconds=duration)
    sid = ulid(int(start.timestamp() * 1000), s["key"])
    doc = {
        "format": "kompass.session",
        "format_version": 1,
        "id": sid,
        "bank": bank_meta,
        "municipality": MUNICIPALITY,
        "interviewer": s["interviewer"],
        "interviewees": [{"name": n, "role": r} for n, r in s["people"]],
        "started_at": start.isoformat(),
        "updated_at": end.isoformat(),
        "status": "completed",
        "answers": answers,
        "priorities": make_priorities(s, rng),
    }
    if s["key"] not in ("hr", "barnehage"):
        last = ids[-1]
        if flagged and rng.random() < 0.5:
            last = sorted(flagged)[-1]
        doc["last_question"] = last
    return doc


def dump(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def write_sessions(bank, sha, questions):
    meta = {"id": bank["id"], "version": bank["version"], "sha256": sha}
    os.makedirs(OUT_DIR, exist_ok=True)
    for name in os.listdir(OUT_DIR):
        if name.endswith(".json"):
            os.remove(os.path.join(OUT_DIR, name))
    for s in SESSIONS:
        doc = make_session(s, meta, questions)
        with open(os.path.join(OUT_DIR, doc["id"] + ".json"), "w", encoding="utf-8") as f:
            f.write(dump(doc))


# ---------------------------------------------------------------------------
# Baselines (fictional). Points are kept in tenths so the sums are exact.
# ---------------------------------------------------------------------------
BASE_NOTE = "Fiktive tall laget for demoen / fictional figures made for the demo"


def profile_2026(bank, questions):
    """Expected sub-area points of the 'true' 2026 profile (no role bias)."""
    by_sub = defaultdict(list)
    for qid, _, _, sub in questions:
        by_sub[sub].append(sum(max(0.0, min(4.0, truth(qid, d))) for d in DIMS) / 12.0)
    out = {}
    for area in bank["areas"]:
        for sub in area["subareas"]:
            out[sub["id"]] = sub["max_points"] * sum(by_sub[sub["id"]]) / len(by_sub[sub["id"]])
    return out


def baseline_doc(bank, name, kind, year, source, tenths):
    areas, total = [], 0
    for area in bank["areas"]:
        subs = [{"id": s["id"], "points": tenths[s["id"]] / 10} for s in area["subareas"]]
        at = sum(tenths[s["id"]] for s in area["subareas"])
        total += at
        areas.append({"id": area["id"], "points": at / 10, "subareas": subs})
    return {"format": "kompass.baseline", "format_version": 1, "name": name, "bank": bank["id"], "kind": kind,
            "fictional": True, "note": BASE_NOTE, "year": year, "source": source,
            "total": total / 10, "areas": areas}


def baseline_csv(doc):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "points"])
    for area in doc["areas"]:
        w.writerow([area["id"], f"{area['points']:.1f}"])
        for sub in area["subareas"]:
            w.writerow([sub["id"], f"{sub['points']:.1f}"])
    w.writerow(["total", f"{doc['total']:.1f}"])
    return buf.getvalue()


def make_baselines(bank, questions):
    prof = profile_2026(bank, questions)
    maxes = {s["id"]: s["max_points"] for a in bank["areas"] for s in a["subareas"]}
    rng = random.Random(f"{SEED}/baseline/2022")
    # 2022 was lower in most areas; higher in 6 (a quality adviser post was cut
    # in 2023) and 7 (sickness absence has risen since).
    delta = {"1": -0.01, "2": -0.05, "3": -0.01, "4": -0.02, "5": -0.01, "6": 0.08, "7": 0.09, "8": -0.02}
    t2022 = {}
    for sid, p in prof.items():
        mx = maxes[sid]
        v = p + mx * (delta[sid.split(".")[0]] + rng.uniform(-0.04, 0.04))
        t2022[sid] = max(0, min(mx * 10, int(round(v * 10))))
    rng = random.Random(f"{SEED}/baseline/national")
    target = {"1": 58, "2": 66, "3": 69, "4": 61, "5": 56, "6": 60, "7": 63, "8": 65}
    tnat = {}
    for area in bank["areas"]:
        for sub in area["subareas"]:
            mx = sub["max_points"]
            frac = target[area["id"]] / 100 + rng.uniform(-0.08, 0.08)
            tnat[sub["id"]] = max(0, min(mx * 10, int(round(mx * frac * 10))))
    # 2014 was lower still in most areas; 2018 was published as a total only.
    rng = random.Random(f"{SEED}/baseline/2014")
    t2014 = {}
    for sid, v in t2022.items():
        mx = maxes[sid]
        t2014[sid] = max(0, min(mx * 10, int(round(v - mx * 10 * (0.08 + rng.uniform(-0.05, 0.05))))))
    total2018 = (sum(t2014.values()) + sum(t2022.values())) // 2 + 37  # tenths, so 2018 lies between
    def source(year):
        return f"Fiktiv tidligere evaluering av Eksempelvik kommune ({year}), laget for demoen"
    docs = {
        "eksempelvik-2014": baseline_doc(bank, "Eksempelvik 2014", "earlier", 2014, source(2014), t2014),
        "eksempelvik-2018": totals_doc(bank, "Eksempelvik 2018", 2018, source(2018), round(total2018 / 10)),
        "eksempelvik-2022": baseline_doc(bank, "Eksempelvik 2022", "earlier", 2022, source(2022), t2022),
    }
    os.makedirs(BASE_DIR, exist_ok=True)
    for name in ("nasjonalt-snitt-2026.csv",):  # the average is computed now, not typed
        if os.path.exists(os.path.join(BASE_DIR, name)):
            os.remove(os.path.join(BASE_DIR, name))
    for name, doc in docs.items():
        with open(os.path.join(BASE_DIR, name + ".json"), "w", encoding="utf-8") as f:
            f.write(dump(doc))
        with open(os.path.join(BASE_DIR, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            f.write(baseline_csv(doc))
    make_others(bank)
    run_benchmark()


def totals_doc(bank, name, year, source, total):
    return {"format": "kompass.baseline", "format_version": 1, "name": name, "bank": bank["id"], "kind": "earlier",
            "fictional": True, "note": BASE_NOTE, "year": year, "source": source,
            "total": total, "areas": []}


def slugify(name):
    return name.lower().replace("ø", "o").replace("å", "a").replace("æ", "ae")


def make_others(bank):
    """The other municipalities' fictional evaluations: a level per area
    around their overall level, sub-areas around that, in tenths."""
    os.makedirs(BENCH_DIR, exist_ok=True)
    for name in os.listdir(BENCH_DIR):
        if name.endswith(".json"):
            os.remove(os.path.join(BENCH_DIR, name))
    for name, year, level, totals_only in OTHERS:
        rng = random.Random(f"{SEED}/other/{name}/{year}")
        tenths = {}
        for area in bank["areas"]:
            area_level = level + rng.uniform(-0.12, 0.12)
            for sub in area["subareas"]:
                mx = sub["max_points"]
                frac = min(0.97, max(0.05, area_level + rng.uniform(-0.1, 0.1)))
                tenths[sub["id"]] = int(round(mx * frac * 10))
        src = f"Fiktiv evaluering av {name} kommune ({year}), laget for demoen"
        if totals_only:
            doc = totals_doc(bank, f"{name} {year}", year, src, round(sum(tenths.values()) / 10))
        else:
            doc = baseline_doc(bank, f"{name} {year}", "earlier", year, src, tenths)
        with open(os.path.join(BENCH_DIR, f"{slugify(name)}-{year}.json"), "w", encoding="utf-8") as f:
            f.write(dump(doc))


def benchmark_inputs():
    return ["sessions/benchmark"] + [f"sessions/baselines/{n}.json" for n in EARLIER]


def run_benchmark():
    exe = os.path.join(ROOT, "target", "debug", "kompass")
    if not os.path.exists(exe):
        print("kompass benchmark: target/debug/kompass not built yet; the national average is not remade")
        return
    out = os.path.join(BASE_DIR, NATIONAL + ".json")
    if os.path.exists(out):
        os.remove(out)
    r = subprocess.run([exe, "--lang", "en", "benchmark", *benchmark_inputs(), "--name", "Nasjonalt snitt 2026",
                        "--country", "no", "-o", f"sessions/baselines/{NATIONAL}.json"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    print(f"kompass benchmark: exit {r.returncode}: {(r.stdout + r.stderr).strip()}")


def exact(x):
    return Fraction(x) if isinstance(x, str) else Fraction(str(x))


def check_national(bank, err):
    """The national average against means computed here from the member
    files, with fractions: every figure, its n and the members."""
    path = os.path.join(BASE_DIR, NATIONAL + ".json")
    try:
        doc = json.loads(open(path, encoding="utf-8").read())
    except Exception as e:  # noqa: BLE001
        err(NATIONAL, f"does not parse: {e}")
        return None
    files = [os.path.join(BENCH_DIR, n) for n in sorted(os.listdir(BENCH_DIR))]
    files += [os.path.join(BASE_DIR, n + ".json") for n in EARLIER]
    members = [json.loads(open(f, encoding="utf-8").read()) for f in files]
    totals = [exact(m["total"]) for m in members]
    if exact(doc["total"]) != sum(totals) / len(totals) or doc.get("n") != len(totals):
        err(NATIONAL, f"total {doc['total']} (n {doc.get('n')}) is not the mean of {len(totals)} totals")
    for area in bank["areas"]:
        got = next((a for a in doc["areas"] if a["id"] == area["id"]), None)
        values = [exact(a["points"]) for m in members for a in m["areas"] if a["id"] == area["id"]]
        if got is None or exact(got["points"]) != sum(values) / len(values) or got.get("n") != len(values):
            err(NATIONAL, f"area {area['id']} is not the mean of {len(values)} members")
        for sub in area["subareas"]:
            sv = [exact(s["points"]) for m in members for a in m["areas"] for s in a.get("subareas", [])
                  if s["id"] == sub["id"]]
            gs = next((s for s in (got or {}).get("subareas", []) if s["id"] == sub["id"]), None)
            if gs is None or exact(gs["points"]) != sum(sv) / len(sv) or gs.get("n") != len(sv):
                err(NATIONAL, f"sub-area {sub['id']} is not the mean of {len(sv)} members")
    if len(doc.get("members", [])) != len(members) or not doc.get("fictional"):
        err(NATIONAL, "members or the fictional mark")
    return doc

# ---------------------------------------------------------------------------
# Check what is on disk, and print a summary.
# ---------------------------------------------------------------------------
SESSION_KEYS = {"format", "format_version", "id", "bank", "municipality", "interviewer", "interviewees",
                "started_at", "updated_at", "status", "answers", "priorities"}
ANSWER_KEYS = {"scores", "notes", "findings", "flagged", "seconds"}


def check(bank, sha, questions):
    errors = []

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    routes = {qid: set(roles) for qid, roles, _, _ in questions}
    order = [qid for qid, _, _, _ in questions]
    files = sorted(f for f in os.listdir(OUT_DIR) if f.endswith(".json"))
    sessions = []
    for f in files:
        path = os.path.join(OUT_DIR, f)
        try:
            doc = json.loads(open(path, "rb").read().decode("utf-8"))
        except Exception as e:  # noqa: BLE001
            err(f, f"does not parse: {e}")
            continue
        keys = set(doc)
        if not SESSION_KEYS <= keys or keys - SESSION_KEYS - {"last_question"}:
            err(f, f"keys {sorted(keys ^ SESSION_KEYS)} wrong")
        if doc.get("format") != "kompass.session" or doc.get("format_version") != 1:
            err(f, "format header")
        sid = doc.get("id", "")
        if not ULID_RE.match(sid) or f != sid + ".json":
            err(f, f"id {sid!r} is not a ULID matching the file name")
        b = doc.get("bank", {})
        if b != {"id": bank["id"], "version": bank["version"], "sha256": sha}:
            err(f, f"bank reference {b} does not match the bank (sha256 {sha[:12]})")
        if doc.get("municipality") != MUNICIPALITY:
            err(f, "municipality")
        if not str(doc.get("interviewer", "")).strip():
            err(f, "interviewer empty")
        people = doc.get("interviewees", [])
        if not people:
            err(f, "no interviewees")
        for p in people:
            if set(p) != {"name", "role"} or not p["name"].strip() or p["role"] not in ROLES:
                err(f, f"interviewee {p}")
        roles = {p.get("role") for p in people}
        try:
            start = dt.datetime.fromisoformat(doc["started_at"])
            end = dt.datetime.fromisoformat(doc["updated_at"])
            minutes = (end - start).total_seconds() / 60
            if not 60 <= minutes <= 150:
                err(f, f"interview lasts {minutes:.0f} min")
            if not (dt.date(2026, 10, 13) <= start.date() <= dt.date(2026, 10, 16)) or start.utcoffset() is None:
                err(f, "started_at outside 13-16 October 2026 or without offset")
            if ULID_RE.match(sid) and ulid_ms(sid) != int(start.timestamp() * 1000):
                err(f, "ULID time is not started_at")
        except Exception as e:  # noqa: BLE001
            err(f, f"timestamps: {e}")
            start, minutes = None, 0
        if doc.get("status") not in ("completed", "in_progress"):
            err(f, "status")
        answers = doc.get("answers", {})
        asked = [q for q in order if routes[q] & roles]
        for qid, a in answers.items():
            if qid not in routes:
                err(f, f"question {qid} is not in the bank")
                continue
            if not routes[qid] & roles:
                err(f, f"question {qid} is not routed to {sorted(roles)}")
            if set(a) != ANSWER_KEYS:
                err(f, f"{qid}: answer keys {sorted(a)}")
            sc = a.get("scores", {})
            if set(sc) != set(DIMS):
                err(f, f"{qid}: score keys {sorted(sc)}")
            for d, v in sc.items():
                if v is not None and (type(v) is not int or not 0 <= v <= 4):
                    err(f, f"{qid}: {d} = {v!r} is not an int 0-4 or null")
            for fd in a.get("findings", []):
                if set(fd) != {"kind", "text"} or fd["kind"] not in ("strength", "challenge", "weakness") or not fd["text"].strip():
                    err(f, f"{qid}: finding {fd}")
            if len(a.get("findings", [])) > 2:
                err(f, f"{qid}: more than 2 findings")
            if type(a.get("flagged")) is not bool or type(a.get("notes")) is not str:
                err(f, f"{qid}: flagged/notes types")
            if type(a.get("seconds")) is not int or not 60 <= a["seconds"] <= 600:
                err(f, f"{qid}: seconds {a.get('seconds')}")
        missing = [q for q in asked if q not in answers]
        if missing:
            err(f, f"routed questions not answered: {missing}")
        partial = sum(1 for a in answers.values() if None in a["scores"].values())
        flagged = sum(1 for a in answers.values() if a["flagged"])
        if not 2 <= partial <= 6:
            err(f, f"{partial} answers with a null dimension (want 2-6)")
        if flagged > 2:
            err(f, f"{flagged} flagged (want 0-2)")
        if sum(a["seconds"] for a in answers.values()) > minutes * 60:
            err(f, "seconds add up to more than the interview")
        pr = doc.get("priorities", [])
        if not 3 <= len(pr) <= 6 or not all(isinstance(x, str) and x.strip() for x in pr):
            err(f, f"priorities {pr}")
        lq = doc.get("last_question")
        if lq is not None and lq not in answers:
            err(f, f"last_question {lq} not answered in this session")
        sessions.append(dict(file=f, doc=doc, roles=roles, start=start, asked=len(asked),
                             complete=sum(1 for a in answers.values() if None not in a["scores"].values())))

    ids = [s["doc"]["id"] for s in sessions]
    if len(set(ids)) != len(ids):
        err("sessions", "duplicate ids")
    by_time = [s["doc"]["id"] for s in sorted(sessions, key=lambda s: s["start"])]
    if by_time != sorted(ids):
        err("sessions", "ids are not time-ordered like started_at")
    all_roles = set().union(*(s["roles"] for s in sessions)) if sessions else set()
    if all_roles != set(ROLES):
        err("sessions", f"roles present: {sorted(all_roles)}")
    if len(sessions) != 16:
        err("sessions", f"{len(sessions)} sessions, want 16")

    # Spread per question and dimension.
    values = defaultdict(lambda: defaultdict(list))  # qid -> dim -> [(value, roles, file)]
    for s in sessions:
        for qid, a in s["doc"]["answers"].items():
            for d, v in a["scores"].items():
                if v is not None:
                    values[qid][d].append((v, s["roles"], s["file"]))
    spread = {}
    for qid in order:
        per = {d: (max(v for v, _, _ in values[qid][d]) - min(v for v, _, _ in values[qid][d]))
               for d in DIMS if values[qid][d]}
        spread[qid] = per
    big = []
    for qid in order:
        for d in DIMS:
            mg = [v for v, r, _ in values[qid][d] if r & set(MANAGEMENT) and "union_rep" not in r]
            un = [v for v, r, _ in values[qid][d] if "union_rep" in r]
            if mg and un and max(mg) - min(un) >= 3:
                big.append(qid)
                break
    close = [q for q in order if all(len(values[q][d]) >= 3 for d in DIMS) and max(spread[q].values()) <= 1]
    if len(big) < 5:
        err("spread", f"only {len(big)} questions with management/union disagreement of 3+")
    if len(close) < 10:
        err("spread", f"only {len(close)} questions where everybody agrees within 1")

    # Baselines.
    maxes = {s["id"]: s["max_points"] for a in bank["areas"] for s in a["subareas"]}
    base = {}
    national = check_national(bank, err)
    if national:
        base[NATIONAL] = national
    for name in EARLIER:
        jp = os.path.join(BASE_DIR, name + ".json")
        try:
            doc = json.loads(open(jp, encoding="utf-8").read())
        except Exception as e:  # noqa: BLE001
            err(name, f"does not parse: {e}")
            continue
        base[name] = doc
        if set(doc) != {"format", "format_version", "name", "kind", "fictional", "note", "year", "source", "total", "areas"}:
            err(name, "keys")
        if not doc["areas"]:  # a total only
            continue
        tenths = lambda x: int(round(x * 10))  # noqa: E731
        tot = 0
        for area in doc["areas"]:
            st = 0
            for sub in area["subareas"]:
                if not 0 <= sub["points"] <= maxes[sub["id"]] or abs(sub["points"] * 10 - tenths(sub["points"])) > 1e-9:
                    err(name, f"sub-area {sub['id']} = {sub['points']}")
                st += tenths(sub["points"])
            if st != tenths(area["points"]):
                err(name, f"area {area['id']} = {area['points']} but its sub-areas add up to {st / 10}")
            tot += tenths(area["points"])
        if tot != tenths(doc["total"]):
            err(name, f"total {doc['total']} but the areas add up to {tot / 10}")
        rows = list(csv.reader(open(os.path.join(BASE_DIR, name + ".csv"), encoding="utf-8")))
        expect = {a["id"]: a["points"] for a in doc["areas"]}
        expect.update({s["id"]: s["points"] for a in doc["areas"] for s in a["subareas"]})
        expect["total"] = doc["total"]
        got = {r[0]: float(r[1]) for r in rows[1:]}
        if rows[0] != ["id", "points"] or got != expect:
            err(name, "CSV does not match the JSON")

    # Summary.
    print(f"bank {bank['id']} {bank['version']} sha256 {sha}")
    print(f"{'file':<31} {'interviewer':<20} {'roles':<28} {'answered':>8} {'complete':>8} {'flag':>4} {'find':>4}  min")
    for s in sorted(sessions, key=lambda s: s["start"]):
        d = s["doc"]
        mins = (dt.datetime.fromisoformat(d["updated_at"]) - s["start"]).total_seconds() / 60
        nf = sum(len(a["findings"]) for a in d["answers"].values())
        fl = sum(a["flagged"] for a in d["answers"].values())
        print(f"{s['file']:<31} {d['interviewer']:<20} {','.join(sorted(s['roles'])) + ' x' + str(len(d['interviewees'])):<28} "
              f"{len(d['answers']):>8} {s['complete']:>8} {fl:>4} {nf:>4}  {mins:.0f}")
    print()
    print("largest spread (max-min over sessions, per dimension):")
    top = sorted(order, key=lambda q: (-max(spread[q].values()), -sum(spread[q].values()), q))[:8]
    for q in top:
        dims = " ".join(f"{d}={spread[q][d]}" for d in DIMS)
        mg = [v for v, r, _ in values[q]["extent"] if r & set(MANAGEMENT)]
        un = [v for v, r, _ in values[q]["extent"] if "union_rep" in r]
        print(f"  {q:<6} {dims}   extent: management {mg}  union {un}")
    print(f"management/union disagreement of 3+: {len(big)} questions ({', '.join(big)})")
    print(f"everybody within 1 on all dimensions (3+ sessions): {len(close)} questions ({', '.join(close)})")
    all_f = Counter(fd["text"] for s in sessions for a in s["doc"]["answers"].values() for fd in a["findings"])
    all_p = Counter(p for s in sessions for p in s["doc"]["priorities"])
    print(f"findings: {sum(all_f.values())} ({len(all_f)} distinct texts); priorities: {sum(all_p.values())} ({len(all_p)} distinct)")
    # Mean-of-sessions scorecard next to the baselines, for orientation.
    pts = defaultdict(float)
    qmax = {}
    for a in bank["areas"]:
        for sub in a["subareas"]:
            for q in sub["questions"]:
                qmax[q["id"]] = (sub["max_points"] / len(sub["questions"]), a["id"])
    for q in order:
        if all(values[q][d] for d in DIMS):
            m = sum(sum(v for v, _, _ in values[q][d]) / len(values[q][d]) for d in DIMS)
            pts[qmax[q][1]] += qmax[q][0] * m / 12
    shown = [n for n in ("eksempelvik-2014", "eksempelvik-2022", NATIONAL) if n in base]
    print("area points: sessions' mean 2026 | " + " | ".join(shown))
    for a in bank["areas"]:
        cols = [f"{pts[a['id']]:6.1f}"] + [f"{float(exact(next(x['points'] for x in base[n]['areas'] if x['id'] == a['id']))):6.1f}"
                                           for n in shown]
        print(f"  {a['id']}  " + "  |  ".join(cols))
    print(f"  total {sum(pts.values()):6.1f}  |  " + "  |  ".join(f"{float(exact(base[n]['total'])):6.1f}" for n in base))
    if errors:
        print(f"\n{len(errors)} PROBLEM(S):")
        for e in errors:
            print("  " + e)
    else:
        print("\ncheck: OK")
    return not errors


def run_kompass():
    exe = os.path.join(ROOT, "target", "debug", "kompass")
    if not os.path.exists(exe):
        print("kompass validate: target/debug/kompass not built yet, skipped")
        return
    try:
        r = subprocess.run([exe, "validate", OUT_DIR], cwd=ROOT, capture_output=True, text=True, timeout=60)
    except Exception as e:  # noqa: BLE001
        print(f"kompass validate: could not run ({e})")
        return
    print(f"kompass validate sessions/eksempelvik: exit {r.returncode}")
    out = (r.stdout + r.stderr).strip()
    if out:
        print("  " + out.replace("\n", "\n  "))


def main():
    bank, sha, questions = load_bank()
    if "--check" not in sys.argv:
        write_sessions(bank, sha, questions)
        make_baselines(bank, questions)
    ok = check(bank, sha, questions)
    run_kompass()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
