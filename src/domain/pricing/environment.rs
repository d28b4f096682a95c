//! What is being priced: users and devices, their growth, the currency, and how much
//! of each commonly excluded item the buyer expects to use in a year.

use serde::{Deserialize, Serialize};

use super::money::{apply_bps, Bps, Currency};
use crate::domain::profile::CompanyProfile;

/// The most users or devices a count accepts.
pub const MAX_COUNT: i64 = 100_000;
/// Growth per year accepted, in basis points (-50% to +50%).
pub const MIN_GROWTH: Bps = -5_000;
pub const MAX_GROWTH: Bps = 5_000;
/// The most hours, incidents or visits a year the buyer can expect.
pub const MAX_USE: i64 = 100_000;

/// The environment the quotes price. A count left at `None` follows the company
/// profile (devices by the users typed here, if any), so a change of headcount there
/// reaches the comparison until the buyer types a figure of their own here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Environment {
    pub users: Option<u32>,
    pub workstations: Option<u32>,
    pub servers: Option<u32>,
    pub network: Option<u32>,
    /// Yearly growth of users and workstations.
    pub growth_bps: Bps,
    pub currency: Currency,
}

/// The environment with every count decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub users: u32,
    pub workstations: u32,
    pub servers: u32,
    pub network: u32,
}

impl Counts {
    pub fn devices(self) -> u32 {
        self.workstations
            .saturating_add(self.servers)
            .saturating_add(self.network)
    }
}

/// Employees per server in the counts a profile implies (at least one server).
pub const EMPLOYEES_PER_SERVER: u32 = 25;
/// Employees per network device (switch, firewall, access point; at least two).
pub const EMPLOYEES_PER_NETWORK_DEVICE: u32 = 15;

/// Rules of thumb for the counts a profile implies: a user and a workstation per
/// employee, and servers and network devices at the rates above.
pub fn profile_counts(profile: &CompanyProfile) -> Counts {
    counts_for(profile.employees.min(MAX_COUNT as u32))
}

/// The counts `users` people usually come with, at the rates above.
fn counts_for(users: u32) -> Counts {
    Counts {
        users,
        workstations: users,
        servers: users.div_ceil(EMPLOYEES_PER_SERVER).max(1),
        network: users.div_ceil(EMPLOYEES_PER_NETWORK_DEVICE).max(2),
    }
}

impl Environment {
    /// The counts in use: the buyer's where typed, the rules of thumb otherwise, from
    /// the users typed or else the profile's employees (the hints say "one per user").
    pub fn counts(&self, profile: &CompanyProfile) -> Counts {
        let users = self.users.unwrap_or_else(|| profile_counts(profile).users);
        let d = counts_for(users);
        Counts {
            users,
            workstations: self.workstations.unwrap_or(d.workstations),
            servers: self.servers.unwrap_or(d.servers),
            network: self.network.unwrap_or(d.network),
        }
    }

    /// Whether every count follows the company profile.
    pub fn follows_profile(&self) -> bool {
        self.users.is_none()
            && self.workstations.is_none()
            && self.servers.is_none()
            && self.network.is_none()
    }

    /// Users and workstations grow each contract year; servers and network devices do
    /// not (they follow sites and systems, not headcount).
    ///
    /// Rounding: each year's count is the previous year's *rounded* count times
    /// (1 + growth), rounded to a whole number, halves up. 75 users at 10% growth:
    /// 75, 82.5 → 83, 91.3 → 91, 100.1 → 100.
    pub fn counts_by_year(&self, profile: &CompanyProfile, years: usize) -> Vec<Counts> {
        let mut out = Vec::with_capacity(years);
        let mut c = self.counts(profile);
        for year in 0..years {
            if year > 0 {
                c.users = grow(c.users, self.growth_bps);
                c.workstations = grow(c.workstations, self.growth_bps);
            }
            out.push(c);
        }
        out
    }
}

fn grow(count: u32, bps: Bps) -> u32 {
    apply_bps(i64::from(count), bps).clamp(0, i64::from(u32::MAX)) as u32
}

/// The buyer's estimate of how much of each commonly excluded item they will use in a
/// year. It is the same for every quote, so the all-in figures compare like with like.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Usage {
    pub project_hours: u32,
    pub advisory_hours: u32,
    pub incidents: u32,
    pub compliance_hours: u32,
    /// Licensed seats each month; `None` means one per user (and grows with users).
    pub seats: Option<u32>,
    pub visits: u32,
}

impl Default for Usage {
    /// Modest starting estimates for a mid-market firm: a small project or two, an
    /// advisory session a month, a handful of out-of-hours incidents, a quarterly round of
    /// evidence work, a visit every other month.
    fn default() -> Self {
        Usage {
            project_hours: 80,
            advisory_hours: 24,
            incidents: 4,
            compliance_hours: 20,
            seats: None,
            visits: 6,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(employees: u32) -> CompanyProfile {
        CompanyProfile {
            employees,
            ..CompanyProfile::default()
        }
    }

    #[test]
    fn defaults_come_from_the_company_profile() {
        let c = Environment::default().counts(&profile(75));
        assert_eq!(
            c,
            Counts {
                users: 75,
                workstations: 75,
                servers: 3,
                network: 5
            }
        );
        assert_eq!(c.devices(), 83);
        let small = Environment::default().counts(&profile(10));
        assert_eq!((small.servers, small.network), (1, 2));
    }

    #[test]
    fn typed_counts_win_over_the_profile() {
        let env = Environment {
            workstations: Some(90),
            ..Environment::default()
        };
        let c = env.counts(&profile(75));
        assert_eq!((c.users, c.workstations), (75, 90));
        assert!(!env.follows_profile());
        assert!(Environment::default().follows_profile());
    }

    #[test]
    fn untyped_devices_follow_the_users_typed() {
        let env = Environment {
            users: Some(120),
            ..Environment::default()
        };
        let c = env.counts(&profile(75));
        assert_eq!(
            (c.users, c.workstations, c.servers, c.network),
            (120, 120, 5, 8),
            "one per user, per 25 users and per 15 users, as the hints say"
        );
        let typed = Environment {
            servers: Some(2),
            ..env
        };
        assert_eq!(typed.counts(&profile(75)).servers, 2);
    }

    #[test]
    fn users_and_workstations_grow_from_the_rounded_count() {
        let env = Environment {
            growth_bps: 1_000,
            ..Environment::default()
        };
        let years = env.counts_by_year(&profile(75), 4);
        let users: Vec<u32> = years.iter().map(|c| c.users).collect();
        assert_eq!(users, vec![75, 83, 91, 100]);
        assert!(years.iter().all(|c| c.servers == 3 && c.network == 5));
    }

    #[test]
    fn negative_growth_shrinks_and_never_goes_below_zero() {
        let env = Environment {
            growth_bps: -5_000,
            ..Environment::default()
        };
        let users: Vec<u32> = env
            .counts_by_year(&profile(3), 4)
            .iter()
            .map(|c| c.users)
            .collect();
        assert_eq!(
            users,
            vec![3, 2, 1, 1],
            "1.5 rounds to 2, 1 to 0.5 rounds to 1"
        );
    }

    #[test]
    fn an_empty_saved_environment_loads_with_defaults() {
        let env: Environment = serde_json::from_str("{}").unwrap();
        assert_eq!(env, Environment::default());
        let usage: Usage = serde_json::from_str("{}").unwrap();
        assert_eq!(usage, Usage::default());
    }
}
