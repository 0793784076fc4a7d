//! The few Python behaviours `score.py` relies on, reproduced so that `vigil eval`
//! prints the very same numbers and text.

use serde_json::Value;

/// Python's `str(x or "")`: falsy values (null, false, 0, "", [], {}) become `""`;
/// strings stay as they are; anything else becomes its textual form.
pub(crate) fn str_or_empty(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => String::new(),
        Some(Value::Bool(true)) => "True".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => {
            if n.as_f64() == Some(0.0) {
                String::new()
            } else {
                n.to_string()
            }
        }
        Some(Value::Array(a)) if a.is_empty() => String::new(),
        Some(Value::Object(o)) if o.is_empty() => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Python's `str(x)` for an id: a missing or null id is `"None"`, booleans are
/// `"True"`/`"False"`, numbers print as JSON wrote them.
pub(crate) fn id_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".to_string(),
        Some(Value::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Python's `round(x, 4)`.
///
/// Python rounds the exact binary value half-to-even and returns the nearest double to
/// that decimal; Rust's fixed-precision formatting rounds the same way, so printing
/// and parsing back gives the identical double (`round(0.03125, 4) == 0.0312`, where
/// `(x * 1e4).round() / 1e4` would give 0.0313).
pub(crate) fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// The first `n` characters of `s` (Python's `s[:n]`, which counts code points).
pub(crate) fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Python's `repr(float)`: shortest round-trip digits, always with a decimal point or
/// an exponent, exponent form below 1e-4 and from 1e16 on.
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        // Rust writes `1.5e-5`; Python writes `1.5e-05` (signed, at least two digits).
        let s = format!("{x:e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let (sign, digits) = match exp.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', exp),
        };
        return format!("{mantissa}e{sign}{digits:0>2}");
    }
    let s = format!("{x}");
    if s.contains('.') { s } else { format!("{s}.0") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn falsy_values_become_empty() {
        for v in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert_eq!(str_or_empty(Some(&v)), "", "{v}");
        }
        assert_eq!(str_or_empty(None), "");
        assert_eq!(str_or_empty(Some(&json!("036"))), "036");
        assert_eq!(str_or_empty(Some(&json!(36))), "36");
        assert_eq!(str_or_empty(Some(&json!(true))), "True");
    }

    #[test]
    fn ids_print_like_python() {
        assert_eq!(id_str(None), "None");
        assert_eq!(id_str(Some(&json!(null))), "None");
        assert_eq!(id_str(Some(&json!(7))), "7");
        assert_eq!(id_str(Some(&json!("s001"))), "s001");
        assert_eq!(id_str(Some(&json!(false))), "False");
    }

    #[test]
    fn rounding_is_half_even_on_the_exact_value() {
        // Values checked against CPython's round(x, 4).
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(0.09375), 0.0938);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!(round4(0.00005), 0.0001);
        assert_eq!(round4(1.0), 1.0);
    }

    #[test]
    fn prefixes_count_characters() {
        assert_eq!(prefix_chars("1042", 3), "104");
        assert_eq!(prefix_chars("03", 3), "03");
        assert_eq!(prefix_chars("ÄÖÜX", 3), "ÄÖÜ");
    }

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(float_repr(0.7), "0.7");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(0.0), "0.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(1e16), "1e+16");
    }
}
