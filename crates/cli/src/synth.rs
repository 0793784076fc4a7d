//! `vigil synth`: a synthetic news corpus, months long, with a scripted escalation.
//!
//! # Why synthetic
//!
//! Escalation detection (`vigil watch`) compares the last week of a dyad's conflict events
//! with the three months before it, so showing it, testing it end to end and filling a
//! database for benchmarks all need a corpus that spans months. No such corpus of real
//! news ships with Vigil (licences), and none can be fetched offline. This module writes
//! one instead: news-shaped sentences whose actors, places and verbs come from the shipped
//! dictionaries and gazetteer, in the JSON Lines records `vigil ingest` reads.
//!
//! # Labelled
//!
//! Every record says what it is: its `outlet` is exactly [`OUTLET`] (`"Vigil synthetic"`),
//! which the API and the web UI use to mark data as synthetic; its id is
//! `synth-YYYY-MM-DD-NNNN`; it has no URL. Nothing in it reports a real event.
//!
//! # Method
//!
//! * **Countries** ([`COUNTRIES`]): sixty-seven countries, each with the name, adjective,
//!   capital and two or three cities of the gazetteer (`data/geo/countries.tsv`,
//!   `demonyms.tsv`, `cities.tsv`) and its CAMEO code (`data/cameo/countries.tsv`); the
//!   tests check every entry against those tables and that the coder reads each name and
//!   adjective as that country.
//! * **Sentences** ([`TEMPLATES`]): templates of the shapes news wires use ("X's foreign
//!   minister met his Y counterpart in Z", "Y accused X of violating the ceasefire",
//!   "X troops shelled Y positions near Z, the Y defence ministry said", quotations,
//!   "according to" …). Each names the CAMEO root it is meant to code and its direction;
//!   a test codes every template with every country through the real coder and fails on
//!   any template that does not code as intended or that codes a party outside its dyad.
//!   Filler sentences (background, quotations without a target) must code nothing.
//! * **Background**: a fixed set of dyads (each country tied to a few partners, weighted
//!   by how often the countries are in the news) and domestic stories. Each day has a
//!   Poisson number of articles (mean `--per-day`); each picks a dyad by weight, a
//!   direction, and a kind: verbal cooperation, material cooperation, verbal conflict,
//!   rarely material conflict (mostly sanctions and expulsions), or a domestic story. An
//!   article has 2–6 sentences: a lead event, at most one more event, and fillers; in a
//!   conflict story the one more event is always the other side's answer, so no
//!   direction of a dyad gets its conflict events in clumps. Every dyad's daily counts
//!   are thus steady Poisson-like series, and `vigil watch` finds nothing among them.
//! * **Escalation** (`--escalation SRC:TGT`, `--escalation-days E`): on top of the
//!   background, the pair gets verbal-conflict articles (threats, warnings, demands,
//!   accusations, in both directions) whose daily rate rises linearly over the last 2·E
//!   days; isolated attacks by SRC on TGT (one material-conflict event an article) from
//!   E days before the end; and in the last week (or all of E when it is shorter) the
//!   surge: articles of several attacks each (shelling, air and drone strikes, clashes,
//!   seizures, troop build-ups, sanctions), sometimes answered by TGT's accusations, at a
//!   rate rising quadratically to its peak on the last day. The corpus ends on that day,
//!   so the 7-day window `vigil watch` tests is the surge, and the 90 days before it are
//!   its baseline: quiet, then sparse incidents, which leave it close to Poisson, so the
//!   surge is a very unlikely count for it.
//!
//! Events are deduplicated by date, source, code and target when stored, so a dyad's
//! daily count is bounded by how many distinct (actor, code, target) combinations its
//! sentences can produce: the templates vary actors (government, military, police…),
//! codes and event dates ("on Monday", "yesterday") for that reason.
//!
//! Generation is deterministic for a seed (a splitmix64 generator written here; Poisson
//! counts by Knuth's product method, in steps of λ ≤ 30) and fast: it only fills
//! templates and writes JSON, millions of sentences a minute.

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDate};
use clap::Args as ClapArgs;
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

/// The `outlet` of every synthetic record; the API and UI label data with it.
pub const OUTLET: &str = "Vigil synthetic";

/// Days of the material-conflict surge at the end of an escalation (at most).
const SURGE_DAYS: f64 = 7.0;

/// Arguments of `vigil synth`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Where to write the JSON Lines corpus (`-`: standard output).
    #[arg(long, default_value = "-", value_name = "PATH")]
    pub out: String,
    /// First publication date (YYYY-MM-DD).
    #[arg(long, default_value = "2024-01-01", value_parser = crate::code::parse_date_arg)]
    pub start: NaiveDate,
    /// Days the corpus spans.
    #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u32).range(1..=36_500))]
    pub days: u32,
    /// Background articles a day (the mean of a Poisson count).
    #[arg(long, default_value_t = 40.0)]
    pub per_day: f64,
    /// Seed of the generator: the same seed and options give the same bytes.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// The scripted escalation: SOURCE:TARGET country codes (CAMEO, e.g. IND:PAK).
    #[arg(long, default_value = "IND:PAK", value_name = "SRC:TGT")]
    pub escalation: String,
    /// Days of material conflict at the end of the corpus (verbal conflict rises over
    /// twice as many).
    #[arg(long, default_value_t = 21, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub escalation_days: u32,
}

/// What to generate (the library form of [`Args`]).
#[derive(Clone, Debug, PartialEq)]
pub struct SynthConfig {
    /// First publication date.
    pub start: NaiveDate,
    /// Days the corpus spans (the last is `start + days - 1`).
    pub days: u32,
    /// Mean number of background articles a day.
    pub per_day: f64,
    /// Generator seed.
    pub seed: u64,
    /// CAMEO country code of the escalation's source (the attacker).
    pub source: String,
    /// CAMEO country code of the escalation's target.
    pub target: String,
    /// Days of material conflict at the end.
    pub escalation_days: u32,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            start: NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date"),
            days: 180,
            per_day: 40.0,
            seed: 7,
            source: "IND".into(),
            target: "PAK".into(),
            escalation_days: 21,
        }
    }
}

/// What [`generate`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthStats {
    /// Records (articles) written.
    pub articles: u64,
    /// Sentences in them.
    pub sentences: u64,
    /// Events the sentences are written to code (a mutual act, such as a clash, counts
    /// twice); the coder finds nearly all of them.
    pub events: u64,
    /// Publication date of the first record.
    pub first: NaiveDate,
    /// Publication date of the last record.
    pub last: NaiveDate,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let (source, target) = args
        .escalation
        .split_once(':')
        .with_context(|| format!("--escalation `{}`: want SRC:TGT", args.escalation))?;
    let cfg = SynthConfig {
        start: args.start,
        days: args.days,
        per_day: args.per_day,
        seed: args.seed,
        source: source.trim().to_ascii_uppercase(),
        target: target.trim().to_ascii_uppercase(),
        escalation_days: args.escalation_days,
    };
    // `vigil watch` tests a 7-day window against at least 28 days before it.
    if cfg.days < cfg.escalation_days.max(7) + 28 {
        eprintln!(
            "synth: note: {} days leave `vigil watch` too little baseline before the escalation (want at least {})",
            cfg.days,
            cfg.escalation_days.max(7) + 28
        );
    }
    let started = Instant::now();
    let stats = if args.out == "-" {
        let stdout = std::io::stdout();
        generate(&cfg, &mut stdout.lock())?
    } else {
        let mut f = std::fs::File::create(&args.out)
            .with_context(|| format!("cannot create {}", args.out))?;
        generate(&cfg, &mut f)?
    };
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "synth: {} articles, {} sentences ({} events scripted), {} to {}, escalation {}→{} over the last {} days; {:.2} s ({:.0} sentences/s)",
        stats.articles,
        stats.sentences,
        stats.events,
        stats.first,
        stats.last,
        cfg.source,
        cfg.target,
        cfg.escalation_days,
        secs,
        stats.sentences as f64 / secs.max(1e-6)
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the corpus `cfg` describes to `out` as JSON Lines (buffered here; `out` need not
/// be). Deterministic: the same `cfg` writes the same bytes.
pub fn generate(cfg: &SynthConfig, out: &mut impl Write) -> Result<SynthStats> {
    let src = country_index(&cfg.source)?;
    let tgt = country_index(&cfg.target)?;
    if src == tgt {
        bail!("the escalation needs two different countries");
    }
    if !(cfg.per_day.is_finite() && cfg.per_day >= 0.0) {
        bail!("articles per day must be a number ≥ 0");
    }
    if cfg.days == 0 {
        bail!("the corpus needs at least one day");
    }
    let last = cfg
        .start
        .checked_add_days(chrono::Days::new(u64::from(cfg.days) - 1))
        .context("the corpus would end after the year 262143")?;
    let mut rng = Rng::new(cfg.seed);
    let world = World::new(&mut rng, src, tgt);
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut stats = SynthStats {
        articles: 0,
        sentences: 0,
        events: 0,
        first: cfg.start,
        last,
    };
    let e = f64::from(cfg.escalation_days);
    // The surge is the last week of the escalation (all of it when it is shorter); the
    // days before it have isolated incidents.
    let surge = e.min(SURGE_DAYS);
    // Daily rates of the scripted articles, scaled with the background so the escalation
    // stands out at any volume, with floors so it does in small corpora.
    let verbal_peak = (0.06 * cfg.per_day).max(1.0);
    let incident_rate = 0.3 + 0.005 * cfg.per_day;
    let surge_peak = (0.3 * cfg.per_day).max(8.0);
    let mut plans = Vec::new();
    let mut writer = ArticleWriter::default();
    for i in 0..cfg.days {
        let date = cfg.start + chrono::Days::new(u64::from(i));
        // Days before the last day (0 on the last day).
        let d = f64::from(cfg.days - 1 - i);
        let verbal = if d < 2.0 * e {
            verbal_peak * (2.0 * e - d) / (2.0 * e)
        } else {
            0.0
        };
        let (incidents, material) = if d < surge {
            (0.0, surge_peak * ((surge - d) / surge).powi(2))
        } else if d < e {
            (incident_rate, 0.0)
        } else {
            (0.0, 0.0)
        };
        plans.clear();
        plans.extend((0..rng.poisson(cfg.per_day)).map(|_| Plan::Background));
        plans.extend((0..rng.poisson(verbal)).map(|_| Plan::EscalationVerbal));
        plans.extend((0..rng.poisson(incidents)).map(|_| Plan::EscalationIncident));
        plans.extend((0..rng.poisson(material)).map(|_| Plan::EscalationMaterial));
        rng.shuffle(&mut plans);
        for (n, plan) in plans.iter().enumerate() {
            let a = world.article(&mut rng, *plan);
            stats.sentences += writer.write(&mut out, &mut rng, &a, date, n + 1)? as u64;
            stats.events += a
                .lines
                .iter()
                .map(|l| match (l.template.root.is_empty(), l.template.mutual) {
                    (true, _) => 0,
                    (false, false) => 1,
                    (false, true) => 2,
                })
                .sum::<u64>();
            stats.articles += 1;
        }
    }
    out.flush()?;
    Ok(stats)
}

/// The position of a country in [`COUNTRIES`], or an error listing the codes.
fn country_index(code: &str) -> Result<usize> {
    COUNTRIES
        .iter()
        .position(|c| c.code.eq_ignore_ascii_case(code))
        .with_context(|| {
            let codes: Vec<&str> = COUNTRIES.iter().map(|c| c.code).collect();
            format!(
                "`{code}` is not a country synth knows; use one of {}",
                codes.join(" ")
            )
        })
}

// ---------------------------------------------------------------------------------------
// Random numbers

/// splitmix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough to draw stories.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5653_5944_4e54_4831)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n (n > 0), by the multiply-shift method.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// A Poisson count with mean `lambda`: Knuth's product of uniforms, summed over
    /// pieces of mean ≤ 30 so `exp(-λ)` never underflows.
    fn poisson(&mut self, mut lambda: f64) -> u64 {
        let mut n = 0;
        while lambda > 0.0 {
            let step = lambda.min(30.0);
            lambda -= step;
            let limit = (-step).exp();
            let mut p = self.unit();
            while p > limit {
                n += 1;
                p *= self.unit();
            }
        }
        n
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// Index into cumulative `weights` for a uniform draw.
fn weighted(rng: &mut Rng, cumulative: &[f64]) -> usize {
    let total = *cumulative.last().expect("weights are not empty");
    let x = rng.unit() * total;
    cumulative
        .partition_point(|&c| c <= x)
        .min(cumulative.len() - 1)
}

// ---------------------------------------------------------------------------------------
// Countries

/// A country as the sentences name it.
pub struct Country {
    /// CAMEO country code (the coder's actor code prefix).
    pub code: &'static str,
    /// Name as a sentence uses it ("India", "the United States").
    pub name: &'static str,
    /// Adjective ("Indian").
    pub adj: &'static str,
    /// Capital first, then other cities (all in the gazetteer).
    pub cities: &'static [&'static str],
    /// How often the country is in the news, 1–4.
    pub weight: u8,
}

macro_rules! countries {
    ($(($code:literal, $name:literal, $adj:literal, $w:literal, [$($city:literal),+])),+ $(,)?) => {
        &[$(Country { code: $code, name: $name, adj: $adj, weight: $w, cities: &[$($city),+] }),+]
    };
}

/// The countries of the corpus: CAMEO code, name, adjective, weight, capital and cities.
#[rustfmt::skip]
pub static COUNTRIES: &[Country] = countries![
    ("USA", "the United States", "American", 4, ["Washington", "Chicago", "Houston"]),
    ("CHN", "China", "Chinese", 4, ["Beijing", "Shanghai", "Shenzhen"]),
    ("RUS", "Russia", "Russian", 4, ["Moscow", "Novosibirsk", "Yekaterinburg"]),
    ("IND", "India", "Indian", 3, ["New Delhi", "Mumbai", "Amritsar", "Jammu"]),
    ("PAK", "Pakistan", "Pakistani", 3, ["Islamabad", "Lahore", "Sialkot"]),
    ("JPN", "Japan", "Japanese", 3, ["Tokyo", "Yokohama", "Osaka"]),
    ("DEU", "Germany", "German", 3, ["Berlin", "Hamburg", "Munich"]),
    ("FRA", "France", "French", 3, ["Paris", "Marseille", "Lyon"]),
    ("GBR", "Britain", "British", 3, ["London", "Birmingham", "Glasgow"]),
    ("TUR", "Turkey", "Turkish", 3, ["Ankara", "Istanbul", "Izmir"]),
    ("IRN", "Iran", "Iranian", 3, ["Tehran", "Mashhad", "Tabriz"]),
    ("ISR", "Israel", "Israeli", 3, ["Jerusalem", "Haifa", "Tel Aviv"]),
    ("SAU", "Saudi Arabia", "Saudi", 3, ["Riyadh", "Jeddah"]),
    ("UKR", "Ukraine", "Ukrainian", 3, ["Kyiv", "Kharkiv", "Odesa"]),
    ("ITA", "Italy", "Italian", 2, ["Rome", "Milan", "Naples"]),
    ("ESP", "Spain", "Spanish", 2, ["Madrid", "Barcelona", "Seville"]),
    ("POL", "Poland", "Polish", 2, ["Warsaw", "Lublin", "Szczecin"]),
    ("IRQ", "Iraq", "Iraqi", 2, ["Baghdad", "Basra", "Mosul"]),
    ("EGY", "Egypt", "Egyptian", 2, ["Cairo", "Alexandria", "Giza"]),
    ("SYR", "Syria", "Syrian", 2, ["Damascus", "Aleppo", "Homs"]),
    ("NGA", "Nigeria", "Nigerian", 2, ["Abuja", "Lagos", "Kano"]),
    ("ZAF", "South Africa", "South African", 2, ["Pretoria", "Johannesburg", "Durban"]),
    ("BRA", "Brazil", "Brazilian", 2, ["Brasilia", "Sao Paulo", "Rio de Janeiro"]),
    ("MEX", "Mexico", "Mexican", 2, ["Mexico City", "Monterrey", "Guadalajara"]),
    ("CAN", "Canada", "Canadian", 2, ["Ottawa", "Toronto", "Calgary"]),
    ("AUS", "Australia", "Australian", 2, ["Canberra", "Sydney", "Melbourne"]),
    ("IDN", "Indonesia", "Indonesian", 2, ["Jakarta", "Surabaya"]),
    ("KOR", "South Korea", "South Korean", 2, ["Seoul", "Busan", "Incheon"]),
    ("PRK", "North Korea", "North Korean", 2, ["Pyongyang", "Chongjin"]),
    ("VEN", "Venezuela", "Venezuelan", 2, ["Caracas", "Maracaibo"]),
    ("ARM", "Armenia", "Armenian", 2, ["Yerevan", "Gyumri", "Vanadzor"]),
    ("AZE", "Azerbaijan", "Azerbaijani", 2, ["Baku", "Ganja", "Sumgayit"]),
    ("JOR", "Jordan", "Jordanian", 1, ["Amman", "Zarqa", "Irbid"]),
    ("LBN", "Lebanon", "Lebanese", 1, ["Beirut", "Sidon", "Tyre"]),
    ("ETH", "Ethiopia", "Ethiopian", 1, ["Addis Ababa", "Dire Dawa", "Mekele"]),
    ("ARG", "Argentina", "Argentine", 1, ["Buenos Aires", "Rosario"]),
    ("COL", "Colombia", "Colombian", 1, ["Bogota", "Cali", "Barranquilla"]),
    ("PHL", "the Philippines", "Philippine", 1, ["Manila", "Davao", "Cebu City"]),
    ("VNM", "Vietnam", "Vietnamese", 1, ["Hanoi", "Haiphong", "Ho Chi Minh City"]),
    ("THA", "Thailand", "Thai", 1, ["Bangkok", "Chiang Mai"]),
    ("MYS", "Malaysia", "Malaysian", 1, ["Kuala Lumpur", "Johor Bahru"]),
    ("GEO", "Georgia", "Georgian", 1, ["Tbilisi", "Batumi", "Kutaisi"]),
    ("SRB", "Serbia", "Serbian", 1, ["Belgrade", "Novi Sad"]),
    ("HUN", "Hungary", "Hungarian", 1, ["Budapest", "Debrecen", "Szeged"]),
    ("ROU", "Romania", "Romanian", 1, ["Bucharest", "Craiova"]),
    ("GRC", "Greece", "Greek", 1, ["Athens", "Thessaloniki", "Patras"]),
    ("MAR", "Morocco", "Moroccan", 1, ["Rabat", "Casablanca"]),
    ("DZA", "Algeria", "Algerian", 1, ["Algiers", "Oran"]),
    ("TUN", "Tunisia", "Tunisian", 1, ["Tunis", "Sfax", "Sousse"]),
    ("SDN", "Sudan", "Sudanese", 1, ["Khartoum", "Omdurman", "Port Sudan"]),
    ("SOM", "Somalia", "Somali", 1, ["Mogadishu", "Kismayo", "Baidoa"]),
    ("UGA", "Uganda", "Ugandan", 1, ["Kampala", "Gulu"]),
    ("TZA", "Tanzania", "Tanzanian", 1, ["Dodoma", "Dar es Salaam", "Arusha"]),
    ("AFG", "Afghanistan", "Afghan", 1, ["Kabul", "Kandahar", "Herat"]),
    ("BGD", "Bangladesh", "Bangladeshi", 1, ["Dhaka", "Chittagong"]),
    ("CHL", "Chile", "Chilean", 1, ["Santiago", "Antofagasta"]),
    ("PER", "Peru", "Peruvian", 1, ["Lima", "Arequipa", "Trujillo"]),
    ("CUB", "Cuba", "Cuban", 1, ["Havana", "Santiago de Cuba"]),
    ("QAT", "Qatar", "Qatari", 1, ["Doha"]),
    ("KWT", "Kuwait", "Kuwaiti", 1, ["Kuwait City"]),
    ("YEM", "Yemen", "Yemeni", 1, ["Sanaa", "Aden"]),
    ("LBY", "Libya", "Libyan", 1, ["Tripoli", "Benghazi"]),
    ("MLI", "Mali", "Malian", 1, ["Bamako", "Gao"]),
    ("NER", "Niger", "Nigerien", 1, ["Niamey", "Agadez"]),
    ("GHA", "Ghana", "Ghanaian", 1, ["Accra", "Kumasi"]),
    ("CMR", "Cameroon", "Cameroonian", 1, ["Yaounde", "Douala"]),
    ("BLR", "Belarus", "Belarusian", 1, ["Minsk", "Gomel", "Grodno"]),
];

/// Cities where third parties host talks (each also in the gazetteer).
const VENUES: &[&str] = &[
    "Geneva",
    "Vienna",
    "Brussels",
    "New York",
    "Singapore",
    "Oslo",
    "Helsinki",
];

// ---------------------------------------------------------------------------------------
// Templates

/// What a template is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Verbal cooperation (QuadClass 1).
    VerbalCoop,
    /// Material cooperation (QuadClass 2).
    MaterialCoop,
    /// Verbal conflict (QuadClass 3).
    VerbalConflict,
    /// Coercion short of force: sanctions, expulsions, arrests (QuadClass 4).
    Coercion,
    /// Military posture and force (QuadClass 4).
    Force,
    /// Within one country (source and target the same country).
    Domestic,
    /// The other side's answer to a conflict story (QuadClass 3).
    ReactConflict,
    /// The other side's answer to cooperation (QuadClass 1).
    ReactCoop,
    /// Background that fits any story between two countries: no event.
    Filler,
    /// Background and quotations for cooperation stories: no event.
    FillerCoop,
    /// Background and quotations for conflict stories: no event.
    FillerConflict,
    /// Background for stories of attacks: no event.
    FillerForce,
    /// Background for domestic stories: no event.
    FillerDomestic,
}

/// One sentence shape.
pub struct Template {
    /// The kind of story it belongs to.
    pub kind: Kind,
    /// The sentence, with slots: `{S}`/`{T}` names, `{Sp}`/`{Tp}` possessives, `{Sa}`/`{Ta}`
    /// adjectives, `{Scap}`/`{Tcap}` capitals, `{Scity}`/`{Tcity}` cities, `{venue}`, `{N}`
    /// a small number, `{M}` millions, `{B}` billions, `{when}` an optional time
    /// (" on Monday", " yesterday", or nothing).
    pub text: &'static str,
    /// Headline when the template leads an article (same slots); empty for follow-ups.
    pub title: &'static str,
    /// The CAMEO root it codes (source S, target T), or `""` when it codes nothing.
    pub root: &'static str,
    /// Whether the coder also codes T→S with the same root (mutual acts).
    pub mutual: bool,
}

const fn t(kind: Kind, root: &'static str, text: &'static str, title: &'static str) -> Template {
    Template {
        kind,
        text,
        title,
        root,
        mutual: false,
    }
}

const fn mutual(
    kind: Kind,
    root: &'static str,
    text: &'static str,
    title: &'static str,
) -> Template {
    Template {
        kind,
        text,
        title,
        root,
        mutual: true,
    }
}

use Kind::*;

/// Every sentence shape. Each one is checked against the coder in the tests.
#[rustfmt::skip]
pub static TEMPLATES: &[Template] = &[
    // Verbal cooperation.
    mutual(VerbalCoop, "04", "{Sp} foreign minister met his {Ta} counterpart in {venue}{when}.", "{Sa} and {Ta} foreign ministers meet in {venue}"),
    mutual(VerbalCoop, "04", "{Sp} president held talks with {Tp} prime minister in {Scap}{when}.", "{Sa} president hosts {Ta} prime minister for talks"),
    mutual(VerbalCoop, "04", "The {Sa} prime minister visited {T} for talks on trade and security.", "{Sa} prime minister visits {T}"),
    mutual(VerbalCoop, "04", "{S} hosted a delegation from {T} for talks on energy cooperation.", "{S} hosts {Ta} delegation for energy talks"),
    t(VerbalCoop, "02", "{S} called on {T} to release detained journalists.", "{S} urges {T} to free journalists"),
    t(VerbalCoop, "02", "{S} asked {T} to extradite a suspect.", "{S} seeks extradition from {T}"),
    t(VerbalCoop, "02", "{S} called for talks with {T}{when}.", "{S} calls for talks with {T}"),
    t(VerbalCoop, "03", "{S} pledged ${M} million in aid to {T}{when}.", "{S} pledges ${M} million to {T}"),
    mutual(VerbalCoop, "03", "{S} signed a trade agreement with {T}{when}.", "{S} and {T} sign trade agreement"),
    mutual(VerbalCoop, "03", "{S} and {T} agreed to boost economic cooperation.", "{S}, {T} agree to boost economic ties"),
    t(VerbalCoop, "03", "{S} offered to mediate between {T} and its neighbours.", "{S} offers to mediate for {T}"),
    t(VerbalCoop, "05", "{S} expressed support for {Tp} bid to join the trade bloc.", "{S} backs {Tp} trade bloc bid"),
    t(VerbalCoop, "05", "The {Sa} government praised {T} for its handling of the crisis.", "{S} praises {Tp} crisis response"),
    mutual(VerbalCoop, "05", "{S} and {T} signed an agreement to expand trade.", "{S} and {T} sign deal to expand trade"),
    t(VerbalCoop, "05", "\u{201c}We welcome the support of {T},\u{201d} the {Sa} president said.", "{Sa} president welcomes {Ta} support"),
    // Material cooperation.
    t(MaterialCoop, "07", "{S} sent humanitarian aid to {T}{when}.", "{S} sends humanitarian aid to {T}"),
    t(MaterialCoop, "07", "{S} provided emergency food aid to {T}.", "{S} provides food aid to {T}"),
    t(MaterialCoop, "07", "{S} delivered aid to {T}{when}.", "{Sa} aid arrives in {T}"),
    t(MaterialCoop, "07", "{S} sent relief supplies to {T}.", "{S} sends relief supplies to {T}"),
    t(MaterialCoop, "07", "{S} sent weapons to {T}.", "{S} sends weapons to {T}"),
    t(MaterialCoop, "08", "{S} released {N} {Ta} prisoners{when}.", "{S} frees {N} {Ta} prisoners"),
    t(MaterialCoop, "08", "{S} freed {N} {Ta} prisoners.", "{N} {Ta} prisoners freed by {S}"),
    t(MaterialCoop, "08", "{S} lifted sanctions on {T}.", "{S} lifts sanctions on {T}"),
    t(MaterialCoop, "08", "{S} eased sanctions on {T}.", "{S} eases sanctions on {T}"),
    mutual(MaterialCoop, "06", "{S} sold fighter jets to {T}.", "{S} sells fighter jets to {T}"),
    // Verbal conflict.
    t(VerbalConflict, "11", "{S} accused {T} of violating the ceasefire{when}.", "{S} accuses {T} of ceasefire violations"),
    t(VerbalConflict, "11", "{S} criticized {T} over its treatment of journalists.", "{S} criticizes {T} over journalists"),
    t(VerbalConflict, "11", "{S} condemned {T} for the border incident.", "{S} condemns {T} over border incident"),
    t(VerbalConflict, "11", "{S} denounced {Tp} decision as illegal.", "{S} calls {Tp} decision illegal"),
    t(VerbalConflict, "11", "{S} blamed {T} for the attack on its border post.", "{S} blames {T} for border post attack"),
    t(VerbalConflict, "12", "{S} rejected {Tp} proposal for new talks{when}.", "{S} rejects {Tp} call for talks"),
    t(VerbalConflict, "13", "{S} threatened {T} with sanctions.", "{S} threatens {T} with sanctions"),
    t(VerbalConflict, "13", "{S} threatened {T} with military action{when}.", "{S} threatens military action against {T}"),
    t(VerbalConflict, "13", "{S} warned {T} against any provocation.", "{S} warns {T} against provocation"),
    t(VerbalConflict, "13", "{S} warned {T} that it would respond to any attack.", "{S} warns {T} it will respond"),
    t(VerbalConflict, "13", "{S} vowed to retaliate against {T}.", "{S} vows to retaliate against {T}"),
    t(VerbalConflict, "13", "{Sp} president warned {T} of a firm response.", "{Sa} president warns {T}"),
    t(VerbalConflict, "10", "{S} demanded an apology from {T}{when}.", "{S} demands apology from {T}"),
    t(VerbalConflict, "10", "{S} demanded the withdrawal of {Ta} troops.", "{S} demands {Ta} troop withdrawal"),
    t(VerbalConflict, "12", "The {Sa} foreign minister said {S} would not accept {Ta} demands.", "{S} will not accept {Ta} demands, minister says"),
    // Coercion.
    t(Coercion, "16", "{S} imposed sanctions on {T}{when}.", "{S} imposes sanctions on {T}"),
    t(Coercion, "16", "{S} recalled its ambassador from {T}.", "{S} recalls ambassador from {T}"),
    t(Coercion, "16", "{S} suspended talks with {T}.", "{S} suspends talks with {T}"),
    t(Coercion, "16", "{S} halted flights to {T}{when}.", "{S} halts flights to {T}"),
    t(Coercion, "16", "{S} expelled {Ta} diplomats{when}.", "{S} expels {Ta} diplomats"),
    t(Coercion, "17", "{S} deported {N} {Ta} workers.", "{S} deports {N} {Ta} workers"),
    t(Coercion, "17", "{S} seized {Ta} assets{when}.", "{S} seizes {Ta} assets"),
    t(Coercion, "17", "{S} banned {Ta} airlines from its airspace.", "{S} bans {Ta} airlines"),
    t(Coercion, "17", "{Sa} police arrested {N} {Ta} nationals.", "{N} {Ta} nationals arrested in {S}"),
    t(Coercion, "17", "{Sa} police detained {N} {Ta} fishermen{when}.", "{N} {Ta} fishermen detained"),
    t(Coercion, "17", "{S} closed its border with {T}.", "{S} closes border with {T}"),
    t(Coercion, "16", "{S} imposed an embargo on {T}.", "{S} imposes embargo on {T}"),
    // Force.
    t(Force, "19", "{Sa} troops shelled {Ta} positions near {Tcity}{when}.", "{Sa} troops shell {Ta} positions near {Tcity}"),
    t(Force, "19", "{Sa} artillery pounded {Ta} positions near {Tcity}.", "{Sa} artillery pounds positions near {Tcity}"),
    t(Force, "19", "{Sa} artillery shelled a {Ta} hospital near {Tcity}{when}.", "Hospital near {Tcity} shelled"),
    t(Force, "19", "{Sa} drones attacked {Ta} military targets{when}.", "{Sa} drones strike {Ta} military targets"),
    t(Force, "19", "{Sa} warplanes bombed {Ta} army positions.", "{Sa} warplanes bomb {Ta} positions"),
    t(Force, "19", "{Sa} tanks fired on {Ta} positions{when}.", "{Sa} tanks fire on {Ta} positions"),
    t(Force, "19", "{Sa} troops opened fire on {Ta} civilians.", "{Sa} troops fire on {Ta} civilians"),
    t(Force, "19", "{Sa} border guards fired on {Ta} farmers near the border{when}.", "{Ta} farmers fired on at the border"),
    t(Force, "19", "{Sa} forces fired rockets at {Ta} police posts.", "Rockets hit {Ta} police posts"),
    t(Force, "19", "{Sa} soldiers killed a {Ta} police officer{when}.", "{Ta} police officer killed"),
    t(Force, "19", "{Sa} soldiers killed {N} {Ta} soldiers{when}.", "{N} {Ta} soldiers killed"),
    t(Force, "19", "{Sa} troops ambushed a {Ta} patrol.", "{Ta} patrol ambushed"),
    mutual(Force, "19", "{Sa} forces clashed with {Ta} troops near the border{when}.", "{Sa} and {Ta} troops clash on the border"),
    t(Force, "19", "{Sa} troops seized a {Ta} border post{when}.", "{Sa} troops seize {Ta} border post"),
    t(Force, "19", "{Sa} troops occupied a {Ta} village.", "{Sa} troops occupy {Ta} village"),
    t(Force, "18", "{Sa} troops abducted {N} {Ta} villagers{when}.", "{N} {Ta} villagers abducted"),
    t(Force, "19", "{Sa} soldiers arrested {N} {Ta} farmers.", "{N} {Ta} farmers held by {Sa} soldiers"),
    t(Force, "19", "{Sa} special forces raided a {Ta} outpost.", "{Sa} special forces raid {Ta} outpost"),
    t(Force, "19", "{Sa} commandos killed {N} {Ta} militants{when}.", "{Sa} commandos kill {N} militants"),
    t(Force, "18", "{Sa} intelligence agents assassinated a {Ta} commander.", "{Ta} commander assassinated"),
    t(Force, "18", "{Sa} soldiers wounded {N} {Ta} police officers{when}.", "{N} {Ta} police officers wounded"),
    t(Force, "19", "A {Sa} drone strike killed {N} {Ta} soldiers.", "Drone strike kills {N} {Ta} soldiers"),
    t(Force, "19", "{Sa} navy seized a {Ta} cargo ship.", "{Sa} navy seizes {Ta} cargo ship"),
    t(Force, "19", "{Sa} troops shelled {Ta} villages near {Tcity}, the {Ta} defence ministry said.", "{Ta} villages shelled near {Tcity}"),
    t(Force, "19", "{Sa} troops attacked {Ta} positions near {Tcity}, {Ta} officials said.", "{T} says {Sa} troops attacked near {Tcity}"),
    t(Force, "19", "According to the {Ta} army, {Sa} artillery shelled {Ta} villages near {Tcity}.", "{Ta} army says villages near {Tcity} shelled"),
    t(Force, "19", "According to {Ta} officials, {Sa} forces killed {N} {Ta} soldiers{when}.", "{N} {Ta} soldiers killed, officials say"),
    t(Force, "15", "{S} massed troops near the border with {T}.", "{S} masses troops near {Ta} border"),
    t(Force, "15", "{S} mobilized troops along its border with {T}{when}.", "{S} mobilizes troops on {Ta} border"),
    t(Force, "15", "{S} put its forces on alert along the border with {T}.", "{S} puts forces on alert along {Ta} border"),
    t(Force, "15", "{S} moved artillery closer to the {Ta} border{when}.", "{S} moves artillery to {Ta} border"),
    t(Force, "15", "{S} increased its military presence near the border with {T}.", "{S} builds up forces near {T}"),
    t(Force, "15", "{Sa} fighter jets violated {Ta} airspace{when}.", "{Sa} jets violate {Ta} airspace"),
    t(Force, "17", "{Sa} forces captured {N} {Ta} soldiers.", "{N} {Ta} soldiers captured"),
    t(Force, "17", "{Sa} forces blockaded {Ta} border towns{when}.", "{Sa} forces blockade {Ta} border towns"),
    // Domestic.
    t(Domestic, "17", "{Sa} police arrested {N} opposition activists in {Scap}{when}.", "Opposition activists arrested in {Scap}"),
    t(Domestic, "04", "The {Sa} president met opposition leaders in {Scap}.", "{Sa} president meets opposition leaders"),
    // Reactions (the story's other side speaking: its S is the story's T).
    t(ReactConflict, "11", "{S} accused {T} of targeting civilians.", ""),
    t(ReactConflict, "11", "{S} blamed {T} for the deaths of {N} civilians near {Scity}.", ""),
    t(ReactConflict, "11", "{S} condemned the {Ta} shelling of {Scity}.", ""),
    t(ReactConflict, "11", "{S} condemned the {Ta} attack.", ""),
    t(ReactConflict, "11", "{S} accused {Ta} forces of killing {N} civilians.", ""),
    t(ReactConflict, "13", "{S} vowed to retaliate against {T}.", ""),
    t(ReactConflict, "13", "{Sp} president warned {T} of a firm response.", ""),
    t(ReactCoop, "05", "The {Sa} government praised {T} for its handling of the crisis.", ""),
    // Fillers: no event.
    t(Filler, "", "Officials did not give further details.", ""),
    t(Filler, "", "Analysts said the move could shape relations in the months ahead.", ""),
    t(Filler, "", "Trade between the two countries reached ${B} billion last year.", ""),
    t(Filler, "", "Markets in {Scap} were little changed.", ""),
    t(Filler, "", "The {Ta} foreign ministry did not respond to a request for comment.", ""),
    t(FillerCoop, "", "\u{201c}This is an important step for the region,\u{201d} a senior {Sa} official said.", ""),
    t(FillerCoop, "", "Both sides described the meeting as constructive.", ""),
    t(FillerConflict, "", "\u{201c}We will defend our sovereignty,\u{201d} the {Ta} defence minister told reporters.", ""),
    t(FillerConflict, "", "The two countries have disputed the border area for decades.", ""),
    t(FillerConflict, "", "Diplomats in {venue} said the dispute was likely to drag on.", ""),
    t(FillerForce, "", "Casualty figures could not be independently verified.", ""),
    t(FillerForce, "", "Residents of {Tcity} reported hearing explosions{when}.", ""),
    t(FillerDomestic, "", "Officials did not give further details.", ""),
    t(FillerDomestic, "", "State media carried a brief statement.", ""),
];

// ---------------------------------------------------------------------------------------
// Stories

/// Why an article is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plan {
    /// A story of the background.
    Background,
    /// The escalation's verbal conflict (rising over its last 2·E days).
    EscalationVerbal,
    /// One isolated attack before the surge: a single material-conflict event.
    EscalationIncident,
    /// The surge: several attacks, answered by accusations.
    EscalationMaterial,
}

/// The countries, dyads and template pools of one corpus.
struct World {
    /// Dyads (unordered) and the cumulative weights to draw them by.
    dyads: Vec<(usize, usize)>,
    dyad_weights: Vec<f64>,
    /// Cumulative country weights (domestic stories).
    country_weights: Vec<f64>,
    src: usize,
    tgt: usize,
    /// The templates of each kind (indexed by `Kind as usize`).
    pools: Vec<Vec<&'static Template>>,
    /// Fillers for cooperation, conflict and domestic stories.
    fill_coop: Vec<&'static Template>,
    fill_conflict: Vec<&'static Template>,
    fill_force: Vec<&'static Template>,
    fill_domestic: Vec<&'static Template>,
}

/// Every kind, in declaration order.
const KINDS: [Kind; 13] = [
    VerbalCoop,
    MaterialCoop,
    VerbalConflict,
    Coercion,
    Force,
    Domestic,
    ReactConflict,
    ReactCoop,
    Filler,
    FillerCoop,
    FillerConflict,
    FillerForce,
    FillerDomestic,
];

/// One sentence of an article: a template, its source and target countries.
#[derive(Clone, Copy)]
struct Line {
    template: &'static Template,
    s: usize,
    t: usize,
}

/// An article before it is rendered.
struct Draft {
    lines: Vec<Line>,
}

impl World {
    /// Ties each country to three partners (drawn by weight) and adds the escalation pair.
    fn new(rng: &mut Rng, src: usize, tgt: usize) -> World {
        let mut country_weights = Vec::with_capacity(COUNTRIES.len());
        let mut sum = 0.0;
        for c in COUNTRIES {
            sum += f64::from(c.weight);
            country_weights.push(sum);
        }
        let mut pairs: Vec<(usize, usize)> = vec![(src.min(tgt), src.max(tgt))];
        for a in 0..COUNTRIES.len() {
            for _ in 0..3 {
                let b = weighted(rng, &country_weights);
                let p = (a.min(b), a.max(b));
                if a != b && !pairs.contains(&p) {
                    pairs.push(p);
                }
            }
        }
        let mut dyad_weights = Vec::with_capacity(pairs.len());
        let mut sum = 0.0;
        for &(a, b) in &pairs {
            sum += f64::from(COUNTRIES[a].weight * COUNTRIES[b].weight);
            dyad_weights.push(sum);
        }
        let pools: Vec<Vec<&'static Template>> = KINDS
            .iter()
            .map(|&k| TEMPLATES.iter().filter(|t| t.kind == k).collect())
            .collect();
        let join = |kinds: &[Kind]| -> Vec<&'static Template> {
            kinds
                .iter()
                .flat_map(|&k| pools[k as usize].iter().copied())
                .collect()
        };
        World {
            fill_coop: join(&[Filler, FillerCoop]),
            fill_conflict: join(&[Filler, FillerConflict]),
            fill_force: join(&[Filler, FillerConflict, FillerForce]),
            fill_domestic: join(&[FillerDomestic]),
            dyads: pairs,
            dyad_weights,
            country_weights,
            src,
            tgt,
            pools,
        }
    }

    fn pick(&self, rng: &mut Rng, kind: Kind) -> &'static Template {
        rng.pick(&self.pools[kind as usize])
    }

    /// A template of `pool` the article does not have yet (after a few tries, any).
    fn fresh(rng: &mut Rng, pool: &[&'static Template], lines: &[Line]) -> &'static Template {
        let mut template = rng.pick(pool);
        for _ in 0..4 {
            if !lines.iter().any(|l| std::ptr::eq(l.template, template)) {
                break;
            }
            template = rng.pick(pool);
        }
        template
    }

    /// Plans one article: a lead event, then up to `more` further events (each the other
    /// side's answer, once, with probability `p_react`, else another act like the lead),
    /// and fillers.
    fn article(&self, rng: &mut Rng, plan: Plan) -> Draft {
        let (kind, s, t, react, more, p_react) = match plan {
            Plan::Background => {
                let x = rng.unit();
                if x < 0.10 {
                    let c = weighted(rng, &self.country_weights);
                    (Domestic, c, c, Domestic, 0, 0.0)
                } else {
                    let (a, b) = self.dyads[weighted(rng, &self.dyad_weights)];
                    let (s, t) = if rng.chance(0.5) { (a, b) } else { (b, a) };
                    // A conflict story of the background has at most one event in each
                    // direction, so its dyad's conflict counts do not come in clumps
                    // that a quiet baseline would take for an escalation.
                    match x {
                        x if x < 0.52 => (VerbalCoop, s, t, ReactCoop, 1, 0.4),
                        x if x < 0.72 => (MaterialCoop, s, t, ReactCoop, 1, 0.4),
                        x if x < 0.92 => (VerbalConflict, s, t, ReactConflict, 1, 1.0),
                        x if x < 0.98 => (Coercion, s, t, ReactConflict, 1, 1.0),
                        _ => (Force, s, t, ReactConflict, 1, 1.0),
                    }
                }
            }
            Plan::EscalationVerbal => {
                let (s, t) = if rng.chance(0.5) {
                    (self.src, self.tgt)
                } else {
                    (self.tgt, self.src)
                };
                (VerbalConflict, s, t, ReactConflict, 1, 1.0)
            }
            Plan::EscalationIncident => (Force, self.src, self.tgt, ReactConflict, 1, 1.0),
            Plan::EscalationMaterial => {
                let kind = if rng.chance(0.85) { Force } else { Coercion };
                // The surge's story is the attacks: answers are rarer.
                (kind, self.src, self.tgt, ReactConflict, 3, 0.2)
            }
        };
        let fillers = match kind {
            VerbalCoop | MaterialCoop => &self.fill_coop,
            Domestic => &self.fill_domestic,
            Force => &self.fill_force,
            _ => &self.fill_conflict,
        };
        let n = 2 + rng.below(5);
        let mut lines = Vec::with_capacity(n);
        lines.push(Line {
            template: self.pick(rng, kind),
            s,
            t,
        });
        let mut more = more;
        let mut reacted = false;
        for _ in 1..n {
            let line = if more > 0 && rng.chance(0.6) {
                more -= 1;
                if !reacted && rng.chance(p_react) {
                    reacted = true;
                    Line {
                        template: Self::fresh(rng, &self.pools[react as usize], &lines),
                        s: t,
                        t: s,
                    }
                } else {
                    let again = match plan {
                        Plan::EscalationMaterial if rng.chance(0.15) => Coercion,
                        Plan::EscalationMaterial => Force,
                        _ => kind,
                    };
                    Line {
                        template: Self::fresh(rng, &self.pools[again as usize], &lines),
                        s,
                        t,
                    }
                }
            } else {
                Line {
                    template: Self::fresh(rng, fillers, &lines),
                    s,
                    t,
                }
            };
            lines.push(line);
        }
        Draft { lines }
    }
}

// ---------------------------------------------------------------------------------------
// Rendering

/// One output record.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    date: &'a str,
    title: &'a str,
    outlet: &'static str,
    text: &'a str,
}

/// Reused buffers for rendering records.
#[derive(Default)]
struct ArticleWriter {
    id: String,
    date: String,
    title: String,
    text: String,
    sentence: String,
}

impl ArticleWriter {
    /// Renders `draft` as record `n` of `date` and writes it; returns its sentence count.
    fn write(
        &mut self,
        out: &mut impl Write,
        rng: &mut Rng,
        draft: &Draft,
        date: NaiveDate,
        n: usize,
    ) -> Result<usize> {
        use std::fmt::Write as _;
        self.date.clear();
        write!(self.date, "{date}")?;
        self.id.clear();
        write!(self.id, "synth-{date}-{n:04}")?;
        self.text.clear();
        let mut lead_slots = None;
        for line in &draft.lines {
            let slots = Slots::draw(rng, line, date);
            self.sentence.clear();
            render(&mut self.sentence, line.template.text, line, &slots);
            capitalise_first(&mut self.sentence);
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push_str(&self.sentence);
            lead_slots.get_or_insert(slots);
        }
        // The headline repeats the lead's numbers and places.
        let lead = &draft.lines[0];
        self.title.clear();
        if let Some(slots) = &lead_slots {
            render(&mut self.title, lead.template.title, lead, slots);
        }
        capitalise_first(&mut self.title);
        serde_json::to_writer(
            &mut *out,
            &Record {
                id: &self.id,
                date: &self.date,
                title: &self.title,
                outlet: OUTLET,
                text: &self.text,
            },
        )?;
        out.write_all(b"\n")?;
        Ok(draft.lines.len())
    }
}

/// Upper-cases the first letter ("the United States said" at the start of a sentence).
fn capitalise_first(s: &mut String) {
    if let Some(c) = s.chars().next()
        && c.is_lowercase()
    {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(..c.len_utf8(), &upper);
    }
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The drawn values of one sentence's slots.
struct Slots {
    scity: &'static str,
    tcity: &'static str,
    venue: &'static str,
    n: u32,
    m: u32,
    b: f64,
    /// Days before publication the sentence dates its event, if it does (`{when}`).
    when: Option<(u32, NaiveDate)>,
}

impl Slots {
    fn draw(rng: &mut Rng, line: &Line, date: NaiveDate) -> Slots {
        // Mostly no time; else yesterday, or a weekday up to two days before publication.
        let when = match rng.below(10) {
            0..=4 => None,
            5 | 6 => Some((1, date)),
            x => Some((x as u32 - 7, date)),
        };
        Slots {
            scity: rng.pick(COUNTRIES[line.s].cities),
            tcity: rng.pick(COUNTRIES[line.t].cities),
            venue: rng.pick(VENUES),
            n: rng.pick(&[2, 3, 4, 5, 6, 8, 11, 12, 15, 20, 27, 40]),
            m: rng.pick(&[5, 10, 20, 25, 50, 75, 100, 250, 500]),
            b: 0.5 + rng.below(400) as f64 / 10.0,
            when,
        }
    }
}

/// Appends `text` to `out` with its slots filled for `line`.
fn render(out: &mut String, text: &str, line: &Line, slots: &Slots) {
    use std::fmt::Write as _;
    let (s, t) = (&COUNTRIES[line.s], &COUNTRIES[line.t]);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("templates close their slots");
        let slot = &rest[open + 1..close];
        rest = &rest[close + 1..];
        match slot {
            "S" => out.push_str(s.name),
            "T" => out.push_str(t.name),
            "Sp" => push_possessive(out, s.name),
            "Tp" => push_possessive(out, t.name),
            "Sa" => out.push_str(s.adj),
            "Ta" => out.push_str(t.adj),
            "Scap" => out.push_str(s.cities[0]),
            "Tcap" => out.push_str(t.cities[0]),
            "Scity" => out.push_str(slots.scity),
            "Tcity" => out.push_str(slots.tcity),
            "venue" => out.push_str(slots.venue),
            "N" => {
                let _ = write!(out, "{}", slots.n);
            }
            "M" => {
                let _ = write!(out, "{}", slots.m);
            }
            "B" => {
                let _ = write!(out, "{:.1}", slots.b);
            }
            "when" => match slots.when {
                None => {}
                Some((1, _)) => out.push_str(" yesterday"),
                Some((back, date)) => {
                    let wd = (date.weekday().num_days_from_monday() + 7 - back) % 7;
                    out.push_str(" on ");
                    out.push_str(WEEKDAYS[wd as usize]);
                }
            },
            other => panic!("unknown slot {{{other}}} in a synth template"),
        }
    }
    out.push_str(rest);
}

/// "India" → "India's"; "the United States" → "the United States'".
fn push_possessive(out: &mut String, name: &str) {
    out.push_str(name);
    out.push_str(if name.ends_with('s') { "'" } else { "'s" });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};
    use vigil_coder::{Coder, CoderConfig};
    use vigil_model::Article;

    fn coder() -> Coder {
        let dicts = crate::dicts::DictArgs::default()
            .load()
            .expect("the shipped dictionaries load");
        Coder::new(dicts, CoderConfig::default())
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, 5).unwrap()
    }

    /// Renders one line as a sentence.
    fn sentence(rng: &mut Rng, template: &'static Template, s: usize, t: usize) -> String {
        let line = Line { template, s, t };
        let slots = Slots::draw(rng, &line, date());
        let mut out = String::new();
        render(&mut out, template.text, &line, &slots);
        capitalise_first(&mut out);
        out
    }

    /// The side of an actor code: its first three letters.
    fn side(code: &str) -> &str {
        code.get(..3).unwrap_or(code)
    }

    #[test]
    fn countries_match_the_shipped_tables() {
        let rows = |text: &'static str| {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        let cameo = rows(include_str!("../../../data/cameo/countries.tsv"));
        let geo = rows(include_str!("../../../data/geo/countries.tsv"));
        let aliases = rows(include_str!("../../../data/geo/country-names.tsv"));
        let demonyms = rows(include_str!("../../../data/geo/demonyms.tsv"));
        let cities = rows(include_str!("../../../data/geo/cities.tsv"));
        // City keys by ISO alpha-2 country.
        let mut keys: HashMap<&str, HashSet<&str>> = HashMap::new();
        for c in &cities {
            keys.entry(c[2]).or_default().extend(c[7].split('|'));
        }
        let mut seen = HashSet::new();
        for c in COUNTRIES {
            assert!(seen.insert(c.code), "{} twice", c.code);
            assert!(
                cameo.iter().any(|r| r[0] == c.code),
                "{} is not a CAMEO country code",
                c.code
            );
            let g = geo
                .iter()
                .find(|r| r[1] == c.code)
                .unwrap_or_else(|| panic!("{} is not in data/geo/countries.tsv", c.code));
            let iso2 = g[0];
            let name = c.name.trim_start_matches("the ");
            let alias = aliases
                .iter()
                .any(|r| r[0] == iso2 && r[1].split('|').any(|n| n == name));
            assert!(g[3] == name || alias, "{}: name {name} vs {}", c.code, g[3]);
            assert!(
                demonyms
                    .iter()
                    .any(|r| r[0] == iso2 && r[1].split('|').any(|a| a == c.adj)),
                "{}: adjective {}",
                c.code,
                c.adj
            );
            assert_eq!(c.cities[0], g[4], "{}: the capital comes first", c.code);
            for city in c.cities {
                assert!(
                    keys.get(iso2)
                        .is_some_and(|k| k.contains(city.to_uppercase().as_str())),
                    "{}: {city} is not a city of the gazetteer",
                    c.code
                );
            }
            assert!((1..=4).contains(&c.weight));
        }
        for v in VENUES {
            assert!(
                keys.values().any(|k| k.contains(v.to_uppercase().as_str())),
                "venue {v}"
            );
        }
    }

    /// Every template, with every country as its source (and a rotating target), is
    /// coded by the shipped coder as its CAMEO root from its source to its target, and
    /// never as anything else (no third party, no other root; the reverse direction only
    /// for mutual acts); a filler codes nothing. A template may miss its event for a few
    /// countries (the tagger reads some names oddly), never for more than one in twenty.
    #[test]
    fn every_template_codes_as_intended() {
        let coder = coder();
        let codes = vigil_model::EventCodes::get();
        let mut rng = Rng::new(11);
        let mut records = Vec::new();
        let mut expect = Vec::new();
        for (ti, template) in TEMPLATES.iter().enumerate() {
            assert!(
                template.root.is_empty()
                    || codes
                        .info(&format!("{}0", template.root))
                        .is_some_and(|i| i.code.starts_with(template.root)),
                "template {ti}: root {}",
                template.root
            );
            for s in 0..COUNTRIES.len() {
                let t = if template.kind == Domestic {
                    s
                } else {
                    (s + 1 + (ti * 7 + s * 13) % (COUNTRIES.len() - 1)) % COUNTRIES.len()
                };
                let text = sentence(&mut rng, template, s, t);
                records.push(Article::new(format!("{ti}/{s}"), date(), text));
                expect.push((ti, s, t));
            }
        }
        // Each record is an article of its own (context must not carry between them).
        let coded: Vec<_> = records
            .iter()
            .map(|r| coder.code_records(std::slice::from_ref(r)).remove(0))
            .collect();
        let mut wrong = Vec::new();
        let mut missed = vec![Vec::new(); TEMPLATES.len()];
        for ((record, coded), &(ti, s, t)) in records.iter().zip(&coded).zip(&expect) {
            let template = &TEMPLATES[ti];
            let (s, t) = (COUNTRIES[s].code, COUNTRIES[t].code);
            let got: Vec<(&str, &str, &str)> = coded
                .events
                .iter()
                .map(|e| (e.source.as_str(), e.code.as_str(), e.target.as_str()))
                .collect();
            let fits = |e: &vigil_model::Event| {
                let forward = side(&e.source) == s && side(&e.target) == t;
                let reverse = side(&e.source) == t && side(&e.target) == s;
                e.root == template.root && (forward || (reverse && template.mutual))
            };
            if !coded.events.iter().all(fits) {
                wrong.push(format!("{:?} → {got:?}", record.text));
            } else if !template.root.is_empty()
                && !coded.events.iter().any(|e| fits(e) && side(&e.source) == s)
            {
                missed[ti].push(record.text.clone());
            }
        }
        assert!(
            wrong.is_empty(),
            "{} of {} sentences coded as something else:\n{}",
            wrong.len(),
            records.len(),
            wrong.join("\n")
        );
        let n = COUNTRIES.len();
        let weak: Vec<String> = missed
            .iter()
            .enumerate()
            .filter(|(_, m)| m.len() * 20 > n)
            .map(|(ti, m)| format!("{} missed {} of {n}: {m:?}", TEMPLATES[ti].text, m.len()))
            .collect();
        assert!(weak.is_empty(), "{}", weak.join("\n"));
        let total: usize = missed.iter().map(Vec::len).sum();
        let events = TEMPLATES.iter().filter(|t| !t.root.is_empty()).count() * n;
        eprintln!("{total} of {events} event sentences missed");
    }

    /// Whole articles as the generator writes them (lead, answers, fillers, with the
    /// context carried from sentence to sentence) code only their own countries, and
    /// most of their event sentences code.
    #[test]
    fn articles_code_only_their_countries() {
        let coder = coder();
        let mut rng = Rng::new(5);
        let src = country_index("IND").unwrap();
        let tgt = country_index("PAK").unwrap();
        let world = World::new(&mut rng, src, tgt);
        let mut writer = ArticleWriter::default();
        let plans = [
            Plan::Background,
            Plan::EscalationVerbal,
            Plan::EscalationIncident,
            Plan::EscalationMaterial,
        ];
        let mut articles = Vec::new();
        let mut parties = Vec::new();
        let mut event_lines = 0;
        for i in 0..2000 {
            let draft = world.article(&mut rng, plans[i % plans.len()]);
            event_lines += draft
                .lines
                .iter()
                .filter(|l| !l.template.root.is_empty())
                .count();
            let mut buf = Vec::new();
            writer
                .write(&mut buf, &mut rng, &draft, date(), i + 1)
                .unwrap();
            let rec: serde_json::Value = serde_json::from_slice(&buf).unwrap();
            assert_eq!(rec["outlet"], OUTLET);
            assert!(!rec["title"].as_str().unwrap().is_empty());
            let text = rec["text"].as_str().unwrap().to_string();
            assert_eq!(
                vigil_text::split_sentences(&text).len(),
                draft.lines.len(),
                "{text}"
            );
            articles.push(Article::new(
                rec["id"].as_str().unwrap(),
                date(),
                text.as_str(),
            ));
            let mut p: Vec<&str> = draft
                .lines
                .iter()
                .flat_map(|l| [COUNTRIES[l.s].code, COUNTRIES[l.t].code])
                .collect();
            p.dedup();
            parties.push(p);
        }
        let coded: Vec<_> = articles
            .iter()
            .map(|a| coder.code_records(std::slice::from_ref(a)).remove(0))
            .collect();
        let mut events = 0;
        for ((a, c), p) in articles.iter().zip(&coded).zip(&parties) {
            for e in &c.events {
                assert!(
                    p.contains(&side(&e.source)) && p.contains(&side(&e.target)),
                    "{e:?} in {:?}",
                    a.text
                );
            }
            events += c.events.len();
        }
        eprintln!("{events} events coded from {event_lines} event sentences");
        // Mutual acts code twice, so events may outnumber event sentences a little.
        assert!(
            events * 100 >= event_lines * 95,
            "{events} of {event_lines}"
        );
    }

    #[test]
    fn poisson_counts_have_the_right_mean() {
        let mut rng = Rng::new(1);
        for lambda in [0.0, 0.3, 4.0, 45.0, 700.0] {
            let n = 4000;
            let mean = (0..n).map(|_| rng.poisson(lambda) as f64).sum::<f64>() / n as f64;
            let sd = (lambda / n as f64).sqrt();
            assert!(
                (mean - lambda).abs() <= 5.0 * sd + 1e-9,
                "λ {lambda}: {mean}"
            );
        }
    }

    #[test]
    fn generation_is_deterministic_and_labelled() {
        let cfg = SynthConfig {
            days: 20,
            per_day: 6.0,
            escalation_days: 5,
            ..SynthConfig::default()
        };
        let mut a = Vec::new();
        let stats = generate(&cfg, &mut a).unwrap();
        let mut b = Vec::new();
        generate(&cfg, &mut b).unwrap();
        assert_eq!(a, b);
        let mut c = Vec::new();
        generate(
            &SynthConfig {
                seed: 8,
                ..cfg.clone()
            },
            &mut c,
        )
        .unwrap();
        assert_ne!(a, c);
        let lines: Vec<serde_json::Value> = a
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(lines.len() as u64, stats.articles);
        assert_eq!(stats.first, cfg.start);
        assert_eq!(stats.last, NaiveDate::from_ymd_opt(2024, 1, 20).unwrap());
        for l in &lines {
            assert_eq!(l["outlet"], OUTLET);
            let id = l["id"].as_str().unwrap();
            let date = l["date"].as_str().unwrap();
            assert!(id.starts_with(&format!("synth-{date}-")), "{id}");
            assert!(l.get("url").is_none());
        }
        assert!(
            generate(
                &SynthConfig {
                    source: "XXX".into(),
                    ..cfg.clone()
                },
                &mut Vec::new()
            )
            .is_err()
        );
    }
}
