//! The dashboard: static files built from `web/` (by `scripts/web`) and embedded at
//! compile time, so the binary serves them with no network and no files beside it.

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;

/// One embedded file.
struct Asset {
    body: &'static [u8],
    mime: &'static str,
}

const INDEX: Asset = Asset {
    body: include_bytes!("../assets/index.html"),
    mime: "text/html; charset=utf-8",
};
const APP_JS: Asset = Asset {
    body: include_bytes!("../assets/app.js"),
    mime: "text/javascript; charset=utf-8",
};
const APP_CSS: Asset = Asset {
    body: include_bytes!("../assets/app.css"),
    mime: "text/css; charset=utf-8",
};

/// The dashboard's routes.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(|h: HeaderMap| async move { send(&INDEX, &h) }))
        .route(
            "/index.html",
            get(|h: HeaderMap| async move { send(&INDEX, &h) }),
        )
        .route(
            "/app.js",
            get(|h: HeaderMap| async move { send(&APP_JS, &h) }),
        )
        .route(
            "/app.css",
            get(|h: HeaderMap| async move { send(&APP_CSS, &h) }),
        )
}

/// A tag that changes with the embedded files (FNV-1a over all three): browsers revalidate
/// and get 304 until the binary changes.
fn etag() -> &'static str {
    static TAG: OnceLock<String> = OnceLock::new();
    TAG.get_or_init(|| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for a in [&INDEX, &APP_JS, &APP_CSS] {
            for &b in a.body {
                h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
        }
        format!("\"{h:016x}\"")
    })
}

fn send(a: &Asset, req: &HeaderMap) -> Response {
    let tag = etag();
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, HeaderValue::from_static(tag));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if req
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == tag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(a.mime));
    (headers, a.body).into_response()
}
