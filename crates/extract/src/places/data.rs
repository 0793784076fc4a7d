//! Parsing the embedded gazetteer tables (data/geo/) into lookup structures.

use super::fold::fold_name;
use rustc_hash::{FxHashMap, FxHashSet};
use vigil_model::PlaceKind;

const COUNTRIES: &str = include_str!("../../../../data/geo/countries.tsv");
const COUNTRY_NAMES: &str = include_str!("../../../../data/geo/country-names.tsv");
const ADMIN1: &str = include_str!("../../../../data/geo/admin1.tsv");
const CITIES: &str = include_str!("../../../../data/geo/cities.tsv");
const FEATURES: &str = include_str!("../../../../data/geo/features.tsv");
const DEMONYMS: &str = include_str!("../../../../data/geo/demonyms.tsv");
const COMMON: &str = include_str!("../../../../data/geo/common-words.txt");

/// CAMEO country codes that are not ISO 3166 alpha-3 codes (data/cameo/countries.tsv).
const CAMEO_ALIASES: &[(&str, &str)] = &[
    ("ROM", "RO"),
    ("KSV", "XK"),
    ("MTN", "ME"),
    ("TMP", "TL"),
    ("IMY", "IM"),
    ("WSB", "PS"),
    ("GZS", "PS"),
    ("BAG", "IQ"),
];

/// No country (seas, regions spanning countries).
pub(crate) const NO_COUNTRY: u16 = u16::MAX;

/// Where a gazetteer entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Country,
    Admin1,
    City,
    Feature,
}

/// One place of the gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub name: &'static str,
    pub source: Source,
    pub kind: PlaceKind,
    pub country: u16,
    /// GeoNames admin1 code as `CC.CODE`, or empty.
    pub adm1: &'static str,
    pub lat: f32,
    pub lon: f32,
    pub pop: u32,
    /// GeoNames id, or 0.
    pub gid: u32,
    /// Curated feature id (`vigil:crimea`), or empty.
    pub vigil_id: &'static str,
}

/// A country: its codes and its gazetteer entry.
#[derive(Clone, Debug)]
pub(crate) struct Country {
    pub iso2: &'static str,
    pub entry: u32,
    pub area: f32,
    pub neighbours: Vec<u16>,
    /// The capital's name, as GeoNames writes it (empty when it has none).
    pub capital: &'static str,
}

/// One name of an entry, chained by the name's first word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameRec {
    /// The name's first word, folded.
    pub first: &'static str,
    /// The words after the first, folded, separated by single spaces.
    pub rest: &'static str,
    pub words: u8,
    pub entry: u32,
    /// The entry's own name (not an alternate name).
    pub primary: bool,
    pub next: u32,
}

/// The parsed gazetteer.
#[derive(Debug, Default)]
pub(crate) struct Data {
    pub entries: Vec<Entry>,
    pub countries: Vec<Country>,
    pub by_code: FxHashMap<&'static str, u16>,
    pub admin1: FxHashMap<&'static str, u32>,
    /// Chain heads by bucket of the hash of a name's first word ([`bucket`]); words
    /// sharing a bucket share a chain (each record keeps its first word to tell them apart).
    pub heads: Vec<u32>,
    pub names: Vec<NameRec>,
    pub demonyms: FxHashMap<&'static str, u16>,
    /// The first words of the demonyms of more than one word ("SOUTH" of "SOUTH KOREAN").
    pub demonym_firsts: FxHashSet<&'static str>,
    pub common: FxHashSet<&'static str>,
    /// Every string built at load time (see [`leak`]).
    pub leaked: Vec<&'static str>,
}

const END: u32 = u32::MAX;

const BUCKET_BITS: u32 = 18;

/// The chain a name's first word is in.
pub(crate) fn bucket(w: &str) -> usize {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(w.as_bytes());
    (h.finish() >> (64 - BUCKET_BITS)) as usize
}

/// Leaks a string built at load time: the gazetteer lives for the whole process. The
/// pointer is also kept in `leaked`, so that leak checkers (LeakSanitizer in the fuzzers)
/// see it reachable even when a duplicate name was not stored.
fn leak(leaked: &mut Vec<&'static str>, s: String) -> &'static str {
    let s: &'static str = Box::leak(s.into_boxed_str());
    leaked.push(s);
    s
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn num<T: std::str::FromStr + Default>(s: &str) -> T {
    s.trim().parse().unwrap_or_default()
}

impl Data {
    /// Adds `key` (a folded name) for `entry`; `check` skips a key the entry already has.
    fn add_name(&mut self, key: &'static str, entry: u32, primary: bool, check: bool) {
        if key.is_empty() {
            return;
        }
        let (first, rest) = key.split_once(' ').unwrap_or((key, ""));
        let spaces = if rest.is_empty() {
            0
        } else {
            1 + rest.bytes().filter(|&b| b == b' ').count()
        };
        self.add_split(first, rest, 1 + spaces, entry, primary, check);
    }

    /// Adds a name already split into its first word and the rest (`words` words).
    fn add_split(
        &mut self,
        first: &'static str,
        rest: &'static str,
        words: usize,
        entry: u32,
        primary: bool,
        check: bool,
    ) {
        let b = bucket(first);
        let head = self.heads[b];
        // The same entry under the same key once is enough.
        let mut i = if check { head } else { END };
        while i != END {
            let r = self.names[i as usize];
            if r.entry == entry && r.rest == rest && r.first == first {
                return;
            }
            i = r.next;
        }
        self.heads[b] = self.names.len() as u32;
        self.names.push(NameRec {
            first,
            rest,
            words: words.min(255) as u8,
            entry,
            primary,
            next: head,
        });
    }

    fn push(&mut self, e: Entry) -> u32 {
        self.entries.push(e);
        (self.entries.len() - 1) as u32
    }

    /// Parses the embedded tables.
    pub(crate) fn load() -> Data {
        let mut d = Data::default();
        d.names.reserve(170_000);
        d.heads = vec![END; 1 << BUCKET_BITS];
        d.entries.reserve(40_000);

        // Countries.
        let mut neighbours: Vec<&'static str> = Vec::new();
        for f in rows(COUNTRIES) {
            if f.len() < 10 {
                continue;
            }
            let idx = d.countries.len() as u16;
            let entry = d.push(Entry {
                name: f[3],
                source: Source::Country,
                kind: PlaceKind::Country,
                country: idx,
                adm1: "",
                lat: num(f[7]),
                lon: num(f[8]),
                pop: num(f[5]),
                gid: num(f[2]),
                vigil_id: "",
            });
            d.countries.push(Country {
                iso2: f[0],
                entry,
                area: num(f[6]),
                neighbours: Vec::new(),
                capital: f[4],
            });
            neighbours.push(f[9]);
            d.by_code.insert(f[0], idx);
            d.by_code.insert(f[1], idx);
            let key = leak(&mut d.leaked, fold_name(f[3]));
            d.add_name(key, entry, true, true);
        }
        for (i, n) in neighbours.iter().enumerate() {
            let list = n
                .split(',')
                .filter_map(|c| d.by_code.get(c.trim()).copied())
                .collect();
            d.countries[i].neighbours = list;
        }
        for (cameo, iso2) in CAMEO_ALIASES {
            if let Some(&c) = d.by_code.get(iso2) {
                d.by_code.insert(cameo, c);
            }
        }
        for f in rows(COUNTRY_NAMES) {
            if let (Some(&c), Some(names)) = (d.by_code.get(f[0]), f.get(1)) {
                let entry = d.countries[c as usize].entry;
                for n in names.split('|') {
                    let key = leak(&mut d.leaked, fold_name(n));
                    d.add_name(key, entry, true, true);
                }
            }
        }

        // First-level divisions.
        for f in rows(ADMIN1) {
            if f.len() < 7 {
                continue;
            }
            let Some(&country) = d.by_code.get(&f[0][..2]) else {
                continue;
            };
            let entry = d.push(Entry {
                name: f[2],
                source: Source::Admin1,
                kind: PlaceKind::Admin1,
                country,
                adm1: f[0],
                lat: num(f[4]),
                lon: num(f[5]),
                pop: num(f[6]),
                gid: num(f[1]),
                vigil_id: "",
            });
            d.admin1.insert(f[0], entry);
            for k in f[3].split('|') {
                d.add_name(k, entry, true, false);
            }
        }
        // Cities.
        let text = CITIES;
        let mut code = String::new();
        for line in text.split('\n') {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut f = [""; 8];
            let b = line.as_bytes();
            let (mut k, mut from) = (0, 0);
            for (j, &c) in b.iter().enumerate() {
                if c == b'\t' && k < 7 {
                    f[k] = &line[from..j];
                    k += 1;
                    from = j + 1;
                }
            }
            f[k] = &line[from..];
            let [gid, name, cc, a1, lat, lon, pop, keys] = f;
            let Some(&country) = d.by_code.get(cc) else {
                continue;
            };
            code.clear();
            code.push_str(cc);
            code.push('.');
            code.push_str(a1);
            let adm1 = d
                .admin1
                .get_key_value(code.as_str())
                .map(|(k, _)| *k)
                .unwrap_or("");
            let entry = d.push(Entry {
                name,
                source: Source::City,
                kind: PlaceKind::City,
                country,
                adm1,
                lat: num(lat),
                lon: num(lon),
                pop: num(pop),
                gid: num(gid),
                vigil_id: "",
            });
            // Keys: '|' between names, ' ' between words; one pass.
            let kb = keys.as_bytes();
            let (mut from, mut space, mut words, mut nth) = (0usize, usize::MAX, 1usize, 0usize);
            for j in 0..=kb.len() {
                let c = if j < kb.len() { kb[j] } else { b'|' };
                if c == b' ' {
                    if space == usize::MAX {
                        space = j;
                    }
                    words += 1;
                } else if c == b'|' {
                    if j > from {
                        let (first, rest) = if space == usize::MAX {
                            (&keys[from..j], "")
                        } else {
                            (&keys[from..space], &keys[space + 1..j])
                        };
                        d.add_split(first, rest, words, entry, nth == 0, false);
                    }
                    nth += 1;
                    from = j + 1;
                    space = usize::MAX;
                    words = 1;
                }
            }
        }

        // Curated features.
        for f in rows(FEATURES) {
            if f.len() < 7 {
                continue;
            }
            let kind = match f[3] {
                "water" => PlaceKind::Water,
                "landmark" => PlaceKind::Landmark,
                _ => PlaceKind::Region,
            };
            let country = d.by_code.get(f[4]).copied().unwrap_or(NO_COUNTRY);
            let entry = d.push(Entry {
                name: f[1],
                source: Source::Feature,
                kind,
                country,
                adm1: "",
                lat: num(f[5]),
                lon: num(f[6]),
                pop: 0,
                gid: 0,
                vigil_id: f[0],
            });
            let key = leak(&mut d.leaked, fold_name(f[1]));
            d.add_name(key, entry, true, true);
            for n in f[2].split('|').filter(|n| !n.is_empty()) {
                let key = leak(&mut d.leaked, fold_name(n));
                d.add_name(key, entry, true, true);
            }
        }

        for f in rows(DEMONYMS) {
            if let (Some(&c), Some(names)) = (d.by_code.get(f[0]), f.get(1)) {
                for n in names.split('|') {
                    let key = leak(&mut d.leaked, fold_name(n));
                    if let Some((first, _)) = key.split_once(' ') {
                        d.demonym_firsts.insert(first);
                    }
                    d.demonyms.insert(key, c);
                }
            }
        }
        for l in COMMON.lines() {
            let l = l.trim();
            if !l.is_empty() && !l.starts_with('#') {
                d.common.insert(leak(&mut d.leaked, fold_name(l)));
            }
        }
        d
    }
}
