//! The words that say what kind of work a function is. The RACI checks use them to mark
//! functions the buyer names ("HIPAA control ownership" is a compliance duty), and the
//! pricing cross-check uses the same table to tell which cost item a function falls
//! under, so the two tools never disagree about a row.
//!
//! Names are matched on whole words, ignoring case and punctuation ("after-hours" is
//! "after hours", "24/7" is "24 7"), and a word also matches its plural. At each place in
//! a name the longest phrase wins and uses up its words, so "SOC 2" is compliance and not
//! the SOC, and phrases with no topic ("user offboarding") stop a shorter one inside them
//! ("offboarding") from counting.

use super::model::{Mark, Marks};

/// What a phrase says about the work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// Work done outside business hours by name: overnight, weekends, on call.
    OutOfHours,
    /// Services that run around the clock: monitoring, alerts, the SOC.
    AlwaysOn,
    Incident,
    Compliance,
    /// Leaving the MSP: data return, handover, termination.
    Exit,
    /// Licences: a tools duty that also has its own cost item.
    Licensing,
    /// Who owns the RMM, the PSA, tenants and admin credentials.
    ToolOwnership,
    Advisory,
    OnSite,
    Project,
}

impl Topic {
    /// The RACI mark this topic sets, if any.
    pub fn mark(self) -> Option<Mark> {
        match self {
            Topic::OutOfHours | Topic::AlwaysOn => Some(Mark::AroundClock),
            Topic::Incident => Some(Mark::Incident),
            Topic::Compliance => Some(Mark::Compliance),
            Topic::Exit => Some(Mark::Exit),
            Topic::Licensing | Topic::ToolOwnership => Some(Mark::Tools),
            Topic::Advisory | Topic::OnSite | Topic::Project => None,
        }
    }
}

use Topic::*;

const URGENT: &[Topic] = &[Incident, AlwaysOn];
/// A phrase that means nothing here but keeps its words from matching shorter phrases.
const NOTHING: &[Topic] = &[];

/// Every phrase and what it says, written as `words` reads a name: lower case, words
/// separated by one space.
#[rustfmt::skip]
const TERMS: &[(&str, &[Topic])] = &[
    // Out of hours
    ("after hours", &[OutOfHours]), ("out of hours", &[OutOfHours]), ("overnight", &[OutOfHours]),
    ("24 7", &[OutOfHours]), ("24x7", &[OutOfHours]), ("24 x 7", &[OutOfHours]),
    ("around the clock", &[OutOfHours]), ("round the clock", &[OutOfHours]),
    ("weekend", &[OutOfHours]), ("night", &[OutOfHours]), ("on call", &[OutOfHours]),
    ("oncall", &[OutOfHours]), ("evening", &[OutOfHours]),
    // Always on
    ("monitoring", &[AlwaysOn]), ("alert", &[AlwaysOn]), ("alerting", &[AlwaysOn]),
    ("noc", &[AlwaysOn]), ("backup job", &[AlwaysOn]), ("uptime", &[AlwaysOn]),
    ("soc", URGENT), ("security alert", URGENT), ("security operations", URGENT),
    // Incidents
    ("incident", &[Incident]), ("security incident", &[Incident]),
    ("security incident response", URGENT), ("breach", &[Incident]),
    ("incident response", URGENT), ("major incident", URGENT), ("p1", URGENT),
    ("priority 1", URGENT), ("sev 1", URGENT), ("sev1", URGENT), ("severity 1", URGENT),
    ("outage", URGENT), ("ransomware", URGENT), ("alert triage", URGENT),
    ("security alert triage", URGENT), ("disaster recovery", URGENT), ("failover", URGENT), ("failure", URGENT),
    ("cyber attack", URGENT), ("cyberattack", URGENT), ("alert response", URGENT),
    ("post incident", &[Incident]),
    ("incident response plan", NOTHING), ("tabletop", NOTHING), ("incident report", &[Incident]),
    // Compliance
    ("compliance", &[Compliance]), ("compliant", &[Compliance]), ("regulatory", &[Compliance]),
    ("regulator", &[Compliance]), ("regulation", &[Compliance]), ("audit", &[Compliance]),
    ("auditor", &[Compliance]), ("evidence", &[Compliance]), ("control owner", &[Compliance]),
    ("control ownership", &[Compliance]), ("hipaa", &[Compliance]), ("hitrust", &[Compliance]),
    ("soc 2", &[Compliance]), ("soc2", &[Compliance]), ("soc ii", &[Compliance]),
    ("pci", &[Compliance]), ("pci dss", &[Compliance]), ("glba", &[Compliance]),
    ("finra", &[Compliance]), ("cmmc", &[Compliance]), ("iso 27001", &[Compliance]),
    ("iso27001", &[Compliance]), ("nist", &[Compliance]), ("gdpr", &[Compliance]),
    ("sox", &[Compliance]), ("sarbanes oxley", &[Compliance]), ("safeguards", &[Compliance]),
    ("safeguards rule", &[Compliance]), ("data protection", &[Compliance]),
    ("cyber essentials", &[Compliance]), ("risk assessment", &[Compliance]),
    ("risk analysis", &[Compliance]), ("ephi", &[Compliance]), ("phi", &[Compliance]),
    ("business associate", &[Compliance]), ("baa", &[Compliance]), ("disclosure", &[Compliance]),
    ("breach notification", &[Compliance, Incident]), ("client notification", &[Compliance]),
    ("regulator notice", &[Compliance]), ("matter access", &[Compliance]),
    ("privilege", &[Compliance]), ("ethical wall", &[Compliance]),
    ("cyber insurance", &[Compliance]), ("legal hold", &[Compliance]),
    ("ediscovery", &[Compliance]), ("e discovery", &[Compliance]),
    ("operational resilience", &[Compliance]), ("dora", &[Compliance]), ("nis2", &[Compliance]),
    ("fca", &[Compliance]), ("pra", &[Compliance]), ("ico", &[Compliance]),
    ("nydfs", &[Compliance]), ("ffiec", &[Compliance]), ("ccpa", &[Compliance]),
    ("fedramp", &[Compliance]), ("itgc", &[Compliance]), ("isms", &[Compliance]),
    ("dsar", &[Compliance]), ("dpia", &[Compliance]),
    ("document management permissions", &[Compliance]), ("attestation", &[Compliance]),
    // Exit
    ("exit", &[Exit]), ("offboarding", &[Exit]), ("off boarding", &[Exit]),
    ("termination", &[Exit]), ("transition out", &[Exit]), ("data return", &[Exit]),
    ("return of data", &[Exit]), ("handover", &[Exit]), ("hand over", &[Exit]),
    ("handback", &[Exit]), ("hand back", &[Exit]), ("contract end", &[Exit]),
    ("end of contract", &[Exit]), ("exit plan", &[Exit]), ("exit management", &[Exit]),
    ("incoming msp", &[Exit]), ("incoming provider", &[Exit]), ("outgoing msp", &[Exit]),
    ("outgoing provider", &[Exit]), ("successor provider", &[Exit]), ("new provider", &[Exit]),
    ("next provider", &[Exit]), ("new msp", &[Exit]), ("next msp", &[Exit]),
    ("user offboarding", NOTHING), ("user off boarding", NOTHING),
    ("employee offboarding", NOTHING), ("employee off boarding", NOTHING),
    ("staff offboarding", NOTHING), ("staff off boarding", NOTHING),
    ("onboarding and offboarding", NOTHING), ("onboarding and off boarding", NOTHING),
    ("shift handover", NOTHING), ("tooling handover", &[Exit]),
    // Tools and licences
    ("licence", &[Licensing]), ("license", &[Licensing]), ("licensing", &[Licensing]),
    ("licencing", &[Licensing]), ("true up", &[Licensing]),
    ("rmm", &[ToolOwnership]), ("psa", &[ToolOwnership]), ("tool ownership", &[ToolOwnership]),
    ("tools ownership", &[ToolOwnership]), ("tooling ownership", &[ToolOwnership]),
    ("admin credentials", &[ToolOwnership]), ("admin account", &[ToolOwnership]),
    ("global admin", &[ToolOwnership]), ("password vault", &[ToolOwnership]),
    ("break glass", &[ToolOwnership]), ("tenant", &[ToolOwnership]),
    ("documentation platform", &[ToolOwnership]), ("it glue", &[ToolOwnership]),
    ("hudu", &[ToolOwnership]),
    ("rmm agent", NOTHING), ("tenant clean up", NOTHING), ("tenant cleanup", NOTHING),
    ("tenant migration", NOTHING), ("tenant to tenant", NOTHING),
    // Cost items with no RACI mark
    ("vcio", &[Advisory]), ("virtual cio", &[Advisory]), ("advisory", &[Advisory]),
    ("strategy", &[Advisory]), ("roadmap", &[Advisory]),
    ("on site", &[OnSite]), ("onsite", &[OnSite]), ("desk side", &[OnSite]),
    ("deskside", &[OnSite]), ("walk up", &[OnSite]), ("site visit", &[OnSite]),
    ("project", &[Project]), ("migration", &[Project]), ("rollout", &[Project]),
    ("roll out", &[Project]), ("assessment", &[Project]), ("penetration", &[Project]),
    ("pen test", &[Project]), ("pentest", &[Project]),
];

/// A phrase found in a name, and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The words as the name spells them, for "because the name says …".
    pub said: String,
    pub topics: &'static [Topic],
}

/// The words of a text, lower-cased, with where each sits: letters and digits, anything
/// else a break.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i, crate::domain::text::lower(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A name's word matches a phrase's word, or its plural.
fn same_word(word: &str, term: &str) -> bool {
    word == term
        || word
            .strip_prefix(term)
            .is_some_and(|rest| rest == "s" || rest == "es")
}

/// How many words of `rest` the phrase matches, if it matches.
fn match_len(term: &str, rest: &[(usize, usize, String)]) -> Option<usize> {
    let mut n = 0;
    for t in term.split(' ') {
        if !same_word(&rest.get(n)?.2, t) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// The phrases found in a name, in the order they appear.
pub fn scan(name: &str) -> Vec<Found> {
    let name_words = words(name);
    let mut found = Vec::new();
    let mut at = 0;
    while at < name_words.len() {
        let rest = &name_words[at..];
        let best = TERMS
            .iter()
            .filter_map(|(term, topics)| Some((match_len(term, rest)?, *topics)))
            .max_by_key(|(n, _)| *n);
        match best {
            Some((n, topics)) => {
                if !topics.is_empty() {
                    found.push(Found {
                        said: name[rest[0].0..rest[n - 1].1].to_owned(),
                        topics,
                    });
                }
                at += n;
            }
            None => at += 1,
        }
    }
    found
}

/// The topics of a name, each once, in the order they first appear.
pub fn topics(name: &str) -> Vec<Topic> {
    let mut out = Vec::new();
    for t in scan(name).iter().flat_map(|f| f.topics) {
        if !out.contains(t) {
            out.push(*t);
        }
    }
    out
}

/// The marks a name implies, with the first phrase behind each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inferred {
    pub marks: Marks,
    reasons: [Option<String>; 5],
}

impl Inferred {
    /// The words of the name that set this mark, if the name set it.
    pub fn reason(&self, mark: Mark) -> Option<&str> {
        self.reasons[mark as usize].as_deref()
    }
}

pub fn infer(name: &str) -> Inferred {
    let mut out = Inferred::default();
    for f in scan(name) {
        for mark in f.topics.iter().filter_map(|t| t.mark()) {
            if !out.marks.get(mark) {
                out.marks.set(mark, true);
                out.reasons[mark as usize] = Some(f.said.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(name: &str) -> Vec<Mark> {
        infer(name).marks.iter().collect()
    }

    #[test]
    fn whole_words_only_in_any_case_with_plurals() {
        assert_eq!(marks("HIPAA control ownership"), [Mark::Compliance]);
        assert_eq!(marks("hipaa"), [Mark::Compliance]);
        assert!(
            marks("Exiting the office").is_empty(),
            "exit is a whole word"
        );
        assert!(marks("Socks inventory").is_empty(), "soc is a whole word");
        assert_eq!(
            marks("Security alerts"),
            [Mark::AroundClock, Mark::Incident]
        );
        assert_eq!(marks("Audits"), [Mark::Compliance]);
    }

    #[test]
    fn punctuation_and_spelling_variants_read_the_same() {
        for name in [
            "After-hours support",
            "after hours support",
            "AFTER_HOURS support",
        ] {
            assert_eq!(marks(name), [Mark::AroundClock], "{name}");
        }
        for name in ["24/7 cover", "24x7 cover", "24 x 7 cover"] {
            assert_eq!(marks(name), [Mark::AroundClock], "{name}");
        }
        for name in ["Licence renewals", "License renewals", "Licensing"] {
            assert_eq!(marks(name), [Mark::Tools], "{name}");
        }
        for name in ["Off-boarding the MSP", "Offboarding the MSP"] {
            assert_eq!(marks(name), [Mark::Exit], "{name}");
        }
    }

    #[test]
    fn the_longest_phrase_wins_and_uses_up_its_words() {
        assert_eq!(marks("SOC 2 evidence"), [Mark::Compliance], "not the SOC");
        assert!(marks("User onboarding and offboarding").is_empty());
        assert!(marks("Employee off-boarding").is_empty());
        assert!(marks("Incident response plan review").is_empty());
        assert!(marks("Patch management and the RMM agent").is_empty());
        assert_eq!(topics("Tenant-to-tenant migration"), [Topic::Project]);
    }

    #[test]
    fn each_mark_says_which_phrase_set_it() {
        let got = infer("24/7 security alert triage");
        assert_eq!(got.reason(Mark::AroundClock), Some("24/7"));
        assert_eq!(got.reason(Mark::Incident), Some("security alert triage"));
        assert_eq!(got.reason(Mark::Compliance), None);
        let hipaa = infer("HIPAA control ownership");
        assert_eq!(
            hipaa.reason(Mark::Compliance),
            Some("HIPAA"),
            "as the name spells it"
        );
        assert_eq!(
            infer("After-Hours cover").reason(Mark::AroundClock),
            Some("After-Hours")
        );
    }

    #[test]
    fn every_phrase_is_written_as_names_are_read_and_found_by_itself() {
        for (term, topics) in TERMS {
            let read: Vec<String> = words(term).into_iter().map(|w| w.2).collect();
            assert_eq!(read.join(" "), *term, "written as words() reads it");
            let found = scan(term);
            if topics.is_empty() {
                assert!(found.is_empty(), "{term}");
            } else {
                assert_eq!(found.len(), 1, "{term}");
                assert_eq!(found[0].topics, *topics, "{term}");
            }
        }
    }
}
