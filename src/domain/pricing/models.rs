//! The pricing models MSPs quote, and the monthly charge each produces.

use serde::{Deserialize, Serialize};

use super::environment::Counts;
use super::money::{apply_bps, to_cents, Bps, Cents};

/// How a quote charges for its always-on service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// A rate per user per month: the dominant model.
    #[default]
    PerUser,
    /// Separate monthly rates for workstations, servers and network devices.
    PerDevice,
    /// A fixed monthly fee for a defined scope.
    Retainer,
    /// A block of hours each month at an hourly rate, overage billed above it.
    BlockHours,
    /// A per-user base for always-on work, plus project hours at an hourly rate.
    Hybrid,
}

impl ModelKind {
    pub const ALL: [ModelKind; 5] = [
        ModelKind::PerUser,
        ModelKind::PerDevice,
        ModelKind::Retainer,
        ModelKind::BlockHours,
        ModelKind::Hybrid,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ModelKind::PerUser => "Per user",
            ModelKind::PerDevice => "Per device",
            ModelKind::Retainer => "Monthly retainer",
            ModelKind::BlockHours => "Block hours",
            ModelKind::Hybrid => "Hybrid (per user + project hours)",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ModelKind::PerUser => "per_user",
            ModelKind::PerDevice => "per_device",
            ModelKind::Retainer => "retainer",
            ModelKind::BlockHours => "block_hours",
            ModelKind::Hybrid => "hybrid",
        }
    }

    pub fn from_key(key: &str) -> Option<ModelKind> {
        ModelKind::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// Every model's figures, kept side by side so switching model never loses one.
/// Money is per month unless named per hour; amounts are year-1 prices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rates {
    pub per_user: Cents,
    pub workstation: Cents,
    pub server: Cents,
    pub network: Cents,
    pub retainer: Cents,
    /// Hours in the monthly block.
    pub block_hours: u32,
    /// Price per hour inside the block.
    pub block_rate: Cents,
    /// Price per hour above the block.
    pub overage_rate: Cents,
    /// Hours a month the buyer expects to use under the block model.
    pub expected_hours: u32,
    /// Hybrid: price per project hour.
    pub project_rate: Cents,
}

impl Rates {
    /// Next contract year's rates: each raised by the escalator and rounded to the cent.
    pub fn escalate(&self, bps: Bps) -> Rates {
        Rates {
            per_user: apply_bps(self.per_user, bps),
            workstation: apply_bps(self.workstation, bps),
            server: apply_bps(self.server, bps),
            network: apply_bps(self.network, bps),
            retainer: apply_bps(self.retainer, bps),
            block_hours: self.block_hours,
            block_rate: apply_bps(self.block_rate, bps),
            overage_rate: apply_bps(self.overage_rate, bps),
            expected_hours: self.expected_hours,
            project_rate: apply_bps(self.project_rate, bps),
        }
    }

    /// Hours a month above the block (unused block hours do not roll over).
    pub fn overage_hours(&self) -> u32 {
        self.expected_hours.saturating_sub(self.block_hours)
    }
}

/// The model's fixed monthly charge for the always-on service.
pub fn service_monthly(kind: ModelKind, r: &Rates, c: Counts) -> Cents {
    let m = |rate: Cents, n: u32| i128::from(rate) * i128::from(n);
    to_cents(match kind {
        ModelKind::PerUser | ModelKind::Hybrid => m(r.per_user, c.users),
        ModelKind::PerDevice => {
            m(r.workstation, c.workstations) + m(r.server, c.servers) + m(r.network, c.network)
        }
        ModelKind::Retainer => i128::from(r.retainer),
        ModelKind::BlockHours => m(r.block_rate, r.block_hours),
    })
}

/// The model's usage charge per month on top of the service: block-hour overage.
/// (Hybrid project hours are priced as the project-work item at the hybrid's rate.)
pub fn overage_monthly(kind: ModelKind, r: &Rates) -> Cents {
    match kind {
        ModelKind::BlockHours => {
            to_cents(i128::from(r.overage_rate) * i128::from(r.overage_hours()))
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C75: Counts = Counts {
        users: 75,
        workstations: 80,
        servers: 3,
        network: 5,
    };

    #[test]
    fn per_user_is_rate_times_users() {
        let r = Rates {
            per_user: 9_500,
            ..Rates::default()
        };
        assert_eq!(service_monthly(ModelKind::PerUser, &r, C75), 712_500);
    }

    #[test]
    fn per_device_prices_each_kind_of_device() {
        let r = Rates {
            workstation: 4_500,
            server: 25_000,
            network: 3_000,
            ..Rates::default()
        };
        // 80 × 45 + 3 × 250 + 5 × 30 = 3,600 + 750 + 150 = $4,500.
        assert_eq!(service_monthly(ModelKind::PerDevice, &r, C75), 450_000);
    }

    #[test]
    fn a_retainer_ignores_counts() {
        let r = Rates {
            retainer: 550_000,
            ..Rates::default()
        };
        assert_eq!(service_monthly(ModelKind::Retainer, &r, C75), 550_000);
    }

    #[test]
    fn block_hours_charge_the_block_and_the_overage_above_it() {
        let mut r = Rates {
            block_hours: 40,
            block_rate: 15_000,
            overage_rate: 19_500,
            expected_hours: 46,
            ..Rates::default()
        };
        // The block: 40 × $150 = $6,000 a month; 6 hours over at $195 = $1,170.
        assert_eq!(service_monthly(ModelKind::BlockHours, &r, C75), 600_000);
        assert_eq!(overage_monthly(ModelKind::BlockHours, &r), 117_000);
        // Using fewer hours than the block still pays the whole block.
        r.expected_hours = 30;
        assert_eq!(overage_monthly(ModelKind::BlockHours, &r), 0);
        assert_eq!(service_monthly(ModelKind::BlockHours, &r, C75), 600_000);
        assert_eq!(overage_monthly(ModelKind::PerUser, &r), 0);
    }

    #[test]
    fn hybrid_base_is_the_per_user_part() {
        let r = Rates {
            per_user: 8_000,
            project_rate: 17_500,
            ..Rates::default()
        };
        assert_eq!(service_monthly(ModelKind::Hybrid, &r, C75), 600_000);
    }

    #[test]
    fn escalation_rounds_each_rate_to_the_cent_and_keeps_hours() {
        let r = Rates {
            per_user: 9_550,
            block_hours: 40,
            expected_hours: 45,
            block_rate: 15_000,
            ..Rates::default()
        };
        let next = r.escalate(300);
        assert_eq!(next.per_user, 9_837, "$98.365 rounds to $98.37");
        assert_eq!(next.block_rate, 15_450);
        assert_eq!((next.block_hours, next.expected_hours), (40, 45));
        assert_eq!(
            next.escalate(300).per_user,
            10_132,
            "$101.3211 from the rounded $98.37"
        );
    }

    #[test]
    fn model_keys_round_trip() {
        for m in ModelKind::ALL {
            assert_eq!(ModelKind::from_key(m.key()), Some(m));
        }
        assert_eq!(ModelKind::from_key("hourly"), None);
    }
}
