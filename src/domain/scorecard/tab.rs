//! The views of the scorecard page, kept in the fragment's query (`#/scorecard?view=call`)
//! so a reload or a bookmark opens the same view. The route stays `#/scorecard`.

use crate::domain::route::Route;

/// A view of the scorecard page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tab {
    Grid,
    Call,
    Criteria,
    KnockOuts,
    Results,
    Evaluators,
    Export,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Grid,
        Tab::Call,
        Tab::Criteria,
        Tab::KnockOuts,
        Tab::Results,
        Tab::Evaluators,
        Tab::Export,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Tab::Grid => "grid",
            Tab::Call => "call",
            Tab::Criteria => "criteria",
            Tab::KnockOuts => "knockouts",
            Tab::Results => "results",
            Tab::Evaluators => "evaluators",
            Tab::Export => "export",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Grid => "Scores",
            Tab::Call => "Call mode",
            Tab::Criteria => "Criteria & weights",
            Tab::KnockOuts => "Knock-outs",
            Tab::Results => "Results",
            Tab::Evaluators => "Evaluators",
            Tab::Export => "Export & print",
        }
    }

    /// The fragment that opens this view.
    pub fn href(self) -> String {
        match self {
            Tab::Grid => "#/scorecard".into(),
            other => format!("#/scorecard?view={}", other.key()),
        }
    }

    /// Reads the view from a fragment such as `#/scorecard?view=call`; anything else
    /// is the score grid.
    pub fn from_fragment(fragment: &str) -> Tab {
        Route::param(fragment, "view")
            .and_then(|key| Tab::ALL.into_iter().find(|t| t.key() == key))
            .unwrap_or(Tab::Grid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_round_trips_through_its_fragment() {
        for tab in Tab::ALL {
            assert_eq!(Tab::from_fragment(&tab.href()), tab);
            assert!(!tab.label().is_empty());
        }
    }

    #[test]
    fn unknown_or_missing_views_open_the_grid() {
        assert_eq!(Tab::from_fragment("#/scorecard"), Tab::Grid);
        assert_eq!(Tab::from_fragment("#/scorecard?view=nope"), Tab::Grid);
        assert_eq!(
            Tab::from_fragment("#/scorecard?x=1&view=results"),
            Tab::Results
        );
        assert_eq!(Tab::from_fragment(""), Tab::Grid);
    }
}
