//! HTML pages: the article body, title and publication date. (Being written.)

use crate::Options;
use vigil_model::Article;

/// Reads one HTML page named `name`.
pub(crate) fn read_page(name: &str, bytes: &[u8], opts: &Options) -> Result<Article, String> {
    let _ = (name, bytes, opts);
    Err("HTML pages are not read yet".into())
}
