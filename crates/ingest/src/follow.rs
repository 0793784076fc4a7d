//! `--follow`: fetching the page a feed item links to, so that the whole article is coded
//! instead of the feed's summary. A page that cannot be fetched (no network, an error
//! status, not HTML, too large) leaves the item with the feed's own text, and says why.

use std::sync::OnceLock;
use std::time::Duration;

/// Fetches `url` (http or https) and returns its body when it is an HTML page of at most
/// [`crate::MAX_RECORD`] bytes.
pub(crate) fn fetch(url: &str) -> Result<Vec<u8>, String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("not an http(s) link".into());
    }
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    let agent = AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            // A slow site must not hold up the whole ingest for long.
            .timeout_global(Some(Duration::from_secs(20)))
            .user_agent(concat!(
                "vigil/",
                env!("CARGO_PKG_VERSION"),
                " (news event coder)"
            ))
            .build()
            .into()
    });
    let mut resp = agent.get(url).call().map_err(|e| e.to_string())?;
    let html = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| ct.to_ascii_lowercase().contains("html"));
    if !html {
        return Err("the link is not an HTML page".into());
    }
    resp.body_mut()
        .with_config()
        .limit(crate::MAX_RECORD as u64)
        .read_to_vec()
        .map_err(|e| e.to_string())
}
