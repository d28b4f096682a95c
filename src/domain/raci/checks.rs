//! The checks: what a co-managed RACI gets wrong, and where. Each finding says what is
//! wrong, why it matters and how to fix it, and points at the cell or field to change.

use super::edit::{Shift, TextField};
use super::letters::{Letter, Letters};
use super::model::{Function, Id, Mark, Party, Raci, Side};

/// Below this many functions, shares of the work say nothing, so overload is not checked.
pub const MIN_FUNCTIONS_FOR_LOAD: usize = 5;

/// Which rule a finding breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    NoAccountable,
    ManyAccountable,
    NoResponsible,
    NoAfterHoursOwner,
    OwnerWithoutRole,
    /// A party holding letters that say two things about it: A or R with C or I, or C with I.
    MixedLetters,
    Collision,
    MspAccountableForCompliance,
    NoP1Path,
    Overloaded,
    Idle,
    MissingExit,
    MissingToolOwnership,
}

impl Rule {
    /// A stable token, used in finding ids.
    pub fn token(self) -> &'static str {
        match self {
            Rule::NoAccountable => "no-a",
            Rule::ManyAccountable => "many-a",
            Rule::NoResponsible => "no-r",
            Rule::NoAfterHoursOwner => "no-night",
            Rule::OwnerWithoutRole => "owner-no-role",
            Rule::MixedLetters => "mixed-letters",
            Rule::Collision => "collision",
            Rule::MspAccountableForCompliance => "msp-compliance",
            Rule::NoP1Path => "no-p1",
            Rule::Overloaded => "overloaded",
            Rule::Idle => "idle",
            Rule::MissingExit => "missing-exit",
            Rule::MissingToolOwnership => "missing-tools",
        }
    }

    /// Whether a finding of this rule leaves a Statement of Work unfit to sign: an owner,
    /// a shift or an exit is missing, or an owner named cannot act. The others are advice on how the work is shared.
    pub fn blocks_sow(self) -> bool {
        !matches!(
            self,
            Rule::MixedLetters | Rule::Collision | Rule::Overloaded | Rule::Idle
        )
    }

    /// Why the rule matters, in one sentence.
    pub fn why(self) -> &'static str {
        match self {
            Rule::NoAccountable => "Without one accountable party, each team can assume the other signs off, and nobody does.",
            Rule::ManyAccountable => "Two accountable parties means neither can decide alone, and each can blame the other.",
            Rule::NoResponsible => "An owner with nobody doing the work is a task that waits until something breaks.",
            Rule::NoAfterHoursOwner => "Problems that start at night wait until morning when no one is named to take them.",
            Rule::OwnerWithoutRole => "An owner who neither does the work nor answers for it is a name on paper: the call goes to a team that cannot act, and the SOW contradicts itself.",
            Rule::MixedLetters => "A party that does the work or answers for it is informed already, consulting it asks it of itself, and a consulted party is informed: the extra letter makes the SOW say two things about one party.",
            Rule::Collision => "Two responsible teams without a hand-off rule means double work, double tickets, or each waiting for the other.",
            Rule::MspAccountableForCompliance => "Regulators and auditors hold the company to account, and that cannot be outsourced even when the MSP does the documentation.",
            Rule::NoP1Path => "In a P1 incident there is no time to work out who to call, so the order must be written down and tested.",
            Rule::Overloaded => "One party carrying most of the work is a single point of failure and a sign the split is not really shared.",
            Rule::Idle => "A party with no role is either missing from the split or not needed in the matrix.",
            Rule::MissingExit => "Without an agreed exit, data return and tooling handover get negotiated when you have the least leverage.",
            Rule::MissingToolOwnership => "If nobody records who owns the RMM, PSA and licences, leaving the MSP can mean losing them.",
        }
    }
}

/// A field of a function's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Owner(Shift),
    Text(TextField),
}

/// Where the buyer fixes a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Cell {
        function: Id,
        party: Id,
    },
    Field {
        function: Id,
        field: Field,
    },
    /// The function's row (when there is no cell to point at).
    Row(Id),
    Party(Id),
    /// The overload limit setting.
    OverloadLimit,
    /// Add a template function by key (a quick fix).
    AddFromTemplate(&'static str),
}

/// One thing wrong with the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable while the problem lasts: the rule and what it concerns.
    pub id: String,
    pub rule: Rule,
    /// The function it concerns; `None` for findings about the whole matrix.
    pub function: Option<Id>,
    pub target: Target,
    pub what: String,
    pub fix: String,
}

impl Finding {
    pub fn why(&self) -> &'static str {
        self.rule.why()
    }
}

/// Everything the checks found, and the score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub functions: usize,
    /// Functions with no finding of their own.
    pub passing: usize,
    /// Of those, the ones with no kind that switches a function check on, so only the
    /// checks every function gets ran on them.
    pub passing_unmarked: usize,
}

/// The kinds that switch checks on for a function itself, with the check each adds.
const KIND_CHECKS: [(Mark, &str); 3] = [
    (Mark::AroundClock, "an after-hours owner (24/7)"),
    (Mark::Incident, "a P1 path (incident type)"),
    (
        Mark::Compliance,
        "who is accountable for compliance (compliance)",
    ),
];

/// What to say about a function with no findings: never that it passes every check when
/// some did not run because it is not marked for them.
pub fn no_findings(f: &Function) -> String {
    let skipped: Vec<&str> = KIND_CHECKS
        .iter()
        .filter(|(m, _)| !f.marks.get(*m))
        .map(|(_, check)| *check)
        .collect();
    match skipped.len() {
        0 => "No findings: every check ran on this function.".into(),
        n => format!(
            "No findings from the checks that ran. Not checked, because the function is not marked for {}: {}. Tick a kind below if one applies.",
            if n == 1 { "it" } else { "them" },
            crate::domain::text::and_list(&skipped)
        ),
    }
}

/// Every check ran on this function: it is marked for each kind that adds one.
pub fn all_checks_ran(f: &Function) -> bool {
    KIND_CHECKS.iter().all(|(m, _)| f.marks.get(*m))
}

/// The fields themselves, not `KIND_CHECKS`: the matrix's code stays small this way.
fn is_unmarked(f: &Function) -> bool {
    !(f.marks.around_clock || f.marks.incident || f.marks.compliance)
}

impl Report {
    /// The share of functions with no findings, rounded down so that 100% means all.
    pub fn score_pct(&self) -> Option<u32> {
        (self.functions > 0).then(|| (self.passing * 100 / self.functions) as u32)
    }

    /// Findings about the matrix as a whole (parties, missing functions).
    pub fn matrix_findings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.function.is_none())
            .count()
    }

    /// The line under the score, for example "31 of 36 functions have no findings (20 of
    /// them are not marked for the 24/7, P1 or compliance checks). 5 findings."
    pub fn summary(&self) -> String {
        if self.functions == 0 {
            return "The checks start when the matrix has functions.".into();
        }
        let mut text = format!(
            "{} of {} functions have no findings",
            self.passing, self.functions
        );
        if self.passing_unmarked > 0 {
            text.push_str(&format!(
                " ({} of them {} not marked for the 24/7, P1 or compliance checks)",
                self.passing_unmarked,
                if self.passing_unmarked == 1 {
                    "is"
                } else {
                    "are"
                }
            ));
        }
        text.push('.');
        let (all, matrix) = (self.findings.len(), self.matrix_findings());
        let s = if all == 1 { "" } else { "s" };
        text.push_str(&match (all, matrix) {
            (0, _) => " No findings.".to_owned(),
            (_, 0) => format!(" {all} finding{s}."),
            _ => format!(" {all} finding{s}, {matrix} about the matrix as a whole."),
        });
        // The score counts functions, so 86% can sit beside findings that leave the
        // SOW unfit to sign: say so, in the words of the decision brief.
        let blocking = self.findings.iter().filter(|f| f.rule.blocks_sow()).count();
        text.push_str(&match blocking {
            0 => String::new(),
            1 if all == 1 => " It blocks the Statement of Work.".to_owned(),
            n if n == all => " All of them block the Statement of Work.".to_owned(),
            1 => " 1 of them blocks the Statement of Work.".to_owned(),
            n => format!(" {n} of them block the Statement of Work."),
        });
        text
    }

    /// The number of findings of each function that has any.
    pub fn counts_by_function(&self) -> std::collections::HashMap<Id, usize> {
        let mut counts = std::collections::HashMap::new();
        for f in self.findings.iter().filter_map(|f| f.function) {
            *counts.entry(f).or_default() += 1;
        }
        counts
    }
}

fn names(parties: &[&Party]) -> String {
    let names: Vec<&str> = parties.iter().map(|p| p.name.as_str()).collect();
    crate::domain::text::and_list(&names)
}

/// Runs every check.
pub fn check(raci: &Raci) -> Report {
    let mut findings = Vec::new();
    let rows = raci.rows();
    let (mut passing, mut passing_unmarked) = (0, 0);
    for f in &rows {
        let before = findings.len();
        check_function(raci, f, &mut findings);
        if findings.len() == before {
            passing += 1;
            passing_unmarked += usize::from(is_unmarked(f));
        }
    }
    if !rows.is_empty() {
        check_parties(raci, &rows, &mut findings);
        check_coverage(raci, &rows, &mut findings);
    }
    Report {
        findings,
        functions: rows.len(),
        passing,
        passing_unmarked,
    }
}

/// What the checks would find on `changed` (a function of `raci` with other letters or
/// owners) that they do not find on the row as it is: what a proposed change breaks,
/// not what was already wrong.
pub fn introduced_by(raci: &Raci, changed: &Function) -> Vec<Finding> {
    let mut before = Vec::new();
    if let Some(f) = raci.function(changed.id) {
        check_function(raci, f, &mut before);
    }
    let mut after = Vec::new();
    check_function(raci, changed, &mut after);
    after.retain(|a| before.iter().all(|b| b.id != a.id));
    after
}

fn finding(
    rule: Rule,
    about: String,
    function: Option<Id>,
    target: Target,
    what: String,
    fix: String,
) -> Finding {
    Finding {
        id: format!("{}:{about}", rule.token()),
        rule,
        function,
        target,
        what,
        fix,
    }
}

/// Owners who neither do the work nor answer for it: one finding a shift, or one for
/// both when the same party owns it in and outside business hours.
fn owners_without_role(raci: &Raci, f: &Function, out: &mut Vec<Finding>) {
    let idle = |owner: Option<Id>| {
        let p = owner.and_then(|id| raci.party(id))?;
        let l = f.letters(p.id);
        (!l.has(Letter::Responsible) && !l.has(Letter::Accountable)).then_some(p)
    };
    let (day, night) = (idle(f.day_owner), idle(f.night_owner));
    let shifts = match (day, night) {
        (Some(d), Some(n)) if d.id == n.id => {
            vec![(Shift::Day, d, "both", "in and outside business hours")]
        }
        _ => [
            day.map(|p| (Shift::Day, p, "day", "in business hours")),
            night.map(|p| (Shift::Night, p, "night", "after hours")),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    for (shift, owner, token, when) in shifts {
        out.push(finding(
            Rule::OwnerWithoutRole,
            format!("{}:{token}", f.id),
            Some(f.id),
            Target::Field {
                function: f.id,
                field: Field::Owner(shift),
            },
            format!(
                "{} owns “{}” {when} but has no R or A on it.",
                owner.name, f.name
            ),
            format!(
                "Give {} an R on this function, or choose an owner who does the work.",
                owner.name
            ),
        ));
    }
}

/// Parties whose letters on `f` say two things about them (a key press adds a letter to
/// a cell, so "A" then "I" gives A/I): keep the stronger role, or A/R.
fn mixed_letters(raci: &Raci, f: &Function, out: &mut Vec<Finding>) {
    use Letter::{Accountable, Consulted, Informed, Responsible};
    for p in &raci.parties {
        let l = f.letters(p.id);
        let acts = l.has(Accountable) || l.has(Responsible);
        let hears = l.has(Consulted) || l.has(Informed);
        if !(acts && hears || l.has(Consulted) && l.has(Informed)) {
            continue;
        }
        let keep = if acts {
            [Accountable, Responsible]
                .into_iter()
                .filter(|x| l.has(*x))
                .fold(Letters::NONE, Letters::with)
        } else {
            Letters::NONE.with(Consulted)
        };
        out.push(finding(
            Rule::MixedLetters,
            format!("{}:{}", f.id, p.id),
            Some(f.id),
            Target::Cell {
                function: f.id,
                party: p.id,
            },
            format!("{} holds {} on “{}”.", p.name, l.label(), f.name),
            format!(
                "Keep {} for {}: the other letters are part of it.",
                keep.label(),
                p.name
            ),
        ));
    }
}

/// The checks on one row.
fn check_function(raci: &Raci, f: &Function, out: &mut Vec<Finding>) {
    let holders = |letter| f.holders(&raci.parties, letter).collect::<Vec<_>>();
    let accountable = holders(Letter::Accountable);
    let responsible = holders(Letter::Responsible);
    let about = f.id.to_string();
    let first_party = raci
        .parties
        .iter()
        .find(|p| p.side == Side::Internal)
        .or(raci.parties.first());
    let cell_or_row = |party: Option<&Party>| match party {
        Some(p) => Target::Cell {
            function: f.id,
            party: p.id,
        },
        None => Target::Row(f.id),
    };
    let field = |field| Target::Field {
        function: f.id,
        field,
    };

    match accountable.len() {
        0 => out.push(finding(
            Rule::NoAccountable,
            about.clone(),
            Some(f.id),
            cell_or_row(first_party),
            format!("No one is accountable for “{}”.", f.name),
            "Give exactly one party an A, usually the team that answers for the outcome.".into(),
        )),
        1 => {}
        n => out.push(finding(
            Rule::ManyAccountable,
            about.clone(),
            Some(f.id),
            cell_or_row(accountable.get(1).copied()),
            format!(
                "“{}” has {n} accountable parties: {}.",
                f.name,
                names(&accountable)
            ),
            "Keep the A on one party and make the others R, C or I.".into(),
        )),
    }
    if responsible.is_empty() {
        let owner = f.day_owner.and_then(|id| raci.party(id));
        let likely = owner.or(accountable.first().copied()).or(first_party);
        // The owner check waits for an R (below): an owner with neither R nor A would then
        // be a finding of its own once anyone else got the R, so the fix names it now.
        let idle_owner = owner.filter(|o| !f.letters(o.id).has(Letter::Accountable));
        let fix = match idle_owner {
            Some(o) => format!(
                "Give {} an R, as its owner in business hours; or give the R to another party and make that party the owner.",
                o.name
            ),
            None => "Give at least one party an R.".into(),
        };
        out.push(finding(
            Rule::NoResponsible,
            about.clone(),
            Some(f.id),
            cell_or_row(likely),
            format!("No one does the work for “{}”.", f.name),
            fix,
        ));
    }
    let night_owner = f.night_owner.and_then(|id| raci.party(id));
    if f.marks.around_clock && night_owner.is_none() {
        out.push(finding(
            Rule::NoAfterHoursOwner,
            about.clone(),
            Some(f.id),
            field(Field::Owner(Shift::Night)),
            format!(
                "“{}” needs 24/7 cover but has no after-hours owner.",
                f.name
            ),
            "Choose who owns it after hours, often the MSP.".into(),
        ));
    }
    // With no R at all, the finding above already points at the day owner's cell.
    if !responsible.is_empty() {
        owners_without_role(raci, f, out);
    }
    mixed_letters(raci, f, out);
    let internal: Vec<&Party> = responsible
        .iter()
        .copied()
        .filter(|p| p.side == Side::Internal)
        .collect();
    let msp: Vec<&Party> = responsible
        .iter()
        .copied()
        .filter(|p| p.side == Side::Msp)
        .collect();
    if !internal.is_empty() && !msp.is_empty() && f.handoff.trim().is_empty() {
        out.push(finding(
            Rule::Collision,
            about.clone(),
            Some(f.id),
            field(Field::Text(TextField::Handoff)),
            format!(
                "Both {} and {} do the work on “{}”, with no hand-off note.",
                names(&internal),
                names(&msp),
                f.name
            ),
            "Write the hand-off: who starts, when the other takes over and where it is tracked; or make one of them C.".into(),
        ));
    }
    // Auditors expect someone inside the company to own each control: not the MSP, and
    // not another outside party (a consultant, a vendor).
    if f.marks.compliance {
        for p in (accountable.iter()).filter(|p| matches!(p.side, Side::Msp | Side::Other)) {
            out.push(finding(
                Rule::MspAccountableForCompliance,
                format!("{about}:{}", p.id),
                Some(f.id),
                Target::Cell {
                    function: f.id,
                    party: p.id,
                },
                format!(
                    "{} is accountable for “{}”, a compliance duty{}.",
                    p.name,
                    f.name,
                    if p.side == Side::Other {
                        ", from outside the company"
                    } else {
                        ""
                    }
                ),
                format!(
                    "Make an internal party accountable and keep {} responsible for the work.",
                    p.name
                ),
            ));
        }
    }
    if f.marks.incident && f.p1.trim().is_empty() {
        out.push(finding(
            Rule::NoP1Path,
            about,
            Some(f.id),
            field(Field::Text(TextField::P1)),
            format!("“{}” is incident work with no P1 escalation path written down.", f.name),
            "Write the call order with names and how to reach them, for example: MSP on-call engineer, then internal IT manager, then the executive sponsor.".into(),
        ));
    }
}

/// Whether a party doing the work on `r` of `total` functions is over the limit. Small
/// matrices and single-party matrices are never judged.
pub fn is_overloaded(r: usize, total: usize, parties: usize, limit_pct: u8) -> bool {
    parties > 1 && total >= MIN_FUNCTIONS_FOR_LOAD && r * 100 > usize::from(limit_pct) * total
}

/// The share of `total` functions a party does the work on, in whole percent rounded up:
/// the measure the limit is checked against, so a party over a 66% limit never reads 66%.
pub fn load_pct(r: usize, total: usize) -> usize {
    (r * 100)
        .checked_div(total)
        .map_or(0, |_| (r * 100).div_ceil(total))
}

/// Overloaded and idle parties.
fn check_parties(raci: &Raci, rows: &[&Function], out: &mut Vec<Finding>) {
    let total = rows.len();
    for p in &raci.parties {
        let mut any = false;
        let mut r = 0;
        for f in rows {
            let l = f.letters(p.id);
            any |= !l.is_empty();
            r += usize::from(l.has(Letter::Responsible));
        }
        if !any {
            out.push(finding(
                Rule::Idle,
                p.id.to_string(),
                None,
                Target::Party(p.id),
                format!("{} has no role in any function.", p.name),
                "Give it a role where it belongs, or remove it.".into(),
            ));
            continue;
        }
        let limit = usize::from(raci.overload_pct);
        if is_overloaded(r, total, raci.parties.len(), raci.overload_pct) {
            out.push(finding(
                Rule::Overloaded,
                p.id.to_string(),
                None,
                Target::OverloadLimit,
                format!(
                    "{} does the work on {r} of {total} functions ({}%), over your {limit}% limit.",
                    p.name,
                    load_pct(r, total)
                ),
                "Move some R to other parties, split the party (for example MSP service desk and MSP SOC), or raise the limit.".into(),
            ));
        }
    }
}

/// Functions every co-managed matrix must have.
fn check_coverage(raci: &Raci, rows: &[&Function], out: &mut Vec<Finding>) {
    let _ = raci;
    if !rows.iter().any(|f| f.marks.exit) {
        out.push(finding(
            Rule::MissingExit,
            String::new(),
            None,
            Target::AddFromTemplate("exit-offboarding"),
            "No function covers off-boarding and exit.".into(),
            "Add the template’s exit function, or mark an existing function as covering exit."
                .into(),
        ));
    }
    if !rows.iter().any(|f| f.marks.tools) {
        out.push(finding(
            Rule::MissingToolOwnership,
            String::new(),
            None,
            Target::AddFromTemplate("licence-management"),
            "No function covers tool and licence ownership.".into(),
            "Add the template’s tool and licence function, or mark an existing function as covering it.".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::raci::letters::Letters;

    /// Internal IT, MSP and Business; five clean functions so matrix checks stay quiet.
    struct Fixture {
        raci: Raci,
        it: Id,
        msp: Id,
        biz: Id,
        f: Id,
    }

    fn fixture() -> Fixture {
        let mut raci = Raci::default();
        let it = raci.add_party("Internal IT", Side::Internal).unwrap();
        let msp = raci.add_party("MSP", Side::Msp).unwrap();
        let biz = raci.add_party("Business", Side::Business).unwrap();
        let cat = raci.add_category("Ops").unwrap();
        let mut ids = Vec::new();
        for (i, name) in ["Exit", "Tools", "Patching", "Backups", "Reporting"]
            .iter()
            .enumerate()
        {
            let f = raci.add_function(cat, name).unwrap();
            let (a, r) = if i % 2 == 0 { (it, msp) } else { (msp, it) };
            raci.set_cell(f, a, Letters::parse("A").unwrap());
            raci.set_cell(f, r, Letters::parse("R").unwrap());
            raci.set_cell(f, biz, Letters::parse("I").unwrap());
            ids.push(f);
        }
        raci.function_mut(ids[0]).unwrap().marks.exit = true;
        raci.function_mut(ids[1]).unwrap().marks.tools = true;
        Fixture {
            raci,
            it,
            msp,
            biz,
            f: ids[2],
        }
    }

    fn rules(raci: &Raci) -> Vec<Rule> {
        check(raci).findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn a_clean_matrix_scores_100() {
        let fx = fixture();
        let report = check(&fx.raci);
        assert_eq!(report.findings, vec![]);
        assert_eq!(report.score_pct(), Some(100));
        assert_eq!(check(&Raci::default()).score_pct(), None);
    }

    #[test]
    fn the_summary_says_how_many_findings_block_the_sow() {
        let mut fx = fixture();
        let line = |raci: &Raci| {
            let text = check(raci).summary();
            text[text.find(". ").unwrap() + 2..].to_owned()
        };
        assert_eq!(line(&fx.raci), "No findings.");
        fx.raci.set_cell(fx.f, fx.it, Letters::NONE);
        assert_eq!(
            line(&fx.raci),
            "1 finding. It blocks the Statement of Work."
        );
        // A hand-off collision is advice on how the work is shared, not a blocker.
        let reporting = fx.raci.functions[4].id;
        fx.raci
            .set_cell(reporting, fx.it, Letters::parse("A/R").unwrap());
        assert_eq!(
            line(&fx.raci),
            "2 findings. 1 of them blocks the Statement of Work."
        );
        fx.raci.set_cell(fx.f, fx.it, Letters::parse("A").unwrap());
        assert_eq!(line(&fx.raci), "1 finding.");
        fx.raci.set_cell(fx.f, fx.it, Letters::NONE);
        fx.raci.set_cell(fx.f, fx.msp, Letters::NONE);
        assert_eq!(
            line(&fx.raci),
            "3 findings. 2 of them block the Statement of Work."
        );
        fx.raci
            .set_cell(reporting, fx.it, Letters::parse("A").unwrap());
        assert_eq!(
            line(&fx.raci),
            "2 findings. All of them block the Statement of Work."
        );
    }

    #[test]
    fn no_accountable_party() {
        let mut fx = fixture();
        fx.raci.set_cell(fx.f, fx.it, Letters::NONE);
        let report = check(&fx.raci);
        assert_eq!(rules(&fx.raci), [Rule::NoAccountable]);
        let f = &report.findings[0];
        assert_eq!(
            f.target,
            Target::Cell {
                function: fx.f,
                party: fx.it
            }
        );
        assert_eq!(f.function, Some(fx.f));
        assert!(f.what.contains("Patching") && f.why().ends_with('.') && !f.fix.is_empty());
        assert_eq!(report.score_pct(), Some(80));
    }

    #[test]
    fn more_than_one_accountable_party() {
        let mut fx = fixture();
        fx.raci
            .set_cell(fx.f, fx.msp, Letters::parse("A/R").unwrap());
        let report = check(&fx.raci);
        assert_eq!(rules(&fx.raci), [Rule::ManyAccountable]);
        assert!(
            report.findings[0].what.contains("Internal IT and MSP"),
            "{}",
            report.findings[0].what
        );
        assert_eq!(
            report.findings[0].target,
            Target::Cell {
                function: fx.f,
                party: fx.msp
            }
        );
    }

    #[test]
    fn no_responsible_party_points_at_the_day_owner() {
        let mut fx = fixture();
        fx.raci.set_cell(fx.f, fx.msp, Letters::parse("C").unwrap());
        fx.raci.set_owner(fx.f, Shift::Day, Some(fx.biz));
        let report = check(&fx.raci);
        assert_eq!(rules(&fx.raci), [Rule::NoResponsible]);
        assert_eq!(
            report.findings[0].target,
            Target::Cell {
                function: fx.f,
                party: fx.biz
            }
        );
    }

    #[test]
    fn a_24_7_function_without_an_after_hours_owner() {
        let mut fx = fixture();
        fx.raci.function_mut(fx.f).unwrap().marks.around_clock = true;
        assert_eq!(rules(&fx.raci), [Rule::NoAfterHoursOwner]);
        let target = check(&fx.raci).findings[0].target;
        assert_eq!(
            target,
            Target::Field {
                function: fx.f,
                field: Field::Owner(Shift::Night)
            }
        );
        fx.raci.set_owner(fx.f, Shift::Night, Some(fx.msp));
        assert_eq!(rules(&fx.raci), []);
        // A deleted owner is no owner.
        fx.raci.function_mut(fx.f).unwrap().night_owner = Some(999);
        assert_eq!(rules(&fx.raci), [Rule::NoAfterHoursOwner]);
    }

    #[test]
    fn a_change_is_held_to_what_it_breaks_not_to_what_was_wrong() {
        let mut fx = fixture();
        fx.raci.set_cell(fx.f, fx.biz, Letters::NONE);
        fx.raci.function_mut(fx.f).unwrap().day_owner = Some(fx.msp);
        let row = fx.raci.function(fx.f).unwrap().clone();
        assert_eq!(introduced_by(&fx.raci, &row), vec![]);
        // Business made the owner with no letter: the owner-without-role finding.
        let mut idle_owner = row.clone();
        idle_owner.day_owner = Some(fx.biz);
        let found = introduced_by(&fx.raci, &idle_owner);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::OwnerWithoutRole);
        assert!(found[0].what.starts_with("Business owns “Patching”"));
        // A row already without an A: taking the R away too adds only the new finding.
        fx.raci.set_cell(fx.f, fx.it, Letters::NONE);
        let mut no_r = fx.raci.function(fx.f).unwrap().clone();
        no_r.roles.clear();
        let rules: Vec<Rule> = introduced_by(&fx.raci, &no_r)
            .iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, [Rule::NoResponsible]);
    }

    #[test]
    fn an_owner_with_no_r_or_a_on_the_function() {
        let mut fx = fixture();
        fx.raci.function_mut(fx.f).unwrap().marks.around_clock = true;
        fx.raci.set_owner(fx.f, Shift::Day, Some(fx.biz));
        fx.raci.set_owner(fx.f, Shift::Night, Some(fx.biz));
        let both = check(&fx.raci);
        assert_eq!(
            both.findings.len(),
            1,
            "one finding for one owner of both shifts"
        );
        assert_eq!(
            both.findings[0].what,
            "Business owns “Patching” in and outside business hours but has no R or A on it."
        );
        // Consulted is not doing the work either.
        fx.raci.set_cell(fx.f, fx.biz, Letters::parse("C").unwrap());
        fx.raci.set_owner(fx.f, Shift::Day, Some(fx.it));
        let report = check(&fx.raci);
        assert_eq!(rules(&fx.raci), [Rule::OwnerWithoutRole]);
        let night = &report.findings[0];
        assert_eq!(
            night.target,
            Target::Field {
                function: fx.f,
                field: Field::Owner(Shift::Night)
            }
        );
        assert_eq!(
            night.what,
            "Business owns “Patching” after hours but has no R or A on it."
        );
        assert_eq!(
            night.fix,
            "Give Business an R on this function, or choose an owner who does the work."
        );
        assert!(night.rule.blocks_sow());
        fx.raci.set_cell(fx.f, fx.biz, Letters::parse("R").unwrap());
        assert_eq!(rules(&fx.raci), []);
        fx.raci.set_owner(fx.f, Shift::Night, Some(fx.msp));
        assert_eq!(rules(&fx.raci), [], "the accountable party owns it by day");
    }

    #[test]
    fn with_no_r_the_fix_names_the_owner_whose_check_waits_for_one() {
        let mut fx = fixture();
        // Patching: IT accountable, the MSP responsible. The MSP owns it by day but keeps
        // only an I.
        fx.raci.set_owner(fx.f, Shift::Day, Some(fx.msp));
        fx.raci.set_cell(fx.f, fx.msp, Letters::parse("I").unwrap());
        let report = check(&fx.raci);
        assert_eq!(rules(&fx.raci), [Rule::NoResponsible]);
        assert_eq!(
            report.findings[0].fix,
            "Give MSP an R, as its owner in business hours; or give the R to another party and make that party the owner."
        );
        // An R elsewhere brings up the owner, as the fix said it would.
        fx.raci.set_cell(fx.f, fx.biz, Letters::parse("R").unwrap());
        assert_eq!(rules(&fx.raci), [Rule::OwnerWithoutRole]);
    }

    #[test]
    fn internal_and_msp_both_responsible_without_a_handoff() {
        let mut fx = fixture();
        fx.raci
            .set_cell(fx.f, fx.it, Letters::parse("A/R").unwrap());
        assert_eq!(rules(&fx.raci), [Rule::Collision]);
        assert_eq!(
            check(&fx.raci).findings[0].target,
            Target::Field {
                function: fx.f,
                field: Field::Text(TextField::Handoff)
            }
        );
        fx.raci.set_text(fx.f, TextField::Handoff, "   ").unwrap();
        assert_eq!(rules(&fx.raci), [Rule::Collision], "blank is no note");
        fx.raci
            .set_text(fx.f, TextField::Handoff, "MSP starts, IT confirms.")
            .unwrap();
        assert_eq!(rules(&fx.raci), []);
        // Business and MSP both responsible is not the internal/MSP collision.
        fx.raci.set_text(fx.f, TextField::Handoff, "").unwrap();
        fx.raci.set_cell(fx.f, fx.it, Letters::parse("A").unwrap());
        fx.raci.set_cell(fx.f, fx.biz, Letters::parse("R").unwrap());
        assert_eq!(rules(&fx.raci), []);
    }

    #[test]
    fn compliance_accountability_must_stay_internal() {
        let mut fx = fixture();
        fx.raci.function_mut(fx.f).unwrap().marks.compliance = true;
        assert_eq!(rules(&fx.raci), [], "internal A, MSP R is the right split");
        fx.raci.set_cell(fx.f, fx.it, Letters::parse("C").unwrap());
        fx.raci
            .set_cell(fx.f, fx.msp, Letters::parse("A/R").unwrap());
        assert_eq!(rules(&fx.raci), [Rule::MspAccountableForCompliance]);
        assert_eq!(
            check(&fx.raci).findings[0].target,
            Target::Cell {
                function: fx.f,
                party: fx.msp
            }
        );
        // An outside party (a consultant) answering for it is no better.
        let consultant = fx.raci.add_party("Consultant", Side::Other).unwrap();
        fx.raci.set_cell(fx.f, fx.msp, Letters::parse("R").unwrap());
        fx.raci
            .set_cell(fx.f, consultant, Letters::parse("A").unwrap());
        let found = check(&fx.raci).findings;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::MspAccountableForCompliance);
        assert_eq!(
            found[0].what,
            "Consultant is accountable for “Patching”, a compliance duty, from outside the company."
        );
    }

    #[test]
    fn an_incident_function_without_a_p1_path() {
        let mut fx = fixture();
        fx.raci
            .set_mark(fx.f, super::super::model::Mark::Incident, true);
        assert_eq!(rules(&fx.raci), [Rule::NoP1Path]);
        fx.raci
            .set_text(fx.f, TextField::P1, "MSP on-call → IT manager")
            .unwrap();
        assert_eq!(rules(&fx.raci), []);
    }

    #[test]
    fn letters_that_say_two_things_about_a_party_are_flagged_with_what_to_keep() {
        let mut fx = fixture();
        let (it, msp, biz, patching) = (fx.it, fx.msp, fx.biz, fx.f);
        let set = |fx: &mut Fixture, party, text| {
            fx.raci
                .set_cell(patching, party, Letters::parse(text).unwrap());
        };
        // Patching: IT accountable, the MSP responsible, Business informed.
        set(&mut fx, it, "A/I");
        let report = check(&fx.raci);
        assert_eq!(rules(&fx.raci), [Rule::MixedLetters]);
        let f = &report.findings[0];
        assert_eq!(f.what, "Internal IT holds A/I on “Patching”.");
        assert_eq!(
            f.fix,
            "Keep A for Internal IT: the other letters are part of it."
        );
        assert_eq!(
            f.target,
            Target::Cell {
                function: fx.f,
                party: fx.it
            }
        );
        assert!(!f.rule.blocks_sow());
        set(&mut fx, it, "A");
        set(&mut fx, msp, "R/C/I");
        assert_eq!(
            check(&fx.raci).findings[0].fix,
            "Keep R for MSP: the other letters are part of it."
        );
        set(&mut fx, msp, "R");
        set(&mut fx, biz, "C/I");
        assert_eq!(
            check(&fx.raci).findings[0].fix,
            "Keep C for Business: the other letters are part of it."
        );
        // A/R is one party answering for work it does itself: no finding.
        set(&mut fx, biz, "I");
        set(&mut fx, it, "A/R");
        set(&mut fx, msp, "C");
        assert_eq!(rules(&fx.raci), []);
    }

    #[test]
    fn an_overloaded_party_uses_the_configurable_limit() {
        let mut fx = fixture();
        let ids = fx.raci.row_ids();
        for f in &ids {
            fx.raci.set_cell(*f, fx.biz, Letters::parse("R").unwrap());
        }
        // Business now does the work on 5 of 5 functions.
        let report = check(&fx.raci);
        let over: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Overloaded)
            .collect();
        assert_eq!(over.len(), 1);
        assert!(over[0]
            .what
            .contains("Business does the work on 5 of 5 functions (100%), over your 75% limit"));
        assert_eq!(over[0].function, None);
        assert_eq!(
            report.score_pct(),
            Some(100),
            "matrix findings do not lower the score"
        );
        assert_eq!(report.matrix_findings(), 1);
        // The MSP does 3 of 5 (60%): over a 50% limit, not over 60%.
        fx.raci.set_overload_pct(60).unwrap();
        assert_eq!(rules(&fx.raci), [Rule::Overloaded]);
        fx.raci.set_overload_pct(50).unwrap();
        assert_eq!(rules(&fx.raci), [Rule::Overloaded, Rule::Overloaded]);
    }

    #[test]
    fn overload_is_not_judged_on_tiny_matrices() {
        let mut raci = Raci::default();
        let it = raci.add_party("IT", Side::Internal).unwrap();
        raci.add_party("MSP", Side::Msp).unwrap();
        let c = raci.add_category("C").unwrap();
        let f = raci.add_function(c, "Only").unwrap();
        raci.set_cell(f, it, Letters::parse("A/R").unwrap());
        assert!(!rules(&raci).contains(&Rule::Overloaded));
    }

    #[test]
    fn a_party_with_no_role() {
        let mut fx = fixture();
        let vendor = fx.raci.add_party("ERP vendor", Side::Other).unwrap();
        assert_eq!(rules(&fx.raci), [Rule::Idle]);
        assert_eq!(check(&fx.raci).findings[0].target, Target::Party(vendor));
        fx.raci.set_cell(fx.f, vendor, Letters::parse("C").unwrap());
        assert_eq!(rules(&fx.raci), []);
    }

    #[test]
    fn exit_and_tool_ownership_functions_must_be_in_the_matrix() {
        let mut fx = fixture();
        for f in fx.raci.functions.iter_mut() {
            f.marks.exit = false;
            f.marks.tools = false;
        }
        assert_eq!(
            rules(&fx.raci),
            [Rule::MissingExit, Rule::MissingToolOwnership]
        );
        let targets: Vec<Target> = check(&fx.raci).findings.iter().map(|f| f.target).collect();
        assert_eq!(
            targets,
            [
                Target::AddFromTemplate("exit-offboarding"),
                Target::AddFromTemplate("licence-management")
            ]
        );
        assert_eq!(
            rules(&Raci::default()),
            [],
            "an empty matrix has nothing to judge yet"
        );
    }

    #[test]
    fn finding_ids_are_unique() {
        let mut fx = fixture();
        for f in fx.raci.row_ids() {
            fx.raci.set_cell(f, fx.it, Letters::NONE);
            fx.raci.set_cell(f, fx.msp, Letters::NONE);
            fx.raci
                .set_mark(f, super::super::model::Mark::Incident, true);
            fx.raci
                .set_mark(f, super::super::model::Mark::AroundClock, true);
        }
        let report = check(&fx.raci);
        let mut ids: Vec<&str> = report.findings.iter().map(|f| f.id.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert_eq!(report.score_pct(), Some(0));
    }

    #[test]
    fn findings_are_counted_per_function() {
        let mut raci = crate::domain::raci::template::co_managed(Default::default());
        let f = raci.functions[0].id;
        raci.functions[0].roles.clear();
        let report = check(&raci);
        let counts = report.counts_by_function();
        let mine = report
            .findings
            .iter()
            .filter(|x| x.function == Some(f))
            .count();
        assert!(mine > 0);
        assert_eq!(counts.get(&f), Some(&mine));
        let total: usize = counts.values().sum();
        assert_eq!(total + report.matrix_findings(), report.findings.len());
    }
}
