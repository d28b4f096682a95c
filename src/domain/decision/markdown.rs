//! The brief as Markdown, to paste into an email or a ticket.

use super::Brief;
use crate::domain::raci::markdown::escape;

/// The whole brief: summary table, value for money, recommendation, RACI readiness and
/// the questions. `title` is the workspace's name.
pub fn markdown(brief: &Brief, title: &str) -> String {
    let cur = brief.currency;
    let (ranked, priced) = (brief.ranked(), brief.priced());
    let mut out = format!("# Decision brief: {}\n\n", escape(title));
    let r = &brief.recommendation;
    out.push_str(&format!("**{}**\n\n", escape(&r.headline)));
    for line in &r.robustness {
        out.push_str(&format!("- **{}.** {}\n", line.topic, escape(&line.text)));
    }
    if !r.settle.is_empty() {
        out.push_str("\n**Before signing**\n\n");
        for line in &r.settle {
            out.push_str(&format!("- {}\n", escape(line)));
        }
    }
    out.push_str(&format!(
        "\n## Providers\n\nScores are {}. {}\n\n",
        escape(&brief.basis),
        escape(&brief.figures)
    ));
    out.push_str("| Provider | Score (rank) | Knock-outs | Total contract value | All-in year 1 | Per user a month | Unknown costs | MSP duties not in the base price | Questions |\n");
    out.push_str(&format!("|{}\n", " --- |".repeat(9)));
    for row in &brief.rows {
        let cells = [
            escape(&row.provider.name),
            row.score_text(ranked),
            escape(&row.knock_out_text()),
            row.total_text(cur, priced),
            row.year1_text(cur, priced),
            row.per_user_text(cur),
            row.unknown_text(),
            row.gaps_text(),
            row.questions.to_string(),
        ];
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push_str("\n## Value for money\n\n");
    for line in brief.value_lines() {
        out.push_str(&format!("- {}\n", escape(&line)));
    }
    out.push_str("\n## RACI readiness\n\n");
    let ready = &brief.readiness;
    out.push_str(&format!("{}\n\n", escape(&ready.verdict())));
    for b in &ready.blockers {
        out.push_str(&format!("- Blocks the SOW: {}\n", escape(b)));
    }
    for (_, name, cover) in &ready.coverage {
        out.push_str(&format!(
            "- {}: {}\n",
            escape(name),
            escape(&cover.sentence())
        ));
    }
    out.push_str("\n## Questions to settle before signing\n");
    for a in &brief.asked {
        out.push_str(&format!("\n### {}\n\n", escape(&a.name)));
        if a.questions.is_empty() {
            out.push_str("Nothing open.\n");
        }
        for q in &a.questions {
            out.push_str(&format!("- {} ({})\n", escape(&q.text), escape(&q.from)));
        }
    }
    if !brief.asked_of_all.is_empty() {
        out.push_str("\n### Whichever provider you choose (from your RACI)\n\n");
        for q in &brief.asked_of_all {
            out.push_str(&format!("- {} ({})\n", escape(&q.text), escape(&q.from)));
        }
    }
    out
}
