//! The event coder: recognise actors and verbs in news sentences and code them as CAMEO
//! events, each with the provenance that explains it.
//!
//! The coder is a pure function of its input and the loaded dictionaries: no I/O, no
//! global state, so it runs in parallel over articles and embeds anywhere.
//!
//! ```text
//! sentence ─ text::tokenize + tag ─▶ View ─ mentions::find ─▶ actors
//!                                        └─ verbs::find ─▶ verb hits ─ patterns ─▶ codes
//!                                              roles (subject, object, passive, pronouns)
//!                                              rules (future, negation, reported speech)
//! ```

mod annotate;
mod assemblies;
mod attribution;
mod diagnose;
mod evaluations;
mod event_nouns;
mod expulsions;
mod grammar;
mod mentions;
mod nominals;
mod patterns;
mod quotes;
mod roles;
mod rules;
mod sides;
mod story;
mod verbs;
mod view;
mod weapons;

pub use diagnose::FILTERED;
pub use rules::{Governs, Implied, Rules};

use mentions::{Member, Mention, MentionKind};
use std::sync::Arc;
use vigil_dict::{CodePair, DictSet};
use vigil_model::{ActorRef, Article, Event, EventCodes, Pos, Provenance, Span, Token};
use vigil_text::Tagger;

/// Which coding conventions apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Profile {
    /// CAMEO as the codebook and Vigil's guideline read it: announced acts are intentions
    /// (03x) or threats (13x), negated acts are not coded (a refusal is a rejection),
    /// predictions are not coded, a reporting verb attributes the event it reports.
    #[default]
    Cameo,
    /// Verbs coded as written, as TABARI and PETRARCH-1 did: only dictionary patterns
    /// change a code. The PETRARCH validation suite was written for this.
    Literal,
}

/// Settings of the coder.
#[derive(Clone, Debug)]
pub struct CoderConfig {
    /// Code only events with both a source and a target (PETRARCH's `require_dyad`).
    pub require_dyad: bool,
    /// Coding conventions.
    pub profile: Profile,
    /// Also find attribution, times, places and quantity claims (`false` codes events
    /// only, as the coder-only benchmark does).
    pub annotate: bool,
    /// Diagnostics (`vigil eval --misses`): also emit the acts that negation, a prediction
    /// or a discard phrase drops, each with a rule starting with [`FILTERED`] saying why.
    pub keep_filtered: bool,
    /// With `annotate`, also gather quantity claims ("70,000 troops") and every sentence's
    /// time expressions as facts of their own, as `ingest` stores them and `eval` scores
    /// them. Events are dated, attributed and located either way; `vigil code` without
    /// `--claims` prints no facts, so it spares itself the search.
    pub facts: bool,
}

impl Default for CoderConfig {
    fn default() -> Self {
        CoderConfig {
            require_dyad: true,
            profile: Profile::Cameo,
            annotate: true,
            keep_filtered: false,
            facts: true,
        }
    }
}

/// The event coder.
pub struct Coder {
    dicts: Arc<DictSet>,
    rules: Rules,
    index: patterns::PatternIndex,
    nouns: event_nouns::EventNouns,
    sides: sides::Sides,
    tagger: &'static Tagger,
    config: CoderConfig,
}

/// Context carried from sentence to sentence within one article.
#[derive(Clone, Debug, Default)]
pub struct ArticleContext {
    /// The actors the last sentence was about (for "he", "they").
    last_subject: Vec<Member>,
    /// Set when a story-level discard phrase was seen: nothing more is coded.
    discarded: bool,
    /// Short forms of names the article introduced.
    aliases: mentions::Aliases,
    /// The actor who last accused, demanded or threatened: a denial or rejection with no
    /// other party answers them.
    last_accuser: Option<Member>,
    /// The speaker of the last quotation, for a following sentence that is all quote.
    last_speaker: Option<Vec<Member>>,
    /// The attribution of the last quotation whose speaker was named.
    last_quote: Option<vigil_model::Attribution>,
    /// What the article said so far about where it is (for same-named places).
    geo: vigil_extract::places::GeoContext,
    /// Where the story is, for parties an act implies but the text leaves unnamed.
    story: story::StoryPlace,
    /// The source of the story's latest material conflict: what criticism with no other
    /// party is about ("condemned the attack").
    last_aggressor: Option<Member>,
    /// The target of that act: whom a claim of responsibility with no other party is
    /// about ("the group claimed responsibility").
    last_victim: Option<Member>,
    /// The source of the story's latest act (not a statement, appeal, intention, demand,
    /// accusation or threat): what praise, criticism or a threat with no other party is
    /// about ("welcomed the decision", "called the move regrettable", "vowed retaliation").
    last_actor: Option<Member>,
    /// The two countries the story's events were last about ("both sides").
    parties: Vec<Member>,
}

/// Everything the coder found in one record.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    /// Events, in sentence order.
    pub events: Vec<Event>,
    /// Quantity claims.
    pub claims: Vec<vigil_model::Claim>,
    /// Places, as (sentence, mention).
    pub places: Vec<(usize, vigil_model::PlaceMention)>,
    /// Time expressions, as (sentence, expression).
    pub times: Vec<(usize, vigil_model::TimeExpr)>,
}

/// Why a sentence produced no events, when that was decided before coding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    /// A sentence-level discard phrase matched.
    Sentence(String),
    /// A story-level discard phrase matched (this and the rest of the article).
    Story(String),
}

/// The outcome of coding one sentence.
#[derive(Clone, Debug, Default)]
pub struct SentenceResult {
    /// Events, in the order of their verbs.
    pub events: Vec<Event>,
    /// Set when the sentence was skipped.
    pub skipped: Option<Skip>,
    /// Who asserts what the sentence says (the speakers of its quotations, reporting
    /// verbs, "according to").
    pub attributions: Vec<vigil_model::Attribution>,
    /// Its temporal expressions, resolved against the publication date.
    pub times: Vec<vigil_model::TimeExpr>,
    /// The places it names, geocoded (relational phrases such as "near Ukraine" included,
    /// flagged).
    pub places: Vec<vigil_model::PlaceMention>,
    /// Its quantity claims.
    pub claims: Vec<vigil_model::Claim>,
    pending: annotate::Pending,
}

impl SentenceResult {
    fn absorb(&mut self, other: SentenceResult) {
        self.events.extend(other.events);
        self.skipped = self.skipped.take().or(other.skipped);
        self.attributions.extend(other.attributions);
        self.times.extend(other.times);
        self.places.extend(other.places);
        self.claims.extend(other.claims);
        self.pending.absorb(other.pending);
    }
}

struct Draft {
    source: Member,
    source_rule: String,
    target: Member,
    target_rule: String,
    code: String,
    /// The verb hit that gave the event; `None` for a speech act named by a noun.
    hit: Option<usize>,
    /// Tokens of the verb (or noun) that names the act.
    words: (usize, usize),
    pattern: String,
    verb_entry: String,
    rules: Vec<String>,
    /// Who reports the event (the speaker of a quote, the subject of "said"), and how
    /// that was found.
    reported_by: Option<(Member, String)>,
}

impl Coder {
    /// A coder over `dicts` with the embedded rule tables and tagger.
    pub fn new(dicts: Arc<DictSet>, config: CoderConfig) -> Coder {
        let index = patterns::PatternIndex::new(&dicts);
        Coder {
            dicts,
            rules: Rules::embedded(),
            index,
            nouns: event_nouns::EventNouns::embedded(),
            sides: sides::Sides::embedded(),
            tagger: Tagger::embedded(),
            config,
        }
    }

    /// The settings.
    pub fn config(&self) -> &CoderConfig {
        &self.config
    }

    /// Changes the settings (the validation suite changes them between records).
    pub fn config_mut(&mut self) -> &mut CoderConfig {
        &mut self.config
    }

    /// The dictionaries.
    pub fn dicts(&self) -> &DictSet {
        &self.dicts
    }

    /// Codes the records of one article, in order, carrying context across them.
    pub fn code_article(&self, records: &[Article]) -> Vec<Event> {
        let mut ctx = ArticleContext::default();
        let mut out = Vec::new();
        for r in records {
            for s in self.code_record(r, &mut ctx) {
                out.extend(s.events);
            }
        }
        out
    }

    /// Codes the records of one article, in order, carrying context across them, and
    /// gathers each record's events, claims, places and times.
    pub fn code_records(&self, records: &[Article]) -> Vec<Coded> {
        let mut ctx = ArticleContext::default();
        records
            .iter()
            .map(|r| {
                let mut out = Coded::default();
                for (i, s) in self.code_record(r, &mut ctx).into_iter().enumerate() {
                    out.events.extend(s.events);
                    out.claims.extend(s.claims);
                    out.places.extend(s.places.into_iter().map(|p| (i, p)));
                    out.times.extend(s.times.into_iter().map(|t| (i, t)));
                }
                out
            })
            .collect()
    }

    /// Codes one record, sentence by sentence.
    pub fn code_record(&self, record: &Article, ctx: &mut ArticleContext) -> Vec<SentenceResult> {
        let sentences = vigil_text::split_sentences(&record.text);
        let mut out = Vec::with_capacity(sentences.len());
        for (index, span) in sentences.into_iter().enumerate() {
            let mut tokens = vigil_text::tokenize(&record.text, span);
            quotes::drop_scare_quotes(&record.text, &mut tokens);
            let mut result = SentenceResult::default();
            for piece in pieces(&tokens) {
                let mut piece = piece.to_vec();
                let ids = view::word_ids(&piece, &self.dicts);
                // Tagging is the costliest step; a sentence with no dictionary verb, or with
                // no word that could name a party, cannot produce an event, and its actors
                // are found without tags.
                if self.could_code(&piece, &ids) {
                    self.tagger.tag(&mut piece);
                    verbs::past_forms_are_verbs(&mut piece, &ids, &self.dicts.verbs);
                }
                let piece_span = if piece.len() == tokens.len() {
                    span
                } else {
                    Span::new(
                        piece[0].span.start as usize,
                        piece[piece.len() - 1].span.end as usize,
                    )
                };
                let r = self.code_view(record, index, piece_span, &piece, ids, ctx);
                result.absorb(r);
            }
            out.push(result);
        }
        if self.config.annotate {
            annotate::finish(record, ctx, &mut out);
        }
        out
    }

    /// Codes one tokenized, tagged sentence of `record`.
    pub fn code_sentence(
        &self,
        record: &Article,
        index: usize,
        span: Span,
        tokens: &[Token],
        ctx: &mut ArticleContext,
    ) -> SentenceResult {
        let ids = view::word_ids(tokens, &self.dicts);
        self.code_view(record, index, span, tokens, ids, ctx)
    }

    fn code_view(
        &self,
        record: &Article,
        index: usize,
        span: Span,
        tokens: &[Token],
        ids: Vec<Option<vigil_dict::WordId>>,
        ctx: &mut ArticleContext,
    ) -> SentenceResult {
        let mut result = SentenceResult::default();
        if ctx.discarded && !self.config.keep_filtered {
            result.skipped = Some(Skip::Story("story discarded earlier".into()));
            return result;
        }
        let view = view::View::with_ids(&record.text, tokens, ids);
        if let Some(skip) = self.discard(&view).filter(|_| !self.config.keep_filtered) {
            if let Skip::Story(_) = skip {
                ctx.discarded = true;
            } else if self.config.annotate {
                // A sentence not coded for events (history: "since 1954") still says when,
                // where and how many. Its names must not change how later sentences are
                // coded, so they go into a copy of the article's aliases.
                let mut aliases = ctx.aliases.clone();
                let mentions = mentions::find(&view, &self.dicts, record.date, &mut aliases);
                annotate::sentence(
                    record,
                    &view,
                    &mentions,
                    &quotes::Speech::default(),
                    None,
                    &actor_code,
                    self.config.facts,
                    ctx,
                    &mut result,
                );
            }
            result.skipped = Some(skip);
            return result;
        }
        // Diagnostics: a discarded sentence is coded all the same, on a copy of the context
        // (as if it had been skipped).
        let mut scratch;
        let (ctx, dropped) = match self.kept_discard(&view, ctx) {
            Some(why) => {
                scratch = ctx.clone();
                (&mut scratch, Some(why))
            }
            None => (ctx, None),
        };
        let mut mentions = mentions::find(&view, &self.dicts, record.date, &mut ctx.aliases);
        // "LIMA (Reuters) -": the dateline says where the report was filed and by whom;
        // its words are no party to what the sentence tells.
        // Only the first sentences can open with one (the second after a headline).
        let dateline_end = if index <= 1 {
            story::dateline_end(&view)
        } else {
            None
        };
        let dateline: Vec<Mention> = match dateline_end {
            Some(end) => {
                let (before, after) = mentions.into_iter().partition(|m| m.start < end);
                mentions = after;
                before
            }
            None => Vec::new(),
        };
        roles::resolve_pronouns(&mut mentions, ctx);
        if self.config.profile == Profile::Cameo {
            self.sides.resolve(&view, &mut mentions, &ctx.parties);
        }
        ctx.story.observe(&view, &mentions, &dateline);
        if self.config.profile == Profile::Cameo {
            roles::anchor_agents(&view, &mut mentions, ctx);
        }
        let speech = if self.config.profile == Profile::Cameo {
            quotes::find(&view, &self.dicts, &mentions)
        } else {
            quotes::Speech::default()
        };
        let speaker = self.attribute_quotes(&view, &speech, &mut mentions, ctx);
        let quote_speaker = match speech.speaker {
            Some(m) => mentions[m]
                .members
                .first()
                .map(|x| (mentions[m].start, mentions[m].end, x.clone())),
            None => speaker
                .as_ref()
                .and_then(|s| s.first())
                .map(|x| (0, 0, x.clone())),
        };
        let hits = verbs::find(&view, &self.dicts, &mentions);
        let (mut drafts, covered) = self.code_hits(&view, &mentions, &hits, ctx);
        if self.config.profile == Profile::Cameo {
            self.code_nominals(&view, &mentions, &hits, &covered, ctx, &mut drafts);
        }
        if self.config.profile == Profile::Cameo {
            self.code_under_fire(&view, &mentions, ctx, &mut drafts);
            self.code_clashes_between(&view, &mentions, &mut drafts);
            self.code_drew_criticism(&view, &mentions, ctx, &mut drafts);
            self.code_sent_home(&view, &mentions, &hits, ctx, &mut drafts);
        }
        if self.config.profile == Profile::Cameo
            && let Some((_, _, who)) = &quote_speaker
        {
            self.code_judging_quote(&view, &speech, who, &mentions, ctx, &mut drafts);
        }
        if self.config.profile == Profile::Cameo {
            let quoted = quote_speaker.as_ref().map(|(_, _, who)| who);
            self.code_blame(&view, &speech, quoted, &mentions, &hits, ctx, &mut drafts);
        }
        self.attribute_reports(&view, &speech, speaker, &mentions, &hits, &mut drafts);
        let (drafts, filtered) = diagnose::split_filtered(drafts, dropped.as_deref());
        if let Some(d) = drafts
            .iter()
            .rev()
            .find(|d| ["10", "11", "13"].iter().any(|r| d.code.starts_with(r)))
        {
            let mut accuser = d.source.clone();
            (accuser.start, accuser.end) = (0, 0);
            ctx.last_accuser = Some(accuser);
        }
        if let Some(d) = drafts.iter().rev().find(|d| {
            d.source.has_actor()
                && matches!(
                    d.code.get(..2),
                    Some("14" | "15" | "17" | "18" | "19" | "20")
                )
        }) {
            let mut aggressor = d.source.clone();
            (aggressor.start, aggressor.end) = (0, 0);
            ctx.last_aggressor = Some(aggressor);
            let mut victim = d.target.clone();
            (victim.start, victim.end) = (0, 0);
            ctx.last_victim = victim.has_actor().then_some(victim);
        }
        if let Some(d) = drafts.iter().rev().find(|d| {
            d.source.has_actor()
                && !matches!(
                    d.code.get(..2),
                    Some("01" | "02" | "03" | "10" | "11" | "12" | "13")
                )
        }) {
            let mut actor = d.source.clone();
            (actor.start, actor.end) = (0, 0);
            ctx.last_actor = Some(actor);
        }
        sides::remember(
            &mut ctx.parties,
            drafts
                .iter()
                .flat_map(|d| [d.source.clone(), d.target.clone()]),
        );
        // The actors this sentence is about carry over to the next one.
        if let Some(d) = drafts.first() {
            ctx.last_subject = vec![d.source.clone()];
        } else if let Some(m) = mentions.iter().find(|m| m.kind == MentionKind::Named) {
            ctx.last_subject = m.members.clone();
        }
        let mut seen: Vec<(String, String, String)> = Vec::new();
        for d in drafts.into_iter().chain(filtered) {
            let key = (d.source.code(), d.target.code(), d.code.clone());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let event = self.event(record, index, span, &view, d);
            // A country's government acting on that government ("Kenya … resume ties and
            // reopen *embassies*", the embassies read as Kenya's): no party acts on itself.
            if !event.source.is_empty() && event.source == event.target {
                continue;
            }
            result.events.push(event);
        }
        if self.config.annotate {
            annotate::sentence(
                record,
                &view,
                &mentions,
                &speech,
                quote_speaker.as_ref().map(|(a, b, m)| (*a, *b, m)),
                &actor_code,
                self.config.facts,
                ctx,
                &mut result,
            );
        }
        result
    }

    /// Whether a sentence can give an event at all: it needs a dictionary verb (or a noun
    /// naming a speech act) and a word
    /// that could name a party (an actor or agent word, a pronoun, a capitalised word that
    /// may be a short name or plural of one).
    fn could_code(&self, tokens: &[Token], ids: &[Option<vigil_dict::WordId>]) -> bool {
        let d = &self.dicts;
        let verb = self.event_word(tokens, ids);
        verb && tokens.iter().zip(ids).enumerate().any(|(k, (t, id))| {
            id.is_some_and(|id| d.actors.trie.starts_with_word(id) || d.agents.trie.starts_with_word(id))
                || grammar::is_actor_pronoun(&t.upper)
                // A capitalised word no dictionary knows may be a short name; the first word
                // of a sentence is capitalised anyway, so it counts only when unknown.
                || (t.text.chars().next().is_some_and(char::is_uppercase) && (k > 0 || id.is_none()))
        })
    }

    /// Whether a sentence holds a dictionary verb form, or a noun naming a speech act.
    fn event_word(&self, tokens: &[Token], ids: &[Option<vigil_dict::WordId>]) -> bool {
        ids.iter()
            .flatten()
            .any(|id| self.dicts.verbs.by_word.contains_key(id))
            || (self.config.profile == Profile::Cameo
                && tokens
                    .iter()
                    .any(|t| self.rules.speech_noun(&t.upper).is_some()))
    }

    /// Gives "I" and "we" inside a quotation the quotation's speaker, and remembers the
    /// speaker for a next sentence that is all quote. Returns the speaker.
    fn attribute_quotes(
        &self,
        view: &view::View,
        speech: &quotes::Speech,
        mentions: &mut [Mention],
        ctx: &mut ArticleContext,
    ) -> Option<Vec<Member>> {
        if speech.quotes.is_empty() {
            return None;
        }
        let speaker = match speech.speaker {
            Some(m) => Some(mentions[m].members.clone()),
            // The previous sentence's speaker goes on: positions of that sentence mean
            // nothing here.
            None if speech.opens_with_quote() => ctx.last_speaker.clone().map(|sp| {
                sp.into_iter()
                    .map(|m| Member {
                        start: 0,
                        end: 0,
                        ..m
                    })
                    .collect()
            }),
            None => None,
        };
        if let Some(sp) = &speaker {
            for m in mentions.iter_mut() {
                if m.kind == MentionKind::Pronoun
                    && speech.quoted(m.start)
                    && matches!(view.up(m.start), "I" | "WE")
                {
                    m.members = sp
                        .iter()
                        .map(|x| Member {
                            start: m.start,
                            end: m.end,
                            entries: vec![mentions::Why::Note("the quotation's speaker".into())],
                            ..x.clone()
                        })
                        .collect();
                }
            }
        }
        ctx.last_speaker = speaker.clone();
        speaker
    }

    /// The reporting verbs outside quotations ("said", "told") that have a subject, in
    /// order: (verb hit, subject mention).
    fn reporting_subjects<'a>(
        &'a self,
        view: &'a view::View,
        speech: &'a quotes::Speech,
        mentions: &'a [Mention],
        hits: &'a [verbs::VerbHit],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        hits.iter().enumerate().filter_map(move |(r, h)| {
            if !quotes::is_reporting(&self.dicts, view.up(h.head)) || speech.quoted(h.head) {
                return None;
            }
            let subject = roles::assign(view, mentions, hits, r, None, true).source?;
            Some((r, subject.0))
        })
    }

    /// Records who reports each event: the speaker of the quotation it is in, or the
    /// subject of a reporting verb ("said") in the same sentence.
    fn attribute_reports(
        &self,
        view: &view::View,
        speech: &quotes::Speech,
        speaker: Option<Vec<Member>>,
        mentions: &[Mention],
        hits: &[verbs::VerbHit],
        drafts: &mut [Draft],
    ) {
        let reporter = self
            .reporting_subjects(view, speech, mentions, hits)
            .find_map(|(r, s)| mentions[s].members.first().map(|m| (r, m.clone())));
        for d in drafts.iter_mut() {
            let head = d.words.0;
            if speech.quoted(head) {
                if let Some(sp) = speaker.as_ref().and_then(|s| s.first()) {
                    d.reported_by = Some((sp.clone(), "quotation".into()));
                }
            } else if let Some((r, m)) = &reporter
                && d.hit != Some(*r)
                && d.source.code() != m.code()
            {
                d.reported_by = Some((m.clone(), "reported speech".into()));
            }
        }
    }

    fn discard(&self, view: &view::View) -> Option<Skip> {
        for i in 0..view.len() {
            if let Some((_, ids)) = self.dicts.discards.trie.longest(&view.ids[i..]) {
                let e = &self.dicts.discards.entries[ids[0] as usize];
                let why = format!("{} {}", e.origin, e.phrase);
                return Some(if e.story {
                    Skip::Story(why)
                } else {
                    Skip::Sentence(why)
                });
            }
        }
        None
    }

    fn code_hits(
        &self,
        view: &view::View,
        mentions: &[Mention],
        hits: &[verbs::VerbHit],
        ctx: &ArticleContext,
    ) -> (Vec<Draft>, Vec<(usize, usize)>) {
        let verbs = &self.dicts.verbs;
        let present = self.index.present(view);
        // Best pattern of every verb.
        // Best pattern of every verb, and the form (of the verb's blocks) it belongs to.
        let matches: Vec<Option<(u32, usize, patterns::Match)>> = hits
            .iter()
            .map(|h| {
                // Patterns of the CAMEO profile stay within the verb's clause; TABARI's
                // patterns (literal profile) may reach to the end of the sentence.
                let limit = match self.config.profile {
                    Profile::Cameo => roles::object_limit(view, h.end, true),
                    Profile::Literal => view.len(),
                };
                let mut best: Option<(u32, usize, patterns::Match)> = None;
                for &f in std::iter::once(&h.form).chain(&h.alts) {
                    let bi = verbs.forms[f as usize].block as usize;
                    let block = &verbs.blocks[bi];
                    for pi in self.index.candidates(bi, &present) {
                        let p = &block.patterns[pi];
                        // A null pattern excuses one verb's idiom ("battle Congress",
                        // "fight extremism"); its block-mates keep their sense ("storm
                        // Congress"). So does a verb with a sense of its own.
                        if p.noted_verb.as_ref().is_some_and(|v| {
                            let lemma = &verbs.forms[f as usize].lemma;
                            (p.code.is_null() && v != lemma) || self.rules.foreign_pattern(v, lemma)
                        }) {
                            continue;
                        }
                        let info = self.index.info(bi, pi);
                        if let Some(m) =
                            patterns::try_match(view, &self.index, mentions, h, p, info, limit)
                            && best.as_ref().is_none_or(|(_, _, b)| m.weight > b.weight)
                        {
                            best = Some((f, pi, m));
                        }
                    }
                }
                best
            })
            .collect();
        // Verbs whose words a more specific pattern of another verb took are not coded
        // again; a governing verb of an infinitive is coded through its complement unless
        // one of its own patterns matched.
        let mut consumed = vec![false; hits.len()];
        for (i, m) in matches.iter().enumerate() {
            if let Some((_, _, m)) = m {
                for (j, h) in hits.iter().enumerate() {
                    if i != j && m.covered.iter().any(|&(a, b)| h.head >= a && h.head < b) {
                        consumed[j] = true;
                    }
                }
            }
        }
        let mut governs = vec![None; hits.len()];
        for (j, h) in hits.iter().enumerate() {
            let Some(g) = h.governor else { continue };
            let Some(kind) = self.rules.governs(view.up(g)) else {
                continue;
            };
            if let Some(gi) = hits.iter().position(|x| x.head == g) {
                if matches[gi].is_some() {
                    continue;
                }
                consumed[gi] = true;
            }
            governs[j] = Some(kind);
        }

        let mut drafts = Vec::new();
        // Words the coded verbs' patterns took ("issued *warnings*"): not coded again as nouns.
        let mut covered = Vec::new();
        for (i, h) in hits.iter().enumerate() {
            if consumed[i] {
                continue;
            }
            // "Clashes broke out …", "Fighting erupted …": a plural or an -ing noun opening
            // the sentence that the tagger read as a verb is the subject when a verb
            // follows.
            if h.head == 0
                && view.len() > 1
                && (view.up(0).ends_with('S') || view.up(0).ends_with("ING"))
                && (view.pos(1).is_verb() || view.pos(1).is_aux())
            {
                continue;
            }
            // "rejected *claims* that …", "denied *reports*": a plural right after a
            // verb in the past is its object, whatever the tagger read.
            if h.head > 0
                && h.group_start == h.head
                && view.up(h.head).ends_with('S')
                && view.pos(h.head - 1).is_verb()
                && view.up(h.head - 1).ends_with("ED")
            {
                continue;
            }
            // "a rocket *fired by* militants hit …": the participle only says whose the
            // weapon was; the act is the verb it is the subject of.
            if h.head > 0
                && h.group_start == h.head
                && view.pos(h.head - 1) == Pos::Noun
                && grammar::is_use_participle(view.up(h.head))
                && h.head + 1 < view.len()
                && view.up(h.head + 1) == "BY"
            {
                continue;
            }
            if let Some((_, _, m)) = &matches[i] {
                covered.extend_from_slice(&m.covered);
            }
            let form = match &matches[i] {
                Some((f, _, _)) => &verbs.forms[*f as usize],
                None => &verbs.forms[h.form as usize],
            };
            let block = &verbs.blocks[form.block as usize];
            let next = if h.head + 1 < view.len() {
                view.up(h.head + 1)
            } else {
                ""
            };
            if self.config.profile == Profile::Cameo
                && self.rules.not_act(&form.lemma, view.up(h.head), next)
            {
                continue;
            }
            let (pair, pattern, matched) = match &matches[i] {
                Some((_, pi, m)) => {
                    let p = &block.patterns[*pi];
                    (p.code.clone(), format!("{} {}", p.origin, p.text), Some(m))
                }
                None => (
                    form.code.clone().unwrap_or_else(|| block.default.clone()),
                    "default".to_string(),
                    None,
                ),
            };
            // "launched air strikes on", "signed a truce": a support verb's object noun
            // decides the code (event-nouns.tsv).
            let named = match self.config.profile {
                Profile::Cameo if self.nouns.supports(&form.lemma) && !h.passive => {
                    let after = h.back.last().map_or(h.end, |&b| b + 1).max(h.end);
                    let limit = roles::object_limit(view, after, true);
                    self.nouns.find(view, &form.lemma, after, limit)
                }
                _ => None,
            };
            // "Protests were held in …", "air strikes hit …": the noun is the subject.
            let named = match self.config.profile {
                Profile::Cameo
                    if named.is_none() && self.nouns.takes_subject(&form.lemma, h.passive) =>
                {
                    self.nouns
                        .find_subject(view, &form.lemma, h.group_start, h.passive)
                }
                _ => named,
            };
            // "Chile called the move *regrettable*": a verb of naming with a judgement
            // after it criticises or praises (evaluations.tsv).
            let judged = match self.config.profile {
                Profile::Cameo if named.is_none() && evaluations::naming_verb(view.up(h.head)) => {
                    evaluations::after_naming(view, h.head)
                }
                _ => None,
            };
            // "Protesters gathered outside parliament", "crowds took to the streets": a
            // crowd gathering demonstrates, unless a pattern of the verb says more.
            let gathering = self.config.profile == Profile::Cameo
                && named.is_none()
                && judged.is_none()
                && !h.passive
                && assemblies::gathering_verb(&form.lemma)
                && matches[i].as_ref().is_none_or(|(_, _, m)| m.weight == 0)
                && assemblies::gathering(
                    view,
                    &form.lemma,
                    h.head,
                    h.group_start,
                    roles::subject_head(view, mentions, hits, i),
                    roles::object_limit(view, h.end, true),
                );
            if matches[i].is_none()
                && named.is_none()
                && judged.is_none()
                && !gathering
                && self.config.profile == Profile::Cameo
                && self.rules.bare_no_act(&form.lemma)
            {
                continue;
            }
            // "the conflict has killed 9,000 people": a toll, not an act.
            if self.config.profile == Profile::Cameo
                && h.group_start > 0
                && view.pos(h.group_start - 1) == vigil_model::Pos::Noun
                && self.rules.toll_subject(view.up(h.group_start - 1))
            {
                continue;
            }
            let (pair, pattern, matched) = if gathering {
                (
                    CodePair {
                        active: Some(assemblies::CODE.to_string()),
                        passive: None,
                    },
                    format!("assemblies.tsv {}", view.up(h.head)),
                    None,
                )
            } else {
                (pair, pattern, matched)
            };
            let (pair, pattern, matched) = match judged {
                Some(j) => (
                    CodePair {
                        active: Some(j.code.to_string()),
                        passive: None,
                    },
                    format!("evaluations.tsv {}", view.up(j.word)),
                    None,
                ),
                None => (pair, pattern, matched),
            };
            let (pair, pattern, matched) = match &named {
                Some(n) => {
                    covered.push((n.start, n.end));
                    (
                        CodePair {
                            active: Some(n.code.clone()),
                            passive: n.mutual.then(|| n.code.clone()),
                        },
                        format!("event-nouns.tsv {}", view.words(n.start, n.end)),
                        None,
                    )
                }
                None => (pair, pattern, matched),
            };
            // "I don't accept anyone's red line": a refused acceptance is a rejection even
            // when the verb has no code of its own.
            let refusal = match self.config.profile {
                Profile::Cameo if h.negated => self.rules.refusal(&form.lemma),
                _ => None,
            };
            if pair.active.is_none() && pair.passive.is_none() && refusal.is_none() {
                continue;
            }
            // "Biden-Zelenskyy call expected": an intention whose subject is a meeting is an
            // intention to meet.
            // Only intentions are looked at, so the subject is not searched twice per verb.
            let meeting = self.config.profile == Profile::Cameo
                && pair.active.as_deref().is_some_and(|c| c.starts_with("03"))
                && roles::subject_head(view, mentions, hits, i)
                    .is_some_and(|h| self.rules.meeting_noun(h));
            let pair = if meeting {
                CodePair {
                    active: Some("036".into()),
                    passive: None,
                }
            } else {
                pair
            };
            // A compound subject and no other party: a mutual act when the block says so.
            let pair = match (&matches[i], self.rules.reciprocal(&block.name)) {
                (None, Some(code)) if self.config.profile == Profile::Cameo => CodePair {
                    active: Some(code.to_string()),
                    passive: None,
                },
                _ => pair,
            };
            let specific = matched.is_some_and(|m| m.weight > 0);
            let cameo = self.config.profile == Profile::Cameo;
            let mut roles = roles::assign(view, mentions, hits, i, matched, cameo);
            // "Israeli air strikes hit the port", "protests against the government were
            // held": the subject noun's own phrase names the attacker or protester, and
            // the passive's subject is the act, not its target.
            if let Some(n) = named.as_ref().filter(|n| n.subject) {
                let (s, t) = event_nouns::subject_parties(view, mentions, n, h.group_start);
                if h.passive {
                    roles.target = None;
                }
                if let Some(s) = s {
                    roles.source = Some((s, "event-noun-subject"));
                }
                if let Some(t) = t {
                    roles.target = roles.target.or(Some((t, "event-noun-phrase")));
                }
            }
            // "clashes *between police and rebels*", "talks between the two leaders": the
            // parties after "between" are both sides of the act, each the other's target.
            let between = if cameo {
                roles::between_parties(view, mentions, h, |k| {
                    view.ids[k].is_some_and(|id| verbs.by_word.contains_key(&id))
                })
            } else {
                None
            };
            let between = between.or_else(|| {
                (cameo && roles.source.is_none())
                    .then(|| roles::border_parties(view, mentions, h))
                    .flatten()
            });
            if let Some(b) = between {
                roles.source = Some((b, "between"));
                roles.target = None;
            }
            let mut applied = Vec::new();
            let mut pair = pair;
            // "Six soldiers were killed in a clash with Sudanese troops": a casualty
            // passive with no agent tells the act its phrase names, by that phrase's party.
            if cameo
                && h.passive
                && roles.source.is_none()
                && pair
                    .active
                    .as_deref()
                    .is_some_and(|c| matches!(c.get(..2), Some("18" | "19" | "20")))
            {
                let limit = roles::object_limit(view, h.end, true);
                if let Some((n, party)) = self.nouns.casualty_phrase(view, mentions, h.end, limit) {
                    covered.push((n.start, n.end));
                    pair = CodePair {
                        active: Some(n.code.clone()),
                        passive: n.mutual.then(|| n.code.clone()),
                    };
                    roles.source = Some((party, "casualty-phrase"));
                    applied.push(format!(
                        "casualties of the {} (event-nouns.tsv)",
                        view.words(n.start, n.end)
                    ));
                }
            }
            if self.config.profile == Profile::Cameo {
                // A reporting verb acts on an addressee ("told Reuters"), not on what it
                // reports; any verb whose object opens a clause of its own ("determined
                // that Russia has massed …") reports that clause, except accusations,
                // rejections and threats, which are about its subject.
                let reporting = !specific && pair.active.as_deref() == Some("010");
                // "X told Reuters", "a reporter saw …", "Y said": a reporting verb only
                // attributes; what it reports is coded by its own verb, if at all.
                if reporting && attribution::is_reporting(view.up(h.head)) {
                    continue;
                }
                let about_subject = pair.active.as_deref().is_some_and(|c| {
                    c.starts_with("11") || c.starts_with("12") || c.starts_with("13")
                });
                let pattern_target = roles.target.is_some_and(|(_, r)| r == "pattern-+");
                if !pattern_target
                    && ((reporting && !roles.target_adjacent)
                        || (roles.target_opens_clause && !about_subject))
                {
                    roles.target = None;
                }
                roles.source = roles.source.filter(|&(m, _)| !agent_only(&mentions[m]));
                roles.target = roles.target.filter(|&(m, _)| !agent_only(&mentions[m]));
                // "Biden told *reporters*": the press a speaker addresses is its audience,
                // not the party its words are about.
                let verbal = pair.active.as_deref().is_some_and(|c| {
                    matches!(c.get(..2), Some("01" | "02" | "10" | "11" | "12" | "13"))
                });
                roles.target = roles.target.filter(|&(m, _)| {
                    !(verbal
                        && mentions[m].anchored
                        && mentions[m]
                            .members
                            .iter()
                            .all(|x| x.suffix.iter().any(|s| s == "MED")))
                });
                // "will meet in Zurich": where people meet, talk or cooperate is a place, not
                // the other party.
                let cooperative = pair
                    .active
                    .as_deref()
                    .is_some_and(|c| matches!(c.get(..2), Some("03" | "04" | "05" | "06")));
                if cooperative
                    && let Some((m, _)) = roles.target
                    && mentions[m].start > 0
                    && matches!(view.up(mentions[m].start - 1), "IN" | "AT")
                {
                    roles.target = None;
                }
                // "Taliban attacked *their* checkpoint": force used on something of
                // "theirs" is used on them, the party named before the attacker (never the
                // attacker itself).
                let force = pair
                    .active
                    .as_deref()
                    .is_some_and(|c| matches!(c.get(..2), Some("18" | "19" | "20")));
                if force
                    && roles.target.is_none()
                    && let Some((s, _)) = roles.source
                {
                    let after = h.back.last().map_or(h.end, |&b| b + 1).max(h.end);
                    let theirs = (after..view.len().min(after + 2))
                        .any(|k| matches!(view.up(k), "THEIR" | "ITS"));
                    let codes =
                        |m: &Mention| -> Vec<String> { m.members.iter().map(actor_code).collect() };
                    let attacker = codes(&mentions[s]);
                    if theirs {
                        roles.target = mentions
                            .iter()
                            .enumerate()
                            .filter(|(_, m)| {
                                m.kind == MentionKind::Named
                                    && m.end <= mentions[s].start
                                    && m.members.iter().any(Member::has_actor)
                                    && codes(m).iter().all(|c| !attacker.contains(c))
                            })
                            .map(|(i, _)| i)
                            .next_back()
                            .map(|m| (m, "possessor of the object"));
                    }
                }
                // "condemned the killing of Kenyan soldiers (by Somali militants)": the party
                // after "of" suffered the act; the criticism is of the one after "by", else
                // (below) of whoever the story last told attacking.
                // So is praise: "welcomed the recognition of Palestine by Spain" is of Spain.
                let judging = pair
                    .active
                    .as_deref()
                    .is_some_and(|c| c.starts_with("11") || c.starts_with("05"));
                if judging
                    && let Some((m, _)) = roles.target
                    && let Some(of) = patient_of(view, mentions[m].start)
                {
                    let limit = roles::object_limit(view, mentions[m].end, true);
                    let agent = mentions
                        .iter()
                        .position(|b| {
                            b.start > mentions[m].start
                                && b.start < limit
                                && view.up(b.start - 1) == "BY"
                                && !b.members.is_empty()
                        })
                        .map(|b| (b, "agent of the act judged"));
                    let suffered = pair.active.as_deref().is_some_and(|c| c.starts_with("11"))
                        && self.rules.patient_act(view.up(of - 1));
                    if agent.is_some() || suffered {
                        roles.target = agent;
                    }
                }
                // "urged Pakistan to release", "wants Putin to attack": what one actor asks of
                // another has not happened; the asking verb codes the appeal.
                if object_control(view, mentions, h) {
                    continue;
                }
                // "accused Iran of targeting civilians": the charge is the accusation's
                // content, not an act the text reports (the guideline codes the accusation).
                // "denied accusations *that it had shelled* villages": what a claim
                // says is its content, not an act the text reports.
                if claim_content(view, h.group_start) {
                    continue;
                }
                let charge = (view.pos(h.head) == vigil_model::Pos::VerbGer
                    || view.up(h.head).ends_with("ING"))
                    && h.start > 0
                    && matches!(view.up(h.start - 1), "OF" | "FOR")
                    && hits[..i].iter().any(|g| {
                        let f = &verbs.forms[g.form as usize];
                        let code = f
                            .code
                            .as_ref()
                            .and_then(|c| c.active.clone())
                            .or_else(|| verbs.blocks[f.block as usize].default.active.clone());
                        code.is_some_and(|c| c.starts_with("11"))
                    });
                if charge {
                    continue;
                }
                // "would not ask Russia to help": a negated governor negates its infinitive.
                let mut h = h.clone();
                if h.governor.is_some_and(|g| group_negated(view, g)) {
                    h.negated = true;
                }
                match self.modal(&pair, &h, governs[i], refusal, &mut applied) {
                    Some(p) => pair = p,
                    None => continue,
                }
            }
            // "clashed with the rebels": a mutual act is coded in both directions.
            let mutual = self.config.profile == Profile::Cameo
                && pair.passive.is_none()
                && pair
                    .active
                    .as_deref()
                    .is_some_and(|c| between.is_some() || self.rules.mutual(&form.lemma, c));
            if mutual {
                pair.passive = pair.active.clone();
                applied.push(if between.is_some() {
                    "the sides named after 'between': both directions".into()
                } else {
                    "mutual act: both directions (mutual-verbs.tsv)".into()
                });
            }
            let verb_entry = format!("{} {}", form.origin, form.lemma);
            let sources = roles.source.map(|(m, r)| {
                (
                    members_of(&mentions[m]),
                    format!("{r} ({})", mentions[m].how),
                )
            });
            let targets = roles.target.map(|(m, r)| {
                (
                    members_of(&mentions[m]),
                    format!("{r} ({})", mentions[m].how),
                )
            });
            let empty = (vec![Member::empty()], "none".to_string());
            // "Dozens were detained", "gunmen killed four soldiers": the party an act
            // implies comes from where the story is (implicit-parties.tsv).
            let (implied_source, implied_target) = match (&pair.active, self.config.profile) {
                (Some(code), Profile::Cameo) => self.rules.implied(code),
                _ => (&Implied::Never, &Implied::Never),
            };
            // "Ten people were killed" tells of casualties, not of an attack: a passive
            // implies its agent only for detentions ("were arrested": the police). A verb
            // that is not a clause's own ("accused them *of violating* the truce", "the
            // *detained* journalists") implies nobody: it tells no act of its own.
            let detention = pair.active.as_deref().is_some_and(|c| c.starts_with("17"));
            // A passive support verb of an act named as its subject ("protests were held")
            // tells the act itself, like the active.
            let act_named = named.as_ref().is_some_and(|n| n.subject);
            let (implied_source, implied_target) =
                if (h.passive && !detention && !act_named) || !clausal(view, h, mentions) {
                    (&Implied::Never, &Implied::Never)
                } else {
                    (implied_source, implied_target)
                };
            // "Colombian troops attacked a camp. The air strike killed two commanders": an
            // act named as the subject without a party of its own is the story's last
            // attacker's, unless that attacker is its target.
            let act_subject = named.as_ref().is_some_and(|n| n.subject && !h.passive);
            let sources = sources.or_else(|| {
                let named = targets
                    .as_ref()
                    .is_some_and(|(t, _)| t.iter().any(Member::has_actor));
                let attacker = ctx.last_aggressor.as_ref().filter(|a| {
                    act_subject
                        && targets
                            .as_ref()
                            .is_some_and(|(t, _)| t.iter().all(|t| t.code() != a.code()))
                });
                match attacker {
                    Some(a) if named => Some((
                        vec![a.clone()],
                        "context: the story's last attacker".to_string(),
                    )),
                    _ => named.then(|| ctx.story.implied(implied_source)).flatten(),
                }
            });
            // "X and Y traded fire": a compound subject of a mutual act is its own other
            // party (below), not the story's country.
            let together = (mutual
                || pair.passive == pair.active
                || reciprocal(&pair)
                || self.rules.reciprocal(&block.name).is_some())
                && sources.as_ref().is_some_and(|(s, _)| s.len() >= 2);
            let targets = targets.or_else(|| {
                let named = sources
                    .as_ref()
                    .is_some_and(|(s, _)| s.iter().any(Member::has_actor));
                // "Iran's police began a crackdown": a state's forces repress
                // their own country's people, wherever the story is datelined.
                let home = sources
                    .as_ref()
                    .filter(|_| pair.active.as_deref().is_some_and(|c| c.starts_with("17")))
                    .and_then(|(s, _)| {
                        s.iter()
                            .filter(|m| {
                                m.suffix.iter().any(|r| {
                                    ["COP", "MIL", "GOV", "SPY", "JUD"]
                                        .iter()
                                        .any(|p| r.starts_with(p))
                                })
                            })
                            .find_map(|m| roles::country_of(&m.base))
                    })
                    .map(str::to_string);
                (named && !together)
                    .then(|| match &home {
                        Some(c) => story::implied_in(c, implied_target, "the source's country"),
                        None => ctx.story.implied(implied_target),
                    })
                    .flatten()
            });
            let (srcs, srule) = sources.unwrap_or_else(|| empty.clone());
            let (tgts, trule) = match targets {
                Some(t) => t,
                None if srcs.len() >= 2
                    && (mutual
                        || pair.passive == pair.active
                        || reciprocal(&pair)
                        || self.rules.reciprocal(&block.name).is_some()) =>
                {
                    // "Biden and Putin will speak": each with the other.
                    for a in &srcs {
                        for b in &srcs {
                            // Two of one country act together only when their roles
                            // differ ("the president and the FARC chief signed"). A
                            // country named alone acts as its government ("Bolivia,
                            // miners' union agree").
                            let as_state = |c: String| {
                                if c.len() == 3 { c + "GOV" } else { c }
                            };
                            let (ca, cb) = (as_state(a.code()), as_state(b.code()));
                            if a.base.get(..3) != b.base.get(..3)
                                || !(ca.starts_with(&cb) || cb.starts_with(&ca))
                            {
                                self.push(
                                    view,
                                    &mut drafts,
                                    a,
                                    "compound",
                                    b,
                                    "compound",
                                    &pair,
                                    i,
                                    &pattern,
                                    &verb_entry,
                                    &applied,
                                );
                            }
                        }
                    }
                    continue;
                }
                // "The group claimed responsibility": for the story's last attack, on its
                // target.
                None if self.config.profile == Profile::Cameo
                    && pair.active.as_deref() == Some("015")
                    && ctx
                        .last_victim
                        .as_ref()
                        .is_some_and(|v| srcs.iter().all(|s| s.code() != v.code())) =>
                {
                    (
                        vec![ctx.last_victim.clone().unwrap()],
                        "context: the target of the story's last attack".to_string(),
                    )
                }
                // A denial or rejection with no other party answers the article's latest
                // accusation, demand or threat.
                None if self.config.profile == Profile::Cameo
                    && pair
                        .active
                        .as_deref()
                        .is_some_and(|c| c.starts_with("016") || c.starts_with("12"))
                    && ctx.last_accuser.is_some() =>
                {
                    (
                        vec![ctx.last_accuser.clone().unwrap()],
                        "context: answers the last accuser".to_string(),
                    )
                }
                // "The minister condemned the attack": criticism with no other party is of
                // whoever the story last told attacking.
                None if self.config.profile == Profile::Cameo
                    && pair.active.as_deref().is_some_and(|c| c.starts_with("111"))
                    && ctx.last_aggressor.as_ref().is_some_and(|a| {
                        srcs.iter().all(|s| s.base.get(..3) != a.base.get(..3))
                    }) =>
                {
                    (
                        vec![ctx.last_aggressor.clone().unwrap()],
                        "context: the story's last attacker".to_string(),
                    )
                }
                // "Chile called the move regrettable", "the US welcomed the decision",
                // "Moscow vowed retaliation": praise, criticism or a threat with no other
                // party is of (or at) whoever the story last told acting.
                None if self.config.profile == Profile::Cameo
                    && pair.active.as_deref().is_some_and(|c| {
                        ["111", "114", "051"].iter().any(|p| c.starts_with(p))
                            // A threat only when it names a response ("vowed *retaliation*"),
                            // not a bare warning ("warned that an escalation is possible").
                            || (c.starts_with("13") && named.is_some())
                    })
                    && ctx.last_actor.as_ref().is_some_and(|a| {
                        srcs.iter().any(Member::has_actor)
                            && srcs.iter().all(|s| s.base.get(..3) != a.base.get(..3))
                    }) =>
                {
                    (
                        vec![ctx.last_actor.clone().unwrap()],
                        "context: the story's last actor".to_string(),
                    )
                }
                None => empty.clone(),
            };
            for s in &srcs {
                for t in &tgts {
                    self.push(
                        view,
                        &mut drafts,
                        s,
                        &srule,
                        t,
                        &trule,
                        &pair,
                        i,
                        &pattern,
                        &verb_entry,
                        &applied,
                    );
                }
            }
        }
        if self.config.profile == Profile::Literal {
            // TABARI coded a subordinate clause ("after crowds burned its embassy") only
            // when the main clause gave nothing.
            let sub: Vec<bool> = (0..hits.len())
                .map(|i| roles::subordinate(view, hits, i))
                .collect();
            let sub = |d: &Draft| d.hit.is_some_and(|h| sub[h]);
            if drafts.iter().any(|d| !sub(d)) {
                drafts.retain(|d| !sub(d));
            }
        }
        for d in &mut drafts {
            if let Some(h) = d.hit {
                d.words = (hits[h].start, hits[h].end);
            }
        }
        (drafts, covered)
    }

    /// Codes speech acts named by nouns ("their warnings to Ukraine"), see [`nominals`].
    fn code_nominals(
        &self,
        view: &view::View,
        mentions: &[Mention],
        hits: &[verbs::VerbHit],
        covered: &[(usize, usize)],
        ctx: &ArticleContext,
        drafts: &mut Vec<Draft>,
    ) {
        let found = nominals::find(
            view,
            mentions,
            ctx,
            |w| self.rules.speech_noun(w).map(str::to_string),
            |i| {
                covered.iter().any(|&(a, b)| a <= i && i < b)
                    || hits.iter().any(|h| h.start <= i && i < h.end)
            },
        );
        for n in found {
            let (srcs, how) = &n.source;
            let targets = &mentions[n.target].members;
            let trule = format!("addressee ({})", mentions[n.target].how);
            let entry = format!("speech-nouns.tsv {}", view.up(n.noun));
            // "042:043": the act, and what the other party does in return (a host
            // receives the visitor).
            let (active, passive) = match n.code.split_once(':') {
                Some((a, p)) => (a, Some(p)),
                None => (n.code.as_str(), None),
            };
            self.push_unverbed(
                view,
                drafts,
                (srcs, how),
                (targets, &trule),
                active,
                &entry,
                "act named by a noun",
                (n.noun, n.noun + 1),
            );
            if let Some(p) = passive {
                self.push_unverbed(
                    view,
                    drafts,
                    (targets, &trule),
                    (srcs, how),
                    p,
                    &entry,
                    "act named by a noun: the other party's part",
                    (n.noun, n.noun + 1),
                );
            }
        }
    }

    /// "The convoy came under fire from rebels": the party named after "by" or "from"
    /// attacks the subject with the act the noun names; an attacker the text leaves
    /// unnamed comes from the story as for any attack (`implicit-parties.tsv`).
    fn code_under_fire(
        &self,
        view: &view::View,
        mentions: &[Mention],
        ctx: &ArticleContext,
        drafts: &mut Vec<Draft>,
    ) {
        for u in self.nouns.under_fire(view, mentions) {
            // "the town came under shelling": a place under fire is the story's country.
            let (targets, trule) = match u.target {
                Some(t) => (
                    members_of(&mentions[t]),
                    "subject of 'came under'".to_string(),
                ),
                None if u.source.is_some() => {
                    match ctx.story.implied(self.rules.implied(&u.noun.code).1) {
                        Some((m, why)) => (m, why),
                        None => continue,
                    }
                }
                None => continue,
            };
            let (sources, srule) = match u.source {
                Some(s) => (members_of(&mentions[s]), "after by/from".to_string()),
                None => match ctx.story.implied(self.rules.implied(&u.noun.code).0) {
                    Some((m, why)) => (m, why),
                    None => continue,
                },
            };
            self.push_unverbed(
                view,
                drafts,
                (&sources, &srule),
                (&targets, &trule),
                &u.noun.code,
                &format!("event-nouns.tsv {}", view.words(u.noun.start, u.noun.end)),
                "came under an act of force",
                (u.verb, u.noun.end),
            );
        }
    }

    /// "Three people were hurt in a clash between police and protesters": a fight the
    /// sentence names by a noun alone, each side against the other (then as any fight
    /// between these parties: `role-codes.tsv`).
    fn code_clashes_between(
        &self,
        view: &view::View,
        mentions: &[Mention],
        drafts: &mut Vec<Draft>,
    ) {
        for (noun, m) in self.nouns.clashes_between(view, mentions) {
            let sides = members_of(&mentions[m]);
            for (i, side) in sides.iter().enumerate() {
                let others: Vec<Member> = sides
                    .iter()
                    .enumerate()
                    .filter(|&(j, o)| j != i && o.code() != side.code())
                    .map(|(_, o)| o.clone())
                    .collect();
                self.push_unverbed(
                    view,
                    drafts,
                    (std::slice::from_ref(side), "a side named after 'between'"),
                    (&others, "the other side"),
                    &noun.code,
                    &format!("event-nouns.tsv {}", view.words(noun.start, noun.end)),
                    "a fight named by a noun: both directions",
                    (noun.start, noun.end),
                );
            }
        }
    }

    /// "The decision drew swift criticism from Brussels": criticism a thing draws
    /// *from* a party is that party's (111), of the thing's author: the party that is the
    /// verb's subject, else whoever the story last told acting.
    fn code_drew_criticism(
        &self,
        view: &view::View,
        mentions: &[Mention],
        ctx: &ArticleContext,
        drafts: &mut Vec<Draft>,
    ) {
        for k in 0..view.len() {
            if !matches!(
                view.up(k),
                "DREW" | "DRAWN" | "DRAWS" | "DRAWING" | "ATTRACTED" | "PROVOKED" | "EARNED"
            ) {
                continue;
            }
            // The noun within a few words ("drew immediate and sharp criticism").
            let Some(noun) = (k + 1..view.len().min(k + 6)).find(|&j| {
                matches!(
                    view.up(j),
                    "CRITICISM" | "CONDEMNATION" | "CONDEMNATIONS" | "REBUKE" | "REBUKES"
                )
            }) else {
                continue;
            };
            if view.up(noun + 1) != "FROM" {
                continue;
            }
            let Some(critic) = mentions
                .iter()
                .position(|m| {
                    m.start == noun + 2 || (m.start == noun + 3 && view.pos(noun + 2) == Pos::Det)
                })
                .filter(|&m| mentions[m].members.iter().any(Member::has_actor))
            else {
                continue;
            };
            let critics = members_of(&mentions[critic]);
            // The author: a party ending right before the verb, else the story's last actor.
            let (authors, arule) = match mentions
                .iter()
                .position(|m| m.end == k && m.members.iter().any(Member::has_actor))
            {
                Some(m) => (members_of(&mentions[m]), "subject".to_string()),
                None => match ctx
                    .last_actor
                    .as_ref()
                    .filter(|a| critics.iter().all(|c| c.base.get(..3) != a.base.get(..3)))
                {
                    Some(a) => (
                        vec![a.clone()],
                        "context: the story's last actor".to_string(),
                    ),
                    None => continue,
                },
            };
            self.push_unverbed(
                view,
                drafts,
                (&critics, "after 'from'"),
                (&authors, &arule),
                "111",
                &format!("criticism drawn: {} … {}", view.up(k), view.up(noun)),
                "criticism a thing draws from a party is that party's",
                (k, noun + 1),
            );
        }
    }

    /// "The envoys were told to quit the capital within a week": the host expels them (161). The
    /// host is a party of another country the sentence names, else the other of the two
    /// parties the story is about. The verbs of the construction ("given", "leave") name no
    /// act of their own.
    fn code_sent_home(
        &self,
        view: &view::View,
        mentions: &[Mention],
        hits: &[verbs::VerbHit],
        ctx: &ArticleContext,
        drafts: &mut Vec<Draft>,
    ) {
        for e in expulsions::find(view, mentions) {
            let targets = members_of(&mentions[e.envoy]);
            let own = targets[0].base.get(..3).unwrap_or_default().to_string();
            let (sources, srule) = if e.hosts.is_empty() {
                let other: Vec<Member> = ctx
                    .parties
                    .iter()
                    .filter(|p| p.base.get(..3).is_some_and(|c| c != own))
                    .take(1)
                    .cloned()
                    .collect();
                (other, "the story's other party")
            } else {
                let named = e.hosts.iter().flat_map(|&h| members_of(&mentions[h]));
                (named.collect(), "host named in the sentence")
            };
            if sources.is_empty() {
                continue;
            }
            drafts.retain(|d| {
                d.hit
                    .is_none_or(|h| hits[h].head != e.compel && hits[h].head != e.depart)
            });
            self.push_unverbed(
                view,
                drafts,
                (&sources, srule),
                (&targets, "diplomats sent home"),
                expulsions::CODE,
                &format!(
                    "expulsions.tsv {} … {}",
                    view.up(e.compel),
                    view.up(e.depart)
                ),
                "diplomats made to leave: expelled",
                (e.depart, e.depart + 1),
            );
        }
    }

    /// "'This is absolutely unacceptable,' the chancellor said": a quotation that judges, whose
    /// speaker does nothing else in the sentence, criticises or praises (evaluations.tsv)
    /// an actor it names of another country, else whoever the story last told acting.
    fn code_judging_quote(
        &self,
        view: &view::View,
        speech: &quotes::Speech,
        who: &Member,
        mentions: &[Mention],
        ctx: &ArticleContext,
        drafts: &mut Vec<Draft>,
    ) {
        let country = |m: &Member| m.base.get(..3).map(str::to_string);
        let theirs = country(who);
        if !who.has_actor() || drafts.iter().any(|d| country(&d.source) == theirs) {
            return;
        }
        let Some(j) = evaluations::in_quotes(view, &speech.quotes) else {
            return;
        };
        let other = |quoted: bool| {
            mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Named && speech.quoted(m.start) == quoted)
                .flat_map(|m| m.members.iter())
                .find(|m| m.has_actor() && country(m) != theirs)
        };
        let (target, rule) = match (other(true), other(false)) {
            (Some(m), _) => (m.clone(), "named in the quotation"),
            // "… unacceptable,' she said of *Togo's* decision".
            (None, Some(m)) => (m.clone(), "named in the sentence"),
            (None, None) => match ctx.last_actor.as_ref().filter(|a| country(a) != theirs) {
                Some(a) => (a.clone(), "context: the story's last actor"),
                None => return,
            },
        };
        self.push_unverbed(
            view,
            drafts,
            (std::slice::from_ref(who), "speaker of the quotation"),
            (std::slice::from_ref(&target), rule),
            j.code,
            &format!("evaluations.tsv {}", view.up(j.word)),
            "a quotation that judges",
            (j.word, j.word + 1),
        );
    }

    /// "'The rebels are responsible for the attack,' the minister said", "Kigali said
    /// Kinshasa was to blame": a party held responsible by a speaker — of the quotation,
    /// or the subject of a reporting verb — is accused by it (112).
    #[allow(clippy::too_many_arguments)]
    fn code_blame(
        &self,
        view: &view::View,
        speech: &quotes::Speech,
        quoted: Option<&Member>,
        mentions: &[Mention],
        hits: &[verbs::VerbHit],
        ctx: &ArticleContext,
        drafts: &mut Vec<Draft>,
    ) {
        // A pronoun only for a party holding itself responsible ("they said they were
        // responsible"): whom else it stands for is too uncertain for an accusation.
        for m in mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Named | MentionKind::Pronoun))
        {
            let Some(k) = evaluations::held_responsible(view, m.end) else {
                continue;
            };
            if view.up(k - 1) == "NOT" || (m.start > 0 && view.up(m.start - 1) == "NOT") {
                continue;
            }
            let speaker = if speech.quoted(k) {
                quoted.cloned()
            } else {
                // The subject of a reporting verb before the party ("X said Y was …") or
                // after it (", X said").
                self.reporting_subjects(view, speech, mentions, hits)
                    .find_map(|(_, s)| {
                        let who = &mentions[s];
                        (who.start != m.start)
                            .then(|| who.members.first().cloned())
                            .flatten()
                    })
            };
            let Some(speaker) = speaker.filter(Member::has_actor) else {
                continue;
            };
            let targets: Vec<Member> = m
                .members
                .iter()
                .filter(|t| t.has_actor() && t.code() != speaker.code())
                .cloned()
                .collect();
            // "The Taliban said they were responsible for the attack": a party that holds
            // itself responsible claims the act (015), on the story's last target.
            if targets.is_empty() || m.kind == MentionKind::Pronoun {
                let itself = m.members.iter().any(|t| t.code() == speaker.code());
                if let Some(victim) = ctx
                    .last_victim
                    .as_ref()
                    .filter(|v| itself && v.code() != speaker.code())
                {
                    self.push_unverbed(
                        view,
                        drafts,
                        (std::slice::from_ref(&speaker), "speaker"),
                        (
                            std::slice::from_ref(victim),
                            "context: the target of the story's last attack",
                        ),
                        "015",
                        &format!("held responsible: {} {}", view.up(k), view.up(k + 1)),
                        "a party that holds itself responsible: claims the act",
                        (k, k + 2),
                    );
                }
                continue;
            }
            self.push_unverbed(
                view,
                drafts,
                (std::slice::from_ref(&speaker), "speaker"),
                (&targets, "held responsible"),
                "112",
                &format!("held responsible: {} {}", view.up(k), view.up(k + 1)),
                "a party held responsible: accused",
                (k, k + 2),
            );
        }
    }

    /// Drafts an act that no verb hit names (a noun, a construction, a quotation): one
    /// event per source and target, coded `code`, `entry` serving as both pattern and
    /// dictionary entry, `rule` as the rule applied, `words` as the words that name it.
    #[allow(clippy::too_many_arguments)]
    fn push_unverbed(
        &self,
        view: &view::View,
        drafts: &mut Vec<Draft>,
        (sources, srule): (&[Member], &str),
        (targets, trule): (&[Member], &str),
        code: &str,
        entry: &str,
        rule: &str,
        words: (usize, usize),
    ) {
        let pair = CodePair {
            active: Some(code.to_string()),
            passive: None,
        };
        let first = drafts.len();
        for s in sources {
            for t in targets {
                self.push(
                    view,
                    drafts,
                    s,
                    srule,
                    t,
                    trule,
                    &pair,
                    0,
                    entry,
                    entry,
                    &[rule.to_string()],
                );
            }
        }
        for d in &mut drafts[first..] {
            d.hit = None;
            d.words = words;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        view: &view::View,
        drafts: &mut Vec<Draft>,
        s: &Member,
        srule: &str,
        t: &Member,
        trule: &str,
        pair: &CodePair,
        hit: usize,
        pattern: &str,
        verb_entry: &str,
        applied: &[String],
    ) {
        let mut add = |src: &Member, sr: &str, tgt: &Member, tr: &str, code: &str| {
            let (sc, tc) = (src.code(), tgt.code());
            let dyad = !src.base.is_empty() || !src.suffix.is_empty() || !src.prefix.is_empty();
            let dyad =
                dyad && (!tgt.base.is_empty() || !tgt.suffix.is_empty() || !tgt.prefix.is_empty());
            if self.config.require_dyad && !dyad {
                return;
            }
            // A party never acts on itself; but "Kenya imposed a curfew" on the country
            // the story is in is the state acting on its own land: the source becomes
            // the government below (state-roles.tsv), the target stays the country.
            // Not a country's people or ships ("Chinese ships blocked …"): only the
            // country named alone, as a state.
            let state_at_home = tr.starts_with("implied by the act")
                && self.rules.state_role(&sc, code) == Some("GOV")
                && src.end > src.start
                && (src.start..=src.end)
                    .all(|i| i >= view.len() || !matches!(view.pos(i), Pos::Noun | Pos::Adj))
                && (src.end >= view.len() || view.pos(src.end) != Pos::Propn);
            if sc == tc && dyad && !state_at_home {
                return;
            }
            drafts.push(Draft {
                source: src.clone(),
                source_rule: sr.to_string(),
                target: tgt.clone(),
                target_rule: tr.to_string(),
                code: code.to_string(),
                hit: Some(hit),
                words: (0, 0),
                pattern: pattern.to_string(),
                verb_entry: verb_entry.to_string(),
                rules: applied.to_vec(),
                reported_by: None,
            });
        };
        if let Some(a) = &pair.active {
            add(s, srule, t, trule, a);
        }
        if let Some(b) = &pair.passive {
            add(t, trule, s, srule, b);
        }
    }

    /// Applies negation, modality and intention to a code pair (CAMEO profile).
    fn modal(
        &self,
        pair: &CodePair,
        h: &verbs::VerbHit,
        governs: Option<Governs>,
        refusal: Option<&str>,
        applied: &mut Vec<String>,
    ) -> Option<CodePair> {
        let map =
            |c: &Option<String>, f: &dyn Fn(&str) -> Option<String>| -> Option<Option<String>> {
                match c {
                    None => Some(None),
                    Some(c) => f(c).map(Some),
                }
            };
        let mut pair = pair.clone();
        if h.negated {
            let f = |c: &str| self.rules.negated(c).map(str::to_string);
            let negated = (|| {
                Some(CodePair {
                    active: map(&pair.active, &f)?,
                    passive: map(&pair.passive, &f)?,
                })
            })()
            .filter(|p| p.active.is_some() || p.passive.is_some());
            return match (negated, refusal) {
                (Some(p), _) => {
                    applied.push("negated".into());
                    Some(p)
                }
                (None, Some(code)) => {
                    applied.push("negated acceptance: a rejection".into());
                    Some(CodePair {
                        active: Some(code.to_string()),
                        passive: None,
                    })
                }
                (None, None) => self.dropped(pair, "negation", applied),
            };
        }
        if h.epistemic && governs.is_none() && !h.future {
            let verbal = |c: &Option<String>| {
                c.as_deref().is_none_or(|c| {
                    matches!(
                        &c[..c.len().min(2)],
                        "01" | "02" | "10" | "11" | "12" | "13"
                    )
                })
            };
            if !(verbal(&pair.active) && verbal(&pair.passive)) {
                applied.push("prediction: not coded".into());
                return self.dropped(pair, "prediction", applied);
            }
        }
        let threat = governs == Some(Governs::Threat);
        // "Canada decided to impose sanctions": a decision taken is the act itself, but a
        // meeting or visit decided on is still to come (036).
        let meeting = |c: &Option<String>| c.as_deref().is_some_and(|c| c.starts_with("04"));
        let decided = governs == Some(Governs::Decision)
            && !h.future
            && !meeting(&pair.active)
            && !meeting(&pair.passive);
        if decided {
            applied.push("decided: coded as done".into());
        } else if h.future || governs.is_some() {
            let f = |c: &str| -> Option<String> {
                Some(match self.rules.future(c) {
                    Some(n) => n.to_string(),
                    None if threat && !c.starts_with("13") => "130".to_string(),
                    None => c.to_string(),
                })
            };
            pair = CodePair {
                active: map(&pair.active, &f)?,
                passive: map(&pair.passive, &f)?,
            };
            applied.push(if threat {
                "threatened".into()
            } else {
                "announced or intended".into()
            });
        }
        Some(pair)
    }

    fn event(
        &self,
        record: &Article,
        index: usize,
        span: Span,
        view: &view::View,
        mut d: Draft,
    ) -> Event {
        let table = EventCodes::get();
        let info = table.info(&d.code);
        let actor = |m: &Member, rule: String| ActorRef {
            code: actor_code(m),
            text: view.words(m.start, m.end).to_string(),
            // Members from context (an earlier sentence) carry no span here.
            span: (m.end > m.start && m.end <= view.len()).then(|| {
                Span::new(
                    view.tokens[m.start].span.start as usize,
                    view.tokens[m.end - 1].span.end as usize,
                )
            }),
            entries: m.entries.iter().map(|w| w.render(&self.dicts)).collect(),
            rule,
            country: vigil_model::actor_country(&actor_code(m)).map(str::to_string),
        };
        let mut source = actor(&d.source, d.source_rule);
        let target = actor(&d.target, std::mem::take(&mut d.target_rule));
        // "Government forces shelled the airbase": the weapon names the kind of fighting.
        // Heavy and aerial weapons make it that whoever the parties are; small arms
        // against a crowd are the repression the parties decide (role-codes.tsv).
        // A small-arms code from a pattern's weapon set ("&WEAPON") gives way to an aerial
        // or heavy weapon named ("drones struck …").
        let weapon = match self.config.profile {
            Profile::Cameo if d.code == weapons::GENERIC || d.code == weapons::SMALL_ARMS => {
                weapons::refine(view, d.words, roles::object_limit(view, d.words.1, true))
                    .or_else(|| weapons::named_in(view, d.source.start, d.source.end))
                    .filter(|&w| d.code == weapons::GENERIC || w != weapons::SMALL_ARMS)
            }
            _ => None,
        };
        let heavy = weapon.is_some_and(|w| w != weapons::SMALL_ARMS);
        if self.config.profile == Profile::Cameo
            && !heavy
            && let Some(code) = self.rules.role_code(&d.code, &source.code, &target.code)
        {
            d.rules.push(format!(
                "{} between these parties is {code} (role-codes.tsv)",
                d.code
            ));
            d.code = code.to_string();
        }
        if let Some(code) = weapon
            && (d.code == weapons::GENERIC || d.code == weapons::SMALL_ARMS)
        {
            d.rules.push(format!(
                "{} with this weapon is {code} (weapons.tsv)",
                d.code
            ));
            d.code = code.to_string();
        }
        // "Russia massed troops": a country acting is its military or its government.
        if self.config.profile == Profile::Cameo
            && let Some(role) = self.rules.state_role(&source.code, &d.code)
        {
            source.code.push_str(role);
            source.rule.push_str(&format!(
                "; {role} for a state's {} act (state-roles.tsv)",
                &d.code[..2]
            ));
        }
        let verb_span = Span::new(
            view.tokens[d.words.0].span.start as usize,
            view.tokens[d.words.1 - 1].span.end as usize,
        );
        Event {
            id: record.id.clone(),
            sentence: index,
            source: source.code.clone(),
            target: target.code.clone(),
            root: d.code.chars().take(2).collect(),
            quad: info.map(|i| i.quad),
            goldstein: info.map(|i| i.goldstein),
            code: d.code,
            date: record.date,
            event_date: None,
            event_date_end: None,
            date_precision: Default::default(),
            location: None,
            attribution: None,
            provenance: Provenance {
                sentence_text: span.slice(&record.text).to_string(),
                sentence_span: span,
                source,
                target,
                verb_span,
                verb_text: verb_span.slice(&record.text).to_string(),
                verb_entry: d.verb_entry,
                pattern: d.pattern,
                rules: d.rules,
                reported_by: d.reported_by.map(|(m, rule)| actor(&m, rule)),
                time: None,
                location_text: None,
            },
        }
    }
}

/// A member's code as events print it: empty when no actor is known.
fn actor_code(m: &Member) -> String {
    let code = m.code();
    if code.trim_start_matches("---").is_empty() {
        String::new()
    } else {
        code
    }
}

impl Member {
    fn empty() -> Member {
        Member {
            base: String::new(),
            prefix: vec![],
            suffix: vec![],
            start: 0,
            end: 0,
            entries: vec![],
        }
    }
}

/// The longest stretch of tokens coded as one sentence. Text without sentence punctuation
/// (a table, a list, a broken feed) can make one "sentence" of any length; clause-level
/// rules look back and forth within a sentence, so it is cut into pieces of at most this
/// many tokens, at a comma, semicolon or coordinator where one is near.
const MAX_SENTENCE_TOKENS: usize = 200;

fn pieces(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut rest = tokens;
    while rest.len() > MAX_SENTENCE_TOKENS {
        let window = &rest[..MAX_SENTENCE_TOKENS];
        let cut = window
            .iter()
            .rposition(|t| matches!(t.upper.as_str(), "," | ";" | "AND" | "BUT" | "OR"))
            .filter(|&k| k >= MAX_SENTENCE_TOKENS / 2)
            .map_or(MAX_SENTENCE_TOKENS, |k| k + 1);
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// The token of "of" before the phrase starting at `start` ("the killing *of* two
/// soldiers", "of *its* diplomats"), when a noun comes right before it.
fn patient_of(view: &view::View, start: usize) -> Option<usize> {
    let mut k = start;
    while k > 0
        && matches!(
            view.pos(k - 1),
            vigil_model::Pos::Det | vigil_model::Pos::Num
        )
    {
        k -= 1;
    }
    (k >= 2 && view.up(k - 1) == "OF" && view.pos(k - 2) == vigil_model::Pos::Noun).then_some(k - 1)
}

/// True when verb `h` is a to-infinitive whose subject is the object of another verb
/// ("urged *Pakistan* to release", "wants *Putin* to attack").
///
/// So is an infinitive such a verb governs in turn ("urged Kiir *to move* swiftly *to
/// honour* the deal"): what is asked has not happened either.
fn object_control(view: &view::View, mentions: &[Mention], h: &verbs::VerbHit) -> bool {
    let mut start = h.start;
    for _ in 0..3 {
        if controlled_at(view, mentions, start) {
            return true;
        }
        if start < 2 || view.up(start - 1) != "TO" {
            return false;
        }
        // The infinitive that governs this one: a verb after an earlier "to", a few
        // words back ("to move swiftly to honour").
        match (start.saturating_sub(8).max(1)..start - 1)
            .rev()
            .find(|&j| view.up(j - 1) == "TO" && view.pos(j).is_verb())
        {
            Some(j) => start = j,
            None => return false,
        }
    }
    false
}

/// True when the verb at token `start` follows "to" and an object naming a party, right
/// after another verb ("urged *Pakistan to* release", "urge Kiir and Mr. Machar to").
fn controlled_at(view: &view::View, mentions: &[Mention], start: usize) -> bool {
    if start < 3 || view.up(start - 1) != "TO" {
        return false;
    }
    // A past form the tagger read as an adjective ("the envoy *urged*/Adj Kiir to") is
    // still the verb.
    let verb = |i: usize| {
        view.pos(i).is_verb()
            || view.pos(i).is_aux()
            || (view.pos(i) == Pos::Adj && view.up(i).ends_with("ED"))
    };
    // The object's words: names, nouns and their coordination, back to the verb.
    let mut k = start - 1;
    while k > 0
        && start - k < 12
        && !verb(k - 1)
        && (matches!(
            view.pos(k - 1),
            Pos::Propn | Pos::Noun | Pos::Pron | Pos::Det | Pos::Adj | Pos::CConj | Pos::Num
        ) || matches!(view.up(k - 1), "," | "." | "'S"))
    {
        k -= 1;
    }
    // "called *on* Ethiopia to withdraw": a phrasal verb's particle before the object.
    let v = if k >= 2 && matches!(view.up(k - 1), "ON" | "UPON") && verb(k - 2) {
        k - 1
    } else {
        k
    };
    k < start - 1
        && v > 0
        && verb(v - 1)
        && mentions
            .iter()
            .any(|m| m.start >= k && m.end < start && !m.members.is_empty())
}

/// True when the verb group starting at token `start` is in the clause a noun of claim
/// opens ("accusations *that* it had shelled", "denied reports that troops had crossed"):
/// the guideline codes a contested charge as the accusation, never the act it alleges.
fn claim_content(view: &view::View, start: usize) -> bool {
    let mut k = start;
    while k >= 2 && start - k < 15 {
        k -= 1;
        match view.up(k) {
            ";" | "." | "BUT" => return false,
            "THAT" => {
                return matches!(
                    view.up(k - 1),
                    "ACCUSATION"
                        | "ACCUSATIONS"
                        | "ALLEGATION"
                        | "ALLEGATIONS"
                        | "CLAIM"
                        | "CLAIMS"
                        | "CHARGE"
                        | "CHARGES"
                        | "RUMOURS"
                        | "RUMORS"
                        | "SUGGESTIONS"
                        | "INSINUATIONS"
                );
            }
            _ => {}
        }
    }
    false
}

/// True when the verb group ending at token `g` holds a negator ("would *not* ask").
fn group_negated(view: &view::View, g: usize) -> bool {
    let mut k = g;
    while k > 0 {
        k -= 1;
        let up = view.up(k);
        if matches!(up, "NOT" | "N'T" | "NEVER") {
            return true;
        }
        if !(view.pos(k).is_aux() || view.pos(k) == vigil_model::Pos::Adv || up == "TO") {
            return false;
        }
    }
    false
}

/// A mention that names only agents ("reporters", "people") and no actor.
fn agent_only(m: &Mention) -> bool {
    m.members.iter().all(|x| !x.has_actor())
}

fn members_of(m: &Mention) -> Vec<Member> {
    if m.members.is_empty() {
        vec![Member::empty()]
    } else {
        m.members.clone()
    }
}

/// Acts that two parties do together (meet, talk, agree): a compound subject with no other
/// party codes each with each.
fn reciprocal(pair: &CodePair) -> bool {
    pair.active.as_deref().is_some_and(|c| {
        c.starts_with("03") || c.starts_with("04") || c.starts_with("05") || c.starts_with("06")
    })
}

/// True when verb `h` heads a clause of its own: not a gerund after "of"/"for" ("accused
/// them of *violating*"), nor a bare participle before its noun ("the *detained*
/// journalists").
fn clausal(view: &view::View, h: &verbs::VerbHit, mentions: &[Mention]) -> bool {
    let head = view.pos(h.head);
    let before = h.start.checked_sub(1).map(|k| view.up(k));
    if head == vigil_model::Pos::VerbGer && matches!(before, Some("OF" | "FOR" | "BY")) {
        return false;
    }
    let bare = h.group_start == h.start;
    let modifies = mentions.iter().any(|m| m.start == h.end);
    !(bare && modifies && matches!(head, vigil_model::Pos::VerbPart | vigil_model::Pos::Adj))
}
