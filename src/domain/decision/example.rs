//! The brief's worked example, checked by hand: three providers quoted and scored, one
//! knocked out, one with an unpriced exclusion that the RACI gives the MSP. The same
//! workspace is the e2e test's fixture (`tests/e2e/decision-workspace.json`).

use super::Brief;
use crate::domain::envelope::{self, Kind};
use crate::domain::pricing::exclusions::{CostItem, Cover, Terms};
use crate::domain::pricing::Pick;
use crate::domain::profile::Industry;
use crate::domain::raci::template::co_managed;
use crate::domain::scorecard::criteria::default_criteria;
use crate::domain::scorecard::model::{Score, Weight};
use crate::domain::scorecard::{knockout, Scorecard};
use crate::domain::workspace::Workspace;

const FIXTURE: &str = "tests/e2e/decision-workspace.json";

/// 75 users, no growth, four after-hours incidents a year. Four criteria of equal weight.
/// - Harbor IT: $95 a user a month, 36 months, after-hours response excluded with no
///   rate; scores 4, 4, 3, 2: 65 points. TCV 95 × 75 × 36 = $256,500.
/// - Keystone Partners: $110, 36 months, after hours at $300 an incident, 120 days'
///   notice; scores 5, 4, 4, 4: 85 points. TCV 297,000 + 4 × 300 × 3 = $300,600.
/// - Nimbus Cloud Services: $85, all included; scores 5, 5, 4, 4: 90 points, but the
///   lock-in red flag is ticked. TCV $229,500.
pub fn workspace() -> Workspace {
    // 1 November 2026, so the app treats it as a recent workspace.
    let mut ws = Workspace::new(
        "decision-example".into(),
        "Contoso: MSP decision".into(),
        1_793_491_200_000,
    );
    ws.profile.company_name = "Contoso Dental Group".into();
    ws.raci = co_managed(Industry::General).into();
    let mut sc = Scorecard {
        criteria: default_criteria().into_iter().take(4).collect(),
        ..Scorecard::default()
    };
    for c in &mut sc.criteria {
        c.weight = Weight::new(1.0).unwrap();
    }
    let pricing = &mut ws.pricing;
    pricing.env.growth_bps = 0;
    pricing.usage.incidents = 4;
    let quotes = [
        ("harbor", "Harbor IT", 9_500, [4, 4, 3, 2]),
        ("keystone", "Keystone Partners", 11_000, [5, 4, 4, 4]),
        ("nimbus", "Nimbus Cloud Services", 8_500, [5, 5, 4, 4]),
    ];
    for (id, name, rate, scores) in quotes {
        pricing
            .add_quote(&mut ws.providers, Pick::New(name.into()), id.into())
            .unwrap();
        let q = pricing.quote_mut(id).unwrap();
        q.rates.per_user = rate;
        q.escalator_bps = 0;
        for item in CostItem::ALL {
            *q.card.get_mut(item) = Terms {
                cover: Cover::Included,
                rate: 0,
            };
        }
        let ids: Vec<String> = sc.criteria.iter().map(|c| c.id.clone()).collect();
        for (criterion, points) in ids.iter().zip(scores) {
            sc.set_score(id, criterion, Some(Score::Points(points)));
        }
    }
    pricing.quote_mut("harbor").unwrap().card.after_hours.cover = Cover::NoRate;
    let keystone = pricing.quote_mut("keystone").unwrap();
    keystone.card.after_hours = Terms {
        cover: Cover::Rated,
        rate: 30_000,
    };
    keystone.notice_days = 120;
    knockout::set_ticked(&mut sc, "nimbus", "ko-lock-in", true);
    knockout::set_note(
        &mut sc,
        "nimbus",
        "ko-lock-in",
        "Keeps the RMM and PSA on exit",
    )
    .unwrap();
    ws.scorecard = sc.into();
    ws
}

#[test]
fn the_worked_example_recommends_keystone_and_says_why() {
    let brief = Brief::build(&workspace());
    let r = &brief.recommendation;
    assert_eq!(r.provider.as_ref().map(|p| p.id.as_str()), Some("keystone"));
    assert_eq!(
        r.headline,
        "Choose Keystone Partners: the highest score of the providers with a priced quote and \
         no red flag (85.0 points), for $300,600 over 36 months."
    );
    assert_eq!(brief.frontier.providers, ["harbor", "keystone"]);
    let lines: Vec<String> = r.robustness.iter().map(|l| l.to_string()).collect();
    assert!(lines.contains(
        &"Price. Keystone Partners costs $44,100 more over the contract than Harbor IT for \
          20.0 more points ($2,205 a point)."
            .to_owned()
    ));
    // Harbor's after-hours incidents: 4 a year × 3 years × rate > $44,100 above $3,675.
    assert!(lines.contains(
        &"Unknown costs. If Harbor IT charges over $3,675 per incident for after-hours \
          incident response, it costs more than Keystone Partners in total contract value."
            .to_owned()
    ));
    assert!(r
        .settle
        .iter()
        .any(|s| s.starts_with("Agree whether after-hours incident response")));
    let nimbus = brief
        .rows
        .iter()
        .find(|r| r.provider.id == "nimbus")
        .unwrap();
    assert!(nimbus.knocked_out());
    assert_eq!(nimbus.score_text(brief.ranked()), "90.0, knocked out");
    assert!(brief
        .placement
        .points
        .iter()
        .any(|p| p.provider == "nimbus" && p.knocked_out));
}

#[test]
fn the_worked_example_asks_what_each_tool_knows() {
    let brief = Brief::build(&workspace());
    let asked = |id: &str| {
        brief
            .asked
            .iter()
            .find(|a| a.provider == id)
            .unwrap()
            .questions
            .iter()
            .map(|q| (q.from.as_str(), q.text.as_str()))
            .collect::<Vec<_>>()
    };
    let harbor = asked("harbor");
    assert_eq!(harbor[0].0, "Quote against your RACI");
    assert!(harbor[0].1.starts_with(
        "The MSP owns after-hours incident response in your RACI, but Harbor IT excludes it \
         and gives no rate."
    ));
    assert_eq!(
        harbor.len(),
        2,
        "the gap and the criterion scored 2: {harbor:?}"
    );
    assert!(harbor[1].1.contains("scored 2 of 5. Ask again:"));
    let keystone = asked("keystone");
    assert!(keystone
        .iter()
        .any(|(_, t)| t.starts_with("120 days' notice is longer than the usual 90")));
    assert!(keystone
        .iter()
        .any(|(_, t)| t.contains("billed at $300 an incident on top")));
    let nimbus = asked("nimbus");
    assert!(
        nimbus[0]
            .1
            .starts_with("You ticked the red flag “Proprietary tooling lock-in"),
        "{nimbus:?}"
    );
    assert!(nimbus[0]
        .1
        .contains("(you noted: “Keeps the RMM and PSA on exit”)"));
    let row = |id: &str| brief.rows.iter().find(|r| r.provider.id == id).unwrap();
    assert_eq!(
        row("harbor").unknown_text(),
        "After-hours incident response"
    );
    assert_eq!(row("harbor").questions, 2);
    assert_eq!(
        row("keystone").total_text(brief.currency, brief.priced()),
        "$300,600 over 36 months (2 of 2)"
    );
    assert_eq!(
        row("harbor").total_text(brief.currency, brief.priced()),
        "$256,500 over 36 months (1 of 2)"
    );
    // Cheapest, but it cannot be chosen: its figures stand without a rank.
    assert_eq!(
        row("nimbus").total_text(brief.currency, brief.priced()),
        "$229,500 over 36 months, knocked out"
    );
    assert_eq!(
        row("nimbus").year1_text(brief.currency, brief.priced()),
        "$76,500, knocked out"
    );
    let cover = &brief.readiness.coverage;
    assert_eq!(
        cover[0].2.sentence(),
        "Not all priced: no rate for after-hours incident response."
    );
    assert_eq!(
        cover[2].2.sentence(),
        "Every duty the RACI gives the MSP is in the base price."
    );
}

#[test]
fn a_red_flag_on_a_colleagues_card_is_a_question_until_settled() {
    let mut ws = workspace();
    ws.scorecard
        .others
        .push(crate::domain::scorecard::model::OtherCard {
            id: "bob".into(),
            evaluator: "Bob".into(),
            complete: true,
            imported_ms: 0,
            shared_ms: 0,
            cells: Default::default(),
            unmatched: Default::default(),
            red_flags: [("keystone".to_owned(), vec!["Vague SLAs".to_owned()])].into(),
        });
    let brief = Brief::build(&ws);
    let keystone = &brief
        .asked
        .iter()
        .find(|a| a.provider == "keystone")
        .unwrap();
    let settle = &keystone.questions[0];
    assert_eq!(
        settle.text,
        "Other evaluators ticked red flags for Keystone Partners (Bob: “Vague SLAs”): \
         settle them with the panel. Only a flag ticked on your card knocks them out."
    );
    assert!(settle.href.contains("at=at-ko-keystone"), "{}", settle.href);
}

#[test]
fn each_question_links_to_what_it_is_about() {
    let brief = Brief::build(&workspace());
    let hrefs = |id: &str| {
        let asked = brief.asked.iter().find(|a| a.provider == id).unwrap();
        asked
            .questions
            .iter()
            .map(|q| q.href.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        hrefs("harbor"),
        [
            "#/pricing?at=at-quote-harbor",
            "#/scorecard?at=sc-x-harbor--c-raci-disagreements"
        ]
    );
    assert_eq!(
        hrefs("nimbus")[0],
        "#/scorecard?view=knockouts&at=at-ko-nimbus"
    );
    // The P1 line names five functions and opens at the first, “Patch failures and rollback”.
    let p1 = brief
        .asked_of_all
        .iter()
        .find(|q| q.text.contains("no P1 escalation path"))
        .unwrap();
    let first = co_managed(Industry::General)
        .functions
        .iter()
        .find(|f| f.name == "Patch failures and rollback")
        .map(|f| f.id)
        .unwrap();
    assert_eq!(p1.href, format!("#/raci?at=rc-{first}-0"));
}

#[test]
fn the_worked_example_is_the_e2e_fixture() {
    let text = envelope::encode_pretty(Kind::Workspace, &workspace());
    if std::env::var_os("SPLITLINE_WRITE_FIXTURES").is_some() {
        std::fs::write(FIXTURE, &text).unwrap();
    }
    let stored = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(
        stored == text,
        "{FIXTURE} is out of date: run SPLITLINE_WRITE_FIXTURES=1 cargo test worked_example"
    );
}

#[test]
fn without_choosable_providers_there_is_no_recommendation_and_the_gaps_are_named() {
    let mut ws = Workspace::new("w".into(), "Empty".into(), 0);
    let brief = Brief::build(&ws);
    assert!(brief
        .recommendation
        .headline
        .starts_with("No recommendation yet: add the providers"));
    assert_eq!(
        brief.value_lines(),
        [
            "Nothing to chart yet: a provider appears here once it has both scores and a priced \
          quote."
        ]
    );
    ws = workspace();
    for id in ["harbor", "keystone"] {
        knockout::set_ticked(&mut ws.scorecard, id, "ko-vague-sla", true);
    }
    let r = Brief::build(&ws).recommendation;
    assert_eq!(r.provider, None);
    assert!(r
        .headline
        .contains("every provider with scores and a priced quote is knocked out"));
    ws = workspace();
    ws.pricing.quote_mut("harbor").unwrap().rates.per_user = 0;
    ws.pricing.quote_mut("keystone").unwrap().rates.per_user = 0;
    knockout::set_ticked(&mut ws.scorecard, "nimbus", "ko-lock-in", false);
    ws.scorecard.cells.remove("nimbus");
    let r = Brief::build(&ws).recommendation;
    assert_eq!(
        r.headline,
        "No recommendation yet: no provider has both scores and a priced quote."
    );
    assert_eq!(
        r.settle,
        [
            "Harbor IT: enter its quote's price.",
            "Keystone Partners: enter its quote's price.",
            "Nimbus Cloud Services: score it.",
        ]
    );
}

#[test]
fn a_higher_scorer_without_a_price_must_be_settled_first() {
    let mut ws = workspace();
    knockout::set_ticked(&mut ws.scorecard, "nimbus", "ko-lock-in", false);
    ws.pricing.quote_mut("nimbus").unwrap().rates.per_user = 0;
    let r = Brief::build(&ws).recommendation;
    assert_eq!(r.provider.map(|p| p.id), Some("keystone".to_owned()));
    assert!(r.robustness[0]
        .text
        .starts_with("The scorecard's leader, Nimbus Cloud Services, has no priced quote yet"));
    assert!(r.settle.contains(
        &"Nimbus Cloud Services scores higher (90.0 points) but has no priced quote: price it, \
          or rule it out."
            .to_owned()
    ));
}

#[test]
fn a_lead_on_a_few_scores_is_no_recommendation_yet() {
    // Harbor IT scored on two criteria only: scoring the rest could still put it first.
    let mut ws = workspace();
    let ids: Vec<String> = ws.scorecard.criteria.iter().map(|c| c.id.clone()).collect();
    for id in &ids[2..] {
        ws.scorecard.set_score("harbor", id, None);
    }
    let brief = Brief::build(&ws);
    let harbor = brief
        .rows
        .iter()
        .find(|r| r.provider.id == "harbor")
        .unwrap();
    let open = ids.len() - 2;
    assert!(
        harbor
            .score_text(brief.ranked())
            .ends_with(&format!(", {open} criteria not scored)")),
        "{}",
        harbor.score_text(brief.ranked())
    );
    let r = brief.recommendation;
    assert!(
        r.headline
            .starts_with("No recommendation yet: Keystone Partners leads the providers"),
        "{}",
        r.headline
    );
    assert!(r
        .headline
        .ends_with("still to score, enough to change that."));
    // Nothing is chosen yet, so nothing is shown as chosen.
    assert_eq!(r.provider, None);
    // What is still to score could change it: the verdict says that before any one-point
    // change on the few scores there are.
    assert!(r.robustness[0].text.starts_with(
        "Not settled yet: Keystone Partners leads Harbor IT by 5.0 points on what is scored so far"
    ));
    assert!(r.settle.contains(
        &"Score the criteria still open for each provider: they can change the winner.".to_owned()
    ));
}

#[test]
fn a_function_added_with_no_one_on_it_is_asked_of_every_provider() {
    let mut ws = workspace();
    let category = ws.raci.categories[0].id;
    ws.raci
        .add_function(category, "Firewall management")
        .unwrap();
    let brief = Brief::build(&ws);
    let asked = |text: &str| brief.asked_of_all.iter().any(|q| q.text.contains(text));
    assert!(asked("No one is accountable for “Firewall management”"));
    assert!(asked("No one does the work for “Firewall management”"));
    // Internal IT's own A/I is tidied by the buyer, not asked of providers.
    let (f, it) = (ws.raci.functions[0].id, ws.raci.parties[0].id);
    let mut letters = ws.raci.functions[0].letters(it);
    letters = letters.with(crate::domain::raci::Letter::Informed);
    ws.raci.set_cell(f, it, letters);
    let report = crate::domain::raci::checks::check(&ws.raci);
    assert!(report
        .findings
        .iter()
        .any(|f| f.rule == crate::domain::raci::checks::Rule::MixedLetters));
    let brief = Brief::build(&ws);
    assert!(!brief
        .asked_of_all
        .iter()
        .any(|q| q.text.contains(" holds ")));
}

#[test]
fn with_no_msp_work_in_the_raci_the_gaps_are_not_checked_rather_than_none() {
    let mut ws = workspace();
    let row = |ws: &Workspace| {
        let brief = Brief::build(ws);
        let harbor = brief
            .rows
            .iter()
            .find(|r| r.provider.id == "harbor")
            .unwrap();
        harbor.gaps_text()
    };
    assert_ne!(row(&ws), "Not checked: the RACI gives the MSP no work yet");
    ws.raci = crate::domain::raci::Raci::default().into();
    assert_eq!(row(&ws), "Not checked: the RACI gives the MSP no work yet");
}

#[test]
fn providers_with_no_quote_and_no_scores_leave_the_choice_settled() {
    // Two providers added to the scorecard, not scored and not priced: they cannot be
    // chosen, so their open criteria neither unsettle the scores nor ask for agreement.
    let mut ws = workspace();
    let settled = Brief::build(&ws).recommendation;
    for (id, name) in [("delta", "Delta Hybrid"), ("echo", "Echo Retainer")] {
        ws.providers.push(crate::domain::provider::Provider {
            id: id.into(),
            name: name.into(),
        });
    }
    let r = Brief::build(&ws).recommendation;
    assert_eq!(r.headline, settled.headline);
    let scores = r.robustness.iter().find(|l| l.topic == "Scores").unwrap();
    assert_eq!(
        Some(scores),
        settled.robustness.iter().find(|l| l.topic == "Scores")
    );
    assert!(!scores.text.contains("Delta"), "{}", scores.text);
    assert!(!r.settle.iter().any(|s| s.contains("too close to call")));
}

#[test]
fn with_one_provider_to_choose_close_scores_elsewhere_ask_for_no_agreement() {
    // Harbor unpriced, Nimbus knocked out: Keystone is the only choice, and Delta's open
    // criteria (no quote) cannot make the scores "too close to call".
    let mut ws = workspace();
    ws.pricing.quote_mut("harbor").unwrap().rates.per_user = 0;
    ws.providers.push(crate::domain::provider::Provider {
        id: "delta".into(),
        name: "Delta Hybrid".into(),
    });
    let r = Brief::build(&ws).recommendation;
    assert_eq!(r.provider.map(|p| p.id), Some("keystone".to_owned()));
    assert!(
        !r.settle.iter().any(|s| s.contains("too close to call")),
        "{:?}",
        r.settle
    );
}

#[test]
fn a_priced_provider_not_scored_yet_keeps_the_choice_open() {
    // Harbor has a price but none of its scores: it could still score above Keystone.
    let mut ws = workspace();
    let ids: Vec<String> = ws.scorecard.criteria.iter().map(|c| c.id.clone()).collect();
    for id in &ids {
        ws.scorecard.set_score("harbor", id, None);
    }
    let r = Brief::build(&ws).recommendation;
    assert!(
        r.headline
            .starts_with("No recommendation yet: Keystone Partners leads"),
        "{}",
        r.headline
    );
}

#[test]
fn over_different_terms_the_brief_names_the_lowest_by_the_year() {
    let mut ws = workspace();
    let r = Brief::build(&ws).recommendation;
    assert!(!r.robustness.iter().any(|l| l.topic == "Terms"));
    ws.pricing.quote_mut("harbor").unwrap().term_months = 24;
    let brief = Brief::build(&ws);
    let line = brief
        .recommendation
        .robustness
        .iter()
        .find(|l| l.topic == "Terms")
        .expect("a Terms line");
    assert_eq!(
        line.text,
        "The quotes run for different terms, so the price figures here compare them by the \
         year. Of the providers you can choose, Harbor IT costs least by the year: $85,500 a \
         year on average over 24 months."
    );
    // Harbor $171,000 over 24 months is $85,500 a year, Keystone $300,600 over 36 is
    // $100,200: $14,700 a year for 20.0 points. Harbor passes Keystone by the year once its
    // 8 incidents over 24 months add more than $29,400: over $3,675 each.
    assert!(brief.placement.per_year);
    let said = robustness(&brief);
    assert!(
        said.contains(
            &"Price. Keystone Partners costs $14,700 more a year than Harbor IT for 20.0 more \
              points ($735 a year for each point)."
                .to_owned()
        ),
        "{said:#?}"
    );
    assert!(
        said.contains(
            &"Unknown costs. If Harbor IT charges over $3,675 per incident for after-hours \
              incident response, it costs more than Keystone Partners by the year."
                .to_owned()
        ),
        "{said:#?}"
    );
    assert!(brief
        .recommendation
        .headline
        .ends_with("for $300,600 over 36 months."));
}

/// The brief's robustness lines, each with its topic ("Price. …").
fn robustness(brief: &Brief) -> Vec<String> {
    brief
        .recommendation
        .robustness
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_knocked_out_quote_on_another_term_puts_the_brief_by_the_year_and_says_why() {
    let mut ws = workspace();
    ws.pricing.quote_mut("nimbus").unwrap().term_months = 24;
    let brief = Brief::build(&ws);
    assert!(
        brief.placement.per_year,
        "every charted quote shares one basis"
    );
    let said = robustness(&brief);
    assert!(
        said.contains(
            &"Terms. A knocked-out quote runs for a different term, so the price figures \
              here compare them by the year."
                .to_owned()
        ),
        "{said:#?}"
    );
    // Harbor and Keystone both run 36 months: the same $14,700 a year as their totals'
    // $44,100 over three years.
    assert!(said.iter().any(|l| l.starts_with(
        "Price. Keystone Partners costs $14,700 more a year than Harbor IT for 20.0 more points"
    )));
}

#[test]
fn the_best_scorer_that_is_also_cheapest_is_said_to_be() {
    let mut ws = workspace();
    ws.pricing.quote_mut("keystone").unwrap().rates.per_user = 9_000;
    let brief = Brief::build(&ws);
    assert_eq!(brief.frontier.providers, ["keystone"]);
    let r = &brief.recommendation;
    assert!(r.robustness.iter().any(|l| l
        .to_string()
        .starts_with("Price. Keystone Partners is also the cheapest you can choose")));
    // Harbor is now dearer, so its unknown cost can only widen the gap: no reversal.
    assert_eq!(
        r.robustness.last().unwrap().to_string(),
        "Unknown costs. Only quotes that already cost more leave costs unknown, so those \
         costs can only widen the gap."
    );
    // With no RACI, there are no duties to price; a quote with no price says so.
    ws.raci = Default::default();
    ws.pricing.quote_mut("harbor").unwrap().rates.per_user = 0;
    let cover = Brief::build(&ws).readiness.coverage;
    assert!(cover
        .iter()
        .all(|c| c.2 == super::readiness::Coverage::NoDuties));
    let mut ws = workspace();
    ws.pricing.quote_mut("harbor").unwrap().rates.per_user = 0;
    let cover = Brief::build(&ws).readiness.coverage;
    assert_eq!(cover[0].2, super::readiness::Coverage::NotPriced);
}

#[test]
fn a_step_too_small_for_one_decimal_shows_two_and_other_currencies_get_no_band() {
    let step = super::frontier::Step {
        from: "a".into(),
        to: "b".into(),
        extra_cost: 10_000,
        extra_points: 0.04,
    };
    assert_eq!(step.points_text(), "0.04");
    assert_eq!(
        step.cost_per_point(),
        250_000,
        "$100 for 0.04 points is $2,500 a point"
    );
    let mut ws = workspace();
    ws.pricing.env.currency = crate::domain::pricing::money::Currency::Eur;
    let brief = Brief::build(&ws);
    let harbor = &brief.rows[0];
    assert_eq!(harbor.per_user_text(brief.currency), "€95");
}

#[test]
fn a_full_tie_is_not_broken_by_the_brief() {
    let mut ws = workspace();
    let (k, h) = ("keystone", "harbor");
    let ids: Vec<String> = ws.scorecard.criteria.iter().map(|c| c.id.clone()).collect();
    for c in &ids {
        let s = ws.scorecard.score(k, c);
        ws.scorecard.set_score(h, c, s);
    }
    let keystone = ws.pricing.quote(k).unwrap().clone();
    let harbor = ws.pricing.quote_mut(h).unwrap();
    (harbor.rates, harbor.card, harbor.notice_days) = (keystone.rates, keystone.card, 90);
    let r = Brief::build(&ws).recommendation;
    assert_eq!(r.provider, None);
    assert!(
        r.headline
            .starts_with("No single recommendation: Harbor IT and Keystone Partners tie"),
        "{}",
        r.headline
    );
}

#[test]
fn the_markdown_carries_every_part_and_escapes_names() {
    let mut ws = workspace();
    ws.providers[0].name = "Harbor <IT> | *Ops*".into();
    let md = super::markdown::markdown(&Brief::build(&ws), "Contoso [draft]");
    assert!(md.starts_with("# Decision brief: Contoso \\[draft\\]\n\n**Choose Keystone Partners"));
    for part in [
        "## Providers",
        "## Value for money",
        "## RACI readiness",
        "### Keystone Partners",
    ] {
        assert!(md.contains(part), "{part}");
    }
    assert!(md.contains("| Harbor \\<IT\\> \\| \\*Ops\\* | 65.0 (2 of 2) |"));
    assert!(md.contains("\n- **Scores.** Clear winner: Keystone Partners leads"));
    assert!(
        md.contains("| Nimbus Cloud Services | 90.0, knocked out | Proprietary tooling lock-in")
    );
}

#[test]
fn a_tie_on_score_goes_to_the_cheaper_and_says_it_is_a_tie() {
    let mut ws = workspace();
    let ids: Vec<String> = ws.scorecard.criteria.iter().map(|c| c.id.clone()).collect();
    for c in &ids {
        let s = ws.scorecard.score("keystone", c);
        ws.scorecard.set_score("harbor", c, s);
    }
    ws.pricing.quote_mut("keystone").unwrap().rates.per_user = 9_000;
    let r = Brief::build(&ws).recommendation;
    assert_eq!(r.provider.as_ref().map(|p| p.id.as_str()), Some("keystone"));
    // The scorecard names Harbor first (a tie is listed by name); Harbor has a price.
    assert_eq!(
        r.robustness[0].to_string(),
        "Scores. Too close to call: Harbor IT and Keystone Partners are tied for first place."
    );
    // Not "the highest score": the price decided between equals.
    assert_eq!(
        r.headline,
        "Choose Keystone Partners: it ties Harbor IT for the highest score of the providers \
         with a priced quote and no red flag (85.0 points) and costs less, $246,600 over 36 \
         months."
    );
    assert_eq!(
        robustness_of(&r)[1],
        "Price. Keystone Partners costs $9,900 less over the contract than Harbor IT, which \
         has the same score."
    );
}

#[test]
fn with_the_others_knocked_out_the_brief_says_so_and_what_is_unpriced() {
    let mut ws = workspace();
    knockout::set_ticked(&mut ws.scorecard, "keystone", "ko-lock-in", true);
    let r = Brief::build(&ws).recommendation;
    assert_eq!(
        r.headline,
        "Choose Harbor IT: the highest score of the providers with a priced quote and no red \
         flag (65.0 points), for $256,500 over 36 months, plus after-hours incident response, \
         which it gives no rate for."
    );
    let lines = robustness_of(&r);
    // Scored but ruled out, not "score another provider".
    assert_eq!(
        lines[0],
        "Scores. Harbor IT is the only provider with a priced quote left to choose: Keystone \
         Partners and Nimbus Cloud Services are knocked out by red flags."
    );
    // Not "only quotes that already cost more leave costs unknown".
    assert_eq!(
        lines.last().unwrap(),
        "Unknown costs. The quote from Harbor IT leaves after-hours incident response \
         unpriced, so it will cost more than shown."
    );
}

fn robustness_of(r: &super::recommend::Recommendation) -> Vec<String> {
    r.robustness.iter().map(|l| l.to_string()).collect()
}

#[test]
fn many_unscored_criteria_share_one_question_and_a_few_get_one_each() {
    let mut ws = workspace();
    ws.scorecard.criteria = default_criteria();
    let brief = Brief::build(&ws);
    let harbor = &brief.asked[0].questions;
    let unscored = ws.scorecard.criteria.len() - 4;
    let last = harbor.last().unwrap();
    assert!(
        last.text
            .starts_with(&format!("{unscored} criteria are not scored yet: “")),
        "{}",
        last.text
    );
    // Three named, the rest counted.
    assert!(
        last.text
            .contains(&format!("” and {} more. Score them", unscored - 3)),
        "{}",
        last.text
    );
    assert_eq!(last.text.matches('“').count(), 3);
    assert!(
        harbor.iter().any(|q| q.text.contains("scored 2 of 5")),
        "weak scores stay one each"
    );
    let mut ws = workspace();
    ws.scorecard
        .criteria
        .extend(default_criteria().into_iter().skip(4).take(2));
    let harbor = Brief::build(&ws).asked[0].questions.clone();
    assert_eq!(
        harbor
            .iter()
            .filter(|q| q.text.contains("is not scored yet. Ask:"))
            .count(),
        2
    );
}

#[test]
fn the_brief_says_whose_scores_rank_the_providers() {
    let mut ws = workspace();
    assert_eq!(Brief::build(&ws).basis, "your own");
    let criterion = ws.scorecard.criteria[0].id.clone();
    ws.scorecard
        .agreed
        .entry("harbor".into())
        .or_default()
        .insert(criterion, Score::Points(5));
    assert_eq!(Brief::build(&ws).basis, "your own, with 1 agreed score");
}

#[test]
fn unknown_costs_in_different_units_are_weighed_as_the_gap_they_must_close() {
    let mut ws = workspace();
    ws.pricing.usage.project_hours = 40;
    ws.pricing.quote_mut("harbor").unwrap().card.project.cover = Cover::NoRate;
    let r = Brief::build(&ws).recommendation;
    let line = r
        .robustness
        .iter()
        .find(|l| l.topic == "Unknown costs")
        .unwrap();
    // One rate across hours and incidents means nothing; the $44,100 gap does.
    assert_eq!(
        line.text,
        "If what Harbor IT charges for project work and after-hours incident response (it \
         quotes no rate) comes to more than $44,100 over the contract, it costs more than \
         Keystone Partners in total contract value."
    );
}

#[test]
fn prices_rank_among_the_providers_that_can_be_chosen() {
    let mut ws = workspace();
    // Nimbus unpriced as well as knocked out: no figures, no rank, and not counted.
    ws.pricing.quote_mut("nimbus").unwrap().rates.per_user = 0;
    let brief = Brief::build(&ws);
    let row = |id: &str| brief.rows.iter().find(|r| r.provider.id == id).unwrap();
    let cur = brief.currency;
    assert_eq!(brief.priced(), 2);
    assert_eq!(row("nimbus").total_text(cur, 2), "Not priced yet");
    assert_eq!(row("nimbus").year1_text(cur, 2), "–");
    // Keystone on a 12-month term: the lowest year 1 is not the lowest total.
    ws = workspace();
    ws.pricing.quote_mut("keystone").unwrap().term_months = 12;
    let brief = Brief::build(&ws);
    let row = |id: &str| brief.rows.iter().find(|r| r.provider.id == id).unwrap();
    assert_eq!(
        row("keystone").total_text(cur, 2),
        "$100,200 over 12 months (1 of 2)"
    );
    assert_eq!(row("harbor").year1_text(cur, 2), "$85,500 (1 of 2)");
    assert_eq!(row("keystone").year1_text(cur, 2), "$100,200 (2 of 2)");
    assert_eq!(row("nimbus").year1_text(cur, 2), "$76,500, knocked out");
}

#[test]
fn the_per_user_band_is_held_against_the_quoted_rate_not_the_all_in_figure() {
    let brief = Brief::build(&workspace());
    let text = |id: &str| {
        let row = brief.rows.iter().find(|r| r.provider.id == id).unwrap();
        row.per_user_text(brief.currency)
    };
    assert_eq!(text("nimbus"), "$85, within the common $65 to $120");
    assert_eq!(
        text("keystone"),
        "$111.33 averaged over the contract; its $110 rate is within the common $65 to $120"
    );
    // A model without a per-user rate shows its all-in figure, with no band.
    let mut ws = workspace();
    let quote = ws
        .pricing
        .quotes
        .iter_mut()
        .find(|q| q.provider == "keystone")
        .unwrap();
    quote.model = crate::domain::pricing::models::ModelKind::Retainer;
    quote.rates.retainer = 900_000;
    let brief = Brief::build(&ws);
    let row = brief
        .rows
        .iter()
        .find(|r| r.provider.id == "keystone")
        .unwrap();
    let shown = row.per_user_text(brief.currency);
    assert!(
        shown.starts_with('$') && !shown.contains("common"),
        "{shown}"
    );
}

#[test]
fn before_signing_counts_only_the_questions_it_has_not_asked_already() {
    // Keystone leaves after-hours incident response with no rate: "Get a rate" asks it,
    // so only the notice question is left to settle below.
    let mut ws = workspace();
    ws.pricing
        .quote_mut("keystone")
        .unwrap()
        .card
        .after_hours
        .cover = crate::domain::pricing::exclusions::Cover::NoRate;
    let brief = Brief::build(&ws);
    // The headline and the break-even say what both quotes leave unpriced.
    let r = &brief.recommendation;
    assert!(r.headline.ends_with(
        "for $297,000 over 36 months, plus after-hours incident response, which it gives no \
         rate for."
    ));
    assert_eq!(
        robustness_of(r).last().unwrap(),
        "Unknown costs. If Harbor IT charges over $3,375 per incident for after-hours incident \
         response, it costs more than Keystone Partners in total contract value. The quote \
         from Keystone Partners leaves after-hours incident response unpriced too, so the true \
         break-even is higher."
    );
    let asked = brief
        .asked
        .iter()
        .find(|a| a.provider == "keystone")
        .unwrap();
    assert_eq!(asked.questions.len(), 2);
    let settle = &brief.recommendation.settle;
    assert!(settle.contains(
        &"Get a rate from Keystone Partners for after-hours incident response.".to_owned()
    ));
    assert!(settle.contains(&"Settle the other question for Keystone Partners below.".to_owned()));
}

#[test]
fn the_brief_says_what_the_prices_are_for() {
    let brief = Brief::build(&workspace());
    assert_eq!(
        brief.figures,
        "Prices are for 75 users, 75 workstations, 3 servers and 5 network devices, with no \
         growth, in USD."
    );
    let md = super::markdown::markdown(&brief, "Acme");
    assert!(md.contains(&brief.figures), "in the Markdown too");
}
