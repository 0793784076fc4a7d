use super::*;
use vigil_model::Token;

fn toks(s: &str) -> Vec<Token> {
    vigil_text::tokenize(s, Span::new(0, s.len()))
}

/// Token range of the words `w` (space-separated) in `tokens`.
fn range(tokens: &[Token], w: &str) -> (usize, usize) {
    let words: Vec<&str> = w.split(' ').collect();
    let i = tokens
        .windows(words.len())
        .position(|win| win.iter().zip(&words).all(|(t, w)| t.text == *w))
        .unwrap_or_else(|| panic!("{w:?} not in sentence"));
    (i, i + words.len())
}

/// Runs both passes over an article (sentences), with actor ranges given by their words
/// per sentence, and returns the resolved mentions of every sentence.
fn run(article: &[(&str, &[&str])], actor_codes: &[&str]) -> Vec<Vec<PlaceMention>> {
    let g = Gazetteer::embedded();
    let mut ctx = GeoContext::default();
    for c in actor_codes {
        ctx.add_actor(c);
    }
    let mut all = Vec::new();
    for (s, actors) in article {
        let t = toks(s);
        let a: Vec<(usize, usize)> = actors.iter().map(|w| range(&t, w)).collect();
        let ms = g.scan(s, &t, &a);
        for m in &ms {
            g.observe(m, &mut ctx);
        }
        all.push(ms);
    }
    all.iter()
        .map(|ms| ms.iter().filter_map(|m| g.resolve(m, &ctx)).collect())
        .collect()
}

fn one(s: &str) -> Vec<PlaceMention> {
    run(&[(s, &[])], &[]).remove(0)
}

fn find<'a>(ms: &'a [PlaceMention], text: &str) -> &'a PlaceMention {
    ms.iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {ms:#?}"))
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[test]
fn loads_quickly_and_fully() {
    let t = std::time::Instant::now();
    let g = Gazetteer::embedded();
    let ms = t.elapsed().as_millis();
    eprintln!("gazetteer load: {ms} ms");
    assert!(g.d.entries.len() > 35_000);
    assert!(g.d.countries.len() > 240);
}

#[test]
fn crimea_and_the_black_sea() {
    let ms = one("Russian warships left Crimea and sailed into the Black Sea on Monday.");
    let c = find(&ms, "Crimea");
    assert_eq!(c.place.feature_id, "vigil:crimea");
    assert_eq!(c.place.kind, PlaceKind::Region);
    assert_eq!(c.place.country.as_deref(), Some("UA"));
    let b = find(&ms, "the Black Sea");
    assert_eq!(b.place.kind, PlaceKind::Water);
    assert_eq!(b.place.country, None);
    assert!(!b.relational);
    // "Russian" alone is not a place mention.
    assert_eq!(ms.len(), 2, "{ms:#?}");
}

#[test]
fn camp_david_landmark() {
    let ms = one("The two leaders will meet at Camp David next week.");
    let c = find(&ms, "Camp David");
    assert_eq!(c.place.kind, PlaceKind::Landmark);
    assert_eq!(c.place.country.as_deref(), Some("US"));
    assert!(km((c.place.lat, c.place.lon), (39.65, -77.47)) < 10.0);
}

#[test]
fn ukrainian_border_is_relational() {
    let ms = one("Russia has massed troops on the Ukrainian border, officials said.");
    let b = find(&ms, "the Ukrainian border");
    assert!(b.relational);
    assert_eq!(b.place.kind, PlaceKind::Country);
    assert_eq!(b.place.country.as_deref(), Some("UA"));
    let ms = one("Tanks were seen near Ukraine's border.");
    let b = find(&ms, "near Ukraine's border");
    assert!(b.relational);
    let ms = one("Shelling was reported on the Russia-Ukraine border.");
    let b: Vec<_> = ms.iter().filter(|m| m.relational).collect();
    assert_eq!(b.len(), 2, "{ms:#?}");
    assert!(b.iter().all(|m| m.text == "the Russia-Ukraine border"));
    let s = "Residents of Russian-occupied Kherson fled.";
    let t = toks(s);
    let found = Gazetteer::embedded().scan(s, &t, &[]);
    assert!(found.iter().any(PlaceMatch::context_only), "{found:#?}");
    let ms = one(s);
    assert_eq!(find(&ms, "Kherson").place.country.as_deref(), Some("UA"));
    let ms = one("Troops gathered along its border with Ukraine.");
    assert!(find(&ms, "border with Ukraine").relational);
}

#[test]
fn near_ukraine_is_relational() {
    let ms = one("Russia held drills near Ukraine on Tuesday.");
    let n = find(&ms, "near Ukraine");
    assert!(n.relational);
    assert_eq!(n.place.country.as_deref(), Some("UA"));
}

#[test]
fn eastern_ukraine_is_a_region() {
    let ms = one("Fighting continued in eastern Ukraine.");
    let e = find(&ms, "eastern Ukraine");
    assert!(!e.relational);
    assert_eq!(e.place.kind, PlaceKind::Region);
    assert_eq!(e.place.country.as_deref(), Some("UA"));
    assert!(km((e.place.lat, e.place.lon), (48.0, 38.0)) < 150.0);
    // Names that start with a direction word are names.
    let ms = one("Riots broke out in Northern Ireland and in Western Sahara.");
    assert_eq!(find(&ms, "Northern Ireland").place.kind, PlaceKind::Admin1);
    assert_eq!(find(&ms, "Western Sahara").place.kind, PlaceKind::Country);
    let ms = one("Talks on Central Asia and the Central African Republic.");
    assert_eq!(find(&ms, "Central Asia").place.kind, PlaceKind::Region);
    assert_eq!(
        find(&ms, "the Central African Republic").place.kind,
        PlaceKind::Country
    );
    // The general rule for a country without a curated entry.
    let ms = one("Airstrikes hit northern Syria.");
    let n = find(&ms, "northern Syria");
    assert_eq!(n.place.kind, PlaceKind::Region);
    let syria = Gazetteer::embedded().country("SY").unwrap();
    assert!(n.place.lat > syria.lat + 0.5, "{n:?} vs {syria:?}");
    assert!((n.place.lon - syria.lon).abs() < 0.01);
}

#[test]
fn country_as_actor_is_not_a_place() {
    let ms = run(&[("Russia said it would respond.", &["Russia"])], &["RUS"]).remove(0);
    assert!(ms.is_empty(), "{ms:#?}");
    let s = "Russia vowed to respond to Ukrainian demands.";
    let t = toks(s);
    let found = Gazetteer::embedded().scan(s, &t, &[(0, 1)]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found.iter().all(PlaceMatch::context_only));
    let ms = run(
        &[("Russia deployed troops in Russia's south.", &["Russia"])],
        &[],
    )
    .remove(0);
    assert_eq!(ms.len(), 1, "{ms:#?}");
}

#[test]
fn metonymic_city_is_not_a_place() {
    let ms = one("Moscow denied the report, while Kyiv said it was true.");
    assert!(ms.is_empty(), "{ms:#?}");
    let ms = one("The report was denied in Moscow.");
    assert_eq!(find(&ms, "Moscow").place.country.as_deref(), Some("RU"));
}

#[test]
fn lists_relational_coasts_and_names() {
    let ms = one("Protests were held in Jerusalem, Nablus and Ramallah.");
    for w in ["Jerusalem", "Nablus", "Ramallah"] {
        find(&ms, w);
    }
    let ms = one("Pirates seized a tanker off the coast of Somalia.");
    let s = find(&ms, "off the coast of Somalia");
    assert!(s.relational);
    assert_eq!(s.place.country.as_deref(), Some("SO"));
    let ms = one("Barack Obama and Vladimir Putin will meet in Zurich.");
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(find(&ms, "Zurich").place.country.as_deref(), Some("CH"));
    let ms = one("Activists unfurled Free Tibet banners in Asia.");
    assert_eq!(find(&ms, "Asia").place.feature_id, "vigil:asia");
    assert!(ms.iter().all(|m| m.text != "Free"), "{ms:#?}");
}

#[test]
fn in_russia_is_a_place() {
    // Even when the actor dictionary also matched the word.
    let ms = run(&[("Protests spread in Russia.", &["Russia"])], &[]).remove(0);
    let r = find(&ms, "Russia");
    assert_eq!(r.place.kind, PlaceKind::Country);
    assert_eq!(r.place.country.as_deref(), Some("RU"));
    assert!(r.place.feature_id.starts_with("geonames:"));
}

#[test]
fn georgia_by_context() {
    let art = [
        (
            "Officials in Tbilisi accused Russia of provocations.",
            &[][..],
        ),
        ("Elections were held in Georgia on Saturday.", &[]),
    ];
    let ms = run(&art, &[]);
    let g = find(&ms[1], "Georgia");
    assert_eq!(g.place.kind, PlaceKind::Country);
    assert_eq!(g.place.country.as_deref(), Some("GE"));

    let art = [
        ("Voters lined up in Atlanta before dawn.", &[][..]),
        (
            "Early voting in Georgia broke records, the United States election officials said.",
            &[],
        ),
    ];
    let ms = run(&art, &["USAGOV"]);
    let g = find(&ms[1], "Georgia");
    assert_eq!(g.place.kind, PlaceKind::Admin1, "{g:#?}");
    assert_eq!(g.place.country.as_deref(), Some("US"));
    assert_eq!(g.place.adm1.as_deref(), Some("US.GA"));
    assert!(g.why.starts_with("article context"), "{}", g.why);

    // One US city alone ties with the country's prior: the country keeps it.
    let art = [
        ("Voters lined up in Atlanta before dawn.", &[][..]),
        ("Turnout in Georgia was high.", &[]),
    ];
    let ms = run(&art, &[]);
    assert_eq!(find(&ms[1], "Georgia").place.kind, PlaceKind::Country);

    // A qualifier: "Atlanta, Georgia" is the US city, the state not taken for the country.
    let ms = one("The rally in Atlanta, Georgia drew thousands.");
    let a = find(&ms, "Atlanta, Georgia");
    assert_eq!(a.place.kind, PlaceKind::City);
    assert_eq!(a.place.adm1.as_deref(), Some("US.GA"));
}

#[test]
fn paris_default_and_qualified() {
    let ms = one("The talks were held in Paris on Friday.");
    let p = find(&ms, "Paris");
    assert_eq!(p.place.country.as_deref(), Some("FR"));
    assert_eq!(p.place.kind, PlaceKind::City);

    let ms = one("A tornado struck Paris, Texas, on Sunday.");
    let p = find(&ms, "Paris, Texas");
    assert_eq!(p.place.country.as_deref(), Some("US"));
    assert_eq!(p.place.adm1.as_deref(), Some("US.TX"));
    assert_eq!(p.why, "qualified by Texas");

    // A US-heavy article does not move Paris to Texas on country evidence alone.
    let ms = run(
        &[("US officials met their counterparts in Paris.", &[][..])],
        &["USAGOV", "USAMIL", "USA"],
    );
    assert_eq!(find(&ms[0], "Paris").place.country.as_deref(), Some("FR"));
}

#[test]
fn tripoli_by_context() {
    let ms = one("Clashes erupted in Tripoli overnight.");
    assert_eq!(find(&ms, "Tripoli").place.country.as_deref(), Some("LY"));

    let art = [
        ("The Lebanese army deployed in Beirut.", &[][..]),
        ("Clashes erupted in Tripoli overnight.", &[]),
    ];
    let ms = run(&art, &["LBNMIL"]);
    let t = find(&ms[1], "Tripoli");
    assert_eq!(t.place.country.as_deref(), Some("LB"), "{t:#?}");
    assert_eq!(t.why, "article context: LB");

    let art = [
        (
            "Fighters loyal to the Libyan government entered Misrata.",
            &[][..],
        ),
        ("Clashes erupted in Tripoli overnight.", &[]),
    ];
    let ms = run(&art, &[]);
    assert_eq!(find(&ms[1], "Tripoli").place.country.as_deref(), Some("LY"));
}

#[test]
fn kharkiv_coordinates_and_full_name() {
    let ms = one("Missiles struck Kharkiv early on Thursday.");
    let k = find(&ms, "Kharkiv");
    assert_eq!(k.place.kind, PlaceKind::City);
    assert!(km((k.place.lat, k.place.lon), (49.99, 36.23)) < 100.0);
    assert_eq!(k.place.adm1.as_deref(), Some("UA.07"));
    assert!(
        k.place.full_name.ends_with("Ukraine"),
        "{}",
        k.place.full_name
    );
    assert_eq!(k.place.feature_id, "geonames:706483");
    // "the Kharkiv region" is the oblast.
    let ms = one("Villages in the Kharkiv region were shelled.");
    let r = find(&ms, "Kharkiv region");
    assert_eq!(r.place.kind, PlaceKind::Admin1);
    assert_eq!(r.place.adm1.as_deref(), Some("UA.07"));
}

#[test]
fn common_word_cities_not_matched() {
    for s in [
        "Police said the march was peaceful.",
        "The Union of Journalists said it would split.",
        "Mobile phone networks were down.",
        "Nice weather helped the rescuers, who hope to finish soon.",
        "Independence Day parades were cancelled.",
        "He was one of the leaders Of the protest.",
        "Split between factions, the Bar Association voted.",
    ] {
        let ms = one(s);
        assert!(ms.is_empty(), "{s}: {ms:#?}");
    }
    // But after a locative preposition mid-sentence, they are places.
    let ms = one("The ferry docked in Split on Monday.");
    assert_eq!(find(&ms, "Split").place.country.as_deref(), Some("HR"));
    let ms = one("A storm hit the port city of Mobile.");
    assert_eq!(find(&ms, "Mobile").place.country.as_deref(), Some("US"));
}

#[test]
fn person_names_not_places() {
    let ms = one("The statue of George Washington was removed.");
    assert!(ms.is_empty(), "{ms:#?}");
    let ms = one("President Jackson signed the act.");
    assert!(ms.is_empty(), "{ms:#?}");
    let ms = one("The delegation arrived in Washington on Monday.");
    let w = find(&ms, "Washington");
    assert_eq!(w.place.country.as_deref(), Some("US"));
    assert_eq!(w.place.kind, PlaceKind::City);
    assert_eq!(w.place.adm1.as_deref(), Some("US.DC"));
}

#[test]
fn kyiv_and_kiev() {
    let a = find(&one("Talks resumed in Kyiv."), "Kyiv").place.clone();
    let b = find(&one("Talks resumed in Kiev."), "Kiev").place.clone();
    assert_eq!(a, b);
    assert_eq!(a.feature_id, "geonames:703448");
    let c = find(&one("Talks resumed in Kyïv."), "Kyïv").place.clone();
    assert_eq!(a, c);
}

#[test]
fn multi_word_and_the() {
    let ms = one("Ships crossed the Strait of Hormuz and the Gulf of Aden.");
    assert_eq!(
        find(&ms, "the Strait of Hormuz").place.kind,
        PlaceKind::Water
    );
    assert_eq!(find(&ms, "the Gulf of Aden").place.kind, PlaceKind::Water);
    let ms = one("She flew to New York and then to the United States capital.");
    assert_eq!(find(&ms, "New York").place.kind, PlaceKind::City);
    let ms = one("Rockets were fired from the Gaza Strip into southern Israel.");
    assert_eq!(
        find(&ms, "the Gaza Strip").place.feature_id,
        "vigil:gaza-strip"
    );
    let s = find(&ms, "southern Israel");
    assert_eq!(s.place.kind, PlaceKind::Region);
    assert_eq!(s.place.country.as_deref(), Some("IL"));
}

#[test]
fn country_codes() {
    let g = Gazetteer::embedded();
    for (code, iso2) in [
        ("UA", "UA"),
        ("UKR", "UA"),
        ("ROM", "RO"),
        ("ROU", "RO"),
        ("KSV", "XK"),
        ("usa", "US"),
    ] {
        let p = g.country(code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(p.country.as_deref(), Some(iso2));
        assert_eq!(p.kind, PlaceKind::Country);
    }
    assert!(g.country("XYZ").is_none());
    let ua = g.country("UKR").unwrap();
    assert!(km((ua.lat, ua.lon), (49.0, 31.5)) < 400.0, "{ua:?}");
}

#[test]
fn spans_slice_the_text() {
    let s = "Shelling near Kharkiv, Ukraine, and in the Sea of Azov.";
    for m in one(s) {
        assert_eq!(&s[m.span.start as usize..m.span.end as usize], m.text);
    }
}

/// Throughput of scan + observe + resolve over the seed article (run with --ignored).
#[test]
#[ignore]
fn bench_scan() {
    let text = include_str!("../../../../data/eval/seed.txt");
    let sents = vigil_text::analyse(text, None);
    let g = Gazetteer::embedded();
    let t = std::time::Instant::now();
    let rounds = 2000;
    let mut found = 0;
    for _ in 0..rounds {
        let mut ctx = GeoContext::default();
        let ms: Vec<Vec<PlaceMatch>> = sents.iter().map(|s| g.scan(text, &s.tokens, &[])).collect();
        for m in ms.iter().flatten() {
            g.observe(m, &mut ctx);
        }
        found += ms
            .iter()
            .flatten()
            .filter_map(|m| g.resolve(m, &ctx))
            .count();
    }
    let n = sents.len() * rounds;
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} sentences in {secs:.3}s: {:.0} sentences/s, {} mentions/round",
        n,
        n as f64 / secs,
        found / rounds
    );
    for s in &sents {
        for m in g.scan(text, &s.tokens, &[]) {
            eprintln!(
                "{:?}",
                g.resolve(&m, &GeoContext::default()).map(|p| (
                    p.text,
                    p.place.full_name,
                    p.relational,
                    p.why
                ))
            );
        }
    }
}

#[test]
#[ignore]
fn bench_load() {
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let d = data::Data::load();
        eprintln!("load {:?} ({} names)", t.elapsed(), d.names.len());
    }
}

/// Prints the mentions found in the file named by VIGIL_PLACES_FILE (one record a line).
#[test]
#[ignore]
fn dump_file() {
    let Ok(path) = std::env::var("VIGIL_PLACES_FILE") else {
        return;
    };
    let all = std::fs::read_to_string(path).unwrap();
    let g = Gazetteer::embedded();
    for text in all.lines() {
        let sents = vigil_text::analyse(text, None);
        let mut ctx = GeoContext::default();
        let ms: Vec<PlaceMatch> = sents
            .iter()
            .flat_map(|s| g.scan(text, &s.tokens, &[]))
            .collect();
        for m in &ms {
            g.observe(m, &mut ctx);
        }
        for m in &ms {
            if let Some(p) = g.resolve(m, &ctx) {
                println!(
                    "{}\t{}\t{:?}\t{}\t{}",
                    p.text,
                    p.place.full_name,
                    p.place.kind,
                    if p.relational { "REL" } else { "" },
                    p.why
                );
            }
        }
    }
}

#[test]
fn city_of_lists_movement_and_months() {
    let names = |text: &str| -> Vec<String> {
        let toks = toks(text);
        let g = Gazetteer::embedded();
        let ctx = GeoContext::default();
        let actors: Vec<(usize, usize)> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.upper.as_str(), "KHARKIV" | "MALI" | "NIGER" | "PARIS"))
            .map(|(i, _)| (i, i + 1))
            .collect();
        g.scan(text, &toks, &actors)
            .iter()
            .filter_map(|m| g.resolve(m, &ctx))
            .map(|p| p.place.name)
            .collect()
    };
    // Names the actor dictionary also knows, made places by what comes before them.
    assert_eq!(
        names("Shells hit the eastern city of Kharkiv overnight."),
        ["Kharkiv"]
    );
    assert_eq!(
        names("Troops remain in Chad, Mali and Niger."),
        ["Chad", "Mali", "Niger"]
    );
    assert_eq!(
        names("The minister will travel to Paris next week."),
        ["Paris"]
    );
    // A month is a time, not the English town of March.
    assert!(names("The talks resumed in March.").is_empty());
}

#[test]
fn held_places_modifiers_and_divisions() {
    let found = |text: &str| -> Vec<(String, Option<String>, PlaceKind)> {
        let toks = toks(text);
        let g = Gazetteer::embedded();
        let mut ctx = GeoContext::default();
        let ms = g.scan(text, &toks, &[]);
        for m in &ms {
            g.observe(m, &mut ctx);
        }
        ms.iter()
            .filter_map(|m| g.resolve(m, &ctx))
            .map(|p| (p.text, p.place.country, p.place.kind))
            .collect()
    };
    // A disputed region gets the country of its "-administered" prefix.
    assert_eq!(
        found("Shelling was reported in Pakistan-administered Kashmir."),
        [(
            "Pakistan-administered Kashmir".to_string(),
            Some("PK".to_string()),
            PlaceKind::Region
        )]
    );
    // "the US state of Georgia": the state, and "the US" only says where it is.
    let f = found("Protesters marched in the US state of Georgia.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].1.as_deref(), f[0].2), (Some("US"), PlaceKind::Admin1));
}

/// Scans one sentence, tagged, with actor ranges given by their words; returns each
/// match with its resolution.
fn scanned(s: &str, actors: &[&str]) -> Vec<(PlaceMatch, Option<PlaceMention>)> {
    let g = Gazetteer::embedded();
    let mut t = toks(s);
    vigil_text::Tagger::embedded().tag(&mut t);
    let a: Vec<(usize, usize)> = actors.iter().map(|w| range(&t, w)).collect();
    let ms = g.scan(s, &t, &a);
    let mut ctx = GeoContext::default();
    for m in &ms {
        g.observe(m, &mut ctx);
    }
    ms.into_iter()
        .map(|m| {
            let r = g.resolve(&m, &ctx);
            (m, r)
        })
        .collect()
}

#[test]
fn compass_nouns_name_direction_regions() {
    let ms = one("Rebels attacked a garrison in the east of Chad on Monday.");
    let m = find(&ms, "the east of Chad");
    assert_eq!(m.place.name, "eastern Chad");
    assert_eq!(m.place.kind, PlaceKind::Region);
    assert_eq!(m.place.country.as_deref(), Some("TD"));
    let ms = one("Gunmen raided two villages in Mali's north.");
    let m = find(&ms, "Mali's north");
    assert_eq!(m.place.name, "northern Mali");
    // "the North of the country" is a part of the article's country, not a division
    // named North.
    assert!(one("Floods displaced thousands in the North of the country.").is_empty());
}

#[test]
fn prepositions_reach_past_direction_words_and_appositions() {
    // Tbilisi is an actor word ("Tbilisi said"), but here the place where it happened.
    let ms = scanned(
        "Riot police detained dozens of marchers in central Tbilisi.",
        &["Tbilisi"],
    );
    let (m, r) = &ms[0];
    assert!(m.locative());
    assert_eq!(r.as_ref().unwrap().place.country.as_deref(), Some("GE"));
    let ms = scanned(
        "Voters queued for hours in the capital, Lusaka, as results trickled in.",
        &["Lusaka"],
    );
    let (m, r) = &ms[0];
    assert!(m.locative());
    assert_eq!(r.as_ref().unwrap().place.country.as_deref(), Some("ZM"));
}

#[test]
fn a_town_after_a_verb_of_attack_and_a_trip_s_destination_are_places() {
    // Jenin has fewer than 50,000 people: without the verb it would need a preposition.
    let ms = one("Soldiers raided Jenin before dawn.");
    let m = find(&ms, "Jenin");
    assert_eq!(m.place.country.as_deref(), Some("PS"));
    let ms = scanned("The envoy began a week-long trip to Baghdad.", &["Baghdad"]);
    let (m, r) = &ms[0];
    assert!(m.locative());
    assert_eq!(r.as_ref().unwrap().place.country.as_deref(), Some("IQ"));
}

#[test]
fn a_name_that_only_modifies_a_noun_is_not_locative() {
    let ms = scanned(
        "Envoys debated the Tigray conflict at a meeting in Nairobi.",
        &[],
    );
    let tigray = ms
        .iter()
        .find(|(m, _)| m.text().ends_with("Tigray"))
        .unwrap();
    assert!(tigray.0.modifier() && !tigray.0.locative());
    let nairobi = ms.iter().find(|(m, _)| m.text() == "Nairobi").unwrap();
    assert!(nairobi.0.locative() && !nairobi.0.modifier());
}

#[test]
fn the_dateline_chooses_between_same_named_towns() {
    let g = Gazetteer::embedded();
    let s = "Farmers blocked the roads into Cordoba with tractors.";
    let t = toks(s);
    let ms = g.scan(s, &t, &[]);
    // Alone, the largest Cordoba (Argentina's) wins…
    let alone = g.resolve(&ms[0], &GeoContext::default()).unwrap();
    assert_eq!(alone.place.country.as_deref(), Some("AR"));
    // …in a story datelined in Andalusia, the Spanish one.
    let mut ctx = GeoContext::default();
    ctx.begin_record("SEVILLE, Spain (Reuters) - Farmers protested for a third day.");
    let placed = g.resolve(&ms[0], &ctx).unwrap();
    assert_eq!(placed.place.country.as_deref(), Some("ES"));
    assert!(placed.why.starts_with("article context"), "{}", placed.why);
}

#[test]
fn a_countrys_capital_named_by_its_demonym() {
    let ms = one("Protesters gathered in the Egyptian capital on Friday.");
    let m = find(&ms, "the Egyptian capital");
    assert_eq!(
        (m.place.name.as_str(), m.why.as_str()),
        ("Cairo", "capital")
    );
    let ms = one("Talks resumed in Kenya's capital after a week.");
    assert_eq!(find(&ms, "Kenya's capital").place.name, "Nairobi");
}

#[test]
fn out_of_a_country_is_a_place() {
    // Mali is an actor word; "out of" makes it the place left.
    let ms = scanned("The last foreign troops moved out of Mali.", &["Mali"]);
    let (m, r) = &ms[0];
    assert!(m.locative());
    assert_eq!(r.as_ref().unwrap().place.country.as_deref(), Some("ML"));
}

#[test]
fn an_actor_named_by_a_towns_alternate_name_is_no_place() {
    // "Hamas" is among Hamm's alternate names; after a verb it is still the group.
    let ms = scanned("Israeli jets struck Hamas positions in Gaza.", &["Hamas"]);
    let resolved: Vec<_> = ms.iter().filter_map(|(_, r)| r.as_ref()).collect();
    assert!(
        resolved
            .iter()
            .all(|r| r.place.country.as_deref() != Some("DE")),
        "{resolved:?}"
    );
    assert!(
        resolved
            .iter()
            .any(|r| r.place.country.as_deref() == Some("PS")),
        "{resolved:?}"
    );
}

#[test]
fn congo_alone_is_the_democratic_republic() {
    let ms = one("Rebels seized two towns in eastern Congo on Monday.");
    assert!(
        ms.iter().any(|m| m.place.country.as_deref() == Some("CD")),
        "{ms:?}"
    );
}
