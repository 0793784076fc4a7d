//! Reading the validation suite's XML.

use super::{Config, ConfigSetting, Environment, Expected, Suite, SuiteRecord, Triple};
use crate::EvalError;
use chrono::NaiveDate;
use roxmltree::{Document, Node};

/// Reads a validation suite. `name` is used in error messages only.
///
/// The file is `<Validation>` with an `<Environment>` header and a `<Sentences>` list.
/// `<Config>` elements may sit in the header, between records, or inside a record;
/// each changes one setting from that point on, in document order, and a record is
/// given the settings in force after the ones before it and inside it. Comments,
/// `<Parse>` trees and unknown elements are skipped.
///
/// Expectations: `<EventCoding sourcecode targetcode eventcode>` adds one triple;
/// `noevents="True"` expects nothing; `error="…"` expects an input error. An
/// `<EventCoding>` whose three codes are all absent or empty carries nothing, and a
/// record without any expectation (PATTERN-06 has no `<EventCoding>`) expects no
/// events: a silent record can only be checked by coding nothing. Contradictory
/// records (an error next to events, or `noevents` next to events) are rejected.
pub fn read_suite(xml: &str, name: &str) -> Result<Suite, EvalError> {
    let doc = Document::parse(xml).map_err(|e| EvalError::Xml {
        file: name.to_string(),
        message: e.to_string(),
    })?;
    let reader = Reader {
        doc: &doc,
        file: name,
    };
    let root = doc.root_element();
    if root.tag_name().name() != "Validation" {
        return Err(reader.fail(root, "Validation", "the root element must be <Validation>"));
    }

    let mut config = Config::default();
    let environment = match child(root, "Environment") {
        Some(env) => reader.environment(env, &mut config)?,
        None => Environment::default(),
    };
    let sentences = child(root, "Sentences")
        .ok_or_else(|| reader.fail(root, "Validation", "no <Sentences> element"))?;

    let mut records = Vec::new();
    for node in sentences.children().filter(Node::is_element) {
        match node.tag_name().name() {
            "Config" => {
                reader.apply_config(node, "Config", &mut config)?;
            }
            "Sentence" => {
                let record = reader.record(node, records.len(), &mut config)?;
                records.push(record);
            }
            _ => {}
        }
    }
    Ok(Suite {
        environment,
        records,
    })
}

/// The document being read and its name, for error messages.
struct Reader<'a, 'input> {
    doc: &'a Document<'input>,
    file: &'a str,
}

impl Reader<'_, '_> {
    fn line(&self, node: Node) -> u32 {
        self.doc.text_pos_at(node.range().start).row
    }

    fn fail(&self, node: Node, record: &str, message: impl Into<String>) -> EvalError {
        EvalError::Suite {
            file: self.file.to_string(),
            line: self.line(node),
            record: record.to_string(),
            message: message.into(),
        }
    }

    fn environment(&self, env: Node, config: &mut Config) -> Result<Environment, EvalError> {
        let text_of = |tag: &str| child(env, tag).map(|n| collapse(&all_text(n)));
        let mut out = Environment {
            verbfile: text_of("Verbfile"),
            actorfile: text_of("Actorfile"),
            agentfile: text_of("Agentfile"),
            discardfile: text_of("Discardfile"),
            include: text_of("Include")
                .map(|s| {
                    s.split(' ')
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            configs: Vec::new(),
        };
        for node in env.children().filter(|n| n.has_tag_name("Config")) {
            out.configs
                .push(self.apply_config(node, "Environment", config)?);
        }
        Ok(out)
    }

    /// Applies one `<Config>` element to `config` and returns it as written.
    fn apply_config(
        &self,
        node: Node,
        record: &str,
        config: &mut Config,
    ) -> Result<ConfigSetting, EvalError> {
        let (Some(option), Some(value)) = (node.attribute("option"), node.attribute("value"))
        else {
            return Err(self.fail(node, record, "<Config> needs `option` and `value`"));
        };
        config
            .set(option, value)
            .map_err(|m| self.fail(node, record, m))?;
        Ok(ConfigSetting {
            option: option.to_string(),
            value: value.to_string(),
        })
    }

    fn record(
        &self,
        node: Node,
        index: usize,
        config: &mut Config,
    ) -> Result<SuiteRecord, EvalError> {
        let id = node
            .attribute("id")
            .ok_or_else(|| {
                self.fail(
                    node,
                    &format!("record {}", index + 1),
                    "<Sentence> has no `id`",
                )
            })?
            .to_string();
        let date_text = node.attribute("date").unwrap_or_default().trim();
        let date = NaiveDate::parse_from_str(date_text, "%Y%m%d").map_err(|_| {
            self.fail(
                node,
                &id,
                format!("`date` must be YYYYMMDD, got `{date_text}`"),
            )
        })?;
        let sentence = !node
            .attribute("sentence")
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("false"));

        let mut codings = Vec::new();
        let mut text = None;
        for part in node.children().filter(Node::is_element) {
            match part.tag_name().name() {
                "Config" => {
                    self.apply_config(part, &id, config)?;
                }
                "EventCoding" => codings.push(part),
                "Text" => text = Some(collapse(&all_text(part))),
                _ => {}
            }
        }
        let text = text.ok_or_else(|| self.fail(node, &id, "<Sentence> has no <Text>"))?;
        let expected = self.expected(node, &id, &codings)?;

        Ok(SuiteRecord {
            index,
            id,
            line: self.line(node),
            date,
            category: node.attribute("category").unwrap_or_default().to_string(),
            sentence,
            text,
            expected,
            config: *config,
        })
    }

    fn expected(&self, node: Node, id: &str, codings: &[Node]) -> Result<Expected, EvalError> {
        let mut triples: Vec<Triple> = Vec::new();
        let mut errors: Vec<&str> = Vec::new();
        let mut no_events = false;
        for c in codings {
            if let Some(kind) = c.attribute("error") {
                errors.push(kind);
            }
            if let Some(flag) = c.attribute("noevents") {
                if flag.trim().eq_ignore_ascii_case("true") {
                    no_events = true;
                } else if !flag.trim().eq_ignore_ascii_case("false") {
                    return Err(self.fail(
                        *c,
                        id,
                        format!("`noevents` must be true or false, got `{flag}`"),
                    ));
                }
            }
            let code = |attr| c.attribute(attr).unwrap_or_default().to_string();
            let triple = (code("sourcecode"), code("targetcode"), code("eventcode"));
            if !(triple.0.is_empty() && triple.1.is_empty() && triple.2.is_empty()) {
                triples.push(triple);
            }
        }
        match (errors.as_slice(), no_events, triples.is_empty()) {
            ([], false, true) => Ok(Expected::NoEvents),
            ([], false, false) => Ok(Expected::Events(triples)),
            ([], true, true) => Ok(Expected::NoEvents),
            ([], true, false) => Err(self.fail(node, id, "expects both no events and events")),
            ([kind], false, true) => Ok(Expected::Error(kind.to_string())),
            _ => Err(self.fail(
                node,
                id,
                "an expected error must be the record's only expectation",
            )),
        }
    }
}

/// The first child element named `tag`.
fn child<'a, 'input>(node: Node<'a, 'input>, tag: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|n| n.has_tag_name(tag))
}

/// All text inside `node`, comments excluded.
fn all_text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// Collapses every run of whitespace to one space and trims the ends.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(sentences: &str) -> String {
        format!(
            r#"<Validation>
<!-- a comment with <Sentence> in it -->
<Environment>
  <Verbfile>verbs.txt</Verbfile>
  <Actorfile>actors.txt</Actorfile>
  <Include>valid DEMO   ACTOR</Include>
  <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
{sentences}
</Sentences>
</Validation>"#
        )
    }

    const DEMO: &str = r#"<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"/>
<Text>
Arnor is about to restore   full diplomatic ties with Gondor almost
five years after crowds trashed its embassy.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>"#;

    #[test]
    fn reads_environment_and_a_record() {
        let suite = read_suite(&wrap(DEMO), "t.xml").unwrap();
        let env = &suite.environment;
        assert_eq!(env.verbfile.as_deref(), Some("verbs.txt"));
        assert_eq!(env.actorfile.as_deref(), Some("actors.txt"));
        assert_eq!(env.agentfile, None);
        assert_eq!(env.include, ["valid", "DEMO", "ACTOR"]);
        assert_eq!(
            env.configs,
            [ConfigSetting {
                option: "stop_on_error".into(),
                value: "True".into()
            }]
        );

        let r = &suite.records[0];
        assert_eq!(
            (r.index, r.id.as_str(), r.category.as_str()),
            (0, "DEMO-00", "DEMO")
        );
        assert_eq!(r.line, 10);
        assert_eq!(r.date, NaiveDate::from_ymd_opt(1995, 1, 1).unwrap());
        assert!(r.sentence);
        assert_eq!(
            r.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy."
        );
        assert_eq!(
            r.expected,
            Expected::Events(vec![
                ("ARN".into(), "GON".into(), "064".into()),
                ("\"INJURY TOLL\"".into(), "OSG".into(), "223".into()),
            ])
        );
        assert!(r.config.stop_on_error);
    }

    fn record(attrs: &str, body: &str) -> String {
        format!("<Sentence date=\"20000101\" {attrs}>{body}<Text>x</Text></Sentence>")
    }

    #[test]
    fn expectation_forms() {
        let xml = wrap(
            &[
                record(
                    "id=\"A\"",
                    "<EventCoding noevents = \"True\"> </EventCoding>",
                ),
                record("id=\"B\"", "<EventCoding error=\"dateline\"></EventCoding>"),
                record("id=\"C\"", ""),
                record(
                    "id=\"D\"",
                    "<EventCoding sourcecode=\"\" targetcode=\"\" eventcode=\"\"/>",
                ),
                record("id=\"E\"", "<EventCoding/>"),
                record(
                    "id=\"F\"",
                    "<EventCoding sourcecode=\"ARN\" eventcode=\"010\"/>",
                ),
                record(
                    "id=\"G\" sentence=\"false\"",
                    "<EventCoding noevents=\"false\"/>",
                ),
            ]
            .concat(),
        );
        let suite = read_suite(&xml, "t.xml").unwrap();
        let got: Vec<&Expected> = suite.records.iter().map(|r| &r.expected).collect();
        assert_eq!(
            got,
            [
                &Expected::NoEvents,
                &Expected::Error("dateline".into()),
                &Expected::NoEvents,
                &Expected::NoEvents,
                &Expected::NoEvents,
                &Expected::Events(vec![("ARN".into(), "".into(), "010".into())]),
                &Expected::NoEvents,
            ]
        );
        assert!(!suite.records[6].sentence);
        assert!(suite.records[5].sentence);
    }

    #[test]
    fn configs_apply_in_document_order() {
        let xml = wrap(&[
            record("id=\"R0\"", ""),
            "<Config option=\"require_dyad\" value=\"FALSE\"></Config>".to_string(),
            record("id=\"R1\"", ""),
            record(
                "id=\"R2\"",
                "<Config option=\"new_actor_length\" value=\"4\"/><EventCoding noevents=\"True\"/>",
            ),
            "<Config option=\"require_dyad\" value=\"true\"/>".to_string(),
            record("id=\"R3\"", ""),
        ]
        .concat());
        let suite = read_suite(&xml, "t.xml").unwrap();
        let c: Vec<(bool, u32, bool)> = suite
            .records
            .iter()
            .map(|r| {
                (
                    r.config.require_dyad,
                    r.config.new_actor_length,
                    r.config.stop_on_error,
                )
            })
            .collect();
        assert_eq!(
            c,
            [
                (true, 0, true),
                (false, 0, true),
                (false, 4, true),
                (true, 4, true)
            ]
        );
    }

    #[test]
    fn duplicate_ids_stay_distinct_by_index() {
        let xml = wrap(&[record("id=\"X\"", ""), record("id=\"X\"", "")].concat());
        let suite = read_suite(&xml, "t.xml").unwrap();
        assert_eq!(
            suite.records.iter().map(|r| r.index).collect::<Vec<_>>(),
            [0, 1]
        );
    }

    #[test]
    fn errors_name_file_line_and_record() {
        let cases = [
            ("<Validation><Sentences>", "t.xml: invalid XML"),
            (
                "<Other/>",
                "t.xml:1: Validation: the root element must be <Validation>",
            ),
            (
                "<Validation/>",
                "t.xml:1: Validation: no <Sentences> element",
            ),
        ];
        for (xml, want) in cases {
            let err = read_suite(xml, "t.xml").unwrap_err().to_string();
            assert!(err.starts_with(want), "{err:?} should start with {want:?}");
        }
        let cases = [
            (
                "<Sentence id=\"B\" date=\"1995-01-01\"><Text>x</Text></Sentence>".into(),
                "B: `date` must be YYYYMMDD",
            ),
            (
                "<Sentence date=\"20000101\"><Text>x</Text></Sentence>".into(),
                "record 1: <Sentence> has no `id`",
            ),
            (
                "<Sentence id=\"T\" date=\"20000101\"></Sentence>".into(),
                "T: <Sentence> has no <Text>",
            ),
            (
                "<Config option=\"colour\" value=\"1\"/>".into(),
                "Config: unknown config option `colour`",
            ),
            (
                "<Config option=\"comma_min\"/>".into(),
                "Config: <Config> needs `option` and `value`",
            ),
            (
                record(
                    "id=\"K\"",
                    "<Config option=\"require_dyad\" value=\"maybe\"/>",
                ),
                "K: expected true or false",
            ),
            (
                record(
                    "id=\"M\"",
                    "<EventCoding noevents=\"True\"/><EventCoding sourcecode=\"A\"/>",
                ),
                "M: expects both no events and events",
            ),
            (
                record(
                    "id=\"N\"",
                    "<EventCoding error=\"x\"/><EventCoding sourcecode=\"A\"/>",
                ),
                "N: an expected error must be the record's only expectation",
            ),
            (
                record("id=\"P\"", "<EventCoding noevents=\"maybe\"/>"),
                "P: `noevents` must be true or false",
            ),
        ];
        for (body, want) in cases {
            let err = read_suite(&wrap(&body), "t.xml").unwrap_err().to_string();
            assert!(err.starts_with("t.xml:10: "), "{err}");
            assert!(err.contains(want), "{err:?} should contain {want:?}");
        }
    }
}
