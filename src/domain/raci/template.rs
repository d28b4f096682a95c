//! The co-managed template: every function a co-managed contract should name, with the
//! typical split between internal IT and the MSP filled in as a starting point, and the
//! functions regulated industries add.

use super::letters::Letters;
use super::model::{Function, Id, Marks, Raci, Side};
use crate::domain::order;
use crate::domain::profile::Industry;

/// The default parties, in column order.
pub const PARTIES: [(&str, Side); 3] = [
    ("Internal IT", Side::Internal),
    ("MSP", Side::Msp),
    ("Business leadership", Side::Business),
];

/// The categories, in order.
pub const CATEGORIES: [&str; 7] = [
    "Service desk",
    "Operations",
    "Security",
    "Compliance",
    "Strategy & vendors",
    "Projects",
    "Governance & exit",
];

const SERVICE_DESK: usize = 0;
const OPERATIONS: usize = 1;
const SECURITY: usize = 2;
const COMPLIANCE: usize = 3;
const STRATEGY: usize = 4;
const PROJECTS: usize = 5;
const GOVERNANCE: usize = 6;

/// Party indexes into `PARTIES`.
const IT: usize = 0;
const MSP: usize = 1;
const BIZ: usize = 2;

/// Marks, spelled compactly for the table below.
const NONE: Marks = Marks {
    around_clock: false,
    incident: false,
    compliance: false,
    exit: false,
    tools: false,
};
const H24: Marks = Marks {
    around_clock: true,
    ..NONE
};
const H24_INCIDENT: Marks = Marks {
    around_clock: true,
    incident: true,
    ..NONE
};
const REG: Marks = Marks {
    compliance: true,
    ..NONE
};
const REG_INCIDENT: Marks = Marks {
    compliance: true,
    incident: true,
    ..NONE
};
const EXIT: Marks = Marks { exit: true, ..NONE };
const TOOLS: Marks = Marks {
    tools: true,
    ..NONE
};

/// One template row.
pub struct Seed {
    pub key: &'static str,
    category: usize,
    pub name: &'static str,
    pub hint: &'static str,
    pub marks: Marks,
    /// Letters for Internal IT, MSP and Business leadership.
    roles: [&'static str; 3],
    day: Option<usize>,
    night: Option<usize>,
    handoff: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn seed(
    key: &'static str,
    category: usize,
    name: &'static str,
    hint: &'static str,
    marks: Marks,
    roles: [&'static str; 3],
    day: Option<usize>,
    night: Option<usize>,
) -> Seed {
    Seed {
        key,
        category,
        name,
        hint,
        marks,
        roles,
        day,
        night,
        handoff: "",
    }
}

const fn shared(mut s: Seed, handoff: &'static str) -> Seed {
    s.handoff = handoff;
    s
}

/// The general co-managed template. P1 paths are left blank on purpose: they hold the
/// buyer's own names and numbers, and the checks ask for them.
#[rustfmt::skip]
pub const GENERAL: [Seed; 36] = [
    // Service desk
    seed("tier1-business-hours", SERVICE_DESK, "Tier 1 help desk in business hours",
        "Password resets and first-line fixes stay with the people users already know.",
        NONE, ["A/R", "I", ""], Some(IT), None),
    seed("after-hours-support", SERVICE_DESK, "After-hours calls and overnight help desk",
        "Without a named overnight owner, a user locked out at 10 p.m. calls whoever answers, or nobody.",
        H24, ["I", "A/R", ""], None, Some(MSP)),
    seed("escalation-tiers", SERVICE_DESK, "Tier 2 and tier 3 escalation",
        "Say which problems internal IT hands up and how fast the MSP must pick them up.",
        NONE, ["C", "A/R", ""], Some(MSP), None),
    seed("user-support", SERVICE_DESK, "User-facing support: walk-up, desk-side and executive",
        "Face-to-face help is what the internal team is there for; name who covers when they are away.",
        NONE, ["A/R", "C", "I"], Some(IT), None),
    seed("user-onboarding", SERVICE_DESK, "User onboarding and offboarding",
        "Accounts, devices and access for joiners and leavers; a missed leaver is an open door.",
        NONE, ["A/R", "C", "I"], Some(IT), None),
    seed("ticket-intake", SERVICE_DESK, "Ticket intake channel and shared queue",
        "One queue and one rule for how users ask for help, so no request sits in the wrong inbox.",
        NONE, ["A/R", "C", "I"], Some(IT), None),
    // Operations
    seed("monitoring", OPERATIONS, "24/7 monitoring and alert triage",
        "Alerts at night only help if someone is watching them and knows what to do next.",
        H24, ["I", "A/R", ""], Some(MSP), Some(MSP)),
    seed("patch-management", OPERATIONS, "Patch management and the RMM agent",
        "The MSP runs the patch ring; internal IT still needs a report of what was applied and what failed.",
        NONE, ["I", "A/R", ""], Some(MSP), None),
    shared(seed("patch-failures", OPERATIONS, "Patch failures and rollback",
        "The classic gap: the MSP applied the patch, internal IT owns the app it broke, and nobody is on the bridge.",
        H24_INCIDENT, ["R", "A/R", ""], Some(MSP), Some(MSP)),
        "The MSP rolls the patch back and opens a ticket in the shared queue; internal IT tests the affected application and confirms it works."),
    seed("backup", OPERATIONS, "Backup verification and monthly restore tests",
        "A backup nobody has restored is a hope, not a backup.",
        NONE, ["I", "A/R", ""], Some(MSP), None),
    seed("backup-failures", OPERATIONS, "Backup failures, disaster recovery and the ransomware runbook",
        "A failed backup found on the morning of a ransomware attack is found too late.",
        H24_INCIDENT, ["A", "R", "I"], Some(MSP), Some(MSP)),
    seed("endpoint-management", OPERATIONS, "Endpoint management",
        "Laptops and desktops drift out of policy quickly when two teams each assume the other enrols them.",
        NONE, ["C", "A/R", ""], Some(MSP), None),
    seed("m365-admin", OPERATIONS, "Microsoft 365 administration",
        "Tenant-wide settings affect everyone, so internal IT should approve what the MSP changes.",
        NONE, ["A", "R", ""], Some(MSP), None),
    seed("lob-applications", OPERATIONS, "Line-of-business applications and integrations",
        "Custom ERP modules and in-house tools need someone who knows how the business uses them.",
        NONE, ["A/R", "C", ""], Some(IT), None),
    shared(seed("change-control", OPERATIONS, "Change control",
        "Unannounced changes by either team are a leading cause of outages in shared environments.",
        NONE, ["A/R", "R", "I"], Some(IT), None),
        "The MSP submits planned changes to the shared queue; internal IT approves them at a weekly review; emergency changes are approved within one business day after the fact."),
    // Security
    seed("security-alerts", SECURITY, "Security alerts and SOC watch",
        "The 2 a.m. alert: decide now who wakes up, who may isolate a machine and who tells the business.",
        H24_INCIDENT, ["I", "A/R", ""], Some(MSP), Some(MSP)),
    seed("endpoint-security", SECURITY, "EDR deployment and tuning",
        "Insurers expect EDR on every endpoint, and someone must own the exclusions list.",
        NONE, ["I", "A/R", ""], Some(MSP), None),
    seed("vulnerability-scans", SECURITY, "Vulnerability scanning and remediation tracking",
        "A scan report is only useful if someone owns closing what it finds.",
        NONE, ["C", "A/R", ""], Some(MSP), None),
    seed("incident-response", SECURITY, "Incident response",
        "Who declares an incident, who leads it and who speaks to the business must be settled before the first one.",
        H24_INCIDENT, ["A", "R", "I"], Some(IT), Some(MSP)),
    seed("ir-runbooks", SECURITY, "Incident response plan, runbooks and tabletop tests",
        "A plan never rehearsed fails on first contact; NIST SP 800-61 expects it to be exercised.",
        NONE, ["A", "R", "C"], Some(IT), None),
    seed("privileged-access", SECURITY, "Admin accounts and the shared password vault",
        "Both teams need admin rights; named accounts in one shared vault show who did what.",
        NONE, ["A/R", "C", ""], Some(IT), None),
    // Compliance
    seed("compliance-ownership", COMPLIANCE, "Compliance control ownership (SOC 2, HIPAA, PCI)",
        "Auditors and regulators expect a named person inside the company to own each control.",
        REG, ["A/R", "C", "I"], Some(IT), None),
    seed("compliance-documentation", COMPLIANCE, "Compliance documentation and evidence library",
        "The MSP can write the risk assessments and gather the evidence; the accountability stays with you.",
        REG, ["A", "R", ""], Some(MSP), None),
    seed("audit-response", COMPLIANCE, "Regulatory relationships and audit response",
        "Regulators deal with the company, not its suppliers, so the internal team leads every audit conversation.",
        REG, ["A/R", "C", "I"], Some(IT), None),
    seed("cyber-insurance", COMPLIANCE, "Cyber-insurance control evidence",
        "Insurers now near-require documented MFA, EDR, immutable backups and a tested response plan.",
        REG, ["A", "R", "I"], Some(IT), None),
    // Strategy & vendors
    seed("it-strategy", STRATEGY, "IT strategy, roadmap and budget",
        "The MSP advises, but the company sets the direction and signs the purchase orders.",
        NONE, ["R", "C", "A"], Some(IT), None),
    seed("vcio-advisory", STRATEGY, "vCIO and strategic advisory",
        "Often sold separately, so say what advice is included before it arrives as an invoice.",
        NONE, ["A", "R", "C"], Some(MSP), None),
    seed("vendor-management", STRATEGY, "Vendor relationships and renewals",
        "Contracts such as Microsoft 365 and the firewall refresh are the company's, so their renewals are too.",
        NONE, ["A/R", "C", "I"], Some(IT), None),
    shared(seed("vendor-escalations", STRATEGY, "Vendor escalations (for example the ERP vendor)",
        "Whoever calls the vendor needs the contract number and the authority to push.",
        NONE, ["A/R", "R", ""], Some(IT), Some(MSP)),
        "Internal IT holds the vendor contracts and opens cases in business hours; after hours the MSP escalates using the contacts in the documentation platform."),
    // Projects
    seed("project-delivery", PROJECTS, "Project delivery: tenant clean-up, Intune, network refresh, cloud migration",
        "Project hours are the most common budget surprise, so agree who scopes, approves and delivers each one.",
        NONE, ["A", "R", "I"], Some(MSP), None),
    seed("specialist-assessments", PROJECTS, "Specialist assessments: penetration tests, gap assessments, architecture reviews",
        "Pen tests (NIST SP 800-115) and gap assessments (NIST CSF 2.0, CIS Controls v8) need an owner for the findings, not just the report.",
        NONE, ["A", "R", "I"], Some(MSP), None),
    // Governance & exit
    seed("p1-escalation", GOVERNANCE, "On-call escalation chain for P1 incidents",
        "A P1 at night needs a written call order with names and numbers, tested before it is needed.",
        H24_INCIDENT, ["A", "R", "I"], Some(IT), Some(MSP)),
    seed("reporting-qbr", GOVERNANCE, "Reporting: monthly service review and quarterly business review",
        "Monthly reviews catch drift early, and the quarterly review is where the contract is held to account.",
        NONE, ["A", "R", "C"], Some(MSP), None),
    shared(seed("documentation", GOVERNANCE, "Documentation and institutional knowledge",
        "Knowledge that lives only in the MSP's heads or tools leaves when the MSP does.",
        NONE, ["A/R", "R", ""], Some(IT), None),
        "The MSP records every change it makes in the shared documentation platform within five business days; internal IT owns the platform and reviews it monthly."),
    seed("licence-management", GOVERNANCE, "Tool and licence ownership (RMM, PSA, documentation platform, licences)",
        "If the MSP holds the tools and licences in its own name, leaving the MSP means losing them.",
        TOOLS, ["A", "R", "I"], Some(IT), None),
    seed("exit-offboarding", GOVERNANCE, "Off-boarding and exit: data return and tooling handover",
        "Agree export formats, timeline and handover before signing; a provider without a clean hand-back locks you in.",
        EXIT, ["A", "R", "I"], Some(IT), None),
];

/// What financial services add (FTC Safeguards Rule, SEC, FINRA, PCI-DSS, GLBA).
#[rustfmt::skip]
pub const FINANCIAL: [Seed; 5] = [
    seed("fs-safeguards-program", COMPLIANCE, "FTC Safeguards Rule security program (qualified individual)",
        "16 CFR Part 314 requires a named qualified individual to run the program and report to the board.",
        REG, ["A/R", "C", "I"], Some(IT), None),
    seed("fs-risk-assessment", COMPLIANCE, "Written risk assessment",
        "The MSP can draft the written risk assessment, but the company must own its conclusions.",
        REG, ["A", "R", "C"], Some(MSP), None),
    seed("fs-access-logs", COMPLIANCE, "Audit-ready access logs and evidence packages",
        "Examiners ask for access logs at short notice; know who produces them and how fast.",
        REG, ["A", "R", ""], Some(MSP), None),
    seed("fs-incident-disclosure", COMPLIANCE, "Material incident disclosure (SEC Form 8-K) and regulator notice",
        "The disclosure clock starts when an incident is judged material, so the decision path must be written down.",
        REG_INCIDENT, ["R", "C", "A"], Some(BIZ), None),
    seed("fs-continuity-pci", COMPLIANCE, "Business continuity plan (FINRA Rule 4370) and PCI-DSS scope",
        "FINRA expects a tested continuity plan, and PCI-DSS scope grows quietly unless someone owns it.",
        REG, ["A/R", "C", "I"], Some(IT), None),
];

/// What law firms add (privilege, matter access, zero trust).
#[rustfmt::skip]
pub const LEGAL: [Seed; 4] = [
    seed("legal-credential-scoping", COMPLIANCE, "External engineer credentials scoped to matter access",
        "Privilege means every MSP credential is checked against matter access before any agent is deployed.",
        REG, ["A", "R", "I"], Some(IT), None),
    seed("legal-dms-permissions", OPERATIONS, "Document management permissions (iManage, NetDocuments)",
        "DMS permissions are where privilege is enforced day to day, so they need one owner.",
        REG, ["A/R", "C", ""], Some(IT), None),
    seed("legal-zero-trust", SECURITY, "Zero-trust access model (NIST SP 800-207)",
        "In a firm, zero trust is the real configuration model, not a slogan, and both teams work inside it.",
        NONE, ["A", "R", "I"], Some(MSP), None),
    seed("legal-client-notification", COMPLIANCE, "Client notification after a security incident",
        "Over a third of law firms reported a security incident last year; clients expect to hear from the firm first.",
        REG_INCIDENT, ["R", "C", "A"], Some(BIZ), None),
];

/// What healthcare adds (HIPAA).
#[rustfmt::skip]
pub const HEALTHCARE: [Seed; 5] = [
    seed("hc-security-official", COMPLIANCE, "HIPAA security official and control ownership",
        "HIPAA requires a named security official inside the organisation; the role cannot be outsourced.",
        REG, ["A/R", "C", "I"], Some(IT), None),
    seed("hc-risk-analysis", COMPLIANCE, "HIPAA risk analysis and evidence",
        "The MSP can do the evidence work, while the organisation owns the risk decisions.",
        REG, ["A", "R", "C"], Some(MSP), None),
    seed("hc-baa", COMPLIANCE, "Business associate agreements (MSP and vendors)",
        "Every party that touches ePHI, the MSP included, needs a signed business associate agreement.",
        REG, ["R", "C", "A"], Some(IT), None),
    seed("hc-ephi-access", SECURITY, "ePHI access reviews and audit logs",
        "Access to patient data must be reviewed regularly, and the logs kept ready for an audit.",
        REG, ["A", "R", ""], Some(MSP), None),
    seed("hc-breach-notification", COMPLIANCE, "Breach risk assessment and HIPAA breach notification",
        "The notification deadline runs from discovery, so who decides and who writes must be known in advance.",
        REG_INCIDENT, ["R", "C", "A"], Some(IT), None),
];

/// The functions an industry adds to the general template.
pub fn extras(industry: Industry) -> &'static [Seed] {
    match industry {
        Industry::General => &[],
        Industry::FinancialServices => &FINANCIAL,
        Industry::Legal => &LEGAL,
        Industry::Healthcare => &HEALTHCARE,
    }
}

/// Every seed a template may hold, for looking one up by key (quick fixes).
pub fn all_seeds() -> impl Iterator<Item = &'static Seed> {
    GENERAL
        .iter()
        .chain(FINANCIAL.iter())
        .chain(LEGAL.iter())
        .chain(HEALTHCARE.iter())
}

/// The co-managed template for an industry: default parties, categories and the typical split.
pub fn co_managed(industry: Industry) -> Raci {
    let mut raci = blank();
    let parties = raci.party_ids();
    let categories: Vec<Id> = CATEGORIES
        .iter()
        .map(|name| {
            raci.add_category(name)
                .expect("template categories are valid")
        })
        .collect();
    for s in GENERAL.iter().chain(extras(industry)) {
        let function = build(s, &parties, categories[s.category]);
        raci.insert_function(function)
            .expect("template functions are valid and unique");
    }
    raci
}

/// The default parties and nothing else.
pub fn blank() -> Raci {
    let mut raci = Raci::default();
    for (name, side) in PARTIES {
        raci.add_party(name, side)
            .expect("template parties are valid");
    }
    raci
}

fn build(s: &Seed, parties: &[Id], category: Id) -> Function {
    let party = |i: usize| parties.get(i).copied();
    Function {
        id: 0,
        key: Some(s.key.to_owned()),
        category,
        name: s.name.to_owned(),
        hint: s.hint.to_owned(),
        marks: s.marks,
        roles: order::map(s.roles.iter().enumerate().filter_map(|(i, text)| {
            let letters = Letters::parse(text).expect("template letters are valid");
            Some((party(i)?, letters)).filter(|(_, l)| !l.is_empty())
        })),
        day_owner: s.day.and_then(party),
        night_owner: s.night.and_then(party),
        p1: String::new(),
        handoff: s.handoff.to_owned(),
        notes: String::new(),
        ..Function::default()
    }
}

/// Adds one template function (by key) to an existing matrix, in the category of the same
/// name (created if missing), with letters only for parties on the expected side.
/// Used by the quick fixes for missing exit and tool-ownership functions.
pub fn add_seed(raci: &mut Raci, key: &str) -> Option<Id> {
    let s = all_seeds().find(|s| s.key == key)?;
    let category = raci.category_named(CATEGORIES[s.category]).ok()?;
    // Map template parties onto the first party of each side in this matrix.
    let parties: Vec<Id> = PARTIES
        .iter()
        .map(|(_, side)| {
            raci.parties
                .iter()
                .find(|p| p.side == *side)
                .map(|p| p.id)
                .unwrap_or(0)
        })
        .collect();
    let mut f = build(s, &parties, category);
    f.roles.retain(|p, _| *p != 0);
    f.day_owner = f.day_owner.filter(|p| *p != 0);
    f.night_owner = f.night_owner.filter(|p| *p != 0);
    raci.insert_function(f).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::raci::checks::{check, Rule};
    use crate::domain::raci::letters::Letter;

    /// The functions domain.md lists, each with the template key that covers it.
    /// Kept internal, delegated to the MSP, and the ones the seeds insist are named.
    const DOMAIN_FUNCTIONS: [(&str, &str); 34] = [
        // Usually kept by the internal team
        ("IT strategy, roadmap and budget", "it-strategy"),
        ("Vendor relationships and renewals", "vendor-management"),
        (
            "User-facing support: onboarding, offboarding",
            "user-onboarding",
        ),
        (
            "User-facing support: executive support, walk-up tickets",
            "user-support",
        ),
        (
            "Tier 1 help desk during business hours",
            "tier1-business-hours",
        ),
        ("Line-of-business applications", "lob-applications"),
        (
            "Compliance ownership: the named control owner",
            "compliance-ownership",
        ),
        (
            "Regulatory relationships and audit response strategy",
            "audit-response",
        ),
        ("Institutional knowledge", "documentation"),
        // Usually delegated to the MSP
        ("Tier 2 and Tier 3 escalation", "escalation-tiers"),
        ("24/7 monitoring, alert triage", "monitoring"),
        (
            "After-hours help desk / tier 1 overnight",
            "after-hours-support",
        ),
        ("Patch management and the RMM agent", "patch-management"),
        (
            "Backup and disaster recovery: daily verification, monthly restore tests",
            "backup",
        ),
        (
            "Backup and disaster recovery: ransomware runbook",
            "backup-failures",
        ),
        ("Security operations: EDR tuning", "endpoint-security"),
        ("Security operations: SIEM/SOC watch", "security-alerts"),
        (
            "Security operations: vulnerability scans",
            "vulnerability-scans",
        ),
        (
            "Security operations: after-hours incident response retainer",
            "incident-response",
        ),
        ("Endpoint management", "endpoint-management"),
        ("Microsoft 365 administration", "m365-admin"),
        (
            "Compliance documentation and evidence library",
            "compliance-documentation",
        ),
        ("Project capacity", "project-delivery"),
        (
            "Periodic specialist work: architecture review, penetration testing, gap assessments",
            "specialist-assessments",
        ),
        ("Incident response runbooks (NIST SP 800-61)", "ir-runbooks"),
        ("vCIO / strategic advisory", "vcio-advisory"),
        // Named explicitly because that is where gaps appear
        ("change control", "change-control"),
        ("patching and patch failures", "patch-failures"),
        (
            "reporting (monthly reviews, quarterly business review)",
            "reporting-qbr",
        ),
        (
            "vendor escalations (e.g. the ERP vendor)",
            "vendor-escalations",
        ),
        ("on-call escalation chain for P1 incidents", "p1-escalation"),
        ("ticket intake channel", "ticket-intake"),
        ("tool and licence ownership", "licence-management"),
        (
            "off-boarding / exit (data return, tooling handover)",
            "exit-offboarding",
        ),
    ];

    fn by_key<'a>(raci: &'a Raci, key: &str) -> &'a Function {
        raci.functions
            .iter()
            .find(|f| f.key.as_deref() == Some(key))
            .unwrap_or_else(|| panic!("template lacks {key}"))
    }

    #[test]
    fn every_domain_function_appears_in_the_default_template() {
        let raci = co_managed(Industry::General);
        for (domain, key) in DOMAIN_FUNCTIONS {
            let f = by_key(&raci, key);
            assert!(!f.name.is_empty(), "{domain}");
        }
        // The explicitly named ones also by their words, so a rename cannot hide them.
        let names: Vec<String> = raci
            .functions
            .iter()
            .map(|f| f.name.to_lowercase())
            .collect();
        for word in [
            "incident response",
            "change control",
            "security alerts",
            "patch failures",
            "quarterly business review",
            "after-hours calls",
            "vendor escalations",
            "p1 incidents",
            "ticket intake",
            "documentation",
            "licence",
            "exit",
        ] {
            assert!(
                names.iter().any(|n| n.contains(word)),
                "no function names {word}"
            );
        }
    }

    #[test]
    fn the_pricing_contract_keys_exist() {
        let raci = co_managed(Industry::General);
        for key in [
            "incident-response",
            "after-hours-support",
            "security-alerts",
            "project-delivery",
            "specialist-assessments",
            "vcio-advisory",
            "compliance-documentation",
            "licence-management",
            "user-support",
        ] {
            by_key(&raci, key);
        }
    }

    #[test]
    fn keys_are_unique_kebab_case_and_every_function_has_a_one_sentence_hint() {
        let mut keys = std::collections::HashSet::new();
        for s in all_seeds() {
            assert!(keys.insert(s.key), "duplicate key {}", s.key);
            assert!(
                s.key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                s.key
            );
            assert!(s.hint.ends_with('.'), "{}", s.key);
            let sentences = s
                .hint
                .split(". ")
                .skip(1)
                .filter(|rest| rest.starts_with(|c: char| c.is_uppercase()))
                .count();
            assert_eq!(sentences, 0, "one sentence: {}", s.key);
            assert!(s.hint.len() < 160, "short hint: {}", s.key);
        }
    }

    #[test]
    fn the_required_marks_are_set() {
        let raci = co_managed(Industry::General);
        for key in [
            "monitoring",
            "security-alerts",
            "incident-response",
            "backup-failures",
        ] {
            assert!(by_key(&raci, key).marks.around_clock, "{key} is 24/7");
        }
        for key in [
            "incident-response",
            "security-alerts",
            "p1-escalation",
            "backup-failures",
        ] {
            assert!(by_key(&raci, key).marks.incident, "{key} is incident-type");
        }
        for key in [
            "compliance-ownership",
            "compliance-documentation",
            "audit-response",
        ] {
            assert!(by_key(&raci, key).marks.compliance, "{key} is compliance");
        }
        assert!(by_key(&raci, "exit-offboarding").marks.exit);
        assert!(by_key(&raci, "licence-management").marks.tools);
    }

    #[test]
    fn the_split_is_typical_internal_keeps_accountability_for_compliance() {
        let raci = co_managed(Industry::General);
        let side_with = |key: &str, letter: Letter| -> Vec<Side> {
            by_key(&raci, key)
                .holders(&raci.parties, letter)
                .map(|p| p.side)
                .collect()
        };
        assert_eq!(
            side_with("it-strategy", Letter::Accountable),
            [Side::Business]
        );
        assert_eq!(
            side_with("tier1-business-hours", Letter::Responsible),
            [Side::Internal]
        );
        assert_eq!(side_with("monitoring", Letter::Responsible), [Side::Msp]);
        assert_eq!(
            side_with("compliance-documentation", Letter::Accountable),
            [Side::Internal]
        );
        assert_eq!(
            side_with("compliance-documentation", Letter::Responsible),
            [Side::Msp]
        );
        let party_names: Vec<&str> = raci.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(party_names, ["Internal IT", "MSP", "Business leadership"]);
        let cats: Vec<&str> = raci.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(cats, CATEGORIES);
    }

    #[test]
    fn the_template_only_asks_for_the_buyers_own_p1_paths() {
        for industry in Industry::ALL {
            let raci = co_managed(industry);
            let report = check(&raci);
            for f in &report.findings {
                assert_eq!(f.rule, Rule::NoP1Path, "{industry:?}: {}", f.what);
            }
            let incident = raci.functions.iter().filter(|f| f.marks.incident).count();
            assert_eq!(report.findings.len(), incident, "{industry:?}");
        }
    }

    #[test]
    fn industry_variants_add_their_own_functions() {
        let general = co_managed(Industry::General).functions.len();
        for (industry, key) in [
            (Industry::FinancialServices, "fs-safeguards-program"),
            (Industry::Legal, "legal-credential-scoping"),
            (Industry::Healthcare, "hc-security-official"),
        ] {
            let raci = co_managed(industry);
            assert_eq!(raci.functions.len(), general + extras(industry).len());
            assert!(by_key(&raci, key).marks.compliance);
        }
    }

    #[test]
    fn a_seed_can_be_added_to_a_custom_matrix() {
        let mut raci = Raci::default();
        let msp = raci.add_party("Acme MSP", Side::Msp).unwrap();
        let id = add_seed(&mut raci, "exit-offboarding").unwrap();
        let f = raci.function(id).unwrap();
        assert_eq!(raci.category(f.category).unwrap().name, "Governance & exit");
        assert_eq!(f.letters(msp).label(), "R");
        assert_eq!(f.roles.len(), 1, "no letters for sides the matrix lacks");
        assert!(
            add_seed(&mut raci, "exit-offboarding").is_none(),
            "already there"
        );
        assert!(add_seed(&mut raci, "no-such-key").is_none());
    }
}
