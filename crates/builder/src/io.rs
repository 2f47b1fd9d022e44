//! Reading input files and writing the snapshot atomically.

use crate::error::{BuildError, Location};
use std::io::Write;
use std::path::Path;

/// The whole file as UTF-8 text.
pub fn read_text(file: &Path) -> Result<String, BuildError> {
    std::fs::read_to_string(file)
        .map_err(|e| BuildError::new(file, Location::File, format!("cannot read: {e}")))
}

/// Writes `contents` to `out` through a temporary file in the same folder and a rename, so
/// `out` is either the old file or the complete new one, never a partial write.
pub fn write_atomically(out: &Path, contents: &[u8]) -> Result<(), BuildError> {
    let fail = |e: std::io::Error| BuildError::new(out, Location::File, format!("cannot write: {e}"));
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, out)
    })();
    if result.is_err() {
        // Best effort: the temporary file is ours and useless now.
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}
