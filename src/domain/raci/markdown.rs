//! The matrix as a Markdown table.

use super::model::Raci;

/// Escapes text so Markdown shows it as typed: no links, emphasis, HTML, headings or
/// broken table cells. Line breaks become spaces. Only what Markdown would read is
/// escaped: "Compliance (SOC 2)" or "Strategy & vendors" pasted into a plain-text email
/// must read as typed, so brackets are enough to stop a link, "&" matters only as the
/// start of an entity and "#" only where it opens or closes a heading.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let special = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            // Opening a heading, or closing one: "Vendor #" in a heading would lose its "#".
            '#' => {
                out.trim().is_empty()
                    || (out.ends_with(char::is_whitespace)
                        && text[i..].trim_end().chars().all(|c| c == '#'))
            }
            '&' => starts_entity(&text[i + 1..]),
            _ => false,
        };
        match c {
            '\r' => {}
            '\n' => out.push(' '),
            _ if special => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether the text after an "&" would make it an entity ("amp;", "#38;").
fn starts_entity(rest: &str) -> bool {
    let name = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(rest, |end| &rest[..end]);
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

/// The whole matrix as one GitHub-style table, grouped by category.
pub fn table(raci: &Raci) -> String {
    let mut out = String::new();
    let mut header = vec!["Category".to_owned(), "Function".to_owned()];
    header.extend(raci.parties.iter().map(|p| escape(&p.name)));
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for f in raci.rows() {
        let category = raci
            .category(f.category)
            .map(|c| c.name.as_str())
            .unwrap_or("");
        let mut cells = vec![escape(category), escape(&f.name)];
        cells.extend(raci.parties.iter().map(|p| f.letters(p.id).label()));
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push_str("\nR: does the work. A: answers for the outcome (one per function). C: consulted. I: kept informed.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template::co_managed;
    use crate::domain::raci::{Letters, Side};

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "\\<img src=x onerror=alert(1)\\>"
        );
        assert_eq!(escape("a|b\nc"), "a\\|b c");
        assert_eq!(escape("[link](http://x)"), "\\[link\\](http://x)");
        assert_eq!(escape("![x](y)"), "!\\[x\\](y)");
        assert_eq!(escape("&amp; &#38; R&D & co;"), "\\&amp; \\&#38; R&D & co;");
        assert_eq!(escape(" # Vendor #2"), " \\# Vendor #2");
        // The first "#" escaped, the run is no longer a closing sequence.
        assert_eq!(escape("Vendor ## "), "Vendor \\## ");
        assert_eq!(escape("Vendor #2 #x"), "Vendor #2 #x");
    }

    #[test]
    fn plain_text_reads_as_typed() {
        for text in [
            "Compliance control ownership (SOC 2, HIPAA, PCI)",
            "Strategy & vendors",
            "Vague SLAs (\"best effort\")!",
        ] {
            assert_eq!(escape(text), text);
        }
    }

    #[test]
    fn one_row_per_function_and_a_column_per_party() {
        let raci = co_managed(Industry::General);
        let md = table(&raci);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(
            lines[0],
            "| Category | Function | Internal IT | MSP | Business leadership |"
        );
        assert_eq!(lines[1], "| --- | --- | --- | --- | --- |");
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("| ")).count(),
            raci.functions.len() + 2
        );
        assert!(md.contains("| Service desk | Tier 1 help desk in business hours | A/R | I |  |"));
    }

    #[test]
    fn pipes_in_names_do_not_break_the_table() {
        let mut raci = crate::domain::raci::Raci::default();
        let p = raci.add_party("MSP | SOC", Side::Msp).unwrap();
        let c = raci.add_category("Ops").unwrap();
        let f = raci.add_function(c, "A|B").unwrap();
        raci.set_cell(f, p, Letters::parse("R").unwrap());
        let md = table(&raci);
        let row = md.lines().nth(2).unwrap();
        assert_eq!(row, "| Ops | A\\|B | R |");
    }
}
