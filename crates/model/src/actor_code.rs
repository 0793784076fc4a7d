//! CAMEO actor codes broken into their parts (country, known group, ethnic group,
//! religions, types), using the code lists kept under `data/cameo/`.

use std::collections::HashSet;
use std::sync::OnceLock;

/// CAMEO country and region codes (`RUS`, `USA`, `EUR`, `WST`).
const COUNTRIES: &str = include_str!("../../../data/cameo/countries.tsv");
/// CAMEO codes of particular organisations (`UNO`, `NAT`, `AMN`, `ALQ`).
const KNOWN_GROUPS: &str = include_str!("../../../data/cameo/known-groups.tsv");
/// CAMEO religion codes (`CHR`, `CTH`, `MOS`, `SUN`).
const RELIGIONS: &str = include_str!("../../../data/cameo/religions.tsv");
/// The upper-case CAMEO ethnic codes (`ARB`, `KUR`, `PAL`).
const ETHNIC: &str = include_str!("../../../data/cameo/ethnic.tsv");
/// CAMEO actor type (role) codes (`GOV`, `MIL`, `IGO`, `NGO`).
const TYPES: &str = include_str!("../../../data/cameo/actor-types.tsv");

/// The code lists, parsed once: exports call [`split_actor`] twice per event.
struct Codebook {
    countries: HashSet<&'static str>,
    known_groups: HashSet<&'static str>,
    religions: HashSet<&'static str>,
    ethnic: HashSet<&'static str>,
    types: HashSet<&'static str>,
}

/// The first column of every data row of a code list. Rows starting with `#` are comments
/// and a row whose first field is `code` is a header (actor-types.tsv has an uncommented
/// one), so neither is a code.
fn code_column(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "code")
        .collect()
}

fn codebook() -> &'static Codebook {
    static BOOK: OnceLock<Codebook> = OnceLock::new();
    BOOK.get_or_init(|| Codebook {
        countries: code_column(COUNTRIES),
        known_groups: code_column(KNOWN_GROUPS),
        religions: code_column(RELIGIONS),
        ethnic: code_column(ETHNIC),
        types: code_column(TYPES),
    })
}

/// A CAMEO actor code broken into the parts GDELT reports in separate columns. Each part is
/// a three-letter group of the code; `None` where the code has no such part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorParts<'a> {
    /// Country or international region (GDELT's `Actor1CountryCode`).
    pub country: Option<&'a str>,
    /// Code of a particular organisation (GDELT's `Actor1KnownGroupCode`).
    pub known_group: Option<&'a str>,
    /// Ethnic group (GDELT's `Actor1EthnicCode`).
    pub ethnic: Option<&'a str>,
    /// First and second religion (GDELT's `Actor1Religion1Code`, `Actor1Religion2Code`).
    pub religions: [Option<&'a str>; 2],
    /// First three types or roles, in code order (GDELT's `Actor1Type1Code` … `Type3Code`).
    pub types: [Option<&'a str>; 3],
}

/// Splits a CAMEO actor code into GDELT's actor columns.
///
/// A code is a string of three-letter groups, general to specific (CAMEO codebook, Schrodt
/// 2012, §3.1): `RUSGOVMIL`, `IGOWSTNAT`, `NGOHRIAMN`. Groups are read left to right and
/// each is classified by the code lists in `data/cameo/` (see
/// `data/cameo/README.actor-codes.md`):
///
/// 1. `---` (an actor whose country is unknown, as in `---GOV`) and anything that is not
///    three ASCII letters are skipped.
/// 2. While no country has been found, a country or region code is the country: the first
///    group of a domestic code (`RUS` in `RUSGOV`), or the group after an international
///    prefix (`WST` in `IGOWSTNAT`, `USA` in `NGOUSA`, `EUR` in `IGOEUREEC`). A country code
///    *after* the country is a sub-state region (`ARM` in `USRARM`, `BIH` in `YUGBIH`); GDELT
///    has no column for it, so it stays only in the full code.
/// 3. Otherwise, a known-group code is the known group (`NAT` in `IGOWSTNAT`). If there are
///    several (`UNO` and `HCR` in `IGOUNOREFHCR`, the UN refugee agency) the last, most
///    specific one is kept,
///    because GDELT defines the column as the actor's own organisation code. Known groups are
///    tried before types because three codes (`UNO`, `IRC`, `AMN`) are in both lists and
///    GDELT itself reports `IGOUNO` with KnownGroupCode `UNO` and Type1Code `IGO`.
/// 4. Otherwise a religion code fills Religion1, then Religion2 (`CHR` then `CTH`).
/// 5. Otherwise a type code fills Type1 … Type3, in order; the generic prefixes `IGO`,
///    `NGO`, `IMG`, `MNC`, `UIS`… are types (they are in GDELT's type list).
/// 6. Otherwise a listed ethnic code (`KUR`), or any all-lower-case group (CAMEO writes
///    ethnic codes in lower case), is the ethnic code (the first one is kept).
/// 7. Anything else (a group none of the lists knows, such as a party marker `PTY`) is left
///    out of the parts and only appears in the full code.
///
/// GDELT does not publish its splitting procedure; this rule reproduces the GDELT rows we
/// could check (`USAGOV`, `IGOUNO`) and follows the codebook for the rest.
pub fn split_actor(code: &str) -> ActorParts<'_> {
    let book = codebook();
    let mut parts = ActorParts::default();
    if !code.is_ascii() {
        return parts;
    }
    let (mut religions, mut types) = (0, 0);
    for i in (0..code.len() / 3).map(|i| i * 3) {
        let group = &code[i..i + 3];
        if !group.bytes().all(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        if parts.country.is_none() && book.countries.contains(group) {
            parts.country = Some(group);
        } else if book.known_groups.contains(group) {
            parts.known_group = Some(group);
        } else if book.religions.contains(group) {
            if religions < 2 {
                parts.religions[religions] = Some(group);
                religions += 1;
            }
        } else if book.types.contains(group) {
            if types < 3 {
                parts.types[types] = Some(group);
                types += 1;
            }
        } else if book.ethnic.contains(group) || group.bytes().all(|b| b.is_ascii_lowercase()) {
            parts.ethnic.get_or_insert(group);
        }
    }
    parts
}

/// The country or international region of an actor code (`RUS` for `RUSGOV`, `WST` for
/// `IGOWSTNAT`), when it names one.
pub fn actor_country(code: &str) -> Option<&str> {
    split_actor(code).country
}

/// The side of a dyad an actor code belongs to: its country (`RUSMIL` → `RUS`), or for
/// international and non-governmental organisations the organisation's first two groups
/// (`IGOUNO…` → `IGOUNO`), so that unrelated organisations are not one actor. Escalation
/// watching and the dashboard's map and network count dyads between such sides.
pub fn dyad_side(code: &str) -> &str {
    let n = if ["IGO", "NGO", "IMG", "MNC", "UIS"]
        .iter()
        .any(|p| code.starts_with(p))
    {
        6
    } else {
        3
    };
    code.get(..n).unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dyad_sides_are_countries_or_organisations() {
        assert_eq!(dyad_side("RUSMIL"), "RUS");
        assert_eq!(dyad_side("IGOUNOREFHCR"), "IGOUNO");
        assert_eq!(dyad_side("US"), "US");
    }

    #[test]
    fn code_lists_are_three_letter_codes() {
        for (name, text) in [
            ("countries", COUNTRIES),
            ("known groups", KNOWN_GROUPS),
            ("religions", RELIGIONS),
            ("ethnic", ETHNIC),
            ("types", TYPES),
        ] {
            let codes = code_column(text);
            assert!(codes.len() >= 3, "{name}");
            for c in &codes {
                assert!(
                    c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()),
                    "{name}: {c:?}"
                );
            }
            let rows = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter(|l| !l.starts_with("code\t"))
                .count();
            assert_eq!(rows, codes.len(), "{name}: duplicate codes");
        }
        let book = codebook();
        assert!(book.countries.contains("WST") && book.countries.contains("USA"));
        assert!(book.known_groups.contains("NAT") && book.types.contains("IGO"));
    }
}
