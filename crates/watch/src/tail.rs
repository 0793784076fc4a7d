//! Upper tail probabilities of count distributions, in log space so that the very small
//! p-values the detector works with (10⁻⁶ and far below) stay exact.

/// `ln Γ(x)` for `x > 0` (Lanczos' approximation, g = 7, nine coefficients; relative
/// error about 1e-15).
pub fn ln_gamma(x: f64) -> f64 {
    const COEF: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).abs().ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = COEF[0];
    for (i, c) in COEF.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// `ln P(X ≥ first)` for a distribution whose log mass is `ln_pmf`, summed upwards
/// from `first`, which must be at or above the mode (the terms then only decrease).
fn upper_tail(first: u64, ln_pmf: impl Fn(u64) -> f64) -> f64 {
    let head = ln_pmf(first);
    if !head.is_finite() {
        return head;
    }
    // Terms relative to the first, so that nothing underflows.
    let mut sum = 1.0;
    for k in first + 1..first.saturating_add(1_000_000) {
        let term = (ln_pmf(k) - head).exp();
        sum += term;
        if term < 1e-17 * sum {
            break;
        }
    }
    head + sum.ln()
}

/// `ln P(X ≥ k)` for `X` Poisson with mean `mu`.
pub fn poisson_sf(k: u64, mu: f64) -> f64 {
    if k == 0 {
        return 0.0;
    }
    if mu <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if (k as f64) <= mu {
        // Below the mode: the complement is the short sum.
        let below: f64 = (0..k)
            .map(|j| (-mu + j as f64 * mu.ln() - ln_gamma(j as f64 + 1.0)).exp())
            .sum();
        return (1.0 - below).max(f64::MIN_POSITIVE).ln();
    }
    upper_tail(k, |j| -mu + j as f64 * mu.ln() - ln_gamma(j as f64 + 1.0))
}

/// `ln P(X ≥ k)` for `X` negative binomial with mean `mean` and size (dispersion) `r`:
/// variance `mean + mean² / r`.
pub fn negative_binomial_sf(k: u64, mean: f64, r: f64) -> f64 {
    if k == 0 {
        return 0.0;
    }
    if mean <= 0.0 {
        return f64::NEG_INFINITY;
    }
    let p = r / (r + mean);
    let ln_pmf = |j: u64| {
        let j = j as f64;
        ln_gamma(j + r) - ln_gamma(r) - ln_gamma(j + 1.0) + r * p.ln() + j * (1.0 - p).ln()
    };
    if (k as f64) <= mean {
        let below: f64 = (0..k).map(|j| ln_pmf(j).exp()).sum();
        return (1.0 - below).max(f64::MIN_POSITIVE).ln();
    }
    upper_tail(k, ln_pmf)
}
