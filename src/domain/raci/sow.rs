//! The SOW appendix: one plain-language clause per function, ready to attach to a
//! Statement of Work, as structured clauses (for the printable page) and as Markdown.

use super::letters::Letter;
use super::markdown::escape;
use super::model::{Function, Party, Raci, Side};

/// One clause: "3.2 Patch failures and rollback. MSP is accountable …".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub number: String,
    pub title: String,
    pub text: String,
}

/// The clauses of one category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub number: usize,
    pub title: String,
    pub clauses: Vec<Clause>,
}

fn list(parties: &[&Party]) -> String {
    let names: Vec<&str> = parties.iter().map(|p| p.name.as_str()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn verb(parties: &[&Party], one: &'static str, many: &'static str) -> &'static str {
    if parties.len() == 1 {
        one
    } else {
        many
    }
}

/// `text` as one sentence of the clause. Its lines are joined by semicolons: a P1 path is
/// often a list, a step a line, and joined by spaces a phone number runs into the next name.
/// A line that starts in lower case goes on the one before (prose wrapped by an email).
/// List marks ("- ", "* ", "• ") go: the semicolons do their work.
fn sentence(text: &str) -> String {
    let mut t = String::new();
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let item = ["- ", "* ", "• "]
            .iter()
            .find_map(|mark| line.strip_prefix(mark));
        let line = item.unwrap_or(&line);
        if line.is_empty() {
            continue;
        }
        if !t.is_empty() {
            // A list item is its own step, whatever its first letter.
            let goes_on = item.is_none() && line.starts_with(|c: char| c.is_lowercase());
            t.push_str(if goes_on || t.ends_with(['.', ';', ',', ':', '!', '?']) {
                " "
            } else {
                "; "
            });
        }
        t.push_str(line);
    }
    if t.ends_with(['.', '!', '?']) {
        t
    } else {
        format!("{t}.")
    }
}

/// The clause text for one function.
pub fn clause_text(raci: &Raci, f: &Function) -> String {
    let who = |letter| f.holders(&raci.parties, letter).collect::<Vec<_>>();
    let (a, r, c, i) = (
        who(Letter::Accountable),
        who(Letter::Responsible),
        who(Letter::Consulted),
        who(Letter::Informed),
    );
    let mut out: Vec<String> = Vec::new();
    match (a.as_slice(), r.as_slice()) {
        ([one], [same]) if one.id == same.id => {
            out.push(format!("{} is accountable and does the work.", one.name))
        }
        ([one], _) => out.push(format!("{} is accountable.", one.name)),
        ([], _) => {
            out.push("No party is accountable yet; this must be agreed before signing.".into())
        }
        (many, _) => out.push(format!(
            "{} are each named accountable; this must be settled before signing.",
            list(many)
        )),
    }
    let same_single = a.len() == 1 && r.len() == 1 && a[0].id == r[0].id;
    if !same_single {
        if r.is_empty() {
            out.push("No party is named to do the work.".into());
        } else {
            out.push(format!(
                "{} {} the work.",
                list(&r),
                verb(&r, "does", "share")
            ));
        }
    }
    match (c.is_empty(), i.is_empty()) {
        (false, false) => out.push(format!(
            "{} {} consulted and {} {} kept informed.",
            list(&c),
            verb(&c, "is", "are"),
            list(&i),
            verb(&i, "is", "are")
        )),
        (false, true) => out.push(format!("{} {} consulted.", list(&c), verb(&c, "is", "are"))),
        (true, false) => out.push(format!(
            "{} {} kept informed.",
            list(&i),
            verb(&i, "is", "are")
        )),
        (true, true) => {}
    }
    let day = f.day_owner.and_then(|id| raci.party(id));
    let night = f.night_owner.and_then(|id| raci.party(id));
    match (day, night) {
        (Some(d), Some(n)) if d.id == n.id => {
            out.push(format!("{} owns it in and outside business hours.", d.name))
        }
        (Some(d), Some(n)) => out.push(format!(
            "In business hours {} owns it; after hours, {}.",
            d.name, n.name
        )),
        (Some(d), None) => {
            out.push(format!("{} owns it in business hours.", d.name));
            if f.marks.around_clock {
                out.push("The after-hours owner is still to be named.".into());
            }
        }
        (None, Some(n)) => out.push(format!("After hours, {} owns it.", n.name)),
        (None, None) if f.marks.around_clock => {
            out.push("It needs 24/7 cover; the owners are still to be named.".into())
        }
        (None, None) => {}
    }
    // An owner who neither does the work nor answers for it contradicts the sentences
    // above (the check `OwnerWithoutRole`): said, as the other gaps are.
    let idle = |p: &&Party| {
        let l = f.letters(p.id);
        !l.has(Letter::Accountable) && !l.has(Letter::Responsible)
    };
    let night_idle = night.filter(|n| day.is_none_or(|d| d.id != n.id));
    for owner in [day, night_idle].into_iter().flatten().filter(idle) {
        out.push(format!(
            "{} owns it but neither does the work nor answers for it; this must be settled before signing.",
            owner.name
        ));
    }
    if !f.handoff.trim().is_empty() {
        out.push(format!("Hand-off: {}", sentence(&f.handoff)));
    }
    if !f.p1.trim().is_empty() {
        out.push(format!("P1 escalation: {}", sentence(&f.p1)));
    } else if f.marks.incident {
        out.push("P1 escalation: still to be agreed.".into());
    }
    out.join(" ")
}

/// Every function as a numbered clause, by category. Empty categories are left out.
pub fn appendix(raci: &Raci) -> Vec<Section> {
    raci.categories
        .iter()
        .filter(|c| raci.functions_in(c.id).next().is_some())
        .enumerate()
        .map(|(n, c)| Section {
            number: n + 1,
            title: c.name.clone(),
            clauses: raci
                .functions_in(c.id)
                .enumerate()
                .map(|(m, f)| Clause {
                    number: format!("{}.{}", n + 1, m + 1),
                    title: f.name.clone(),
                    text: clause_text(raci, f),
                })
                .collect(),
        })
        .collect()
}

/// Who each party is, for the appendix's opening: the parties of one side together, so
/// two internal teams read "IT and Security (the customer's internal IT teams)", not the
/// same description twice.
pub fn party_line(raci: &Raci) -> String {
    let mut sides: Vec<Side> = Vec::new();
    for p in &raci.parties {
        if !sides.contains(&p.side) {
            sides.push(p.side);
        }
    }
    sides
        .into_iter()
        .map(|side| {
            let of_side: Vec<&Party> = raci.parties.iter().filter(|p| p.side == side).collect();
            let role = match side {
                Side::Internal => verb(
                    &of_side,
                    "the customer's internal IT team",
                    "the customer's internal IT teams",
                ),
                Side::Msp => verb(
                    &of_side,
                    "the managed service provider",
                    "the managed service providers",
                ),
                Side::Business => "the customer's business side",
                Side::Other => verb(&of_side, "a third party", "third parties"),
            };
            format!("{} ({role})", list(&of_side))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The letters, defined once.
pub const DEFINITIONS: &str = "R (responsible) does the work. A (accountable) answers for the outcome and signs it off; each function has exactly one. C (consulted) is asked before decisions. I (informed) is told of outcomes.";

/// The appendix as Markdown. `customer` is the company name (may be blank).
pub fn markdown(raci: &Raci, customer: &str) -> String {
    let mut out = String::from("# Appendix: responsibilities (RACI)\n\n");
    let customer = customer.trim();
    if customer.is_empty() {
        out.push_str("This appendix sets out, function by function, who owns what between the customer and the managed service provider.\n\n");
    } else {
        out.push_str(&format!(
            "This appendix sets out, function by function, who owns what between {} and the managed service provider.\n\n",
            escape(customer)
        ));
    }
    out.push_str(&format!("**Parties.** {}.\n\n", escape(&party_line(raci))));
    out.push_str(&format!("**Letters.** {DEFINITIONS}\n\n"));
    for s in appendix(raci) {
        out.push_str(&format!("## {}. {}\n\n", s.number, escape(&s.title)));
        for c in s.clauses {
            out.push_str(&format!(
                "**{} {}.** {}\n\n",
                c.number,
                escape(&c.title),
                escape(&c.text)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template::co_managed;
    use crate::domain::raci::{Letters, Shift, TextField};

    fn clause<'a>(sections: &'a [Section], title: &str) -> &'a Clause {
        sections
            .iter()
            .flat_map(|s| &s.clauses)
            .find(|c| c.title == title)
            .unwrap()
    }

    #[test]
    fn one_clause_per_function_numbered_by_category() {
        let raci = co_managed(Industry::General);
        let sections = appendix(&raci);
        let clauses: usize = sections.iter().map(|s| s.clauses.len()).sum();
        assert_eq!(clauses, raci.functions.len());
        assert_eq!(sections[0].title, "Service desk");
        assert_eq!(sections[0].clauses[0].number, "1.1");
        assert_eq!(sections[2].clauses[0].number, "3.1");
    }

    #[test]
    fn clauses_say_who_is_accountable_does_the_work_and_owns_it_after_hours() {
        let raci = co_managed(Industry::General);
        let sections = appendix(&raci);
        assert_eq!(
            clause(&sections, "Tier 1 help desk in business hours").text,
            "Internal IT is accountable and does the work. MSP is kept informed. Internal IT owns it in business hours."
        );
        assert_eq!(
            clause(&sections, "Incident response").text,
            "Internal IT is accountable. MSP does the work. Business leadership is kept informed. In business hours Internal IT owns it; after hours, MSP. P1 escalation: still to be agreed."
        );
        let patch = &clause(&sections, "Patch failures and rollback").text;
        assert!(
            patch.starts_with("MSP is accountable. Internal IT and MSP share the work."),
            "{patch}"
        );
        assert!(
            patch.contains("Hand-off: The MSP rolls the patch back"),
            "{patch}"
        );
    }

    #[test]
    fn gaps_are_spelled_out_not_hidden() {
        let mut raci = Raci::default();
        let it = raci.add_party("IT", Side::Internal).unwrap();
        let msp = raci.add_party("MSP", Side::Msp).unwrap();
        let c = raci.add_category("Security").unwrap();
        let f = raci.add_function(c, "Alerts").unwrap();
        raci.set_mark(f, crate::domain::raci::Mark::AroundClock, true);
        assert_eq!(
            clause_text(&raci, raci.function(f).unwrap()),
            "No party is accountable yet; this must be agreed before signing. No party is named to do the work. It needs 24/7 cover; the owners are still to be named."
        );
        raci.set_cell(f, it, Letters::parse("A").unwrap());
        raci.set_cell(f, msp, Letters::parse("A/R").unwrap());
        raci.set_owner(f, Shift::Day, Some(msp));
        raci.set_text(f, TextField::P1, "SOC on-call, then IT manager")
            .unwrap();
        assert_eq!(
            clause_text(&raci, raci.function(f).unwrap()),
            "IT and MSP are each named accountable; this must be settled before signing. MSP does the work. MSP owns it in business hours. The after-hours owner is still to be named. P1 escalation: SOC on-call, then IT manager."
        );
        // An owner with only an I is a contradiction the clause says, as the check does.
        raci.set_owner(f, Shift::Night, Some(it));
        raci.set_cell(f, it, Letters::parse("I").unwrap());
        assert!(clause_text(&raci, raci.function(f).unwrap()).contains(
            "In business hours MSP owns it; after hours, IT. IT owns it but neither does the work nor answers for it; this must be settled before signing."
        ));
        raci.set_owner(f, Shift::Night, None);
        // A path written a step a line keeps its steps apart.
        raci.set_text(
            f,
            TextField::P1,
            "1. MSP on-call: +1 555 0100\n\n2. IT manager,\n  Jane O'Neil\n3. CEO",
        )
        .unwrap();
        assert!(
            clause_text(&raci, raci.function(f).unwrap()).ends_with(
                "P1 escalation: 1. MSP on-call: +1 555 0100; 2. IT manager, Jane O'Neil; 3. CEO."
            ),
            "{}",
            clause_text(&raci, raci.function(f).unwrap())
        );
        // Prose wrapped by an email reads on.
        raci.set_text(f, TextField::P1, "Call the SOC, then the\nduty manager")
            .unwrap();
        assert!(
            clause_text(&raci, raci.function(f).unwrap())
                .ends_with("P1 escalation: Call the SOC, then the duty manager."),
            "{}",
            clause_text(&raci, raci.function(f).unwrap())
        );
        // A bulleted list loses its marks.
        raci.set_text(f, TextField::P1, "- Call NOC\n- call IT manager")
            .unwrap();
        assert!(clause_text(&raci, raci.function(f).unwrap())
            .ends_with("P1 escalation: Call NOC; call IT manager."));
    }

    #[test]
    fn markdown_names_the_customer_and_escapes_text() {
        let mut raci = co_managed(Industry::General);
        let c = raci.categories[0].id;
        raci.add_function(c, "<img src=x onerror=alert(1)>")
            .unwrap();
        let md = markdown(&raci, "Northwind *Legal*");
        assert!(md.starts_with("# Appendix: responsibilities (RACI)\n"));
        assert!(md.contains("between Northwind \\*Legal\\* and the managed service provider"));
        assert!(md.contains("**Parties.** Internal IT (the customer's internal IT team); MSP"));
        // The parties of one side are described once.
        raci.add_party("Security", Side::Internal).unwrap();
        raci.add_party("Auditor", Side::Other).unwrap();
        assert_eq!(
            party_line(&raci),
            "Internal IT and Security (the customer's internal IT teams); MSP (the managed \
             service provider); Business leadership (the customer's business side); Auditor (a third \
             party)"
        );
        assert!(md.contains("## 1. Service desk"));
        assert!(
            md.contains("**1.1 Tier 1 help desk in business hours.** Internal IT is accountable")
        );
        assert!(md.contains("\\<img src=x onerror=alert(1)\\>"));
        let unescaped = md
            .match_indices('<')
            .filter(|(i, _)| !md[..*i].ends_with('\\'));
        assert_eq!(unescaped.count(), 0);
    }
}
