//! The default criteria and red flags, written from the market's evaluation practice:
//! the structural requirements before signing, the questions to ask, and the red flags.
//!
//! Ids are stable strings: evaluators' cards merge by them, so never change one.
//! Anchors describe what a provider shows or says, so two evaluators give the same score.

use super::model::{
    Anchors, Basis, Cells, Criterion, Cursor, RedFlag, Scorecard, Weight, DEFAULT_CLOSE_MARGIN,
    MAX_CRITERIA, MAX_CUSTOM_FLAGS,
};
use std::collections::BTreeMap;

/// (id, group, name, question, anchor 1, anchor 3, anchor 5, weight)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
);

const OWNERSHIP: &str = "Ownership & RACI";
const TOOLING: &str = "Shared tooling";
const ESCALATION: &str = "Escalation & SLAs";
const SECURITY: &str = "Security stack";
const COMPLIANCE: &str = "Compliance & audit";
const TEAM: &str = "Team & culture";
const EXIT: &str = "Exit & contract";
const COMMERCIAL: &str = "Commercial transparency";

const CRITERIA: &[Row] = &[
    (
        "raci-written",
        OWNERSHIP,
        "Written RACI with named owners",
        "Will you put a RACI in the contract that names one accountable owner for every IT function, in business hours and after hours?",
        "Refuses, or offers only a generic list of services; cannot say where its responsibility ends.",
        "Offers a template RACI, but after-hours ownership or several functions are left blank.",
        "Shows a filled RACI from a current client: one accountable party per function, day and night owners, escalation contacts.",
        5.0,
    ),
    (
        "raci-gap-functions",
        OWNERSHIP,
        "Gap functions named explicitly",
        "Who owns patch failures, the 2 a.m. security alert, vendor escalations and change control, and where is that written?",
        "Answers \"we work it out together\" for most of them.",
        "Names owners for some; after-hours calls or patch failures stay vague.",
        "Names the owner and the first action for each, in writing, including after hours.",
        4.0,
    ),
    (
        "raci-compliance-owner",
        OWNERSHIP,
        "Compliance accountability stays with you",
        "For our frameworks, which work will you do, and which decisions stay with our named control owner?",
        "Offers to \"own compliance\" outright, or cannot separate evidence work from accountability.",
        "Agrees the control owner stays internal, but the split of evidence work is unclear.",
        "Lists the evidence it produces (risk assessments, access logs, evidence packages) and leaves the control owner and regulator contact with you.",
        3.0,
    ),
    (
        "raci-disagreements",
        OWNERSHIP,
        "Disagreements with internal IT",
        "When your engineers disagree with our IT team, what happens?",
        "Goes to leadership, or says its engineers have the final say.",
        "Talks it through informally; nothing is written down.",
        "Writes up the recommendation and trade-offs and leaves the decision to your IT team.",
        3.0,
    ),
    (
        "tools-shared-psa",
        TOOLING,
        "One shared ticket queue",
        "Can our team open, read and comment on your tickets in one shared system, without buying a licence?",
        "Separate systems; your team emails or calls to learn a ticket's status.",
        "A read-only portal, or full access only with paid seats.",
        "One queue in one PSA (for example ConnectWise Manage or HaloPSA), full access for your team at no extra cost, and one rule for which channel users use.",
        4.0,
    ),
    (
        "tools-shared-rmm",
        TOOLING,
        "Shared RMM and patch reporting",
        "Do both teams work in the same RMM, and what patch reports will we get?",
        "Its own RMM with no access for you; patch status only on request.",
        "Dashboards to look at, but no access to agents, policies or patch rings.",
        "One RMM both teams use (for example NinjaRMM), agreed patch rings, and a monthly report of failures and fixes.",
        3.0,
    ),
    (
        "tools-documentation",
        TOOLING,
        "Documentation you own",
        "Where will our documentation live, and who owns it if we part ways?",
        "In the provider's own system; exported on request, at its discretion.",
        "A shared platform, but the account belongs to the provider.",
        "A shared platform (for example IT Glue or Hudu) in an account you own, kept current by both teams.",
        4.0,
    ),
    (
        "tools-password-vault",
        TOOLING,
        "Shared password vault",
        "How are admin credentials shared and audited between our two teams?",
        "Credentials sent by email or chat, or kept in the provider's private vault.",
        "A shared vault, but with shared logins or no access log.",
        "One vault with a named account per engineer, an access log you can read, and access removed the day someone leaves.",
        3.0,
    ),
    (
        "sla-p1-defined",
        ESCALATION,
        "P1 defined, with response times",
        "How do you define a P1, and what are the response and resolution targets in business hours and after hours?",
        "\"Best effort\", or no written priorities.",
        "Written response times, but no P1 definition or no after-hours target.",
        "Written P1 and standard definitions with response and resolution targets for business hours and after hours.",
        5.0,
    ),
    (
        "sla-consequences",
        ESCALATION,
        "Consequences when SLAs are missed",
        "What happens when you miss an SLA?",
        "Nothing in the contract.",
        "Misses are reported, but there is no credit or remedy.",
        "Service credits, an exit right for repeated misses, and misses reported every month.",
        4.0,
    ),
    (
        "esc-tested",
        ESCALATION,
        "Escalation path tested before an incident",
        "When did you last run an incident tabletop exercise with a co-managed client, and what changed afterwards?",
        "Never; the escalation path exists only on paper.",
        "A documented on-call chain, never exercised with a client.",
        "A tabletop exercise at onboarding and every year (NIST SP 800-61 style), with the runbook updated from it.",
        5.0,
    ),
    (
        "esc-after-hours",
        ESCALATION,
        "After-hours P1 handling",
        "At 2 a.m., who answers a P1, who decides, and when do you wake our on-call person?",
        "Voicemail, or a ticket that waits for the morning.",
        "An on-call number, but no rule for when your team is called.",
        "A named on-call chain with written rules for when and how it brings in your team and third-party vendors.",
        4.0,
    ),
    (
        "esc-vendor",
        ESCALATION,
        "Vendor escalations",
        "Who calls our ERP or line-of-business vendor when an update breaks it out of hours?",
        "Says vendors are your problem.",
        "Will call vendors if asked; no written process.",
        "Keeps a vendor contact list and opens cases on your behalf, under a written process.",
        3.0,
    ),
    (
        "sec-edr",
        SECURITY,
        "EDR on every endpoint",
        "Which EDR do you run, who tunes it, and can our team see its console?",
        "Antivirus only, or cannot name the product.",
        "Names a current EDR (for example CrowdStrike Falcon, SentinelOne or Microsoft Defender for Business), but no access or tuning detail.",
        "EDR on all endpoints, tuned by named people, with console access for your team.",
        4.0,
    ),
    (
        "sec-soc",
        SECURITY,
        "24/7 monitoring and response",
        "Who watches alerts overnight, in which SIEM, and what may they do without asking us?",
        "Alerts are emailed and read the next business day.",
        "A 24/7 SOC watches alerts, but containment waits for your approval and the rules are unwritten.",
        "A 24/7 SOC on a named SIEM (for example Microsoft Sentinel or Splunk), written rules for what it contains on its own and when it calls you.",
        5.0,
    ),
    (
        "sec-backup",
        SECURITY,
        "Backups restored, not just taken",
        "How often do you test a restore, and can we see the result of the last test?",
        "Backups run; restores are tried only when something breaks.",
        "Daily verification; restore tests now and then, with no record.",
        "Immutable backups, daily verification, a monthly restore test with a written result, and a ransomware runbook.",
        4.0,
    ),
    (
        "sec-vuln",
        SECURITY,
        "Vulnerability scanning and testing",
        "How do you find and fix vulnerabilities, and who does penetration testing?",
        "No scanning offered.",
        "Scans run, but with no report or remediation deadline.",
        "Regular scans with remediation deadlines, and penetration tests (NIST SP 800-115) on an agreed schedule.",
        3.0,
    ),
    (
        "sec-insurance",
        SECURITY,
        "Cyber-insurance control mapping",
        "Will you map your controls to our cyber-insurance requirements, in writing?",
        "Declines, or says it is the insurer's job.",
        "Confirms MFA and EDR by word of mouth.",
        "A written mapping of MFA, EDR, immutable backups and a tested incident response plan to the policy's questions.",
        3.0,
    ),
    (
        "sec-access-scoping",
        SECURITY,
        "Engineer access scoped before deployment",
        "How do you scope each engineer's access before an agent is deployed?",
        "Shared admin accounts for every engineer.",
        "Named accounts, but broad standing admin rights.",
        "Named, least-privilege accounts checked against your data-access rules (for example matter access in a law firm) before deployment.",
        3.0,
    ),
    (
        "comp-frameworks",
        COMPLIANCE,
        "Audit experience for your frameworks",
        "Which audits for our frameworks (for example SOC 2, HIPAA, PCI DSS, CMMC) have you supported in the last two years?",
        "None, or only general claims.",
        "Has supported audits, but for other frameworks.",
        "Has supported audits for your frameworks and shows a sample evidence package.",
        4.0,
    ),
    (
        "comp-right-to-audit",
        COMPLIANCE,
        "Right to audit and yearly assurance",
        "Will you accept a right-to-audit clause, and what yearly assurance report do you provide?",
        "No right to audit and no third-party report.",
        "A yearly report (for example SOC 2 Type II), but no right to audit.",
        "Right to audit, a yearly third-party report, and remediation deadlines for findings.",
        3.0,
    ),
    (
        "comp-evidence",
        COMPLIANCE,
        "Evidence library kept current",
        "How do you keep access logs, risk assessments and evidence ready between audits?",
        "Gathered in a rush when an auditor asks.",
        "Kept, but refreshed only before audits.",
        "A maintained evidence library with dates and owners, reviewed on a set schedule.",
        3.0,
    ),
    (
        "team-co-managed-clients",
        TEAM,
        "Co-managed experience",
        "How many co-managed clients do you have today?",
        "None: you would be the first.",
        "A few, most of them moving to fully managed.",
        "Many current co-managed clients, several for more than two years.",
        4.0,
    ),
    (
        "team-references",
        TEAM,
        "Comparable references",
        "Can we speak to two co-managed clients of our size and industry, not only your happiest one?",
        "No co-managed references, or marketing quotes only.",
        "References, but of another size or industry.",
        "Two similar references you may call, including one that went through an incident.",
        3.0,
    ),
    (
        "team-named-engineer",
        TEAM,
        "Named senior engineer",
        "Which named senior engineer will we work with, and who covers when they are away?",
        "A rotating pool; no names.",
        "A named account manager, but the engineers rotate.",
        "A named senior engineer and a named backup; the engineer joins the evaluation call.",
        4.0,
    ),
    (
        "team-peers",
        TEAM,
        "Treats internal IT as peers",
        "How do your engineers work with an internal IT manager day to day?",
        "Talks about taking IT off your plate, or goes straight to leadership.",
        "Polite, but plans work without your team.",
        "Plans work with your team, reports to your IT lead first, and credits your team's requests with users.",
        3.0,
    ),
    (
        "team-onboarding",
        TEAM,
        "Specific onboarding plan",
        "Can you walk us through your onboarding: tools, timeline and owners?",
        "A generic answer, or a redirect to a product demo.",
        "Phases, but no dates or owners.",
        "A dated plan naming the tools, the owners on both sides and the first 90 days' deliverables.",
        3.0,
    ),
    (
        "exit-offboarding",
        EXIT,
        "Clean off-boarding",
        "What is your off-boarding process: which tools, which export format, what timeline?",
        "No process, or data returned \"on request\" for a fee.",
        "Promises to return data, without a format or timeline.",
        "A written exit plan: data in open formats, tools handed back or transferred, credentials rotated, within a stated number of days.",
        5.0,
    ),
    (
        "exit-no-lock-in",
        EXIT,
        "No proprietary lock-in",
        "Which tools would we lose if we left, and what would it cost to keep them?",
        "Core tools are proprietary and leave with the provider.",
        "Standard tools, but the licences are in the provider's name.",
        "Standard tools with licences you own, or can take over without a fee.",
        4.0,
    ),
    (
        "contract-term",
        EXIT,
        "Term and off-ramp",
        "What contract term do you propose, and how can we leave early?",
        "Five years or more with no exit clause.",
        "Two or three years; early exit only for cause.",
        "Two or three years, a yearly price review, and an exit for convenience with reasonable notice.",
        3.0,
    ),
    (
        "contract-qbr",
        EXIT,
        "Quarterly reviews that review",
        "What does a quarterly business review cover, and who attends?",
        "No review, or reviews that turn into pitches for full outsourcing.",
        "Ticket statistics only.",
        "Results against the SLAs and the RACI, open risks and the roadmap, with the named engineer present.",
        2.0,
    ),
    (
        "price-inclusions",
        COMMERCIAL,
        "Inclusions and exclusions in writing",
        "What exactly is included, and what will be billed on top?",
        "\"Everything\", with no written list.",
        "A list of inclusions; exclusions left vague.",
        "Written inclusions and exclusions: projects, vCIO time, after-hours response, compliance documentation, licences, onboarding, on-site visits.",
        4.0,
    ),
    (
        "price-rate-card",
        COMMERCIAL,
        "Rate card for excluded work",
        "What do you charge for work outside the scope?",
        "Quoted case by case.",
        "One hourly rate, with no after-hours or project rates.",
        "A rate card for hourly, block-hour, after-hours and project work, and how overages are billed.",
        3.0,
    ),
    (
        "price-adjustments",
        COMMERCIAL,
        "Predictable price changes",
        "How and when can the price change during the term?",
        "At the provider's discretion.",
        "A yearly increase with no cap.",
        "A yearly adjustment with a stated cap; adding users or devices is priced in advance.",
        2.0,
    ),
];

/// How many red flags the market's list has.
pub const DEFAULT_FLAGS: usize = FLAGS.len();
/// Red flags a scorecard can hold: the market's and the buyer's own.
pub const MAX_FLAGS: usize = DEFAULT_FLAGS + MAX_CUSTOM_FLAGS;

const FLAGS: &[(&str, &str)] = &[
    (
        "ko-no-raci",
        "Resists putting the RACI in writing, or is vague about where its responsibility ends",
    ),
    (
        "ko-absorb",
        "Tries to absorb the internal team; reviews turn into pitches for full outsourcing",
    ),
    (
        "ko-no-sharing",
        "Will not share documentation, dashboards or tools",
    ),
    (
        "ko-bypass",
        "Treats internal IT as junior staff or goes around them to leadership",
    ),
    ("ko-vague-sla", "Vague SLAs (\"best effort\")"),
    (
        "ko-lock-in",
        "Proprietary tooling lock-in, with no clean hand-back",
    ),
    (
        "ko-no-references",
        "No co-managed references; generic answers or redirects to product demos",
    ),
    (
        "ko-takes-credit",
        "Takes credit with end users for fixes the internal team asked for",
    ),
];

/// The criteria a new scorecard starts with.
pub fn default_criteria() -> Vec<Criterion> {
    CRITERIA
        .iter()
        .map(
            |&(id, group, name, question, one, three, five, weight)| Criterion {
                id: id.into(),
                group: group.into(),
                name: name.into(),
                question: question.into(),
                anchors: Anchors {
                    one: one.into(),
                    three: three.into(),
                    five: five.into(),
                },
                weight: Weight::new(weight).unwrap_or(Weight::ONE),
            },
        )
        .collect()
}

/// The red flags every provider is checked against.
pub fn default_flags() -> Vec<RedFlag> {
    FLAGS
        .iter()
        .map(|&(id, text)| RedFlag {
            id: id.into(),
            text: text.into(),
            custom: false,
        })
        .collect()
}

impl Default for Scorecard {
    /// A new scorecard starts with the market's criteria and red flags.
    fn default() -> Self {
        Scorecard {
            evaluator: String::new(),
            card_id: String::new(),
            complete: false,
            blind: false,
            criteria: default_criteria(),
            cells: Cells::new(),
            flags: default_flags(),
            knockouts: BTreeMap::new(),
            show_knocked_out: false,
            close_margin: DEFAULT_CLOSE_MARGIN,
            basis: Basis::Mine,
            others: Vec::new(),
            agreed: BTreeMap::new(),
            cursor: Cursor::default(),
            claims: BTreeMap::new(),
        }
    }
}

impl Scorecard {
    /// Adds back any default criterion (by id) that was removed. Returns how many.
    pub fn restore_default_criteria(&mut self) -> usize {
        let mut added = 0;
        for c in default_criteria() {
            if self.criterion(&c.id).is_none() && self.criteria.len() < MAX_CRITERIA {
                let at = self
                    .criteria
                    .iter()
                    .rposition(|x| x.group == c.group)
                    .map_or(self.criteria.len(), |i| i + 1);
                self.criteria.insert(at, c);
                added += 1;
            }
        }
        added
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn default_ids_are_unique_readable_and_stable() {
        let criteria = default_criteria();
        let ids: HashSet<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), criteria.len());
        for id in &ids {
            assert!(id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        }
        // Cards written by earlier builds merge by these ids.
        for id in [
            "raci-written",
            "tools-shared-psa",
            "sla-p1-defined",
            "exit-offboarding",
        ] {
            assert!(ids.contains(id), "{id}");
        }
        let flags = default_flags();
        let flag_ids: HashSet<&str> = flags.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(flag_ids.len(), flags.len());
        assert!(flag_ids.contains("ko-vague-sla"));
    }

    #[test]
    fn every_default_criterion_is_complete() {
        let criteria = default_criteria();
        assert!(criteria.len() >= 30);
        for c in &criteria {
            assert!(c.question.ends_with('?'), "{}", c.id);
            for anchor in [&c.anchors.one, &c.anchors.three, &c.anchors.five] {
                assert!(anchor.ends_with('.'), "{}: {anchor}", c.id);
                assert!(anchor.len() > 10, "{}", c.id);
            }
            assert!(c.weight.get() >= 1.0 && c.weight.get() <= 5.0);
            assert!(c.name.chars().count() <= super::super::model::MAX_NAME_CHARS);
        }
    }

    #[test]
    fn the_eight_groups_are_in_order_and_contiguous() {
        let criteria = default_criteria();
        let mut seen: Vec<&str> = Vec::new();
        for c in &criteria {
            if seen.last() != Some(&c.group.as_str()) {
                assert!(!seen.contains(&c.group.as_str()), "{} split", c.group);
                seen.push(&c.group);
            }
        }
        assert_eq!(
            seen,
            [OWNERSHIP, TOOLING, ESCALATION, SECURITY, COMPLIANCE, TEAM, EXIT, COMMERCIAL]
        );
    }
}
