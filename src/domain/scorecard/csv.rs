//! CSV export: criteria down, providers across, with weights, scores and notes.
//!
//! RFC 4180 quoting and CRLF line ends, so spreadsheets open it as written. Text cells are
//! guarded against formula injection by `csv_cell`.

use super::model::Scorecard;
use super::scoring::{display_shares, results, Place};
use super::sensitivity::points;
use crate::domain::csv_cell::{field, record};
use crate::domain::provider::Provider;

fn line(fields: &[String]) -> String {
    record(fields.iter().map(|f| field(f)))
}

/// The whole scorecard as CSV text.
pub fn to_csv(sc: &Scorecard, providers: &[Provider]) -> String {
    let with_agreed = !sc.agreed.is_empty();
    let mut header: Vec<String> = [
        "Group",
        "Criterion",
        "Criterion id",
        "Question",
        "Weight",
        "Weight %",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for p in providers {
        header.push(format!("{}: score", p.name));
        if with_agreed {
            header.push(format!("{}: agreed", p.name));
        }
        header.push(format!("{}: note", p.name));
    }
    let mut out = line(&header);
    let ordered = sc.ordered();
    let weights: Vec<f64> = ordered.iter().map(|c| c.weight.get()).collect();
    let shares = display_shares(&weights);
    for (c, share) in ordered.iter().zip(shares) {
        let mut row = vec![
            c.group.clone(),
            c.name.clone(),
            c.id.clone(),
            c.question.clone(),
            c.weight.text(),
            format!("{share:.1}"),
        ];
        for p in providers {
            let cell = sc.cell(&p.id, &c.id);
            row.push(
                cell.and_then(|x| x.score)
                    .map(|s| s.label())
                    .unwrap_or_default(),
            );
            if with_agreed {
                row.push(
                    sc.agreed(&p.id, &c.id)
                        .map(|s| s.label())
                        .unwrap_or_default(),
                );
            }
            row.push(cell.map(|x| x.note.clone()).unwrap_or_default());
        }
        out.push_str(&line(&row));
    }
    let r = results(sc, providers);
    let per_provider = |label: &str, value: &dyn Fn(&Provider) -> String| {
        let mut row = vec![
            String::new(),
            label.to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
        for p in providers {
            row.push(value(p));
            if with_agreed {
                row.push(String::new());
            }
            row.push(String::new());
        }
        line(&row)
    };
    out.push_str(&per_provider("Total (0 to 100)", &|p| {
        r.standing(&p.id)
            .and_then(|s| s.total)
            .map(points)
            .unwrap_or_default()
    }));
    out.push_str(&per_provider(
        "Rank",
        &|p| match r.standing(&p.id).map(|s| &s.place) {
            Some(Place::Ranked(n)) => n.to_string(),
            Some(Place::KnockedOut) => "Knocked out".into(),
            _ => "Not scored".into(),
        },
    ));
    out.push_str(&per_provider("Knock-outs", &|p| {
        r.standing(&p.id)
            .map(|s| s.knock_outs.join("; "))
            .unwrap_or_default()
    }));
    out
}

/// A file name for the export.
pub fn file_name(workspace: &str) -> String {
    let slug = super::file_slug(workspace);
    if slug.is_empty() {
        "scorecard.csv".into()
    } else {
        format!("{slug}-scorecard.csv")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::fixtures::card;
    use crate::domain::scorecard::knockout;
    use crate::domain::scorecard::model::Score;

    #[test]
    fn criteria_down_providers_across_with_totals() {
        let mut sc = card(&[("c1", "Ownership", 3.0), ("c2", "Exit", 1.0)]);
        let providers = vec![
            Provider {
                id: "a".into(),
                name: "Acme, Inc".into(),
            },
            Provider {
                id: "b".into(),
                name: "Bravo".into(),
            },
        ];
        sc.set_score("a", "c1", Some(Score::Points(5)));
        sc.set_score("a", "c2", Some(Score::Points(1)));
        sc.set_note("a", "c1", "Showed a \"real\" RACI").unwrap();
        sc.set_score("b", "c1", Some(Score::NotApplicable));
        knockout::set_ticked(&mut sc, "b", "ko-lock-in", true);
        let text = to_csv(&sc, &providers);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Group,Criterion,Criterion id,Question,Weight,Weight %,\"Acme, Inc: score\",\"Acme, Inc: note\",Bravo: score,Bravo: note"
        );
        assert_eq!(
            lines[1],
            "Ownership,C1,c1,,3,75.0,5,\"Showed a \"\"real\"\" RACI\",N/A,"
        );
        assert_eq!(lines[2], "Exit,C2,c2,,1,25.0,1,,,");
        assert_eq!(lines[3], ",Total (0 to 100),,,,,80.0,,,");
        assert_eq!(lines[4], ",Rank,,,,,1,,Not scored,");
        assert_eq!(
            lines[5],
            ",Knock-outs,,,,,,,\"Proprietary tooling lock-in, with no clean hand-back\","
        );
        assert_eq!(lines[6], "");
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn agreed_columns_appear_once_the_lead_agreed_a_score() {
        let mut sc = card(&[("c1", "G", 1.0)]);
        let providers = vec![Provider {
            id: "a".into(),
            name: "Acme".into(),
        }];
        sc.set_score("a", "c1", Some(Score::Points(4)));
        sc.set_agreed("a", "c1", Some(Score::Points(3)));
        let text = to_csv(&sc, &providers);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "Group,Criterion,Criterion id,Question,Weight,Weight %,Acme: score,Acme: agreed,Acme: note");
        assert_eq!(lines[1], "G,C1,c1,,1,100.0,4,3,");
        assert_eq!(lines[2], ",Total (0 to 100),,,,,60.0,,");
    }

    #[test]
    fn file_names() {
        assert_eq!(
            file_name("Northwind: MSP review 2026"),
            "northwind-msp-review-2026-scorecard.csv"
        );
        assert_eq!(file_name("  "), "scorecard.csv");
    }
}
