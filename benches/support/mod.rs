//! Deterministic, seeded test data for the benchmarks: realistic interview
//! sessions for any number of fictional municipalities.
//!
//! Shared by the criterion benches and `examples/gen_sessions.rs` (which
//! writes the files that `kompass score`, hyperfine and the Python reference
//! read), so the in-process and whole-command numbers use the same content.
//! Every session is built with the core types and the active bank, so it is
//! valid by construction: every routed question is scored, and each one has a
//! note whose length is drawn around `note_bytes`.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

use kompass::core::bank::{Bank, DIMENSIONS};
use kompass::core::exact::{Exact, int};
use kompass::core::session::{Answer, Finding, FindingKind, Person, Scores, Session, Status};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub municipalities: usize,
    pub per_municipality: usize,
    /// Mean length of one question's notes; each note is drawn from
    /// `note_bytes / 4 ..= note_bytes * 7 / 4`.
    pub note_bytes: usize,
    pub seed: u64,
}

#[path = "../../tests/common/rng.rs"]
mod rng;
pub use rng::Rng;

/// What the generator draws, on top of the plain generator.
pub trait Draw {
    /// Uniform in `0..n` (n > 0).
    fn index(&mut self, n: usize) -> usize;
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl Draw for Rng {
    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.index(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}

const PREFIXES: [&str; 10] = [
    "Nord", "Sør", "Øvre", "Nedre", "Midtre", "Vest", "Aust", "Store", "Lille", "Indre",
];
const SUFFIXES: [&str; 12] = [
    "vik", "dal", "fjord", "øy", "berg", "sand", "nes", "haug", "li", "strand", "våg", "heim",
];

/// The i-th fictional municipality name ("Nordvik", "Sørdal", ...).
pub fn municipality_name(i: usize) -> String {
    let combos = PREFIXES.len() * SUFFIXES.len();
    let base = format!(
        "{}{}",
        PREFIXES[i % PREFIXES.len()],
        SUFFIXES[(i / PREFIXES.len()) % SUFFIXES.len()]
    );
    if i < combos {
        base
    } else {
        format!("{base} {}", i / combos + 1)
    }
}

/// Who is interviewed in a municipality's 20 interviews, in order (repeats
/// for more): as in a real programme, mostly leaders, two union interviews,
/// and a few group interviews.
const PLAN: [&[&str]; 20] = [
    &["chief_executive"],
    &["mayor"],
    &["chief_executive"],
    &["sector_head"],
    &["sector_head", "sector_head"],
    &["staff_leader"],
    &["sector_head"],
    &["staff_leader"],
    &["sector_head"],
    &["unit_leader"],
    &["unit_leader"],
    &["union_rep"],
    &["unit_leader"],
    &["union_rep", "union_rep"],
    &["unit_leader"],
    &["mayor", "mayor", "mayor"],
    &["unit_leader", "unit_leader"],
    &["sector_head"],
    &["staff_leader", "union_rep"],
    &["unit_leader"],
];

const FIRST: [&str; 16] = [
    "Kari", "Ola", "Ingrid", "Per", "Silje", "Geir", "Åse", "Bjørn", "Hanne", "Eirik", "Tone",
    "Jørgen", "Marte", "Terje", "Guro", "Øystein",
];
const LAST: [&str; 12] = [
    "Nordmann", "Hovland", "Bakke", "Nygård", "Solberg", "Rønning", "Aamodt", "Kvåle", "Lunde",
    "Brekke", "Dahl", "Sæther",
];

/// Sentences an interviewer writes, in the style of the sample sessions.
const SENTENCES: [&str; 24] = [
    "Ansvaret ligger hos kommunikasjonsrådgiver, sektorene gjør mye selv.",
    "Strategien er fra 2019 og skulle vært revidert.",
    "Står på listen over ting ledergruppen skal ta tak i.",
    "Innbyggerne får sjelden vite hva som skjedde med innspillene.",
    "Medvirkning utover lovkrav i store planer, ellers lite.",
    "Varierer mellom sektorene; helse ligger foran oppvekst her.",
    "Noe på plass, men lite systematisk. Personavhengig.",
    "Kommunedirektøren viser til årshjulet og tertialrapporteringen.",
    "Tallene finnes i KOSTRA, men brukes ulikt i enhetene.",
    "HR har laget rammeverket og følger opp sykefraværet månedlig.",
    "Erkjenner at dette ikke har vært prioritert de siste årene.",
    "Godt forankret i ledergruppen, mindre kjent ute i enhetene.",
    "Brukerundersøkelser gjennomføres annethvert år i barnehage og skole.",
    "Avvikssystemet brukes mest i helse og omsorg; lite læring på tvers.",
    "Tillitsvalgte opplever å bli tatt med sent i prosessene.",
    "Ordføreren mener det går riktig vei, men etterspør mer rapportering.",
    "Klima- og miljøplanen er oppdatert og har konkrete tiltak.",
    "Digitaliseringsstrategien er vedtatt; gevinstene er ikke målt.",
    "Lederavtaler finnes for alle enhetsledere, oppfølgingen er ujevn.",
    "Samarbeider med nabokommunene om innkjøp, IKT og legevakt.",
    "Medarbeiderundersøkelsen (10-faktor) følges opp i hver enhet.",
    "\"Vi har ikke et system for det\", sa kommunalsjefen.",
    "Dokumentasjon lovet ettersendt 📎.",
    "Ble litt stille da vi spurte om eksempler – må følges opp.",
];

const FINDINGS: [(FindingKind, &str); 6] = [
    (
        FindingKind::Strength,
        "Har en oppdatert klima- og miljøplan",
    ),
    (
        FindingKind::Strength,
        "Ordfører er lett tilgjengelig for innbyggerne",
    ),
    (
        FindingKind::Challenge,
        "Innbyggerne får lite tilbakemelding på innspill",
    ),
    (
        FindingKind::Challenge,
        "Oppfølgingen av lederavtalene er ujevn",
    ),
    (
        FindingKind::Weakness,
        "Har ingen strategi for lokaldemokrati",
    ),
    (
        FindingKind::Weakness,
        "Ingen systematisk læring av avvik på tvers",
    ),
];

/// What interviewees name as the next priorities: a few themes, worded
/// differently, as a closing workshop gives them.
const PRIORITIES: [&str; 18] = [
    "Bedre tilbakemelding til innbyggerne",
    "Gi innbyggerne tilbakemelding på innspill",
    "Revidere kommunikasjonsstrategien",
    "Ny kommunikasjonsstrategi",
    "Systematisk oppfølging av sykefravær",
    "Redusere sykefraværet i helse og omsorg",
    "Lederutvikling for enhetsledere",
    "Styrke lederopplæringen",
    "Bruke KOSTRA-tall i styringen",
    "Bedre styringsdata til politikerne",
    "Digitalisering av tjenestene",
    "Ta ut gevinster av digitaliseringen",
    "Læring av avvik på tvers av sektorene",
    "Bedre avvikssystem",
    "Involvere tillitsvalgte tidligere",
    "Mer brukermedvirkning i tjenestene",
    "Klimatiltak i alle sektorer",
    "Samarbeid med nabokommunene",
];

/// A note of about `target` bytes: sentences, now and then a new paragraph.
pub fn note(rng: &mut Rng, target: usize) -> String {
    let mut out = String::with_capacity(target + 128);
    while out.len() < target {
        if !out.is_empty() {
            out.push_str(if rng.chance(15) { "\n\n" } else { " " });
        }
        let sentence: &&str = rng.pick(&SENTENCES);
        out.push_str(sentence);
    }
    out
}

/// A score value: the level plus noise, on the scale; one in twenty is a half step.
fn value(rng: &mut Rng, level: i64, max: i64) -> Exact {
    let v = (level + rng.index(3) as i64 - 1).clamp(0, max);
    if v < max && rng.chance(5) {
        Exact::new(2 * v as i128 + 1, 2)
    } else {
        int(v as i128)
    }
}

fn start_of(rng: &mut Rng, municipality: usize) -> DateTime<FixedOffset> {
    let tz = FixedOffset::east_opt(3600).expect("a valid offset");
    let week = (municipality % 40) as i64;
    tz.with_ymd_and_hms(2026, 1, 12, 8, 30, 0)
        .single()
        .expect("a valid date")
        + Duration::weeks(week)
        + Duration::days(rng.index(4) as i64)
        + Duration::minutes(15 * rng.index(24) as i64)
}

/// One interview: every question routed to the interviewees' roles scored,
/// with a note of about `spec.note_bytes`, some findings and flags.
pub fn session(bank: &Bank, spec: &Spec, municipality: usize, index: usize) -> Session {
    let mut rng = Rng(spec.seed
        ^ ((municipality as u64) << 32 | index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let started = start_of(&mut rng, municipality);
    let people = PLAN[index % PLAN.len()]
        .iter()
        .map(|role| Person {
            name: format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST)),
            role: (*role).to_owned(),
        })
        .collect();
    let id = ulid::Ulid::from_parts(
        started.timestamp_millis() as u64,
        u128::from(rng.next()) << 64 | u128::from(rng.next()),
    );
    let mut s = Session::new(
        id.to_string(),
        bank,
        &municipality_name(municipality),
        &format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST)),
        people,
        started,
    );
    let roles = s.roles();
    let max = i64::from(bank.scale_max());
    let mut minutes = 0;
    for (_, q) in bank.questions().filter(|(_, q)| Bank::is_routed(q, &roles)) {
        let level = 1 + rng.index(3) as i64;
        let mut scores = Scores::default();
        for d in DIMENSIONS {
            scores.set(d, Some(value(&mut rng, level, max)));
        }
        let lo = spec.note_bytes / 4;
        let len = lo + rng.index(spec.note_bytes * 3 / 2 + 1);
        let findings = if rng.chance(12) {
            let (kind, text) = *rng.pick(&FINDINGS);
            vec![Finding {
                kind,
                text: text.to_owned(),
            }]
        } else {
            Vec::new()
        };
        let seconds = 40 + rng.index(200) as u64;
        minutes += seconds / 60;
        s.answers.insert(
            q.id.clone(),
            Answer {
                scores,
                notes: note(&mut rng, len),
                findings,
                flagged: rng.chance(4),
                seconds,
            },
        );
        s.last_question = Some(q.id.clone());
    }
    s.priorities = (0..2 + rng.index(4))
        .map(|_| rng.pick(&PRIORITIES).to_string())
        .collect();
    s.updated_at = started + Duration::minutes(minutes as i64);
    s.status = Status::Completed;
    s
}

/// Every session of the spec, municipality by municipality, built lazily so
/// that writing 2,000 files never holds them all.
pub fn sessions<'a>(bank: &'a Bank, spec: &'a Spec) -> impl Iterator<Item = Session> + 'a {
    (0..spec.municipalities)
        .flat_map(move |m| (0..spec.per_municipality).map(move |i| session(bank, spec, m, i)))
}

/// The interview-screen case of issue 7: one group interview with every
/// question of the bank routed and answered, `total_note_bytes` of notes in
/// all, the last question (where a resume lands) holding `current_note_bytes`.
pub fn full_interview(bank: &Bank, total_note_bytes: usize, current_note_bytes: usize) -> Session {
    // Roles are added until every question is in the walk.
    let mut roles: Vec<&str> = Vec::new();
    for (_, q) in bank.questions() {
        if !q.roles.iter().any(|r| roles.contains(&r.as_str())) {
            roles.push(&q.roles[0]);
        }
    }
    let n = bank.question_count();
    let spec = Spec {
        municipalities: 1,
        per_municipality: 1,
        note_bytes: (total_note_bytes - current_note_bytes) / (n - 1).max(1),
        seed: 75,
    };
    let mut s = session(bank, &spec, 0, 0);
    let mut rng = Rng(spec.seed);
    s.interviewees = roles
        .iter()
        .map(|role| Person {
            name: format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST)),
            role: (*role).to_owned(),
        })
        .collect();
    s.status = Status::InProgress;
    let ids: Vec<String> = bank.questions().map(|(_, q)| q.id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        let target = if i + 1 == n {
            current_note_bytes
        } else {
            spec.note_bytes
        };
        let mut scores = Scores::default();
        for d in DIMENSIONS {
            scores.set(d, Some(value(&mut rng, 2, i64::from(bank.scale_max()))));
        }
        let answer = s.answers.entry(id.clone()).or_default();
        answer.scores = scores;
        answer.notes = note(&mut rng, target);
    }
    s.last_question = ids.last().cloned();
    s
}
