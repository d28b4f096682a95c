//! The comparison as CSV (RFC 4180, CRLF line ends): one row per quote in rank order,
//! then the two alternatives. Amounts are plain decimals ("1234.50") so spreadsheets
//! read them as numbers; text cells are guarded against formula injection by
//! `csv_cell`.

use super::compare::Comparison;
use super::exclusions::CostItem;
use super::money::{decimal, percent_text};
use crate::domain::csv_cell::{field, record};

enum Cell {
    Text(String),
    Num(String),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn money(c: i64) -> Cell {
    Cell::Num(decimal(c))
}

fn num(n: impl ToString) -> Cell {
    Cell::Num(n.to_string())
}

fn encode(cell: &Cell) -> String {
    match cell {
        Cell::Num(s) => s.clone(),
        Cell::Text(s) => field(s),
    }
}

fn row(cells: &[Cell]) -> String {
    record(cells.iter().map(encode))
}

/// Writes the comparison. `knocked_out` holds the providers the scorecard knocks out,
/// with their red flags: the file goes to finance without the page around it, so the
/// cheapest row must say when it is a provider the buyer cannot choose.
pub fn comparison_csv(c: &Comparison, knocked_out: &[(String, Vec<String>)]) -> String {
    let years = c.max_years().max(c.managed.years.len());
    let mut head = vec![
        text("Rank"),
        text("Option"),
        text("Model"),
        text("Currency"),
        text("Term (months)"),
        text("Notice (days)"),
        text("Annual escalator (%)"),
        text("Base monthly"),
        text("All-in year 1"),
        text("Total contract value"),
        text("Per user per month"),
        text("Per device per month"),
    ];
    head.extend((1..=years).map(|y| text(format!("Year {y}"))));
    head.extend([
        text("Excluded with no rate"),
        text("Fully managed over the same term"),
        text("In-house over the same term"),
        text("Flags"),
    ]);
    let mut out = row(&head);
    let cur = c.currency.code();
    for q in c.ranked() {
        let t = &q.totals;
        let opt = |v: Option<i64>| v.map_or(text(""), money);
        let mut cells = vec![
            text(q.rank_label()),
            text(&q.name),
            text(q.model.label()),
            text(cur),
            num(q.term),
            num(q.notice_days),
            num(percent_text(q.escalator_bps)),
            money(t.base_monthly),
            money(t.all_in_year1),
            money(t.total),
            opt(t.per_user_month),
            opt(t.per_device_month),
        ];
        cells.extend((0..years).map(|y| t.years.get(y).map_or(text(""), |v| money(v.total()))));
        let unknown: Vec<&str> = t.unknown().iter().map(|i: &CostItem| i.label()).collect();
        let mut notes: Vec<String> = knocked_out
            .iter()
            .filter(|(id, _)| *id == q.provider)
            .map(|(_, flags)| {
                let flags: Vec<&str> = flags.iter().map(|f| f.trim_end_matches('.')).collect();
                format!("Knocked out on the scorecard: {}.", flags.join("; "))
            })
            .collect();
        notes.extend(q.flags.iter().map(|f| f.text.clone()));
        notes.extend(q.findings.iter().map(|f| f.text.clone()));
        cells.extend([
            text(unknown.join("; ")),
            money(q.managed.total),
            money(q.in_house.total),
            text(notes.join(" ")),
        ]);
        out.push_str(&row(&cells));
    }
    for (name, alt, note) in [
        ("Fully managed estimate", &c.managed, String::new()),
        ("In-house", &c.in_house, c.in_house_notes.join(" ")),
    ] {
        let mut cells = vec![
            text(""),
            text(name),
            text("Alternative"),
            text(cur),
            num(c.alt_term),
            text(""),
            text(""),
            text(""),
            money(alt.year1()),
            money(alt.total),
            text(""),
            text(""),
        ];
        cells.extend((0..years).map(|y| alt.years.get(y).map_or(text(""), |v| money(*v))));
        cells.extend([text(""), text(""), text(""), text(note)]);
        out.push_str(&row(&cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::compare::compare;
    use crate::domain::pricing::exclusions::Cover;
    use crate::domain::pricing::{Pick, Pricing};
    use crate::domain::profile::CompanyProfile;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(encode(&text("Harbor IT")), "Harbor IT");
        assert_eq!(encode(&text("Smith, Jones")), "\"Smith, Jones\"");
        assert_eq!(encode(&text("Say \"hi\"")), "\"Say \"\"hi\"\"\"");
        assert_eq!(encode(&text("=HYPERLINK(1)")), "'=HYPERLINK(1)");
        assert_eq!(encode(&text("-1,2")), "\"'-1,2\"");
        assert_eq!(encode(&money(-305)), "-3.05");
        assert_eq!(encode(&text("a\nb")), "\"a\nb\"");
    }

    #[test]
    fn the_comparison_file_has_a_row_per_quote_and_per_alternative() {
        let mut providers = Vec::new();
        let mut p = Pricing::default();
        p.add_quote(&mut providers, Pick::New("Acme, Inc".into()), "a".into())
            .unwrap();
        let q = p.quote_mut("a").unwrap();
        q.rates.per_user = 10_000;
        q.escalator_bps = 0;
        q.term_months = 24;
        for item in CostItem::ALL {
            q.card.get_mut(item).cover = Cover::Included;
        }
        q.card.on_site.cover = Cover::NoRate;
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let csv = comparison_csv(&c, &[]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines.len(),
            5,
            "header, one quote, two alternatives, final empty"
        );
        assert!(lines[0].starts_with("Rank,Option,Model,Currency,Term (months)"));
        assert!(lines[0].contains("Year 1,Year 2,Excluded with no rate"));
        assert!(lines[1].starts_with(
            "1,\"Acme, Inc\",Per user,USD,24,90,0,7500.00,90000.00,180000.00,100.00,"
        ));
        assert!(lines[1].contains(",90000.00,90000.00,On-site visits,"));
        assert!(lines[2].starts_with(",Fully managed estimate,Alternative,USD,24,"));
        assert!(lines[3].starts_with(",In-house,Alternative,USD,24,"));
        assert!(lines[3].contains("A single hire does not cover nights"));
        let flags = vec!["No written SLA.".into(), "Lock-in".into()];
        let flagged = comparison_csv(&c, &[("a".into(), flags)]);
        let quote = flagged.split("\r\n").nth(1).unwrap();
        assert!(
            quote.contains(",\"Knocked out on the scorecard: No written SLA; Lock-in. "),
            "{quote}"
        );
    }
}
