//! What the RACI tells the pricing comparison: the functions the MSP owns.

use super::letters::Letter;
use super::model::{Raci, Side};
use crate::domain::duty::MspDuty;

impl Raci {
    /// Every function where a party on the MSP side holds R or A, in grid order.
    /// `after_hours` is true when the after-hours owner is on the MSP side.
    pub fn msp_duties(&self) -> Vec<MspDuty> {
        let on_msp_side = |id| self.side_of(id) == Some(Side::Msp);
        self.rows()
            .into_iter()
            .filter(|f| {
                f.roles.iter().any(|(party, letters)| {
                    on_msp_side(*party)
                        && (letters.has(Letter::Responsible) || letters.has(Letter::Accountable))
                })
            })
            .map(|f| MspDuty {
                key: f.key.clone(),
                name: f.name.clone(),
                after_hours: f.night_owner.is_some_and(on_msp_side),
                // A function stored before kinds were suggested is read by its name
                // until the RACI builder opens and marks it.
                marks: if f.never_suggested() {
                    super::vocabulary::infer(&f.name).marks
                } else {
                    f.marks
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::letters::Letters;
    use crate::domain::raci::template::co_managed;
    use crate::domain::raci::{Marks, Shift};

    fn duty<'a>(duties: &'a [MspDuty], key: &str) -> Option<&'a MspDuty> {
        duties.iter().find(|d| d.key.as_deref() == Some(key))
    }

    #[test]
    fn a_function_stored_before_kinds_were_suggested_is_read_by_its_name() {
        let mut raci = Raci::default();
        let msp = raci.add_party("MSP", Side::Msp).unwrap();
        let c = raci.add_category("Compliance").unwrap();
        let f = raci.add_function(c, "SOC2 evidence").unwrap();
        raci.set_cell(f, msp, Letters::parse("R").unwrap());
        let stored = raci.functions.iter_mut().find(|x| x.id == f).unwrap();
        (stored.marks, stored.inferred) = (Marks::default(), Marks::default());
        assert!(raci.msp_duties()[0].marks.compliance);
        raci.set_mark(f, crate::domain::raci::Mark::Compliance, false);
        assert!(
            !raci.msp_duties()[0].marks.compliance,
            "once decided, the marks count"
        );
    }

    #[test]
    fn the_template_gives_the_msp_its_typical_duties() {
        let duties = co_managed(Industry::General).msp_duties();
        for key in [
            "incident-response",
            "after-hours-support",
            "security-alerts",
            "project-delivery",
            "specialist-assessments",
            "vcio-advisory",
            "compliance-documentation",
            "licence-management",
        ] {
            assert!(duty(&duties, key).is_some(), "{key}");
        }
        assert!(duty(&duties, "user-support").is_none(), "kept internal");
        assert!(
            duty(&duties, "it-strategy").is_none(),
            "the MSP only advises (C)"
        );
        for key in [
            "incident-response",
            "after-hours-support",
            "security-alerts",
        ] {
            assert!(duty(&duties, key).unwrap().after_hours, "{key}");
        }
        assert!(!duty(&duties, "project-delivery").unwrap().after_hours);
    }

    #[test]
    fn any_msp_side_party_counts_and_buyer_functions_have_no_key() {
        let mut raci = Raci::default();
        let it = raci.add_party("Internal IT", Side::Internal).unwrap();
        let soc = raci.add_party("MSP SOC", Side::Msp).unwrap();
        let desk = raci.add_party("MSP service desk", Side::Msp).unwrap();
        let c = raci.add_category("Ops").unwrap();
        let watch = raci.add_function(c, "Log review").unwrap();
        let calls = raci.add_function(c, "Night calls").unwrap();
        let inside = raci.add_function(c, "Strategy").unwrap();
        raci.set_cell(watch, soc, Letters::parse("R").unwrap());
        raci.set_cell(watch, it, Letters::parse("A").unwrap());
        raci.set_cell(calls, desk, Letters::parse("A").unwrap());
        raci.set_owner(calls, Shift::Night, Some(desk));
        raci.set_owner(watch, Shift::Night, Some(it));
        raci.set_cell(inside, it, Letters::parse("A/R").unwrap());
        raci.set_cell(inside, soc, Letters::parse("C/I").unwrap());
        let duties = raci.msp_duties();
        assert_eq!(
            duties,
            vec![
                MspDuty {
                    key: None,
                    name: "Log review".into(),
                    after_hours: false,
                    marks: Marks::default(),
                },
                MspDuty {
                    key: None,
                    name: "Night calls".into(),
                    after_hours: true,
                    marks: Marks {
                        around_clock: true,
                        ..Marks::default()
                    },
                },
            ]
        );
    }
}
