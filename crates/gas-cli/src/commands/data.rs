//! `gasbuffer data check|show`.

use super::Failure;
use crate::flags::{DataArgs, DataCommand};
use crate::print::outln;
use gas_app::AppError;

/// Dataset commands.
pub fn data(args: DataArgs) -> Result<u8, Failure> {
    match args.command {
        DataCommand::Check { path } => {
            let dir = path.unwrap_or_else(gas_io::bundled_dataset_dir);
            let summary = gas_io::check_dataset(&dir).map_err(AppError::from)?;
            outln!(
                "{}: ok ({} zones, {} routes)",
                dir.display(),
                summary.zones.len(),
                summary.routes.len()
            );
            Ok(0)
        }
        DataCommand::Show { dataset, json } => {
            let loaded = match dataset {
                Some(dir) => gas_io::load_dataset(&dir),
                None => gas_io::load_bundled(),
            }
            .map_err(AppError::from)?;
            let summary = gas_io::summarize(&loaded);
            if json {
                let text = serde_json::to_string_pretty(&summary)
                    .map_err(|e| AppError::Io(e.to_string()))?;
                outln!("{text}");
            } else {
                outln!("{summary}");
            }
            Ok(0)
        }
        DataCommand::Import { kind, file, into } => {
            let dir = into.unwrap_or_else(gas_io::bundled_dataset_dir);
            let imported = match kind.as_str() {
                "agsi" => gas_io::import::import_agsi(&file, &dir),
                "entsog" => gas_io::import::import_entsog(&file, &dir),
                "eurostat" => gas_io::import::import_eurostat(&file, &dir),
                other => {
                    return Err(Failure::usage(format!(
                        "data import: expected agsi, entsog or eurostat, found \"{other}\""
                    )))
                }
            };
            match imported {
                Ok(summary) => {
                    outln!("{summary}");
                    Ok(0)
                }
                Err(gas_io::import::ImportError::Input(errors)) => {
                    Err(AppError::from(errors).into())
                }
                Err(error) => Err(AppError::Io(error.to_string()).into()),
            }
        }
    }
}
