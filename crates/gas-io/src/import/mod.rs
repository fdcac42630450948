//! Importers: turn files users download from the publishers into dataset rows,
//! merged into an existing dataset folder.
