//! Tests: each rule of the module, on sentences written for them.
use super::find;
use chrono::NaiveDate;
use vigil_model::{Pos, Span, TimeKind, Token};

/// A Saturday.
const SAT: (i32, u32, u32) = (2021, 12, 4);
/// A Wednesday.
const WED: (i32, u32, u32) = (2023, 2, 15);
/// A Monday in March.
const MON: (i32, u32, u32) = (2022, 3, 7);

/// A small tokenizer behaving like the project's on these sentences: words keep inner
/// hyphens, digit groups (`2,014`) and abbreviation periods (`Jan.`, `U.S.`); clitics
/// (`'s`, `n't`, `'ll`) and punctuation are split off.
fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let is_word = |c: u8| c.is_ascii_alphanumeric();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            i += 1;
            continue;
        }
        if !is_word(c) {
            let n = if text[i..].starts_with("--") { 2 } else { 1 };
            out.push(Token::new(Span::new(i, i + n), &text[i..i + n]));
            i += n;
            continue;
        }
        let start = i;
        let mut apostrophe = None;
        while i < b.len() {
            let c = b[i];
            let next_word = b.get(i + 1).is_some_and(|&n| is_word(n));
            let joins = (c == b'-' || c == b'.') && next_word
                || c == b',' && i > start && b[i - 1].is_ascii_digit() && next_word;
            if is_word(c) || joins {
                i += 1;
            } else if c == b'\'' && next_word {
                apostrophe = Some(i);
                i += 1;
            } else {
                break;
            }
        }
        let word = &text[start..i];
        if b.get(i) == Some(&b'.')
            && matches!(
                word,
                "Jan" | "Feb" | "Dec" | "Sept" | "Aug" | "Oct" | "Nov" | "U.S"
            )
        {
            i += 1;
            out.push(Token::new(Span::new(start, i), &text[start..i]));
            continue;
        }
        let split = apostrophe.map(|a| if text[..a].ends_with('n') { a - 1 } else { a });
        match split {
            Some(s) => {
                out.push(Token::new(Span::new(start, s), &text[start..s]));
                out.push(Token::new(Span::new(s, i), &text[s..i]));
            }
            None => out.push(Token::new(Span::new(start, i), word)),
        }
    }
    out
}

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The expressions of a sentence as `(text, resolved, kind)`; `resolved` is `-` for none.
fn run(published: (i32, u32, u32), sentence: &str) -> Vec<(String, String, TimeKind)> {
    let tokens = tokenize(sentence);
    find(sentence, &tokens, date(published))
        .into_iter()
        .map(|e| {
            assert_eq!(e.span.slice(sentence), e.text);
            let r = e.resolved.map_or("-".to_owned(), |r| r.to_string());
            (e.text, r, e.kind)
        })
        .collect()
}

use TimeKind::{Duration as D, Point as P, Since as S, Vague as V};

/// Asserts that a sentence yields exactly these expressions.
#[track_caller]
fn check(published: (i32, u32, u32), sentence: &str, want: &[(&str, &str, TimeKind)]) {
    let got = run(published, sentence);
    let want: Vec<(String, String, TimeKind)> = want
        .iter()
        .map(|(t, r, k)| (t.to_string(), r.to_string(), *k))
        .collect();
    assert_eq!(got, want, "in {sentence:?}");
}

#[test]
fn the_tokenizer_of_these_tests_splits_like_the_real_one() {
    let words: Vec<String> = tokenize("Russia's 2,014 seven-year Jan. 5, won't U.S. troops.")
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(
        words,
        [
            "Russia",
            "'s",
            "2,014",
            "seven-year",
            "Jan.",
            "5",
            ",",
            "wo",
            "n't",
            "U.S.",
            "troops",
            "."
        ]
    );
}

#[test]
fn sentences_without_time_words_are_skipped() {
    check(SAT, "The foreign minister criticised the sanctions.", &[]);
    check(SAT, "", &[]);
    assert!(find("x", &[], date(SAT)).is_empty());
}

#[test]
fn weekdays_take_the_tense_of_their_own_clause() {
    // Past: the publication day itself when it is that weekday.
    check(
        SAT,
        "The agency announced the vote on Saturday and said it will be held on Tuesday evening.",
        &[
            ("Saturday", "2021-12-04", P),
            ("Tuesday evening", "2021-12-07", P),
        ],
    );
    check(
        WED,
        "Protesters gathered outside parliament on Wednesday.",
        &[("Wednesday", "2023-02-15", P)],
    );
    check(
        WED,
        "Rebels attacked a convoy on Monday, officials told reporters.",
        &[("Monday", "2023-02-13", P)],
    );
    // Future: strictly after publication, even on the same weekday.
    check(
        WED,
        "Negotiators will meet again on Wednesday.",
        &[("Wednesday", "2023-02-22", P)],
    );
    check(
        WED,
        "He said the delegation would travel to Ankara on Monday.",
        &[("Monday", "2023-02-20", P)],
    );
    // A fronted weekday takes the tense of the verb after the comma.
    check(
        SAT,
        "On Sunday, the army said it had shelled the town.",
        &[("Sunday", "2021-11-28", P)],
    );
    // A participle after `be` is no cue: `will be held` is future, `was announced` past.
    check(
        WED,
        "The summit, which will be held on Thursday, was announced on Monday.",
        &[("Thursday", "2023-02-16", P), ("Monday", "2023-02-13", P)],
    );
    // Intentions point forward.
    check(
        WED,
        "The union plans to strike on Friday morning.",
        &[("Friday morning", "2023-02-17", P)],
    );
    // No cue: the nearest such day, ties to the past.
    check(
        WED,
        "Friday's talks in Vienna.",
        &[("Friday", "2023-02-17", P)],
    );
    check(
        WED,
        "Sunday's vote in Lagos.",
        &[("Sunday", "2023-02-12", P)],
    );
}

#[test]
fn weekdays_with_last_next_or_a_week() {
    check(
        WED,
        "Troops withdrew last Tuesday and will return next Wednesday.",
        &[
            ("last Tuesday", "2023-02-14", P),
            ("next Wednesday", "2023-02-22", P),
        ],
    );
    check(
        WED,
        "The vote is set for Tuesday next week.",
        &[("Tuesday next week", "2023-02-21", P)],
    );
    check(
        SAT,
        "Talks opened on Tuesday, Dec. 7, 2021 in Geneva.",
        &[("Tuesday, Dec. 7, 2021", "2021-12-07", P)],
    );
}

#[test]
fn days_relative_to_publication() {
    check(
        WED,
        "Ministers met yesterday and will vote tomorrow; the result is due tonight.",
        &[
            ("yesterday", "2023-02-14", P),
            ("tomorrow", "2023-02-16", P),
            ("tonight", "2023-02-15", P),
        ],
    );
    check(
        WED,
        "Police said earlier today that a bomb exploded this morning.",
        &[
            ("earlier today", "2023-02-15", P),
            ("this morning", "2023-02-15", P),
        ],
    );
    check(
        WED,
        "Shelling resumed three days ago and two weeks ago, a month ago and a year ago.",
        &[
            ("three days ago", "2023-02-12", P),
            ("two weeks ago", "2023-02-01", P),
            ("a month ago", "2023-01", P),
            ("a year ago", "2022", P),
        ],
    );
    check(
        WED,
        "The border opened a few days ago.",
        &[("a few days ago", "-", V)],
    );
    check(
        SAT,
        "Fighting broke out again last night.",
        &[("last night", "2021-12-03", P)],
    );
}

#[test]
fn weeks_months_and_years_relative_to_publication() {
    check(
        SAT,
        "Elections are due next month, after prices rose last month and this month.",
        &[
            ("next month", "2022-01", P),
            ("last month", "2021-11", P),
            ("this month", "2021-12", P),
        ],
    );
    check(
        SAT,
        "Growth slowed last year, recovered this year and will rise next year.",
        &[
            ("last year", "2020", P),
            ("this year", "2021", P),
            ("next year", "2022", P),
        ],
    );
    // Weeks run Monday to Sunday.
    check(
        SAT,
        "Envoys met last week, talk this week and meet next week.",
        &[
            ("last week", "2021-11-22/2021-11-28", P),
            ("this week", "2021-11-29/2021-12-05", P),
            ("next week", "2021-12-06/2021-12-12", P),
        ],
    );
    check(
        SAT,
        "Aid convoys are expected in the coming week.",
        &[("in the coming week", "2021-12-05/2021-12-11", P)],
    );
    check(
        WED,
        "Clashes erupted earlier this week and talks resume later this week.",
        &[
            ("earlier this week", "2023-02-13/2023-02-14", P),
            ("later this week", "2023-02-16/2023-02-19", P),
        ],
    );
    check(
        WED,
        "The bank raised rates earlier this month and earlier this year.",
        &[
            ("earlier this month", "2023-02", P),
            ("earlier this year", "2023", P),
        ],
    );
    check(
        SAT,
        "Parliament must pass the budget by the end of the year.",
        &[("the end of the year", "2021-12", P)],
    );
}

#[test]
fn weekends_follow_the_tense() {
    // Published on a Saturday, future: that very weekend.
    check(
        SAT,
        "Families will book a weekend stay at the resort.",
        &[("weekend", "2021-12-04/2021-12-05", P)],
    );
    check(
        WED,
        "The delegation will spend the weekend in Kyiv.",
        &[("the weekend", "2023-02-18/2023-02-19", P)],
    );
    check(
        WED,
        "Fighting intensified over the weekend.",
        &[("the weekend", "2023-02-11/2023-02-12", P)],
    );
    check(
        SAT,
        "Protests spread last weekend and may resume next weekend.",
        &[
            ("last weekend", "2021-11-27/2021-11-28", P),
            ("next weekend", "2021-12-11/2021-12-12", P),
        ],
    );
}

#[test]
fn month_names_resolve_by_tense_across_the_year_boundary() {
    // December, future: next January.
    check(
        SAT,
        "The new law will take effect in January.",
        &[("January", "2022-01", P)],
    );
    // February, past: this January.
    check(
        WED,
        "Inflation peaked in January.",
        &[("January", "2023-01", P)],
    );
    // February, future: next January.
    check(
        WED,
        "The ban is expected to end in January.",
        &[("January", "2024-01", P)],
    );
    // The current month counts as current either way.
    check(
        SAT,
        "Talks collapsed in December and will restart in December.",
        &[("December", "2021-12", P), ("December", "2021-12", P)],
    );
    check(
        WED,
        "Voters went to the polls last November; the next vote is in November.",
        &[("last November", "2022-11", P), ("November", "2023-11", P)],
    );
}

#[test]
fn dates_with_days_and_years() {
    check(
        SAT,
        "The ceasefire signed on January 5, 2022 and the one of 5 January 2020 failed.",
        &[
            ("January 5, 2022", "2022-01-05", P),
            ("5 January 2020", "2020-01-05", P),
        ],
    );
    check(
        SAT,
        "Voting will start on Jan. 5th and end in January 2022.",
        &[
            ("Jan. 5th", "2022-01-05", P),
            ("January 2022", "2022-01", P),
        ],
    );
    check(
        WED,
        "Troops crossed the border on 24 February.",
        &[("24 February", "2022-02-24", P)],
    );
    check(
        SAT,
        "The file dated 2021-12-04 was leaked.",
        &[("2021-12-04", "2021-12-04", P)],
    );
}

#[test]
fn may_and_march_need_a_date_context() {
    check(WED, "Officials may meet again, Theresa May said.", &[]);
    check(
        WED,
        "Thousands joined the march on Sunday.",
        &[("Sunday", "2023-02-12", P)],
    );
    check(
        WED,
        "The treaty was signed in May and ratified on March 8.",
        &[("May", "2022-05", P), ("March 8", "2022-03-08", P)],
    );
    check(WED, "Supporters of Mr. March rallied.", &[]);
}

#[test]
fn early_mid_and_late() {
    check(
        SAT,
        "Construction starts early next year and ends mid-2022 or late 2023.",
        &[
            ("early next year", "2022-01/2022-03", P),
            ("mid-2022", "2022-05/2022-08", P),
            ("late 2023", "2023-10/2023-12", P),
        ],
    );
    // A month keeps day precision: days 1–10, 11–20, 21–end.
    check(
        SAT,
        "Deliveries will resume in early January and peak in mid-February.",
        &[
            ("early January", "2022-01-01/2022-01-10", P),
            ("mid-February", "2022-02-11/2022-02-20", P),
        ],
    );
    check(
        MON,
        "Sanctions were imposed in late February.",
        &[("late February", "2022-02-21/2022-02-28", P)],
    );
    check(
        SAT,
        "The movement grew in the early 1990s.",
        &[("the early 1990s", "1990/1993", P)],
    );
    check(
        WED,
        "The late president was buried on Friday.",
        &[("Friday", "2023-02-10", P)],
    );
}

#[test]
fn years_decades_and_counts() {
    check(
        SAT,
        "Russia's 2014 annexation of Crimea, condemned in 2015, echoed the 1990s.",
        &[
            ("2014", "2014", P),
            ("2015", "2015", P),
            ("the 1990s", "1990/1999", P),
        ],
    );
    check(SAT, "The ministry sent 2,014 troops.", &[]);
    check(SAT, "The ministry sent 2014 troops and 1999 vehicles.", &[]);
    check(
        SAT,
        "Turnout in the 2019 elections was low.",
        &[("2019", "2019", P)],
    );
    check(SAT, "Prices rose 2000 percent.", &[]);
}

#[test]
fn since_and_ranges() {
    check(
        SAT,
        "The two states have been at odds since 1954.",
        &[("since 1954", "1954/2021-12-04", S)],
    );
    check(
        WED,
        "Hundreds have been detained since Monday and since last year.",
        &[
            ("since Monday", "2023-02-13/2023-02-15", S),
            ("since last year", "2022/2023-02-15", S),
        ],
    );
    check(
        WED,
        "Exports have fallen since January.",
        &[("since January", "2023-01/2023-02-15", S)],
    );
    check(
        SAT,
        "He governed from 2014 to 2016 and again between 2018 and 2020.",
        &[
            ("from 2014 to 2016", "2014/2016", P),
            ("between 2018 and 2020", "2018/2020", P),
        ],
    );
    check(
        SAT,
        "The 2010-2012 drought and the 2014-16 crisis.",
        &[("2010-2012", "2010/2012", P), ("2014-16", "2014/2016", P)],
    );
}

#[test]
fn durations_end_at_publication() {
    check(
        SAT,
        "Residents are weary of a seven-year conflict.",
        &[("seven-year conflict", "2014/2021", D)],
    );
    check(
        SAT,
        "The 20-year civil war displaced millions.",
        &[("20-year civil war", "2001/2021", D)],
    );
    check(
        SAT,
        "After eight years of war, the region is in ruins.",
        &[("eight years of war", "2013/2021", D)],
    );
    check(
        SAT,
        "The rebels have held the town for seven years.",
        &[("for seven years", "2014/2021", D)],
    );
    check(
        SAT,
        "Attacks have doubled over the past three years.",
        &[("over the past three years", "2018/2021", D)],
    );
    check(
        SAT,
        "Dozens were arrested in the past two weeks.",
        &[("in the past two weeks", "2021-11-20/2021-12-04", D)],
    );
    check(
        SAT,
        "The leaders met for the first time in five years.",
        &[("in five years", "2016/2021", D)],
    );
    check(
        SAT,
        "Prices climbed over the past year and in the last 24 hours.",
        &[
            ("over the past year", "2020/2021", D),
            ("in the last 24 hours", "2021-12-03/2021-12-04", D),
        ],
    );
    // Not durations ending now.
    check(SAT, "The envoy began a two-day visit.", &[]);
    check(SAT, "The monitors will stay for three days.", &[]);
}

#[test]
fn vague_times_have_no_date() {
    check(
        WED,
        "Talks recently stalled but will soon resume.",
        &[("recently", "-", V), ("soon", "-", V)],
    );
    check(
        WED,
        "Relations have lately improved, unlike in the past.",
        &[("lately", "-", V), ("in the past", "-", V)],
    );
    check(
        WED,
        "Thousands have fled in recent weeks and more will leave in the coming days.",
        &[("in recent weeks", "-", V), ("in the coming days", "-", V)],
    );
    check(
        WED,
        "The groups have fought for years.",
        &[("for years", "-", V)],
    );
    // "as soon as" is a conjunction; the time is what follows it.
    check(
        WED,
        "The vote could come as soon as next week.",
        &[("next week", "2023-02-20/2023-02-26", P)],
    );
}

#[test]
fn ordinals_and_times_of_day_are_not_dates() {
    check(WED, "The second round of talks began at 3 pm.", &[]);
    check(WED, "Five people were killed.", &[]);
}

#[test]
fn tags_when_present_sharpen_the_tense() {
    // `detained` tagged as an adjective is no past cue; `will` decides.
    let s = "The detained journalists will be freed on Friday.";
    let mut tokens = tokenize(s);
    tokens[1].pos = Pos::Adj;
    let got = find(s, &tokens, date(WED));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].resolved.unwrap().to_string(), "2023-02-17");
}

#[test]
fn expectations_and_schedules_look_ahead() {
    check(
        WED,
        "Negotiators expect the envoy in Doha on Monday.",
        &[("Monday", "2023-02-20", P)],
    );
    check(
        WED,
        "The budget covers the year that begins in January.",
        &[("January", "2024-01", P)],
    );
}
