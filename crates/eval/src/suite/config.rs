//! The coder settings a validation record is meant to be coded with.

use serde::{Deserialize, Serialize};

/// PETRARCH-1 coding options that the suite's `<Config>` elements switch.
///
/// Defaults are PETRARCH-1's (`PETRglobals.py`, which follows TABARI). A record is
/// expected to be coded with the settings in force where it appears, so each
/// [`SuiteRecord`](super::SuiteRecord) carries its own copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// Longest noun phrase (in words) taken as a new, unknown actor and reported as
    /// quoted text (`"INJURY TOLL"`); 0 turns this off.
    pub new_actor_length: u32,
    /// Events need both a source and a target.
    pub require_dyad: bool,
    /// Stop at the first input error instead of skipping the record.
    pub stop_on_error: bool,
    /// Shortest comma-delimited clause inside the sentence that is dropped (words).
    pub comma_min: u32,
    /// Longest such internal clause that is dropped; 0 turns the rule off.
    pub comma_max: u32,
    /// Shortest clause at the beginning of the sentence that is dropped.
    pub comma_bmin: u32,
    /// Longest such initial clause that is dropped; 0 turns the rule off.
    pub comma_bmax: u32,
    /// Shortest clause at the end of the sentence that is dropped.
    pub comma_emin: u32,
    /// Longest such final clause that is dropped; 0 turns the rule off.
    pub comma_emax: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            new_actor_length: 0,
            require_dyad: true,
            stop_on_error: false,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
        }
    }
}

impl Config {
    /// Applies one `<Config option=… value=…>` setting. Option names and boolean values
    /// are case-insensitive (the suite writes `false`, `FALSE` and `False`). An unknown
    /// option is an error rather than ignored, so that a setting the suite relies on
    /// can never be dropped silently.
    pub fn set(&mut self, option: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        match option.trim().to_ascii_lowercase().as_str() {
            "new_actor_length" => self.new_actor_length = number(value)?,
            "require_dyad" => self.require_dyad = boolean(value)?,
            "stop_on_error" => self.stop_on_error = boolean(value)?,
            "comma_min" => self.comma_min = number(value)?,
            "comma_max" => self.comma_max = number(value)?,
            "comma_bmin" => self.comma_bmin = number(value)?,
            "comma_bmax" => self.comma_bmax = number(value)?,
            "comma_emin" => self.comma_emin = number(value)?,
            "comma_emax" => self.comma_emax = number(value)?,
            other => return Err(format!("unknown config option `{other}`")),
        }
        Ok(())
    }
}

fn boolean(value: &str) -> Result<bool, String> {
    if value.eq_ignore_ascii_case("true") {
        Ok(true)
    } else if value.eq_ignore_ascii_case("false") {
        Ok(false)
    } else {
        Err(format!("expected true or false, got `{value}`"))
    }
}

fn number(value: &str) -> Result<u32, String> {
    value
        .parse()
        .map_err(|_| format!("expected a whole number, got `{value}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_petrarchs() {
        let c = Config::default();
        assert_eq!(c.new_actor_length, 0);
        assert!(c.require_dyad);
        assert!(!c.stop_on_error);
        assert_eq!(
            (
                c.comma_min,
                c.comma_max,
                c.comma_bmin,
                c.comma_bmax,
                c.comma_emin,
                c.comma_emax
            ),
            (2, 8, 0, 0, 2, 8)
        );
    }

    #[test]
    fn booleans_ignore_case() {
        let mut c = Config::default();
        for (v, want) in [
            ("false", false),
            ("TRUE", true),
            ("False", false),
            ("True", true),
        ] {
            c.set("require_dyad", v).unwrap();
            assert_eq!(c.require_dyad, want, "{v}");
        }
        c.set("STOP_ON_ERROR", " true ").unwrap();
        assert!(c.stop_on_error);
    }

    #[test]
    fn numbers_set_each_field() {
        let mut c = Config::default();
        for (i, opt) in [
            "new_actor_length",
            "comma_min",
            "comma_max",
            "comma_bmin",
            "comma_bmax",
            "comma_emin",
            "comma_emax",
        ]
        .iter()
        .enumerate()
        {
            c.set(opt, &(10 + i).to_string()).unwrap();
        }
        assert_eq!(
            [
                c.new_actor_length,
                c.comma_min,
                c.comma_max,
                c.comma_bmin,
                c.comma_bmax,
                c.comma_emin,
                c.comma_emax
            ],
            [10, 11, 12, 13, 14, 15, 16]
        );
    }

    #[test]
    fn bad_settings_are_errors() {
        let mut c = Config::default();
        assert!(
            c.set("require_dyad", "yes")
                .unwrap_err()
                .contains("true or false")
        );
        assert!(
            c.set("comma_min", "-1")
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            c.set("comma_mni", "2")
                .unwrap_err()
                .contains("unknown config option")
        );
        assert_eq!(c, Config::default());
    }
}
