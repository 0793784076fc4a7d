//! The detector on simulated series with fixed seeds: a steady Poisson series raises no
//! alert, a step to three times the mean is alerted within a week, tested every day.

use super::*;

/// xorshift64*: a small generator whose sequence is fixed by its seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1)
    }

    /// A uniform number in (0, 1).
    fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let bits = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        (bits as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A Poisson draw (Knuth's product of uniforms; fine for small means).
    fn poisson(&mut self, mean: f64) -> u64 {
        let limit = (-mean).exp();
        let (mut k, mut prod) = (0, self.uniform());
        while prod > limit {
            k += 1;
            prod *= self.uniform();
        }
        k
    }
}

/// `days` of Poisson counts with mean `mean`, three times that on `step` days.
fn series(seed: u64, days: usize, mean: f64, step: std::ops::Range<usize>) -> Vec<u64> {
    let mut rng = Rng::new(seed);
    (0..days)
        .map(|d| rng.poisson(if step.contains(&d) { 3.0 * mean } else { mean }))
        .collect()
}

const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];

#[test]
fn tail_probabilities_match_direct_sums() {
    assert!(ln_gamma(1.0).abs() < 1e-12 && ln_gamma(2.0).abs() < 1e-12);
    assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
    assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
    // P(X ≥ k) for Poisson(4), summed directly.
    let pmf = |j: u64| (-4.0 + j as f64 * 4f64.ln() - ln_gamma(j as f64 + 1.0)).exp();
    for k in [0, 1, 3, 4, 9, 15] {
        let direct: f64 = (k..200).map(pmf).sum();
        assert!((poisson_sf(k, 4.0).exp() - direct).abs() < 1e-12, "k={k}");
    }
    // A far tail stays finite and tiny: P(X ≥ 80) for Poisson(35) is about 1e-10.
    let far = poisson_sf(80, 35.0) / std::f64::consts::LN_10;
    assert!((-11.0..-8.0).contains(&far), "{far}");
    // The negative binomial with a huge size is the Poisson; a small size has a heavier
    // tail.
    let nb = negative_binomial_sf(60, 35.0, 1e7);
    assert!((nb - poisson_sf(60, 35.0)).abs() < 1e-3);
    assert!(negative_binomial_sf(60, 35.0, 5.0) > poisson_sf(60, 35.0));
}

#[test]
fn a_steady_series_raises_no_alert() {
    let d = Detector::default();
    let counts = series(7, 1000, 5.0, 0..0);
    let alerts: Vec<_> = d.scan(&counts).into_iter().filter(|s| s.alert).collect();
    assert!(alerts.is_empty(), "{alerts:?}");
}

#[test]
fn rolling_back_test_over_five_seeds() {
    let d = Detector::default();
    let (start, len) = (600, 14);
    let mut false_alerts = 0;
    for seed in SEEDS {
        // Steady series: every alert is false.
        let quiet = series(seed, 1000, 5.0, 0..0);
        false_alerts += d.scan(&quiet).iter().filter(|s| s.alert).count();
        // A step: detected within 7 days of its start; alerts before the step, or after
        // it has left the window, are false.
        let stepped = series(seed + 100, 1000, 5.0, start..start + len);
        let signals = d.scan(&stepped);
        let first = signals
            .iter()
            .find(|s| s.alert && s.day >= start)
            .map(|s| s.day);
        assert!(
            first.is_some_and(|day| day < start + 7),
            "seed {seed}: first alert on day {first:?}, step from day {start}"
        );
        let window_end = start + len + d.window_days;
        false_alerts += signals
            .iter()
            .filter(|s| s.alert && (s.day < start || s.day >= window_end))
            .count();
    }
    assert!(
        false_alerts <= 1,
        "{false_alerts} false alerts in 5 × 1,000 days (twice)"
    );
}

#[test]
fn a_dyad_without_history_is_not_tested_and_small_counts_do_not_alert() {
    let d = Detector::default();
    assert!(d.test(&[0; 20], 19).is_none(), "too little history");
    // One event after months of silence is surprising but too small to be an alert.
    let mut quiet = vec![0; 120];
    quiet[119] = 1;
    let s = d.test(&quiet, 119).unwrap();
    assert!(!s.alert && s.observed == 1);
    // A burst after silence is.
    quiet[115..120].copy_from_slice(&[3, 4, 5, 2, 6]);
    let s = d.test(&quiet, 119).unwrap();
    assert!(s.alert && s.ratio > 10.0 && s.severity() > 6.0, "{s:?}");
}

#[test]
fn an_overdispersed_baseline_needs_a_bigger_burst() {
    let d = Detector::default();
    // The same mean (5 a day), once steady, once in bursts of 0 and 10.
    let steady = vec![5; 97];
    let bursty: Vec<u64> = (0..97).map(|i| if i % 2 == 0 { 0 } else { 10 }).collect();
    let mut a = steady.clone();
    let mut b = bursty.clone();
    for c in [&mut a, &mut b] {
        c[90..97].copy_from_slice(&[11; 7]);
    }
    let (sa, sb) = (d.test(&a, 96).unwrap(), d.test(&b, 96).unwrap());
    assert!(sa.log10_p < sb.log10_p, "{sa:?} {sb:?}");
}
