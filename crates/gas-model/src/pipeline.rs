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
