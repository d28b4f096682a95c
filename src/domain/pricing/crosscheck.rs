//! The RACI cross-check: work the RACI gives the MSP that a quote leaves out.
//!
//! A function the MSP owns (R or A) maps to a cost item through its template key, or
//! by keywords in its name when the buyer added it. If the quote excludes that item,
//! the buyer would pay extra (or an unknown amount) for work the RACI says the MSP does.

use super::exclusions::{CostItem, Cover};
use super::money::Currency;
use super::quote::Quote;
use crate::domain::duty::MspDuty;
use crate::domain::raci::vocabulary::{self, Topic};
use crate::domain::raci::Marks;

/// The cost item a function's work falls under, if any.
///
/// Template keys decide first. Incident response and security alerts only cost extra
/// out of hours, so they map to after-hours incident response when the MSP is their
/// after-hours owner; after-hours support is after hours by nature. A template key that
/// is not in this table maps to nothing on purpose (monitoring, patching and the like
/// are what a base fee buys); functions the buyer added have no key and are matched by
/// name and marks.
pub fn item_for(duty: &MspDuty) -> Option<CostItem> {
    match duty.key.as_deref() {
        Some("incident-response" | "security-alerts") => {
            duty.after_hours.then_some(CostItem::AfterHours)
        }
        Some("after-hours-support") => Some(CostItem::AfterHours),
        Some("project-delivery" | "specialist-assessments") => Some(CostItem::ProjectWork),
        Some("vcio-advisory") => Some(CostItem::Advisory),
        Some("compliance-documentation") => Some(CostItem::Compliance),
        Some("licence-management") => Some(CostItem::Licensing),
        Some("user-support") => Some(CostItem::OnSite),
        Some(_) => None,
        None => item_by_name(&duty.name, duty.marks, duty.after_hours),
    }
}

/// Functions the buyer named, read with the RACI's own vocabulary and marks, so the two
/// tools agree: work is compliance work here exactly when the RACI marks it compliance
/// (unless it is billed as after-hours work first). Checked in this order, so
/// "Compliance risk assessment" is compliance work, not a project.
pub fn item_by_name(name: &str, marks: Marks, after_hours: bool) -> Option<CostItem> {
    let topics = vocabulary::topics(name);
    let has = |t: Topic| topics.contains(&t);
    if marks.around_clock && has(Topic::OutOfHours) {
        return Some(CostItem::AfterHours);
    }
    // Incidents only cost extra out of hours, when the MSP is the one called.
    if marks.incident && after_hours {
        return Some(CostItem::AfterHours);
    }
    if marks.compliance {
        return Some(CostItem::Compliance);
    }
    if marks.tools && has(Topic::Licensing) {
        return Some(CostItem::Licensing);
    }
    [
        (Topic::Advisory, CostItem::Advisory),
        (Topic::OnSite, CostItem::OnSite),
        (Topic::Project, CostItem::ProjectWork),
    ]
    .into_iter()
    .find(|(t, _)| has(*t))
    .map(|(_, item)| item)
}

/// A gap between what the RACI gives the MSP and what a quote pays for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub item: CostItem,
    /// The RACI functions behind it, as the buyer named them.
    pub functions: Vec<String>,
    /// The quote gives no rate, so the cost is unknown (otherwise it is billed extra).
    pub no_rate: bool,
    /// For the buyer.
    pub text: String,
    /// The same, for the provider filling in its quote (the request page).
    pub for_provider: String,
}

/// The findings for one quote, unknown costs first.
pub fn cross_check(
    quote: &Quote,
    quote_name: &str,
    duties: &[MspDuty],
    currency: Currency,
) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for item in CostItem::ALL {
        let terms = quote.terms(item);
        if terms.cover == Cover::Included {
            continue;
        }
        let mut functions: Vec<String> = Vec::new();
        for d in duties.iter().filter(|d| item_for(d) == Some(item)) {
            if !functions.contains(&d.name) {
                functions.push(d.name.clone());
            }
        }
        if functions.is_empty() {
            continue;
        }
        let owns = format!("The MSP owns {} in your RACI", item.phrase());
        let gives = format!("The buyer's RACI gives you {}", item.phrase());
        let no_rate = terms.cover == Cover::NoRate;
        let (text, for_provider) = if no_rate {
            (
                format!("{owns}, but {quote_name} excludes it and gives no rate."),
                format!(
                    "{gives}, but your quote excludes it and gives no rate: their comparison \
                     counts it as an unknown cost."
                ),
            )
        } else {
            let per = item.unit().each();
            let rate = currency.format(terms.rate);
            (
                // "Excludes" would be wrong for a hybrid quote, whose model prices project
                // work: it is billed, only not in the base price.
                format!(
                    "{owns}, but it is not in {} base price: it is billed at {rate} {per} on top.",
                    crate::domain::text::possessive(quote_name)
                ),
                format!(
                    "{gives}, and your base price does not include it: their comparison adds \
                     it at {rate} {per} on top."
                ),
            )
        };
        out.push(Finding {
            item,
            functions,
            no_rate,
            text,
            for_provider,
        });
    }
    crate::domain::order::sort_by_key(&mut out, |f| !f.no_rate);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::exclusions::Terms;
    use crate::domain::pricing::models::ModelKind;

    fn duty(key: Option<&str>, name: &str, after_hours: bool) -> MspDuty {
        MspDuty {
            key: key.map(str::to_owned),
            name: name.to_owned(),
            after_hours,
            // As the RACI marks a function the buyer adds with this name.
            marks: vocabulary::infer(name).marks,
        }
    }

    #[test]
    fn template_keys_map_to_cost_items() {
        let k = |key, ah| item_for(&duty(Some(key), "x", ah));
        assert_eq!(k("incident-response", true), Some(CostItem::AfterHours));
        assert_eq!(k("incident-response", false), None);
        assert_eq!(k("security-alerts", true), Some(CostItem::AfterHours));
        assert_eq!(k("security-alerts", false), None);
        assert_eq!(k("after-hours-support", false), Some(CostItem::AfterHours));
        assert_eq!(k("project-delivery", false), Some(CostItem::ProjectWork));
        assert_eq!(
            k("specialist-assessments", false),
            Some(CostItem::ProjectWork)
        );
        assert_eq!(k("vcio-advisory", false), Some(CostItem::Advisory));
        assert_eq!(
            k("compliance-documentation", false),
            Some(CostItem::Compliance)
        );
        assert_eq!(k("licence-management", false), Some(CostItem::Licensing));
        assert_eq!(k("user-support", false), Some(CostItem::OnSite));
        assert_eq!(k("patch-management", true), None);
        assert_eq!(
            item_for(&duty(
                Some("monitoring"),
                "24/7 monitoring and alert triage",
                true
            )),
            None,
            "a known key with no cost item is not matched by name"
        );
    }

    #[test]
    fn functions_without_a_key_are_matched_by_name() {
        let n = |name, ah| item_for(&duty(None, name, ah));
        assert_eq!(n("Overnight help desk", false), Some(CostItem::AfterHours));
        assert_eq!(n("Weekend cover", false), Some(CostItem::AfterHours));
        assert_eq!(
            n("Ransomware incident handling", true),
            Some(CostItem::AfterHours)
        );
        assert_eq!(n("Ransomware incident handling", false), None);
        assert_eq!(n("Cloud migration", false), Some(CostItem::ProjectWork));
        assert_eq!(n("Penetration testing", false), Some(CostItem::ProjectWork));
        assert_eq!(
            n("Compliance risk assessment", false),
            Some(CostItem::Compliance)
        );
        assert_eq!(
            n("Audit evidence library", false),
            Some(CostItem::Compliance)
        );
        assert_eq!(n("M365 license true-up", false), Some(CostItem::Licensing));
        assert_eq!(n("vCIO quarterly review", false), Some(CostItem::Advisory));
        assert_eq!(n("On-site desk visits", false), Some(CostItem::OnSite));
        assert_eq!(n("Backup verification", true), None);
    }

    fn quote() -> Quote {
        let mut q = Quote::new("b".into());
        for item in CostItem::ALL {
            q.card.get_mut(item).cover = Cover::Included;
        }
        q
    }

    #[test]
    fn an_excluded_item_without_a_rate_is_flagged_in_plain_words() {
        let mut q = quote();
        q.card.after_hours.cover = Cover::NoRate;
        let duties = vec![
            duty(Some("incident-response"), "Incident response", true),
            duty(Some("after-hours-support"), "After-hours help desk", true),
            duty(Some("backup"), "Backup and recovery", true),
        ];
        let f = cross_check(&q, "Quote B", &duties, Currency::Usd);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].text,
            "The MSP owns after-hours incident response in your RACI, but Quote B excludes it and gives no rate."
        );
        assert_eq!(
            f[0].for_provider,
            "The buyer's RACI gives you after-hours incident response, but your quote excludes it \
             and gives no rate: their comparison counts it as an unknown cost."
        );
        assert_eq!(
            f[0].functions,
            vec!["Incident response", "After-hours help desk"]
        );
        assert!(f[0].no_rate);
    }

    #[test]
    fn an_excluded_item_with_a_rate_says_what_it_costs() {
        let mut q = quote();
        q.card.advisory = Terms {
            cover: Cover::Rated,
            rate: 20_000,
        };
        q.card.project.cover = Cover::NoRate;
        let duties = vec![
            duty(Some("vcio-advisory"), "vCIO / strategic advisory", false),
            duty(Some("project-delivery"), "Project capacity", false),
        ];
        let f = cross_check(&q, "Harbor IT", &duties, Currency::Gbp);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].item, CostItem::ProjectWork, "unknown costs first");
        assert_eq!(
            f[1].text,
            "The MSP owns vCIO and advisory time in your RACI, but it is not in Harbor IT's base price: it is billed at £200 an hour on top."
        );
        assert_eq!(
            f[1].for_provider,
            "The buyer's RACI gives you vCIO and advisory time, and your base price does not \
             include it: their comparison adds it at £200 an hour on top."
        );
    }

    #[test]
    fn included_items_and_internal_work_raise_nothing() {
        let q = quote();
        let duties = vec![duty(Some("project-delivery"), "Projects", false)];
        assert!(cross_check(&q, "A", &duties, Currency::Usd).is_empty());
        let mut excl = quote();
        excl.card.compliance.cover = Cover::NoRate;
        assert!(cross_check(&excl, "A", &duties, Currency::Usd).is_empty());
        assert!(cross_check(&excl, "A", &[], Currency::Usd).is_empty());
    }

    #[test]
    fn a_hybrid_quote_bills_projects_at_its_project_rate() {
        let mut q = quote();
        q.model = ModelKind::Hybrid;
        q.rates.project_rate = 17_500;
        let duties = vec![duty(
            Some("specialist-assessments"),
            "Penetration tests",
            false,
        )];
        let f = cross_check(&q, "Hybrid Co", &duties, Currency::Usd);
        assert_eq!(f.len(), 1);
        assert!(f[0].text.ends_with("billed at $175 an hour on top."));
    }

    #[test]
    fn the_raci_templates_msp_functions_meet_every_excluded_item_but_on_site_visits() {
        use crate::domain::profile::Industry;
        use crate::domain::raci::template::co_managed;
        let duties = co_managed(Industry::General).msp_duties();
        // A blank quote excludes everything with no rate.
        let q = Quote::new("b".into());
        let f = cross_check(&q, "Quote B", &duties, Currency::Usd);
        let items: Vec<CostItem> = f.iter().map(|f| f.item).collect();
        assert_eq!(
            items,
            vec![
                CostItem::ProjectWork,
                CostItem::Advisory,
                CostItem::AfterHours,
                CostItem::Compliance,
                CostItem::Licensing
            ],
            "user support stays internal in the template, so on-site visits raise nothing"
        );
        let after_hours = f.iter().find(|f| f.item == CostItem::AfterHours).unwrap();
        assert_eq!(
            after_hours.text,
            "The MSP owns after-hours incident response in your RACI, but Quote B excludes it and gives no rate."
        );
        assert_eq!(
            after_hours.functions.len(),
            3,
            "{:?}",
            after_hours.functions
        );
    }
}
