//! Cross-border pipelines.

use crate::formulation::{Balance, Formulation};
use crate::keys::ColKey;
use gas_core::{PipelineId, System};

/// Adds one flow column per pipeline `p` and window day `t`:
///
/// ```text
/// 0 <= flow(p,t) <= capacity(p,t)                  [GWh/d]
/// cost: tariff(p) · flow(p,t)                       [EUR/MWh · GWh = kEUR]
/// zone balance: −flow at hub(from(p),t), +flow at hub(to(p),t)
/// ```
///
/// The flow is positive from `from` to `to`; a pipeline is one direction only
/// (the reverse direction is its own pipeline).
pub fn add_pipelines(f: &mut Formulation, system: &System, balance: &mut Balance) {
    for (p, pipeline) in system.pipelines.iter().enumerate() {
        let id = PipelineId::from_index(p);
        for day in f.days.clone() {
            let cap = pipeline.capacity_gwh_d[day].0;
            f.add_arc(
                ColKey::PipelineFlow(id, day),
                Some(balance.hub(pipeline.from, day)),
                Some(balance.hub(pipeline.to, day)),
                0.0,
                cap,
                pipeline.tariff_eur_mwh.0,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;

    #[test]
    fn a_bottleneck_pipeline_runs_full_and_prices_split() {
        // A: production 200 GWh/d at 10 EUR/MWh, demand 50. B: demand 100, no supply.
        // Pipeline A>B 60 GWh/d at tariff 1. Flow = 60 (capacity), B curtails 40 at 500.
        // Prices: A = 10 (production marginal), B = 500 (curtailment marginal); the spread
        // 490 = tariff 1 + capacity shadow price 489.
        // Cost per day: 110 x 10 + 60 x 1 + 40 x 500 = 21 160 kEUR; 2 days 42 320 kEUR.
        let mut b = Builder::new(2);
        let a = b.zone("AA");
        let z = b.zone("BB");
        b.production(a, 200.0, 10.0);
        b.flat_demand(a, 50.0, 500.0);
        b.flat_demand(z, 100.0, 500.0);
        b.pipeline(a, z, 60.0, 1.0);
        let r = solve(&b.system, Prices::Unique);
        assert_eq!(values(&r.pipeline_flow_gwh_d[0], |v| v.0), vec![60.0, 60.0]);
        assert_close(r.zone_price_eur_mwh[0][0].0, 10.0, "price A");
        assert_close(r.zone_price_eur_mwh[1][0].0, 500.0, "price B");
        let spread = r.zone_price_eur_mwh[1][1].0 - r.zone_price_eur_mwh[0][1].0;
        assert_close(spread, 490.0, "spread");
        assert_close(r.objective_keur, 42_320.0, "objective");
    }
}
