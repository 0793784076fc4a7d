use super::*;

/// A small tokenizer with the conventions of `vigil_text::tokenize` that these tests rely
/// on: digits keep their thousands commas and decimal points, hyphenated words and
/// numbers stay whole, `'s` is split off, currency signs and `%` are their own tokens,
/// and dashes become `--`.
fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            while let Some(c) = at(i) {
                let next = at(i + 1);
                let prev_digit = at(i - 1).is_some_and(|p| p.is_ascii_digit());
                let next_digit = next.is_some_and(|n| n.is_ascii_digit());
                let ok = c.is_alphanumeric()
                    || (c == '-' && next.is_some_and(char::is_alphanumeric))
                    || (matches!(c, ':' | '/') && prev_digit && next_digit)
                    || (c == '.' && next.is_some_and(char::is_alphanumeric))
                    || (c == ','
                        && prev_digit
                        && (1..=3).all(|k| at(i + k).is_some_and(|d| d.is_ascii_digit()))
                        && !at(i + 4).is_some_and(|d| d.is_ascii_digit()));
                if !ok {
                    break;
                }
                i += 1;
            }
            // An abbreviation keeps its final period (`p.m.`).
            if text[byte(start)..byte(i)].contains('.') && at(i) == Some('.') {
                i += 1;
            }
            let raw = &text[byte(start)..byte(i)];
            out.push(Token::new(Span::new(byte(start), byte(i)), raw));
            continue;
        }
        i += 1;
        let mut norm = c.to_string();
        if (c == '\'' || c == '\u{2019}') && at(i) == Some('s') {
            i += 1;
            norm = "'s".into();
        } else if matches!(c, '\u{2013}' | '\u{2014}') || (c == '-' && at(i) == Some(' ')) {
            norm = "--".into();
        }
        let mut tok = Token::new(Span::new(byte(start), byte(i)), norm.clone());
        if norm == "'s" {
            tok.pos = vigil_model::Pos::X;
        }
        out.push(tok);
    }
    out
}

fn quantities(text: &str) -> Vec<Quantity> {
    let toks = tokenize(text);
    let found = find(text, &toks);
    for q in &found {
        assert_eq!(q.span.slice(text), q.text, "text is the span's slice");
        assert!(q.tokens.0 < q.tokens.1 && q.tokens.1 <= toks.len());
        assert_eq!(q.span.start, toks[q.tokens.0].span.start);
        assert_eq!(q.span.end, toks[q.tokens.1 - 1].span.end);
        if let Some(u) = q.unit_token {
            assert!(u < toks.len());
        }
    }
    found
}

fn one(text: &str) -> Quantity {
    let mut found = quantities(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.remove(0)
}

fn word_at(text: &str, q: &Quantity) -> String {
    let toks = tokenize(text);
    toks[q.unit_token.expect("a unit token")].text.clone()
}

#[test]
fn approx_with_adjective_before_the_noun() {
    let s = "Officials say Moscow has gathered about 80,000 Russian soldiers near the frontier.";
    let q = one(s);
    assert_eq!(q.value, Some(80_000.0));
    assert_eq!((q.low, q.high), (None, None));
    assert_eq!(q.unit, "troop");
    assert_eq!(q.qualifier, Qualifier::Approx);
    assert_eq!(q.text, "about 80,000 Russian soldiers");
    assert_eq!(word_at(s, &q), "soldiers");
    let q = one("Roughly 1,200 refugees crossed on Monday.");
    assert_eq!(
        (q.value, q.qualifier, q.unit.as_str()),
        (Some(1200.0), Qualifier::Approx, "refugee")
    );
    assert_eq!(q.text, "Roughly 1,200 refugees");
    let q = one("Kyiv said an estimated 3,500 civilians remain in the town.");
    assert_eq!(q.qualifier, Qualifier::Approx);
    assert_eq!(q.text, "an estimated 3,500 civilians");
}

#[test]
fn number_of_noun_estimated_at() {
    let s = "The minister said the number of Belarusian troops along the border and in the \
             occupied zone is estimated at 31,700, and warned of an attack.";
    let q = one(s);
    assert_eq!(q.value, Some(31_700.0));
    assert_eq!(q.qualifier, Qualifier::Approx);
    assert_eq!(q.unit, "troop");
    assert_eq!(q.text, "31,700");
    assert_eq!(word_at(s, &q), "troops");
    let s = "The total of displaced families now stands at 4,210.";
    let q = one(s);
    assert_eq!(
        (q.value, q.unit.as_str(), q.qualifier),
        (Some(4210.0), "family", Qualifier::Exact)
    );
    assert_eq!(word_at(s, &q), "families");
    let s = "The death toll from the floods rose to 312 on Sunday.";
    let q = one(s);
    assert_eq!((q.value, q.unit.as_str()), (Some(312.0), "death"));
    assert_eq!(word_at(s, &q), "death");
    // No link word: the noun on the left is not what the number counts.
    let q = one("The number of protests grew after 300 arrived.");
    assert_eq!(q.unit, "");
}

#[test]
fn at_least_and_lives_are_deaths() {
    let q = one("The insurgency has claimed more than 9,000 lives since it began.");
    assert_eq!(q.value, Some(9000.0));
    assert_eq!(q.qualifier, Qualifier::AtLeast);
    assert_eq!(q.unit, "death");
    assert_eq!(q.text, "more than 9,000 lives");
    let q = one("At least 27 people died.");
    assert_eq!(
        (q.qualifier, q.unit.as_str()),
        (Qualifier::AtLeast, "person")
    );
    assert_eq!(q.text, "At least 27 people");
    let q = one("They fired 500 or more rockets.");
    assert_eq!(
        (q.value, q.qualifier, q.unit.as_str()),
        (Some(500.0), Qualifier::AtLeast, "rocket")
    );
    assert_eq!(q.text, "500 or more rockets");
    // The longest cue wins.
    let q = one("No fewer than 40 vessels were seized.");
    assert_eq!(q.qualifier, Qualifier::AtLeast);
    let q = one("It sent no more than 40 vessels.");
    assert_eq!(q.qualifier, Qualifier::AtMost);
}

#[test]
fn at_most() {
    let q = one("The plan would deploy up to 3,000 peacekeepers.");
    assert_eq!(q.value, Some(3000.0));
    assert_eq!(q.qualifier, Qualifier::AtMost);
    assert_eq!(q.unit, "peacekeeper");
    assert_eq!(q.text, "up to 3,000 peacekeepers");
    let q = one("Fewer than 200 detainees were released.");
    assert_eq!(
        (q.qualifier, q.unit.as_str()),
        (Qualifier::AtMost, "detainee")
    );
    let q = one("As many as 60 drones were launched overnight.");
    assert_eq!((q.qualifier, q.unit.as_str()), (Qualifier::AtMost, "drone"));
}

#[test]
fn ranges() {
    let q = one("Between 4,000 and 6,500 fighters remain in the city.");
    assert_eq!(q.value, None);
    assert_eq!((q.low, q.high), (Some(4000.0), Some(6500.0)));
    assert_eq!(q.qualifier, Qualifier::Range);
    assert_eq!(q.unit, "fighter");
    assert_eq!(q.text, "Between 4,000 and 6,500 fighters");
    let q = one("Witnesses counted 300-450 armoured vehicles.");
    assert_eq!(
        (q.low, q.high, q.qualifier),
        (Some(300.0), Some(450.0), Qualifier::Range)
    );
    assert_eq!(
        (q.unit.as_str(), q.text.as_str()),
        ("vehicle", "300-450 armoured vehicles")
    );
    let q = one("It could cost 5 to 7 million euros.");
    assert_eq!((q.low, q.high), (Some(5e6), Some(7e6)));
    assert_eq!(q.unit, "euro");
    let q = one("They expect 2,000 – 2,500 migrants.");
    assert_eq!(
        (q.low, q.high, q.qualifier),
        (Some(2000.0), Some(2500.0), Qualifier::Range)
    );
    let q = one("Two or three officers were hurt.");
    assert_eq!(
        (q.low, q.high, q.unit.as_str()),
        (Some(2.0), Some(3.0), "officer")
    );
    let q = one("Estimates range from 90,000 to 120,000 troops.");
    assert_eq!(
        (q.low, q.high, q.qualifier),
        (Some(90_000.0), Some(120_000.0), Qualifier::Range)
    );
    assert_eq!(q.text, "from 90,000 to 120,000 troops");
    // A change is not a range; a score is not a quantity.
    let found = quantities("Prices rose from 40 to 55 dollars.");
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].qualifier, Qualifier::Exact);
    assert!(quantities("Dynamo won 3-1 on Saturday.").is_empty());
}

#[test]
fn vague_amounts() {
    let s = "Moscow has moved tens of thousands of troops to the frontier.";
    let q = one(s);
    assert_eq!(q.value, None);
    assert_eq!((q.low, q.high), (Some(20_000.0), Some(90_000.0)));
    assert_eq!(q.qualifier, Qualifier::Vague);
    assert_eq!(q.unit, "troop");
    assert_eq!(q.text, "tens of thousands of troops");
    assert_eq!(word_at(s, &q), "troops");
    let q = one("Hundreds of civilians fled the shelling.");
    assert_eq!(
        (q.low, q.high, q.unit.as_str()),
        (Some(200.0), Some(900.0), "civilian")
    );
    assert_eq!(q.text, "Hundreds of civilians");
    let q = one("Dozens were detained.");
    assert_eq!(
        (q.low, q.high, q.unit.as_str()),
        (Some(24.0), Some(96.0), "")
    );
    let q = one("Hundreds of thousands of people have left.");
    assert_eq!((q.low, q.high), (Some(200_000.0), Some(900_000.0)));
    let q = one("Thousands of protesters marched.");
    assert_eq!(
        (q.low, q.high, q.unit.as_str()),
        (Some(2000.0), Some(9000.0), "protester")
    );
    let q = one("The army lost several tanks.");
    assert_eq!(
        (q.low, q.high, q.unit.as_str()),
        (Some(3.0), Some(9.0), "tank")
    );
    let q = one("Several thousand reservists were called up.");
    assert_eq!((q.low, q.high), (Some(3000.0), Some(9000.0)));
    let q = one("At least dozens of homes burned.");
    assert_eq!(
        (q.low, q.high, q.qualifier),
        (Some(24.0), None, Qualifier::Vague)
    );
    assert_eq!(q.text, "At least dozens of homes");
    // "several" without a counted noun is not a quantity.
    assert!(quantities("Several said they would stay.").is_empty());
}

#[test]
fn money_with_scale() {
    let s = "Washington pledged $2.5 billion in military aid.";
    let q = one(s);
    assert_eq!(q.value, Some(2.5e9));
    assert_eq!(q.unit, "dollar");
    assert_eq!(q.text, "$2.5 billion");
    assert_eq!(word_at(s, &q), "$");
    let q = one("The fund holds €3bn.");
    assert_eq!(
        (q.value, q.unit.as_str(), q.text.as_str()),
        (Some(3e9), "euro", "€3bn")
    );
    let q = one("Fines of about £40m were imposed.");
    assert_eq!(
        (q.value, q.qualifier, q.unit.as_str()),
        (Some(4e7), Qualifier::Approx, "pound")
    );
    assert_eq!(q.text, "about £40m");
    let q = one("Kyiv received 1.2 million hryvnias.");
    assert_eq!((q.value, q.unit.as_str()), (Some(1.2e6), "hryvnia"));
    let q = one("They paid US$700,000 in ransom.");
    assert_eq!(
        (q.value, q.unit.as_str(), q.text.as_str()),
        (Some(7e5), "dollar", "US$700,000")
    );
    // "m" is a scale only after a currency sign.
    assert!(quantities("The wall is 5m high.").is_empty());
}

#[test]
fn percentages() {
    let q = one("Inflation reached 7.5% in March.");
    assert_eq!(
        (q.value, q.unit.as_str(), q.text.as_str()),
        (Some(7.5), "percent", "7.5%")
    );
    let q = one("Turnout fell by nearly 12 percent.");
    assert_eq!(
        (q.value, q.qualifier, q.unit.as_str()),
        (Some(12.0), Qualifier::Approx, "percent")
    );
    assert_eq!(q.text, "nearly 12 percent");
    let q = one("Output grew 3.2 per cent.");
    assert_eq!(
        (q.value, q.unit.as_str(), q.text.as_str()),
        (Some(3.2), "percent", "3.2 per cent")
    );
    let q = one("Rates rose 25 basis points.");
    assert_eq!(q.unit, "basis point");
}

#[test]
fn written_out_numbers() {
    let q = one("Seven soldiers were wounded.");
    assert_eq!(
        (q.value, q.unit.as_str(), q.text.as_str()),
        (Some(7.0), "troop", "Seven soldiers")
    );
    let q = one("The convoy carried twenty-five journalists.");
    assert_eq!((q.value, q.unit.as_str()), (Some(25.0), "journalist"));
    let q = one("Some two hundred and fifty prisoners were exchanged.");
    assert_eq!((q.value, q.qualifier), (Some(250.0), Qualifier::Approx));
    assert_eq!(q.text, "Some two hundred and fifty prisoners");
    let q = one("Police arrested a dozen activists.");
    assert_eq!(
        (q.value, q.unit.as_str(), q.text.as_str()),
        (Some(12.0), "activist", "a dozen activists")
    );
    let q = one("The war displaced half a million people.");
    assert_eq!((q.value, q.unit.as_str()), (Some(500_000.0), "person"));
    let q = one("A million children are out of school.");
    assert_eq!((q.value, q.unit.as_str()), (Some(1e6), "child"));
    let q = one("Officials counted 1.5 million voters.");
    assert_eq!((q.value, q.unit.as_str()), (Some(1.5e6), "voter"));
    let q = one("One soldier died.");
    assert_eq!((q.value, q.unit.as_str()), (Some(1.0), "troop"));
    // References, names and pronouns are not counts.
    assert!(quantities("The two leaders met in Geneva.").is_empty());
    assert!(quantities("The Group of Seven issued a statement.").is_empty());
    assert!(quantities("Two said they would return.").is_empty());
}

#[test]
fn of_its_troops() {
    let s = "Russia has moved 70,000 of its troops to the area.";
    let q = one(s);
    assert_eq!((q.value, q.unit.as_str()), (Some(70_000.0), "troop"));
    assert_eq!(q.text, "70,000 of its troops");
    assert_eq!(word_at(s, &q), "troops");
    let q = one("Some 4,000 of Ukraine's reservists were mobilised.");
    assert_eq!(
        (q.unit.as_str(), q.qualifier),
        ("reservist", Qualifier::Approx)
    );
}

#[test]
fn years_and_dates_are_not_quantities() {
    assert!(quantities("Russia annexed Crimea in 2014.").is_empty());
    assert!(quantities("She recalled Russia's 2014 annexation of Crimea.").is_empty());
    assert!(quantities("The region has been disputed since 1954.").is_empty());
    assert!(quantities("The talks were held on December 4, 2021.").is_empty());
    assert!(quantities("The talks were held on 4 December.").is_empty());
    assert!(quantities("The 2014-2015 campaign failed.").is_empty());
    // With a listed count noun, a four-digit number counts.
    let q = one("Some 1950 troops arrived.");
    assert_eq!((q.value, q.unit.as_str()), (Some(1950.0), "troop"));
}

#[test]
fn durations_ages_times_are_not_quantities() {
    assert!(quantities("It is a seven-year conflict.").is_empty());
    assert!(quantities("The talks lasted 10 days.").is_empty());
    assert!(quantities("He stayed for three weeks.").is_empty());
    assert!(quantities("A 65-year-old man was hurt.").is_empty());
    assert!(quantities("The victim, aged 65, was hurt.").is_empty());
    assert!(quantities("The strike began at 10:30 on Friday.").is_empty());
    assert!(quantities("The strike began at 5 p.m.").is_empty());
    assert!(quantities("It was the 4th attack.").is_empty());
    assert!(quantities("Fighting has gone on for hundreds of years.").is_empty());
}

#[test]
fn one_of_and_names_are_not_quantities() {
    assert!(quantities("It is one of the largest deployments.").is_empty());
    assert!(quantities("No one was hurt.").is_empty());
    assert!(quantities("One official said the talks failed.").is_empty());
    assert!(quantities("Leaders of the G20 met.").is_empty());
    assert!(quantities("The council passed Resolution 2334 in a vote.").is_empty());
    assert!(quantities("Flight 17 was shot down.").is_empty());
    assert!(quantities("Article 5 of the treaty applies.").is_empty());
    assert!(quantities("Call 555 0100 now.").is_empty());
}

#[test]
fn text_and_span_are_exact() {
    let text = "Intro sentence. Then about 12,000 Wagner mercenaries left.";
    let from = text.find("Then").unwrap();
    let toks: Vec<Token> = tokenize(&text[from..])
        .into_iter()
        .map(|mut t| {
            t.span = t.span.shift(from);
            t
        })
        .collect();
    let found = find(text, &toks);
    assert_eq!(found.len(), 1);
    let q = &found[0];
    assert_eq!(q.text, "about 12,000 Wagner mercenaries");
    assert_eq!(q.span.slice(text), q.text);
    assert_eq!(q.tokens, (1, 5));
    assert_eq!(q.unit_token, Some(4));
    assert_eq!(q.unit, "mercenary");
}

#[test]
fn several_quantities_in_one_sentence() {
    let found = quantities(
        "The strikes killed 14 civilians and wounded more than 30, while 2,000 homes lost power.",
    );
    let got: Vec<_> = found
        .iter()
        .map(|q| (q.value, q.qualifier, q.unit.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some(14.0), Qualifier::Exact, "civilian"),
            (Some(30.0), Qualifier::AtLeast, ""),
            (Some(2000.0), Qualifier::Exact, "home"),
        ]
    );
}

#[test]
fn sentences_without_numbers_return_nothing() {
    assert!(quantities("The Kremlin said talks would continue.").is_empty());
    assert!(find("", &[]).is_empty());
    // The tables load and are consistent.
    let t = tables();
    assert_eq!(t.units.get("TROOPS").map(|u| u.unit), Some("troop"));
    assert!(t.cues_before.contains_key("THAN"));
}

#[test]
fn singular_rules() {
    assert_eq!(singularize("casualties"), "casualty");
    assert_eq!(singularize("Churches"), "church");
    assert_eq!(singularize("boxes"), "box");
    assert_eq!(singularize("activists"), "activist");
}

#[test]
fn arbitrary_word_sequences_do_not_panic() {
    const PIECES: [&str; 40] = [
        "about",
        "more",
        "than",
        "between",
        "and",
        "to",
        "from",
        "range",
        "of",
        "the",
        "number",
        "is",
        "estimated",
        "at",
        "toll",
        "death",
        "$",
        "€",
        "US",
        "5,000",
        "7,000",
        "1.5",
        "2bn",
        "5m",
        "2014",
        "one",
        "a",
        "dozen",
        "half",
        "million",
        "tens",
        "thousands",
        "several",
        "troops",
        "dead",
        "%",
        "per",
        "cent",
        "-",
        "30-40",
    ];
    let mut state = 7u64;
    for _ in 0..20_000 {
        let mut s = String::new();
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (state >> 60) as usize + 1;
        for _ in 0..len {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            s.push(' ');
        }
        quantities(&s);
    }
}

#[test]
fn nationalities_counted_are_persons_and_estimates_are_approximate() {
    let q = one("Officials said some 3,000 Moldovans crossed the river.");
    assert_eq!((q.value, q.unit.as_str()), (Some(3000.0), "person"));
    let q = one("The agency estimated that 41,000 families had fled.");
    assert_eq!(
        (q.qualifier, q.unit.as_str()),
        (Qualifier::Approx, "family")
    );
    assert_eq!(q.text, "41,000 families");
}
