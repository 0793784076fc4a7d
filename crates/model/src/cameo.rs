use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Name, Goldstein score and QuadClass of one CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// The code as text, leading zeros kept.
    pub code: String,
    /// Short label from the CAMEO codebook.
    pub name: String,
    /// Goldstein conflict–cooperation weight (−10 … +10).
    pub goldstein: f32,
    /// QuadClass 1–4 (GDELT's convention).
    pub quad: u8,
}

/// The CAMEO event-code table (`data/cameo/event-codes.tsv`, embedded at build time).
#[derive(Debug)]
pub struct EventCodes {
    by_code: FxHashMap<String, CodeInfo>,
}

const EVENT_CODES_TSV: &str = include_str!("../../../data/cameo/event-codes.tsv");

/// QuadClass of a two-digit root (`"03"` → 1), following GDELT: 01–05 verbal
/// cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
pub fn quad_class_of_root(root: &str) -> Option<u8> {
    let n: u8 = root.parse().ok()?;
    match n {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

impl EventCodes {
    /// The embedded table, parsed once per process.
    pub fn get() -> &'static EventCodes {
        static TABLE: OnceLock<EventCodes> = OnceLock::new();
        TABLE.get_or_init(|| {
            EventCodes::parse(EVENT_CODES_TSV).expect("embedded event-codes.tsv is well formed")
        })
    }

    /// Parses a table in the `event-codes.tsv` layout (header line, then
    /// `code, goldstein, quad_class, goldstein_source, name`).
    pub fn parse(tsv: &str) -> Result<EventCodes, String> {
        let mut by_code = FxHashMap::default();
        for (n, line) in tsv.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 {
                return Err(format!("event-codes.tsv:{}: expected 5 columns", n + 1));
            }
            let goldstein = f[1]
                .parse()
                .map_err(|_| format!("event-codes.tsv:{}: bad Goldstein `{}`", n + 1, f[1]))?;
            let quad = f[2]
                .parse()
                .map_err(|_| format!("event-codes.tsv:{}: bad QuadClass `{}`", n + 1, f[2]))?;
            by_code.insert(
                f[0].to_string(),
                CodeInfo {
                    code: f[0].to_string(),
                    name: f[4].to_string(),
                    goldstein,
                    quad,
                },
            );
        }
        Ok(EventCodes { by_code })
    }

    /// The entry for `code`, if it is a CAMEO code.
    pub fn info(&self, code: &str) -> Option<&CodeInfo> {
        self.by_code.get(code)
    }

    /// True when `code` is in the table.
    pub fn contains(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    /// Number of codes in the table.
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    /// True when the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_has_every_code() {
        let t = EventCodes::get();
        assert_eq!(t.len(), 316);
        let c = t.info("1312").unwrap();
        assert_eq!(c.quad, 3);
        assert!(c.goldstein < 0.0);
        assert_eq!(t.info("036").unwrap().quad, 1);
        assert!(t.info("174K").is_none());
    }

    #[test]
    fn quad_of_roots() {
        assert_eq!(quad_class_of_root("03"), Some(1));
        assert_eq!(quad_class_of_root("07"), Some(2));
        assert_eq!(quad_class_of_root("11"), Some(3));
        assert_eq!(quad_class_of_root("19"), Some(4));
        assert_eq!(quad_class_of_root("90"), None);
    }
}
