//! An interrupt in the middle of a write leaves no temporary file. Alone in its
//! test binary (its own process): `stop_writes` acts on every write of the process.

use gas_output::atomic::{stop_writes, write_atomically};
use std::fs;
use std::io::Write;

#[test]
fn an_interrupt_removes_the_temporary_file_of_a_write_in_progress() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("ledger.csv");
    let temporary = folder
        .path()
        .join(format!(".ledger.csv.tmp-{}", std::process::id()));
    let outcome = write_atomically(&path, |file| {
        file.write_all(b"category,origin\n")?;
        file.flush()?;
        assert!(temporary.exists(), "the write is in progress");
        // What the command line's interrupt handler does (it then exits, holding the guard).
        let stopped = stop_writes();
        assert!(
            !temporary.exists(),
            "stop_writes removes the temporary file"
        );
        drop(stopped);
        Ok(())
    });
    assert!(outcome.is_err(), "the interrupted write fails");
    assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 0);
    // Later writes work again.
    write_atomically(&path, |file| file.write_all(b"new")).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
}
