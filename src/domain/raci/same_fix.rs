//! Findings of one rule on several functions, told once. The decision brief lists the
//! RACI's findings for a buyer reading it through: five lines that differ only in the
//! function's name, each with the same fix, buried what else it had to say.

use super::checks::{Finding, Rule};
use super::{Id, Raci};
use crate::domain::text::and_list;

/// One line of findings: a single finding, or several of one rule with the same fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub what: String,
    pub fix: String,
    /// The function's name, when the line is about one function.
    pub function: Option<String>,
    /// How many findings the line stands for.
    pub count: usize,
    /// The function of its first finding: where a link to the line opens.
    pub first: Option<Id>,
}

/// The finding said of `n` functions at once (`names` is their quoted list), for the
/// rules whose sentence names nothing but the function.
fn of_many(rule: Rule, n: usize, names: &str) -> Option<String> {
    Some(match rule {
        Rule::NoAccountable => format!("No one is accountable for {n} functions: {names}."),
        Rule::NoResponsible => format!("No one does the work for {n} functions: {names}."),
        Rule::NoAfterHoursOwner => {
            format!("{n} functions need 24/7 cover but have no after-hours owner: {names}.")
        }
        Rule::NoP1Path => format!(
            "{n} functions are incident work with no P1 escalation path written down: {names}."
        ),
        _ => return None,
    })
}

/// `findings` as lines, in their order: each group where its first finding was.
pub fn lines<'a>(raci: &Raci, findings: impl IntoIterator<Item = &'a Finding>) -> Vec<Line> {
    let findings: Vec<&Finding> = findings.into_iter().collect();
    let name = |f: &Finding| {
        f.function
            .and_then(|id| raci.function(id))
            .map(|func| func.name.clone())
    };
    let mut taken = vec![false; findings.len()];
    let mut out = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        if taken[i] {
            continue;
        }
        // Always `f` itself, then the later ones of its rule and fix on a named function.
        let named = name(f).is_some();
        let alike: Vec<usize> = (i..findings.len())
            .filter(|&j| {
                let g = findings[j];
                j == i
                    || (named
                        && !taken[j]
                        && g.rule == f.rule
                        && g.fix == f.fix
                        && name(g).is_some())
            })
            .collect();
        let names: Vec<String> = alike
            .iter()
            .filter_map(|&j| name(findings[j]))
            .map(|n| format!("“{n}”"))
            .collect();
        let many = (alike.len() > 1)
            .then(|| of_many(f.rule, alike.len(), &and_list(&names)))
            .flatten();
        match many {
            Some(what) => {
                for &j in &alike {
                    taken[j] = true;
                }
                out.push(Line {
                    what,
                    fix: f.fix.clone(),
                    function: None,
                    count: alike.len(),
                    first: f.function,
                });
            }
            None => out.push(Line {
                what: f.what.clone(),
                fix: f.fix.clone(),
                function: name(f),
                count: 1,
                first: f.function,
            }),
        }
        taken[i] = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::checks::check;
    use crate::domain::raci::template::co_managed;

    #[test]
    fn findings_of_one_rule_and_fix_become_one_line_in_place() {
        let raci = co_managed(Industry::General);
        let report = check(&raci);
        let p1: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::NoP1Path)
            .collect();
        assert!(p1.len() > 1, "the template has several incident functions");
        let lines = lines(&raci, &report.findings);
        let grouped: Vec<&Line> = lines
            .iter()
            .filter(|l| l.what.contains("no P1 escalation path"))
            .collect();
        assert_eq!(grouped.len(), 1);
        let line = grouped[0];
        assert_eq!(line.count, p1.len());
        assert_eq!(line.function, None);
        assert_eq!(line.fix, p1[0].fix);
        assert!(line
            .what
            .starts_with(&format!("{} functions are incident work", p1.len())));
        for f in &p1 {
            let name = &raci.function(f.function.unwrap()).unwrap().name;
            assert!(line.what.contains(&format!("“{name}”")), "{name}");
        }
        // Nothing lost, and the group sits where its first finding was.
        let counted: usize = lines.iter().map(|l| l.count).sum();
        assert_eq!(counted, report.findings.len());
        let first = report
            .findings
            .iter()
            .position(|f| f.rule == Rule::NoP1Path)
            .unwrap();
        let before = report.findings[..first]
            .iter()
            .filter(|f| f.rule != Rule::NoP1Path)
            .count();
        assert!(lines[before].what.contains("no P1 escalation path"));
    }

    #[test]
    fn a_single_finding_or_a_rule_with_names_of_parties_stays_as_it_is() {
        let raci = co_managed(Industry::General);
        let report = check(&raci);
        let one: Vec<&Finding> = report.findings.iter().take(1).collect();
        let lines_of_one = lines(&raci, one.iter().copied());
        assert_eq!(lines_of_one.len(), 1);
        assert_eq!(lines_of_one[0].what, one[0].what);
        assert_eq!(lines_of_one[0].count, 1);
        assert!(of_many(Rule::ManyAccountable, 2, "“a” and “b”").is_none());
        assert!(of_many(Rule::Collision, 2, "“a” and “b”").is_none());
    }
}
