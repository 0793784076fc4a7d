//! Escalation detection: is the number of events a dyad had in the last days a surprise,
//! given that dyad's own history?
//!
//! # The method
//!
//! For a daily series of counts (say, material-conflict events from Russia to Ukraine),
//! [`Detector::test`] compares the **window** (the last [`Detector::window_days`] days,
//! ending on the day tested) with the **baseline** (the [`Detector::baseline_days`] days
//! before the window):
//!
//! 1. The baseline's daily mean `m` and variance `v` are estimated; the mean is smoothed
//!    with one pseudo-event over one pseudo-day, so a dyad with no history still has a
//!    finite, small expectation.
//! 2. The window's total is modelled as a count with mean `E = window_days · m`:
//!    Poisson when the baseline is not overdispersed (`v ≤ 1.1 m`), otherwise negative
//!    binomial with the dispersion the baseline shows (size `r = window_days · m² / (v −
//!    m)`), since news counts are burstier than Poisson and a Poisson test would cry wolf.
//! 3. The surprise is the upper tail probability `p = P(S ≥ observed)`. An alert needs
//!    all of: `p ≤ 10^max_log10_p`, `observed ≥ min_ratio · E` (a large dyad's small
//!    relative change is not an escalation however significant), and `observed ≥
//!    min_observed`. Its severity is `−log10 p`.
//!
//! The defaults (7-day window, 90-day baseline, `p ≤ 10⁻⁶`, ratio ≥ 1.5, at least 5
//! events) are set so that, tested every day, a steady Poisson series of 5 events a day
//! raises no alert in 1,000 days, while a step to three times the mean is alerted within
//! a few days of its start; the tests run exactly that back-test over five fixed seeds.
//! The very small p-value threshold is what testing every day of every dyad requires:
//! thousands of tests a year on each series.

mod tail;

pub use tail::{ln_gamma, negative_binomial_sf, poisson_sf};

/// Settings of the detector (see the crate documentation for what each does).
#[derive(Clone, Debug, PartialEq)]
pub struct Detector {
    /// Days in the window compared with the baseline.
    pub window_days: usize,
    /// Days of baseline before the window.
    pub baseline_days: usize,
    /// Fewer baseline days than this: no test (too little history).
    pub min_baseline_days: usize,
    /// An alert needs `log10 p` at most this.
    pub max_log10_p: f64,
    /// An alert needs at least this many times the expected count.
    pub min_ratio: f64,
    /// An alert needs at least this many events in the window.
    pub min_observed: u64,
}

impl Default for Detector {
    fn default() -> Self {
        Detector {
            window_days: 7,
            baseline_days: 90,
            min_baseline_days: 28,
            max_log10_p: -6.0,
            min_ratio: 1.5,
            min_observed: 5,
        }
    }
}

/// The outcome of testing one day.
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    /// The last day of the window (an index into the series).
    pub day: usize,
    /// Events in the window.
    pub observed: u64,
    /// Events the baseline leads to expect in the window.
    pub expected: f64,
    /// `observed / expected`.
    pub ratio: f64,
    /// `log10` of the upper tail probability of `observed`.
    pub log10_p: f64,
    /// Whether the day raises an alert.
    pub alert: bool,
}

impl Signal {
    /// How surprising the window is: `−log10 p` (0 for an unsurprising window).
    pub fn severity(&self) -> f64 {
        (-self.log10_p).max(0.0)
    }
}

impl Detector {
    /// Tests the window ending on `day` (inclusive) of the daily `counts`. `None` when
    /// the series has too little history before the window, or `day` is past its end.
    pub fn test(&self, counts: &[u64], day: usize) -> Option<Signal> {
        let w = self.window_days.max(1);
        if day >= counts.len() || day + 1 < w {
            return None;
        }
        let window_start = day + 1 - w;
        let base_start = window_start.saturating_sub(self.baseline_days);
        let base = &counts[base_start..window_start];
        if base.len() < self.min_baseline_days.max(1) {
            return None;
        }
        let observed: u64 = counts[window_start..=day].iter().sum();
        let n = base.len() as f64;
        let sum: f64 = base.iter().map(|&c| c as f64).sum();
        let raw_mean = sum / n;
        let mean = (sum + 1.0) / (n + 1.0);
        let var = base
            .iter()
            .map(|&c| (c as f64 - raw_mean).powi(2))
            .sum::<f64>()
            / (n - 1.0).max(1.0);
        let expected = w as f64 * mean;
        let ln_p = if observed as f64 <= expected {
            0.0
        } else if var > 1.1 * mean {
            let r = w as f64 * mean * mean / (var - mean);
            negative_binomial_sf(observed, expected, r)
        } else {
            poisson_sf(observed, expected)
        };
        let log10_p = ln_p / std::f64::consts::LN_10;
        let ratio = observed as f64 / expected;
        let alert =
            observed >= self.min_observed && ratio >= self.min_ratio && log10_p <= self.max_log10_p;
        Some(Signal {
            day,
            observed,
            expected,
            ratio,
            log10_p,
            alert,
        })
    }

    /// Tests every day of the series (a rolling back-test); days without enough history
    /// are left out.
    pub fn scan(&self, counts: &[u64]) -> Vec<Signal> {
        (0..counts.len())
            .filter_map(|d| self.test(counts, d))
            .collect()
    }
}

#[cfg(test)]
mod tests;
