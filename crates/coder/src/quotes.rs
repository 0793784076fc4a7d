//! Reported speech: the spans of a sentence that are quoted, who says them, and which verb
//! reports the rest ("X said Y attacked Z" is Y's act, according to X).

use crate::mentions::Mention;
use crate::view::View;
use vigil_dict::DictSet;
use vigil_model::{Pos, Token};

/// The most words a pair of scare quotes may hold ("a “de facto blockade”").
const SCARE_WORDS: usize = 5;

/// Removes scare quotes: a few words quoted inside a clause, the writer marking a phrase
/// as someone else's ("Japan lodged a “strong protest” with China", "launched ‘massive’
/// strikes"). They are no speech of their own, and left in they split the phrase a
/// pattern or an event noun needs. A quotation that opens a sentence or follows
/// punctuation ("…,” she said; said: “…”) is kept.
pub fn drop_scare_quotes(text: &str, tokens: &mut Vec<Token>) {
    let is_mark = |t: &Token| t.is_punct() && (t.text == "\"" || t.text == "'");
    let mut drop = Vec::new();
    let mut i = 1;
    while i < tokens.len() {
        let open = &tokens[i];
        let start = open.span.start as usize;
        let opens = is_mark(open)
            && !tokens[i - 1].is_punct()
            && text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
            && text[open.span.end as usize..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace());
        if !opens {
            i += 1;
            continue;
        }
        let close = (i + 2..tokens.len().min(i + SCARE_WORDS + 2))
            .take_while(|&j| !tokens[j - 1].is_punct() || j - 1 == i)
            .find(|&j| is_mark(&tokens[j]) && tokens[j].text == open.text);
        match close {
            Some(j)
                if text[tokens[j].span.end as usize..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric()) =>
            {
                drop.push(i);
                drop.push(j);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    if !drop.is_empty() {
        let mut k = 0;
        tokens.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
    }
}

/// Quoted token ranges of a sentence and the mention of their speaker.
#[derive(Debug, Default)]
pub struct Speech {
    /// `[start, end)` token ranges inside quotation marks.
    pub quotes: Vec<(usize, usize)>,
    /// The mention that says them ("…,” *Biden* said), when the sentence names it.
    pub speaker: Option<usize>,
}

impl Speech {
    /// True when token `i` is inside a quotation.
    pub fn quoted(&self, i: usize) -> bool {
        self.quotes.iter().any(|&(a, b)| a <= i && i < b)
    }

    /// True when the sentence opens with a quotation.
    pub fn opens_with_quote(&self) -> bool {
        self.quotes.first().is_some_and(|&(a, _)| a <= 1)
    }
}

/// True when `upper` is a form of a reporting verb: a verb whose code in the dictionary is
/// a plain statement (010), such as "say", "tell", "add".
pub fn is_reporting(dicts: &DictSet, upper: &str) -> bool {
    let Some(id) = dicts.lexicon.id(upper) else {
        return false;
    };
    let Some(forms) = dicts.verbs.by_word.get(&id) else {
        return false;
    };
    forms.iter().any(|&f| {
        let form = &dicts.verbs.forms[f as usize];
        let code = form
            .code
            .as_ref()
            .unwrap_or(&dicts.verbs.blocks[form.block as usize].default);
        form.front.is_empty() && form.back.is_empty() && code.active.as_deref() == Some("010")
    })
}

/// True when the quotation mark at token `i` looks like a closing one: a right double
/// quotation mark, or a straight quote attached to the word before it rather than the one
/// after.
fn closes(view: &View, i: usize) -> bool {
    let span = view.tokens[i].span;
    let raw = &view.text[span.start as usize..span.end as usize];
    if raw.contains('\u{201d}') {
        return true;
    }
    if raw.contains('\u{201c}') {
        return false;
    }
    let before = view.text[..span.start as usize].chars().next_back();
    let after = view.text[span.end as usize..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Finds the quotations of a sentence and their speaker.
pub fn find(view: &View, dicts: &DictSet, mentions: &[Mention]) -> Speech {
    let marks: Vec<usize> = (0..view.len())
        .filter(|&i| view.tokens[i].text == "\"")
        .collect();
    if marks.is_empty() {
        return Speech::default();
    }
    // Pair the marks by what they look like in the text: a closing mark with no opening
    // one before it closes a quotation the previous sentence opened (“… . …,” X said).
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for &m in &marks {
        if let Some(a) = open.take() {
            quotes.push((a, m));
        } else if closes(view, m) {
            quotes.push((0, m));
        } else {
            open = Some(m + 1);
        }
    }
    if let Some(a) = open {
        quotes.push((a, view.len()));
    }
    let mention_at = |start: usize| {
        mentions
            .iter()
            .position(|m| m.start == start && !m.members.is_empty())
    };
    let mention_ending = |end: usize| {
        mentions
            .iter()
            .position(|m| m.end == end && !m.members.is_empty())
    };
    let reporting = |i: usize| i < view.len() && is_reporting(dicts, view.up(i));
    let mut speaker = None;
    // After the last quotation: “…,” Biden said / “…,” said Biden.
    if let Some(&(_, end)) = quotes.last() {
        let mut k = end + 1;
        if k < view.len() && view.up(k) == "," {
            k += 1;
        }
        if let Some(m) = mention_at(k)
            && reporting(mentions[m].end)
        {
            speaker = Some(m);
        } else if reporting(k) {
            speaker = mention_at(k + 1);
        } else {
            // “…,” the secretary of the council, Nikolai Ivanov, said: a longer noun
            // phrase (an apposition) before the reporting verb. Its speaker is the name
            // that ends right before the verb, else the first party the phrase names.
            let np = |i: usize| {
                matches!(
                    view.pos(i),
                    Pos::Det | Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num | Pos::Part
                ) || matches!(view.up(i), "," | "OF" | "FOR" | "-")
            };
            let mut r = k;
            while r < view.len() && r < k + 25 && np(r) {
                r += 1;
            }
            if r > k + 1 && reporting(r) {
                let end = if view.up(r - 1) == "," { r - 1 } else { r };
                speaker = mention_ending(end).or_else(|| {
                    mentions
                        .iter()
                        .position(|m| m.start >= k && m.end <= r && !m.members.is_empty())
                });
            }
        }
    }
    // Before the first: Biden said: “…”.
    if speaker.is_none()
        && let Some(&(start, _)) = quotes.first()
        && start >= 3
    {
        let mut k = start - 1;
        if matches!(view.up(k - 1), ":" | ",") {
            k -= 1;
        }
        if reporting(k - 1) {
            speaker = mention_ending(k - 1);
        }
    }
    Speech { quotes, speaker }
}
